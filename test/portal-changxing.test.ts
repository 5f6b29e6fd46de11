// Changxing by the operator (长兴方案 四、（二）自查自纠, 四、（三）限期整改): the operator does its own self-check
// in the portal with evidence files, the station reviews it (returns it with a reason the operator reads,
// then accepts the corrected one); a rectification order reaches the operator, which hands in proof
// before the deadline (refused after it), and the verification task shows that proof. Another operator
// gets 403 on the case, the task, the proof route and the files; evidence of another uploader binds
// nothing; staff acting for an operator without an account see its work in their inbox and are audited
// as acting for it. On Temporal's time-skipping test server (test/helpers-time.ts): the 公示 window and the
// rectification deadline end when the test moves the clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from './helpers.js';
import { startTimeSkippingHarness, type TimeHarness } from './helpers-time.js';
import { startApi, type Api } from './api-helpers.js';
import { OFFICER, portalSetup, type PortalOperator, type PortalSetup } from './portal-helpers.js';
import { SELF_CHECK_AREAS } from '../domain/self-check.js';

const enc = encodeURIComponent;
/** A real 1×1 PNG, as a phone's photo would be sent (base64). */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const DAY = 86_400_000;
let h: TimeHarness;
let api: Api;
/** Self-check stage open: operator a has an account, b has none. */
let sc: PortalSetup;
/** Rectification stage open: a has an account, b has none. */
let rc: PortalSetup;
const staff: Record<string, string> = {};

const get = (token: string | undefined, path: string) => api.call('GET', path, { token });
const post = (token: string | undefined, path: string, body?: unknown) => api.call('POST', path, { token, body });
const upload = async (token: string | undefined, filename = 'photo.png', contentType = 'image/png', dataBase64 = PNG) => {
  const r = await post(token, '/attachments', { filename, contentType, dataBase64 });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
};
const openTask = (caseId: string, type: string, round = 1) =>
  waitFor(async () => {
    const t = await h.db.task.findMany({ where: { caseId, type, status: 'open' } });
    return t.find((x) => ((x.details ?? {}) as { round?: number }).round === round);
  }, `open ${type} round ${round} of ${caseId}`);
/** Compliant everywhere but licences, which has an issue, fixed, with the given evidence. */
const selfCheck = (evidence: string[], note = '营业执照年检已补办') => ({
  areas: SELF_CHECK_AREAS.map((a) =>
    a.key === 'licences' ? { key: a.key, finding: 'issue', description: note, fixed: true, evidence } : { key: a.key, finding: 'compliant' },
  ),
});

beforeAll(async () => {
  h = await startTimeSkippingHarness();
  api = await startApi(h);
  sc = await portalSetup(h, api, { activate: ['a'] });
  rc = await portalSetup(h, api, { openStage: 'rectification', activate: ['a'] });
  for (const u of [OFFICER, 'officer.taihu', 'coord.changxing']) staff[u] = await api.login(u);
}, 180_000);
afterAll(async () => {
  for (const s of [sc, rc])
    if (s)
      await h.env.client.workflow
        .getHandle(`campaign-${s.campaignId}`)
        .terminate('test done')
        .catch(() => undefined);
  await api?.close();
  await h?.stop();
});

describe('the self-check by the operator', () => {
  it('is the operator’s task: done with evidence, returned with a reason it reads, corrected, accepted; the station sees the files', async () => {
    const a = sc.a;
    const first = await openTask(a.caseId, 'self_check');
    expect(first.assigneeRole).toBe('operator');
    // The operator's own inbox has it; the officer's does not (the operator has an account).
    const mine = await get(a.token, `/portal/tasks?filter=${enc(JSON.stringify({ caseId: a.caseId }))}`);
    expect(mine.body.map((t: { id: string }) => t.id)).toEqual([first.id]);
    const inbox = await get(staff[OFFICER], `/tasks?filter=${enc(JSON.stringify({ mine: true, status: 'open', caseId: a.caseId }))}`);
    expect(inbox.body).toEqual([]);

    const photo = await upload(a.token, 'licence.png');
    const done = await post(a.token, `/portal/tasks/${enc(first.id)}/complete`, selfCheck([photo]));
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    // Bound to the case with the completion: kept by housekeeping, readable by the case's staff.
    expect(await h.db.attachment.findUniqueOrThrow({ where: { id: photo } })).toMatchObject({ caseId: a.caseId, taskId: first.id });
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { entityId: first.id, action: 'task.completed' } });
    expect(audit).toMatchObject({ actorRole: 'operator', actorId: (await h.db.user.findUniqueOrThrow({ where: { operatorId: a.id } })).id });
    expect((audit.data as { onBehalfOf?: unknown }).onBehalfOf).toBeUndefined();

    // The station officer reviews: the answers per area with the files.
    const review = await openTask(a.caseId, 'self_check_review');
    expect(review.assigneeRole).toBe('county_officer');
    const shown = await get(staff[OFFICER], `/tasks/${enc(review.id)}`);
    expect(shown.status).toBe(200);
    expect(shown.body.details.submitted.areas[0]).toMatchObject({ key: 'licences', finding: 'issue', evidence: [photo] });
    expect(shown.body.evidenceFiles).toEqual([expect.objectContaining({ id: photo, filename: 'licence.png', contentType: 'image/png', size: 70 })]);
    const file = await get(staff[OFFICER], `/attachments/${photo}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect((await get(staff['officer.taihu'], `/attachments/${photo}`)).status).toBe(403);
    expect((await get(a.token, `/attachments/${photo}`)).status).toBe(200);

    const reason = '营业执照照片不清晰，请重新拍摄';
    expect((await post(staff[OFFICER], `/tasks/${enc(review.id)}/complete`, { decision: 'returned', note: reason })).status).toBe(200);

    // The returned round is the operator's again, with the reason; the previous answers are on its case.
    const second = await openTask(a.caseId, 'self_check', 2);
    expect(second.assigneeRole).toBe('operator');
    const task2 = await get(a.token, `/portal/tasks/${enc(second.id)}`);
    expect(task2.body.details.returnedBecause).toBe(reason);
    const kase = await get(a.token, `/portal/cases/${enc(a.caseId)}`);
    expect(kase.body.tasks.find((t: { id: string }) => t.id === first.id).result.areas[0].evidence).toEqual([photo]);
    expect((await get(a.token, `/portal/cases/${enc(a.caseId)}/evidence`)).body.map((f: { id: string }) => f.id)).toEqual([photo]);

    // Corrected: the earlier photo (already the case's) and a new one.
    const clearer = await upload(a.token, 'licence-clear.png');
    const again = await post(a.token, `/portal/tasks/${enc(second.id)}/complete`, selfCheck([photo, clearer], '已重新拍摄营业执照'));
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    const review2 = await openTask(a.caseId, 'self_check_review', 2);
    expect((await get(staff[OFFICER], `/tasks/${enc(review2.id)}`)).body.evidenceFiles.map((f: { id: string }) => f.id)).toEqual([photo, clearer]);
    expect((await post(staff[OFFICER], `/tasks/${enc(review2.id)}/complete`, { decision: 'accepted' })).status).toBe(200);
    await waitFor(async () => (await h.db.case.findUniqueOrThrow({ where: { id: a.caseId } })).currentStep === 'self_check:accepted', 'accepted');
  });

  it('binds no evidence of another uploader, nor a missing or foreign file, nor a non-image: 400 with reasons, nothing changed', async () => {
    const b = rc.a; // an operator with an account whose self-check (overdue) is still open
    const task = await openTask(b.caseId, 'self_check');
    const officers = await upload(staff[OFFICER], 'officer.png');
    const text = await upload(b.token, 'notes.txt', 'text/plain', Buffer.from('自查记录').toString('base64'));
    const other = await h.db.attachment.findFirstOrThrow({ where: { caseId: sc.a.caseId } });
    const missing = '00000000-0000-4000-8000-000000000000';
    const r = await post(b.token, `/portal/tasks/${enc(task.id)}/complete`, selfCheck([officers, text, other.id, missing]));
    expect(r.status).toBe(400);
    expect(r.body.fields).toEqual([
      { path: 'areas.0.evidence.0', messageZh: `证据文件 ${officers} 不是您上传的`, messageEn: `evidence file ${officers} was not uploaded by you` },
      expect.objectContaining({ path: 'areas.0.evidence.1', messageEn: 'evidence file "notes.txt" must be an image (JPEG, PNG, WebP) or a PDF' }),
      // Another operator's file: named by its id, never by its file name.
      expect.objectContaining({ path: 'areas.0.evidence.2', messageEn: `evidence file ${other.id} is attached elsewhere` }),
      expect.objectContaining({ path: 'areas.0.evidence.3', messageZh: `证据文件 ${missing} 不存在` }),
    ]);
    expect(r.body.messageZh).toMatch(/^证据文件无效：/);
    expect((await h.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('open');
    expect((await h.db.attachment.findUniqueOrThrow({ where: { id: officers } })).caseId).toBeNull();
    // Eleven files on one area are too many.
    const many = await post(b.token, `/portal/tasks/${enc(task.id)}/complete`, selfCheck(Array.from({ length: 11 }, () => missing)));
    expect(many.status).toBe(400);
    expect(many.body.fields[0]).toMatchObject({ path: 'areas.0.evidence', messageZh: '每个方面最多 10 个文件' });
  });

  it('shows staff the self-checks of operators without an account, which they do for them, audited as such', async () => {
    const b = sc.b;
    const task = await openTask(b.caseId, 'self_check');
    const inbox = await get(staff[OFFICER], `/tasks?filter=${enc(JSON.stringify({ mine: true, status: 'open', campaignId: sc.campaignId }))}`);
    expect(inbox.body.map((t: { id: string }) => t.id)).toContain(task.id);
    expect(inbox.body.map((t: { caseId: string }) => t.caseId)).not.toContain(sc.a.caseId);
    // Another station's officer neither sees it nor may do it.
    const taihu = await get(staff['officer.taihu'], `/tasks?filter=${enc(JSON.stringify({ mine: true, status: 'open', campaignId: sc.campaignId }))}`);
    expect(taihu.body).toEqual([]);
    const shown = await get(staff[OFFICER], `/tasks/${enc(task.id)}`);
    expect(shown.body.actingFor).toEqual({ operatorId: b.id, operatorName: b.name, hasAccount: false });

    const photo = await upload(staff[OFFICER], 'brought-in.png');
    const r = await post(staff[OFFICER], `/tasks/${enc(task.id)}/complete`, selfCheck([photo]));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { entityId: task.id, action: 'task.completed' } });
    expect(audit).toMatchObject({ actorId: 'u-officer-zhicheng', actorRole: 'county_officer' });
    expect((audit.data as { onBehalfOf?: unknown }).onBehalfOf).toEqual({ operatorId: b.id, operatorName: b.name });
    expect((await h.db.attachment.findUniqueOrThrow({ where: { id: photo } })).caseId).toBe(b.caseId);
  });
});

describe('after the 公示', () => {
  it('shows the operator its score by dimension with the weights, then its title with the expiry date', async () => {
    const ev = await portalSetup(h, api, { openStage: 'evaluation', activate: ['a'] });
    try {
      const a = ev.a;
      const cid = enc(ev.campaignId);
      const auditor = await api.login('auditor.changxing');
      const scores = await waitFor(async () => {
        const t = await h.db.task.findMany({ where: { campaignId: ev.campaignId, type: 'score', status: 'open' } });
        return t.length === 10 && t;
      }, 'the score tasks');
      for (const t of scores) {
        const dimension = (t.details as { dimension: string }).dimension;
        expect((await post(auditor, `/tasks/${enc(t.id)}/complete`, { score: dimension === 'department' ? 95 : 90 })).status).toBe(200);
      }
      await waitFor(async () => (await h.db.case.count({ where: { campaignId: ev.campaignId, proposed: true } })) === 2, 'proposed');
      // Scored but not yet published: not the operator's to see.
      expect((await get(a.token, `/portal/cases/${enc(a.caseId)}`)).body.score).toBeNull();
      const windowEndsAt = (await h.now()) + 5 * DAY;
      expect((await post(staff['coord.changxing'], `/campaigns/${cid}/publicity`, { windowEndsAt: new Date(windowEndsAt).toISOString() })).status).toBe(201);
      const published = (await get(a.token, `/portal/cases/${enc(a.caseId)}`)).body;
      expect(published.score).toEqual({
        total: 92, // 95×40% + 90×(30+10+10+10)%
        parts: [
          { dimension: 'department', name: '部门评价', score: 95, weight: 40 },
          { dimension: 'third_party', name: '第三方监测', score: 90, weight: 30 },
          { dimension: 'industry', name: '行业评议', score: 90, weight: 10 },
          { dimension: 'consumer', name: '消费者评议', score: 90, weight: 10 },
          { dimension: 'social', name: '社会评议', score: 90, weight: 10 },
        ],
      });
      expect(published.title).toBeNull();
      await h.skipTo(windowEndsAt + 1000);
      expect((await post(staff['coord.changxing'], `/campaigns/${cid}/award`)).status).toBe(201);
      const title = await waitFor(() => h.db.title.findUnique({ where: { caseId: a.caseId } }), 'the title');
      const withTitle = (await get(a.token, `/portal/cases/${enc(a.caseId)}`)).body;
      expect(withTitle.title).toMatchObject({ status: 'active', expiresAt: title.expiresAt.toISOString(), totalScore: 92 });
      // A year's validity (三、评定管理：有效期一年).
      expect(Date.parse(withTitle.title.expiresAt) - Date.parse(withTitle.title.grantedAt)).toBeGreaterThan(364 * 86_400_000);
    } finally {
      await h.env.client.workflow
        .getHandle(`campaign-${ev.campaignId}`)
        .terminate('test done')
        .catch(() => undefined);
    }
  }, 120_000);
});

describe('rectification by the operator', () => {
  /** The inspection of `o` finds a minor issue: guidance, to be rectified within `ms` of the test server's clock. */
  async function order(o: PortalOperator, ms: number) {
    const inspection = await openTask(o.caseId, 'inspection');
    const rectifyBy = new Date((await h.now()) + ms).toISOString();
    const r = await post(staff[OFFICER], `/tasks/${enc(inspection.id)}/complete`, {
      method: 'inspection',
      areas: [{ key: 'labels', finding: 'minor', description: '部分商品缺少中文标签' }],
      measure: 'guidance',
      rectifyBy,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return Date.parse(rectifyBy);
  }

  it('reaches the operator with findings and deadline; proof before the deadline only; the verification shows it; other operators get 403', async () => {
    const a = rc.a;
    const outsider = sc.a; // an operator with an account, of another case
    const path = `/portal/cases/${enc(a.caseId)}/rectification-proof`;
    // No order yet: nothing to answer.
    const early = await post(a.token, path, { round: 1, note: '已整改' });
    expect(early.status).toBe(409);
    expect(early.body.messageEn).toBe('there is no open rectification order to answer');

    const deadline = await order(a, 7 * DAY);
    const seen = await waitFor(async () => {
      const r = await get(a.token, `/portal/cases/${enc(a.caseId)}/rectification`);
      return r.body.orders?.length === 1 && r.body;
    }, 'the order in the portal');
    expect(seen.openRound).toBe(1);
    expect(seen.orders[0]).toMatchObject({
      round: 1,
      measure: 'guidance',
      rectifyBy: deadline,
      state: 'open',
      findings: [{ key: 'labels', name: '标识标签规范', nameEn: 'Labels and marking', finding: 'minor', description: '部分商品缺少中文标签' }],
      proofs: [],
    });

    const photo = await upload(a.token, 'labels-fixed.png');
    const filed = await post(a.token, path, { round: 1, note: '已为全部商品加贴中文标签', attachmentIds: [photo] });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body).toMatchObject({ round: 1, note: '已为全部商品加贴中文标签', onBehalfOf: false, files: [expect.objectContaining({ id: photo })] });
    const row = await h.db.rectificationProof.findUniqueOrThrow({ where: { id: filed.body.id } });
    expect(row).toMatchObject({ caseId: a.caseId, round: 1, attachmentIds: [photo], onBehalfOf: null });
    expect(await h.db.auditEvent.count({ where: { entityId: a.caseId, action: 'case.rectification_proof_submitted', actorRole: 'operator' } })).toBe(1);
    expect((await h.db.attachment.findUniqueOrThrow({ where: { id: photo } })).caseId).toBe(a.caseId);
    // A round that was never ordered.
    expect((await post(a.token, path, { round: 2, note: 'x' })).status).toBe(409);

    // Another operator: 403 on the case, its proof route, its tasks and its files.
    expect((await get(outsider.token, `/portal/cases/${enc(a.caseId)}`)).status).toBe(403);
    expect((await get(outsider.token, `/portal/cases/${enc(a.caseId)}/rectification`)).status).toBe(403);
    expect((await get(outsider.token, `/portal/cases/${enc(a.caseId)}/evidence`)).status).toBe(403);
    expect((await post(outsider.token, path, { round: 1, note: '冒名提交' })).status).toBe(403);
    const aSelfCheck = await openTask(a.caseId, 'self_check');
    expect((await get(outsider.token, `/portal/tasks/${enc(aSelfCheck.id)}`)).status).toBe(403);
    expect((await post(outsider.token, `/portal/tasks/${enc(aSelfCheck.id)}/complete`, selfCheck([]))).status).toBe(403);
    expect((await get(outsider.token, `/attachments/${photo}`)).status).toBe(403);
    expect(await h.db.rectificationProof.count({ where: { caseId: a.caseId } })).toBe(1);

    // At the deadline the verification opens, showing the officer the proof of its round; no more proof.
    expect(await h.db.task.count({ where: { caseId: a.caseId, type: 'verification' } })).toBe(0);
    await h.skipTo(deadline);
    const verification = await waitFor(() => h.db.task.findFirst({ where: { caseId: a.caseId, type: 'verification' } }), 'the verification');
    expect(await h.now()).toBeGreaterThanOrEqual(deadline);
    const late = await post(a.token, path, { round: 1, note: '补交' });
    expect(late.status).toBe(409);
    expect(late.body.messageZh).toMatch(/^第 1 轮整改期限（.*）已过，不能再提交整改材料$/);
    expect(await h.db.rectificationProof.count({ where: { caseId: a.caseId } })).toBe(1);
    const v = await get(staff[OFFICER], `/tasks/${enc(verification.id)}`);
    expect(v.body.proofs).toEqual([
      expect.objectContaining({
        id: filed.body.id,
        round: 1,
        note: '已为全部商品加贴中文标签',
        onBehalfOf: false,
        files: [expect.objectContaining({ id: photo, contentType: 'image/png' })],
      }),
    ]);
    expect((await get(staff[OFFICER], `/attachments/${photo}`)).status).toBe(200);
  }, 120_000);

  it('lets staff file the proof for an operator without an account, audited as done for it', async () => {
    const b = rc.b;
    await order(b, 7 * DAY);
    const path = `/cases/${enc(b.caseId)}/rectification-proof`;
    const scan = await upload(
      staff[OFFICER],
      'receipt.pdf',
      'application/pdf',
      Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1').toString('base64'),
    );
    await waitFor(async () => (await get(staff[OFFICER], `/cases/${enc(b.caseId)}/rectification`)).body.orders?.length === 1, 'the order');
    expect((await post(staff['officer.taihu'], path, { round: 1, note: '代交' })).status).toBe(403);
    const r = await post(staff[OFFICER], path, { round: 1, note: '经营主体到所提交整改照片和说明', attachmentIds: [scan] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ onBehalfOf: true, files: [expect.objectContaining({ id: scan, contentType: 'application/pdf' })] });
    expect(await h.db.rectificationProof.findUniqueOrThrow({ where: { id: r.body.id } })).toMatchObject({
      submittedById: 'u-officer-zhicheng',
      onBehalfOf: b.id,
    });
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { entityId: b.caseId, action: 'case.rectification_proof_submitted' } });
    expect(audit).toMatchObject({ actorId: 'u-officer-zhicheng', actorRole: 'county_officer', clause: expect.stringContaining('限期整改') });
    expect((audit.data as { onBehalfOf?: unknown }).onBehalfOf).toEqual({ operatorId: b.id, operatorName: b.name });
  });
});
