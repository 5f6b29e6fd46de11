// Real campaigns built through the API for the access-matrix and fuzz suites: a Changxing campaign run to
// its award (cases at two stations, titles, an objection, the 公示 roster; on the time-skipping test
// server, whose clock it moves past the 公示 window), a Zhoushan campaign run to its cultivation list (an
// application, its tasks, a listing) and a Lijiang register campaign (applications with attachments, a
// review batch, a filed entry). All stay quiet afterwards: their open stage lasts ten minutes on the dev
// server, ninety days on the test server (Lijiang's window a year), so no timer fires while a suite runs.
import { expect } from 'vitest';
import { uniqueYear, waitFor, type Harness } from './helpers.js';
import { clockOf as clock, quietMs, type TimeHarness } from './helpers-time.js';
import type { Api } from './api-helpers.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { APPLICATION_FORM } from './helpers-zhoushan.js';
import { BUILT_IN } from '../domain/programmes/index.js';
import { shanghaiDate } from '../domain/time.js';
import { demoUscc } from '../prisma/seed.js';

const enc = encodeURIComponent;
const DAY = 86_400_000;

export interface ChangxingFixture {
  campaignId: string;
  year: number;
  /** op-cx-001 at 雉城所 (330522001) and op-cx-002 at 太湖所 (330522002). */
  caseZhicheng: string;
  caseTaihu: string;
  /** Title ids are case ids. */
  titleZhicheng: string;
  titleTaihu: string;
  /** A (completed) score task of each case: tasks live at the operator's station. */
  taskZhicheng: string;
  taskTaihu: string;
  /** The objection lodged (and dismissed) against the zhicheng case: it lies at 330522001. */
  objectionId: string;
  /** The third party's evaluation group (第三方监测) and its import, which scored both cases' third_party. */
  groupId: string;
  scoreImportId: string;
  publicityRosterId: string;
  stageId: string;
}

export interface ZhoushanFixture {
  campaignId: string;
  year: number;
  /** op-zs-001 of 定海区 (330902). */
  caseId: string;
  listingId: string;
  preReviewTaskId: string;
  cityAuditTaskId: string;
  cultivationRosterId: string;
}

export interface LijiangFixture {
  /** A lijiang campaign of 530700, its application window (intake) open for a year. */
  campaignId: string;
  year: number;
  /** op-lj-001 of 古城区 (530702), a pre-packaged product filed by officer.gucheng: admitted and filed (备案). */
  entryGucheng: string;
  /** op-lj-002 of 玉龙县 (530721), filed by officer.yulong: refused in the same batch. Nothing is left queued. */
  entryYulong: string;
  /** The licence and the test report of the gucheng entry (bound to it). */
  licenceId: string;
  reportId: string;
  /** The review batch (seq 1, both entries; closed once both were reviewed), opened by auditor.lijiang. */
  batchId: string;
  reviewTaskId: string;
  filingTaskId: string;
  /** The product form the gucheng entry was filed with (attachments included). */
  form: Record<string, unknown>;
  /** A second lijiang campaign of 530700 whose window opens only next year: even a valid application is 409. */
  pendingCampaignId: string;
}

type Tokens = (user: string) => Promise<string>;

/** A Changxing campaign of 330522 with its evaluation stage open: scored, 公示 with an objection, awarded. */
export async function changxingAwarded(h: TimeHarness, api: Api, token: Tokens): Promise<ChangxingFixture> {
  const post = async (user: string, path: string, body?: unknown) => api.call('POST', path, { token: await token(user), body });
  const year = await uniqueYear(h.db);
  const launched = await post('coord.changxing', '/campaigns', {
    programme: 'changxing',
    year,
    jurisdictionId: '330522',
    stages: calendarOpenAt('evaluation', quietMs(h), 'changxing', await h.now()),
    reminderLeadHours: 0,
    operatorIds: ['op-cx-001', 'op-cx-002'],
    // One auditor scores the unit groups' four dimensions here (a third party imports the fifth).
    settings: { multiDimensionScorers: true },
  });
  expect(launched.status, JSON.stringify(launched.body)).toBe(201);
  const campaignId = launched.body.id as string;
  const cid = enc(campaignId);
  const [a, b] = [`${campaignId}:op-cx-001`, `${campaignId}:op-cx-002`];
  const scores = await waitFor(async () => {
    const t = await h.db.task.findMany({ where: { campaignId, type: 'score' }, orderBy: { id: 'asc' } });
    return t.length === 10 && t;
  }, 'score tasks');
  const group = await post('coord.changxing', `/campaigns/${cid}/evaluation-groups`, { name: '第三方监测', external: true, dimensions: ['third_party'] });
  expect(group.status, JSON.stringify(group.body)).toBe(201);
  const imported = await post('coord.changxing', `/campaigns/${cid}/evaluation-groups/${enc(group.body.id)}/scores`, {
    csv: `统一社会信用代码,分数\n${demoUscc('330522', 1)},90\n${demoUscc('330522', 2)},90`,
  });
  expect(imported.status, JSON.stringify(imported.body)).toBe(202);
  for (const t of scores.filter((x) => (x.details as { dimension: string }).dimension !== 'third_party'))
    expect((await post('auditor.changxing', `/tasks/${enc(t.id)}/complete`, { score: 90 })).status).toBe(200);
  await waitFor(async () => (await h.db.case.count({ where: { campaignId, proposed: true } })) === 2, 'totals');
  // Open through the publish, the objection and its resolution: five days of the test server's clock,
  // which the fixture then skips.
  const windowEndsAt = (await h.now()) + 5 * DAY;
  const pub = await post('coord.changxing', `/campaigns/${cid}/publicity`, { windowEndsAt: new Date(windowEndsAt).toISOString() });
  expect(pub.status, JSON.stringify(pub.body)).toBe(201);
  const objection = await post('coord.changxing', `/campaigns/${cid}/objections`, { caseId: a, source: '来信', content: '反映售后不到位' });
  expect(objection.status, JSON.stringify(objection.body)).toBe(201);
  expect((await post('coord.changxing', `/objections/${enc(objection.body.id)}/resolve`, { decision: 'dismissed', resolution: '经核查已整改' })).status).toBe(
    200,
  );
  await h.skipTo(windowEndsAt);
  const award = await post('coord.changxing', `/campaigns/${cid}/award`);
  expect(award.status, JSON.stringify(award.body)).toBe(201);
  await waitFor(async () => (await h.db.title.count({ where: { campaignId } })) === 2, 'titles');
  return {
    campaignId,
    year,
    caseZhicheng: a,
    caseTaihu: b,
    titleZhicheng: a,
    titleTaihu: b,
    taskZhicheng: scores.find((t) => t.caseId === a)!.id,
    taskTaihu: scores.find((t) => t.caseId === b)!.id,
    objectionId: objection.body.id,
    groupId: group.body.id,
    scoreImportId: imported.body.id,
    publicityRosterId: pub.body.id,
    stageId: `${campaignId}:evaluation`,
  };
}

/** Points per criterion at the maximum but `off` taken off the first criteria. */
function points(off: number) {
  const max = BUILT_IN.zhoushan.defaults.settings.criterionPoints;
  return Object.fromEntries(
    Object.entries(max).map(([k, v]) => {
      const cut = Math.min(off, v);
      off -= cut;
      return [k, v - cut];
    }),
  );
}

/** A Zhoushan campaign of 330900: one application (op-zs-001, 定海) pre-reviewed, audited and listed; applications closed. */
export async function zhoushanListed(h: Harness, api: Api, token: Tokens, settings?: object): Promise<ZhoushanFixture> {
  const post = async (user: string, path: string, body?: unknown) => api.call('POST', path, { token: await token(user), body });
  const year = await uniqueYear(h.db);
  const launched = await post('coord.zhoushan', '/campaigns', {
    programme: 'zhoushan',
    year,
    jurisdictionId: '330900',
    stages: calendarOpenAt('application', quietMs(h), 'zhoushan', await clock(h)),
    reminderLeadHours: 0,
    ...(settings ? { settings } : {}),
  });
  expect(launched.status, JSON.stringify(launched.body)).toBe(201);
  const campaignId = launched.body.id as string;
  const cid = enc(campaignId);
  await waitFor(() => h.db.stage.findFirst({ where: { campaignId, key: 'application', status: 'open' } }), 'application stage open');
  const filed = await post('officer.dinghai', `/campaigns/${cid}/applications`, { operatorId: 'op-zs-001', form: APPLICATION_FORM });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  const caseId = filed.body.caseId as string;
  const open = (type: string) => waitFor(() => h.db.task.findFirst({ where: { caseId, type, status: 'open' } }), type);
  const review = await open('pre_review');
  expect((await post('officer.dinghai', `/tasks/${enc(review.id)}/complete`, { decision: 'pass' })).status).toBe(200);
  const audit = await open('city_audit');
  expect((await post('auditor.zhoushan', `/tasks/${enc(audit.id)}/complete`, { points: points(10), vetoes: [] })).status).toBe(200);
  await waitFor(() => h.db.case.findFirst({ where: { id: caseId, totalScore: { not: null } } }), 'audited');
  expect((await post('coord.zhoushan', `/campaigns/${cid}/stages/application/close`, { reason: '申报截止' })).status).toBe(200);
  const list = await post('coord.zhoushan', `/campaigns/${cid}/cultivation-list`, { quota: 1 });
  expect(list.status, JSON.stringify(list.body)).toBe(201);
  await waitFor(() => h.db.listing.findUnique({ where: { id: caseId } }), 'listing');
  return { campaignId, year, caseId, listingId: caseId, preReviewTaskId: review.id, cityAuditTaskId: audit.id, cultivationRosterId: list.body.id };
}

/** A prepackaged product of the Lijiang register (附件1): licences and test reports are mandatory. */
export const lijiangProduct = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  register: 'product',
  productName: '丽江雪茶礼盒',
  category: 'prepackaged',
  specifications: '250 g / 盒',
  executionStandard: 'GB/T 14456',
  dropshipping: true,
  liveLinks: [{ platform: 'douyin', url: 'https://v.douyin.com/fixture/' }],
  shipping: '顺丰，48 小时内发货',
  dailyVolume: 300,
  serviceHours: { daysPerWeek: 5, hoursPerDay: 8 },
  ...over,
});

/**
 * A Lijiang campaign of 530700 with its window open for a year: op-lj-001 (古城) applied by officer.gucheng
 * with an uploaded licence and test report, op-lj-002 (玉龙) by officer.yulong; one batch opened by
 * auditor.lijiang; the office admitted the first (filed with the centre by coord.lijiang) and refused the
 * second. Nothing is queued, so a valid batch is 409. Also a second campaign whose window opens next year.
 */
export async function lijiangFiled(h: Harness, api: Api, token: Tokens): Promise<LijiangFixture> {
  const post = async (user: string, path: string, body?: unknown) => api.call('POST', path, { token: await token(user), body });
  const now = await clock(h);
  const launch = async (startsAt: string, dueAt: string) => {
    const year = await uniqueYear(h.db);
    const r = await post('coord.lijiang', '/campaigns', {
      programme: 'lijiang',
      year,
      jurisdictionId: '530700',
      stages: [{ key: 'intake', startsAt, dueAt }],
      reminderLeadHours: 0,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return { year, campaignId: r.body.id as string };
  };
  const { year, campaignId } = await launch(new Date(now + 300).toISOString(), shanghaiDate(now + 365 * DAY));
  const pending = await launch(shanghaiDate(now + 300 * DAY), shanghaiDate(now + 400 * DAY));
  const cid = enc(campaignId);
  await waitFor(() => h.db.stage.findFirst({ where: { campaignId, key: 'intake', status: 'open' } }), 'intake window open');
  const upload = async (filename: string, text: string) => {
    const r = await post('officer.gucheng', '/attachments', { filename, contentType: 'application/pdf', dataBase64: Buffer.from(text).toString('base64') });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };
  const licenceId = await upload('食品生产许可证.pdf', '%PDF-1.4 fixture licence');
  const reportId = await upload('检测报告.pdf', '%PDF-1.4 fixture report');
  const form = lijiangProduct({ licences: [licenceId], testReports: [reportId] });
  const apply = async (user: string, operatorId: string, f: unknown) => {
    const r = await post(user, `/campaigns/${cid}/intake-applications`, { operatorId, form: f });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.entryId as string;
  };
  const entryGucheng = await apply('officer.gucheng', 'op-lj-001', form);
  const entryYulong = await apply(
    'officer.yulong',
    'op-lj-002',
    lijiangProduct({ productName: '玉龙雪桃', category: 'primary_agricultural', grade: '一级果' }),
  );
  const batch = await post('auditor.lijiang', `/campaigns/${cid}/intake-batches`, { reviewDueAt: shanghaiDate(now + 300 * DAY) });
  expect(batch.status, JSON.stringify(batch.body)).toBe(201);
  const open = (caseId: string, type: string) => waitFor(() => h.db.task.findFirst({ where: { caseId, type, status: 'open' } }), `${type} of ${caseId}`);
  const review = await open(entryGucheng, 'intake_review');
  const refuse = await open(entryYulong, 'intake_review');
  expect((await post('auditor.lijiang', `/tasks/${enc(review.id)}/complete`, { decision: 'admitted' })).status).toBe(200);
  expect((await post('auditor.lijiang', `/tasks/${enc(refuse.id)}/complete`, { decision: 'refused', reason: '材料与实际产品不符' })).status).toBe(200);
  const filing = await open(entryGucheng, 'filing');
  expect((await post('coord.lijiang', `/tasks/${enc(filing.id)}/complete`, { filedOn: shanghaiDate(now), reference: `LJ-${year}-001` })).status).toBe(200);
  await waitFor(async () => (await h.db.registerEntry.findUnique({ where: { id: entryGucheng } }))?.status === 'filed', 'entry filed');
  await waitFor(async () => (await h.db.registerEntry.findUnique({ where: { id: entryYulong } }))?.status === 'refused', 'entry refused');
  await waitFor(async () => (await h.db.intakeBatch.findUnique({ where: { id: batch.body.id } }))?.status === 'closed', 'batch closed');
  return {
    campaignId,
    year,
    entryGucheng,
    entryYulong,
    licenceId,
    reportId,
    batchId: batch.body.id,
    reviewTaskId: review.id,
    filingTaskId: filing.id,
    form,
    pendingCampaignId: pending.campaignId,
  };
}

/** Ends the fixtures' workflows (their titles, listings, register entries and scoring live on in workflows of their own). */
export async function stopFixtures(h: Harness, campaignIds: string[]) {
  for (const id of campaignIds) {
    const children = [
      ...(await h.db.title.findMany({ where: { campaignId: id }, select: { workflowId: true } })),
      ...(await h.db.listing.findMany({ where: { campaignId: id }, select: { workflowId: true } })),
      // Register campaigns: the entries' own workflows and the dynamic scoring outlive the campaign.
      ...(await h.db.registerEntry.findMany({ where: { campaignId: id }, select: { id: true } })).map((e) => ({ workflowId: `register-entry-${e.id}` })),
      { workflowId: `register-scoring-${id}` },
    ];
    for (const w of [{ workflowId: `campaign-${id}` }, ...children])
      await h.env.client.workflow
        .getHandle(w.workflowId)
        .terminate('test done')
        .catch(() => {});
  }
}

/** Route key as in ROUTES: "POST /tasks/:id/complete". */
export const routeKey = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;

/** Fills `:param`s of an Express path (values URL-encoded). */
export const fillPath = (path: string, params: Record<string, string>) =>
  path.replace(/:(\w+)/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`no value for :${name} in ${path}`);
    return encodeURIComponent(v);
  });

export const pathParams = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
