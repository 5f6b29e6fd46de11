// The Zhoushan green live room programme (zhoushan-green-live-room.txt) through the API, on Temporal's
// time-skipping test server (test/helpers-time.ts): eligibility refusals with reasons, county pre-review
// (return and resubmit, reject, overdue escalation at the programme's deadline, reached by skipping time)
// scoped to the operator's county, the city audit with veto items, the cultivation list by quota with
// ties, nomination with both provincial answers, and removal withdrawing a nomination.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { uniqueYear, waitFor } from './helpers.js';
import { startTimeSkippingHarness, type TimeHarness } from './helpers-time.js';
import { startApi, type Api } from './api-helpers.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { demoUscc } from '../prisma/seed.js';
import { BUILT_IN } from '../domain/programmes/index.js';
import { chooseList } from '../activities/application.js';
import { APPLICATION_FORM } from './helpers-zhoushan.js';

let h: TimeHarness;
let api: Api;
const tokens: Record<string, string> = {};
const USERS = ['coord.zhoushan', 'officer.dinghai', 'officer.putuo', 'officer.daishan', 'auditor.zhoushan', 'auditor.dinghai', 'leader.zhoushan'];
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
const get = (user: string, path: string) => api.call('GET', path, { token: tokens[user] });
const enc = encodeURIComponent;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const FORM = APPLICATION_FORM;
const RUBRIC = BUILT_IN.zhoushan.application.rubric.flatMap((g) => g.criteria.map((c) => c.key));
const MAX = BUILT_IN.zhoushan.defaults.settings.criterionPoints;
/** Points per criterion adding up to `total` (taken off the criteria in order). */
const pointsFor = (total: number) => {
  let off = 100 - total;
  return Object.fromEntries(
    RUBRIC.map((k) => {
      const cut = Math.min(off, MAX[k]!);
      off -= cut;
      return [k, MAX[k]! - cut];
    }),
  );
};

async function launch(settings?: object, reminderLeadHours = 0) {
  const r = await post('coord.zhoushan', '/campaigns', {
    programme: 'zhoushan',
    year: await uniqueYear(h.db),
    jurisdictionId: '330900',
    stages: calendarOpenAt('application', 60 * DAY, 'zhoushan', await h.now()),
    reminderLeadHours,
    ...(settings ? { settings } : {}),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  // The survey stage lies in the past: it opens and closes at once, then applications open.
  await waitFor(() => h.db.stage.findFirst({ where: { campaignId: r.body.id, key: 'application', status: 'open' } }), 'application stage open');
  return r.body.id as string;
}
async function file(campaignId: string, officer: string, operatorId: string) {
  const r = await post(officer, `/campaigns/${enc(campaignId)}/applications`, { operatorId, form: FORM });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.caseId as string;
}
const openTask = (caseId: string, type: string) =>
  waitFor(() => h.db.task.findFirst({ where: { caseId, type, status: 'open' }, orderBy: { createdAt: 'desc' } }), `${type} of ${caseId}`);
const complete = (user: string, taskId: string, body: unknown) => post(user, `/tasks/${enc(taskId)}/complete`, body);

describe('Zhoushan green live rooms', () => {
  it('explains every eligibility refusal and files only for the officer’s own county', async () => {
    const id = await launch();
    const path = `/campaigns/${enc(id)}/applications`;
    const recent = { name: '定海新开直播间', uscc: demoUscc('330902', 951), kind: 'streamer', jurisdictionId: '330902', registeredOn: '2025-03-01' };
    const listed = {
      name: '定海失信主体',
      uscc: demoUscc('330902', 952),
      kind: 'ecommerce',
      jurisdictionId: '330902',
      registeredOn: '2019-05-01',
      abnormalListed: true,
      dishonestListed: true,
    };
    const ids: string[] = [];
    for (const o of [recent, listed]) {
      const existing = await h.db.operator.findUnique({ where: { uscc: o.uscc } });
      ids.push(existing?.id ?? (await post('officer.dinghai', '/operators', o)).body.id);
    }
    const tooRecent = await post('officer.dinghai', path, { operatorId: ids[0], form: FORM });
    expect(tooRecent.status).toBe(400);
    expect(tooRecent.body.fields).toEqual([
      expect.objectContaining({ path: 'operatorId.too_recent', messageEn: expect.stringContaining('may apply from 2027-01-01') }),
    ]);
    const onLists = await post('officer.dinghai', path, { operatorId: ids[1], form: FORM });
    expect(onLists.body.fields.map((f: { path: string }) => f.path)).toEqual(['operatorId.abnormal_listed', 'operatorId.dishonest_listed']);
    expect((await post('officer.putuo', path, { operatorId: 'op-zs-001', form: FORM })).status).toBe(403);
    expect((await post('coord.zhoushan', path, { operatorId: 'op-cx-001', form: FORM })).status).toBe(403);
    const unsigned = await post('officer.dinghai', path, { operatorId: 'op-zs-001', form: { ...FORM, complianceStatement: false } });
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.fields[0].path).toBe('form.complianceStatement');
    expect(await h.db.case.count({ where: { campaignId: id } })).toBe(0);
    await file(id, 'officer.dinghai', 'op-zs-001');
    expect((await post('officer.dinghai', path, { operatorId: 'op-zs-001', form: FORM })).status).toBe(409);
    await h.env.client.workflow.getHandle(`campaign-${id}`).terminate('test done');
  });

  it('pre-review stays in the county: return and resubmit (timed), pass to the city auditor, reject, overdue → escalated', async () => {
    const id = await launch(); // the programme's pre-review period (10 days)
    const a = await file(id, 'officer.dinghai', 'op-zs-005');
    const review = await openTask(a, 'pre_review');
    expect(review).toMatchObject({ jurisdictionId: '330902', assigneeRole: 'county_officer' });
    expect((await get('officer.putuo', `/tasks/${enc(review.id)}`)).status).toBe(403);
    expect((await complete('officer.putuo', review.id, { decision: 'pass' })).status).toBe(403);
    expect((await complete('auditor.zhoushan', review.id, { decision: 'pass' })).status).toBe(403);
    expect((await complete('officer.dinghai', review.id, { decision: 'return' })).status).toBe(400);
    expect((await complete('officer.dinghai', review.id, { decision: 'return', reason: '缺少主播资质证书', missing: ['互联网营销师证书'] })).status).toBe(200);
    const resubmission = await openTask(a, 'resubmission');
    expect(resubmission.details).toMatchObject({ missing: ['互联网营销师证书'] });
    expect((await complete('officer.dinghai', resubmission.id, { supplied: '已补交两名主播的证书扫描件' })).status).toBe(200);
    const resubmitted = await waitFor(() => h.db.auditEvent.findFirst({ where: { entityId: a, action: 'application.resubmitted' } }), 'resubmission recorded');
    expect(resubmitted.data).toMatchObject({ round: 1, elapsedMs: expect.any(Number), returnedAt: expect.any(Number), resubmittedAt: expect.any(Number) });
    const second = await openTask(a, 'pre_review');
    expect(second.id).toBe(`${a}:pre_review#2`);
    expect((await complete('officer.dinghai', second.id, { decision: 'pass' })).status).toBe(200);

    // Reported to the city: the city auditor's task, not a county auditor's.
    const audit = await openTask(a, 'city_audit');
    expect(audit).toMatchObject({ jurisdictionId: '330900', assigneeRole: 'auditor' });
    expect((await complete('auditor.dinghai', audit.id, { points: pointsFor(90), vetoes: [] })).status).toBe(403);
    expect((await complete('officer.dinghai', audit.id, { points: pointsFor(90), vetoes: [] })).status).toBe(403);
    const over = await complete('auditor.zhoushan', audit.id, { points: { ...pointsFor(90), lawful: 10 }, vetoes: [] });
    expect(over.status).toBe(400);
    expect(over.body.messageEn).toMatch(/lawful: at most 9/);
    expect((await complete('auditor.zhoushan', audit.id, { points: pointsFor(90), vetoes: [], total: 100 })).status).toBe(400);

    // Rejected with its reason; and one left alone past the county's deadline is escalated to the city.
    const b = await file(id, 'officer.putuo', 'op-zs-002');
    expect(
      (await complete('officer.putuo', (await openTask(b, 'pre_review')).id, { decision: 'reject', reason: '直播间设于居民楼楼道，不符合场所要求' })).status,
    ).toBe(200);
    expect(await waitFor(() => h.db.case.findFirst({ where: { id: b, excludedKind: 'rejected' } }), 'rejected')).toMatchObject({
      excludedReason: '直播间设于居民楼楼道，不符合场所要求',
    });
    const c = await file(id, 'officer.dinghai', 'op-zs-009');
    const late = await openTask(c, 'pre_review');
    expect(late.dueAt.getTime() - (await h.now())).toBeGreaterThan(9 * DAY);
    await h.skipTo(late.dueAt.getTime() - MINUTE);
    expect(await h.db.task.count({ where: { caseId: c, type: 'escalation' } })).toBe(0);
    await h.skipTo(late.dueAt.getTime());
    const escalation = await waitFor(() => h.db.task.findFirst({ where: { caseId: c, type: 'escalation' } }), 'escalation');
    expect(escalation).toMatchObject({ assigneeRole: 'coordinator', jurisdictionId: '330900' });
    expect(await h.db.task.findUniqueOrThrow({ where: { id: late.id } })).toMatchObject({ status: 'open', overdue: true });
    expect((await h.db.auditEvent.findFirstOrThrow({ where: { entityId: late.id, action: 'task.overdue' } })).clause).toContain('舟山方案');
    await h.env.client.workflow.getHandle(`campaign-${id}`).terminate('test done');
  });

  it('reminds the county before its pre-review falls due, escalates to the city at the due time, and a week on to the leaders above', async () => {
    // The campaign's reminder lead: two days before a task falls due.
    const id = await launch(undefined, 48);
    const c = await file(id, 'officer.dinghai', 'op-zs-013');
    const review = await openTask(c, 'pre_review');
    const due = review.dueAt.getTime();
    const notices = (kind: string) => h.db.notification.findMany({ where: { taskId: review.id, kind }, orderBy: { createdAt: 'asc' } });

    await h.skipTo(due - 2 * DAY - MINUTE);
    expect(await notices('reminder')).toEqual([]);
    await h.skipTo(due - 2 * DAY + MINUTE);
    const [reminder] = await waitFor(async () => {
      const n = await notices('reminder');
      return n.length > 0 && n;
    }, 'the reminder');
    expect(reminder).toMatchObject({ recipientRole: 'county_officer', jurisdictionId: '330902', title: expect.stringContaining('即将到期') });
    // The county's officers see it in their bell; another county's do not.
    const bell = async (user: string) => (await get(user, '/notifications?range=[0,99]')).body.map((n: { id: string }) => n.id);
    expect(await bell('officer.dinghai')).toContain(String(reminder!.id));
    expect(await bell('officer.putuo')).not.toContain(String(reminder!.id));

    // Due: overdue, escalated to the city's coordinators; a week on, still open: the leaders above the county.
    await h.skipTo(due + MINUTE);
    await waitFor(() => h.db.task.findFirst({ where: { caseId: c, type: 'escalation', assigneeRole: 'coordinator', jurisdictionId: '330900' } }), 'escalation');
    await h.skipTo(due + 7 * DAY - MINUTE);
    expect(await h.db.notification.count({ where: { taskId: review.id, recipientRole: 'leader' } })).toBe(0);
    await h.skipTo(due + 7 * DAY + MINUTE);
    const toLeaders = await waitFor(() => h.db.notification.findFirst({ where: { taskId: review.id, recipientRole: 'leader' } }), 'the leaders told');
    expect(toLeaders).toMatchObject({ kind: 'escalation', jurisdictionId: '330900' });
    expect(await bell('leader.zhoushan')).toContain(String(toLeaders.id));
    const trail = await h.db.auditEvent.findMany({ where: { entityId: review.id }, orderBy: { id: 'asc' } });
    expect(trail.map((e) => e.action)).toEqual(['task.created', 'task.due_reminder', 'task.overdue', 'task.escalated']);
    expect(trail[3]!.clause).toContain('舟山方案');
    // Each once, however long the task stays open.
    await h.skipTo(due + 30 * DAY);
    expect(await h.db.notification.count({ where: { taskId: review.id, kind: { in: ['reminder', 'escalation'] } } })).toBe(2);
    // A pre-review done before its reminder gets none.
    const d = await file(id, 'officer.dinghai', 'op-zs-017');
    const done = await openTask(d, 'pre_review');
    expect((await complete('officer.dinghai', done.id, { decision: 'pass' })).status).toBe(200);
    await h.skipTo(done.dueAt.getTime() - DAY);
    expect(await h.db.notification.count({ where: { taskId: done.id, kind: 'reminder' } })).toBe(0);
    // The case's history, reminder and chain and all, replays against the workflow code.
    const history = await h.env.client.workflow.getHandle(`case-${c}`).fetchHistory();
    for await (const replayed of Worker.runReplayHistories({ workflowBundle: { codePath: inject('workflowBundlePath') } }, [
      { workflowId: `case-${c}`, history },
    ]))
      expect(replayed.error).toBeUndefined();
    await h.env.client.workflow.getHandle(`campaign-${id}`).terminate('test done');
  });

  it('audits with vetoes, lists by quota with ties, nominates, records both provincial answers, and removes', async () => {
    const id = await launch();
    const cid = enc(id);
    const applicants: [string, string, number, string[]][] = [
      ['officer.dinghai', 'op-zs-001', 90, []],
      ['officer.putuo', 'op-zs-002', 85, []],
      ['officer.daishan', 'op-zs-003', 85, []],
      ['officer.dinghai', 'op-zs-005', 70, []],
      ['officer.putuo', 'op-zs-006', 95, ['banned_category']],
    ];
    const cases: string[] = [];
    for (const [officer, op, points, vetoes] of applicants) {
      const caseId = await file(id, officer, op);
      cases.push(caseId);
      expect((await complete(officer, (await openTask(caseId, 'pre_review')).id, { decision: 'pass' })).status).toBe(200);
      expect((await complete('auditor.zhoushan', (await openTask(caseId, 'city_audit')).id, { points: pointsFor(points), vetoes })).status).toBe(200);
    }
    const vetoed = await waitFor(() => h.db.case.findFirst({ where: { id: cases[4], excludedKind: 'vetoed' } }), 'veto');
    expect(vetoed).toMatchObject({ totalScore: 95, proposed: false });
    expect(vetoed.excludedReason).toContain('销售禁限售商品或服务');

    // The list: after applications close; only by the city's coordinator; ties at the quota all go in.
    expect((await post('coord.zhoushan', `/campaigns/${cid}/cultivation-list`, { quota: 2 })).status).toBe(409);
    expect((await post('coord.zhoushan', `/campaigns/${cid}/stages/application/close`, { reason: '申报截止' })).status).toBe(200);
    expect((await post('officer.dinghai', `/campaigns/${cid}/cultivation-list`, { quota: 2 })).status).toBe(403);
    const list = await post('coord.zhoushan', `/campaigns/${cid}/cultivation-list`, { quota: 2 });
    expect(list.status, JSON.stringify(list.body)).toBe(201);
    expect(list.body.entries.map((e: { caseId: string; rank: number; totalScore: number }) => [e.caseId, e.rank, e.totalScore])).toEqual([
      [cases[0], 1, 90],
      [cases[1], 2, 85],
      [cases[2], 2, 85],
    ]);
    expect((await post('coord.zhoushan', `/campaigns/${cid}/cultivation-list`, { quota: 3 })).status).toBe(409);
    expect(await waitFor(() => h.db.case.findFirst({ where: { id: cases[3], currentStep: 'not_listed' } }), 'not listed')).toBeTruthy();

    // Nomination and the province's answers, whenever they come.
    const [a, b, c] = cases.map(enc) as [string, string, string];
    await waitFor(
      async () => (await h.db.listing.count({ where: { campaignId: id } })) === 3 && (await get('coord.zhoushan', `/listings/${a}`)).status === 200,
      'listings',
    );
    expect((await post('officer.dinghai', `/listings/${a}/nominate`)).status).toBe(403);
    for (const x of [a, b, c]) expect((await post('coord.zhoushan', `/listings/${x}/nominate`)).body.nomination).toBe('pending');
    expect((await post('coord.zhoushan', `/listings/${a}/nominate`)).status).toBe(409);
    expect(
      (await post('coord.zhoushan', `/listings/${a}/province-answer`, { accepted: true, note: '列入省级培育名单（浙市监函〔2024〕xx号）' })).body.nomination,
    ).toBe('accepted');
    expect((await post('coord.zhoushan', `/listings/${b}/province-answer`, { accepted: false, note: '本批次名额已满' })).body.nomination).toBe('declined');
    expect((await post('coord.zhoushan', `/listings/${b}/province-answer`, { accepted: true, note: '再议' })).status).toBe(409);

    // Removal withdraws a pending nomination; a serious monitoring finding removes too.
    const removed = await post('coord.zhoushan', `/listings/${c}/remove`, { reason: '直播中虚构“全网最低价”，情节严重' });
    expect(removed.body).toMatchObject({ status: 'removed', nomination: 'withdrawn', removedById: 'u-coord-zhoushan' });
    expect((await post('officer.putuo', `/listings/${a}/findings`, { description: 'x', serious: false })).status).toBe(403);
    expect((await post('officer.dinghai', `/listings/${a}/findings`, { description: '抽检发现商品标签不规范', serious: false })).body).toMatchObject({
      status: 'listed',
      findings: 1,
    });
    await post('officer.dinghai', `/listings/${a}/findings`, { description: '销售假冒注册商标商品', serious: true });
    expect(await waitFor(() => h.db.listing.findFirst({ where: { id: cases[0], status: 'removed' } }), 'removed on a serious finding')).toMatchObject({
      removedReason: '严重违法：销售假冒注册商标商品',
      nomination: 'accepted',
    });

    const counts = await get('leader.zhoushan', `/campaigns/${cid}/application-counts`);
    expect(
      counts.body.counties.map((x: { jurisdictionId: string; total: number; listed: number; removed: number; vetoed: number; not_listed: number }) => [
        x.jurisdictionId,
        x.total,
        x.listed,
        x.removed,
        x.vetoed,
        x.not_listed,
      ]),
    ).toEqual([
      ['330902', 2, 0, 1, 0, 1],
      ['330903', 2, 1, 0, 1, 0],
      ['330921', 1, 0, 1, 0, 0],
    ]);
    const trail = await h.db.auditEvent.findMany({
      where: {
        campaignId: id,
        action: {
          in: [
            'application.filed',
            'application.reported',
            'case.audited',
            'case.audit_vetoed',
            'case.listed',
            'listing.nominated',
            'listing.province_accepted',
            'listing.removed',
          ],
        },
      },
    });
    expect(trail.every((e) => e.clause?.startsWith('舟山方案'))).toBe(true);
    await h.env.client.workflow.getHandle(`campaign-${id}`).terminate('test done');
  });

  it('chooses the list by threshold, by quota, or both, keeping ties at the cut together', () => {
    const c = [95, 90, 85, 85, 80, 60].map((totalScore, i) => ({ id: `c${i}`, totalScore }));
    const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
    expect(ids(chooseList(c, 85))).toEqual(['c0', 'c1', 'c2', 'c3']);
    expect(ids(chooseList(c, undefined, 3))).toEqual(['c0', 'c1', 'c2', 'c3']);
    expect(ids(chooseList(c, 86, 3))).toEqual(['c0', 'c1']);
    expect(chooseList(c, undefined, 4).map((x) => x.rank)).toEqual([1, 2, 3, 3]);
  });
});
