// The leader's and coordinator's view: every running campaign's current stage, progress counted in
// cases (those waiting on a reviewer apart), overdue work by jurisdiction, the next deadline, the score
// distribution and award / list counts, most urgent first and campaigns not yet started last; and the
// deadline calendar of the user's scope. All figures come from the projections, within the scope.
import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import type { CampaignDefinition } from '../../domain/campaign-definition.js';
import { scoreThresholdOf } from '../../domain/score-threshold.js';
import { parseDeadline, parseStageStart, shanghaiDate } from '../../domain/time.js';
import { visibleJurisdictions } from '../campaign-access.js';
import { badRequest, parseOr400 } from '../errors.js';
import { caseProgress, overdueByJurisdiction, overdueCasesByJurisdiction, scoreDistribution, stageCounts } from '../progress.js';
import { route } from '../routes.js';
import type { Principal } from '../scope.js';

const DAY_MS = 24 * 3600_000;
/** Whole calendar days (Asia/Shanghai) from today to the day of `at`. */
const daysUntil = (at: number, now: number) => Math.round((Date.parse(shanghaiDate(at)) - Date.parse(shanghaiDate(now))) / DAY_MS);

/** What the leader reads first of a campaign: how late its cases are, then how soon its next deadline falls. */
const urgency = (c: {
  notStarted: boolean;
  cases: { overdue: number };
  counts: { overdueTasks: number };
  nextDeadline: { at: Date } | null;
  startsAt: Date | null;
  name: string;
}) => [c.notStarted ? 1 : 0, -c.cases.overdue, -c.counts.overdueTasks, c.nextDeadline?.at.getTime() ?? c.startsAt?.getTime() ?? Number.MAX_SAFE_INTEGER];
const byUrgency = (a: Parameters<typeof urgency>[0], b: Parameters<typeof urgency>[0]) => {
  const [x, y] = [urgency(a), urgency(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return a.name.localeCompare(b.name, 'zh');
};

/** Work outside a programme's stage calendar, named for the leader (a register's reviews, 丽江附件1 第15–18条). */
const OTHER_WORK = { register: ['入库审核及管理', 'Register reviews'], other: ['其他工作', 'Other work'] } as const;

export async function dashboard(db: PrismaClient, me: Principal, now = Date.now()) {
  const campaigns = await db.campaign.findMany({
    where: { status: 'running', jurisdictionId: { in: visibleJurisdictions(me) } },
    orderBy: { launchedAt: 'desc' },
    // Every running campaign in scope, sorted by urgency below: a cap on the newest would hide an older
    // campaign that is the most overdue. A province has a few hundred at most (one per county, programme
    // and year); the bound only keeps a runaway scope from reading without end.
    take: 1000,
  });
  const ids = campaigns.map((c) => c.id);
  const scope = { campaignId: { in: ids }, jurisdictionId: { in: me.subtree } };
  const [stages, counts, progress, lateByJurisdiction, cases, titles, listings, nextTasks] = await Promise.all([
    db.stage.findMany({ where: { campaignId: { in: ids } }, orderBy: { seq: 'asc' } }),
    stageCounts(db, ids, me.subtree),
    caseProgress(db, ids, me.subtree),
    overdueCasesByJurisdiction(db, ids, me.subtree),
    db.case.findMany({ where: scope, select: { campaignId: true, totalScore: true, proposed: true, excludedKind: true, application: true } }),
    db.title.groupBy({ by: ['campaignId'], where: { ...scope, status: 'active' }, _count: { _all: true } }),
    db.listing.groupBy({ by: ['campaignId'], where: { ...scope, status: 'listed' }, _count: { _all: true } }),
    // The earliest open task still ahead, per campaign.
    db.task.groupBy({ by: ['campaignId'], where: { ...scope, status: 'open', dueAt: { gt: new Date(now) } }, _min: { dueAt: true } }),
  ]);
  const out = [];
  for (const c of campaigns) {
    const def = c.definition as unknown as CampaignDefinition;
    const threshold = scoreThresholdOf(def.rules, def.settings);
    const own = stages.filter((s) => s.campaignId === c.id);
    const ownCases = cases.filter((x) => x.campaignId === c.id);
    const scores = ownCases.map((x) => x.totalScore).filter((s): s is number => s !== null);
    // Progress in cases (the issue a leader reads: "3 self-checks wait for review"), the tasks beside.
    const stageRows = own.map((s) => {
      const { escalations: _e, ...inCases } = progress.stage(c.id, s.key);
      const tasks = counts(c.id, s.key);
      return { key: s.key, name: s.name, nameEn: s.nameEn, status: s.status, startsAt: s.startsAt, dueAt: s.dueAt, ...inCases, tasks };
    });
    const calendarKeys = new Set(own.map((s) => s.key));
    const otherWork = progress
      .stageKeys(c.id)
      .filter((k) => !calendarKeys.has(k))
      .map((key) => {
        const { escalations: _e, ...inCases } = progress.stage(c.id, key);
        const [name, nameEn] = def.kind === 'register' ? OTHER_WORK.register : OTHER_WORK.other;
        return { key, name, nameEn, ...inCases };
      });
    const whole = progress.campaign(c.id);
    const nextStage = own.filter((s) => s.status !== 'closed' && s.dueAt.getTime() > now).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
    const nextTask = nextTasks.find((t) => t.campaignId === c.id)?._min.dueAt;
    const next =
      nextTask && (!nextStage || nextTask < nextStage.dueAt)
        ? { at: nextTask, kind: 'task' as const, label: '最近一项待办截止', labelEn: 'next task due' }
        : nextStage
          ? { at: nextStage.dueAt, kind: 'stage' as const, label: `「${nextStage.name}」截止`, labelEn: `${nextStage.nameEn} due` }
          : undefined;
    // Not started: no stage has opened yet (all pending, the first still ahead); listed below the others as 未开始.
    const first = own[0];
    const notStarted = own.length > 0 && own.every((s) => s.status === 'pending') && first!.startsAt.getTime() > now;
    const current = own.find((s) => s.key === c.currentStage && s.status === 'open') ?? own.find((s) => s.status === 'open');
    out.push({
      id: c.id,
      name: c.name,
      programme: c.programme,
      year: c.year,
      jurisdictionId: c.jurisdictionId,
      status: c.status,
      currentStage: c.currentStage,
      notStarted,
      startsAt: first?.startsAt ?? null,
      current: current
        ? { key: current.key, name: current.name, nameEn: current.nameEn, dueAt: current.dueAt, daysLeft: daysUntil(current.dueAt.getTime(), now) }
        : null,
      cases: { total: ownCases.length, done: whole.done, open: whole.open, overdue: whole.overdue, awaitingReview: whole.awaitingReview },
      escalations: whole.escalations,
      stages: stageRows,
      otherWork,
      overdueByJurisdiction: await overdueByJurisdiction(db, c.id, me.subtree),
      overdueCasesByJurisdiction: lateByJurisdiction(c.id),
      nextDeadline: next ? { ...next, days: daysUntil(next.at.getTime(), now) } : null,
      threshold: threshold?.value ?? null,
      thresholdKind: threshold?.kind ?? null,
      scoreDistribution: scores.length ? scoreDistribution(scores) : null,
      counts: {
        cases: ownCases.length,
        scored: scores.length,
        proposed: ownCases.filter((x) => x.proposed).length,
        excluded: ownCases.filter((x) => x.excludedKind).length,
        titles: titles.find((t) => t.campaignId === c.id)?._count._all ?? 0,
        applications: ownCases.filter((x) => x.application !== null).length,
        listed: listings.find((t) => t.campaignId === c.id)?._count._all ?? 0,
        // Every open task of the campaign in scope, whatever its stage key: the sum over the calendar's
        // stages left out a register's review work (丽江: 我的待办 3 beside 待办任务 0).
        openTasks: whole.tasks.open,
        overdueTasks: whole.tasks.overdue,
      },
    });
  }
  out.sort(byUrgency);
  return { today: new Date(now).toISOString(), campaigns: out };
}

const calendarQuery = z.object({ from: z.string().max(10), to: z.string().max(10) }).strict();

export async function calendar(db: PrismaClient, me: Principal, from: string, to: string) {
  const start = parseStageStart(from);
  const end = parseDeadline(to);
  if (start === undefined || end === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to))
    throw badRequest('日期须为 YYYY-MM-DD', 'from and to must be dates (YYYY-MM-DD)', [{ path: 'from', messageZh: '日期格式无效', messageEn: 'invalid date' }]);
  if (end < start || end - start > 92 * DAY_MS)
    throw badRequest('日期范围须为 1 到 92 天', 'the range must be 1 to 92 days', [{ path: 'to', messageZh: '范围无效', messageEn: 'invalid range' }]);
  const window = { gte: new Date(start), lte: new Date(end) };
  const campaigns = await db.campaign.findMany({ where: { jurisdictionId: { in: visibleJurisdictions(me) } }, select: { id: true, name: true } });
  const names = new Map(campaigns.map((c) => [c.id, c.name]));
  const ids = campaigns.map((c) => c.id);
  const [stages, groups, overdueWork] = await Promise.all([
    db.stage.findMany({ where: { campaignId: { in: ids }, OR: [{ startsAt: window }, { dueAt: window }] } }),
    db.$queryRaw<{ campaign_id: string; stage_key: string; type: string; jurisdiction_id: string; day: string; at: Date; n: bigint; overdue: bigint }[]>`
      SELECT campaign_id, stage_key, type, jurisdiction_id, to_char(due_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day,
             min(due_at) AS at, count(*) AS n, count(*) FILTER (WHERE overdue) AS overdue
      FROM task
      WHERE status = 'open' AND campaign_id = ANY(${ids}) AND jurisdiction_id = ANY(${me.subtree}) AND due_at >= ${window.gte} AND due_at <= ${window.lte}
      GROUP BY 1, 2, 3, 4, 5`,
    // A stage deadline is red while work of that stage is open and overdue in the user's scope.
    db.task.groupBy({
      by: ['campaignId', 'stageKey'],
      where: { campaignId: { in: ids }, jurisdictionId: { in: me.subtree }, status: 'open', overdue: true },
      _count: { _all: true },
    }),
  ]);
  const overdueOf = (campaignId: string, stageKey: string) => overdueWork.find((g) => g.campaignId === campaignId && g.stageKey === stageKey)?._count._all ?? 0;
  const jNames = new Map(
    (await db.jurisdiction.findMany({ where: { id: { in: [...new Set(groups.map((g) => g.jurisdiction_id))] } } })).map((j) => [j.id, j.name]),
  );
  const stageOf = new Map((await db.stage.findMany({ where: { campaignId: { in: [...new Set(groups.map((g) => g.campaign_id))] } } })).map((s) => [s.id, s]));
  const events = [];
  for (const s of stages) {
    const base = {
      campaignId: s.campaignId,
      campaignName: names.get(s.campaignId) ?? s.campaignId,
      stageKey: s.key,
      stageName: s.name,
      stageNameEn: s.nameEn,
      status: s.status,
    };
    if (s.startsAt >= window.gte && s.startsAt <= window.lte)
      events.push({ id: `stage_start:${s.id}`, kind: 'stage_start', at: s.startsAt, date: shanghaiDate(s.startsAt.getTime()), ...base, overdue: 0 });
    if (s.dueAt >= window.gte && s.dueAt <= window.lte)
      events.push({
        id: `stage_due:${s.id}`,
        kind: 'stage_due',
        at: s.dueAt,
        date: shanghaiDate(s.dueAt.getTime()),
        ...base,
        overdue: overdueOf(s.campaignId, s.key),
      });
  }
  for (const g of groups) {
    const s = stageOf.get(`${g.campaign_id}:${g.stage_key}`);
    events.push({
      id: `tasks_due:${g.campaign_id}:${g.stage_key}:${g.type}:${g.jurisdiction_id}:${g.day}`,
      kind: 'tasks_due',
      at: g.at,
      date: g.day,
      campaignId: g.campaign_id,
      campaignName: names.get(g.campaign_id) ?? g.campaign_id,
      stageKey: g.stage_key,
      stageName: s?.name ?? g.stage_key,
      stageNameEn: s?.nameEn ?? g.stage_key,
      taskType: g.type,
      jurisdictionId: g.jurisdiction_id,
      jurisdictionName: jNames.get(g.jurisdiction_id) ?? g.jurisdiction_id,
      count: Number(g.n),
      overdue: Number(g.overdue),
    });
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
  return { from, to, events };
}

export function dashboardRouter(db: PrismaClient): Router {
  const r = Router();
  route(
    r,
    {
      method: 'get',
      path: '/dashboard',
      summary:
        'Running campaigns you can see, most urgent first (not yet started last): current stage and days left, progress in cases (done, open, awaiting review, overdue) per stage, overdue work by jurisdiction, open escalations, next deadline, score distribution, award and list counts (within your scope)',
      tag: 'dashboard',
    },
    async (_req, _res, me) => dashboard(db, me),
  );
  route(
    r,
    {
      method: 'get',
      path: '/calendar',
      summary: 'Stage starts and deadlines, and open tasks due per day, type and jurisdiction, between from and to (YYYY-MM-DD, Asia/Shanghai, ≤ 92 days)',
      tag: 'dashboard',
    },
    async (req, _res, me) => {
      const q = parseOr400(calendarQuery, req.query, 'query');
      return calendar(db, me, q.from, q.to);
    },
  );
  return r;
}
