// Comments and files on tasks and cases (README "Comments and files"): an inspection's photos are checked
// (content and size on upload, type and owner when bound: 400 with a reason each, nothing changed on a
// refusal), bound to the case with the completion and audited with their SHA-256; the verification that
// follows shows the inspection's findings, files and comments; comments are 1..2000 characters, audited,
// scoped like the task or case (403 across jurisdictions; the operator on its own case's thread only).
// On Temporal's time-skipping test server: the rectification deadline ends when the test moves the clock.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from './helpers.js';
import { startTimeSkippingHarness, type TimeHarness } from './helpers-time.js';
import { startApi, type Api } from './api-helpers.js';
import { OFFICER, portalSetup, type PortalSetup } from './portal-helpers.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { APPLICATION_FORM } from './helpers-zhoushan.js';
import { uniqueYear } from './helpers.js';

const enc = encodeURIComponent;
/** A real 1×1 PNG (base64). */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const sha = (b64: string) => createHash('sha256').update(Buffer.from(b64, 'base64')).digest('hex');
const DAY = 86_400_000;

let h: TimeHarness;
let api: Api;
let rc: PortalSetup;
let zhoushanCampaign: string | undefined;
const staff: Record<string, string> = {};

const get = (token: string | undefined, path: string) => api.call('GET', path, { token });
const post = (token: string | undefined, path: string, body?: unknown) => api.call('POST', path, { token, body });
const upload = async (token: string | undefined, filename: string, contentType = 'image/png', dataBase64 = PNG) => {
  const r = await post(token, '/attachments', { filename, contentType, dataBase64 });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
};
const openTask = (caseId: string, type: string) => waitFor(() => h.db.task.findFirst({ where: { caseId, type, status: 'open' } }), `open ${type} of ${caseId}`);
const attachedAudits = (ids: string[]) =>
  h.db.auditEvent.findMany({ where: { action: 'evidence.attached', key: { in: ids.map((id) => `attachment:${id}:attached`) } }, orderBy: { id: 'asc' } });

beforeAll(async () => {
  h = await startTimeSkippingHarness();
  api = await startApi(h);
  rc = await portalSetup(h, api, { openStage: 'rectification', activate: ['a', 'b'] });
  for (const u of [OFFICER, 'officer.changxing', 'officer.taihu', 'leader.changxing']) staff[u] = await api.login(u);
}, 180_000);
afterAll(async () => {
  for (const id of [rc?.campaignId, zhoushanCampaign])
    if (id)
      await h.env.client.workflow
        .getHandle(`campaign-${id}`)
        .terminate('test done')
        .catch(() => undefined);
  await api?.close();
  await h?.stop();
});

describe('files on an inspection', () => {
  it('refuses a non-image or oversized file with reasons and changes nothing; binds two photos, audited with their SHA-256; the verification shows them', async () => {
    const a = rc.a;
    const inspection = await openTask(a.caseId, 'inspection');
    const officer = staff[OFFICER]!;

    // Checked on upload: content against the declared type, and size.
    const fake = await post(officer, '/attachments', {
      filename: 'fake.png',
      contentType: 'image/png',
      dataBase64: Buffer.from('不是图片').toString('base64'),
    });
    expect(fake.status).toBe(400);
    expect(fake.body.fields).toEqual([expect.objectContaining({ path: 'dataBase64', messageEn: 'content is text/plain, not image/png' })]);
    const big = await post(officer, '/attachments', {
      filename: 'big.pdf',
      contentType: 'application/pdf',
      dataBase64: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25).toString('base64'),
    });
    expect(big.status).toBe(400);
    expect(big.body).toMatchObject({
      messageEn: 'the file must be at most 10 MB',
      fields: [expect.objectContaining({ path: 'dataBase64', messageEn: 'too large' })],
    });

    // Checked again when bound: a text file is no inspection photo, another's upload is not yours.
    const text = await upload(officer, 'notes.txt', 'text/plain', Buffer.from('现场记录').toString('base64'));
    const taihus = await upload(staff['officer.taihu'], 'taihu.png');
    const photos = [await upload(officer, '货架.png'), await upload(officer, '标签.png')];
    const findings = { method: 'inspection', areas: [{ key: 'labels', finding: 'minor', description: '部分商品缺少中文标签' }], measure: 'guidance' };
    const rectifyBy = new Date((await h.now()) + 7 * DAY).toISOString();
    const refused = await post(officer, `/tasks/${enc(inspection.id)}/complete`, { ...findings, rectifyBy, evidence: [photos[0], text, taihus] });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([
      expect.objectContaining({ path: 'evidence.1', messageEn: 'evidence file "notes.txt" must be an image (JPEG, PNG, WebP) or a PDF' }),
      expect.objectContaining({ path: 'evidence.2', messageEn: `evidence file ${taihus} was not uploaded by you` }),
    ]);
    // Nothing changed: the task is open, no file bound, nothing audited.
    expect((await h.db.task.findUniqueOrThrow({ where: { id: inspection.id } })).status).toBe('open');
    expect(await h.db.attachment.count({ where: { id: { in: [photos[0]!, text, taihus] }, caseId: { not: null } } })).toBe(0);
    expect(await attachedAudits([photos[0]!, text, taihus])).toEqual([]);

    // Two photos: bound with the completion, each audited with its SHA-256.
    const done = await post(officer, `/tasks/${enc(inspection.id)}/complete`, { ...findings, rectifyBy, evidence: photos });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    for (const id of photos) expect(await h.db.attachment.findUniqueOrThrow({ where: { id } })).toMatchObject({ caseId: a.caseId, taskId: inspection.id });
    const audits = await attachedAudits(photos);
    expect(audits.map((e) => e.data)).toEqual(
      photos.map((id) =>
        expect.objectContaining({ attachmentId: id, sha256: sha(PNG), size: 70, contentType: 'image/png', taskId: inspection.id, caseId: a.caseId }),
      ),
    );
    expect(audits.every((e) => e.actorId === 'u-officer-zhicheng' && e.jurisdictionId === '330522001')).toBe(true);
    const files = await get(officer, `/tasks/${enc(inspection.id)}/files`);
    expect(files.body.map((f: { filename: string }) => f.filename)).toEqual(['货架.png', '标签.png']);
    expect((await get(staff['officer.taihu'], `/tasks/${enc(inspection.id)}/files`)).status).toBe(403);

    // A comment on the inspection for whoever verifies.
    const said = await post(officer, `/tasks/${enc(inspection.id)}/comments`, { body: '复查时请重点看二号货架' });
    expect(said.status, JSON.stringify(said.body)).toBe(201);

    // At the deadline the verification opens; a second officer (the county's) sees the inspection's
    // findings, its two photos and the comment, and may open the photos.
    await h.skipTo(Date.parse(rectifyBy));
    const verification = await openTask(a.caseId, 'verification');
    const second = staff['officer.changxing']!;
    const prev = await get(second, `/tasks/${enc(verification.id)}/previous-steps`);
    expect(prev.status, JSON.stringify(prev.body)).toBe(200);
    expect(prev.body).toEqual([
      expect.objectContaining({
        id: inspection.id,
        type: 'inspection',
        completedByName: expect.any(String),
        result: expect.objectContaining({ areas: findings.areas, evidence: photos }),
        files: photos.map((id) => expect.objectContaining({ id, contentType: 'image/png', taskId: inspection.id })),
        comments: [expect.objectContaining({ body: '复查时请重点看二号货架', author: expect.any(String) })],
      }),
    ]);
    for (const id of photos) expect((await get(second, `/attachments/${id}`)).status).toBe(200);
    expect((await get(staff['officer.taihu'], `/tasks/${enc(verification.id)}/previous-steps`)).status).toBe(403);
    expect((await get(staff['officer.taihu'], `/attachments/${photos[0]}`)).status).toBe(403);
  }, 120_000);

  it('attaches any checked upload to a case or task as such, audited with its SHA-256; refuses another jurisdiction or someone else’s upload', async () => {
    const b = rc.b;
    const officer = staff[OFFICER]!;
    const textB64 = Buffer.from('约谈笔录：经营者承认未加贴中文标签').toString('base64');
    const record = await upload(officer, '约谈笔录.txt', 'text/plain', textB64);
    // Outside the jurisdiction: 403, nothing bound.
    const outside = await post(staff['officer.taihu'], `/cases/${enc(b.caseId)}/files`, { attachmentIds: [record] });
    expect(outside.status).toBe(403);
    // A leader reads but does not attach (roles).
    expect((await post(staff['leader.changxing'], `/cases/${enc(b.caseId)}/files`, { attachmentIds: [record] })).status).toBe(403);
    // Someone else's upload: 400 with the reason, nothing bound.
    const notMine = await post(staff['officer.changxing'], `/cases/${enc(b.caseId)}/files`, { attachmentIds: [record] });
    expect(notMine.status).toBe(400);
    expect(notMine.body.fields).toEqual([expect.objectContaining({ path: 'attachmentIds.0', messageEn: `evidence file ${record} was not uploaded by you` })]);
    expect((await h.db.attachment.findUniqueOrThrow({ where: { id: record } })).caseId).toBeNull();
    expect(await attachedAudits([record])).toEqual([]);

    const ok = await post(officer, `/cases/${enc(b.caseId)}/files`, { attachmentIds: [record] });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toEqual([expect.objectContaining({ id: record, filename: '约谈笔录.txt', contentType: 'text/plain', taskId: null })]);
    const [audit] = await attachedAudits([record]);
    expect(audit).toMatchObject({
      entityType: 'case',
      entityId: b.caseId,
      actorId: 'u-officer-zhicheng',
      data: expect.objectContaining({ sha256: sha(textB64) }),
    });
    // Idempotent: attaching it again binds and audits nothing more.
    expect((await post(officer, `/cases/${enc(b.caseId)}/files`, { attachmentIds: [record] })).status).toBe(201);
    expect(await attachedAudits([record])).toHaveLength(1);
    expect((await get(staff['leader.changxing'], `/cases/${enc(b.caseId)}/files`)).body.map((f: { id: string }) => f.id)).toContain(record);
    expect((await get(staff['officer.taihu'], `/cases/${enc(b.caseId)}/files`)).status).toBe(403);
  });
});

describe('comments', () => {
  it('on a task: 1..2000 characters, audited, staff over its jurisdiction only; nothing written on a refusal', async () => {
    const task = await openTask(rc.b.caseId, 'inspection');
    const path = `/tasks/${enc(task.id)}/comments`;
    const empty = await post(staff[OFFICER], path, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.fields).toEqual([expect.objectContaining({ path: 'body' })]);
    const long = await post(staff[OFFICER], path, { body: '长'.repeat(2001) });
    expect(long.status).toBe(400);
    expect(long.body.fields[0].messageZh).toContain('2000');
    expect((await post(staff['officer.taihu'], path, { body: '越权留言' })).status).toBe(403);
    expect((await get(staff['officer.taihu'], path)).status).toBe(403);
    // An operator reaches no task thread, not even on its own case.
    expect((await get(rc.b.token, path)).status).toBe(403);
    expect((await post(rc.b.token, path, { body: '经营主体留言' })).status).toBe(403);
    expect(await h.db.comment.count({ where: { taskId: task.id } })).toBe(0);

    const ok = await post(staff[OFFICER], path, { body: '长'.repeat(2000) });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const leader = await post(staff['leader.changxing'], path, { body: '请本周内完成检查' });
    expect(leader.status).toBe(201);
    const list = await get(staff['officer.changxing'], path);
    expect(list.body.map((c: { body: string; author: string }) => [c.body.length, c.author])).toEqual([
      [2000, expect.any(String)],
      [8, expect.any(String)],
    ]);
    expect(list.body[1].author).not.toMatch(/^u-/);
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { key: `comment:${leader.body.id}:added` } });
    expect(audit).toMatchObject({ action: 'comment.added', entityType: 'task', entityId: task.id, actorId: 'u-leader-changxing', reason: '请本周内完成检查' });
  });

  it('on a case: staff over it and its own operator; another operator or jurisdiction gets 403; the operator does not see the tasks’ threads', async () => {
    const a = rc.a;
    const path = `/cases/${enc(a.caseId)}/comments`;
    const byOperator = await post(a.token, path, { body: '整改材料已准备好，请问何时复查？' });
    expect(byOperator.status, JSON.stringify(byOperator.body)).toBe(201);
    expect((await post(staff[OFFICER], path, { body: '下周二上午复查' })).status).toBe(201);
    expect((await post(rc.b.token, path, { body: '冒名留言' })).status).toBe(403);
    expect((await get(rc.b.token, path)).status).toBe(403);
    expect((await post(staff['officer.taihu'], path, { body: '越权' })).status).toBe(403);
    expect((await get(staff['officer.taihu'], path)).status).toBe(403);
    expect(await h.db.comment.count({ where: { caseId: a.caseId, taskId: null } })).toBe(2);

    // Staff see the case's thread with its tasks' comments (named by the task's title); the operator only the case's.
    const staffView = (await get(staff['leader.changxing'], path)).body as { body: string; taskTitle: string | null }[];
    expect(staffView.map((c) => c.body)).toEqual(['复查时请重点看二号货架', '整改材料已准备好，请问何时复查？', '下周二上午复查']);
    expect(staffView[0]!.taskTitle).toBeTruthy();
    const mine = (await get(a.token, path)).body as { body: string }[];
    expect(mine.map((c) => c.body)).toEqual(['整改材料已准备好，请问何时复查？', '下周二上午复查']);
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { key: `comment:${byOperator.body.id}:added` } });
    expect(audit).toMatchObject({ action: 'comment.added', entityType: 'case', entityId: a.caseId, actorRole: 'operator' });
  });
});

describe('the step before', () => {
  it('the city audit shows the county’s pre-review: its conclusion and its comments; outside the city, 403', async () => {
    const coord = await api.login('coord.zhoushan');
    const [dinghai, auditor] = [await api.login('officer.dinghai'), await api.login('auditor.zhoushan')];
    const launched = await post(coord, '/campaigns', {
      programme: 'zhoushan',
      year: await uniqueYear(h.db),
      jurisdictionId: '330900',
      stages: calendarOpenAt('application', 60 * DAY, 'zhoushan', await h.now()),
      reminderLeadHours: 0,
    });
    expect(launched.status, JSON.stringify(launched.body)).toBe(201);
    zhoushanCampaign = launched.body.id as string;
    await waitFor(() => h.db.stage.findFirst({ where: { campaignId: zhoushanCampaign, key: 'application', status: 'open' } }), 'application stage open');
    const filed = await post(dinghai, `/campaigns/${enc(zhoushanCampaign)}/applications`, { operatorId: 'op-zs-005', form: APPLICATION_FORM });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const caseId = filed.body.caseId as string;
    const review = await openTask(caseId, 'pre_review');
    expect((await post(dinghai, `/tasks/${enc(review.id)}/comments`, { body: '主播资质已现场核验' })).status).toBe(201);
    expect((await post(dinghai, `/tasks/${enc(review.id)}/complete`, { decision: 'pass', reason: '材料齐全，符合申报条件' })).status).toBe(200);
    const audit = await openTask(caseId, 'city_audit');
    const prev = await get(auditor, `/tasks/${enc(audit.id)}/previous-steps`);
    expect(prev.status, JSON.stringify(prev.body)).toBe(200);
    expect(prev.body).toEqual([
      expect.objectContaining({
        id: review.id,
        type: 'pre_review',
        result: { decision: 'pass', reason: '材料齐全，符合申报条件' },
        completedByName: expect.any(String),
        comments: [expect.objectContaining({ body: '主播资质已现场核验' })],
        files: [],
      }),
    ]);
    expect((await get(staff['officer.changxing'], `/tasks/${enc(audit.id)}/previous-steps`)).status).toBe(403);
  });
});
