// CampaignWorkflow: runs any programme's stage calendar from data (DOMAIN.md "Campaign", "Stage").
// Deterministic orchestration only: every database write and notification is an activity.
import {
  ApplicationFailure,
  condition,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
  sleep,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
  ParentClosePolicy,
  type ChildWorkflowHandle,
  type SignalDefinition,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { CaseSeed } from '../activities/case.js';
import type { CampaignDefinition } from '../domain/campaign-definition.js';
import { SYSTEM_ACTOR, type Actor } from '../domain/roles.js';
import {
  REJECT,
  SA_CURRENT_STAGE,
  campaignEndedSignal,
  campaignProgressQuery,
  closeStageUpdate,
  completeTaskUpdate,
  extendStageUpdate,
  launchedUpdate,
  stageClosedSignal,
  stageExtendedSignal,
  stageOpenedSignal,
  type CaseTaskState,
  type StageState,
} from './messages.js';
import { CaseWorkflow } from './case.js';
import { validateCompletion } from './task-validation.js';

export interface CampaignInput {
  definition: CampaignDefinition;
  cases: CaseSeed[];
  launchedBy: Actor;
}

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // Database blips are retried for as long as it takes; a decision is never dropped, only delayed.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export const caseWorkflowId = (caseId: string) => `case-${caseId}`;

export async function CampaignWorkflow(input: CampaignInput): Promise<{ campaignId: string; stages: StageState[] }> {
  const def = input.definition;
  const stages: StageState[] = def.stages.map((s) => ({
    key: s.key,
    name: s.name,
    status: 'pending',
    startsAt: s.startsAt,
    dueAt: s.dueAt,
    closedEarly: false,
    overdueCount: 0,
  }));
  const escalations = new Map<string, CaseTaskState>();
  const closeRequests = new Map<string, { reason: string; actor: Actor }>();
  /** Stages whose closing has begun (deadline or early): no more extensions or close requests. */
  const closing = new Set<string>();
  let projected = false;
  let completed = false;

  setHandler(launchedUpdate, async () => {
    await condition(() => projected);
    return { campaignId: def.campaignId, caseCount: input.cases.length };
  });

  setHandler(campaignProgressQuery, () => ({
    campaignId: def.campaignId,
    status: completed ? 'completed' : 'running',
    currentStage: stages.find((s) => s.status === 'open')?.key,
    stages,
    openTasks: [...escalations.values()].filter((t) => t.status === 'open').map((t) => t.id),
  }));

  const stageFor = (key: string): StageState => {
    const s = stages.find((x) => x.key === key);
    if (!s) throw ApplicationFailure.create({ type: REJECT.notFound, message: `unknown stage ${key}` });
    return s;
  };

  // A coordinator may close an open stage early (with a reason, audited).
  setHandler(
    closeStageUpdate,
    async ({ stageKey, reason, actor }) => {
      closeRequests.set(stageKey, { reason, actor });
      const s = stageFor(stageKey);
      await condition(() => s.status === 'closed');
      return s;
    },
    {
      validator: ({ stageKey, reason }) => {
        const s = stageFor(stageKey);
        if (s.status !== 'open' || closing.has(stageKey)) throw ApplicationFailure.create({ type: REJECT.conflict, message: `stage ${stageKey} is ${closing.has(stageKey) ? 'closing' : s.status}, only an open stage can be closed` });
        if (closeRequests.has(stageKey)) throw ApplicationFailure.create({ type: REJECT.conflict, message: `stage ${stageKey} is already being closed` });
        if (!reason.trim()) throw ApplicationFailure.create({ type: REJECT.invalid, message: 'a reason is required' });
      },
    },
  );

  // …or extend its deadline. An extension may not run into the next stage: stages never overlap.
  setHandler(
    extendStageUpdate,
    async ({ stageKey, dueAt, reason, actor }) => {
      const s = stageFor(stageKey);
      const previousDueAt = s.dueAt;
      s.dueAt = dueAt;
      await acts.extendStage({ campaignId: def.campaignId, stageKey, dueAt, previousDueAt, reason, actor });
      if (s.status === 'open') await signalCases(stageExtendedSignal, { stageKey, dueAt });
      return s;
    },
    {
      validator: ({ stageKey, dueAt, reason }) => {
        const s = stageFor(stageKey);
        if (s.status === 'closed' || closing.has(stageKey) || closeRequests.has(stageKey)) throw ApplicationFailure.create({ type: REJECT.conflict, message: `stage ${stageKey} is already closed` });
        if (!reason.trim()) throw ApplicationFailure.create({ type: REJECT.invalid, message: 'a reason is required' });
        if (!(dueAt > s.dueAt)) throw ApplicationFailure.create({ type: REJECT.invalid, message: 'the new deadline must be later than the current one' });
        const next = stages[stages.indexOf(s) + 1];
        if (next && dueAt >= next.startsAt) throw ApplicationFailure.create({ type: REJECT.invalid, message: `the new deadline must be before the next stage (${next.key}) starts` });
      },
    },
  );

  // Escalation tasks belong to the campaign; case tasks to their case workflows.
  setHandler(
    completeTaskUpdate,
    async ({ taskId, actor, result }) => {
      const t = escalations.get(taskId)!;
      t.status = 'done'; // before any await: a second concurrent Update sees it and is refused
      const completedAt = await acts.recordTaskCompletion({ taskId, actor, result: result as object, late: false });
      return { taskId, status: 'done', completedAt, late: false };
    },
    { validator: (i) => validateCompletion(escalations, i) },
  );

  await acts.projectCampaign({ definition: def, actor: input.launchedBy, caseCount: input.cases.length, workflowId: workflowInfo().workflowId });
  projected = true;

  const children: ChildWorkflowHandle<typeof CaseWorkflow>[] = [];
  for (const seed of input.cases) {
    children.push(
      await startChild(CaseWorkflow, {
        workflowId: caseWorkflowId(seed.caseId),
        args: [{ campaignId: def.campaignId, jurisdictionId: def.jurisdictionId, stages: def.stages, seed, enrolledBy: input.launchedBy }],
        // A case outlives nothing: if the campaign is terminated its cases are too.
        parentClosePolicy: ParentClosePolicy.TERMINATE,
      }),
    );
  }

  async function signalCases<Args extends unknown[]>(signal: SignalDefinition<Args>, ...args: Args): Promise<void> {
    await Promise.all(children.map((c) => getExternalWorkflowHandle(c.workflowId).signal(signal, ...args)));
  }

  for (const stage of stages) {
    const wait = stage.startsAt - Date.now();
    if (wait > 0) await sleep(wait);
    stage.status = 'open';
    upsertSearchAttributes([{ key: SA_CURRENT_STAGE, value: stage.key }]);
    await acts.openStage({ campaignId: def.campaignId, stageKey: stage.key });
    await signalCases(stageOpenedSignal, { stageKey: stage.key, dueAt: stage.dueAt });

    // Wait for the deadline (which an extension may move) or an early close; remind before the deadline.
    for (;;) {
      const close = closeRequests.get(stage.key);
      if (close) {
        await closeStage(stage, true, close.reason, close.actor);
        break;
      }
      const now = Date.now();
      if (now >= stage.dueAt) {
        await closeStage(stage, false, undefined, SYSTEM_ACTOR);
        break;
      }
      const remindAt = stage.dueAt - def.reminderLeadMs;
      if (stage.reminderSentForDueAt !== stage.dueAt && now >= remindAt) {
        await acts.sendStageReminder({ campaignId: def.campaignId, stageKey: stage.key, dueAt: stage.dueAt });
        stage.reminderSentForDueAt = stage.dueAt;
        continue;
      }
      const dueAtSeen = stage.dueAt;
      const nextEvent = stage.reminderSentForDueAt === stage.dueAt ? stage.dueAt : remindAt;
      await condition(() => closeRequests.has(stage.key) || stage.dueAt !== dueAtSeen, Math.max(1, nextEvent - now));
    }
  }

  async function closeStage(stage: StageState, early: boolean, reason: string | undefined, actor: Actor): Promise<void> {
    closing.add(stage.key);
    const { overdueCount, byJurisdiction } = await acts.closeStage({ campaignId: def.campaignId, stageKey: stage.key, early, reason, actor });
    const closedAt = Date.now();
    await signalCases(stageClosedSignal, { stageKey: stage.key });
    if (overdueCount > 0) {
      // Escalation to the coordinator of the campaign (leaders see it in progress and overdue counts).
      const id = `${def.campaignId}:${stage.key}:escalation`;
      escalations.set(id, { id, type: 'escalation', stageKey: stage.key, status: 'open', overdue: false });
      await acts.createTask({
        id,
        campaignId: def.campaignId,
        stageKey: stage.key,
        caseId: null,
        type: 'escalation',
        title: `逾期督办：${stage.name}（${overdueCount} 项未完成）`,
        assigneeRole: 'coordinator',
        jurisdictionId: def.jurisdictionId,
        dueAt: closedAt + 7 * 24 * 3600_000,
        workflowId: workflowInfo().workflowId,
        details: { stageKey: stage.key, stageName: stage.name, overdueCount, byJurisdiction },
        notify: {
          kind: 'escalation',
          title: `「${stage.name}」有 ${overdueCount} 项逾期 / ${overdueCount} task(s) overdue in "${stage.key}"`,
          body: byJurisdiction.map((j) => `${j.jurisdictionId}: ${j.count}`).join(', '),
        },
      });
    }
    // Only now is the stage closed in our state: a close-early Update returns once the escalation exists.
    Object.assign(stage, { status: 'closed', closedEarly: early, closedAt, overdueCount });
  }

  // The calendar is over. Open work is not dropped: cases finish when their tasks are done, and the
  // campaign completes when its cases and escalations have.
  await signalCases(campaignEndedSignal);
  await condition(() => [...escalations.values()].every((t) => t.status === 'done'));
  await Promise.all(children.map((c) => c.result()));
  await acts.completeCampaign({ campaignId: def.campaignId });
  completed = true;
  upsertSearchAttributes([{ key: SA_CURRENT_STAGE, value: 'completed' }]);
  return { campaignId: def.campaignId, stages };
}
