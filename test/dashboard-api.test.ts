// The dashboard, the deadline calendar and the app-bar search against a campaign seeded with
// known numbers straight into the projections (no workflow behind it: these are read models), checked
// per role and jurisdiction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../domain/time.js';
import { defineCampaign, type SettingsInput } from '../domain/campaign-definition.js';
import { PROGRAMMES, type Programme } from '../domain/programmes/index.js';
import { programmeFromSpec, type ProgrammeSpec } from '../domain/programmes/defined.js';
import { startHarness, uniqueYear, type Harness } from './helpers.js';
import { startApi, type Api } from './api-helpers.js';
import { shanghaiSpec } from './helpers-programmes.js';
import { storedDefinition } from './helpers-campaign.js';

const DAY = 24 * 3600_000;
const enc = encodeURIComponent;
let h: Harness;
let api: Api;
const tokens: Record<string, string> = {};
let campaignId: string;
/** Campaigns of each programme kind, seeded with their launch definitions (the threshold tests). */
const seeded: string[] = [];
const now = Date.now();
const at = (days: number) => new Date(now + days * DAY);

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h);
  for (const u of ['leader.changxing', 'officer.zhicheng', 'officer.taihu', 'officer.dinghai', 'leader.huzhou', 'leader.zhoushan', 'leader.lijiang'])
    tokens[u] = await api.login(u);

  // A running Changxing campaign: mobilization closed, self-check open (due in 5 days), rectification pending.
  const year = await uniqueYear(h.db);
  campaignId = `dashboard-${year}`;
  await h.db.campaign.create({
    data: {
      id: campaignId,
      programme: 'changxing',
      name: `${year} 看板`,
      year,
      jurisdictionId: '330522',
      status: 'running',
      currentStage: 'self_check',
      definition: storedDefinition('changxing', year, '330522', { awardThreshold: 85 }),
      workflowId: `wf-${campaignId}`,
      launchedById: 'u-coord-changxing',
      launchedAt: at(-20),
      caseCount: 4,
    },
  });
  const stages = [
    { key: 'mobilization', seq: 0, name: '动员部署', nameEn: 'Mobilization', startsAt: at(-20), dueAt: at(-10), status: 'closed' },
    { key: 'self_check', seq: 1, name: '自查自纠', nameEn: 'Self-check', startsAt: at(-9), dueAt: at(5), status: 'open' },
    { key: 'rectification', seq: 2, name: '集中治理', nameEn: 'Rectification', startsAt: at(6), dueAt: at(30), status: 'pending' },
  ];
  await h.db.stage.createMany({ data: stages.map((s) => ({ ...s, id: `${campaignId}:${s.key}`, campaignId })) });
  // Self-check tasks: 雉城 3 done, 1 open, 1 open and overdue (due yesterday); 太湖 1 done, 1 open overdue.
  const task = (n: number, jurisdictionId: string, status: string, overdue: boolean, dueAt: Date, stageKey = 'self_check') => ({
    id: `${campaignId}:t${n}`,
    campaignId,
    stageKey,
    caseId: null,
    type: 'self_check',
    title: `任务 ${n}`,
    assigneeRole: 'county_officer',
    jurisdictionId,
    status,
    overdue,
    dueAt,
    workflowId: `wf-${campaignId}`,
    createdAt: at(-9),
    ...(status === 'done' ? { completedAt: at(-1) } : {}),
  });
  await h.db.task.createMany({
    data: [
      task(1, '330522001', 'done', false, at(5)),
      task(2, '330522001', 'done', false, at(5)),
      task(3, '330522001', 'done', false, at(5)),
      task(4, '330522001', 'open', false, at(5)),
      task(5, '330522001', 'open', true, at(-1)),
      task(6, '330522002', 'done', false, at(5)),
      task(7, '330522002', 'open', true, at(-1)),
      task(8, '330522', 'done', false, at(-10), 'mobilization'),
    ],
  });
  // Cases: 90 and 86 proposed, 72 scored, one not yet scored and excluded (filed); one title in force.
  const ops = await h.db.operator.findMany({ where: { jurisdictionId: { in: ['330522001', '330522002'] } }, orderBy: { id: 'asc' } });
  const zc = ops.filter((o) => o.jurisdictionId === '330522001');
  const th = ops.filter((o) => o.jurisdictionId === '330522002');
  const kase = (o: (typeof ops)[number], totalScore: number | null, proposed: boolean, excludedKind: string | null = null) => ({
    id: `${campaignId}:${o.id}`,
    campaignId,
    operatorId: o.id,
    jurisdictionId: o.jurisdictionId,
    status: 'active',
    workflowId: `wf-${campaignId}:${o.id}`,
    createdAt: at(-20),
    updatedAt: at(-1),
    totalScore,
    proposed,
    excludedKind,
  });
  await h.db.case.createMany({ data: [kase(zc[0]!, 90, true), kase(zc[1]!, 86, true), kase(th[0]!, 72, false), kase(th[1]!, null, false, 'filed')] });
  await h.db.title.create({
    data: {
      id: `${campaignId}:${zc[0]!.id}`,
      campaignId,
      caseId: `${campaignId}:${zc[0]!.id}`,
      operatorId: zc[0]!.id,
      jurisdictionId: '330522001',
      totalScore: 90,
      grantedAt: at(-1),
      expiresAt: at(364),
      status: 'active',
      workflowId: `title-${campaignId}`,
    },
  });
});
afterAll(async () => {
  // Not running any more: other files' dashboards need not see it.
  await h?.db.campaign.updateMany({ where: { id: { in: [campaignId, ...seeded].filter(Boolean) } }, data: { status: 'completed' } });
  // Its seeded open tasks would show in the stations' inboxes of the files that run after it (the officer's
  // own-station list in test/browser-accounts.test.ts): they go with it.
  await h?.db.task.deleteMany({ where: { campaignId: { in: [campaignId, ...seeded].filter(Boolean) } } });
  await api?.close();
  await h?.stop();
});

const dashboardOf = async (user: string) => {
  const r = await api.call('GET', '/dashboard', { token: tokens[user] });
  expect(r.status).toBe(200);
  return { today: r.body.today as string, campaign: r.body.campaigns.find((c: { id: string }) => c.id === campaignId) };
};

describe('dashboard', () => {
  it('shows the county leader the seeded figures: stage progress, overdue by station, next deadline, scores, counts', async () => {
    const { campaign } = await dashboardOf('leader.changxing');
    // These seeded tasks belong to no case: progress in cases is nil, the task counts are beside it
    // (test/leader-summary.test.ts counts cases).
    expect(campaign.stages.map((s: object) => s)).toEqual([
      expect.objectContaining({ key: 'mobilization', status: 'closed', done: 0, open: 0, tasks: { done: 1, open: 0, overdue: 0 } }),
      expect.objectContaining({ key: 'self_check', status: 'open', done: 0, open: 0, tasks: { done: 4, open: 3, overdue: 2 }, dueAt: at(5).toISOString() }),
      expect.objectContaining({ key: 'rectification', status: 'pending', done: 0, open: 0, tasks: { done: 0, open: 0, overdue: 0 } }),
    ]);
    expect(campaign.overdueByJurisdiction).toEqual([
      { jurisdictionId: '330522001', name: '雉城市场监管所', overdue: 1 },
      { jurisdictionId: '330522002', name: '太湖街道市场监管所', overdue: 1 },
    ]);
    expect(campaign.nextDeadline).toEqual({ at: at(5).toISOString(), days: 5, kind: 'stage', label: '「自查自纠」截止', labelEn: 'Self-check due' });
    expect(campaign.threshold).toBe(85);
    expect(campaign.thresholdKind).toBe('award');
    const scores = Object.fromEntries(campaign.scoreDistribution.map((b: { label: string; count: number }) => [b.label, b.count]));
    expect(scores).toEqual({ '<60': 0, '60–69.99': 0, '70–79.99': 1, '80–84.99': 0, '85–89.99': 1, '90–100': 1 });
    expect(campaign.counts).toEqual({ cases: 4, scored: 3, proposed: 2, excluded: 1, titles: 1, applications: 0, listed: 0, openTasks: 3, overdueTasks: 2 });
  });

  it('gives a station officer only their station, and other cities nothing', async () => {
    const { campaign } = await dashboardOf('officer.zhicheng');
    expect(campaign.stages[1]).toMatchObject({ key: 'self_check', tasks: { done: 3, open: 2, overdue: 1 } });
    expect(campaign.overdueByJurisdiction).toEqual([{ jurisdictionId: '330522001', name: '雉城市场监管所', overdue: 1 }]);
    expect(campaign.counts).toMatchObject({ cases: 2, scored: 2, proposed: 2, excluded: 0, titles: 1, openTasks: 2, overdueTasks: 1 });
    expect((await dashboardOf('officer.taihu')).campaign.counts).toMatchObject({ cases: 2, scored: 1, excluded: 1, titles: 0, openTasks: 1, overdueTasks: 1 });
    expect((await dashboardOf('officer.dinghai')).campaign).toBeUndefined();
    // The city leader sees the county's campaign with the whole county's figures.
    expect((await dashboardOf('leader.huzhou')).campaign.counts).toMatchObject({ cases: 4, openTasks: 3 });
  });

  it('puts stage and task deadlines of the scope on the calendar, overdue marked', async () => {
    const from = shanghaiDate(now - 2 * DAY);
    const to = shanghaiDate(now + 6 * DAY);
    const r = await api.call('GET', `/calendar?from=${from}&to=${to}`, { token: tokens['leader.changxing'] });
    expect(r.status).toBe(200);
    const mine = r.body.events.filter((e: { campaignId: string }) => e.campaignId === campaignId);
    const brief = mine.map((e: { kind: string; date: string; stageKey: string; jurisdictionId?: string; count?: number; overdue: number }) => [
      e.kind,
      e.date,
      e.stageKey,
      e.jurisdictionId ?? null,
      e.count ?? null,
      e.overdue,
    ]);
    expect(brief).toEqual([
      ['tasks_due', shanghaiDate(now - DAY), 'self_check', '330522001', 1, 1],
      ['tasks_due', shanghaiDate(now - DAY), 'self_check', '330522002', 1, 1],
      ['stage_due', shanghaiDate(now + 5 * DAY), 'self_check', null, null, 2], // two open and overdue in the county
      ['tasks_due', shanghaiDate(now + 5 * DAY), 'self_check', '330522001', 1, 0],
      ['stage_start', shanghaiDate(now + 6 * DAY), 'rectification', null, null, 0],
    ]);
    expect(mine[0]).toMatchObject({
      taskType: 'self_check',
      jurisdictionName: '雉城市场监管所',
      stageName: '自查自纠',
      campaignName: expect.stringContaining('看板'),
    });
    // A station officer's calendar has their station's work only.
    const station = await api.call('GET', `/calendar?from=${from}&to=${to}`, { token: tokens['officer.taihu'] });
    expect(
      station.body.events
        .filter((e: { campaignId: string; kind: string }) => e.campaignId === campaignId && e.kind === 'tasks_due')
        .map((e: { jurisdictionId: string }) => e.jurisdictionId),
    ).toEqual(['330522002']);
    for (const bad of [
      'from=2026-01-01&to=2026-06-01',
      'from=2026-02-30&to=2026-03-01',
      'from=yesterday&to=2026-03-01',
      'from=2026-03-02&to=2026-03-01',
      'from=2026-03-01',
    ])
      expect((await api.call('GET', `/calendar?${bad}`, { token: tokens['leader.changxing'] })).status, bad).toBe(400);
  });
});

describe('the threshold the scores are split at, by programme kind', () => {
  /** A running campaign of `programme` with the definition a launch would give it (no workflow: the figures are read models). */
  async function seed(programme: Programme, jurisdictionId: string, launchedById: string, settings?: SettingsInput) {
    const year = await uniqueYear(h.db);
    const r = defineCampaign(programme, { year, jurisdictionId, settings });
    if (!r.definition) throw new Error(JSON.stringify(r.problems));
    const id = `threshold-${r.definition.campaignId}`;
    await h.db.campaign.create({
      data: {
        id,
        programme: programme.id,
        name: r.definition.name,
        year,
        jurisdictionId,
        status: 'running',
        currentStage: programme.stages[0]!.key,
        definition: { ...r.definition, campaignId: id } as object,
        workflowId: `wf-${id}`,
        launchedById,
        launchedAt: new Date(now),
        caseCount: 0,
      },
    });
    seeded.push(id);
    return id;
  }
  const thresholdOf = async (user: string, id: string) => {
    const d = await api.call('GET', '/dashboard', { token: tokens[user] });
    const s = await api.call('GET', `/campaigns/${enc(id)}/summary`, { token: tokens[user] });
    expect([d.status, s.status]).toEqual([200, 200]);
    const card = d.body.campaigns.find((c: { id: string }) => c.id === id);
    return { dashboard: [card.threshold, card.thresholdKind], summary: [s.body.campaign.threshold, s.body.campaign.thresholdKind] };
  };

  it('splits Zhoushan at its list threshold, not the award threshold its settings still carry', async () => {
    const id = await seed(PROGRAMMES.zhoushan!, '330900', 'u-coord-zhoushan', { listThreshold: 75 });
    expect(await thresholdOf('leader.zhoushan', id)).toEqual({ dashboard: [75, 'list'], summary: [75, 'list'] });
    // A list chosen by quota alone has no threshold.
    const byQuota = await seed(PROGRAMMES.zhoushan!, '330900', 'u-coord-zhoushan', { listThreshold: null, listQuota: 5 });
    expect(await thresholdOf('leader.zhoushan', byQuota)).toEqual({ dashboard: [null, null], summary: [null, null] });
  });

  it('splits a defined programme at its roster threshold, Changxing at its award threshold, and Lijiang at none', async () => {
    const defined = programmeFromSpec(shanghaiSpec('threshold-defined', { roster: { name: '名单', nameEn: 'List', threshold: 70 } }) as ProgrammeSpec, 1);
    expect(await thresholdOf('leader.changxing', await seed(defined, '330522', 'u-coord-changxing'))).toEqual({
      dashboard: [70, 'roster'],
      summary: [70, 'roster'],
    });
    expect(await thresholdOf('leader.changxing', await seed(PROGRAMMES.changxing!, '330522', 'u-coord-changxing', { awardThreshold: 88 }))).toEqual({
      dashboard: [88, 'award'],
      summary: [88, 'award'],
    });
    // Lijiang admits by review and judges removal against the register's average (丽江附件1 第16条).
    expect(await thresholdOf('leader.lijiang', await seed(PROGRAMMES.lijiang!, '530700', 'u-coord-lijiang'))).toEqual({
      dashboard: [null, null],
      summary: [null, null],
    });
  });
});

describe('search', () => {
  it('finds operators and their cases by name, 统一社会信用代码 or platform account, within scope', async () => {
    // A seeded operator (prisma/seed.ts op-cx-…, with platform accounts), not one another file registered.
    const op = await h.db.operator.findFirstOrThrow({ where: { jurisdictionId: '330522001', id: { startsWith: 'op-cx-' } }, orderBy: { id: 'asc' } });
    const byName = await api.call('GET', `/search?q=${enc(op.name.slice(0, 4))}`, { token: tokens['officer.zhicheng'] });
    expect(byName.status).toBe(200);
    expect(byName.body.operators).toEqual(expect.arrayContaining([expect.objectContaining({ id: op.id, matched: 'name' })]));
    const byUscc = await api.call('GET', `/search?q=${op.uscc.toLowerCase()}`, { token: tokens['officer.zhicheng'] });
    expect(byUscc.body.operators).toEqual([expect.objectContaining({ id: op.id, uscc: op.uscc, matched: 'uscc' })]);
    // Its cases across campaigns (other files' campaigns enrol it too: the 10 newest).
    expect(byUscc.body.cases.length).toBeGreaterThan(0);
    expect(
      byUscc.body.cases.every(
        (c: { operatorId: string; operatorName: string; uscc: string; campaignName: string }) =>
          c.operatorId === op.id && c.operatorName === op.name && c.uscc === op.uscc && c.campaignName,
      ),
    ).toBe(true);
    const account = (op.platformAccounts as { platform: string; account: string }[])[0]!;
    const byAccount = await api.call('GET', `/search?q=${enc(account.account.toUpperCase())}`, { token: tokens['officer.zhicheng'] });
    expect(byAccount.body.operators).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: op.id, matched: 'account', account: `${account.platform}:${account.account}` })]),
    );
    // Another station's officer does not find it; the county's leader does.
    expect((await api.call('GET', `/search?q=${op.uscc}`, { token: tokens['officer.taihu'] })).body).toEqual({ q: op.uscc, operators: [], cases: [] });
    expect((await api.call('GET', `/search?q=${op.uscc}`, { token: tokens['leader.changxing'] })).body.operators).toHaveLength(1);
    // LIKE wildcards are searched for literally.
    expect((await api.call('GET', `/search?q=${enc('%%')}`, { token: tokens['leader.changxing'] })).body.operators).toEqual([]);
    for (const q of ['', 'a', 'x'.repeat(101)]) expect((await api.call('GET', `/search?q=${q}`, { token: tokens['leader.changxing'] })).status).toBe(400);
    expect((await api.call('GET', '/search', { token: tokens['leader.changxing'] })).status).toBe(400);
  });
});
