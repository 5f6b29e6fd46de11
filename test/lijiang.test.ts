// The Lijiang registers (seeds/lijiang-database-intake.txt) through the API, on Temporal's time-skipping
// test server (test/helpers-time.ts; dates are the server's clock, which the workflows judge by): the
// application window (公告: 申报时间), mandatory items listed in one refusal (附件1 第1–14条, 附件2 第1–4条),
// attachments with checksums, review batches ordered by priority (优先入库), the office's review and its
// deadline, filing with the centre (第18条), dynamic scoring (第15条) and removal (清退, 第16条) confirmed by
// the office; a review corrected while its filing is open (README "Corrections").
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { recordHistory, uniqueYear, waitFor } from './helpers.js';
import { startTimeSkippingHarness, type TimeHarness } from './helpers-time.js';
import { startApi, type Api } from './api-helpers.js';
import { shanghaiDate } from '../domain/time.js';
import { registerEntryWorkflowId } from '../workflows/ids.js';

let h: TimeHarness;
let api: Api;
const tokens: Record<string, string> = {};
const USERS = ['coord.lijiang', 'auditor.lijiang', 'officer.gucheng', 'officer.yulong', 'leader.lijiang', 'officer.dinghai'];
beforeAll(async () => {
  h = await startTimeSkippingHarness();
  api = await startApi(h);
  for (const u of USERS) tokens[u] = await api.login(u);
});
afterAll(async () => {
  await api?.close();
  await h?.stop();
});

const post = (user: string, path: string, body?: unknown) => api.call('POST', path, { token: tokens[user], body });
const put = (user: string, path: string, body?: unknown) => api.call('PUT', path, { token: tokens[user], body });
const get = (user: string, path: string) => api.call('GET', path, { token: tokens[user] });
const enc = encodeURIComponent;
const MINUTE = 60_000;
const DAY = 86_400_000;

async function launch(window: { startsAt: string; dueAt: string }) {
  const r = await post('coord.lijiang', '/campaigns', {
    programme: 'lijiang',
    year: await uniqueYear(h.db),
    jurisdictionId: '530700',
    stages: [{ key: 'intake', ...window }],
    reminderLeadHours: 0,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
async function launchOpen() {
  const now = await h.now();
  const id = await launch({ startsAt: new Date(now + 300).toISOString(), dueAt: shanghaiDate(now + 400 * DAY) });
  await waitFor(() => h.db.stage.findFirst({ where: { campaignId: id, key: 'intake', status: 'open' } }), 'window open');
  return id;
}

async function upload(user: string, filename: string, text: string) {
  const r = await post(user, '/attachments', { filename, contentType: 'application/pdf', dataBase64: Buffer.from(text).toString('base64') });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; sha256: string; size: number };
}
const product = (over: object = {}) => ({
  register: 'product',
  productName: '永胜软籽石榴',
  category: 'primary_agricultural',
  grade: '一级果',
  specifications: '5 kg / 箱，单果 300 g 以上',
  executionStandard: 'GB/T 13607',
  dropshipping: true,
  liveLinks: [{ platform: 'douyin', url: 'https://v.douyin.com/abc123/' }],
  shipping: '顺丰冷链，48 小时内发货',
  dailyVolume: 800,
  serviceHours: { daysPerWeek: 5, hoursPerDay: 8 },
  ...over,
});
const influencer = (over: object = {}) => ({
  register: 'influencer',
  displayName: '纳西阿妹',
  accounts: [{ platform: 'douyin', handle: 'naxi_amei', followers: 52_000, realNameVerified: true, liveSellingEnabled: true }],
  notUnderPenalty: true,
  promotesLijiang: true,
  encouragedCategories: ['ethnic_culture'],
  ...over,
});
async function apply(campaignId: string, user: string, operatorId: string, form: object) {
  const r = await post(user, `/campaigns/${enc(campaignId)}/intake-applications`, { operatorId, form });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { entryId: string; priority: number; priorityReasons: { code: string }[]; flags: { code: string }[] };
}
const openTask = (caseId: string, type: string) =>
  waitFor(() => h.db.task.findFirst({ where: { caseId, type, status: 'open' }, orderBy: { createdAt: 'desc' } }), `${type} of ${caseId}`);
const complete = (user: string, taskId: string, body: unknown) => post(user, `/tasks/${enc(taskId)}/complete`, body);
const entryStatus = (id: string, status: string) =>
  waitFor(async () => (await h.db.registerEntry.findUnique({ where: { id } }))?.status === status, `${id} ${status}`);

describe('Lijiang registers', () => {
  it('takes applications only within the window, and says the dates', async () => {
    const now = await h.now();
    const later = await launch({ startsAt: shanghaiDate(now + 3 * DAY), dueAt: shanghaiDate(now + 30 * DAY) });
    const early = await post('officer.gucheng', `/campaigns/${enc(later)}/intake-applications`, { operatorId: 'op-lj-001', form: product() });
    expect(early.status).toBe(409);
    expect(early.body.messageZh).toContain(`申报时间为 ${shanghaiDate(now + 3 * DAY)} 至 ${shanghaiDate(now + 30 * DAY)}`);
    expect(early.body.messageZh).toContain('尚未开始');
    expect(await h.db.registerEntry.count({ where: { campaignId: later } })).toBe(0);

    // The window is the calendar's: an application right after the launch is taken, even before the
    // workflow has marked the stage open (the demo files one at once).
    const id = await launch({ startsAt: shanghaiDate(now - DAY), dueAt: shanghaiDate(now + 30 * DAY) });
    const inBatch = await apply(id, 'officer.gucheng', 'op-lj-001', product());
    await post('auditor.lijiang', `/campaigns/${enc(id)}/intake-batches`, { reviewDueAt: shanghaiDate(now + 10 * DAY) });
    const review = await openTask(inBatch.entryId, 'intake_review');
    const queued = await apply(id, 'officer.gucheng', 'op-lj-005', product({ productName: '荞麦挂面' }));
    const closed = await post('coord.lijiang', `/campaigns/${enc(id)}/stages/intake/close`, { reason: '本轮征集结束' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const late = await post('officer.gucheng', `/campaigns/${enc(id)}/intake-applications`, {
      operatorId: 'op-lj-003',
      form: product({ productName: '玛咖片' }),
    });
    expect(late.status).toBe(409);
    expect(late.body.messageZh).toContain('已经截止');
    expect(late.body.messageEn).toMatch(/window has closed/);
    // The window's close ends applications, not the review: its deadline is the batch's.
    expect((await h.db.task.findUniqueOrThrow({ where: { id: review.id } })).overdue).toBe(false);
    expect(await h.db.task.count({ where: { campaignId: id, type: 'escalation' } })).toBe(0);
    // What was filed in time is still batched after the window.
    const b2 = await post('auditor.lijiang', `/campaigns/${enc(id)}/intake-batches`, { reviewDueAt: shanghaiDate(now + 10 * DAY) });
    expect(b2.body).toMatchObject({ seq: 2, size: 1 });
    await openTask(queued.entryId, 'intake_review');
  });

  it('lists every missing mandatory item in one refusal and files nothing', async () => {
    const id = await launchOpen();
    const path = `/campaigns/${enc(id)}/intake-applications`;
    const r = await post('officer.gucheng', path, {
      operatorId: 'op-lj-001',
      form: {
        register: 'product',
        productName: '东巴纸笔记本',
        category: 'prepackaged',
        specifications: '16 开',
        serviceHours: { daysPerWeek: 5, hoursPerDay: 6 },
      },
    });
    expect(r.status).toBe(400);
    const paths = r.body.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(
      [
        'form.dailyVolume',
        'form.dropshipping',
        'form.executionStandard',
        'form.licences',
        'form.liveLinks',
        'form.serviceHours',
        'form.shipping',
        'form.testReports',
      ].sort(),
    );
    expect(r.body.messageZh).toContain('缺少必填项：执行标准');
    expect(r.body.messageZh).toContain('检测报告');
    expect(r.body.messageZh).toContain('5×8');

    // Influencers: the basic standards (附件2 第3、4条) are conditions.
    const inf = await post('officer.gucheng', path, {
      operatorId: 'op-lj-011',
      form: influencer({
        accounts: [{ platform: 'kuaishou', handle: 'x', followers: 10, realNameVerified: false, liveSellingEnabled: true }],
        notUnderPenalty: false,
      }),
    });
    expect(inf.status).toBe(400);
    expect(inf.body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['form.accounts', 'form.notUnderPenalty']);
    // Unknown fields and wrong types are refused too.
    expect((await post('officer.gucheng', path, { operatorId: 'op-lj-001', form: { ...product(), price: 9 } })).status).toBe(400);
    expect(
      (
        await post('officer.gucheng', path, {
          operatorId: 'op-lj-001',
          form: product({ testReports: ['00000000-0000-4000-8000-000000000000'], category: 'prepackaged', licences: ['00000000-0000-4000-8000-000000000001'] }),
        })
      ).status,
    ).toBe(400);
    expect(await h.db.registerEntry.count({ where: { campaignId: id } })).toBe(0);
    // A county officer files for applicants of the county only.
    expect((await post('officer.yulong', path, { operatorId: 'op-lj-001', form: product() })).status).toBe(403);
  });

  it('keeps attachments with their checksums and binds them to the entry', async () => {
    const id = await launchOpen();
    const licence = await upload('officer.gucheng', '食品生产许可证.pdf', '%PDF-1.4 licence');
    const report = await upload('officer.gucheng', '检测报告.pdf', '%PDF-1.4 report');
    expect(licence.sha256).toBe(createHash('sha256').update('%PDF-1.4 licence').digest('hex'));
    // Not filed yet: only the uploader sees it.
    expect((await get('officer.yulong', `/attachments/${licence.id}`)).status).toBe(403);
    const e = await apply(
      id,
      'officer.gucheng',
      'op-lj-001',
      product({ productName: '丽江雪茶礼盒', category: 'prepackaged', licences: [licence.id], testReports: [report.id] }),
    );
    const shown = await get('auditor.lijiang', `/register-entries/${enc(e.entryId)}`);
    expect(shown.status).toBe(200);
    expect(shown.body.attachments.map((a: { field: string; sha256: string }) => [a.field, a.sha256]).sort()).toEqual(
      [
        ['licences', licence.sha256],
        ['testReports', report.sha256],
      ].sort(),
    );
    const dl = await fetch(`${api.url}/api/attachments/${licence.id}`, { headers: { authorization: `Bearer ${tokens['auditor.lijiang']}` } });
    expect(dl.status).toBe(200);
    expect(dl.headers.get('x-checksum-sha256')).toBe(licence.sha256);
    expect(Buffer.from(await dl.arrayBuffer()).toString()).toBe('%PDF-1.4 licence');
    // Once used, an attachment cannot be reused by another application; a county outside sees nothing.
    const reuse = await post('officer.gucheng', `/campaigns/${enc(id)}/intake-applications`, {
      operatorId: 'op-lj-003',
      form: product({ productName: '另一款', category: 'prepackaged', licences: [licence.id], testReports: [report.id] }),
    });
    expect(reuse.status).toBe(400);
    expect((await get('officer.yulong', `/attachments/${licence.id}`)).status).toBe(403);
    expect((await get('officer.dinghai', `/register-entries/${enc(e.entryId)}`)).status).toBe(403);
  });

  it('reviews in batches, highest priority first; admits, refuses and files with the centre', async () => {
    const id = await launchOpen();
    const now = await h.now();
    const plain = await apply(id, 'officer.gucheng', 'op-lj-001', product());
    const star = await apply(id, 'officer.gucheng', 'op-lj-011', influencer());
    const brand = await apply(
      id,
      'officer.gucheng',
      'op-lj-005',
      product({ productName: '纳西手工银器', category: 'time_honoured', grade: undefined, serviceHours: { daysPerWeek: 7, hoursPerDay: 12 } }),
    );
    const small = await apply(
      id,
      'officer.yulong',
      'op-lj-012',
      influencer({
        displayName: '古城小李',
        accounts: [{ platform: 'xiaohongshu', handle: 'gucheng_li', followers: 3200, realNameVerified: true, liveSellingEnabled: true }],
        encouragedCategories: [],
      }),
    );
    expect(star.priority).toBe(3);
    expect(star.priorityReasons.map((r) => r.code)).toEqual(['followers', 'encouraged']);
    expect(brand.priority).toBe(3);
    expect(plain.priority).toBe(0);
    expect(small.priority).toBe(0);
    expect(plain.flags.map((f) => f.code)).toContain('no_materials');
    // The same product of the same applicant again is refused.
    expect((await post('officer.gucheng', `/campaigns/${enc(id)}/intake-applications`, { operatorId: 'op-lj-001', form: product() })).status).toBe(409);

    const batchPath = `/campaigns/${enc(id)}/intake-batches`;
    expect((await post('officer.gucheng', batchPath, { reviewDueAt: shanghaiDate(now + 10 * DAY) })).status).toBe(403);
    expect((await post('auditor.lijiang', batchPath, { reviewDueAt: '2020-01-01' })).status).toBe(400);
    const b1 = await post('auditor.lijiang', batchPath, { reviewDueAt: shanghaiDate(now + 10 * DAY) });
    expect(b1.status, JSON.stringify(b1.body)).toBe(201);
    expect(b1.body).toMatchObject({ seq: 1, size: 4, status: 'open' });
    expect((await post('auditor.lijiang', batchPath, { reviewDueAt: shanghaiDate(now + 10 * DAY) })).status).toBe(409); // nothing queued

    // The batch lists its applications by priority (equal priorities: first filed first).
    const listed = await get('auditor.lijiang', `/register-entries?filter=${enc(JSON.stringify({ batchId: b1.body.id }))}`);
    expect(listed.body.map((e: { id: string }) => e.id)).toEqual([star.entryId, brand.entryId, plain.entryId, small.entryId]);
    const reviews = await Promise.all([star, brand, plain, small].map((e) => openTask(e.entryId, 'intake_review')));
    expect(reviews.map((t) => (t.details as { rank: number }).rank)).toEqual([1, 2, 3, 4]);
    expect(reviews.every((t) => t.assigneeRole === 'auditor' && t.jurisdictionId === '530700')).toBe(true);

    // An application filed after the batch opened waits for the next one.
    const next = await apply(id, 'officer.gucheng', 'op-lj-003', product({ productName: '高原玛咖片' }));
    expect((await h.db.registerEntry.findUniqueOrThrow({ where: { id: next.entryId } })).status).toBe('queued');
    const b2 = await post('coord.lijiang', batchPath, { reviewDueAt: shanghaiDate(now + 20 * DAY) });
    expect(b2.body).toMatchObject({ seq: 2, size: 1 });
    await entryStatus(next.entryId, 'in_review');

    // The office decides: a county officer may not; refusing needs a reason.
    expect((await complete('officer.yulong', reviews[3]!.id, { decision: 'refused', reason: 'x' })).status).toBe(403);
    expect((await complete('auditor.lijiang', reviews[3]!.id, { decision: 'refused' })).status).toBe(400);
    expect((await complete('auditor.lijiang', reviews[3]!.id, { decision: 'refused', reason: '账号内容与丽江推广无关' })).status).toBe(200);
    await entryStatus(small.entryId, 'refused');
    for (const t of reviews.slice(0, 3)) expect((await complete('auditor.lijiang', t.id, { decision: 'admitted' })).status).toBe(200);
    await waitFor(async () => (await h.db.intakeBatch.findUnique({ where: { id: b1.body.id } }))?.status === 'closed', 'batch 1 closed');
    const batch = await get('auditor.lijiang', `/intake-batches/${enc(b1.body.id)}`);
    expect(batch.body).toMatchObject({ reviewed: 4, admitted: 3, refused: 1, status: 'closed' });

    // 备案: the centre files each admitted entry, the date on record.
    const filing = await openTask(star.entryId, 'filing');
    expect(filing.assigneeRole).toBe('coordinator');
    expect((await complete('auditor.lijiang', filing.id, { filedOn: '2026-11-20', reference: 'LJ-2026-001' })).status).toBe(403);
    expect((await complete('coord.lijiang', filing.id, { filedOn: '20261120', reference: 'LJ-2026-001' })).status).toBe(400);
    expect((await complete('coord.lijiang', filing.id, { filedOn: '2026-11-20', reference: 'LJ-2026-001' })).status).toBe(200);
    await entryStatus(star.entryId, 'filed');
    const e = await get('leader.lijiang', `/register-entries/${enc(star.entryId)}`);
    expect(e.body).toMatchObject({ status: 'filed', filingDate: '2026-11-20', filingReference: 'LJ-2026-001', batchSeq: 1 });
    const trail = await h.db.auditEvent.findMany({ where: { entityId: star.entryId }, orderBy: { id: 'asc' } });
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(['intake.applied', 'intake.admitted', 'intake.filed']));
    expect(trail.find((a) => a.action === 'intake.filed')!.clause).toContain('备案');
  });

  it('corrects the office’s review while the filing is open (refused instead, or reviewed again) and a filing’s date and reference', async () => {
    const id = await launchOpen();
    const now = await h.now();
    const x = await apply(id, 'officer.gucheng', 'op-lj-001', product({ productName: '更正用石榴' }));
    const y = await apply(id, 'officer.gucheng', 'op-lj-005', product({ productName: '更正用银器' }));
    const z = await apply(id, 'officer.gucheng', 'op-lj-011', influencer({ displayName: '更正用阿妹' }));
    expect((await post('auditor.lijiang', `/campaigns/${enc(id)}/intake-batches`, { reviewDueAt: shanghaiDate(now + 10 * DAY) })).status).toBe(201);
    const [rx, ry, rz] = await Promise.all([x, y, z].map((e) => openTask(e.entryId, 'intake_review')));
    for (const t of [rx, ry, rz]) expect((await complete('auditor.lijiang', t!.id, { decision: 'admitted' })).status).toBe(200);
    const [fx, fy, fz] = await Promise.all([x, y, z].map((e) => openTask(e.entryId, 'filing')));
    const correct = (user: string, taskId: string, body: unknown) => post(user, `/tasks/${enc(taskId)}/corrections`, body);

    // Refusals, changing nothing: a county officer; refused without its reason.
    expect((await correct('officer.gucheng', rx!.id, { reason: '更正', reopen: true })).status).toBe(403);
    expect((await correct('coord.lijiang', rx!.id, { reason: '更正', result: { decision: 'refused' } })).status).toBe(400);
    expect(await h.db.task.findUniqueOrThrow({ where: { id: fx!.id } })).toMatchObject({ status: 'open' });

    // x: refused instead. The filing asked of the centre is withdrawn; the entry is refused with the reason.
    const refused = await correct('coord.lijiang', rx!.id, { reason: '复核发现检测报告过期', result: { decision: 'refused', reason: '检测报告已过有效期' } });
    expect(refused.status, JSON.stringify(refused.body)).toBe(201);
    await entryStatus(x.entryId, 'refused');
    expect((await h.db.task.findUniqueOrThrow({ where: { id: fx!.id } })).status).toBe('cancelled');
    expect((await h.db.registerEntry.findUniqueOrThrow({ where: { id: x.entryId } })).refusedReason).toBe('检测报告已过有效期');
    // The refusal is the corrector's decision, under a key of its own (the admission kept).
    expect(await h.db.auditEvent.findFirstOrThrow({ where: { entityId: x.entryId, action: 'intake.refused' } })).toMatchObject({
      key: `${rx!.id}:decision:1`,
      actorId: 'u-coord-lijiang',
    });

    // y: reopened for the office; the withdrawn filing can no longer be done; admitted again, a new filing.
    expect((await correct('leader.lijiang', ry!.id, { reason: '请重新核实规格', reopen: true })).status).toBe(201);
    expect(await h.db.task.findUniqueOrThrow({ where: { id: ry!.id } })).toMatchObject({ status: 'open', result: null });
    expect((await h.db.task.findUniqueOrThrow({ where: { id: fy!.id } })).status).toBe('cancelled');
    expect((await complete('coord.lijiang', fy!.id, { filedOn: '2026-11-20', reference: 'LJ-2026-008' })).status).toBe(409);
    expect((await complete('auditor.lijiang', ry!.id, { decision: 'admitted', note: '规格已核实' })).status).toBe(200);
    const again = await waitFor(() => h.db.task.findFirst({ where: { id: `${fy!.id}#2`, status: 'open' } }), 'a second filing');
    expect((await complete('coord.lijiang', again.id, { filedOn: '2026-11-21', reference: 'LJ-2026-009' })).status).toBe(200);
    await entryStatus(y.entryId, 'filed');
    const admitted = await h.db.auditEvent.findMany({ where: { entityId: y.entryId, action: 'intake.admitted' }, orderBy: { id: 'asc' } });
    expect(admitted.map((e) => e.key)).toEqual([`${ry!.id}:decision`, `${ry!.id}:decision:1`]);
    const trail = await h.db.auditEvent.findMany({ where: { entityId: ry!.id, action: { not: 'task.claimed' } }, orderBy: { id: 'asc' } });
    expect(trail.map((e) => e.action)).toEqual(['task.created', 'task.completed', 'task.corrected', 'task.completed']);

    // z: filed, then too late: an entry leaves the register by removal (清退), not by a correction.
    expect((await complete('coord.lijiang', fz!.id, { filedOn: '2026-11-20', reference: 'LJ-2026-010' })).status).toBe(200);
    await entryStatus(z.entryId, 'filed');
    // The entry's own workflow, which takes its filing's corrections, starts right after the filing is recorded.
    await waitFor(
      () =>
        h.env.client.workflow
          .getHandle(registerEntryWorkflowId(z.entryId))
          .describe()
          .then(
            () => true,
            () => false,
          ),
      'the entry’s workflow',
    );
    const late = await correct('coord.lijiang', rz!.id, { reason: '更正', reopen: true });
    expect(late.status).toBe(409);
    expect(late.body.messageZh).toContain('不能再更正');
    // Its filing is amended (a mistyped reference), not reopened; the entry stays filed.
    const filingOf = async () => h.db.registerEntry.findUniqueOrThrow({ where: { id: z.entryId } });
    const reopenFiling = await correct('coord.lijiang', fz!.id, { reason: '重新备案', reopen: true });
    expect(reopenFiling.status).toBe(409);
    expect(reopenFiling.body.messageZh).toContain('清退');
    expect((await filingOf()).filingReference).toBe('LJ-2026-010');
    const amended = await correct('coord.lijiang', fz!.id, { reason: '备案编号录入错误', result: { filedOn: '2026-11-19', reference: 'LJ-2026-011' } });
    expect(amended.status, JSON.stringify(amended.body)).toBe(201);
    expect(await filingOf()).toMatchObject({ status: 'filed', filingReference: 'LJ-2026-011', filingDate: new Date('2026-11-19T00:00:00Z') });
    expect(await h.db.auditEvent.findFirstOrThrow({ where: { entityId: z.entryId, action: 'intake.filing_corrected' } })).toMatchObject({
      reason: '备案编号录入错误',
      actorId: 'u-coord-lijiang',
    });
    expect((await h.db.auditEvent.findFirstOrThrow({ where: { entityId: fz!.id, action: 'task.corrected' } })).data).toMatchObject({
      before: { filedOn: '2026-11-20', reference: 'LJ-2026-010' },
      after: { filedOn: '2026-11-19', reference: 'LJ-2026-011' },
    });

    // The histories, corrections and all, replay against the current workflow code.
    const ids = [rx!.workflowId, ry!.workflowId, `register-entry-${z.entryId}`];
    const histories = await Promise.all(
      ids.map(async (workflowId) => ({ workflowId, history: await h.env.client.workflow.getHandle(workflowId).fetchHistory() })),
    );
    const replayed = [];
    for await (const r of Worker.runReplayHistories({ workflowBundle: { codePath: inject('workflowBundlePath') } }, histories)) replayed.push(r);
    expect(replayed.filter((r) => r.error)).toEqual([]);
  });

  // (The deadline is a Temporal timer in the entry's workflow; that such timers survive a worker restart
  // is tested on the dev server, test/notifications.test.ts: the test server cannot restart a worker.)
  it('marks a review left open at the batch deadline overdue and escalates it to the centre, at the deadline and not before', async () => {
    const id = await launchOpen();
    const e = await apply(id, 'officer.gucheng', 'op-lj-009', product({ productName: '油橄榄精油' }));
    const reviewDueAt = (await h.now()) + DAY;
    const b = await post('auditor.lijiang', `/campaigns/${enc(id)}/intake-batches`, { reviewDueAt: new Date(reviewDueAt).toISOString() });
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    const review = await openTask(e.entryId, 'intake_review');
    expect(review.dueAt.getTime()).toBe(reviewDueAt);
    await h.skipTo(reviewDueAt - MINUTE);
    expect(await h.db.task.count({ where: { caseId: e.entryId, type: 'escalation' } })).toBe(0);
    await h.skipTo(reviewDueAt);
    const escalation = await waitFor(() => h.db.task.findFirst({ where: { caseId: e.entryId, type: 'escalation' } }), 'escalation');
    expect(escalation).toMatchObject({ assigneeRole: 'coordinator', jurisdictionId: '530700', status: 'open' });
    expect((await h.db.task.findUniqueOrThrow({ where: { id: review.id } })).overdue).toBe(true);
    // Late, but not dropped: the office still decides, and the centre acknowledges the escalation.
    const late = await complete('auditor.lijiang', review.id, { decision: 'refused', reason: '材料与实际产品不符' });
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ status: 'done', overdue: true });
    expect((await complete('coord.lijiang', escalation.id, { note: '已督促办公室按批次时限审核' })).status).toBe(200);
    await entryStatus(e.entryId, 'refused');
    await waitFor(async () => (await h.db.case.findUniqueOrThrow({ where: { id: e.entryId } })).status === 'completed', 'case completed');
  });

  it('scores filed entries each period and removes the poor ones once the office confirms', async () => {
    const id = await launchOpen();
    const now = await h.now();
    const entries = [];
    for (const [op, name] of [
      ['op-lj-001', '软籽石榴'],
      ['op-lj-003', '雪桃'],
      ['op-lj-005', '荞麦'],
      ['op-lj-007', '雪茶'],
    ] as const)
      entries.push(await apply(id, 'officer.gucheng', op, product({ productName: name })));
    await post('auditor.lijiang', `/campaigns/${enc(id)}/intake-batches`, { reviewDueAt: shanghaiDate(now + 10 * DAY) });
    for (const e of entries)
      expect((await complete('auditor.lijiang', (await openTask(e.entryId, 'intake_review')).id, { decision: 'admitted' })).status).toBe(200);
    for (const e of entries)
      expect(
        (await complete('coord.lijiang', (await openTask(e.entryId, 'filing')).id, { filedOn: '2026-11-21', reference: `LJ-${e.entryId.slice(-6)}` })).status,
      ).toBe(200);
    for (const e of entries) await entryStatus(e.entryId, 'filed');

    // The period is a setting: monthly by default, changeable; nonsense is refused.
    const scoringPath = `/campaigns/${enc(id)}/register-scoring`;
    expect((await get('leader.lijiang', scoringPath)).body).toMatchObject({ period: 'P1M', runs: 0 });
    expect((await put('coord.lijiang', scoringPath, { period: 'PT5M' })).status).toBe(400);
    expect((await put('auditor.lijiang', scoringPath, { period: 'P7D' })).status).toBe(403);
    const weekly = await put('coord.lijiang', scoringPath, { period: 'P7D' });
    expect(weekly.status, JSON.stringify(weekly.body)).toBe(200);
    expect(weekly.body.period).toBe('P7D');
    expect(weekly.body.nextRunAt).toBeGreaterThan(now + 6 * DAY);

    // Figures of the period: the platform's rating, complaints, the regulator's findings.
    const [good, fine, poor, violator] = entries;
    const metrics = async (e: { entryId: string }, m: object) =>
      expect((await post('auditor.lijiang', `/register-entries/${enc(e.entryId)}/metrics`, m)).status).toBe(201);
    await metrics(good!, { platformRating: 4.9, complaintRate: 0.2, findings: 0, violation: false });
    await metrics(fine!, { platformRating: 4.6, complaintRate: 1, findings: 0, violation: false });
    await metrics(poor!, { platformRating: 3.2, complaintRate: 6, findings: 0, violation: false });
    await metrics(violator!, { platformRating: 4.8, complaintRate: 0.5, findings: 1, violation: true, note: '虚假宣传' });
    expect(
      (await post('auditor.lijiang', `/register-entries/${enc(good!.entryId)}/metrics`, { platformRating: 6, complaintRate: 0, findings: 0, violation: false }))
        .status,
    ).toBe(400);

    const run = await post('auditor.lijiang', `${scoringPath}/run`);
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    expect(run.body).toMatchObject({ scored: 4, proposed: 2 });
    const scores = await h.db.registerScore.findMany({ where: { runId: run.body.id } });
    const byEntry = new Map(scores.map((s) => [s.entryId, s]));
    expect(byEntry.get(good!.entryId)!.score).toBe(97.8); // 4.9/5×60 + (1−0.2/5)×25 + 15
    expect(byEntry.get(poor!.entryId)!.proposed).toBe(true);
    expect((byEntry.get(poor!.entryId)!.reasons as { code: string }[]).map((r) => r.code)).toEqual(['below_average', 'complaints']);
    expect((byEntry.get(violator!.entryId)!.reasons as { code: string }[]).map((r) => r.code)).toEqual(['violation']);
    expect(byEntry.get(fine!.entryId)!.proposed).toBe(false);

    // The office confirms one removal and keeps the other, with reasons.
    const removePoor = await openTask(poor!.entryId, 'removal_review');
    const keepViolator = await openTask(violator!.entryId, 'removal_review');
    expect(removePoor.assigneeRole).toBe('auditor');
    expect((await get('auditor.lijiang', `/register-entries?filter=${enc(JSON.stringify({ campaignId: id, removalProposed: true }))}`)).body).toHaveLength(2);
    expect((await complete('auditor.lijiang', removePoor.id, { decision: 'remove' })).status).toBe(400);
    expect((await complete('auditor.lijiang', removePoor.id, { decision: 'remove', reason: '投诉率高，服务质量低于平均水平' })).status).toBe(200);
    expect((await complete('auditor.lijiang', keepViolator.id, { decision: 'keep', reason: '已整改，市场监管部门复查通过' })).status).toBe(200);
    await entryStatus(poor!.entryId, 'removed');
    const removed = await h.db.registerEntry.findUniqueOrThrow({ where: { id: poor!.entryId } });
    expect(removed).toMatchObject({ removedReason: '投诉率高，服务质量低于平均水平', removalProposed: false });
    await waitFor(async () => (await h.db.registerEntry.findUniqueOrThrow({ where: { id: violator!.entryId } })).removalProposed === false, 'kept');
    expect((await h.db.registerEntry.findUniqueOrThrow({ where: { id: violator!.entryId } })).status).toBe('filed');
    // A removed entry takes no more figures; the next run has no new figures and proposes nobody.
    expect(
      (await post('auditor.lijiang', `/register-entries/${enc(poor!.entryId)}/metrics`, { platformRating: 5, complaintRate: 0, findings: 0, violation: false }))
        .status,
    ).toBe(409);
    const again = await post('coord.lijiang', `${scoringPath}/run`);
    expect(again.body).toMatchObject({ scored: 0, proposed: 0 });
    const trail = await h.db.auditEvent.findMany({ where: { entityId: poor!.entryId }, orderBy: { id: 'asc' } });
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(['intake.removal_proposed', 'intake.removed']));
    expect(trail.find((a) => a.action === 'intake.removed')!.clause).toContain('清退');

    // The register workflows join the histories the replay test keeps replaying (RECORD_HISTORIES=1).
    await waitFor(
      async () => (await h.env.client.workflow.getHandle(`register-entry-${poor!.entryId}`).describe()).status.name === 'COMPLETED',
      'entry workflow over',
    );
    await recordHistory(h, `campaign-${id}`, 'lijiang-campaign');
    await recordHistory(h, `case-${poor!.entryId}`, 'lijiang-intake');
    await recordHistory(h, `register-entry-${poor!.entryId}`, 'lijiang-register-entry');
    await recordHistory(h, `register-scoring-${id}`, 'lijiang-scoring');
  });
});
