// Progress figures shared by the campaign page, the dashboard and the summary report: task counts per
// stage within the user's scope, overdue work by jurisdiction, and the score distribution.
import type { PrismaClient } from '../prisma/db.js';

export interface StageCounts {
  done: number;
  open: number;
  overdue: number;
}

/** Task counts per campaign and stage (open overdue work counts as open and as overdue). */
export async function stageCounts(db: PrismaClient, campaignIds: string[], subtree: string[]): Promise<(campaignId: string, stageKey: string) => StageCounts> {
  const groups = await db.task.groupBy({
    by: ['campaignId', 'stageKey', 'status', 'overdue'],
    where: { campaignId: { in: campaignIds }, jurisdictionId: { in: subtree } },
    _count: { _all: true },
  });
  return (campaignId, stageKey) => {
    const mine = groups.filter((g) => g.campaignId === campaignId && g.stageKey === stageKey);
    const sum = (pred: (g: (typeof groups)[number]) => boolean) => mine.filter(pred).reduce((n, g) => n + g._count._all, 0);
    return { done: sum((g) => g.status === 'done'), open: sum((g) => g.status === 'open'), overdue: sum((g) => g.status === 'open' && g.overdue) };
  };
}

/** Open overdue tasks per jurisdiction, most first, with the jurisdiction's name. */
export async function overdueByJurisdiction(db: PrismaClient, campaignId: string, subtree: string[]) {
  const overdue = await db.task.groupBy({
    by: ['jurisdictionId'],
    where: { campaignId, jurisdictionId: { in: subtree }, status: 'open', overdue: true },
    _count: { _all: true },
  });
  const names = new Map((await db.jurisdiction.findMany({ where: { id: { in: overdue.map((o) => o.jurisdictionId) } } })).map((j) => [j.id, j.name]));
  return overdue
    .map((o) => ({ jurisdictionId: o.jurisdictionId, name: names.get(o.jurisdictionId) ?? o.jurisdictionId, overdue: o._count._all }))
    .sort((a, b) => b.overdue - a.overdue || a.jurisdictionId.localeCompare(b.jurisdictionId));
}

/** Score bands; 80–85 and 85–90 apart because 85 is Changxing's award threshold (三、评定管理). */
export const SCORE_BUCKETS: [number, number, string][] = [
  [0, 60, '<60'],
  [60, 70, '60–69.99'],
  [70, 80, '70–79.99'],
  [80, 85, '80–84.99'],
  [85, 90, '85–89.99'],
  [90, 100.0001, '90–100'],
];

export const scoreDistribution = (scores: number[]) =>
  SCORE_BUCKETS.map(([from, to, label]) => ({ label, from, to: Math.min(to, 100), count: scores.filter((s) => s >= from && s < to).length }));

/**
 * Task types in which someone decides on work another has submitted: a case whose open work is one of
 * these is waiting on a reviewer, not on the operator or the inspecting officer (DOMAIN.md, the
 * self-check review, verification, pre-review, city audit, intake and removal reviews).
 */
export const REVIEW_TASK_TYPES = ['self_check_review', 'verification', 'pre_review', 'city_audit', 'intake_review', 'removal_review'];

/** Cases with work in a stage: done (all of it done), open (some open, among them awaitingReview), overdue (some open and late). */
export interface CaseCounts {
  done: number;
  open: number;
  overdue: number;
  awaitingReview: number;
}

interface CaseCountRow {
  campaign_id: string;
  stage_key: string;
  cases: bigint;
  open: bigint;
  overdue: bigint;
  review: bigint;
  tasks_done: bigint;
  tasks_open: bigint;
  tasks_overdue: bigint;
  escalations: bigint;
}

const caseCounts = (r: CaseCountRow | undefined): CaseCounts & { tasks: StageCounts; escalations: number } => ({
  done: Number(r?.cases ?? 0) - Number(r?.open ?? 0),
  open: Number(r?.open ?? 0),
  overdue: Number(r?.overdue ?? 0),
  awaitingReview: Number(r?.review ?? 0),
  tasks: { done: Number(r?.tasks_done ?? 0), open: Number(r?.tasks_open ?? 0), overdue: Number(r?.tasks_overdue ?? 0) },
  escalations: Number(r?.escalations ?? 0),
});

/**
 * Progress counted in cases (a case with three tasks in a stage is one case), per campaign and stage and
 * per campaign over all its stages, within the scope; the task counts beside them. Work not tied to a
 * case (a coordinator's task) is in the task counts only. Every task counts, whatever its stage key: a
 * register's review work lies outside the calendar's stages (丽江: tasks of `intake.taskStageKey`).
 */
export async function caseProgress(db: PrismaClient, campaignIds: string[], subtree: string[]) {
  if (!campaignIds.length) return { stage: () => caseCounts(undefined), campaign: () => caseCounts(undefined), stageKeys: () => [] as string[] };
  const rows = await db.$queryRaw<CaseCountRow[]>`
    SELECT campaign_id, coalesce(stage_key, '') AS stage_key,
           count(DISTINCT case_id) AS cases,
           count(DISTINCT case_id) FILTER (WHERE status = 'open') AS open,
           count(DISTINCT case_id) FILTER (WHERE status = 'open' AND overdue) AS overdue,
           count(DISTINCT case_id) FILTER (WHERE status = 'open' AND type = ANY(${REVIEW_TASK_TYPES})) AS review,
           count(*) FILTER (WHERE status = 'done') AS tasks_done,
           count(*) FILTER (WHERE status = 'open') AS tasks_open,
           count(*) FILTER (WHERE status = 'open' AND overdue) AS tasks_overdue,
           count(*) FILTER (WHERE status = 'open' AND type = 'escalation') AS escalations
    FROM task
    WHERE campaign_id = ANY(${campaignIds}) AND jurisdiction_id = ANY(${subtree})
    GROUP BY GROUPING SETS ((campaign_id, stage_key), (campaign_id))`;
  // The grouping set without the stage gives the campaign's totals (a case counted once over its stages).
  const byStage = rows.filter((r) => r.stage_key !== '');
  const whole = rows.filter((r) => r.stage_key === '');
  return {
    stage: (campaignId: string, stageKey: string) => caseCounts(byStage.find((r) => r.campaign_id === campaignId && r.stage_key === stageKey)),
    campaign: (campaignId: string) => caseCounts(whole.find((r) => r.campaign_id === campaignId)),
    stageKeys: (campaignId: string) => byStage.filter((r) => r.campaign_id === campaignId).map((r) => r.stage_key),
  };
}

/** Jurisdictions with overdue open work: the cases (and tasks) late in each, most cases first, by name. */
export async function overdueCasesByJurisdiction(db: PrismaClient, campaignIds: string[], subtree: string[]) {
  if (!campaignIds.length) return () => [];
  const rows = await db.$queryRaw<{ campaign_id: string; jurisdiction_id: string; name: string; cases: bigint; tasks: bigint }[]>`
    SELECT t.campaign_id, t.jurisdiction_id, j.name,
           count(DISTINCT coalesce(t.case_id, t.id)) AS cases, count(*) AS tasks
    FROM task t JOIN jurisdiction j ON j.id = t.jurisdiction_id
    WHERE t.campaign_id = ANY(${campaignIds}) AND t.jurisdiction_id = ANY(${subtree}) AND t.status = 'open' AND t.overdue
    GROUP BY 1, 2, 3`;
  return (campaignId: string) =>
    rows
      .filter((r) => r.campaign_id === campaignId)
      .map((r) => ({ jurisdictionId: r.jurisdiction_id, name: r.name, cases: Number(r.cases), tasks: Number(r.tasks) }))
      .sort((a, b) => b.cases - a.cases || b.tasks - a.tasks || a.name.localeCompare(b.name, 'zh'));
}
