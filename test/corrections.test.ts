// Corrections (README "Corrections"; DOMAIN.md "Correction": a later decision that amends a completed one,
// both kept), per decision type, through the REST API on Temporal's time-skipping test server: a coordinator
// amends or reopens a Changxing score (the total and proposal are recomputed, the 公示 waits for a reopened
// score, and once the 公示 is published a correction is refused, but for a score amended with a new 公示 that
// supersedes it, until the award is final) and a station's self-check review (the
// operator's next round opens, is cancelled, or opens again) and a Zhoushan city audit (amended: the total at
// once; reopened: the list waits for the auditor, and the case is decided again; refused once the list is
// published) and an inspection finding (an order not yet due withdrawn or given; reopened and inspected
// again; refused once its verification has begun, and for a case filed for a serious violation) and a
// Zhoushan pre-review (what it opened, the applicant's answer or the city audit, withdrawn and the case
// decided again; refused once answered or audited). Every refusal changes nothing; each case's history, corrections and all, replays.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { SELF_CHECK_AREAS } from '../domain/self-check.js';
import { uniqueYear, waitFor } from './helpers.js';
import { startTimeSkippingHarness, type TimeHarness } from './helpers-time.js';
import { startApi, type Api } from './api-helpers.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { APPLICATION_FORM } from './helpers-zhoushan.js';
import { BUILT_IN } from '../domain/programmes/index.js';

let h: TimeHarness;
let api: Api;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  h = await startTimeSkippingHarness();
  api = await startApi(h);
  for (const u of [
    'coord.changxing',
    'coord.zhoushan',
    'officer.zhicheng',
    'officer.changxing',
    'auditor.changxing',
    'leader.changxing',
    'officer.dinghai',
    'auditor.zhoushan',
  ])
    tokens[u] = await api.login(u);
});
afterAll(async () => {
  await api?.close();
  await h?.stop();
});

const DAY = 86_400_000;
const post = (user: string, path: string, body?: unknown) => api.call('POST', path, { token: tokens[user]!, body });
const correct = (user: string, taskId: string, body: unknown) => post(user, `/tasks/${encodeURIComponent(taskId)}/corrections`, body);
const complete = (user: string, taskId: string, body: unknown) => post(user, `/tasks/${encodeURIComponent(taskId)}/complete`, body);

async function launch(openKey: string, operatorIds?: string[], programme = 'changxing') {
  const [coord, jurisdictionId] = programme === 'changxing' ? ['coord.changxing', '330522'] : ['coord.zhoushan', '330900'];
  const r = await post(coord, '/campaigns', {
    programme,
    year: await uniqueYear(h.db),
    jurisdictionId,
    stages: calendarOpenAt(openKey, 60 * DAY, programme, await h.now()),
    reminderLeadHours: 0,
    ...(operatorIds ? { operatorIds } : {}),
    // One auditor scores every dimension here (evaluation groups: test/evaluation-groups.test.ts).
    ...(programme === 'changxing' ? { settings: { multiDimensionScorers: true } } : {}),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

/** Everything a refusal must leave as it was: the task, the case, and the audit trail's corrections. */
async function snapshot(taskId: string) {
  const t = await h.db.task.findUniqueOrThrow({ where: { id: taskId } });
  const c = await h.db.case.findUniqueOrThrow({ where: { id: t.caseId! } });
  return {
    task: { status: t.status, result: t.result, completedById: t.completedById },
    case: { totalScore: c.totalScore, proposed: c.proposed, currentStep: c.currentStep },
    // This campaign's: other files record corrections at the same time.
    corrections: await h.db.auditEvent.count({ where: { action: 'task.corrected', campaignId: t.campaignId } }),
    tasks: await h.db.task.count({ where: { caseId: t.caseId } }),
  };
}

/** The cases' histories, corrections and all, replay against the current workflow code (determinism). */
async function replays(caseIds: string[]) {
  const histories = await Promise.all(
    caseIds.map(async (id) => ({ workflowId: `case-${id}`, history: await h.env.client.workflow.getHandle(`case-${id}`).fetchHistory() })),
  );
  const results = [];
  for await (const r of Worker.runReplayHistories({ workflowBundle: { codePath: inject('workflowBundlePath') } }, histories)) results.push(r);
  expect(results.filter((r) => r.error)).toEqual([]);
  expect(results).toHaveLength(caseIds.length);
}

/**
 * A Changxing campaign in 评价公示 with two cases, op-cx-001 (a) and op-cx-002 (b), all five groups scoring
 * 90: both proposed. `dim` is the score task of a case's dimension.
 */
async function scoredAt90() {
  const id = await launch('evaluation', ['op-cx-001', 'op-cx-002']);
  const [a, b] = [`${id}:op-cx-001`, `${id}:op-cx-002`];
  const scoreTasks = await waitFor(async () => {
    const t = await h.db.task.findMany({ where: { campaignId: id, type: 'score' }, orderBy: { id: 'asc' } });
    return t.length === 10 && t;
  }, 'score tasks');
  for (const t of scoreTasks) expect((await complete('auditor.changxing', t.id, { score: 90 })).status).toBe(200);
  await waitFor(async () => (await h.db.case.count({ where: { campaignId: id, proposed: true, totalScore: 90 } })) === 2, 'both totals 90');
  const dim = (caseId: string, d: string) => scoreTasks.find((t) => t.caseId === caseId && (t.details as { dimension: string }).dimension === d)!.id;
  return { id, a, b, dim };
}

describe('corrections', () => {
  it('corrects a Changxing score before the 公示: the total and proposal change; after it, refused', async () => {
    const { id, a, b, dim } = await scoredAt90();
    const aDept = dim(a, 'department');

    // Refusals, each changing nothing: an officer (role), another county's coordinator (jurisdiction), a score
    // out of range, a missing reason, a task still open.
    const before = await snapshot(aDept);
    const amend = { reason: '部门评价录入错误，应为 70 分', result: { score: 70 } };
    expect((await correct('officer.zhicheng', aDept, amend)).status).toBe(403);
    expect((await correct('auditor.changxing', aDept, amend)).status).toBe(403);
    expect((await correct('coord.zhoushan', aDept, amend)).status).toBe(403);
    const bad = await correct('coord.changxing', aDept, { reason: '更正', result: { score: 101 } });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { path: string }) => f.path)).toEqual(['score']);
    expect((await correct('coord.changxing', aDept, { reason: ' ', reopen: true })).status).toBe(400);
    expect((await correct('coord.changxing', aDept, { reason: '更正', result: { score: 70 }, reopen: true })).status).toBe(400);
    expect(await snapshot(aDept)).toEqual(before);

    // Amended: 70·0.4 + 90·0.3 + 9 + 9 + 9 = 82, below 85: no longer proposed.
    const amended = await correct('coord.changxing', aDept, amend);
    expect(amended.status, JSON.stringify(amended.body)).toBe(201);
    expect(amended.body).toMatchObject({ taskId: aDept, status: 'done', seq: 1, totalE4: 820_000, proposed: false, task: { result: { score: 70 } } });
    expect(await h.db.case.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ totalScore: 82, proposed: false, currentStep: 'scored:below_threshold' });
    // The audit trail keeps the original completion and adds the correction with its reason, before and after.
    // (Claims are the inbox's own entries: submitting an unclaimed task claims it.)
    const trail = await h.db.auditEvent.findMany({ where: { entityId: aDept, action: { not: 'task.claimed' } }, orderBy: { at: 'asc' } });
    expect(trail.map((e) => e.action)).toEqual(['task.created', 'task.completed', 'task.corrected']);
    expect(trail[1]!.data).toMatchObject({ result: { score: 90 } });
    expect(trail[2]).toMatchObject({
      actorId: 'u-coord-changxing',
      reason: amend.reason,
      data: { kind: 'amended', before: { score: 90 }, after: { score: 70 }, totalScore: 82, proposed: false },
    });

    // Reopened: open again for the evaluation group, unclaimed; no total, so the 公示 waits for it.
    const bSocial = dim(b, 'social');
    const reopened = await correct('leader.changxing', bSocial, { reason: '社会评价须重新核实', reopen: true });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(201);
    expect(reopened.body).toMatchObject({ status: 'open', proposed: false, task: { status: 'open', result: null, completedById: null, claimedById: null } });
    expect(await h.db.case.findUniqueOrThrow({ where: { id: b } })).toMatchObject({ totalScore: null, proposed: false, currentStep: 'score:open' });
    const windowEndsAt = new Date((await h.now()) + 5 * DAY).toISOString();
    const early = await post('coord.changxing', `/campaigns/${encodeURIComponent(id)}/publicity`, { windowEndsAt });
    expect(early.status).toBe(409);
    expect(early.body.messageZh).toContain('未完成评分');
    // An open task is completed, not corrected.
    expect((await correct('coord.changxing', bSocial, { reason: '再改', result: { score: 10 } })).status).toBe(409);
    // Scored again: 36 + 27 + 9 + 9 + 3 = 84, below the threshold; both completions kept.
    expect((await complete('auditor.changxing', bSocial, { score: 30 })).status).toBe(200);
    const bCase = await waitFor(async () => {
      const c = await h.db.case.findUniqueOrThrow({ where: { id: b } });
      return c.totalScore !== null && c;
    }, 'b rescored');
    expect(bCase).toMatchObject({ totalScore: 84, proposed: false });
    expect(await h.db.auditEvent.count({ where: { entityId: bSocial, action: 'task.completed' } })).toBe(2);
    expect(await h.db.auditEvent.count({ where: { entityId: b, action: 'case.scored' } })).toBe(2);

    // A second correction of the same task: a's department back to 90, proposed again.
    const back = await correct('coord.changxing', aDept, { reason: '复核后恢复原分', result: { score: 90 } });
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ seq: 2, totalE4: 900_000, proposed: true });

    // The 公示 lists the proposal as corrected; after it, a correction is refused with the reason, changing nothing.
    const pub = await post('coord.changxing', `/campaigns/${encodeURIComponent(id)}/publicity`, { windowEndsAt });
    expect(pub.status, JSON.stringify(pub.body)).toBe(201);
    expect(pub.body.entries.map((e: { caseId: string }) => e.caseId)).toEqual([a]);
    const published = await snapshot(aDept);
    const late = await correct('coord.changxing', aDept, { reason: '公示后发现', result: { score: 60 } });
    expect(late.status).toBe(409);
    expect(late.body.messageZh).toMatch(/^「公示」名单已于 \d{4}-\d\d-\d\d \d\d:\d\d 发布，其中的结论不能再更正；评分可勾选「更正后重新公示」/);
    expect(late.body.messageEn).toContain('its decisions can no longer be corrected');
    const lateReopen = await correct('coord.changxing', dim(a, 'social'), { reason: '公示后发现', reopen: true });
    expect(lateReopen.status).toBe(409);
    expect(await snapshot(aDept)).toEqual(published);
    expect((await h.db.task.findUniqueOrThrow({ where: { id: dim(a, 'social') } })).status).toBe('done');
    expect(await h.db.case.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ totalScore: 90, proposed: true });
    await replays([a, b]);
    await h.env.client.workflow.getHandle(`campaign-${id}`).terminate('test done');
  });

  it('after the 公示, corrects a score only with a new 公示 that supersedes it; once the award is final, not at all', async () => {
    const { id, a, b, dim } = await scoredAt90();
    const enc = encodeURIComponent;
    const aDept = dim(a, 'department');
    const amend = { reason: '公示期间收到举报，部门评价应为 70 分', result: { score: 70 } };

    // Asked for before any 公示: there is nothing to supersede.
    const windowEndsAt = new Date((await h.now()) + 5 * DAY).toISOString();
    const tooSoon = await correct('coord.changxing', aDept, { ...amend, republish: { windowEndsAt } });
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.body.messageZh).toContain('尚未发布');
    const first = await post('coord.changxing', `/campaigns/${enc(id)}/publicity`, { windowEndsAt });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.entries.map((e: { caseId: string }) => e.caseId).sort()).toEqual([a, b]);

    // Refusals, each changing nothing: no new 公示 asked for; a leader (publishing is the coordinators'); a
    // reopened score; a window past the campaign's end.
    const before = await snapshot(aDept);
    expect((await correct('coord.changxing', aDept, amend)).status).toBe(409);
    expect((await correct('leader.changxing', aDept, { ...amend, republish: { windowEndsAt } })).status).toBe(403);
    expect((await correct('coord.changxing', aDept, { reason: '重评', reopen: true, republish: { windowEndsAt } })).status).toBe(400);
    const tooLate = await correct('coord.changxing', aDept, { ...amend, republish: { windowEndsAt: new Date((await h.now()) + 400 * DAY).toISOString() } });
    expect(tooLate.status).toBe(400);
    expect(tooLate.body.messageZh).toContain('公示须在活动结束');
    expect(await snapshot(aDept)).toEqual(before);

    // Corrected with a new 公示: a falls below 85 and leaves the list; the new list supersedes the first, with its own window.
    const secondEnds = (await h.now()) + 7 * DAY;
    const corrected = await correct('coord.changxing', aDept, { ...amend, republish: { windowEndsAt: new Date(secondEnds).toISOString() } });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(201);
    expect(corrected.body).toMatchObject({ seq: 1, totalE4: 820_000, proposed: false, publicity: { kind: 'publicity', seq: 2 } });
    const rosters = await h.db.roster.findMany({ where: { campaignId: id, kind: 'publicity' }, orderBy: { seq: 'asc' } });
    expect(rosters.map((r) => (r.entries as { caseId: string }[]).map((e) => e.caseId))).toEqual([[a, b].sort(), [b]]);
    expect(rosters[1]!.windowEndsAt!.getTime()).toBe(secondEnds);
    expect((await h.db.auditEvent.findFirstOrThrow({ where: { entityId: rosters[1]!.id, action: 'roster.published' } })).data).toMatchObject({
      supersedes: rosters[0]!.id,
      reason: amend.reason,
    });
    // Both publications stay in the trail; the first, superseded, is marked so where rosters are listed.
    const listed = await api.call('GET', `/rosters?${new URLSearchParams({ filter: JSON.stringify({ campaignId: id, kind: 'publicity' }) })}`, {
      token: tokens['coord.changxing']!,
    });
    expect(listed.body.map((r: { seq: number; superseded: boolean }) => [r.seq, r.superseded]).sort()).toEqual([
      [1, true],
      [2, false],
    ]);
    // The public page takes objections to the new list only; the superseded one says so.
    const objection = { name: '张先生', contact: '13800000000', entryRef: 1, reason: '该直播间近期仍有虚假宣传，请核实' };
    const toOld = await api.call('POST', `/public/rosters/${enc(rosters[0]!.id)}/objections`, { body: objection });
    expect(toOld.status).toBe(409);
    expect(toOld.body.messageZh).toContain('取代');
    for (const [roster, open] of [
      [rosters[0]!, false],
      [rosters[1]!, true],
    ] as const)
      expect((await api.call('GET', `/public/rosters/${enc(roster.id)}`)).body).toMatchObject({ objectionsOpen: open, superseded: !open });

    // The award waits for the new window; after it the title goes to b alone.
    await h.skipTo(Date.parse(windowEndsAt) + 60_000);
    const early = await post('coord.changxing', `/campaigns/${enc(id)}/award`);
    expect(early.status).toBe(409);
    expect(early.body.messageZh).toContain('公示期至');
    await h.skipTo(secondEnds + 60_000);
    const award = await post('coord.changxing', `/campaigns/${enc(id)}/award`);
    expect(award.status, JSON.stringify(award.body)).toBe(201);
    await waitFor(async () => (await h.db.title.findMany({ where: { campaignId: id } })).map((t) => t.caseId).join() === b, 'b’s title alone');

    // Final: a correction is refused, with or without a new 公示.
    const bDept = dim(b, 'department');
    const final = await correct('coord.changxing', bDept, { reason: '授予后发现', result: { score: 60 }, republish: {} });
    expect(final.status).toBe(409);
    expect(final.body.messageZh).toContain('不能再更正');
    expect(await h.db.case.findUniqueOrThrow({ where: { id: b } })).toMatchObject({ totalScore: 90, proposed: true });
    await replays([a, b]);
    const campaignHistory = { workflowId: `campaign-${id}`, history: await h.env.client.workflow.getHandle(`campaign-${id}`).fetchHistory() };
    for await (const r of Worker.runReplayHistories({ workflowBundle: { codePath: inject('workflowBundlePath') } }, [campaignHistory]))
      expect(r.error).toBeUndefined();
    await h.env.client.workflow.getHandle(`campaign-${id}`).terminate('test done');
  });

  it('republishes a 公示 on its own, finishing a correction whose new 公示 was not published; refused with reasons', async () => {
    const { id, a, b, dim } = await scoredAt90();
    const enc = encodeURIComponent;
    const republish = (user: string, body: unknown) => post(user, `/campaigns/${enc(id)}/publicity/republish`, body);
    const windowEndsAt = new Date((await h.now()) + 5 * DAY).toISOString();
    const reason = '部门评价更正后，重新公示';
    expect((await republish('coord.changxing', { reason, windowEndsAt })).body.messageZh).toContain('尚未公示');
    expect((await post('coord.changxing', `/campaigns/${enc(id)}/publicity`, { windowEndsAt })).status).toBe(201);

    // The correction's first half alone, as an API that died before publishing the new 公示 leaves it.
    const aDept = await h.db.task.findUniqueOrThrow({ where: { id: dim(a, 'department') } });
    await h.env.client.workflow.getHandle(aDept.workflowId).executeUpdate('correctTask', {
      args: [{ taskId: aDept.id, actor: { userId: 'u-coord-changxing', role: 'coordinator' }, reason, result: { score: 70 }, supersedesPublicity: true }],
    });
    expect(await h.db.case.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ totalScore: 82, proposed: false });

    // Refusals, each publishing nothing: a leader; no reason; a window past the campaign's end.
    const lists = () => h.db.roster.count({ where: { campaignId: id, kind: 'publicity' } });
    expect((await republish('leader.changxing', { reason, windowEndsAt })).status).toBe(403);
    const noReason = await republish('coord.changxing', { windowEndsAt });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields).toEqual([expect.objectContaining({ path: 'reason' })]);
    const tooLate = await republish('coord.changxing', { reason, windowEndsAt: new Date((await h.now()) + 400 * DAY).toISOString() });
    expect(tooLate.status).toBe(400);
    expect(tooLate.body.messageZh).toContain('公示须在活动结束');
    expect(await lists()).toBe(1);

    // The new 公示 lists b alone and supersedes the first, with the reason in the trail.
    const second = await republish('coord.changxing', { reason, days: 7 });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body).toMatchObject({ kind: 'publicity', seq: 2 });
    expect(second.body.entries.map((e: { caseId: string }) => e.caseId)).toEqual([b]);
    const first = await h.db.roster.findFirstOrThrow({ where: { campaignId: id, kind: 'publicity', seq: 1 } });
    expect((await h.db.auditEvent.findFirstOrThrow({ where: { entityId: second.body.id, action: 'roster.published' } })).data).toMatchObject({
      supersedes: first.id,
      reason,
    });
    await h.env.client.workflow.getHandle(`campaign-${id}`).terminate('test done');
  });

  it('corrects a self-check review: returned opens the next round, accepted cancels it, reopened opens the same round again', async () => {
    const id = await launch('self_check', ['op-cx-001']);
    const c = `${id}:op-cx-001`;
    const check = await waitFor(() => h.db.task.findFirst({ where: { caseId: c, type: 'self_check', status: 'open' } }), 'the self-check');
    const areas = SELF_CHECK_AREAS.map((x) => ({ key: x.key, finding: 'compliant' }));
    expect((await complete('officer.zhicheng', check.id, { areas })).status).toBe(200);
    const review = await waitFor(() => h.db.task.findFirst({ where: { caseId: c, type: 'self_check_review', status: 'open' } }), 'the review');
    expect((await complete('officer.zhicheng', review.id, { decision: 'accepted' })).status).toBe(200);
    const round2 = `${c}:self_check:self_check#2`;

    // A "returned" without its reason is not a valid result: 400, nothing changed.
    const before = await snapshot(review.id);
    expect((await correct('coord.changxing', review.id, { reason: '材料不全', result: { decision: 'returned' } })).status).toBe(400);
    expect((await correct('officer.zhicheng', review.id, { reason: '材料不全', reopen: true })).status).toBe(403);
    expect(await snapshot(review.id)).toEqual(before);

    // Accepted → returned: the operator's next round opens with the reason.
    const returned = await correct('coord.changxing', review.id, {
      reason: '复核发现第三项无佐证',
      result: { decision: 'returned', note: '请补充第三项佐证' },
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(201);
    const next = await waitFor(() => h.db.task.findFirst({ where: { id: round2, status: 'open' } }), 'round 2 opened');
    expect(next).toMatchObject({ assigneeRole: 'operator', details: expect.objectContaining({ returnedBecause: '请补充第三项佐证' }) });

    // Returned → accepted: that round, not yet submitted, is cancelled.
    const accepted = await correct('coord.changxing', review.id, { reason: '佐证已在档案中', result: { decision: 'accepted' } });
    expect(accepted.status).toBe(201);
    expect((await h.db.task.findUniqueOrThrow({ where: { id: round2 } })).status).toBe('cancelled');
    expect((await h.db.case.findUniqueOrThrow({ where: { id: c } })).currentStep).toBe('self_check:accepted');

    // Reopened: the station's officers review again; returning it opens round 2 again (the same task).
    const reopened = await correct('coord.changxing', review.id, { reason: '请所里重新审核', reopen: true });
    expect(reopened.status).toBe(201);
    expect(await h.db.task.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({ status: 'open', assigneeRole: 'county_officer', result: null });
    expect((await complete('officer.zhicheng', review.id, { decision: 'returned', note: '第三项无佐证' })).status).toBe(200);
    await waitFor(async () => (await h.db.task.findUniqueOrThrow({ where: { id: round2 } })).status === 'open', 'round 2 open again');
    const trail = await h.db.auditEvent.findMany({ where: { entityId: review.id, action: { not: 'task.claimed' } }, orderBy: { at: 'asc' } });
    expect(trail.map((e) => e.action)).toEqual(['task.created', 'task.completed', 'task.corrected', 'task.corrected', 'task.corrected', 'task.completed']);
    expect(trail.slice(2, 5).map((e) => (e.data as { kind: string }).kind)).toEqual(['amended', 'amended', 'reopened']);

    // Once the operator has submitted that round, the review that asked for it can no longer be corrected.
    expect((await complete('officer.zhicheng', round2, { areas })).status).toBe(200);
    const settled = await snapshot(review.id);
    const refused = await correct('coord.changxing', review.id, { reason: '再改', result: { decision: 'accepted' } });
    expect(refused.status).toBe(409);
    expect(refused.body.messageZh).toBe('经营主体已提交下一轮自查，本次审核不能再更正');
    expect(await snapshot(review.id)).toEqual(settled);
    // A decision type not (yet) correctable: the self-check itself.
    expect((await correct('coord.changxing', check.id, { reason: '更正', reopen: true })).status).toBe(409);
    await replays([c]);
    await h.env.client.workflow.getHandle(`campaign-${id}`).terminate('test done');
  });

  it('corrects an inspection finding until its verification begins: an order withdrawn or given, the inspection redone; a filing refused', async () => {
    const ops = ['op-cx-001', 'op-cx-002', 'op-cx-003', 'op-cx-004'];
    const id = await launch('rectification', ops);
    const [a, b, c, d] = ops.map((o) => `${id}:${o}`) as [string, string, string, string];
    const inspectionOf = (caseId: string) => waitFor(() => h.db.task.findFirst({ where: { caseId, type: 'inspection' } }), 'the inspection');
    const verifications = (caseId: string) => h.db.task.count({ where: { caseId, type: 'verification' } });
    const area = SELF_CHECK_AREAS[0]!.key;
    const iso = (ms: number) => new Date(ms).toISOString();
    const clean = { method: 'inspection', areas: [{ key: area, finding: 'ok' }] };
    const minor = (at: number, measure = 'guidance') => ({
      method: 'inspection',
      areas: [{ key: area, finding: 'minor', description: '价格标示不清' }],
      measure,
      rectifyBy: iso(at),
    });
    const step = async (caseId: string) => (await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).currentStep;
    const [ia, ib, ic, id_] = await Promise.all([a, b, c, d].map(inspectionOf));
    const at = (await h.now()) + 5 * DAY;
    expect((await complete('officer.changxing', ia!.id, minor(at))).status).toBe(200);
    expect((await complete('officer.changxing', ib!.id, minor(at))).status).toBe(200);
    expect((await complete('officer.changxing', ic!.id, clean)).status).toBe(200);
    const serious = { method: 'sampling', areas: [{ key: area, finding: 'serious', description: '过期食品' }], violation: 'expired_food' };
    expect((await complete('officer.changxing', id_!.id, serious)).status).toBe(200);

    // Refusals, changing nothing: an unknown violation kind, a deadline already past, a county officer.
    const before = await snapshot(ia!.id);
    const bogus = await correct('coord.changxing', ia!.id, { reason: '更正', result: { ...serious, violation: 'bogus' } });
    expect(bogus.status).toBe(400);
    expect((await correct('coord.changxing', ia!.id, { reason: '更正', result: minor((await h.now()) - DAY) })).status).toBe(400);
    expect((await correct('officer.changxing', ia!.id, { reason: '更正', result: clean })).status).toBe(403);
    expect(await snapshot(ia!.id)).toEqual(before);

    // a: amended to no finding, its order not yet due is withdrawn. c: amended to a finding, an order given.
    const amended = await correct('coord.changxing', ia!.id, { reason: '复核执法记录仪录像，价格标示清楚', result: clean });
    expect(amended.status, JSON.stringify(amended.body)).toBe(201);
    expect(await step(a)).toBe('inspection:passed');
    const at2 = at + DAY;
    expect((await correct('leader.changxing', ic!.id, { reason: '复核发现价格标示不清', result: minor(at2, 'interview') })).status).toBe(201);
    const ordered = await h.db.auditEvent.findFirstOrThrow({ where: { entityId: c, action: 'case.rectification_ordered' } });
    expect(ordered).toMatchObject({ key: `task:${ic!.id}:rectification:1`, actorId: 'u-leader-changxing' });
    expect(ordered.data).toMatchObject({ measure: 'interview', rectifyBy: at2, round: 1 });

    // d: a filed case follows the penalty procedure, not a correction.
    const filedBefore = await snapshot(id_!.id);
    const filed = await correct('coord.changxing', id_!.id, { reason: '更正', reopen: true });
    expect(filed.status).toBe(409);
    expect(filed.body.messageZh).toContain('已立案查处');
    expect(await snapshot(id_!.id)).toEqual(filedBefore);

    // At the deadline b's verification opens (its order stands); a's does not. Then b's finding is settled.
    await h.skipTo(at);
    // Opened and recorded on the case (its step is written after the task row).
    await waitFor(() => h.db.case.findFirst({ where: { id: b, currentStep: 'verification:open' } }), 'b verified at its deadline');
    expect(await verifications(a)).toBe(0);
    const begun = await snapshot(ib!.id);
    const late = await correct('coord.changxing', ib!.id, { reason: '更正', result: clean });
    expect(late.status).toBe(409);
    expect(late.body.messageZh).toBe('整改复查已经开始，检查结论不能再更正');
    expect(await snapshot(ib!.id)).toEqual(begun);

    // a reopened: the officers inspect again; the new order has a key of its own and its verification opens.
    expect((await correct('coord.changxing', ia!.id, { reason: '请所里重新检查', reopen: true })).status).toBe(201);
    expect(await h.db.task.findUniqueOrThrow({ where: { id: ia!.id } })).toMatchObject({ status: 'open', result: null, claimedById: null });
    expect(await step(a)).toBe('inspection:open');
    const at3 = at2 + DAY;
    expect((await complete('officer.changxing', ia!.id, minor(at3))).status).toBe(200);
    await h.skipTo(at2);
    await waitFor(() => h.db.task.findFirst({ where: { caseId: c, type: 'verification', status: 'open' } }), 'c verified at the corrected deadline');
    await h.skipTo(at3);
    await waitFor(() => h.db.task.findFirst({ where: { caseId: a, type: 'verification', status: 'open' } }), 'a verified after it was inspected again');
    const trail = await h.db.auditEvent.findMany({ where: { entityId: ia!.id, action: { not: 'task.claimed' } }, orderBy: { id: 'asc' } });
    expect(trail.map((e) => e.action)).toEqual(['task.created', 'task.completed', 'task.corrected', 'task.corrected', 'task.completed']);
    expect(
      (await h.db.auditEvent.findMany({ where: { entityId: a, action: 'case.rectification_ordered' }, orderBy: { id: 'asc' } })).map((e) => e.key),
    ).toEqual([`task:${ia!.id}:rectification`, `task:${ia!.id}:rectification:2`]);
    await replays([a, b, c, d]);
    await h.env.client.workflow.getHandle(`campaign-${id}`).terminate('test done');
  });

  it('corrects a Zhoushan pre-review while what it opened is open: the answer or the city audit withdrawn, the case decided again', async () => {
    const id = await launch('application', undefined, 'zhoushan');
    const cid = encodeURIComponent(id);
    await waitFor(() => h.db.stage.findFirst({ where: { campaignId: id, key: 'application', status: 'open' } }), 'application stage open');
    const file = async (operatorId: string) => {
      const f = await post('officer.dinghai', `/campaigns/${cid}/applications`, { operatorId, form: APPLICATION_FORM });
      expect(f.status, JSON.stringify(f.body)).toBe(201);
      return f.body.caseId as string;
    };
    const [a, b, c] = [await file('op-zs-001'), await file('op-zs-005'), await file('op-zs-009')];
    const opened = (taskId: string) => waitFor(() => h.db.task.findFirst({ where: { id: taskId, status: 'open' } }), taskId);
    const statusOf = async (taskId: string) => (await h.db.task.findUniqueOrThrow({ where: { id: taskId } })).status;
    const returned = { decision: 'return', reason: '营业执照扫描件不清晰', missing: ['营业执照'] };
    // While the workflow is still opening what a decision asked for, it answers 409 "try again" (the task
    // row may exist before the workflow holds it as the decision's follow-up): asked again, as a user would.
    const correctOnceOpened = (taskId: string, body: unknown) =>
      waitFor(async () => {
        const r = await correct('coord.zhoushan', taskId, body);
        return r.body?.messageZh === '本案件的下一步正在办理，请稍后再试' ? undefined : r;
      }, 'the follow-up opened');
    for (const x of [a, b, c]) await opened(`${x}:pre_review`);
    expect((await complete('officer.dinghai', `${a}:pre_review`, { decision: 'pass' })).status).toBe(200);
    for (const x of [b, c]) expect((await complete('officer.dinghai', `${x}:pre_review`, returned)).status).toBe(200);
    await opened(`${a}:city_audit`);

    // Refusals, changing nothing: a county officer; a return without its reason.
    const before = await snapshot(`${a}:pre_review`);
    expect((await correct('officer.dinghai', `${a}:pre_review`, { reason: '更正', result: returned })).status).toBe(403);
    expect((await correct('coord.zhoushan', `${a}:pre_review`, { reason: '更正', result: { decision: 'return' } })).status).toBe(400);
    expect(await snapshot(`${a}:pre_review`)).toEqual(before);

    // a: passed → returned. The city audit is withdrawn; the applicant is asked for the licence.
    const toReturn = await correctOnceOpened(`${a}:pre_review`, { reason: '复核发现执照不清', result: returned });
    expect(toReturn.status, JSON.stringify(toReturn.body)).toBe(201);
    await opened(`${a}:resubmission`);
    expect(await statusOf(`${a}:city_audit`)).toBe('cancelled');
    expect(await h.db.auditEvent.findFirstOrThrow({ where: { key: `${a}:pre_review:decision:1` } })).toMatchObject({
      action: 'application.returned',
      actorId: 'u-coord-zhoushan',
    });
    // … and back to passed: the answer is withdrawn, a second city audit opens (the first kept cancelled).
    expect((await correctOnceOpened(`${a}:pre_review`, { reason: '执照已在档案中', result: { decision: 'pass' } })).status).toBe(201);
    const audit = await opened(`${a}:city_audit~2`);
    expect(await statusOf(`${a}:resubmission`)).toBe('cancelled');
    const max = BUILT_IN.zhoushan.defaults.settings.criterionPoints as Record<string, number>;
    expect((await complete('auditor.zhoushan', audit.id, { points: { ...max }, vetoes: [] })).status).toBe(200);
    await waitFor(() => h.db.case.findFirst({ where: { id: a, totalScore: 100, currentStep: 'audited' } }), 'a audited');
    const audited = await correct('coord.zhoushan', `${a}:pre_review`, { reason: '再改', reopen: true });
    expect(audited.status).toBe(409);
    expect(audited.body.messageZh).toBe('市局已审核，属地初审结论不能再更正');

    // b: returned → reopened. The county decides again and rejects it; the case is out with the reason.
    expect((await correctOnceOpened(`${b}:pre_review`, { reason: '请县局重新初审', reopen: true })).status).toBe(201);
    expect(await statusOf(`${b}:resubmission`)).toBe('cancelled');
    expect(await h.db.task.findUniqueOrThrow({ where: { id: `${b}:pre_review` } })).toMatchObject({ status: 'open', result: null });
    expect((await complete('officer.dinghai', `${b}:pre_review`, { decision: 'reject', reason: '主体存在严重失信记录' })).status).toBe(200);
    await waitFor(() => h.db.case.findFirst({ where: { id: b, excludedKind: 'rejected' } }), 'b rejected');

    // c: the applicant has answered: its round's pre-review is no longer corrected.
    expect((await complete('officer.dinghai', `${c}:resubmission`, { supplied: '已补充清晰的营业执照' })).status).toBe(200);
    await opened(`${c}:pre_review#2`);
    const answered = await correct('coord.zhoushan', `${c}:pre_review`, { reason: '更正', result: { decision: 'pass' } });
    expect(answered.status).toBe(409);
    expect(answered.body.messageZh).toBe('申报人已补充材料，本轮初审结论不能再更正');
    await replays([a, b, c]);
    await h.env.client.workflow.getHandle(`campaign-${id}`).terminate('test done');
  });

  it('corrects a Zhoushan city audit before the list: the total changes at once, or after the auditor audits again; refused once the list is published', async () => {
    const id = await launch('application', undefined, 'zhoushan');
    const cid = encodeURIComponent(id);
    await waitFor(() => h.db.stage.findFirst({ where: { campaignId: id, key: 'application', status: 'open' } }), 'application stage open');
    const filed = await post('officer.dinghai', `/campaigns/${cid}/applications`, { operatorId: 'op-zs-001', form: APPLICATION_FORM });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const caseId = filed.body.caseId as string;
    const open = (type: string) => waitFor(() => h.db.task.findFirst({ where: { caseId, type, status: 'open' } }), type);
    const review = await open('pre_review');
    expect((await complete('officer.dinghai', review.id, { decision: 'pass' })).status).toBe(200);
    const audit = await open('city_audit');
    const max = BUILT_IN.zhoushan.defaults.settings.criterionPoints as Record<string, number>;
    const full = { points: { ...max }, vetoes: [] as string[] };
    expect((await complete('auditor.zhoushan', audit.id, full)).status).toBe(200);
    await waitFor(() => h.db.case.findFirst({ where: { id: caseId, totalScore: 100 } }), 'audited at 100');

    // Refusals, changing nothing: a county's coordinator (jurisdiction), points over a criterion's maximum, a veto
    // by amendment (the auditor decides a veto, on a reopened audit), the pre-review (the city has audited).
    const before = await snapshot(audit.id);
    const lower = { ...max, lawful: 1, room: 1 }; // 100 − 8 − 8 = 84
    expect((await correct('coord.changxing', audit.id, { reason: '更正', result: { points: lower, vetoes: [] } })).status).toBe(403);
    const over = await correct('coord.zhoushan', audit.id, { reason: '更正', result: { points: { ...max, lawful: 10 }, vetoes: [] } });
    expect(over.status).toBe(400);
    expect(over.body.messageZh).toContain('最多 9 分');
    const veto = 'serious_violation';
    expect((await correct('coord.zhoushan', audit.id, { reason: '更正', result: { points: max, vetoes: [veto] } })).status).toBe(400);
    const preReview = await correct('coord.zhoushan', review.id, { reason: '更正', reopen: true });
    expect(preReview.status).toBe(409);
    expect(preReview.body.messageZh).toBe('市局已审核，属地初审结论不能再更正');
    expect(await snapshot(audit.id)).toEqual(before);

    const amended = await correct('coord.zhoushan', audit.id, { reason: '合规经营与直播间两项复核扣分', result: { points: lower, vetoes: [] } });
    expect(amended.status, JSON.stringify(amended.body)).toBe(201);
    expect(amended.body).toMatchObject({ seq: 1, totalE4: 840_000, proposed: true });
    expect(await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ totalScore: 84, proposed: true });
    expect((await h.db.auditEvent.findFirstOrThrow({ where: { entityId: audit.id, action: 'task.corrected' } })).data).toMatchObject({
      kind: 'amended',
      before: full,
      after: { points: lower, vetoes: [] },
    });

    // Reopened: the list cannot be confirmed while the audit is open; audited again, the case is decided anew.
    const reopened = await correct('coord.zhoushan', audit.id, { reason: '请重新审核', reopen: true });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(201);
    expect(await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ totalScore: null, currentStep: 'city_audit:open' });
    expect((await post('coord.zhoushan', `/campaigns/${cid}/stages/application/close`, { reason: '申报截止' })).status).toBe(200);
    const waiting = await post('coord.zhoushan', `/campaigns/${cid}/cultivation-list`, { quota: 1 });
    expect(waiting.status).toBe(409);
    expect((await complete('auditor.zhoushan', audit.id, { points: { ...max, lawful: 5 }, vetoes: [] })).status).toBe(200);
    await waitFor(() => h.db.case.findFirst({ where: { id: caseId, totalScore: 96, currentStep: 'audited' } }), 'audited again at 96');
    expect(await h.db.auditEvent.count({ where: { entityId: caseId, action: 'case.audited' } })).toBe(2);
    expect(await h.db.auditEvent.count({ where: { entityId: audit.id, action: 'task.completed' } })).toBe(2);

    // Listed: the list is final, the correction refused with its reason.
    const list = await post('coord.zhoushan', `/campaigns/${cid}/cultivation-list`, { quota: 1 });
    expect(list.status, JSON.stringify(list.body)).toBe(201);
    await waitFor(() => h.db.listing.findFirst({ where: { caseId } }), 'listed');
    const listed = await snapshot(audit.id);
    const late = await correct('coord.zhoushan', audit.id, { reason: '名单后发现', result: { points: lower, vetoes: [] } });
    expect(late.status).toBe(409);
    expect(late.body.messageZh).toMatch(/不能再更正/);
    expect(await snapshot(audit.id)).toEqual(listed);
    await replays([caseId]);
    await h.env.client.workflow.getHandle(`campaign-${id}`).terminate('test done');
  });
});
