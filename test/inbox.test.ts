// The task inbox as officers live it (README "The task inbox"): submitting an unclaimed task claims it for
// the completer in the same decision (and a task another holds is still refused, 409); the holder or a
// coordinator over the jurisdiction releases a task (a coordinator with a reason), each claim and release
// audited as its own event; a task is delegated to a colleague of the same role within the jurisdiction
// with a reason (audited, the colleague notified), refused with the reasons (400), from another
// jurisdiction (403) and while another holds it (409); the views 我的 / 本单位待认领 / 已办 / 全部 (全部 only
// for those who oversee); names of who holds and who completed each task, never ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.js';
import { launchInspections, startApi, type Api } from './api-helpers.js';
import { SELF_CHECK_AREAS } from '../domain/self-check.js';

const enc = encodeURIComponent;
const USERS = ['coord.changxing', 'officer.zhicheng', 'officer.changxing', 'officer.taihu', 'leader.changxing', 'auditor.changxing'] as const;
type User = (typeof USERS)[number];
let h: Harness;
let api: Api;
const tokens: Record<string, string> = {};
let campaignId: string;
let workflowId: string;
/** The 集中治理 inspections of four 雉城 operators: open, unclaimed, for county officers. */
let tasks: { id: string; title: string; claimedById: string | null }[];

const call = (user: User, method: string, path: string, body?: unknown) => api.call(method, path, { token: tokens[user]!, body });
const task = (i: number) => h.db.task.findUniqueOrThrow({ where: { id: tasks[i]!.id } });
const inspection = { method: 'inspection', areas: [{ key: SELF_CHECK_AREAS[0]!.key, finding: 'ok' }] };
const view = (user: User, v: string) =>
  call(user, 'GET', `/tasks?filter=${enc(JSON.stringify({ view: v, campaignId, type: 'inspection' }))}&range=${enc('[0,99]')}`) as Promise<{
    status: number;
    body: { id: string; claimedByName: string | null; completedByName: string | null; completedAt: string | null }[];
  }>;
const audits = (taskId: string, action: string) =>
  h.db.auditEvent.findMany({ where: { entityType: 'task', entityId: taskId, action }, orderBy: { id: 'asc' } });

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h);
  for (const u of USERS) tokens[u] = await api.login(u);
  ({ campaignId, tasks } = await launchInspections(h, api, 4));
  workflowId = (await h.db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).workflowId;
  expect(tasks.every((t) => t.claimedById === null)).toBe(true);
});
afterAll(async () => {
  if (workflowId)
    await h.env.client.workflow
      .getHandle(workflowId)
      .terminate('test done')
      .catch(() => {});
  await api?.close();
  await h?.stop();
});

describe('the task inbox', () => {
  it('submitting an unclaimed task claims it for the completer in the same decision; a task another holds is refused', async () => {
    // Held by a colleague: the completion is refused and nothing changes.
    expect((await call('officer.changxing', 'POST', `/tasks/${enc(tasks[1]!.id)}/claim`)).status).toBe(200);
    const refused = await call('officer.zhicheng', 'POST', `/tasks/${enc(tasks[1]!.id)}/complete`, inspection);
    expect(refused.status).toBe(409);
    expect(refused.body.messageZh).toBe('任务已被他人认领');
    expect(await task(1)).toMatchObject({ status: 'open', claimedById: 'u-officer-changxing' });

    // Unclaimed: submitted by officer.zhicheng, who is then its holder and its completer, by name.
    const done = await call('officer.zhicheng', 'POST', `/tasks/${enc(tasks[0]!.id)}/complete`, inspection);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', claimedById: 'u-officer-zhicheng', completedById: 'u-officer-zhicheng' });
    const shown = await call('coord.changxing', 'GET', `/tasks/${enc(tasks[0]!.id)}`);
    const zhicheng = (await h.db.user.findUniqueOrThrow({ where: { id: 'u-officer-zhicheng' } })).displayName;
    expect(shown.body).toMatchObject({ claimedByName: zhicheng, completedByName: zhicheng });
    expect(shown.body.completedAt).toBeTruthy();
    const claimed = await audits(tasks[0]!.id, 'task.claimed');
    expect(claimed).toHaveLength(1);
    expect(claimed[0]).toMatchObject({ actorId: 'u-officer-zhicheng', data: { with: 'completion' } });
    expect(await audits(tasks[0]!.id, 'task.completed')).toHaveLength(1);

    // Done: a second submission is refused.
    expect((await call('officer.changxing', 'POST', `/tasks/${enc(tasks[0]!.id)}/complete`, inspection)).status).toBe(409);
  });

  it('releases a task by its holder or a coordinator (with a reason), audited each time, and refuses others', async () => {
    const id = tasks[1]!.id; // held by officer.changxing (above)
    const path = `/tasks/${enc(id)}/release`;
    // Another jurisdiction: 403; a colleague who neither holds it nor coordinates: 403.
    expect((await call('officer.taihu', 'POST', path, {})).status).toBe(403);
    expect((await call('officer.zhicheng', 'POST', path, {})).status).toBe(403);
    // A coordinator taking a colleague's work says why.
    const noReason = await call('coord.changxing', 'POST', path, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields).toEqual([expect.objectContaining({ path: 'reason', messageZh: '请填写释放理由', messageEn: 'give the reason' })]);
    expect((await task(1)).claimedById).toBe('u-officer-changxing');

    // The holder releases; nobody holds it now, so a second release is 409.
    const released = await call('officer.changxing', 'POST', path, {});
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    expect(released.body).toMatchObject({ claimedById: null, claimedByName: null });
    expect((await call('officer.changxing', 'POST', path, {})).status).toBe(409);

    // Claimed again by the same officer, and released by the coordinator with a reason: every event is
    // its own audit entry (two claims by the same person, two releases).
    expect((await call('officer.changxing', 'POST', `/tasks/${enc(id)}/claim`)).status).toBe(200);
    const byCoordinator = await call('coord.changxing', 'POST', path, { reason: '人员外出培训' });
    expect(byCoordinator.status, JSON.stringify(byCoordinator.body)).toBe(200);
    const claims = await audits(id, 'task.claimed');
    expect(claims.map((a) => a.actorId)).toEqual(['u-officer-changxing', 'u-officer-changxing']);
    expect(new Set(claims.map((a) => a.key)).size).toBe(2);
    const releases = await audits(id, 'task.released');
    expect(releases.map((a) => [a.actorId, a.reason, (a.data as { from: string }).from])).toEqual([
      ['u-officer-changxing', null, 'u-officer-changxing'],
      ['u-coord-changxing', '人员外出培训', 'u-officer-changxing'],
    ]);
    // A done task is not released.
    expect((await call('officer.zhicheng', 'POST', `/tasks/${enc(tasks[0]!.id)}/release`, {})).status).toBe(409);
  });

  it('delegates to a colleague within the jurisdiction with a reason, audited and notified; refuses with reasons', async () => {
    const id = tasks[2]!.id;
    const path = `/tasks/${enc(id)}/delegate`;
    const toChangxing = { userId: 'u-officer-changxing', reason: '该经营主体由县局直接检查' };
    // Outside the jurisdiction: 403. Not a county officer's or coordinator's to move: 403.
    expect((await call('officer.taihu', 'POST', path, toChangxing)).status).toBe(403);
    expect((await call('auditor.changxing', 'POST', path, toChangxing)).status).toBe(403);
    // No reason; a colleague of another station (the task is not within theirs); a leader (not a county officer).
    const noReason = await call('officer.zhicheng', 'POST', path, { userId: 'u-officer-changxing' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields.map((f: { path: string }) => f.path)).toEqual(['reason']);
    for (const userId of ['u-officer-taihu', 'u-leader-changxing', 'u-nobody']) {
      const wrong = await call('officer.zhicheng', 'POST', path, { userId, reason: '测试' });
      expect(wrong.status, userId).toBe(400);
      expect(wrong.body.fields).toEqual([expect.objectContaining({ path: 'userId', messageZh: '该人员不能办理此任务（角色或辖区不符）' })]);
    }
    expect((await task(2)).claimedById).toBeNull();

    // officer.zhicheng holds it, then delegates it to the county's officer.
    expect((await call('officer.zhicheng', 'POST', `/tasks/${enc(id)}/claim`)).status).toBe(200);
    const moved = await call('officer.zhicheng', 'POST', path, toChangxing);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const changxing = (await h.db.user.findUniqueOrThrow({ where: { id: 'u-officer-changxing' } })).displayName;
    expect(moved.body).toMatchObject({ claimedById: 'u-officer-changxing', claimedByName: changxing });
    const [audit] = await audits(id, 'task.delegated');
    expect(audit).toMatchObject({ actorId: 'u-officer-zhicheng', reason: toChangxing.reason, data: { from: 'u-officer-zhicheng', to: 'u-officer-changxing' } });
    const notice = await h.db.notification.findUniqueOrThrow({ where: { key: audit!.key } });
    expect(notice).toMatchObject({ recipientUserId: 'u-officer-changxing', taskId: id, kind: 'assignment' });
    expect(notice.body).toContain(toChangxing.reason);

    // Now another holds it: officer.zhicheng can neither move it back nor complete it (409).
    expect((await call('officer.zhicheng', 'POST', path, { userId: 'u-officer-zhicheng', reason: '收回' })).status).toBe(409);
    expect((await call('officer.zhicheng', 'POST', `/tasks/${enc(id)}/complete`, inspection)).status).toBe(409);
    // To its own holder: 400. The coordinator over it may move it back, with a reason.
    const same = await call('coord.changxing', 'POST', path, { userId: 'u-officer-changxing', reason: '测试' });
    expect(same.status).toBe(400);
    expect(same.body.fields.map((f: { messageZh: string }) => f.messageZh)).toEqual(['该人员已是办理人']);
    expect((await call('coord.changxing', 'POST', path, { userId: 'u-officer-zhicheng', reason: '回到所里办理' })).status).toBe(200);
    expect((await task(2)).claimedById).toBe('u-officer-zhicheng');
    expect(await audits(id, 'task.delegated')).toHaveLength(2);
    // Done: not delegated.
    expect((await call('coord.changxing', 'POST', `/tasks/${enc(tasks[0]!.id)}/delegate`, toChangxing)).status).toBe(409);
  });

  it('lists the views 我的 / 本单位待认领 / 已办 / 全部 for each role', async () => {
    // Now: 0 done by officer.zhicheng, 1 released (unclaimed), 2 held by officer.zhicheng, 3 unclaimed.
    const ids = (r: { body: { id: string }[] }) => r.body.map((t) => t.id).sort();
    const of = (...i: number[]) => i.map((x) => tasks[x]!.id).sort();
    expect(ids(await view('officer.zhicheng', 'mine'))).toEqual(of(2));
    expect(ids(await view('officer.zhicheng', 'unclaimed'))).toEqual(of(1, 3));
    expect(ids(await view('officer.changxing', 'unclaimed'))).toEqual(of(1, 3));
    // Not a county officer's role: nothing to take.
    expect(ids(await view('coord.changxing', 'unclaimed'))).toEqual([]);
    const done = await view('officer.zhicheng', 'done');
    expect(ids(done)).toEqual(of(0));
    expect(done.body[0]!.completedByName).toBeTruthy();
    expect(done.body[0]!.completedAt).toBeTruthy();
    // 已办 of an officer: what they completed; of a coordinator: everything done in scope.
    expect(ids(await view('officer.changxing', 'done'))).toEqual([]);
    expect(ids(await view('coord.changxing', 'done'))).toEqual(of(0));
    // 全部: those who oversee only.
    for (const u of ['coord.changxing', 'leader.changxing'] as const) expect(ids(await view(u, 'all'))).toEqual(of(0, 1, 2, 3));
    const refused = await view('officer.zhicheng', 'all');
    expect(refused.status).toBe(403);
    // Outside the jurisdiction: nothing of these.
    expect(ids(await view('officer.taihu', 'unclaimed'))).toEqual([]);
    expect((await view('officer.zhicheng', 'everything')).status).toBe(400);
  });

  it('audits a claim made by a completion with the completion, so an API that dies after the Update loses neither', async () => {
    // The API's half of a completion of unclaimed task 3 (api/task-completion.ts): the conditional claim,
    // then the Update. The API does nothing after it, as if it died the moment the workflow accepted.
    const id = tasks[3]!.id;
    await h.db.task.update({ where: { id }, data: { claimedById: 'u-officer-changxing' } });
    await h.env.client.workflow.getHandle((await task(3)).workflowId).executeUpdate('completeTask', {
      args: [{ taskId: id, actor: { userId: 'u-officer-changxing', role: 'county_officer' }, result: inspection, claimed: true }],
    });
    const claimed = await audits(id, 'task.claimed');
    expect(claimed.map((a) => [a.actorId, a.data])).toEqual([['u-officer-changxing', { with: 'completion' }]]);
    const completed = await audits(id, 'task.completed');
    expect(completed).toHaveLength(1);
    // Listed before the completion, at the same moment.
    expect(claimed[0]!.id < completed[0]!.id && claimed[0]!.at.getTime() === completed[0]!.at.getTime()).toBe(true);
    expect(await task(3)).toMatchObject({ status: 'done', claimedById: 'u-officer-changxing', completedById: 'u-officer-changxing' });
  });
});
