// The leader's summary and the launch preview. The dashboard rows are read models, so the campaigns are
// seeded straight into the projections with known cases and tasks (no workflow behind them); the
// preview is called as the console calls it, and must change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, uniqueYear, type Harness } from './helpers.js';
import { startApi, type Api } from './api-helpers.js';
import { campaignWorkflowId } from '../api/campaign-launch.js';
import { stageNameEn, storedDefinition } from './helpers-campaign.js';

const DAY = 24 * 3600_000;
let h: Harness;
let api: Api;
const tokens: Record<string, string> = {};
const seeded: string[] = [];
const now = Date.now();
const at = (days: number) => new Date(now + days * DAY);
let urgent: string;
let calm: string;
let notYet: string;
let lijiang: string;

interface Row {
  id: string;
  name: string;
  notStarted: boolean;
  current: { key: string; name: string; daysLeft: number } | null;
  cases: { total: number; done: number; open: number; overdue: number; awaitingReview: number };
  escalations: number;
  stages: { key: string; done: number; open: number; overdue: number; awaitingReview: number; tasks: { done: number; open: number; overdue: number } }[];
  otherWork: { key: string; name: string; open: number; awaitingReview: number }[];
  overdueCasesByJurisdiction: { jurisdictionId: string; name: string; cases: number; tasks: number }[];
  nextDeadline: { days: number } | null;
  counts: Record<string, number>;
}

async function seedCampaign(o: {
  key: string;
  programme: string;
  jurisdictionId: string;
  stages: { key: string; name: string; startsAt: Date; dueAt: Date; status: string }[];
}) {
  const year = await uniqueYear(h.db);
  const id = `leader-${o.key}-${year}`;
  await h.db.campaign.create({
    data: {
      id,
      programme: o.programme,
      name: `${year} 年${o.key}专项`,
      year,
      jurisdictionId: o.jurisdictionId,
      status: 'running',
      currentStage: o.stages.find((s) => s.status === 'open')?.key ?? null,
      definition: storedDefinition(o.programme, year, o.jurisdictionId),
      workflowId: `wf-${id}`,
      launchedById: 'u-coord-changxing',
      // Stamped later than anything other files launch meanwhile: the dashboard reads the 50 running
      // campaigns launched last (api/resources/dashboard.ts), and the shared database holds every file's.
      launchedAt: at(1),
      caseCount: 0,
    },
  });
  await h.db.stage.createMany({
    data: o.stages.map((s, seq) => ({ ...s, nameEn: stageNameEn(o.programme, s.key), seq, id: `${id}:${s.key}`, campaignId: id })),
  });
  seeded.push(id);
  return id;
}

let n = 0;
const task = (
  campaignId: string,
  o: { caseId?: string | null; stageKey: string; type: string; role: string; jurisdictionId: string; status: string; overdue?: boolean; dueAt: Date },
) => ({
  id: `${campaignId}:t${++n}`,
  campaignId,
  stageKey: o.stageKey,
  caseId: o.caseId ?? null,
  type: o.type,
  title: `任务 ${n}`,
  assigneeRole: o.role,
  jurisdictionId: o.jurisdictionId,
  status: o.status,
  overdue: o.overdue ?? false,
  dueAt: o.dueAt,
  workflowId: `wf-${campaignId}`,
  createdAt: at(-9),
  ...(o.status === 'done' ? { completedAt: at(-1) } : {}),
});

const kase = (campaignId: string, op: { id: string; jurisdictionId: string }) => ({
  id: `${campaignId}:${op.id}`,
  campaignId,
  operatorId: op.id,
  jurisdictionId: op.jurisdictionId,
  status: 'active',
  workflowId: `wf-${campaignId}:${op.id}`,
  createdAt: at(-20),
  updatedAt: at(-1),
});

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h);
  for (const u of ['leader.changxing', 'leader.huzhou', 'leader.taihu', 'leader.zhoushan', 'auditor.lijiang', 'coord.changxing', 'coord.zhoushan'])
    tokens[u] = await api.login(u);
  const ops = await h.db.operator.findMany({ where: { id: { in: ['op-cx-001', 'op-cx-007', 'op-cx-002', 'op-cx-008'] } } });
  const op = (id: string) => ops.find((o) => o.id === id)!;

  // Urgent: self-check open (due in 5 days); four cases in 雉城 (001, 007) and 太湖 (002, 008):
  // 001 submitted, waiting for the officer's review; 007 late with its self-check; 002 reviewed (done);
  // 008 still at its self-check. An escalation of the county, not tied to a case, is open.
  const stages = (open: boolean, startIn: number) => [
    { key: 'mobilization', name: '动员部署', startsAt: at(startIn - 20), dueAt: at(startIn - 10), status: open ? 'closed' : 'pending' },
    { key: 'self_check', name: '自查自纠', startsAt: at(startIn - 9), dueAt: at(startIn + 5), status: open ? 'open' : 'pending' },
    { key: 'rectification', name: '集中治理', startsAt: at(startIn + 6), dueAt: at(startIn + 30), status: 'pending' },
  ];
  urgent = await seedCampaign({ key: '紧急', programme: 'changxing', jurisdictionId: '330522', stages: stages(true, 0) });
  const c = (id: string) => `${urgent}:${id}`;
  await h.db.case.createMany({ data: ['op-cx-001', 'op-cx-007', 'op-cx-002', 'op-cx-008'].map((id) => kase(urgent, op(id))) });
  const sc = { stageKey: 'self_check', role: 'operator', dueAt: at(5) };
  const review = { stageKey: 'self_check', type: 'self_check_review', role: 'county_officer', dueAt: at(5) };
  await h.db.task.createMany({
    data: [
      task(urgent, { ...sc, type: 'self_check', caseId: c('op-cx-001'), jurisdictionId: '330522001', status: 'done' }),
      task(urgent, { ...review, caseId: c('op-cx-001'), jurisdictionId: '330522001', status: 'open' }),
      task(urgent, { ...sc, type: 'self_check', caseId: c('op-cx-007'), jurisdictionId: '330522001', status: 'open', overdue: true, dueAt: at(-1) }),
      task(urgent, { ...sc, type: 'self_check', caseId: c('op-cx-002'), jurisdictionId: '330522002', status: 'done' }),
      task(urgent, { ...review, caseId: c('op-cx-002'), jurisdictionId: '330522002', status: 'done' }),
      task(urgent, { ...sc, type: 'self_check', caseId: c('op-cx-008'), jurisdictionId: '330522002', status: 'open' }),
      task(urgent, { stageKey: 'self_check', type: 'escalation', role: 'coordinator', jurisdictionId: '330522', status: 'open', dueAt: at(3) }),
      task(urgent, { stageKey: 'mobilization', type: 'escalation', role: 'coordinator', jurisdictionId: '330522', status: 'done', dueAt: at(-10) }),
    ],
  });

  // Calm: the same calendar, one case at its self-check, nothing late.
  calm = await seedCampaign({ key: '平稳', programme: 'changxing', jurisdictionId: '330522', stages: stages(true, 0) });
  await h.db.case.create({ data: kase(calm, op('op-cx-001')) });
  await h.db.task.create({ data: task(calm, { ...sc, type: 'self_check', caseId: `${calm}:op-cx-001`, jurisdictionId: '330522001', status: 'open' }) });

  // Not yet started: its first stage opens in 30 days.
  notYet = await seedCampaign({ key: '未开始', programme: 'changxing', jurisdictionId: '330522', stages: stages(false, 40) });

  // Lijiang: the register's reviews carry the stage key `register`, outside the calendar's one stage
  // (domain/programmes/lijiang.ts intake.taskStageKey): three wait for the office (auditor).
  lijiang = await seedCampaign({
    key: '丽江入库',
    programme: 'lijiang',
    jurisdictionId: '530700',
    stages: [{ key: 'intake', name: '申报入库', startsAt: at(-30), dueAt: at(700), status: 'open' }],
  });
  const lj = await h.db.operator.findMany({ where: { id: { in: ['op-lj-001', 'op-lj-002', 'op-lj-003'] } } });
  await h.db.case.createMany({ data: lj.map((o) => kase(lijiang, o)) });
  await h.db.task.createMany({
    data: lj.map((o) =>
      task(lijiang, {
        caseId: `${lijiang}:${o.id}`,
        stageKey: 'register',
        type: 'intake_review',
        role: 'auditor',
        jurisdictionId: '530700',
        status: 'open',
        dueAt: at(10),
      }),
    ),
  });
});

afterAll(async () => {
  // Not running any more, and their open tasks gone: other files' dashboards and inboxes need not see them.
  await h?.db.campaign.updateMany({ where: { id: { in: seeded } }, data: { status: 'completed' } });
  await h?.db.task.deleteMany({ where: { campaignId: { in: seeded } } });
  await api?.close();
  await h?.stop();
});

const rowsOf = async (user: string): Promise<Row[]> => {
  const r = await api.call('GET', '/dashboard', { token: tokens[user] });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.campaigns;
};

describe('leader’s summary', () => {
  it('counts progress in cases, with the cases waiting on a reviewer, and keeps the task counts beside', async () => {
    const row = (await rowsOf('leader.changxing')).find((c) => c.id === urgent)!;
    expect(row.current).toMatchObject({ key: 'self_check', name: '自查自纠', daysLeft: 5 });
    expect(row.notStarted).toBe(false);
    // Four cases: 001 waits on its reviewer, 007 is late, 002 is done, 008 is at its self-check.
    expect(row.cases).toEqual({ total: 4, done: 1, open: 3, overdue: 1, awaitingReview: 1 });
    const selfCheck = row.stages.find((s) => s.key === 'self_check')!;
    expect(selfCheck).toMatchObject({ done: 1, open: 3, overdue: 1, awaitingReview: 1 });
    // In tasks the same stage reads 3 done / 4 open (the escalation among them): not what a leader asks.
    expect(selfCheck.tasks).toEqual({ done: 3, open: 4, overdue: 1 });
    expect(row.stages.find((s) => s.key === 'mobilization')).toMatchObject({ done: 0, open: 0, tasks: { done: 1, open: 0, overdue: 0 } });
    expect(row.escalations).toBe(1);
    expect(row.overdueCasesByJurisdiction).toEqual([{ jurisdictionId: '330522001', name: '雉城市场监管所', cases: 1, tasks: 1 }]);
    expect(row.counts).toMatchObject({ cases: 4, openTasks: 4, overdueTasks: 1 });
    expect(row.nextDeadline?.days).toBe(3); // the escalation's
    // The campaign page's progress says the same in cases, beside its task counts.
    const progress = await api.call('GET', `/campaigns/${encodeURIComponent(urgent)}/progress`, { token: tokens['leader.changxing'] });
    expect(progress.body.stages.find((s: { key: string }) => s.key === 'self_check')).toMatchObject({
      done: 3,
      open: 4,
      cases: { done: 1, open: 3, overdue: 1, awaitingReview: 1 },
    });
  });

  it('puts the campaigns with late cases first and those not yet started last, as 未开始', async () => {
    const rows = await rowsOf('leader.changxing');
    const order = rows.map((r) => r.id).filter((id) => [urgent, calm, notYet].includes(id));
    expect(order).toEqual([urgent, calm, notYet]);
    // Every campaign not started comes after every started one.
    const firstNotStarted = rows.findIndex((r) => r.notStarted);
    expect(firstNotStarted).toBeGreaterThan(-1);
    expect(rows.slice(firstNotStarted).every((r) => r.notStarted)).toBe(true);
    const later = rows.find((r) => r.id === notYet)!;
    expect(later).toMatchObject({ notStarted: true, current: null, cases: { total: 0, open: 0, overdue: 0 } });
  });

  it('counts within the leader’s jurisdiction: the county and city see all, a station its own, another city nothing', async () => {
    expect((await rowsOf('leader.huzhou')).find((c) => c.id === urgent)!.cases).toEqual({ total: 4, done: 1, open: 3, overdue: 1, awaitingReview: 1 });
    const station = (await rowsOf('leader.taihu')).find((c) => c.id === urgent)!;
    // 太湖: 002 done, 008 open; the county's escalation and 雉城's late case are not theirs.
    expect(station.cases).toEqual({ total: 2, done: 1, open: 1, overdue: 0, awaitingReview: 0 });
    expect(station.escalations).toBe(0);
    expect(station.overdueCasesByJurisdiction).toEqual([]);
    expect((await rowsOf('leader.zhoushan')).find((c) => [urgent, calm, notYet, lijiang].includes(c.id))).toBeUndefined();
  });

  it('counts a register’s open reviews as the campaign’s open tasks, as many as the auditor’s own list has', async () => {
    const row = (await rowsOf('auditor.lijiang')).find((c) => c.id === lijiang)!;
    // Before, only the calendar's stages were summed: 待办任务 0 beside 我的待办 3.
    expect(row.counts.openTasks).toBe(3);
    expect(row.otherWork).toEqual([expect.objectContaining({ key: 'register', name: '入库审核及管理', open: 3, awaitingReview: 3 })]);
    const mine = await api.call(
      'GET',
      `/tasks?${new URLSearchParams({ filter: JSON.stringify({ mine: true, status: 'open', campaignId: lijiang }), range: '[0,0]' })}`,
      {
        token: tokens['auditor.lijiang'],
      },
    );
    expect(mine.status).toBe(200);
    expect(Number(/\/(\d+)$/.exec(mine.headers.get('content-range') ?? '')?.[1])).toBe(row.counts.openTasks);
  });
});

describe('launch preview', () => {
  const fingerprint = async (campaignId: string) => ({
    campaigns: await h.db.campaign.count({ where: { id: campaignId } }),
    cases: await h.db.case.count({ where: { campaignId } }),
    audit: await h.db.auditEvent.count({ where: { key: { contains: campaignId } } }),
  });

  it('states the calendar and the operators the launch would enrol, and changes nothing', async () => {
    const year = await uniqueYear(h.db);
    const body = { programme: 'changxing', year, jurisdictionId: '330522', operatorIds: ['op-cx-001', 'op-cx-007', 'op-cx-002'] };
    const campaignId = `changxing-330522-${year}`;
    const before = await fingerprint(campaignId);
    const r = await api.call('POST', '/campaigns/launch-preview', { token: tokens['coord.changxing'], body });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ year, jurisdictionName: '长兴县', byApplication: false, operators: 3 });
    expect(r.body.operatorsByJurisdiction).toEqual([
      { jurisdictionId: '330522001', name: '雉城市场监管所', count: 2 },
      { jurisdictionId: '330522002', name: '太湖街道市场监管所', count: 1 },
    ]);
    expect(r.body.stages.map((s: { key: string }) => s.key)).toEqual(['mobilization', 'self_check', 'rectification', 'evaluation', 'summary']);
    expect(r.body.stages.every((s: { name: string; startsAt: string; dueAt: string }) => s.name && Date.parse(s.startsAt) < Date.parse(s.dueAt))).toBe(true);
    // Without a list, the whole register of the county and its stations: as many as it holds (other files
    // may register operators there meanwhile, so between the counts before and after).
    const registered = async () => {
      const subtree = await h.db.jurisdiction.findMany({ where: { path: { contains: '/330522/' } }, select: { id: true } });
      return h.db.operator.count({ where: { jurisdictionId: { in: subtree.map((j) => j.id) } } });
    };
    const registeredBefore = await registered();
    const whole = await api.call('POST', '/campaigns/launch-preview', {
      token: tokens['coord.changxing'],
      body: { programme: 'changxing', year, jurisdictionId: '330522' },
    });
    expect(whole.status).toBe(200);
    expect(whole.body.operators).toBeGreaterThanOrEqual(Math.max(registeredBefore, 30));
    expect(whole.body.operators).toBeLessThanOrEqual(await registered());
    // An application programme enrols nobody at launch.
    const zs = await api.call('POST', '/campaigns/launch-preview', {
      token: tokens['coord.zhoushan'],
      body: { programme: 'zhoushan', year, jurisdictionId: '330900' },
    });
    expect(zs.status, JSON.stringify(zs.body)).toBe(200);
    expect(zs.body).toMatchObject({ byApplication: true, operators: 0 });
    expect(await fingerprint(campaignId)).toEqual(before);
    await expect(h.env.client.workflow.getHandle(campaignWorkflowId(campaignId)).describe()).rejects.toThrow();
  });

  it('refuses what the launch would refuse, with reasons that name things by their names', async () => {
    const year = await uniqueYear(h.db);
    const preview = (body: object) => api.call('POST', '/campaigns/launch-preview', { token: tokens['coord.changxing'], body });
    // A station cannot run a campaign.
    const station = await preview({ programme: 'changxing', year, jurisdictionId: '330522001' });
    expect(station.status).toBe(400);
    expect(station.body.messageZh).toContain('雉城市场监管所');
    expect(station.body.fields).toEqual([expect.objectContaining({ path: 'jurisdictionId' })]);
    // The same refusal on the launch itself.
    const launch = await api.call('POST', '/campaigns', {
      token: tokens['coord.changxing'],
      body: { programme: 'changxing', year, jurisdictionId: '330522001' },
    });
    expect([launch.status, launch.body.messageZh]).toEqual([400, station.body.messageZh]);
    // Operators not in the register: each named in a reason.
    const unknown = await preview({ programme: 'changxing', year, jurisdictionId: '330522', operatorIds: ['op-nope-1', 'op-cx-001'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual([expect.objectContaining({ path: 'operatorIds.0' })]);
    // A stage due before it starts.
    const dates = await preview({
      programme: 'changxing',
      year,
      jurisdictionId: '330522',
      stages: [{ key: 'self_check', startsAt: `${year}-06-10`, dueAt: `${year}-06-01` }],
    });
    expect(dates.status).toBe(400);
    expect(dates.body.fields.length).toBeGreaterThan(0);
    // A campaign already launched is named by its name and year, not its id.
    const dupYear = await uniqueYear(h.db);
    const dupId = `changxing-330522-${dupYear}`;
    const dupName = `${dupYear} 年长兴县放心电商（重名）`;
    await h.db.campaign.create({
      data: {
        id: dupId,
        programme: 'changxing',
        name: dupName,
        year: dupYear,
        jurisdictionId: '330522',
        status: 'completed',
        definition: storedDefinition('changxing', dupYear, '330522'),
        workflowId: `wf-${dupId}`,
        launchedById: 'u-coord-changxing',
        launchedAt: at(-1),
        caseCount: 0,
      },
    });
    seeded.push(dupId);
    const dup = await preview({ programme: 'changxing', year: dupYear, jurisdictionId: '330522' });
    expect(dup.status).toBe(409);
    expect(dup.body.messageZh).toContain(dupName);
    expect(dup.body.messageZh).not.toContain(dupId);
    // Outside the coordinator's county.
    expect(
      (
        await api.call('POST', '/campaigns/launch-preview', {
          token: tokens['coord.zhoushan'],
          body: { programme: 'changxing', year, jurisdictionId: '330522' },
        })
      ).status,
    ).toBe(403);
  });
});
