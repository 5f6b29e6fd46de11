// A completion is recorded before it is sent (README "Completing a task"): with `Prefer: respond-async`
// the officer is answered 202 once the decision is durable, and the workflow takes it a moment later; a
// refusal after the 202 reaches the officer (a notification, and the task page) and gives the claim back;
// a refusal heard at once leaves nothing behind. A submission left undelivered (the API died after
// recording it) is delivered by the sweep, and one delivered twice (the API died after the Update) is
// applied once: its Update id is the submission's; a refusal the sweep meets is told to the submitter.
// One submission at a time per task.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, waitFor, type Harness } from './helpers.js';
import { launchInspections, startApi, type Api } from './api-helpers.js';
import { SELF_CHECK_AREAS } from '../domain/self-check.js';
import { redeliverDue } from '../api/task-completion.js';

const enc = encodeURIComponent;
const OFFICER = 'officer.zhicheng';
let h: Harness;
let api: Api;
let token: string;
let campaignId: string;
/** The 集中治理 inspections of five 雉城 operators: open, unclaimed. */
let tasks: string[];

const inspection = { method: 'inspection', areas: [{ key: SELF_CHECK_AREAS[0]!.key, finding: 'ok' }] };
/** Well-formed for the API, refused by the case workflow: it knows no such violation (changxing 四、（三）). */
const unknownViolation = {
  method: 'inspection',
  areas: [{ key: SELF_CHECK_AREAS[0]!.key, finding: 'serious', description: '虚假宣传' }],
  violation: 'no-such-kind',
};
const complete = (taskId: string, body: unknown, async = false) =>
  api.call('POST', `/tasks/${enc(taskId)}/complete`, { token, body, ...(async ? { headers: { prefer: 'respond-async' } } : {}) });
const task = (id: string) => h.db.task.findUniqueOrThrow({ where: { id } });
const completions = (taskId: string) => h.db.auditEvent.count({ where: { entityType: 'task', entityId: taskId, action: 'task.completed' } });
const settled = (id: string) =>
  waitFor(
    async () =>
      (await h.db.taskSubmission.findUniqueOrThrow({ where: { id } })).status !== 'pending' && h.db.taskSubmission.findUniqueOrThrow({ where: { id } }),
    'the submission settled',
  );
/** A submission as the API records it before sending anything, left as an API that died then would leave it. */
async function recorded(taskId: string, leaseUntil = new Date(Date.now() - 1000), result: object = inspection) {
  const me = await h.db.user.findUniqueOrThrow({ where: { username: OFFICER } });
  return h.db.taskSubmission.create({
    data: {
      id: randomUUID(),
      taskId,
      workflowId: (await task(taskId)).workflowId,
      submittedById: me.id,
      actor: { userId: me.id, role: me.role, displayName: me.displayName },
      result,
      status: 'pending',
      submittedAt: new Date(),
      leaseUntil,
    },
  });
}

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h);
  token = await api.login(OFFICER);
  const launched = await launchInspections(h, api, 5);
  campaignId = launched.campaignId;
  tasks = launched.tasks.map((t) => t.id);
});
afterAll(async () => {
  if (campaignId)
    await h.env.client.workflow
      .getHandle((await h.db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).workflowId)
      .terminate('test done')
      .catch(() => {});
  await api?.close();
  await h?.stop();
});

describe('a completion recorded before it is sent', () => {
  it('answers 202 once recorded when asked, held by the officer; the workflow then takes it, once', async () => {
    const r = await complete(tasks[0]!, inspection, true);
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    expect(r.body).toMatchObject({ id: tasks[0], status: 'open', claimedByName: '雉城市场监管所执法员', submission: { status: 'pending' } });
    const s = await settled(r.body.submission.id);
    expect(s).toMatchObject({ status: 'applied', attempts: 1 });
    expect(await task(tasks[0]!)).toMatchObject({ status: 'done', completedById: s.submittedById });
    expect(await completions(tasks[0]!)).toBe(1);
    const shown = await api.call('GET', `/tasks/${enc(tasks[0]!)}`, { token });
    expect(shown.body.submission).toBeUndefined();
  });

  it('tells the officer of a refusal after the 202, on the task and as a notification, and gives the claim back', async () => {
    const r = await complete(tasks[1]!, unknownViolation, true);
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    const s = await settled(r.body.submission.id);
    expect(s).toMatchObject({ status: 'refused', refusalZh: '未知的严重违法类型' });
    expect(await task(tasks[1]!)).toMatchObject({ status: 'open', claimedById: null });
    const shown = await api.call('GET', `/tasks/${enc(tasks[1]!)}`, { token });
    expect(shown.body.submission).toMatchObject({ status: 'refused', refusalZh: '未知的严重违法类型' });
    const told = await api.call('GET', `/notifications?filter=${enc(JSON.stringify({}))}&range=${enc('[0,49]')}`, { token });
    expect(told.body.find((n: { taskId: string }) => n.taskId === tasks[1])).toMatchObject({
      title: expect.stringContaining('提交未被受理'),
      body: expect.stringContaining('未知的严重违法类型'),
    });
    // Submitted again as it should be, it is taken.
    const again = await complete(tasks[1]!, inspection);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ status: 'done' });
  });

  it('a refusal heard at once leaves nothing behind', async () => {
    const r = await complete(tasks[2]!, unknownViolation);
    expect(r.status).toBe(400);
    expect(r.body.messageZh).toContain('未知的严重违法类型');
    expect(await h.db.taskSubmission.count({ where: { taskId: tasks[2]! } })).toBe(0);
    expect(await task(tasks[2]!)).toMatchObject({ status: 'open', claimedById: null });
  });

  it('tells the submitter of a refusal the sweep met: the caller may have lost the answer with the API', async () => {
    const lost = await recorded(tasks[4]!, undefined, unknownViolation);
    expect(await redeliverDue({ db: h.db, client: h.env.client, taskQueue: h.taskQueue })).toBeGreaterThanOrEqual(1);
    expect(await h.db.taskSubmission.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({
      status: 'refused',
      answeredEarly: true,
      refusalZh: '未知的严重违法类型',
    });
    expect(await h.db.notification.count({ where: { key: `task:${tasks[4]}:submission:${lost.id}:refused`, recipientUserId: lost.submittedById } })).toBe(1);
    expect(await task(tasks[4]!)).toMatchObject({ status: 'open' });
  });

  it('waits for a workflow to catch up with a task whose row a lost workflow task wrote, then refuses it', async () => {
    // The row of a task its workflow does not know: as a local activity leaves one when the worker dies
    // before the workflow task that ran it completes (the workflow opens it again when it runs again).
    const known = await task(tasks[0]!);
    const unknownId = `${known.caseId}:rectification:verification#9`;
    const { id: _id, result: _r, completedAt: _c, completedById: _b, claimedById: _h, details, ...row } = known;
    await h.db.task.create({ data: { ...row, id: unknownId, type: 'verification', status: 'open', details: details ?? {}, createdAt: new Date() } });
    const r = await complete(unknownId, { passed: true, note: '已整改' });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    const s = await h.db.taskSubmission.findFirstOrThrow({ where: { taskId: unknownId } });
    expect(s).toMatchObject({ status: 'pending', attempts: 1 });
    expect(await task(unknownId)).toMatchObject({ status: 'open' });
    // Unknown five minutes after its row was written: not a workflow catching up, so refused and told, the
    // claim given back.
    await h.db.task.update({ where: { id: unknownId }, data: { createdAt: new Date(Date.now() - 6 * 60_000) } });
    await h.db.taskSubmission.update({ where: { id: s.id }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    expect(await redeliverDue({ db: h.db, client: h.env.client, taskQueue: h.taskQueue })).toBeGreaterThanOrEqual(1);
    expect(await h.db.taskSubmission.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({
      status: 'refused',
      refusalEn: expect.stringContaining('not owned'),
    });
    expect(await task(unknownId)).toMatchObject({ status: 'open', claimedById: null });
  });

  it('delivers a decision an API recorded and did not send, and one it sent twice is applied once', async () => {
    // One submission at a time: a second while the first is on its way is refused.
    const first = await recorded(tasks[3]!, new Date(Date.now() + 60_000));
    const second = await complete(tasks[3]!, inspection);
    expect(second.status).toBe(409);
    expect(second.body.messageZh).toBe('该任务已提交，正在办理，请稍后刷新');
    // Its lease run out (the API that recorded it died), the sweep sends it.
    await h.db.taskSubmission.update({ where: { id: first.id }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    expect(await redeliverDue({ db: h.db, client: h.env.client, taskQueue: h.taskQueue })).toBeGreaterThanOrEqual(1);
    expect(await h.db.taskSubmission.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: 'applied' });
    expect(await task(tasks[3]!)).toMatchObject({ status: 'done' });
    // Taken by the workflow, but the API died before writing so: sent again under the same Update id.
    await h.db.taskSubmission.update({ where: { id: first.id }, data: { status: 'pending', leaseUntil: new Date(Date.now() - 1000) } });
    expect(await redeliverDue({ db: h.db, client: h.env.client, taskQueue: h.taskQueue })).toBeGreaterThanOrEqual(1);
    expect(await h.db.taskSubmission.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: 'applied' });
    expect(await completions(tasks[3]!)).toBe(1);
    // Its inspection found nothing: no rectification ordered, once or twice.
    expect(await h.db.task.count({ where: { caseId: (await task(tasks[3]!)).caseId, type: 'verification' } })).toBe(0);
  });
});
