// The campaign engine on Temporal's time-skipping test server (test/helpers-time.ts): stages open and
// close on durable timers, reminders go out before deadlines, open work becomes overdue and is escalated,
// coordinators close early and extend. Calendars are days long; the test moves the clock to each instant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueYear, updateRefusal, waitFor } from './helpers.js';
import { startTimeSkippingHarness, type TimeHarness } from './helpers-time.js';
import { COORDINATOR, compressedDefinition, launch } from './helpers-campaign.js';
import { campaignProgressQuery, closeStageUpdate, completeTaskUpdate, extendStageUpdate } from '../workflows/messages.js';
import { SELF_CHECK_AREAS } from '../domain/self-check.js';

let h: TimeHarness;
beforeAll(async () => {
  h = await startTimeSkippingHarness();
});
afterAll(async () => h?.stop());

const OFFICER = { userId: 'u-officer-zhicheng', role: 'county_officer' as const, displayName: '雉城执法员' };
const allCompliant = { areas: SELF_CHECK_AREAS.map((a) => ({ key: a.key, finding: 'compliant' })) };
const TWO_OPERATORS = ['op-cx-001', 'op-cx-002'];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('CampaignWorkflow', () => {
  it('opens stages at their start, creates self-check tasks, reminds, marks overdue and escalates at the deadline', async () => {
    const year = await uniqueYear(h.db);
    // Self-check lasts ten days, and the reminder goes out three days before its deadline.
    const def = compressedDefinition(year, { at: await h.now(), startInMs: HOUR, stageMs: [DAY, 10 * DAY, DAY, DAY, DAY], gapMs: HOUR, leadMs: 3 * DAY });
    const { workflowId } = await launch(h.env.client, h.db, h.taskQueue, def, TWO_OPERATORS);
    const campaign = await h.db.campaign.findUniqueOrThrow({ where: { id: def.campaignId } });
    expect(campaign.caseCount).toBe(2);
    const [selfCheckStart, due] = [def.stages[1]!.startsAt, def.stages[1]!.dueAt];

    // Self-check opens on its timer, not before, and gives each case a task in the operator's station.
    await h.skipTo(selfCheckStart - MINUTE);
    expect(await h.db.task.count({ where: { campaignId: def.campaignId, type: 'self_check' } })).toBe(0);
    await h.skipTo(selfCheckStart);
    const tasks = await waitFor(async () => {
      const t = await h.db.task.findMany({ where: { campaignId: def.campaignId, type: 'self_check' }, orderBy: { id: 'asc' } });
      return t.length === 2 && t;
    }, 'self-check tasks');
    expect(tasks.map((t) => t.jurisdictionId)).toEqual(['330522001', '330522002']);
    expect(new Date(tasks[0]!.dueAt).getTime()).toBe(due);

    // One is done in time; the reminder goes out three days before the deadline to whoever still has work.
    const handle = h.env.client.workflow.getHandle(`case-${tasks[0]!.caseId}`);
    const done = await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: tasks[0]!.id, actor: OFFICER, result: allCompliant }] });
    expect(done.late).toBe(false);
    const review = await h.db.task.findFirstOrThrow({ where: { caseId: tasks[0]!.caseId, type: 'self_check_review' } });
    await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: review.id, actor: OFFICER, result: { decision: 'accepted' } }] });
    await h.skipTo(due - 3 * DAY - MINUTE);
    expect(await h.db.notification.count({ where: { campaignId: def.campaignId, kind: 'reminder' } })).toBe(0);
    await h.skipTo(due - 3 * DAY);
    const reminder = await waitFor(() => h.db.notification.findFirst({ where: { campaignId: def.campaignId, kind: 'reminder' } }), 'reminder');
    expect(reminder.jurisdictionId).toBe('330522002');
    const stageBeforeDue = await h.db.stage.findUniqueOrThrow({ where: { id: `${def.campaignId}:self_check` } });
    expect(stageBeforeDue.status).toBe('open');
    expect(stageBeforeDue.reminderSentAt).not.toBeNull();

    // At the deadline, not before, the open task becomes overdue and the coordinator gets an escalation task.
    await h.skipTo(due - MINUTE);
    expect(await h.db.task.count({ where: { campaignId: def.campaignId, type: 'escalation' } })).toBe(0);
    expect(await h.db.task.findUniqueOrThrow({ where: { id: tasks[1]!.id } })).toMatchObject({ status: 'open', overdue: false });
    await h.skipTo(due + 1);
    const escalation = await waitFor(() => h.db.task.findFirst({ where: { campaignId: def.campaignId, type: 'escalation' } }), 'escalation');
    expect(escalation.assigneeRole).toBe('coordinator');
    expect(escalation.jurisdictionId).toBe('330522');
    expect(escalation.details).toMatchObject({ overdueCount: 1, byJurisdiction: [{ jurisdictionId: '330522002', count: 1 }] });
    const late = await h.db.task.findUniqueOrThrow({ where: { id: tasks[1]!.id } });
    expect(late).toMatchObject({ status: 'open', overdue: true });
    const selfCheck = await h.db.stage.findUniqueOrThrow({ where: { id: `${def.campaignId}:self_check` } });
    expect(selfCheck).toMatchObject({ status: 'closed', closedEarly: false, overdueCount: 1 });

    // Late work can still be done (and is recorded as late); then the escalation is acknowledged.
    const lateDone = await h.env.client.workflow
      .getHandle(`case-${tasks[1]!.caseId}`)
      .executeUpdate(completeTaskUpdate, { args: [{ taskId: tasks[1]!.id, actor: OFFICER, result: allCompliant }] });
    expect(lateDone.late).toBe(true);
    await h.env.client.workflow
      .getHandle(workflowId)
      .executeUpdate(completeTaskUpdate, { args: [{ taskId: escalation.id, actor: COORDINATOR, result: { note: '已督促泗安所完成' } }] });

    // Every stage runs on its calendar; work nobody did keeps the campaign open (never silently dropped).
    await h.skipTo(def.stages.at(-1)!.dueAt + 1);
    const progress = await waitFor(async () => {
      const p = await h.env.client.workflow.getHandle(workflowId).query(campaignProgressQuery);
      return p.stages.every((s) => s.status === 'closed') && p;
    }, 'all stages closed');
    expect(progress.status).toBe('running');
    expect(await h.db.task.count({ where: { campaignId: def.campaignId, type: 'inspection', status: 'open', overdue: true } })).toBe(2);
    const actions = (await h.db.auditEvent.findMany({ where: { campaignId: def.campaignId }, orderBy: { id: 'asc' } })).map((e) => e.action);
    expect(actions).toContain('stage.deadline_passed');
    expect(actions).toContain('stage.reminder_sent');
    expect(actions.filter((a) => a === 'task.completed')).toHaveLength(4);
    await h.env.client.workflow.getHandle(workflowId).terminate('test done');
  });

  it('completes once its cases have, one ended from outside included: its launch batch looks after a day', async () => {
    const year = await uniqueYear(h.db);
    const def = compressedDefinition(year, { at: await h.now(), startInMs: HOUR, stageMs: [DAY, DAY, DAY, DAY, DAY], gapMs: HOUR, leadMs: HOUR });
    const { workflowId } = await launch(h.env.client, h.db, h.taskQueue, def, TWO_OPERATORS);
    const campaign = h.env.client.workflow.getHandle(workflowId);
    // Nobody works: after the calendar the cases stay open with their overdue tasks, and the coordinator
    // acknowledges each stage's escalation.
    const lastDue = def.stages.at(-1)!.dueAt;
    await h.skipTo(lastDue + HOUR);
    await waitFor(async () => (await campaign.query(campaignProgressQuery)).stages.every((s) => s.status === 'closed'), 'all stages closed');
    const escalations = await h.db.task.findMany({ where: { campaignId: def.campaignId, type: 'escalation', status: 'open' } });
    expect(escalations.length).toBeGreaterThan(0);
    for (const t of escalations) {
      await campaign.executeUpdate(completeTaskUpdate, { args: [{ taskId: t.id, actor: COORDINATOR, result: { note: '已督办（测试）' } }] });
    }
    // The cases were started by the batch's activity, not as its children (activities/case-start.ts): ended
    // from outside after the campaign's end reached them, they cannot tell the batch (workflows/report-close.ts).
    for (const op of TWO_OPERATORS) await h.env.client.workflow.getHandle(`case-${def.campaignId}:${op}`).terminate('ended from outside (test)');
    await h.skipTo(lastDue + 2 * HOUR);
    expect((await campaign.query(campaignProgressQuery)).status).toBe('running');
    await h.skipTo(lastDue + DAY + 2 * HOUR);
    await waitFor(async () => (await campaign.query(campaignProgressQuery)).status === 'completed', 'the campaign completed');
    expect((await campaign.describe()).status.name).toBe('COMPLETED');
  });

  it('lets a coordinator close a stage early and extend a deadline, refusing invalid requests inside the workflow', async () => {
    const year = await uniqueYear(h.db);
    // The clock stays inside self-check: only an early close ends it.
    const def = compressedDefinition(year, { at: await h.now(), startInMs: HOUR, stageMs: [DAY, 10 * DAY, 4 * DAY, DAY, DAY], gapMs: HOUR, leadMs: 0 });
    const { workflowId } = await launch(h.env.client, h.db, h.taskQueue, def, ['op-cx-003']);
    const handle = h.env.client.workflow.getHandle(workflowId);
    await h.skipTo(def.stages[1]!.startsAt);
    await waitFor(async () => (await handle.query(campaignProgressQuery)).currentStage === 'self_check', 'self-check open');

    // Extending: later than the current deadline, with a reason (an extension that reaches the next stage
    // moves the later ones: test/stage-extension.test.ts).
    const due = def.stages[1]!.dueAt;
    expect(
      await updateRefusal(handle.executeUpdate(extendStageUpdate, { args: [{ stageKey: 'self_check', dueAt: due - 1000, reason: '早', actor: COORDINATOR }] })),
    ).toMatch(/later than the current/);
    expect(
      await updateRefusal(handle.executeUpdate(extendStageUpdate, { args: [{ stageKey: 'self_check', dueAt: due + 100, reason: ' ', actor: COORDINATOR }] })),
    ).toMatch(/reason is required/);
    const extended = await handle.executeUpdate(extendStageUpdate, {
      args: [{ stageKey: 'self_check', dueAt: due + 100, reason: '节假日顺延', actor: COORDINATOR }],
    });
    expect(extended.dueAt).toBe(due + 100);
    const task = await waitFor(() => h.db.task.findFirst({ where: { campaignId: def.campaignId, type: 'self_check' } }), 'task');
    expect((await h.db.task.findUniqueOrThrow({ where: { id: task.id } })).dueAt.getTime()).toBe(due + 100);

    // Closing a pending stage is refused; closing the open one ends it now and escalates its open work.
    expect(await updateRefusal(handle.executeUpdate(closeStageUpdate, { args: [{ stageKey: 'evaluation', reason: 'x', actor: COORDINATOR }] }))).toMatch(
      /only an open stage/,
    );
    const closed = await handle.executeUpdate(closeStageUpdate, { args: [{ stageKey: 'self_check', reason: '自查工作已全部部署完毕', actor: COORDINATOR }] });
    expect(closed).toMatchObject({ status: 'closed', closedEarly: true, overdueCount: 1 });
    const stage = await h.db.stage.findUniqueOrThrow({ where: { id: `${def.campaignId}:self_check` } });
    expect(stage).toMatchObject({ status: 'closed', closedEarly: true });
    const audit = await h.db.auditEvent.findMany({
      where: { campaignId: def.campaignId, action: { in: ['stage.closed_early', 'stage.extended'] } },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => [a.action, a.reason, a.actorId])).toEqual([
      ['stage.extended', '节假日顺延', COORDINATOR.userId],
      ['stage.closed_early', '自查工作已全部部署完毕', COORDINATOR.userId],
    ]);
    // A deadline racing a request: once closed, an extension is refused, not applied.
    expect(
      await updateRefusal(
        handle.executeUpdate(extendStageUpdate, { args: [{ stageKey: 'self_check', dueAt: due + 500, reason: '再延', actor: COORDINATOR }] }),
      ),
    ).toMatch(/already closed/);
    await handle.terminate('test done');
  });
});
