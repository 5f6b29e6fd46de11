// Notifications to operators (README "Notifications to operators"): each kind —
// returned (a self-check returned, an application returned for material), order issued (限期整改 with its
// deadline), deadline near (its own open task's reminder), decision made (self-check accepted, pre-review
// passed or failed, city audit, listed, an objection upheld, title granted and revoked) — reaches the
// operator concerned in its portal, by name, and no other operator, nor staff's centre; staff still hear
// what they heard; read state is the operator's own; and the bureau's webhook receives the operator's
// notices, signed, saying the recipient is an operator, with nothing about it but what staff payloads carry.
// On Temporal's time-skipping test server (test/helpers-time.ts): the reminder's moment and the end of the
// 公示 window come when the test moves the clock.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueYear, waitFor } from './helpers.js';
import { quietMs, startTimeSkippingHarness, type TimeHarness } from './helpers-time.js';
import { startApi, type Api } from './api-helpers.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { APPLICATION_FORM } from './helpers-zhoushan.js';
import { stopFixtures } from './helpers-fixtures.js';
import type { PortalOperator } from './portal-helpers.js';
import { newStation, operatorWithAccount, signedWith, webhookReceiver } from './helpers-operators.js';
import { SELF_CHECK_AREAS } from '../domain/self-check.js';
import { BUILT_IN } from '../domain/programmes/index.js';
import { shanghaiDate } from '../domain/time.js';
import { demoUscc } from '../prisma/seed.js';

const enc = encodeURIComponent;
const SECRET = 'portal-notifications-secret-0001';
const DAY = 86_400_000;
let h: TimeHarness;
let api: Api;
let hook: Awaited<ReturnType<typeof webhookReceiver>>;
const staff: Record<string, string> = {};
/** A station of 长兴县 of this test's own: its webhook hears only this test's cases. */
let station: string;
const campaigns: string[] = [];

interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string;
  caseId: string | null;
  taskId: string | null;
  recipientRole: string;
  recipientUserId: string | null;
  read: boolean;
}
const staffAs = (user: string) => ({
  get: (path: string) => api.call('GET', path, { token: staff[user] }),
  post: (path: string, body?: unknown) => api.call('POST', path, { token: staff[user], body }),
});
const as = (o: PortalOperator) => ({
  get: (path: string) => api.call('GET', path, { token: o.token }),
  post: (path: string, body?: unknown) => api.call('POST', path, { token: o.token, body }),
});
const noticesOf = async (o: PortalOperator, filter: object = {}) => {
  const r = await as(o).get(`/portal/notifications?sort=${enc('["id","ASC"]')}&range=${enc('[0,199]')}&filter=${enc(JSON.stringify(filter))}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as Notice[];
};
/** The operator's notices about `caseId` once there are `n` of them. */
const heard = (o: PortalOperator, caseId: string, n: number, what: string) =>
  waitFor(async () => {
    const got = (await noticesOf(o)).filter((x) => x.caseId === caseId);
    return got.length >= n && got;
  }, what);
const accountOf = async (o: PortalOperator) => (await h.db.user.findUniqueOrThrow({ where: { operatorId: o.id } })).id;
const openTask = (caseId: string, type: string) =>
  waitFor(() => h.db.task.findFirst({ where: { caseId, type, status: 'open' }, orderBy: { createdAt: 'desc' } }), `${type} of ${caseId}`);
const complete = (user: string, taskId: string, body: unknown) => staffAs(user).post(`/tasks/${enc(taskId)}/complete`, body);

async function launch(user: string, body: Record<string, unknown>) {
  const r = await staffAs(user).post('/campaigns', { year: await uniqueYear(h.db), reminderLeadHours: 0, ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  campaigns.push(r.body.id);
  return r.body.id as string;
}
/** A calendar with stage `key` open (for longer than the tests skip) on the test server's clock. */
const openAt = async (key: string, programme = 'changxing', ms = quietMs(h)) => calendarOpenAt(key, ms, programme, await h.now());
const changxing = (operatorIds: string[], stages: object, reminderLeadHours = 0) =>
  // One auditor scores every dimension here (evaluation groups: test/evaluation-groups.test.ts).
  launch('coord.changxing', {
    programme: 'changxing',
    jurisdictionId: '330522',
    stages,
    reminderLeadHours,
    operatorIds,
    settings: { multiDimensionScorers: true },
  });
/** Two operators of the station with accounts, named for the test. */
const pair = async (label: string) => {
  const stamp = Date.now().toString(36);
  return [
    await operatorWithAccount(api, staff['officer.changxing']!, station, `通知${label}甲${stamp}`, { track: 'live_marketing' }),
    await operatorWithAccount(api, staff['officer.changxing']!, station, `通知${label}乙${stamp}`, { track: 'live_marketing' }),
  ] as const;
};

beforeAll(async () => {
  h = await startTimeSkippingHarness();
  api = await startApi(h);
  for (const u of ['officer.changxing', 'coord.changxing', 'auditor.changxing', 'admin.changxing', 'officer.dinghai', 'auditor.zhoushan', 'coord.zhoushan'])
    staff[u] = await api.login(u);
  station = await newStation(api, staff['admin.changxing']!, '330522', `门户通知测试所${Date.now().toString(36)}`);
  hook = await webhookReceiver();
  const put = await api.call('PUT', `/jurisdictions/${station}/webhook`, { token: staff['coord.changxing'], body: { url: hook.url, secret: SECRET } });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
}, 120_000);
afterAll(async () => {
  await h?.db.webhook.deleteMany({ where: { jurisdictionId: station } });
  if (campaigns.length) await stopFixtures(h, campaigns);
  await hook?.close();
  await api?.close();
  await h?.stop();
});

describe('notifications to operators', () => {
  it('tells the operator whose self-check was returned, with the reason, and the one accepted; no one else; delivered to the bureau’s webhook', async () => {
    const [a, b] = await pair('自查');
    const id = await changxing([a.id, b.id], await openAt('self_check'));
    const [ca, cb] = [`${id}:${a.id}`, `${id}:${b.id}`];
    // The operators do their self-checks in the portal; the station reviews them.
    const selfCheck = { areas: SELF_CHECK_AREAS.map((x) => ({ key: x.key, finding: 'compliant' })) };
    for (const [o, c] of [
      [a, ca],
      [b, cb],
    ] as const) {
      const t = await openTask(c, 'self_check');
      const done = await as(o).post(`/portal/tasks/${enc(t.id)}/complete`, selfCheck);
      expect(done.status, JSON.stringify(done.body)).toBe(200);
    }
    const reason = '未上传营业执照和食品经营许可证照片';
    expect((await complete('officer.changxing', (await openTask(ca, 'self_check_review')).id, { decision: 'returned', note: reason })).status).toBe(200);
    expect((await complete('officer.changxing', (await openTask(cb, 'self_check_review')).id, { decision: 'accepted' })).status).toBe(200);

    const [returned] = await heard(a, ca, 1, 'the return told to A');
    expect(returned).toMatchObject({ kind: 'returned', recipientRole: 'operator', recipientUserId: await accountOf(a), read: false });
    expect(returned!.title).toContain('自查被退回');
    expect(returned!.body).toBe(reason);
    const [accepted] = await heard(b, cb, 1, 'the acceptance told to B');
    expect(accepted).toMatchObject({ kind: 'decision', recipientUserId: await accountOf(b) });
    expect(accepted!.title).toContain('自查已审核通过');
    // Each its own, nobody else's.
    expect((await noticesOf(a)).map((n) => n.id)).toEqual([returned!.id]);
    expect((await noticesOf(b)).map((n) => n.id)).toEqual([accepted!.id]);
    // Staff's centre shows none of them (its notices are to roles in jurisdictions).
    const centre = await staffAs('officer.changxing').get(`/notifications?range=${enc('[0,999]')}`);
    expect(centre.status).toBe(200);
    expect(centre.body.some((n: Notice) => n.recipientRole === 'operator' || n.id === returned!.id)).toBe(false);
    expect((await staffAs('officer.changxing').get('/portal/notifications')).status).toBe(403);

    // Read state: its own; another's notification is unknown to it.
    expect((await as(a).get('/portal/notifications/unread-count')).body).toEqual({ unread: 1 });
    expect((await as(b).post(`/portal/notifications/${returned!.id}/read`)).status).toBe(404);
    expect((await as(a).get('/portal/notifications/unread-count')).body).toEqual({ unread: 1 });
    expect((await as(a).post(`/portal/notifications/${returned!.id}/read`)).body).toMatchObject({ id: returned!.id, read: true });
    expect((await as(a).get('/portal/notifications/unread-count')).body).toEqual({ unread: 0 });
    expect((await noticesOf(a, { unread: true })).length).toBe(0);
    expect((await as(b).post('/portal/notifications/read-all')).body).toEqual({ marked: 1 });
    expect((await as(b).get('/portal/notifications/unread-count')).body).toEqual({ unread: 0 });

    // The bureau's webhook over the station received the return, signed, addressed to an operator.
    const delivery = await waitFor(async () => hook.got.find((r) => r.delivery === `${returned!.id}:${station}`), 'the return at the webhook', 60_000);
    expect(signedWith(SECRET, delivery)).toBe(true);
    const payload = JSON.parse(delivery.body);
    expect(payload.notification).toMatchObject({ id: returned!.id, kind: 'returned', recipientRole: 'operator', caseId: ca, jurisdictionId: station });
    // The fields every staff payload carries, no more: nothing of the operator's account but its id.
    expect(Object.keys(payload.notification).sort()).toEqual(
      ['body', 'campaignId', 'caseId', 'createdAt', 'id', 'jurisdictionId', 'kind', 'recipientRole', 'recipientUserId', 'taskId', 'title'].sort(),
    );
    // Ids as in staff payloads (the case id names the operator's id); the title names the campaign, not the operator.
    expect(delivery.body).not.toContain(a.name);
    await waitFor(async () => hook.got.find((r) => r.delivery === `${accepted!.id}:${station}`), 'the acceptance at the webhook', 60_000);
  });

  it('tells the operator inspected of its rectification order and deadline, and not the other', async () => {
    const [a, b] = await pair('整改');
    const id = await changxing([a.id, b.id], await openAt('rectification'));
    const [ca, cb] = [`${id}:${a.id}`, `${id}:${b.id}`];
    const rectifyBy = (await h.now()) + 5 * DAY;
    const finding = '直播间未公示营业执照';
    const inspected = await complete('officer.changxing', (await openTask(ca, 'inspection')).id, {
      method: 'inspection',
      areas: SELF_CHECK_AREAS.map((x, i) => ({ key: x.key, finding: i === 0 ? 'minor' : 'ok', ...(i === 0 ? { description: finding } : {}) })),
      measure: 'interview',
      rectifyBy: new Date(rectifyBy).toISOString(),
    });
    expect(inspected.status, JSON.stringify(inspected.body)).toBe(200);
    const clean = await complete('officer.changxing', (await openTask(cb, 'inspection')).id, {
      method: 'inspection',
      areas: SELF_CHECK_AREAS.map((x) => ({ key: x.key, finding: 'ok' })),
    });
    expect(clean.status).toBe(200);
    const order = await waitFor(async () => (await noticesOf(a)).find((n) => n.kind === 'order'), 'the order told to A');
    expect(order).toMatchObject({ caseId: ca, recipientUserId: await accountOf(a) });
    expect(order.title).toContain('责令整改');
    expect(order.body).toContain(finding);
    expect(order.body).toContain(`整改期限 ${shanghaiDate(rectifyBy)}`);
    // The station still hears of it as before.
    expect(
      await h.db.notification.count({
        where: {
          key: `decision:task:${(await h.db.task.findFirstOrThrow({ where: { caseId: ca, type: 'inspection' } })).id}:rectification`,
          recipientRole: 'county_officer',
        },
      }),
    ).toBe(1);
    await waitFor(() => h.db.case.findFirst({ where: { id: cb, currentStep: 'inspection:passed' } }), 'B passed');
    expect((await noticesOf(b)).some((n) => n.kind === 'order')).toBe(false);
    expect((await noticesOf(a)).every((n) => n.caseId === ca)).toBe(true);
  });

  it('reminds each operator of its own open work before the deadline; the station hears of the operators without an account', async () => {
    const [a, b] = await pair('提醒');
    // An operator of the station without an account: staff act for it and hear of its work.
    const uscc = demoUscc(station, randomInt(200_000, 2_000_000));
    const none = await staffAs('officer.changxing').post('/operators', {
      name: `通知提醒丙${Date.now().toString(36)}`,
      uscc,
      kind: 'enterprise',
      jurisdictionId: station,
      registeredOn: '2019-03-01',
      track: 'live_marketing',
    });
    expect(none.status, JSON.stringify(none.body)).toBe(201);
    // Self-check open for ten days, the reminder two days before its end: none until the clock gets there.
    const stages = await openAt('self_check', 'changxing', 10 * DAY);
    const id = await changxing([a.id, b.id, none.body.id], stages, 48);
    const [ca, cb] = [`${id}:${a.id}`, `${id}:${b.id}`];
    const [ta, tb] = [await openTask(ca, 'self_check'), await openTask(cb, 'self_check')];
    expect((await noticesOf(a)).some((n) => n.kind === 'reminder')).toBe(false);
    await h.skip(9 * DAY);
    const ra = await waitFor(async () => (await noticesOf(a)).find((n) => n.kind === 'reminder'), 'A’s reminder');
    const rb = await waitFor(async () => (await noticesOf(b)).find((n) => n.kind === 'reminder'), 'B’s reminder');
    expect(ra).toMatchObject({ caseId: ca, taskId: ta.id, recipientUserId: await accountOf(a) });
    expect(rb).toMatchObject({ caseId: cb, taskId: tb.id, recipientUserId: await accountOf(b) });
    expect(ra.title).toContain('即将截止');
    expect(ra.title).toContain(a.name);
    expect(ra.title).not.toContain(b.name);
    expect((await noticesOf(a)).filter((n) => n.kind === 'reminder')).toHaveLength(1);
    // One for each operator with an account, none for the one without.
    expect(await h.db.notification.count({ where: { campaignId: id, kind: 'reminder', recipientRole: 'operator' } })).toBe(2);
    // The station's own reminder of the stage goes to its officers, not to a role nobody holds.
    const staffReminder = await h.db.notification.findMany({ where: { campaignId: id, kind: 'reminder', recipientUserId: null } });
    expect(staffReminder.length).toBeGreaterThan(0);
    expect(staffReminder.every((n) => n.recipientRole === 'county_officer' && n.jurisdictionId === station)).toBe(true);
  });

  it('sends a 催办 of an operator’s own task to its account by name, and of one without an account to the officers over it', async () => {
    const a = await operatorWithAccount(api, staff['officer.changxing']!, station, `通知催办甲${Date.now().toString(36)}`, { track: 'live_marketing' });
    const noneName = `通知催办乙${Date.now().toString(36)}`;
    const none = await staffAs('officer.changxing').post('/operators', {
      name: noneName,
      uscc: demoUscc(station, randomInt(200_000, 2_000_000)),
      kind: 'enterprise',
      jurisdictionId: station,
      registeredOn: '2019-03-01',
      track: 'live_marketing',
    });
    expect(none.status, JSON.stringify(none.body)).toBe(201);
    const id = await changxing([a.id, none.body.id], await openAt('self_check'));
    const [ta, tn] = [await openTask(`${id}:${a.id}`, 'self_check'), await openTask(`${id}:${none.body.id}`, 'self_check')];
    const reminded = await staffAs('coord.changxing').post('/tasks/remind', { taskIds: [ta.id, tn.id] });
    expect(reminded.status, JSON.stringify(reminded.body)).toBe(200);
    expect(reminded.body).toEqual({ reminded: 2, alreadyToday: 0 });

    // The operator hears it in its portal, from the bureau (not a named officer), and the bureau's webhook too.
    const mine = (await noticesOf(a)).filter((n) => n.kind === 'reminder');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ taskId: ta.id, caseId: `${id}:${a.id}`, recipientRole: 'operator', recipientUserId: await accountOf(a), read: false });
    expect(mine[0]!.title).toContain('催办');
    expect(mine[0]!.body).toContain('市场监管部门提醒您尽快办理');
    await waitFor(async () => hook.got.find((r) => r.delivery === `${mine[0]!.id}:${station}`), 'the 催办 at the webhook', 60_000);
    // The one without an account: the station's officers, who do its work for it, hear it with its name.
    const centre = await staffAs('officer.changxing').get(`/notifications?filter=${enc(JSON.stringify({ campaignId: id, kind: 'reminder' }))}`);
    const forStaff = centre.body.find((n: Notice) => n.taskId === tn.id);
    expect(forStaff).toMatchObject({ recipientRole: 'county_officer', recipientUserId: null });
    expect(forStaff.title).toContain(noneName);
    // Nothing addressed to the role "operator" without a user: nobody would see it.
    expect(await h.db.notification.count({ where: { campaignId: id, recipientRole: 'operator', recipientUserId: null } })).toBe(0);
    // Again the same day: not sent twice.
    expect((await staffAs('coord.changxing').post('/tasks/remind', { taskIds: [ta.id] })).body).toEqual({ reminded: 0, alreadyToday: 1 });
  });

  it('tells a live room of its return, its pre-review passed, its audit and its listing, and the other of its rejection (Zhoushan)', async () => {
    const stamp = Date.now().toString(36);
    const room = (label: string) => operatorWithAccount(api, staff['officer.dinghai']!, '330902', `通知${label}直播间${stamp}`, { kind: 'live_room' });
    const [a, b] = [await room('甲'), await room('乙')];
    const id = await launch('coord.zhoushan', { programme: 'zhoushan', jurisdictionId: '330900', stages: await openAt('application', 'zhoushan') });
    await waitFor(() => h.db.stage.findFirst({ where: { campaignId: id, key: 'application', status: 'open' } }), 'applications open');
    const file = async (o: PortalOperator) => {
      const r = await staffAs('officer.dinghai').post(`/campaigns/${enc(id)}/applications`, { operatorId: o.id, form: APPLICATION_FORM });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.caseId as string;
    };
    const [ca, cb] = [await file(a), await file(b)];
    const missing = '缺少主播培训记录';
    expect(
      (await complete('officer.dinghai', (await openTask(ca, 'pre_review')).id, { decision: 'return', reason: missing, missing: ['主播培训记录'] })).status,
    ).toBe(200);
    expect((await complete('officer.dinghai', (await openTask(cb, 'pre_review')).id, { decision: 'reject', reason: '经营未满一个会计年度' })).status).toBe(200);
    const [returned] = await heard(a, ca, 1, 'the return told to A');
    expect(returned).toMatchObject({ kind: 'returned', body: missing });
    expect(returned!.title).toContain('申报被退回补充材料');
    // The room answers in its portal; the county passes it, the city audits it, it is listed.
    const answer = await as(a).post(`/portal/tasks/${enc((await openTask(ca, 'resubmission')).id)}/complete`, { supplied: '已上传主播培训记录' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect((await complete('officer.dinghai', (await openTask(ca, 'pre_review')).id, { decision: 'pass' })).status).toBe(200);
    const points = BUILT_IN.zhoushan!.defaults.settings.criterionPoints as Record<string, number>;
    expect((await complete('auditor.zhoushan', (await openTask(ca, 'city_audit')).id, { points, vetoes: [] })).status).toBe(200);
    await waitFor(() => h.db.case.findFirst({ where: { id: ca, totalScore: { not: null } } }), 'audited');
    expect((await staffAs('coord.zhoushan').post(`/campaigns/${enc(id)}/stages/application/close`, { reason: '申报截止' })).status).toBe(200);
    const list = await staffAs('coord.zhoushan').post(`/campaigns/${enc(id)}/cultivation-list`, { quota: 1 });
    expect(list.status, JSON.stringify(list.body)).toBe(201);
    const told = await heard(a, ca, 4, 'return, pre-review, audit and listing told to A');
    expect(told.map((n) => n.kind)).toEqual(['returned', 'decision', 'decision', 'decision']);
    expect(told[1]!.title).toContain('初审通过，已上报市局');
    expect(told[2]!.title).toContain('市局审核完成');
    expect(told[3]!.title).toContain('列入名单');
    const [rejected] = await heard(b, cb, 1, 'the rejection told to B');
    expect(rejected).toMatchObject({ kind: 'decision', body: '经营未满一个会计年度' });
    expect(rejected!.title).toContain('初审不通过');
    expect((await noticesOf(b)).map((n) => n.id)).toEqual([rejected!.id]);
    expect((await noticesOf(a)).every((n) => n.caseId === ca)).toBe(true);
  });

  it('tells each operator of its title and its validity, the one revoked of the revocation, the one objected to of the objection upheld', async () => {
    const [a, b] = await pair('称号');
    const c = await operatorWithAccount(api, staff['officer.changxing']!, station, `通知称号丙${Date.now().toString(36)}`, { track: 'live_marketing' });
    const id = await changxing([a.id, b.id, c.id], await openAt('evaluation'));
    const [ca, cb, cc] = [`${id}:${a.id}`, `${id}:${b.id}`, `${id}:${c.id}`];
    const scores = await waitFor(async () => {
      const t = await h.db.task.findMany({ where: { campaignId: id, type: 'score', status: 'open' } });
      return t.length === 15 && t;
    }, 'the score tasks');
    for (const t of scores) expect((await complete('auditor.changxing', t.id, { score: 90 })).status).toBe(200);
    await waitFor(async () => (await h.db.case.count({ where: { campaignId: id, proposed: true } })) === 3, 'all proposed');
    const windowEndsAt = (await h.now()) + 5 * DAY;
    const pub = await staffAs('coord.changxing').post(`/campaigns/${enc(id)}/publicity`, { windowEndsAt: new Date(windowEndsAt).toISOString() });
    expect(pub.status, JSON.stringify(pub.body)).toBe(201);
    // 公示: an objection against C is upheld (changxing 四、（四）); C leaves the list and hears why.
    const objection = await staffAs('coord.changxing').post(`/campaigns/${enc(id)}/objections`, { caseId: cc, source: '来信', content: '反映其销售过期食品' });
    expect(objection.status, JSON.stringify(objection.body)).toBe(201);
    const resolution = '经核查属实，移出公示名单';
    expect((await staffAs('coord.changxing').post(`/objections/${enc(objection.body.id)}/resolve`, { decision: 'upheld', resolution })).status).toBe(200);
    const upheld = await waitFor(async () => (await noticesOf(c)).find((n) => n.caseId === cc), 'the objection told to C');
    expect(upheld).toMatchObject({ kind: 'decision', body: resolution });
    expect(upheld.title).toContain('公示异议成立');
    // The award is taken once the 公示 window is over, not before.
    expect((await staffAs('coord.changxing').post(`/campaigns/${enc(id)}/award`)).status).toBe(409);
    await h.skipTo(windowEndsAt + 1000);
    const award = await staffAs('coord.changxing').post(`/campaigns/${enc(id)}/award`);
    expect(award.status, JSON.stringify(award.body)).toBe(201);
    const grantedA = await waitFor(async () => (await noticesOf(a)).find((n) => n.title.includes('授予称号')), 'A’s title');
    const grantedB = await waitFor(async () => (await noticesOf(b)).find((n) => n.title.includes('授予称号')), 'B’s title');
    const title = await h.db.title.findUniqueOrThrow({ where: { id: ca } });
    expect(grantedA).toMatchObject({ kind: 'decision', caseId: ca });
    expect(grantedA.body).toContain(`有效期至 / valid until ${shanghaiDate(title.expiresAt.getTime())}`);
    expect(grantedB.caseId).toBe(cb);
    const evidence = '直播中销售无证食品，经查属实';
    const revoked = await staffAs('officer.changxing').post(`/titles/${enc(ca)}/revoke`, { ground: 'health_hazard', evidence });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    const told = await waitFor(async () => (await noticesOf(a)).find((n) => n.title.includes('撤销称号')), 'the revocation told to A');
    expect(told).toMatchObject({ kind: 'decision', caseId: ca, body: evidence });
    expect((await noticesOf(b)).map((n) => n.id)).toEqual([grantedB.id]);
    expect((await noticesOf(c)).map((n) => n.id)).toEqual([upheld.id]);
  });
});
