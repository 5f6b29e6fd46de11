// Operators' accounts and the portal's door (README "The operators' portal"): an officer invites an
// operator of its jurisdiction with a one-time code; the operator sets its password with the code and its
// USCC and signs in with the USCC; a wrong, foreign, expired, used or revoked code opens nothing and gets
// one answer; the password rules and the sign-in limiter are those of staff. An operator reaches no staff
// route, and no other operator's case or task on any portal route; staff administration never shows an
// operator's account; staff disable it; an officer acting for an operator is named in the audit.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { startApi, type Api } from './api-helpers.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { fillPath, lijiangProduct, pathParams, routeKey, stopFixtures } from './helpers-fixtures.js';
import { operatorWithAccount } from './helpers-operators.js';
import { APPLICATION_FORM } from './helpers-zhoushan.js';
import { activate, goodPassword, invite, OFFICER, portalSetup, type PortalOperator, type PortalSetup } from './portal-helpers.js';
import { ROUTES, type RouteDoc } from '../api/routes.js';
import { COMPLIANCE_STATEMENT } from '../domain/application-statement.js';
import { SELF_CHECK_AREAS } from '../domain/self-check.js';
import { shanghaiDate } from '../domain/time.js';
import { demoUscc } from '../prisma/seed.js';

const enc = encodeURIComponent;
let h: Harness;
let api: Api;
let s: PortalSetup;
const staff: Record<string, string> = {};
const as = (user: string) => ({
  get: (path: string) => api.call('GET', path, { token: staff[user] }),
  post: (path: string, body?: unknown) => api.call('POST', path, { token: staff[user], body }),
  put: (path: string, body?: unknown) => api.call('PUT', path, { token: staff[user], body }),
});
const byOperator = (o: PortalOperator) => ({
  get: (path: string) => api.call('GET', path, { token: o.token }),
  post: (path: string, body?: unknown) => api.call('POST', path, { token: o.token, body }),
});
const tryActivate = (uscc: string, code: string, password = goodPassword()) => api.call('POST', '/portal/activate', { body: { uscc, code, password } });
const accountOf = (operatorId: string) => h.db.user.findUnique({ where: { operatorId } });
const selfCheck = () => ({ areas: SELF_CHECK_AREAS.map((a) => ({ key: a.key, finding: 'compliant' })) });
const selfCheckTask = (caseId: string) => waitFor(() => h.db.task.findFirst({ where: { caseId, type: 'self_check', status: 'open' } }), 'the self-check task');

/**
 * Another operator's own thing of each kind the portal's paths take beside cases and tasks, with its
 * owner signed in. Operators A and B of the shared setup are Changxing enterprises: a Zhoushan campaign
 * takes the live rooms of its city (六、（二）) and a Lijiang register the applicants where it runs, so
 * each kind has an owner of its own: a live room of 定海 with its application, an applicant of 古城 with its
 * product application.
 */
const otherKinds: Partial<Record<'applications' | 'register', { id: string; owner: PortalOperator }>> = {};
const otherCampaigns: string[] = [];

async function zhoushanApplication() {
  const token = await api.login('officer.dinghai');
  const owner = await operatorWithAccount(api, token, '330902', `门户越权直播间${Date.now().toString(36)}`, { kind: 'live_room' });
  const launched = await api.call('POST', '/campaigns', {
    token: await api.login('coord.zhoushan'),
    body: {
      programme: 'zhoushan',
      year: await uniqueYear(h.db),
      jurisdictionId: '330900',
      stages: calendarOpenAt('application', 600_000, 'zhoushan'),
      reminderLeadHours: 0,
    },
  });
  expect(launched.status, JSON.stringify(launched.body)).toBe(201);
  const campaignId = launched.body.id as string;
  otherCampaigns.push(campaignId);
  await waitFor(() => h.db.stage.findFirst({ where: { campaignId, key: 'application', status: 'open' } }), 'the application stage open');
  const filed = await api.call('POST', '/portal/applications', {
    token: owner.token,
    body: { campaignId, form: APPLICATION_FORM, complianceStatement: { version: COMPLIANCE_STATEMENT.version, signatory: '越权某' } },
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  // The case is opened by the campaign's workflow on arrival.
  await waitFor(() => h.db.case.findUnique({ where: { id: filed.body.caseId } }), 'the application’s case');
  otherKinds.applications = { id: filed.body.caseId, owner };
}

async function lijiangEntry() {
  const owner = await operatorWithAccount(api, await api.login('officer.gucheng'), '530702', `门户越权农产品${Date.now().toString(36)}`);
  const now = Date.now();
  const launched = await api.call('POST', '/campaigns', {
    token: await api.login('coord.lijiang'),
    body: {
      programme: 'lijiang',
      year: await uniqueYear(h.db),
      jurisdictionId: '530700',
      stages: [{ key: 'intake', startsAt: new Date(now + 300).toISOString(), dueAt: shanghaiDate(now + 365 * 86_400_000) }],
      reminderLeadHours: 0,
    },
  });
  expect(launched.status, JSON.stringify(launched.body)).toBe(201);
  const campaignId = launched.body.id as string;
  otherCampaigns.push(campaignId);
  await waitFor(() => h.db.stage.findFirst({ where: { campaignId, key: 'intake', status: 'open' } }), 'the intake window open');
  const filed = await api.call('POST', '/portal/register/applications', {
    token: owner.token,
    body: { campaignId, register: 'product', form: lijiangProduct({ productName: '门户越权雪桃', category: 'primary_agricultural', grade: '一级果' }) },
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  // The entry and its case are written by the campaign's workflow on arrival.
  const id = filed.body.entryId as string;
  await waitFor(async () => !!(await h.db.registerEntry.findUnique({ where: { id } })) && !!(await h.db.case.findUnique({ where: { id } })), 'the entry');
  otherKinds.register = { id, owner };
}

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h);
  // Neither operator has an account yet: the tests open them.
  [s] = await Promise.all([portalSetup(h, api, { activate: [] }), zhoushanApplication(), lijiangEntry()]);
  for (const u of ['officer.zhicheng', 'officer.taihu', 'officer.dinghai', 'coord.changxing', 'admin.zhicheng', 'admin.changxing', 'leader.changxing'])
    staff[u] = await api.login(u);
}, 120_000);
afterAll(async () => {
  if (s)
    await h.env.client.workflow
      .getHandle(`campaign-${s.campaignId}`)
      .terminate('test done')
      .catch(() => undefined);
  if (otherCampaigns.length) await stopFixtures(h, otherCampaigns);
  await api?.close();
  await h?.stop();
});

describe('invitation and activation', () => {
  it('invites with a one-time code, kept only as a hash; the operator activates it and signs in with its USCC in either case', async () => {
    const a = s.a;
    expect((await as(OFFICER).get(`/operators/${enc(a.id)}`)).body.portalAccount).toBeNull();
    const before = Date.now();
    const inv = await invite(api, staff[OFFICER]!, a.id);
    expect(inv.code).toMatch(/^[A-HJ-KM-NP-Z2-9]{4}-[A-HJ-KM-NP-Z2-9]{4}-[A-HJ-KM-NP-Z2-9]{4}$/);
    expect(inv).toMatchObject({ uscc: a.uscc, operatorName: a.name, portalUrl: expect.stringMatching(/#\/activate$/) });
    const days = (Date.parse(inv.expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    // Never stored, never in the audit trail, never listed again.
    const row = await h.db.operatorInvitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(inv.code.replace(/-/g, ''));
    const audit = await h.db.auditEvent.findMany({ where: { entityType: 'operator', entityId: a.id, action: 'operator.invited' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorRole: 'county_officer', actorId: 'u-officer-zhicheng' });
    expect(JSON.stringify(audit[0]!.data)).not.toContain(inv.code.slice(0, 4) + inv.code.slice(5, 9));
    const listed = await as(OFFICER).get(`/operators/${enc(a.id)}/invitations`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([expect.objectContaining({ id: inv.id, status: 'pending', createdByName: expect.any(String) })]);
    expect(JSON.stringify(listed.body)).not.toMatch(/code/i);

    // Typed as people type it: lower case, no hyphens, the USCC in lower case too.
    const password = goodPassword();
    const r = await tryActivate(a.uscc.toLowerCase(), inv.code.replace(/-/g, '').toLowerCase(), password);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ username: a.uscc.toLowerCase(), operatorId: a.id, activated: true });
    const user = await accountOf(a.id);
    expect(user).toMatchObject({
      role: 'operator',
      username: a.uscc.toLowerCase(),
      displayName: a.name,
      jurisdictionId: '330522001',
      mustChangePassword: false,
    });
    expect((await h.db.auditEvent.findMany({ where: { entityId: a.id, action: 'operator.account_activated' } }))[0]).toMatchObject({
      actorRole: 'operator',
      actorId: user!.id,
    });

    for (const username of [a.uscc, a.uscc.toLowerCase()]) {
      const login = await api.call('POST', '/auth/login', { body: { username, password } });
      expect(login.status, username).toBe(200);
      expect(login.body.user).toMatchObject({ role: 'operator', operatorId: a.id });
      a.token = login.body.token;
    }
    a.password = password;
    const me = await byOperator(a).get('/auth/me');
    expect(me.body).toMatchObject({ role: 'operator', operatorId: a.id, operatorName: a.name });
    const portalMe = await byOperator(a).get('/portal/me');
    expect(portalMe.status).toBe(200);
    expect(portalMe.body).toMatchObject({ id: a.id, name: a.name, uscc: a.uscc, kind: 'enterprise', jurisdictionName: '雉城市场监管所' });

    expect((await as(OFFICER).get(`/operators/${enc(a.id)}`)).body.portalAccount).toMatchObject({ status: 'active' });
    expect((await as(OFFICER).get(`/operators/${enc(a.id)}/invitations`)).body[0]).toMatchObject({ status: 'used' });
  });

  it('refuses a wrong, foreign, revoked, expired or used code with one answer and creates nothing; the password rules apply', async () => {
    const b = s.b;
    const refusals: { status: number; body: any }[] = [];
    const first = await invite(api, staff[OFFICER]!, b.id);
    refusals.push(await tryActivate(b.uscc, 'ABCD-EFGH-JKMN'));
    // Operator A's pending code (a re-invitation) is no good for B.
    const foreign = await invite(api, staff[OFFICER]!, s.a.id);
    refusals.push(await tryActivate(b.uscc, foreign.code));
    // A USCC nobody registered.
    refusals.push(await tryActivate(demoUscc('330522', 9_999_999), first.code));
    // A newer invitation revokes the earlier one.
    const second = await invite(api, staff[OFFICER]!, b.id);
    refusals.push(await tryActivate(b.uscc, first.code));
    await h.db.operatorInvitation.update({ where: { id: second.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    refusals.push(await tryActivate(b.uscc, second.code));
    for (const r of refusals) {
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ error: 'invitation_invalid', messageZh: refusals[0]!.body.messageZh, messageEn: refusals[0]!.body.messageEn });
    }
    expect(await accountOf(b.id)).toBeNull();
    const statuses = (await as(OFFICER).get(`/operators/${enc(b.id)}/invitations`)).body.map((i: { status: string }) => i.status);
    expect(statuses).toEqual(['expired', 'revoked']);

    // The password rules of every account, the USCC standing for the username; the code stays unused.
    const third = await invite(api, staff[OFFICER]!, b.id);
    for (const [password, rule] of [
      ['short1', '长度'],
      [`x${b.uscc.toLowerCase()}`, '用户名'],
      ['password123', '常见密码'],
    ] as const) {
      const r = await tryActivate(b.uscc, third.code, password);
      expect(r.status, password).toBe(400);
      expect(r.body.messageZh).toContain(rule);
      expect(r.body.fields[0].path).toBe('password');
    }
    expect(await accountOf(b.id)).toBeNull();
    await activate(api, b, third.code);
    const used = await tryActivate(b.uscc, third.code);
    expect(used.status).toBe(400);
    expect(used.body.error).toBe('invitation_invalid');
    // Signing in with the password the used code would have set fails: nothing changed.
    const stale = await api.call('POST', '/auth/login', { body: { username: b.uscc, password: 'never-set-1234' } });
    expect(stale.status).toBe(401);
    expect((await api.call('POST', '/auth/login', { body: { username: b.uscc, password: b.password } })).status).toBe(200);
  });

  it('counts every activation attempt like a failed sign-in: after ten, even the right code is refused (429)', async () => {
    const uscc = demoUscc('330522', randomInt(2_000_000, 3_000_000));
    const reg = await as(OFFICER).post('/operators', {
      name: `限流测试商贸${randomInt(1000)}`,
      uscc,
      kind: 'enterprise',
      jurisdictionId: '330522001',
      registeredOn: '2019-03-01',
      // Changxing's launches by filter enrol every operator of the county: each needs its track (赛道).
      track: 'live_marketing',
    });
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const inv = await invite(api, staff[OFFICER]!, reg.body.id);
    for (let i = 0; i < 10; i++) expect((await tryActivate(uscc, `WRNG-CODE-${String(i).padStart(4, 'A')}`)).status).toBe(400);
    const blocked = await tryActivate(uscc, inv.code);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toBe('too_many_attempts');
    expect(await accountOf(reg.body.id)).toBeNull();
    expect((await h.db.operatorInvitation.findUniqueOrThrow({ where: { id: inv.id } })).usedAt).toBeNull();
    // The same counter as sign-in: the operator's username is blocked there too.
    expect((await api.call('POST', '/auth/login', { body: { username: uscc, password: 'whatever-1234' } })).status).toBe(429);
    // Once the window is over (its rows gone), the right code works: it was the limiter that refused.
    await h.db.loginFailure.deleteMany({ where: { username: uscc.toLowerCase() } });
    expect((await tryActivate(uscc, inv.code)).status).toBe(201);
  });

  it('a new invitation after a forgotten password sets a new one and ends the old sessions', async () => {
    const a = s.a;
    const oldToken = a.token!;
    const oldPassword = a.password!;
    const inv = await invite(api, staff['coord.changxing']!, a.id);
    const fresh = goodPassword();
    const r = await tryActivate(a.uscc, inv.code, fresh);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.activated).toBe(false);
    expect(await h.db.user.count({ where: { operatorId: a.id } })).toBe(1);
    expect((await api.call('GET', '/auth/me', { token: oldToken })).status).toBe(401);
    expect((await api.call('POST', '/auth/login', { body: { username: a.uscc, password: oldPassword } })).status).toBe(401);
    a.token = await api.login(a.uscc, fresh);
    a.password = fresh;
    expect(await h.db.auditEvent.count({ where: { entityId: a.id, action: 'operator.password_set' } })).toBe(1);
  });

  it('lets only officers of the operator’s jurisdiction invite (another county, a sibling station: 403)', async () => {
    for (const user of ['officer.dinghai', 'officer.taihu']) {
      const r = await as(user).post(`/operators/${enc(s.a.id)}/invitations`, {});
      expect(r.status, user).toBe(403);
      expect((await as(user).get(`/operators/${enc(s.a.id)}/invitations`)).status, user).toBe(403);
    }
    // A leader or an auditor does not invite at all.
    expect((await as('leader.changxing').post(`/operators/${enc(s.a.id)}/invitations`, {})).status).toBe(403);
    expect(await h.db.operatorInvitation.count({ where: { operatorId: s.a.id, createdById: { in: ['u-officer-dinghai', 'u-officer-taihu'] } } })).toBe(0);
  });
});

describe('staff keep the account', () => {
  it('disables an operator’s account (its sessions end, no new invitation) and re-enables it, audited with the reason', async () => {
    const b = s.b;
    expect((await as('officer.dinghai').put(`/operators/${enc(b.id)}/account`, { disabled: true, reason: '越权' })).status).toBe(403);
    expect((await as(OFFICER).put(`/operators/${enc(b.id)}/account`, { disabled: true })).status).toBe(400);
    const off = await as(OFFICER).put(`/operators/${enc(b.id)}/account`, { disabled: true, reason: '经营主体申请暂停' });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body).toMatchObject({ status: 'disabled' });
    const gone = await byOperator(b).get('/portal/me');
    expect(gone.status).toBe(401);
    expect(gone.body.error).toBe('account_disabled');
    expect((await api.call('POST', '/auth/login', { body: { username: b.uscc, password: b.password } })).status).toBe(401);
    expect((await as(OFFICER).post(`/operators/${enc(b.id)}/invitations`, {})).status).toBe(409);
    // An admin of the subtree re-enables it, as for staff accounts.
    const on = await as('admin.zhicheng').put(`/operators/${enc(b.id)}/account`, { disabled: false, reason: '恢复' });
    expect(on.body).toMatchObject({ status: 'active' });
    b.token = await api.login(b.uscc, b.password);
    const audit = await h.db.auditEvent.findMany({
      where: { entityId: b.id, action: { in: ['operator.account_disabled', 'operator.account_enabled'] } },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((e) => [e.action, e.actorRole, e.reason])).toEqual([
      ['operator.account_disabled', 'county_officer', '经营主体申请暂停'],
      ['operator.account_enabled', 'admin', '恢复'],
    ]);
  });

  it('never lists or edits an operator’s account among staff users (404 to an admin)', async () => {
    const user = (await accountOf(s.a.id))!;
    for (const admin of ['admin.zhicheng', 'admin.changxing']) {
      const list = await as(admin).get(`/users?filter=${enc(JSON.stringify({ q: s.a.uscc.toLowerCase() }))}`);
      expect(list.status).toBe(200);
      expect(list.body).toEqual([]);
      const byId = await as(admin).get(`/users?filter=${enc(JSON.stringify({ id: [user.id] }))}`);
      expect(byId.body).toEqual([]);
      expect((await as(admin).get(`/users/${enc(user.id)}`)).status).toBe(404);
      expect((await as(admin).put(`/users/${enc(user.id)}`, { disabled: true, reason: '试图停用' })).status).toBe(404);
      expect((await as(admin).post(`/users/${enc(user.id)}/reset-password`, { reason: '试图重置' })).status).toBe(404);
    }
    expect((await accountOf(s.a.id))!.disabledAt).toBeNull();
  });
});

describe('what an operator reaches', () => {
  it('is refused (403) on every staff route, whatever its parameters', async () => {
    const token = s.a.token!;
    const staffRoutes = [...new Map(ROUTES.map((r) => [routeKey(r), r])).values()].filter(
      (r) => r.roles !== 'public' && !r.duringPasswordChange && !(Array.isArray(r.roles) && r.roles.includes('operator')),
    );
    expect(staffRoutes.length).toBeGreaterThan(80);
    const failures: string[] = [];
    for (const r of staffRoutes) {
      const path = fillPath(r.path, Object.fromEntries(pathParams(r.path).map((n) => [n, n === 'id' ? s.a.caseId : 'x'])));
      const res = await api.call(r.method.toUpperCase(), path, { token, body: r.method === 'get' ? undefined : {} });
      if (res.status !== 403) failures.push(`${routeKey(r)}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('follows its own case and tasks in words, and completes its own task', async () => {
    const a = byOperator(s.a);
    // Its cases only: this campaign's, and any other file's Changxing launch by filter that enrolled every
    // operator of 长兴 meanwhile (the test database is shared by the files running at once).
    const cases = await a.get('/portal/cases');
    expect(cases.status).toBe(200);
    expect(cases.body.map((c: { id: string }) => c.id.split(':').pop())).toEqual(cases.body.map(() => s.a.id));
    expect(cases.body.find((c: { id: string }) => c.id === s.a.caseId)).toMatchObject({
      id: s.a.caseId,
      campaignId: s.campaignId,
      year: s.year,
      programmeName: { zh: expect.stringContaining('放心电商') },
      currentStage: { key: 'self_check', name: '自查自纠' },
      openTasks: 1,
    });
    const task = await selfCheckTask(s.a.caseId);
    const tasks = await a.get(`/portal/tasks?filter=${enc(JSON.stringify({ caseId: s.a.caseId }))}`);
    expect(tasks.status).toBe(200);
    expect(tasks.headers.get('content-range')).toMatch(/\/1$/);
    expect(tasks.body[0]).toMatchObject({ id: task.id, title: '自查自纠', typeName: { zh: '自查自纠' }, caseId: s.a.caseId, mine: true });
    const done = await a.post(`/portal/tasks/${enc(task.id)}/complete`, selfCheck());
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', resultSummary: { zh: '已提交，未发现问题' } });
    expect(await h.db.auditEvent.findUnique({ where: { key: `task:${task.id}:completed` } })).toMatchObject({
      actorRole: 'operator',
      actorId: (await accountOf(s.a.id))!.id,
    });
    expect((await a.post(`/portal/tasks/${enc(task.id)}/complete`, selfCheck())).status).toBe(409);
    const one = await waitFor(async () => {
      const r = await a.get(`/portal/cases/${enc(s.a.caseId)}`);
      return r.body.tasks?.some((t: { type: string }) => t.type === 'self_check_review') && r;
    }, 'the review task on the case');
    expect(one.body.stages.map((x: { key: string }) => x.key)).toEqual(['mobilization', 'self_check', 'rectification', 'evaluation', 'summary']);
    expect(one.body.currentStep.zh).not.toMatch(/[a-z_]+:/);
    expect(one.body.decisions).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'task.completed', byOperator: true })]));
    expect(one.body.score).toBeNull();
    // The station's review is read on the case, not opened as the operator's task.
    const review = one.body.tasks.find((t: { type: string }) => t.type === 'self_check_review');
    expect(review).toMatchObject({ mine: false });
    expect(review.details).toBeUndefined();
    expect((await a.get(`/portal/tasks/${enc(review.id)}`)).status).toBe(403);
  });

  it('is refused (403) on every portal route with another operator’s case, task, application or notification', async () => {
    const taskB = await selfCheckTask(s.b.caseId);
    // A notification of B's: a reminder of its open self-check, addressed to its account by name.
    expect((await as('coord.changxing').post('/tasks/remind', { taskIds: [taskB.id] })).status).toBe(200);
    const noticeB = await waitFor(async () => {
      const r = await byOperator(s.b).get(`/portal/notifications?filter=${enc(JSON.stringify({ kind: 'reminder' }))}`);
      return r.body.find?.((n: { taskId: string }) => n.taskId === taskB.id);
    }, 'the reminder in B’s portal');
    // The id each kind of portal path takes (its first segment after /portal/) and its owner, another
    // operator than A. A portal route with another kind of id fails here until its kind is added.
    const ofOther: Record<string, { id: string; owner: PortalOperator } | undefined> = {
      cases: { id: s.b.caseId, owner: s.b },
      tasks: { id: taskB.id, owner: s.b },
      applications: otherKinds.applications,
      register: otherKinds.register,
      notifications: { id: String(noticeB.id), owner: s.b },
    };
    // A notification is looked up among those addressed to the caller, so another's reads as unknown
    // (404), as a colleague's named notice does to staff (api/resources/notifications.ts addressedTo).
    const refusedWith: Record<string, number> = { notifications: 404 };
    const portal = [...new Map(ROUTES.map((r) => [routeKey(r), r])).values()].filter(
      (r: RouteDoc) => r.path.startsWith('/portal/') && pathParams(r.path).length > 0 && Array.isArray(r.roles) && r.roles.includes('operator'),
    );
    expect(portal.length).toBeGreaterThanOrEqual(3);
    const failures: string[] = [];
    const kinds = new Set<string>();
    for (const r of portal) {
      const kind = r.path.split('/')[2]!;
      const other = ofOther[kind];
      if (!other) {
        failures.push(`${routeKey(r)}: no id of another operator for "${kind}"`);
        continue;
      }
      kinds.add(kind);
      const path = fillPath(r.path, { id: other.id });
      const body = r.method === 'get' ? undefined : selfCheck();
      const asA = await api.call(r.method.toUpperCase(), path, { token: s.a.token, body });
      const refused = refusedWith[kind] ?? 403;
      if (asA.status !== refused) failures.push(`${routeKey(r)} as A on another's ${kind}: ${asA.status} (want ${refused})`);
      // The owner itself passes the check (reads answer 200, as does marking its own notice read), so
      // each row can fail both ways.
      if (r.method === 'get' || kind === 'notifications') {
        const asOwner = await api.call(r.method.toUpperCase(), path, { token: other.owner.token });
        if (asOwner.status !== 200) failures.push(`${routeKey(r)} as the owner on its own: ${asOwner.status} ${JSON.stringify(asOwner.body).slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    expect([...kinds].sort()).toEqual(['applications', 'cases', 'notifications', 'register', 'tasks']);
    expect(await h.db.task.findUniqueOrThrow({ where: { id: taskB.id } })).toMatchObject({ status: 'open' });
    // A's attempts changed nothing of the others': no version added, the notice unread but by its owner.
    expect(await h.db.applicationVersion.count({ where: { caseId: otherKinds.applications!.id } })).toBe(1);
    const reads = await h.db.notificationRead.findMany({ where: { notificationId: BigInt(noticeB.id) } });
    expect(reads.map((x) => x.userId)).toEqual([(await accountOf(s.b.id))!.id]);
  });

  it('lets an officer of its station complete its task for it, and the audit says for whom', async () => {
    const taskB = await selfCheckTask(s.b.caseId);
    // Not for an officer of another station, nor a leader.
    expect((await as('officer.taihu').post(`/tasks/${enc(taskB.id)}/complete`, selfCheck())).status).toBe(403);
    expect((await as('leader.changxing').post(`/tasks/${enc(taskB.id)}/complete`, selfCheck())).status).toBe(403);
    const r = await as(OFFICER).post(`/tasks/${enc(taskB.id)}/complete`, selfCheck());
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const entry = await h.db.auditEvent.findUniqueOrThrow({ where: { key: `task:${taskB.id}:completed` } });
    expect(entry).toMatchObject({ actorRole: 'county_officer', actorId: 'u-officer-zhicheng' });
    expect(entry.data).toMatchObject({ onBehalfOf: { operatorId: s.b.id, operatorName: s.b.name } });
    // Its own view says so too.
    const mine = await byOperator(s.b).get(`/portal/cases/${enc(s.b.caseId)}`);
    expect(mine.body.decisions).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'task.completed', byOperator: false, onBehalfOf: true })]));
  });
});
