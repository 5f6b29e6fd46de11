// Zhoushan by the live room (seeds/zhoushan-green-live-room.txt 六、（二）组织申报: "按照自愿原则，由直播间运营者
// 提出申请，属地市场监管部门进行初步审查"): an operator signed in to its portal sees the campaign taking
// applications in its city, files its own application with its attachments and the signed compliance
// statement, and staff see it as any other; another operator gets 403 on it; an ineligible room is refused
// with every reason and nothing is stored; a return for material is answered by editing the form, which
// stores version 2, and the county's second pre-review is shown what changed; the room then follows its
// application through the city audit (its score) to the cultivation list. Staff may still answer a return
// for a room without an account, and the version says for whom.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { startApi, type Api } from './api-helpers.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { stopFixtures } from './helpers-fixtures.js';
import { APPLICATION_FORM } from './helpers-zhoushan.js';
import { activate, invite, type PortalOperator } from './portal-helpers.js';
import { demoUscc } from '../prisma/seed.js';
import { BUILT_IN } from '../domain/programmes/index.js';
import { COMPLIANCE_STATEMENT } from '../domain/application-statement.js';

const enc = encodeURIComponent;
const OFFICER = 'officer.dinghai';
let h: Harness;
let api: Api;
const staff: Record<string, string> = {};
/** Live rooms of 定海区 (330902): a and b eligible, c on the abnormal-operations list and registered this year; each with its account. */
let a: PortalOperator;
let b: PortalOperator;
let c: PortalOperator;
let campaignId: string;
let caseA = '';
let licence = '';

const as = (token: string | undefined) => ({
  get: (path: string) => api.call('GET', path, { token }),
  post: (path: string, body?: unknown) => api.call('POST', path, { token, body }),
});
const staffAs = (user: string) => as(staff[user]);
const signed = (signatory: string) => ({ version: COMPLIANCE_STATEMENT.version, signatory });

async function room(name: string, extra: Record<string, unknown> = {}): Promise<PortalOperator> {
  const uscc = demoUscc('330902', randomInt(200_000, 2_000_000));
  const r = await staffAs(OFFICER).post('/operators', { name, uscc, kind: 'live_room', jurisdictionId: '330902', registeredOn: '2019-03-01', ...extra });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { id: r.body.id, uscc, name, caseId: '' };
}
const withAccount = async (o: PortalOperator) => activate(api, o, (await invite(api, staff[OFFICER]!, o.id)).code);

async function upload(o: PortalOperator, filename: string) {
  const r = await as(o.token).post('/attachments', {
    filename,
    contentType: 'application/pdf',
    dataBase64: Buffer.from(`%PDF-1.4 ${filename} ${o.id}`).toString('base64'),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
const openTask = (caseId: string, type: string) => waitFor(() => h.db.task.findFirst({ where: { caseId, type, status: 'open' } }), `${type} of ${caseId}`);
const complete = (user: string, taskId: string, body: unknown) => staffAs(user).post(`/tasks/${enc(taskId)}/complete`, body);
const versionsOf = (caseId: string) => h.db.applicationVersion.findMany({ where: { caseId }, orderBy: { version: 'asc' } });

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h);
  for (const u of [OFFICER, 'officer.putuo', 'coord.zhoushan', 'auditor.zhoushan']) staff[u] = await api.login(u);
  const stamp = Date.now().toString(36);
  a = await withAccount(await room(`定海门户甲直播间${stamp}`));
  b = await withAccount(await room(`定海门户乙直播间${stamp}`));
  c = await withAccount(await room(`定海门户丙直播间${stamp}`, { registeredOn: `${new Date().getFullYear()}-01-01`, abnormalListed: true }));
  const launched = await staffAs('coord.zhoushan').post('/campaigns', {
    programme: 'zhoushan',
    year: await uniqueYear(h.db),
    jurisdictionId: '330900',
    stages: calendarOpenAt('application', 600_000, 'zhoushan'),
    reminderLeadHours: 0,
  });
  expect(launched.status, JSON.stringify(launched.body)).toBe(201);
  campaignId = launched.body.id;
  await waitFor(() => h.db.stage.findFirst({ where: { campaignId, key: 'application', status: 'open' } }), 'the application stage open');
}, 120_000);
afterAll(async () => {
  if (campaignId) await stopFixtures(h, [campaignId]);
  await api?.close();
  await h?.stop();
});

describe('Zhoushan by the live room', () => {
  it('shows the room the campaign open in its city, the statement to sign and the 12 criteria; staff have their own door', async () => {
    const open = await as(a.token).get('/portal/applications/open-campaigns');
    expect(open.status, JSON.stringify(open.body)).toBe(200);
    expect(open.body.statement).toMatchObject({ version: COMPLIANCE_STATEMENT.version });
    expect(open.body.statement.zh).toContain('连续正常经营满一个会计年度');
    const ours = open.body.campaigns.find((x: { id: string }) => x.id === campaignId);
    expect(ours).toMatchObject({ jurisdictionId: '330900', appliedCaseId: null, problems: [], stage: { key: 'application' } });
    expect(ours.criteria.flatMap((g: { criteria: unknown[] }) => g.criteria)).toHaveLength(12);
    // The ineligible room is told why before it fills anything in.
    const theirs = (await as(c.token).get('/portal/applications/open-campaigns')).body.campaigns.find((x: { id: string }) => x.id === campaignId);
    expect(theirs.problems.map((p: { code: string }) => p.code).sort()).toEqual(['abnormal_listed', 'too_recent']);
    expect((await staffAs(OFFICER).get('/portal/applications/open-campaigns')).status).toBe(403);
  });

  it('refuses an ineligible room with every reason and stores nothing', async () => {
    const file = await upload(c, '营业执照.pdf');
    const before = await h.db.auditEvent.count({ where: { campaignId } });
    const r = await as(c.token).post('/portal/applications', {
      campaignId,
      form: APPLICATION_FORM,
      attachmentIds: [file],
      complianceStatement: signed('丙某'),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['operatorId.abnormal_listed', 'operatorId.too_recent']);
    expect(r.body.messageZh).toContain('经营异常名录');
    // The same refusal as the officer filing for it gets (the shared check, api/application-filing.ts).
    const byStaff = await staffAs(OFFICER).post(`/campaigns/${enc(campaignId)}/applications`, { operatorId: c.id, form: APPLICATION_FORM });
    expect(byStaff.status).toBe(400);
    expect(byStaff.body.fields).toEqual(r.body.fields);
    // Nothing stored: no case, no version, no trail, the upload still unbound.
    expect(await h.db.case.count({ where: { campaignId, operatorId: c.id } })).toBe(0);
    expect(await h.db.applicationVersion.count({ where: { caseId: `${campaignId}:${c.id}` } })).toBe(0);
    expect(await h.db.auditEvent.count({ where: { campaignId } })).toBe(before);
    expect((await h.db.attachment.findUniqueOrThrow({ where: { id: file } })).caseId).toBeNull();
    // Nor can a room sign an outdated statement, use another's upload, or name itself another operator.
    const stale = await as(b.token).post('/portal/applications', {
      campaignId,
      form: APPLICATION_FORM,
      complianceStatement: { version: 'old', signatory: '乙某' },
    });
    expect(stale.status).toBe(409);
    const stolen = await as(b.token).post('/portal/applications', {
      campaignId,
      form: APPLICATION_FORM,
      attachmentIds: [file],
      complianceStatement: signed('乙某'),
    });
    expect(stolen.status).toBe(400);
    expect(stolen.body.fields[0]).toMatchObject({ path: 'attachmentIds.0' });
    const other = await as(b.token).post('/portal/applications', { campaignId, operatorId: a.id, form: APPLICATION_FORM, complianceStatement: signed('乙某') });
    expect(other.status).toBe(400);
    expect(await h.db.case.count({ where: { campaignId } })).toBe(0);
  });

  it('files the room’s own application with its attachment and signed statement; staff see it', async () => {
    licence = await upload(a, '营业执照副本.pdf');
    const r = await as(a.token).post('/portal/applications', {
      campaignId,
      form: APPLICATION_FORM,
      attachmentIds: [licence],
      complianceStatement: signed('甲某'),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    caseA = r.body.caseId;
    expect(caseA).toBe(`${campaignId}:${a.id}`);
    await openTask(caseA, 'pre_review');
    const account = await h.db.user.findUniqueOrThrow({ where: { operatorId: a.id } });
    // Version 1, by the room itself, with its file and statement; the file is the case's now.
    const [v1] = await versionsOf(caseA);
    expect(v1).toMatchObject({ version: 1, submittedById: account.id, onBehalfOf: null, attachmentIds: [licence] });
    expect(v1!.statement).toMatchObject({ version: COMPLIANCE_STATEMENT.version, signatory: '甲某', signedById: account.id, text: COMPLIANCE_STATEMENT.zh });
    expect(Date.parse((v1!.statement as { signedAt: string }).signedAt)).toBeGreaterThan(Date.now() - 120_000);
    expect((await h.db.attachment.findUniqueOrThrow({ where: { id: licence } })).caseId).toBe(caseA);
    expect(await h.db.auditEvent.findFirstOrThrow({ where: { entityId: caseA, action: 'application.filed' } })).toMatchObject({
      actorId: account.id,
      actorRole: 'operator',
    });
    // The county sees the case, its versions and the file; the city does too; another county does not.
    const seen = await staffAs(OFFICER).get(`/cases/${enc(caseA)}`);
    expect(seen.status).toBe(200);
    expect(seen.body.application).toMatchObject({ liveRoomName: APPLICATION_FORM.liveRoomName, attachmentIds: [licence], statement: { signatory: '甲某' } });
    const versions = await staffAs(OFFICER).get(`/cases/${enc(caseA)}/application-versions`);
    expect(versions.status).toBe(200);
    expect(versions.body).toHaveLength(1);
    expect(versions.body[0]).toMatchObject({
      version: 1,
      submittedBy: { role: 'operator' },
      onBehalfOf: null,
      changes: null,
      attachments: [{ filename: '营业执照副本.pdf' }],
    });
    expect((await staffAs(OFFICER).get(`/attachments/${licence}`)).status).toBe(200);
    expect((await staffAs('auditor.zhoushan').get(`/cases/${enc(caseA)}/application-versions`)).status).toBe(200);
    expect((await staffAs('officer.putuo').get(`/cases/${enc(caseA)}/application-versions`)).status).toBe(403);
    // The room follows it; a second application is refused. Filed first, then at pre-review once the
    // workflow has opened the county's task: waited for, not assumed.
    const mine = await waitFor(async () => {
      const r = await as(a.token).get('/portal/applications');
      return r.status === 200 && r.body[0]?.step !== 'filed' && r;
    }, 'the application at pre-review');
    expect(mine.body).toEqual([
      expect.objectContaining({ id: caseA, campaignId, liveRoomName: APPLICATION_FORM.liveRoomName, step: 'pre_review', returned: null }),
    ]);
    expect(mine.body[0].steps.map((s: { state: string }) => s.state)).toEqual(['done', 'current', 'pending', 'pending', 'pending']);
    const again = await as(a.token).post('/portal/applications', { campaignId, form: APPLICATION_FORM, complianceStatement: signed('甲某') });
    expect(again.status).toBe(409);
    const listed = (await as(a.token).get('/portal/applications/open-campaigns')).body.campaigns.find((x: { id: string }) => x.id === campaignId);
    expect(listed.appliedCaseId).toBe(caseA);
  });

  it('gives another operator 403 on the application, its file and its resubmission', async () => {
    expect((await as(b.token).get(`/portal/applications/${enc(caseA)}`)).status).toBe(403);
    expect((await as(b.token).post(`/portal/applications/${enc(caseA)}/resubmit`, { form: APPLICATION_FORM })).status).toBe(403);
    expect((await as(b.token).get(`/attachments/${licence}`)).status).toBe(403);
    expect((await as(b.token).get('/portal/applications')).body).toEqual([]);
    expect((await as(a.token).get(`/portal/applications/${enc(`${campaignId}:nobody`)}`)).status).toBe(404);
    expect((await as(a.token).get(`/attachments/${licence}`)).status).toBe(200);
  });

  it('answers a return by editing its form: version 2 is stored, the second pre-review is shown what changed, and the room follows it to the list', async () => {
    const first = await openTask(caseA, 'pre_review');
    const returned = await complete(OFFICER, first.id, { decision: 'return', reason: '材料不全', missing: ['主播资质证书', '直播内容留存制度'] });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    const task = await openTask(caseA, 'resubmission');
    expect(task.assigneeRole).toBe('operator');
    // The room reads why, and what to supply.
    const view = await waitFor(async () => {
      const r = await as(a.token).get(`/portal/applications/${enc(caseA)}`);
      return r.status === 200 && r.body.returned && r.body;
    }, 'the return in the portal');
    expect(view.returned).toMatchObject({ taskId: task.id, reason: '材料不全', missing: ['主播资质证书', '直播内容留存制度'], version: 1 });
    expect(view.decisions.find((d: { action: string }) => d.action === 'application.returned')).toMatchObject({
      reason: '材料不全',
      missing: ['主播资质证书', '直播内容留存制度'],
      byOperator: false,
    });
    expect(view.steps.map((s: { state: string }) => s.state)).toEqual(['done', 'current', 'pending', 'pending', 'pending']);

    // It edits the form and adds the certificate; a foreign file or a broken form changes nothing.
    const cert = await upload(a, '主播资质证书.pdf');
    const foreign = await upload(b, '别人的证书.pdf');
    const edited = { ...APPLICATION_FORM, certifiedStreamers: 3, contentRetentionYears: 5 };
    const path = `/portal/applications/${enc(caseA)}/resubmit`;
    expect((await as(a.token).post(path, { form: edited, attachmentIds: [licence, foreign] })).status).toBe(400);
    expect((await as(a.token).post(path, { form: { ...edited, certifiedStreamers: 9 } })).status).toBe(400);
    expect(await versionsOf(caseA)).toHaveLength(1);
    const answer = await as(a.token).post(path, { form: edited, attachmentIds: [licence, cert], supplied: '补充主播资质证书，留存年限改为5年' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect((await as(a.token).post(path, { form: edited })).status).toBe(409);

    const second = await openTask(caseA, 'pre_review');
    expect(second.id).not.toBe(first.id);
    const account = await h.db.user.findUniqueOrThrow({ where: { operatorId: a.id } });
    const versions = await versionsOf(caseA);
    expect(versions.map((v) => [v.version, v.submittedById, v.onBehalfOf])).toEqual([
      [1, account.id, null],
      [2, account.id, null],
    ]);
    expect(versions[1]!.form).toMatchObject({ certifiedStreamers: 3, contentRetentionYears: 5 });
    expect(versions[1]!.attachmentIds).toEqual([licence, cert]);
    // The case holds the current one; the second pre-review carries it, with the statement kept.
    expect((await h.db.case.findUniqueOrThrow({ where: { id: caseA } })).application).toMatchObject({
      contentRetentionYears: 5,
      attachmentIds: [licence, cert],
      statement: { signatory: '甲某' },
    });
    expect((second.details as { application: Record<string, unknown> }).application).toMatchObject({ contentRetentionYears: 5 });
    // What changed, for the county officer: field by field with labels, and the file added.
    const shown = await staffAs(OFFICER).get(`/cases/${enc(caseA)}/application-versions`);
    expect(shown.status).toBe(200);
    const changes = shown.body[1].changes;
    expect(changes.fields).toEqual([
      { key: 'certifiedStreamers', labelZh: '持证主播人数', labelEn: 'Certified streamers', before: 2, after: 3 },
      { key: 'contentRetentionYears', labelZh: '直播内容留存年限', labelEn: 'Content kept (years)', before: 3, after: 5 },
    ]);
    expect(changes.attachmentsAdded).toEqual([expect.objectContaining({ id: cert, filename: '主播资质证书.pdf' })]);
    expect(changes.attachmentsRemoved).toEqual([]);
    expect(await h.db.auditEvent.findFirstOrThrow({ where: { entityId: caseA, action: 'application.resubmitted' } })).toMatchObject({
      actorRole: 'operator',
      reason: '补充主播资质证书，留存年限改为5年',
    });

    // Passed, audited (the room sees its points), listed.
    expect((await complete(OFFICER, second.id, { decision: 'pass' })).status).toBe(200);
    const audit = await openTask(caseA, 'city_audit');
    const max = BUILT_IN.zhoushan.defaults.settings.criterionPoints as Record<string, number>;
    const points = Object.fromEntries(Object.entries(max).map(([k, v], i) => [k, i === 0 ? v - 2 : v]));
    expect((await complete('auditor.zhoushan', audit.id, { points, vetoes: [] })).status).toBe(200);
    const scored = await waitFor(async () => {
      const r = await as(a.token).get(`/portal/applications/${enc(caseA)}`);
      return r.body.score && r.body;
    }, 'the score in the portal');
    expect(scored.score.total).toBe(98);
    expect(scored.score.parts).toHaveLength(12);
    expect(scored.steps.map((s: { state: string }) => s.state)).toEqual(['done', 'done', 'done', 'current', 'pending']);
    expect((await staffAs('coord.zhoushan').post(`/campaigns/${enc(campaignId)}/stages/application/close`, { reason: '申报截止' })).status).toBe(200);
    const list = await staffAs('coord.zhoushan').post(`/campaigns/${enc(campaignId)}/cultivation-list`, { quota: 5 });
    expect(list.status, JSON.stringify(list.body)).toBe(201);
    const onList = await waitFor(async () => {
      const r = await as(a.token).get(`/portal/applications/${enc(caseA)}`);
      return r.body.listing && r.body;
    }, 'the listing in the portal');
    expect(onList.listing).toMatchObject({ status: 'listed', rank: 1, nomination: 'none' });
    expect(onList.step).toBe('listed');
    expect(onList.steps.map((s: { state: string }) => s.state)).toEqual(['done', 'done', 'done', 'done', 'pending']);
    expect(onList.versions.map((v: { version: number; byOperator: boolean }) => [v.version, v.byOperator])).toEqual([
      [1, true],
      [2, true],
    ]);
  });

  it('lets staff answer a return for a room without an account: the version says for whom', async () => {
    // A second campaign (the first has closed its applications): the officer files for a room with no account.
    const launched = await staffAs('coord.zhoushan').post('/campaigns', {
      programme: 'zhoushan',
      year: await uniqueYear(h.db),
      jurisdictionId: '330900',
      stages: calendarOpenAt('application', 600_000, 'zhoushan'),
      reminderLeadHours: 0,
    });
    expect(launched.status, JSON.stringify(launched.body)).toBe(201);
    const second = launched.body.id as string;
    try {
      await waitFor(() => h.db.stage.findFirst({ where: { campaignId: second, key: 'application', status: 'open' } }), 'the application stage open');
      const d = await room(`定海门户丁直播间${Date.now().toString(36)}`);
      const filed = await staffAs(OFFICER).post(`/campaigns/${enc(second)}/applications`, { operatorId: d.id, form: APPLICATION_FORM });
      expect(filed.status, JSON.stringify(filed.body)).toBe(201);
      const caseD = filed.body.caseId as string;
      const review = await openTask(caseD, 'pre_review');
      expect((await complete(OFFICER, review.id, { decision: 'return', reason: '缺联系人', missing: ['联系人'] })).status).toBe(200);
      const task = await openTask(caseD, 'resubmission');
      const officer = await h.db.user.findUniqueOrThrow({ where: { username: OFFICER } });
      const answer = await complete(OFFICER, task.id, { supplied: '已更正联系人', form: { ...APPLICATION_FORM, contactName: '丁某' } });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      await openTask(caseD, 'pre_review').then((t) => expect(t.id).not.toBe(review.id));
      const versions = await versionsOf(caseD);
      expect(versions.map((v) => [v.version, v.submittedById, v.onBehalfOf])).toEqual([
        [1, officer.id, d.id],
        [2, officer.id, d.id],
      ]);
      const shown = await staffAs(OFFICER).get(`/cases/${enc(caseD)}/application-versions`);
      expect(shown.body[1].changes.fields.map((f: { key: string; before: unknown; after: unknown }) => [f.key, f.before, f.after])).toEqual([
        ['contactName', '王某', '丁某'],
      ]);
      expect(await h.db.auditEvent.findFirstOrThrow({ where: { entityId: caseD, action: 'application.resubmitted' } })).toMatchObject({
        actorId: officer.id,
        data: expect.objectContaining({ onBehalfOf: expect.objectContaining({ operatorId: d.id }) }),
      });
    } finally {
      await stopFixtures(h, [second]);
    }
  });
});
