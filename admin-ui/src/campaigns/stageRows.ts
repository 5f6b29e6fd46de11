import type { Bilingual, Stage, StageProgress, StageStatus } from '../types';

/** A campaign stage together with its task counts. */
export interface StageRow extends Bilingual {
  key: string;
  status: StageStatus;
  startsAt?: string;
  dueAt: string;
  closedEarly?: boolean;
  done?: number;
  open?: number;
  overdue?: number;
  /** The stage in cases (GET /campaigns/:id/progress). */
  cases?: StageProgress['cases'];
}

/** Joins the campaign's stages (dates, status) with the progress report (counts) by key. */
export const stageRows = (stages: Stage[] = [], progress: StageProgress[] = []): StageRow[] => {
  if (!stages.length) return progress;
  const byKey = new Map(progress.map((p) => [p.key, p]));
  return [...stages]
    .sort((a, b) => a.seq - b.seq)
    .map((stage) => {
      const counts = byKey.get(stage.key);
      return {
        key: stage.key,
        name: stage.name,
        nameEn: stage.nameEn,
        status: stage.status,
        startsAt: stage.startsAt,
        dueAt: stage.dueAt,
        closedEarly: stage.closedEarly,
        done: counts?.done,
        open: counts?.open,
        overdue: counts?.overdue ?? stage.overdueCount,
        cases: counts?.cases,
      };
    });
};
