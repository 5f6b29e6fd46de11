// The Changxing programme stage by stage (changxing-trusted-ecommerce.txt) on Temporal's time-skipping
// test server (test/helpers-time.ts): self-check and its review, inspections with the rectification loop
// and filing, scoring from parts with the 85 boundary, the 公示 list with objections, the award, and titles
// that are revoked or expire. Deadlines are days away in workflow time; the test moves the clock to them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueYear, updateRefusal, waitFor } from './helpers.js';
import { startTimeSkippingHarness, type TimeHarness } from './helpers-time.js';
import { COORDINATOR, definitionOpenAt, launch } from './helpers-campaign.js';
import {
  closeStageUpdate,
  completeTaskUpdate,
  finalizeAwardUpdate,
  lodgeObjectionUpdate,
  publishPublicityUpdate,
  reportComplaintUpdate,
  resolveObjectionUpdate,
  revokeTitleUpdate,
} from '../workflows/messages.js';
import { SELF_CHECK_AREAS } from '../domain/self-check.js';
import type { Actor } from '../domain/roles.js';
import type { CampaignDefinition } from '../domain/campaign-definition.js';
import { addDuration, parseDuration } from '../domain/duration.js';

let h: TimeHarness;
beforeAll(async () => {
  h = await startTimeSkippingHarness();
});
afterAll(async () => h?.stop());

const OFFICER: Actor = { userId: 'u-officer-zhicheng', role: 'county_officer', displayName: '雉城执法员' };
const AUDITOR: Actor = { userId: 'u-auditor-changxing', role: 'auditor', displayName: '长兴考评组' };
const caseOf = (def: CampaignDefinition, op: string) => `${def.campaignId}:${op}`;
const iso = (ms: number) => new Date(ms).toISOString();
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// A rectification deadline a day ahead of the workflows' clock: the test reaches it by skipping time.
const soon = async () => (await h.now()) + DAY;

const openTask = (caseId: string, type: string, id?: string) =>
  waitFor(
    () => h.db.task.findFirst({ where: { caseId, type, status: 'open', ...(id ? { id } : {}) }, orderBy: { createdAt: 'desc' } }),
    `${type} task of ${caseId}`,
  );
const complete = (t: { id: string; workflowId: string }, actor: Actor, result: unknown) =>
  h.env.client.workflow.getHandle(t.workflowId).executeUpdate(completeTaskUpdate, { args: [{ taskId: t.id, actor, result }] });
const caseRow = (id: string) => h.db.case.findUniqueOrThrow({ where: { id } });
const audit = (entityId: string, action: string) => h.db.auditEvent.findFirst({ where: { entityId, action } });
/** For each completion Update a workflow took: how many local activities ran between its acceptance and its answer. */
async function localActivitiesPerCompletion(workflowId: string): Promise<number[]> {
  const counts: number[] = [];
  let open: number | undefined;
  for (const e of (await h.env.client.workflow.getHandle(workflowId).fetchHistory()).events ?? []) {
    if (e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'completeTask') open = 0;
    else if (open !== undefined && e.markerRecordedEventAttributes?.markerName === 'core_local_activity') open++;
    else if (open !== undefined && e.workflowExecutionUpdateCompletedEventAttributes) {
      counts.push(open);
      open = undefined;
    }
  }
  return counts;
}

describe('Changxing programme', () => {
  it('self-check: the officer reviews it and may return it; a missing one is overdue, escalated and recorded on the case', async () => {
    const def = definitionOpenAt(await uniqueYear(h.db), 'self_check', { at: await h.now() });
    const { workflowId } = await launch(h.env.client, h.db, h.taskQueue, def, ['op-cx-001', 'op-cx-002']);
    const [a, c] = [caseOf(def, 'op-cx-001'), caseOf(def, 'op-cx-002')];

    const first = await openTask(a, 'self_check');
    await complete(first, OFFICER, {
      areas: SELF_CHECK_AREAS.map((x, i) =>
        i === 4 ? { key: x.key, finding: 'issue', description: '直播话术含“全网最低价”', fixed: true } : { key: x.key, finding: 'compliant' },
      ),
    });
    const review = await openTask(a, 'self_check_review');
    expect(review.details).toMatchObject({ submitted: { areas: expect.any(Array) } });
    expect(await updateRefusal(complete(review, OFFICER, { decision: 'returned' }))).toMatch(/reason is required/);
    await complete(review, OFFICER, { decision: 'returned', note: '第五项整改材料不全' });

    const second = await openTask(a, 'self_check', `${a}:self_check:self_check#2`);
    expect(second.title).toContain('第2轮');
    expect(second.details).toMatchObject({ returnedBecause: '第五项整改材料不全' });
    await complete(second, OFFICER, { areas: SELF_CHECK_AREAS.map((x) => ({ key: x.key, finding: 'compliant' })) });
    await complete(await openTask(a, 'self_check_review', `${a}:self_check:self_check_review#2`), OFFICER, { decision: 'accepted' });
    await waitFor(async () => (await caseRow(a)).currentStep === 'self_check:accepted', 'accepted');
    // Each completion and the follow-up it decided (the review, the next round, the case's step) were one
    // local activity, so one transaction (workflows/follow-up.ts).
    expect(await localActivitiesPerCompletion(first.workflowId)).toEqual([1, 1, 1, 1]);

    // C never submits: closing the stage makes its task overdue, recorded on the case, and escalated.
    await h.env.client.workflow
      .getHandle(workflowId)
      .executeUpdate(closeStageUpdate, { args: [{ stageKey: 'self_check', reason: '提前结束自查', actor: COORDINATOR }] });
    const overdue = await waitFor(() => audit(c, 'case.task_overdue'), 'overdue recorded on the case');
    expect(overdue.clause).toContain('实施步骤');
    expect(await h.db.task.findFirstOrThrow({ where: { caseId: c, type: 'self_check' } })).toMatchObject({ status: 'open', overdue: true });
    const escalation = await h.db.task.findFirstOrThrow({ where: { campaignId: def.campaignId, stageKey: 'self_check', type: 'escalation' } });
    expect(escalation.details).toMatchObject({ overdueCount: 1 });
    await h.env.client.workflow.getHandle(workflowId).terminate('test done');
  });

  it('rectification: a minor finding orders 限期整改 and a verification at its deadline, with a second round; a serious one files the case', async () => {
    const def = definitionOpenAt(await uniqueYear(h.db), 'rectification', { at: await h.now(), openMs: 30 * DAY });
    const { workflowId } = await launch(h.env.client, h.db, h.taskQueue, def, ['op-cx-003', 'op-cx-005', 'op-cx-006', 'op-cx-009']);
    const [a, b, c, late] = [caseOf(def, 'op-cx-003'), caseOf(def, 'op-cx-005'), caseOf(def, 'op-cx-006'), caseOf(def, 'op-cx-009')];
    const minor = {
      method: 'inspection',
      areas: [
        { key: 'labels', finding: 'minor', description: '标签未标注生产日期' },
        { key: 'quality', finding: 'ok' },
      ],
      measure: 'guidance',
    };

    // Serious violation: needs its kind (one of the notice's four), then the case is filed and out.
    const bInspection = await openTask(b, 'inspection');
    const serious = { method: 'sampling', areas: [{ key: 'quality', finding: 'serious', description: '抽检发现过期食品' }] };
    expect(await updateRefusal(complete(bInspection, OFFICER, serious))).toMatch(/needs its kind/);
    expect(await updateRefusal(complete(bInspection, OFFICER, { ...serious, violation: 'bogus' }))).toMatch(/unknown violation kind/);
    await complete(bInspection, OFFICER, { ...serious, violation: 'expired_food' });
    const filed = await caseRow(b);
    expect(filed).toMatchObject({ excludedKind: 'filed', proposed: false });
    expect(filed.excludedReason).toContain('过期食品');
    expect((await audit(b, 'case.filed'))!.clause).toContain('立案查处');

    // Minor: the deadline must be inside the stage; the verification opens when it arrives.
    const aInspection = await openTask(a, 'inspection');
    expect(await updateRefusal(complete(aInspection, OFFICER, { ...minor, measure: undefined }))).toMatch(/interview or guidance/);
    expect(await updateRefusal(complete(aInspection, OFFICER, { ...minor, rectifyBy: iso(def.stages[2]!.dueAt + 1000) }))).toMatch(/before/);
    const rectifyBy = await soon();
    await complete(aInspection, OFFICER, { ...minor, rectifyBy: iso(rectifyBy) });
    // C's inspection now, so its deadline runs while A's rounds do.
    await complete(await openTask(c, 'inspection'), OFFICER, { ...minor, measure: 'interview', rectifyBy: iso(await soon()) });
    expect((await audit(a, 'case.rectification_ordered'))!.data).toMatchObject({ measure: 'guidance', rectifyBy, round: 1 });
    await h.skipTo(rectifyBy - MINUTE);
    expect(await h.db.task.count({ where: { caseId: a, type: 'verification' } })).toBe(0);
    await h.skipTo(rectifyBy);
    const v1 = await openTask(a, 'verification');
    expect(await updateRefusal(complete(v1, OFFICER, { passed: false, note: '仍未整改' }))).toMatch(/rectification deadline/);
    const rectifyBy2 = await soon();
    await complete(v1, OFFICER, { passed: false, note: '仍未整改', rectifyBy: iso(rectifyBy2) });
    await h.skipTo(rectifyBy2);
    const v2 = await openTask(a, 'verification', `${a}:rectification:verification#2`);
    expect(await updateRefusal(complete(v2, OFFICER, { passed: false, note: '二次复查仍未整改', rectifyBy: iso(await soon()) }))).toMatch(
      /no further deadline/,
    );
    await complete(v2, OFFICER, { passed: false, note: '二次复查仍未整改' });
    expect(await caseRow(a)).toMatchObject({ excludedKind: 'rectification_failed', proposed: false });

    // Minor, rectified in time: verified and still in the running.
    await complete(await openTask(c, 'verification'), OFFICER, { passed: true, note: '已整改到位' });
    expect(await caseRow(c)).toMatchObject({ excludedKind: null, currentStep: 'rectification:passed' });

    // An inspection done after the stage closed: late, and its deadline need only be in the future.
    await h.env.client.workflow
      .getHandle(workflowId)
      .executeUpdate(closeStageUpdate, { args: [{ stageKey: 'rectification', reason: '集中治理提前结束', actor: COORDINATOR }] });
    await waitFor(() => audit(late, 'case.task_overdue'), 'the case saw its stage close');
    const lateInspection = await openTask(late, 'inspection');
    expect(lateInspection.overdue).toBe(true);
    const lateRectifyBy = await soon();
    const lateDone = await complete(lateInspection, OFFICER, { ...minor, rectifyBy: iso(lateRectifyBy) });
    expect(lateDone.late).toBe(true);
    await h.skipTo(lateRectifyBy);
    const lateVerification = await openTask(late, 'verification');
    expect(lateVerification.overdue).toBe(true); // born after its stage closed, and late to the workflow too
    expect((await complete(lateVerification, OFFICER, { passed: true, note: '已整改' })).late).toBe(true);
    await h.env.client.workflow.getHandle(workflowId).terminate('test done');
  });

  it('evaluation: totals from five parts with per-track weights (85.00 in, 84.99 out), 公示 with objections, award, revocation and expiry', async () => {
    // The title is valid for the notice's year (changxing 三、评定管理: 有效期为一年); the test skips to its end.
    const def = definitionOpenAt(await uniqueYear(h.db), 'evaluation', {
      at: await h.now(),
      openMs: 30 * DAY,
      settings: {
        multiDimensionScorers: true,
        titleValidity: 'P1Y',
        weights: { community_group_buying: { department: 50, third_party: 20, industry: 10, consumer: 10, social: 10 } },
      },
    });
    const ops = ['op-cx-001', 'op-cx-002', 'op-cx-003', 'op-cx-004']; // op-cx-004 is 社区团购
    const { workflowId } = await launch(h.env.client, h.db, h.taskQueue, def, ops);
    const [a, b, c, d] = ops.map((op) => caseOf(def, op)) as [string, string, string, string];
    const campaign = h.env.client.workflow.getHandle(workflowId);

    // Nothing can be published before every case has its total.
    await waitFor(async () => (await h.db.task.count({ where: { campaignId: def.campaignId, type: 'score' } })) === 20, 'score tasks');
    expect(
      await updateRefusal(campaign.executeUpdate(publishPublicityUpdate, { args: [{ windowEndsAt: (await h.now()) + DAY, actor: COORDINATOR }] })),
    ).toMatch(/still lack a total/);

    const score = async (caseId: string, parts: Record<string, number>) => {
      for (const [dimension, value] of Object.entries(parts))
        await complete(await openTask(caseId, 'score', `${caseId}:evaluation:score:${dimension}`), AUDITOR, { score: value });
    };
    // A total is never accepted from input; a score has at most two decimals.
    const dept = await openTask(a, 'score', `${a}:evaluation:score:department`);
    expect(await updateRefusal(complete(dept, AUDITOR, { score: 85, total: 99 }))).toMatch(/total/);
    expect(await updateRefusal(complete(dept, AUDITOR, { score: 85.555 }))).toMatch(/two decimals/);
    expect(await updateRefusal(complete(dept, AUDITOR, { score: 100.5 }))).toMatch(/100/);

    await score(a, { department: 85, third_party: 85, industry: 85, consumer: 85, social: 85 }); // 85.00
    await score(b, { department: 85, third_party: 85, industry: 85, consumer: 85, social: 84.9 }); // 84.99
    await score(c, { department: 95, third_party: 95, industry: 95, consumer: 95, social: 95 });
    await score(d, { department: 100, third_party: 60, industry: 80, consumer: 80, social: 80 }); // 86 as 社区团购 (82 with live weights)
    const totals = await waitFor(async () => {
      const rows = await h.db.case.findMany({ where: { campaignId: def.campaignId }, orderBy: { id: 'asc' } });
      return rows.every((r) => r.totalScore !== null) && rows;
    }, 'totals');
    expect(totals.map((r) => [r.totalScore, r.proposed])).toEqual([
      [85, true],
      [84.99, false],
      [95, true],
      [86, true],
    ]);
    const scored = await audit(d, 'case.scored');
    expect(scored!.clause).toContain('评定管理');
    expect(scored!.data).toMatchObject({
      totalE4: 860_000,
      track: 'community_group_buying',
      parts: expect.arrayContaining([{ dimension: 'department', name: '部门评价', score: 100, weight: 50 }]),
    });

    // 公示: the proposed cases, best first; objections only during the window and only on listed cases.
    const windowEndsAt = (await h.now()) + 5 * DAY;
    const published = await campaign.executeUpdate(publishPublicityUpdate, { args: [{ windowEndsAt, actor: COORDINATOR }] });
    expect(published.caseIds).toEqual([c, d, a]);
    const roster = await h.db.roster.findUniqueOrThrow({ where: { id: published.rosterId } });
    expect(roster.kind).toBe('publicity');
    expect(
      await updateRefusal(campaign.executeUpdate(lodgeObjectionUpdate, { args: [{ caseId: b, source: '群众来电', content: 'x', actor: COORDINATOR }] })),
    ).toMatch(/not on the publicity list/);
    const oc = await campaign.executeUpdate(lodgeObjectionUpdate, {
      args: [{ caseId: c, source: '群众来信', content: '该主体近期存在虚假宣传', actor: COORDINATOR }],
    });
    const od = await campaign.executeUpdate(lodgeObjectionUpdate, { args: [{ caseId: d, source: '12315 投诉', content: '售后响应慢', actor: COORDINATOR }] });
    expect(await updateRefusal(campaign.executeUpdate(finalizeAwardUpdate, { args: [{ actor: COORDINATOR }] }))).toMatch(/window is still open/);
    await h.skipTo(windowEndsAt);
    expect(
      await updateRefusal(campaign.executeUpdate(lodgeObjectionUpdate, { args: [{ caseId: a, source: 'x', content: '迟到的异议', actor: COORDINATOR }] })),
    ).toMatch(/window has ended/);
    expect(await updateRefusal(campaign.executeUpdate(finalizeAwardUpdate, { args: [{ actor: COORDINATOR }] }))).toMatch(/2 objection\(s\) still open/);
    await campaign.executeUpdate(resolveObjectionUpdate, {
      args: [{ objectionId: oc.objectionId, decision: 'upheld', resolution: '经核实存在虚假宣传，移出名单', actor: COORDINATOR }],
    });
    await campaign.executeUpdate(resolveObjectionUpdate, {
      args: [{ objectionId: od.objectionId, decision: 'dismissed', resolution: '已核实售后已改进，异议不成立', actor: COORDINATOR }],
    });
    expect(await caseRow(c)).toMatchObject({ excludedKind: 'objection_upheld', proposed: false, excludedReason: '经核实存在虚假宣传，移出名单' });

    // Final list: titles for A and D, valid for the campaign's validity from the grant.
    expect(await campaign.executeUpdate(finalizeAwardUpdate, { args: [{ actor: COORDINATOR }] })).toEqual({ titles: 2 });
    const titles = await h.db.title.findMany({ where: { campaignId: def.campaignId }, orderBy: { caseId: 'asc' } });
    expect(titles.map((t) => [t.caseId, t.status])).toEqual([
      [a, 'active'],
      [d, 'active'],
    ]);
    expect(titles[0]!.expiresAt.getTime()).toBe(addDuration(titles[0]!.grantedAt.getTime(), parseDuration('P1Y')!));
    const award = await h.db.roster.findFirstOrThrow({ where: { campaignId: def.campaignId, kind: 'award' } });
    expect((award.entries as { caseId: string }[]).map((e) => e.caseId)).toEqual([d, a]);

    // D: a complaint opens an interview; revocation needs one of the six grounds, then ends the title at once.
    const title = h.env.client.workflow.getHandle(titles[1]!.workflowId);
    const { taskId } = await title.executeUpdate(reportComplaintUpdate, {
      args: [{ kind: 'public_opinion', description: '直播间引发负面舆情', actor: OFFICER }],
    });
    expect(await h.db.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ type: 'interview', status: 'open', jurisdictionId: '330522004' });
    expect(await updateRefusal(title.executeUpdate(revokeTitleUpdate, { args: [{ ground: 'rude', evidence: 'x', actor: OFFICER }] }))).toMatch(/one of/);
    const revoked = await title.executeUpdate(revokeTitleUpdate, {
      args: [{ ground: 'counterfeit_or_fake_orders', evidence: '刷单记录截图（案卷号 2024-017）', actor: OFFICER }],
    });
    expect(revoked.status).toBe('revoked');
    expect(await h.db.title.findUniqueOrThrow({ where: { id: d } })).toMatchObject({
      status: 'revoked',
      revokedGround: 'counterfeit_or_fake_orders',
      revokedById: OFFICER.userId,
    });
    expect(await h.db.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ status: 'cancelled' });
    // The title's workflow has ended: a second revocation cannot reach it. (The dev server says "already
    // completed" and the API answers 409, test/changxing-api.test.ts; the test server words it otherwise.)
    expect((await title.describe()).status.name).toBe('COMPLETED');
    await expect(title.executeUpdate(revokeTitleUpdate, { args: [{ ground: 'banned_content', evidence: 'again', actor: OFFICER }] })).rejects.toThrow();

    // A: expires on its durable timer, a year on, not before.
    await h.skipTo(titles[0]!.expiresAt.getTime() - MINUTE);
    expect(await h.db.title.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ status: 'active' });
    await h.skipTo(titles[0]!.expiresAt.getTime());
    const expired = await waitFor(async () => (await h.db.title.findUniqueOrThrow({ where: { id: a } })).status === 'expired', 'expiry');
    expect(expired).toBe(true);
    for (const action of ['case.scored', 'objection.upheld', 'objection.dismissed', 'title.granted', 'title.revoked', 'title.expired']) {
      const e = await h.db.auditEvent.findFirstOrThrow({ where: { campaignId: def.campaignId, action } });
      expect(e.clause, action).toMatch(/长兴方案/);
    }
    await campaign.terminate('test done');
  });
});
