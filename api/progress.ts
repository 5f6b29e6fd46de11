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
