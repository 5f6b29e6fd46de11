// What extending a stage would do to a campaign's calendar, before the coordinator confirms it
// (README "Extending a stage"): the same rules the campaign workflow applies (domain/calendar.ts), on the
// projected stages and the pins the campaign was launched with.
import type { PrismaClient } from '../prisma/db.js';
import type { CampaignDefinition } from '../domain/campaign-definition.js';
import { planExtension, type CalendarStage, type CalendarStageStatus, type ExtensionRefusal } from '../domain/calendar.js';
import { badRequest, conflict, HttpError } from './errors.js';

export interface ExtensionPreview {
  stageKey: string;
  previousDueAt: Date;
  dueAt: Date;
  /** How far each later stage that moves moves, in ms (0 when none does). */
  shiftMs: number;
  stages: {
    key: string;
    name: string;
    nameEn: string;
    status: CalendarStageStatus;
    from: { startsAt: Date; dueAt: Date };
    to: { startsAt: Date; dueAt: Date };
    moved: boolean;
    /** Open tasks due with this stage: their deadline moves with it. */
    openTasks: number;
  }[];
}

/** The refusal the workflow would give, as the HTTP error the extend route answers with. */
export function refusalError(r: ExtensionRefusal): HttpError {
  if (r.kind === 'conflict') return conflict(r.messageZh, r.messageEn);
  if (r.kind === 'not_found') return new HttpError(404, 'not_found', r.messageZh, r.messageEn);
  return badRequest(r.messageZh, r.messageEn, [{ path: 'dueAt', messageZh: r.messageZh, messageEn: r.messageEn }]);
}

export async function previewExtension(
  db: PrismaClient,
  campaign: { id: string; def: CampaignDefinition },
  stageKey: string,
  dueAt: number,
): Promise<ExtensionPreview> {
  const rows = await db.stage.findMany({ where: { campaignId: campaign.id }, orderBy: { seq: 'asc' } });
  const pins = new Map(campaign.def.stages.map((s) => [s.key, s.pinned]));
  const calendar: CalendarStage[] = rows.map((r) => {
    const pinned = pins.get(r.key);
    return {
      key: r.key,
      name: r.name,
      nameEn: r.nameEn,
      status: r.status as CalendarStageStatus,
      startsAt: r.startsAt.getTime(),
      dueAt: r.dueAt.getTime(),
      ...(pinned ? { pinned } : {}),
    };
  });
  const planned = planExtension(calendar, stageKey, dueAt);
  if (!planned.ok) throw refusalError(planned.refusal);
  const moved = planned.plan.calendar.filter((s) => s.moved).map((s) => s.key);
  const counts = await db.task.groupBy({
    by: ['stageKey'],
    where: { campaignId: campaign.id, stageKey: { in: moved }, status: 'open', followsStage: true },
    _count: { _all: true },
  });
  const open = new Map(counts.map((c) => [c.stageKey, c._count._all]));
  const at = (ms: number) => new Date(ms);
  return {
    stageKey,
    previousDueAt: at(planned.plan.previousDueAt),
    dueAt: at(dueAt),
    shiftMs: planned.plan.calendar.some((s) => s.moved && s.key !== stageKey) ? planned.plan.shiftMs : 0,
    stages: planned.plan.calendar.map((s) => ({
      key: s.key,
      name: s.name,
      nameEn: s.nameEn,
      status: s.status,
      from: { startsAt: at(s.from.startsAt), dueAt: at(s.from.dueAt) },
      to: { startsAt: at(s.to.startsAt), dueAt: at(s.to.dueAt) },
      moved: s.moved,
      openTasks: s.moved ? (open.get(s.key) ?? 0) : 0,
    })),
  };
}
