// The Lijiang registers by the applicant (seeds/lijiang-database-intake.txt 附件1 第17条, 附件2 第8条: 申报人
// 自主自愿提出申请): an operator signed in to its portal sees the register campaigns open where it is
// registered, files its own product application with its own uploads, and follows it through the batch
// review, filing (备案) and removal (清退, 第16条), hearing each decision; the refusals of staff filing apply
// to it too and change nothing; another operator's application is 403 to it; a Changxing operator reaches
// no Lijiang campaign.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { startApi, type Api } from './api-helpers.js';
import { lijiangProduct, stopFixtures } from './helpers-fixtures.js';
import type { PortalOperator } from './portal-helpers.js';
import { operatorWithAccount } from './helpers-operators.js';
import { shanghaiDate } from '../domain/time.js';

const enc = encodeURIComponent;
const DAY = 86_400_000;
let h: Harness;
let api: Api;
const staff: Record<string, string> = {};
/** Two applicants of 古城区 (530702) and a Changxing operator of 雉城所, each with its portal account. */
let a: PortalOperator;
let b: PortalOperator;
let cx: PortalOperator;
let campaignId: string;
let pendingId: string;

const as = (token: string | undefined) => ({
  get: (path: string) => api.call('GET', path, { token }),
  post: (path: string, body?: unknown) => api.call('POST', path, { token, body }),
});
const staffAs = (user: string) => as(staff[user]);

/** A fresh operator registered (and invited) by `officer`, activated through the portal. */
const applicant = (officer: string, jurisdictionId: string, name: string) => operatorWithAccount(api, staff[officer]!, jurisdictionId, name);

async function launch(startsAt: string, dueAt: string) {
  const r = await staffAs('coord.lijiang').post('/campaigns', {
    programme: 'lijiang',
    year: await uniqueYear(h.db),
    jurisdictionId: '530700',
    stages: [{ key: 'intake', startsAt, dueAt }],
    reminderLeadHours: 0,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

async function upload(o: PortalOperator, filename: string, text: string) {
  const r = await as(o.token).post('/attachments', { filename, contentType: 'application/pdf', dataBase64: Buffer.from(text).toString('base64') });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; sha256: string };
}

const openTask = (caseId: string, type: string) => waitFor(() => h.db.task.findFirst({ where: { caseId, type, status: 'open' } }), `${type} of ${caseId}`);
const complete = (user: string, taskId: string, body: unknown) => staffAs(user).post(`/tasks/${enc(taskId)}/complete`, body);
/** The applicant's view of one application, once `ready` holds. */
const follow = (o: PortalOperator, id: string, ready: (v: any) => boolean, what: string) =>
  waitFor(async () => {
    const r = await as(o.token).get(`/portal/register/applications/${enc(id)}`);
    return r.status === 200 && ready(r.body) && r.body;
  }, what);
const noticesOf = async (o: PortalOperator) =>
  (await as(o.token).get(`/portal/notifications?sort=${enc('["id","ASC"]')}&range=${enc('[0,99]')}`)).body as {
    title: string;
    body: string;
    kind: string;
    caseId: string;
  }[];

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h);
  for (const u of ['officer.gucheng', 'officer.zhicheng', 'auditor.lijiang', 'coord.lijiang']) staff[u] = await api.login(u);
  const stamp = Date.now().toString(36);
  a = await applicant('officer.gucheng', '530702', `丽江门户甲农产品${stamp}`);
  b = await applicant('officer.gucheng', '530702', `丽江门户乙文化传媒${stamp}`);
  cx = await applicant('officer.zhicheng', '330522001', `长兴门户丙商贸${stamp}`);
  const now = Date.now();
  campaignId = await launch(new Date(now + 300).toISOString(), shanghaiDate(now + 365 * DAY));
  pendingId = await launch(shanghaiDate(now + 300 * DAY), shanghaiDate(now + 400 * DAY));
  await waitFor(() => h.db.stage.findFirst({ where: { campaignId, key: 'intake', status: 'open' } }), 'the window open');
}, 120_000);
afterAll(async () => {
  if (campaignId) await stopFixtures(h, [campaignId, pendingId]);
  await api?.close();
  await h?.stop();
});

describe('Lijiang by the applicant', () => {
  it('shows the applicant the register campaigns taking applications where it is registered, and nobody else’s', async () => {
    const open = await as(a.token).get('/portal/register/open-campaigns');
    expect(open.status, JSON.stringify(open.body)).toBe(200);
    const ours = open.body.find((c: { id: string }) => c.id === campaignId);
    expect(ours).toMatchObject({ jurisdictionId: '530700', applied: 0 });
    expect(ours.registers.map((r: { key: string }) => r.key)).toEqual(['product', 'influencer']);
    expect(Date.parse(ours.windowDueAt)).toBeGreaterThan(Date.now() + 300 * DAY);
    // Not yet open: not offered.
    expect(open.body.some((c: { id: string }) => c.id === pendingId)).toBe(false);
    // A Changxing operator is not where Lijiang's registers take applicants.
    const elsewhere = await as(cx.token).get('/portal/register/open-campaigns');
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.some((c: { id: string }) => c.id === campaignId)).toBe(false);
    // Staff have their own door.
    expect((await staffAs('officer.gucheng').get('/portal/register/open-campaigns')).status).toBe(403);
  });

  it('files the applicant’s own application with its own uploads; every refusal of staff filing applies and changes nothing', async () => {
    const path = '/portal/register/applications';
    const licence = await upload(a, '食品生产许可证.pdf', `%PDF-1.4 licence ${a.id}`);
    const report = await upload(a, '检测报告.pdf', `%PDF-1.4 report ${a.id}`);
    const photo = await upload(a, '产品图片.pdf', `%PDF-1.4 pictures ${a.id}`);
    const foreign = await upload(b, '别人的许可证.pdf', `%PDF-1.4 licence ${b.id}`);
    const count = () => h.db.registerEntry.count({ where: { campaignId } });
    const form = lijiangProduct({ productName: '古城门户雪茶', licences: [licence.id], testReports: [report.id] });
    const { register: _r, ...fields } = form;

    // Every missing mandatory item in one 400 (附件1 第2、8条…), as for staff.
    const missing = await as(a.token).post(path, {
      campaignId,
      register: 'product',
      form: { productName: '东巴纸', category: 'prepackaged', specifications: '16 开', serviceHours: { daysPerWeek: 5, hoursPerDay: 6 } },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['form.executionStandard', 'form.licences', 'form.testReports', 'form.liveLinks', 'form.serviceHours']),
    );
    expect(missing.body.messageZh).toContain('缺少必填项');
    // The register chosen and the form's must agree; the applicant cannot name another operator.
    expect((await as(a.token).post(path, { campaignId, register: 'influencer', form })).status).toBe(400);
    expect((await as(a.token).post(path, { campaignId, register: 'product', form: fields, operatorId: b.id })).status).toBe(400);
    // Another account's upload binds nothing (OWASP ASVS 4.2.1).
    const stolen = await as(a.token).post(path, { campaignId, register: 'product', form: fields, attachmentIds: [foreign.id] });
    expect(stolen.status).toBe(403);
    // A campaign whose window has not opened, and one that does not cover the applicant.
    const early = await as(a.token).post(path, { campaignId: pendingId, register: 'product', form: fields });
    expect(early.status).toBe(409);
    expect(early.body.messageZh).toContain('尚未开始');
    expect((await as(cx.token).post(path, { campaignId, register: 'product', form: lijiangProduct({ productName: '长兴湖羊' }) })).status).toBe(403);
    expect((await as(a.token).post(path, { campaignId: 'no-such-campaign', register: 'product', form: fields })).status).toBe(404);
    expect((await staffAs('officer.gucheng').post(path, { campaignId, register: 'product', form: fields })).status).toBe(403);
    expect(await count()).toBe(0);
    expect(await h.db.attachment.count({ where: { id: { in: [licence.id, report.id, photo.id, foreign.id] }, entryId: { not: null } } })).toBe(0);

    const filed = await as(a.token).post(path, { campaignId, register: 'product', form: fields, attachmentIds: [photo.id] });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const entryId = filed.body.entryId as string;
    expect(filed.body.flags.map((f: { code: string }) => f.code)).not.toContain('no_materials');
    const entry = await waitFor(() => h.db.registerEntry.findUnique({ where: { id: entryId } }), 'the entry');
    expect(entry).toMatchObject({ operatorId: a.id, jurisdictionId: '530702', status: 'queued', name: '古城门户雪茶' });
    const bound = await h.db.attachment.findMany({ where: { entryId }, orderBy: { field: 'asc' } });
    expect(bound.map((x) => [x.field, x.id]).sort()).toEqual(
      [
        ['licences', licence.id],
        ['materials', photo.id],
        ['testReports', report.id],
      ].sort(),
    );
    // Filed by the applicant itself, on the record.
    const applied = await h.db.auditEvent.findFirstOrThrow({ where: { entityId: entryId, action: 'intake.applied' } });
    const account = await h.db.user.findUniqueOrThrow({ where: { operatorId: a.id } });
    expect(applied).toMatchObject({ actorId: account.id, actorRole: 'operator' });
    // The same product again is refused, as for staff; the office sees the application as any other.
    const again = {
      ...fields,
      licences: [(await upload(a, '许可证.pdf', `%PDF-1.4 l2 ${a.id}`)).id],
      testReports: [(await upload(a, '报告.pdf', `%PDF-1.4 r2 ${a.id}`)).id],
    };
    const twice = await as(a.token).post(path, { campaignId, register: 'product', form: again });
    expect(twice.status).toBe(409);
    expect(twice.body.messageZh).toContain('已申报「古城门户雪茶」');
    // Files already used by an application are not used again.
    expect((await as(a.token).post(path, { campaignId, register: 'product', form: { ...fields, productName: '另一款' } })).status).toBe(400);
    expect(await count()).toBe(1);
    const office = await staffAs('auditor.lijiang').get(`/register-entries/${enc(entryId)}`);
    expect(office.status).toBe(200);
    expect(office.body.attachments).toHaveLength(3);
    const listed = await as(a.token).get('/portal/register/open-campaigns');
    expect(listed.body.find((c: { id: string }) => c.id === campaignId).applied).toBe(1);
  });

  it('follows its own application through review, filing and removal, hearing each decision; another operator gets 403', async () => {
    const path = '/portal/register/applications';
    const mine = await as(a.token).post(path, {
      campaignId,
      register: 'product',
      form: lijiangProduct({ productName: '玉龙门户雪桃', category: 'primary_agricultural', grade: '一级果' }),
    });
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    const theirs = await as(b.token).post(path, {
      campaignId,
      register: 'influencer',
      form: {
        displayName: '门户纳西阿妹',
        accounts: [{ platform: 'douyin', handle: `portal_${b.id.slice(-8)}`, followers: 52_000, realNameVerified: true, liveSellingEnabled: true }],
        notUnderPenalty: true,
        promotesLijiang: true,
      },
    });
    expect(theirs.status, JSON.stringify(theirs.body)).toBe(201);
    const [ea, eb] = [mine.body.entryId as string, theirs.body.entryId as string];

    // Each sees its own and only its own; another's is 403, an unknown one 404.
    const listA = await as(a.token).get(`${path}?filter=${enc(JSON.stringify({ campaignId }))}`);
    expect(listA.status).toBe(200);
    expect(listA.headers.get('content-range')).toMatch(/^applications 0-1\/2$/);
    expect(listA.body.map((e: { id: string }) => e.id)).toContain(ea);
    expect(listA.body.some((e: { id: string }) => e.id === eb)).toBe(false);
    expect((await as(b.token).get(path)).body.map((e: { id: string }) => e.id)).toEqual([eb]);
    expect((await as(b.token).get(`${path}/${enc(ea)}`)).status).toBe(403);
    expect((await as(a.token).get(`${path}/${enc(eb)}`)).status).toBe(403);
    expect((await as(cx.token).get(`${path}/${enc(ea)}`)).status).toBe(403);
    expect((await as(a.token).get(`${path}/${enc(`${campaignId}:product:nobody`)}`)).status).toBe(404);
    expect((await staffAs('auditor.lijiang').get(`${path}/${enc(ea)}`)).status).toBe(403);
    const queued = await follow(a, ea, (v) => v.status === 'queued', 'queued');
    expect(queued).toMatchObject({ name: '玉龙门户雪桃', register: 'product', batchSeq: null, form: { productName: '玉龙门户雪桃' } });
    expect(queued.decisions.map((d: { action: string }) => d.action)).toEqual(['intake.applied']);

    // 分批次审核入库: the office's batch, its decisions with reasons.
    const batch = await staffAs('auditor.lijiang').post(`/campaigns/${enc(campaignId)}/intake-batches`, { reviewDueAt: shanghaiDate(Date.now() + 20 * DAY) });
    expect(batch.status, JSON.stringify(batch.body)).toBe(201);
    const inReview = await follow(a, ea, (v) => v.status === 'in_review', 'in review');
    expect(inReview.batchSeq).toBe(batch.body.seq);
    expect(Date.parse(inReview.reviewDueAt)).toBe(Date.parse(batch.body.reviewDueAt));
    expect((await complete('auditor.lijiang', (await openTask(ea, 'intake_review')).id, { decision: 'admitted', note: '材料齐全' })).status).toBe(200);
    expect(
      (await complete('auditor.lijiang', (await openTask(eb, 'intake_review')).id, { decision: 'refused', reason: '账号内容与丽江推广无关' })).status,
    ).toBe(200);
    const admitted = await follow(a, ea, (v) => v.status === 'admitted', 'admitted');
    expect(admitted.admittedAt).toBeTruthy();
    expect(admitted.decisions.find((d: { action: string }) => d.action === 'intake.admitted')).toMatchObject({
      labelZh: '审核通过，予以入库',
      reason: '材料齐全',
    });
    const refused = await follow(b, eb, (v) => v.status === 'refused', 'refused');
    expect(refused.refusedReason).toBe('账号内容与丽江推广无关');
    expect(refused.decisions.find((d: { action: string }) => d.action === 'intake.refused').reason).toBe('账号内容与丽江推广无关');

    // 备案 with the centre: its date and reference.
    const filedOn = shanghaiDate(Date.now());
    expect((await complete('coord.lijiang', (await openTask(ea, 'filing')).id, { filedOn, reference: 'LJ-PORTAL-001' })).status).toBe(200);
    const filed = await follow(a, ea, (v) => v.status === 'filed', 'filed');
    expect(filed).toMatchObject({ filingDate: filedOn, filingReference: 'LJ-PORTAL-001' });

    // 清退 (第16条): a violation proposes removal, the office confirms it with its reason.
    expect(
      (await staffAs('auditor.lijiang').post(`/register-entries/${enc(ea)}/metrics`, { platformRating: 4, complaintRate: 1, findings: 1, violation: true }))
        .status,
    ).toBe(201);
    expect((await staffAs('auditor.lijiang').post(`/campaigns/${enc(campaignId)}/register-scoring/run`)).status).toBe(201);
    const review = await openTask(ea, 'removal_review');
    expect((await complete('auditor.lijiang', review.id, { decision: 'remove', reason: '销售假冒产品，予以清退' })).status).toBe(200);
    const removed = await follow(a, ea, (v) => v.status === 'removed', 'removed');
    expect(removed).toMatchObject({ removedReason: '销售假冒产品，予以清退', filingDate: filedOn });
    expect(removed.decisions.map((d: { action: string }) => d.action)).toEqual(['intake.applied', 'intake.admitted', 'intake.filed', 'intake.removed']);
    // The proposal and the scores are the office's working: not shown.
    expect(removed).not.toHaveProperty('removalProposed');
    expect(removed).not.toHaveProperty('lastScore');

    // Each decision reached its own applicant, in its portal, and not the other.
    const heardA = await waitFor(async () => {
      const n = (await noticesOf(a)).filter((x) => x.caseId === ea);
      return n.length === 3 && n;
    }, 'the three decisions told to A');
    expect(heardA.map((n) => n.kind)).toEqual(['decision', 'decision', 'decision']);
    expect(heardA.map((n) => n.title).join('\n')).toMatch(/予以入库[\s\S]*备案[\s\S]*清退/);
    expect(heardA.find((n) => n.title.includes('清退'))!.body).toContain('销售假冒产品');
    const heardB = await waitFor(async () => {
      const n = await noticesOf(b);
      return n.length === 1 && n;
    }, 'the refusal told to B');
    expect(heardB[0]).toMatchObject({ caseId: eb, kind: 'decision' });
    expect(heardB[0]!.body).toBe('账号内容与丽江推广无关');
    expect((await noticesOf(a)).some((n) => n.caseId === eb)).toBe(false);
    expect(await noticesOf(cx)).toEqual([]);
  });
});
