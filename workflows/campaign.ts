// CampaignWorkflow: runs any programme's stage calendar from data (DOMAIN.md "Campaign", "Stage").
// Deterministic orchestration only: every database write and notification is an activity.
import {
  ApplicationFailure,
  condition,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  startChild,
  allHandlersFinished,
  upsertSearchAttributes,
  workflowInfo,
  ParentClosePolicy,
  type ChildWorkflowHandle,
  type SignalDefinition,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { CaseSeed } from '../activities/case.js';
import { withKind, type CampaignDefinition, type CampaignDefinitionOf } from '../domain/campaign-definition.js';
import { SYSTEM_ACTOR, type Actor } from '../domain/roles.js';
import { planExtension, type CalendarStage } from '../domain/calendar.js';
import {
  REJECT,
  SA_CURRENT_STAGE,
  campaignEndedSignal,
  campaignProgressQuery,
  closeStageUpdate,
  completeTaskUpdate,
  extendStageUpdate,
  launchedUpdate,
  enrolCasesUpdate,
  enrolledAmongQuery,
  type EnrolInput,
  type FileApplicationInput,
  fileApplicationUpdate,
  stageClosedSignal,
  stageExtendedSignal,
  stageOpenedSignal,
  type CaseTaskState,
  type StageState,
} from './messages.js';
import { installKind } from './kinds/index.js';
import { openEscalation } from './overdue.js';
import { CaseBatchWorkflow, caseBatchWorkflowId } from './case-batch.js';
import { caseCommonOf, caseWorkflowId, startCaseChild, tracksOf, type CaseChild } from './case-child.js';
import { caseIdOf } from '../domain/case.js';
import { inSlices } from '../domain/slices.js';
import { validateCompletion } from './task-validation.js';
import { ACTIVITY_OPTIONS } from './activity-options.js';
import { ARRIVAL_SHARDS_PATCH, ARRIVAL_SHARD_SIZE, ROUTE, arrivalRouteQuery, arrivalShardWorkflowId, openArrivalShardUpdate } from './arrival-messages.js';
import { ArrivalShardWorkflow, arrivalClosed, arrivalKindOf, arrivalStageKey, takesArrivals } from './arrival-shard.js';

export interface CampaignInput {
  definition: CampaignDefinition;
  launchedBy: Actor;
  /**
   * The operators enrolled at launch, stored by the API in pages (table launch_enrolment) and read here:
   * a province's register named in the input itself would pass Temporal's 2 MB payload limit.
   */
  enrolment?: LaunchEnrolmentRef;
  /** Campaigns launched before `enrolment` carry the launch's operator ids themselves. */
  operatorIds?: string[];
  batchSize?: number;
  /** Campaigns launched before #9 carry every case's seed and start each case themselves. */
  cases?: CaseSeed[];
  /** Cases per arrival shard (workflows/arrival-shard.ts); ARRIVAL_SHARD_SIZE unless a test or the bench says. */
  arrivalShardSize?: number;
}

export interface LaunchEnrolmentRef {
  launchId: string;
  pages: number;
  operators: number;
}

/** Cases per launch batch: a batch's history is then 430–530 events (measured by npm run bench), far from the limit. */
export const FANOUT_BATCH_SIZE = 200;
/** Launch batches started at once. */
const BATCHES_IN_FLIGHT = 25;

const acts = proxyActivities<Activities>(ACTIVITY_OPTIONS);

export { caseWorkflowId };

export async function CampaignWorkflow(input: CampaignInput): Promise<{ campaignId: string; stages: StageState[] }> {
  // Campaigns launched before kinds were explicit carry none: told by their rules (withKind).
  const def = withKind(input.definition) as CampaignDefinition;
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
  const rules = def.rules;
  const launchCases = input.operatorIds?.map((id) => caseIdOf(def.campaignId, id)) ?? input.cases?.map((c) => c.caseId) ?? [];
  const launchCount = input.enrolment?.operators ?? launchCases.length;
  const enrolled = new Set(launchCases);
  /** Case workflows already over (an application rejected or vetoed finishes early): they need no more news. */
  const finished = new Set<string>();
  const reject = (type: string, message: string) => ApplicationFailure.create({ type, message });

  setHandler(launchedUpdate, async () => {
    await condition(() => projected);
    return { campaignId: def.campaignId, caseCount: launchCount };
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
        // Bilingual with the stage's names (a validator leaves no event: its wording is free to change).
        const nameEn = def.stages.find((x) => x.key === stageKey)?.nameEn ?? s.name;
        // Closed first: the closing marks stay once the stage is closed.
        if (s.status !== 'open')
          throw ApplicationFailure.create({
            type: REJECT.conflict,
            message: `「${s.name}」阶段${s.status === 'closed' ? '已结束' : '尚未开始'}，只能提前结束进行中的阶段 / stage "${nameEn}" is ${s.status}: only an open stage can be closed`,
          });
        if (closing.has(stageKey) || closeRequests.has(stageKey))
          throw ApplicationFailure.create({ type: REJECT.conflict, message: `「${s.name}」阶段正在结束，请稍候 / stage "${nameEn}" is already being closed` });
        if (!reason.trim()) throw ApplicationFailure.create({ type: REJECT.invalid, message: 'a reason is required' });
      },
    },
  );

  // …or extend its deadline. Stages never overlap: an extension that reaches the next stage moves it, and
  // each later stage it then reaches, by as much; a date the programme pins (a notice fixes it) is never
  // moved, the extension is refused with the latest deadline allowed (domain/calendar.ts, README
  // "Extending a stage"). A stage being closed counts as closed.
  const calendarNow = (): CalendarStage[] =>
    stages.map((s, i) => ({
      key: s.key,
      name: s.name,
      nameEn: def.stages[i]!.nameEn,
      status: closing.has(s.key) || closeRequests.has(s.key) ? 'closed' : s.status,
      startsAt: s.startsAt,
      dueAt: s.dueAt,
      ...(def.stages[i]!.pinned ? { pinned: def.stages[i]!.pinned } : {}),
    }));
  const REFUSAL_TYPE = { invalid: REJECT.invalid, conflict: REJECT.conflict, not_found: REJECT.notFound } as const;
  setHandler(
    extendStageUpdate,
    async ({ stageKey, dueAt, reason, actor }) => {
      const s = stageFor(stageKey);
      const previousDueAt = s.dueAt;
      // The validator has just accepted this against the same state. The later stages move before any
      // await: the stage loop and every later request see the new calendar at once. The commands stay
      // those of any extension (one activity, the signal to the cases of an open stage): the cases learn a
      // moved stage's deadline when it opens, and its tasks' rows move in the activity.
      const planned = planExtension(calendarNow(), stageKey, dueAt);
      const calendar = planned.ok ? planned.plan.calendar : undefined;
      for (const shift of calendar ?? []) {
        if (!shift.moved || shift.key === stageKey) continue;
        Object.assign(stageFor(shift.key), { startsAt: shift.to.startsAt, dueAt: shift.to.dueAt });
      }
      s.dueAt = dueAt;
      await acts.extendStage({ campaignId: def.campaignId, stageKey, dueAt, previousDueAt, reason, actor, clause: rules.clauses.deadline, calendar });
      if (s.status === 'open') await signalCases(stageExtendedSignal, { stageKey, dueAt });
      return s;
    },
    {
      validator: ({ stageKey, dueAt, reason }) => {
        const planned = planExtension(calendarNow(), stageKey, dueAt);
        if (!planned.ok) throw reject(REFUSAL_TYPE[planned.refusal.kind], `${planned.refusal.messageZh} / ${planned.refusal.messageEn}`);
        if (!reason.trim()) throw reject(REJECT.invalid, '须填写延期理由 / a reason is required');
      },
    },
  );

  // Escalation tasks belong to the campaign; case tasks to their case workflows.
  setHandler(
    completeTaskUpdate,
    async ({ taskId, actor, result, claimed }) => {
      const t = escalations.get(taskId)!;
      t.status = 'done'; // before any await: a second concurrent Update sees it and is refused
      const completedAt = await acts.recordTaskCompletion({ taskId, actor, claimed, result: result as object, late: false });
      return { taskId, status: 'done', completedAt, late: false };
    },
    { validator: (i) => validateCompletion(escalations, i) },
  );

  // The campaign's children: launch batches, arrival shards, and cases it started itself (before #9,
  // and arrivals at a campaign started before the shards). Declared before any handler may run.
  const children: (CaseChild | ChildWorkflowHandle<typeof CaseBatchWorkflow> | ChildWorkflowHandle<typeof ArrivalShardWorkflow>)[] = [];
  const track = (child: (typeof children)[number]) => {
    children.push(child);
    child.result().then(
      () => finished.add(child.workflowId),
      () => finished.add(child.workflowId),
    );
  };

  // Cases that join after launch (applications, register intake, enrolment) go to arrival shards of at
  // most `arrivalShardSize` cases (workflows/arrival-shard.ts): the API asks for the current one
  // (arrivalRoute) and, when it is full, for the next; this history holds one child per shard, not one
  // per arrival. A campaign started before the shards takes arrivals itself, as its history records.
  const sharded = patched(ARRIVAL_SHARDS_PATCH);
  const arrivalKind = arrivalKindOf(rules);
  const shards: { workflowId: string; seq: number }[] = [];
  let shardOpening = false;
  const notHere = () => reject(ROUTE.sharded, '本活动的申报与纳入由分片受理 / this campaign takes new cases through its arrival shards (api/arrivals.ts)');
  setHandler(arrivalRouteQuery, () => ({ sharded, ...(shards.length ? { current: shards[shards.length - 1]! } : {}) }));
  setHandler(
    openArrivalShardUpdate,
    async () => {
      shardOpening = true; // before any await: a concurrent request is refused (it asks again)
      try {
        const seq = shards.length + 1;
        const workflowId = arrivalShardWorkflowId(def.campaignId, seq);
        // The stages as they are now; what happens while the shard starts reaches it once tracked (signalCases).
        const shard = await startChild(ArrivalShardWorkflow, {
          workflowId,
          args: [{ common: caseCommonOf(def), seq, capacity: input.arrivalShardSize ?? ARRIVAL_SHARD_SIZE, stages, closing: [...closing] }],
          // Terminating the campaign terminates its shards, and they their cases.
          parentClosePolicy: ParentClosePolicy.TERMINATE,
          // A shard's task is one replay of up to a few thousand events after an eviction: on a busy worker
          // it may take longer than the default 10 s, and a timed-out task is replayed again (and arrivals
          // wait). A dead worker's task is retried after this long instead.
          workflowTaskTimeout: '1 minute',
        });
        shards.push({ workflowId, seq });
        track(shard);
        return { workflowId, seq };
      } finally {
        shardOpening = false;
      }
    },
    {
      validator: ({ after }) => {
        if (!sharded) throw reject(REJECT.invalid, 'this campaign takes new cases itself');
        const stage = stageFor(arrivalStageKey(rules));
        if (!projected || !takesArrivals(arrivalKind, stage, closing.has(stage.key), Date.now())) throw arrivalClosed(arrivalKind, stage);
        // Refused without a trace in the history: the caller asks for the route again.
        if (shardOpening || after !== shards.length)
          throw reject(ROUTE.moved, `arrival shard ${shards.length}${shardOpening ? ' (next one starting)' : ''} is the current one`);
      },
    },
  );

  // Enrolment (动员部署): more operators join until the enrolment stage closes (changxing 四、（一）).
  setHandler(
    enrolCasesUpdate,
    async ({ cases, actor }) => {
      for (const c of cases) enrolled.add(c.caseId); // before any await: a concurrent duplicate is refused
      const caseCount = enrolled.size; // this batch's count, whatever another batch does meanwhile
      for (const seed of cases) await startCase(seed, actor);
      await acts.recordEnrolment({ campaignId: def.campaignId, caseCount, added: cases.map((c) => c.caseId), actor, clause: rules.clauses.enrolment });
      return { enrolled: cases.length, caseCount };
    },
    {
      validator: ({ cases }: EnrolInput) => {
        if (def.kind === 'application' || def.kind === 'register') throw reject(REJECT.invalid, '本项目须逐一申报 / this programme enrols by application');
        if (sharded) throw notHere();
        const stage = stageFor(rules.enrolmentStage);
        if (!projected || stage.status === 'closed' || closing.has(stage.key))
          throw reject(REJECT.conflict, `「${stage.name}」阶段已结束，不能再纳入经营主体 / enrolment closed with stage ${stage.key}`);
        if (cases.length === 0) throw reject(REJECT.invalid, '没有要纳入的经营主体 / nothing to enrol');
        const dup = cases.filter((c, i) => enrolled.has(c.caseId) || cases.findIndex((x) => x.caseId === c.caseId) !== i);
        if (dup.length) throw reject(REJECT.conflict, `已纳入本活动 / already enrolled: ${dup.map((c) => c.operatorName).join(', ')}`);
        // A programme without tracks (a defined one) enrols cases without one.
        const tracks = tracksOf(rules);
        const noTrack = tracks.length === 0 ? [] : cases.filter((c) => !tracks.some((t) => t.key === c.track));
        if (noTrack.length)
          throw reject(
            REJECT.invalid,
            `须选择赛道 / a track (${tracks.map((t) => t.key).join(' | ')}) is required: ${noTrack.map((c) => c.operatorName).join(', ')}`,
          );
      },
    },
  );

  // Applications (Zhoushan 六、（二）): filed while the application stage is open, one case each.
  setHandler(
    fileApplicationUpdate,
    async ({ seed, form, actor }) => {
      enrolled.add(seed.caseId); // before any await: a second application for the operator is refused
      const caseCount = enrolled.size;
      await startCase(seed, actor, form);
      await acts.recordEnrolment({
        campaignId: def.campaignId,
        caseCount,
        added: [seed.caseId],
        actor,
        clause: (def as CampaignDefinitionOf<'application'>).rules.application.clauses.application,
      });
      return { caseId: seed.caseId };
    },
    {
      validator: ({ seed }: FileApplicationInput) => {
        if (def.kind !== 'application') throw reject(REJECT.invalid, '本项目不受理申报 / this programme takes no applications');
        if (sharded) throw notHere();
        const stage = stageFor(def.rules.application.applicationStage);
        if (!projected || stage.status !== 'open' || closing.has(stage.key))
          throw reject(
            REJECT.conflict,
            `「${stage.name}」阶段未开放，不受理申报 / applications are taken while stage ${stage.key} is open (it is ${stage.status})`,
          );
        if (enrolled.has(seed.caseId)) throw reject(REJECT.conflict, `「${seed.operatorName}」已申报 / ${seed.operatorName} has already applied`);
      },
    },
  );

  setHandler(enrolledAmongQuery, (caseIds) => caseIds.filter((id) => enrolled.has(id)));

  // The kind's own part: Changxing's 公示 and award, a list or roster, the register's intake and scoring
  // (workflows/kinds/). Only handler registrations here; its commands come later.
  const part = installKind({
    def,
    stages,
    stageFor,
    isProjected: () => projected,
    closing,
    enrolled,
    startCase,
    signalCase,
    ...(sharded ? { arrivalShards: { signal: signalShards } } : {}),
  });

  // A stored enrolment is read before the projection: until then every enrolment is refused (not projected),
  // so the duplicate check never runs without the launch's cases.
  const launchOperatorIds = input.enrolment
    ? (
        await Promise.all(Array.from({ length: input.enrolment.pages }, (_, page) => acts.launchEnrolmentPage({ launchId: input.enrolment!.launchId, page })))
      ).flat()
    : input.operatorIds;
  if (input.enrolment) for (const id of launchOperatorIds!) enrolled.add(caseIdOf(def.campaignId, id));
  await acts.projectCampaign({ definition: def, actor: input.launchedBy, caseCount: launchCount, workflowId: workflowInfo().workflowId });
  projected = true;
  await part.afterProjection?.();

  async function startCase(seed: CaseSeed, actor: Actor, form?: unknown): Promise<void> {
    track(await startCaseChild(caseCommonOf(def), seed, actor, form));
    // A case enrolled while a stage is open still gets that stage's work.
    const open = stages.find((s) => s.status === 'open');
    if (open) await signalCase(caseWorkflowId(seed.caseId), stageOpenedSignal, { stageKey: open.key, dueAt: open.dueAt });
  }
  if (launchOperatorIds) {
    // Launch fan-out as a tree: this history holds one start per batch, not one per case. The stage
    // calendar goes on meanwhile; each batch passes the stage news on once its cases have started.
    const size = input.batchSize ?? FANOUT_BATCH_SIZE;
    const slices = inSlices(launchOperatorIds, size);
    for (let from = 0; from < slices.length; from += BATCHES_IN_FLIGHT) {
      const started = await Promise.all(
        slices.slice(from, from + BATCHES_IN_FLIGHT).map((operatorIds, k) =>
          startChild(CaseBatchWorkflow, {
            workflowId: caseBatchWorkflowId(def.campaignId, from + k + 1),
            args: [{ common: caseCommonOf(def), batch: from + k + 1, operatorIds, enrolledBy: input.launchedBy }],
            // Terminating the campaign terminates its batches; their cases are no children of theirs, and
            // are ended by their CampaignId (runtime/campaign-termination.ts).
            parentClosePolicy: ParentClosePolicy.TERMINATE,
          }),
        ),
      );
      started.forEach(track);
    }
  } else for (const seed of input.cases ?? []) await startCase(seed, input.launchedBy);

  async function signalCases<Args extends unknown[]>(signal: SignalDefinition<Args>, ...args: Args): Promise<void> {
    // A shard being started got the stages as they were: it hears what happened meanwhile once tracked.
    if (shardOpening) await condition(() => !shardOpening);
    await Promise.all(children.filter((c) => !finished.has(c.workflowId)).map((c) => signalCase(c.workflowId, signal, ...args)));
  }
  /** News for the arrival shards only (a register's review batch: they tell their own cases). */
  async function signalShards<Args extends unknown[]>(signal: SignalDefinition<Args>, ...args: Args): Promise<void> {
    if (shardOpening) await condition(() => !shardOpening);
    await Promise.all(shards.filter((c) => !finished.has(c.workflowId)).map((c) => signalCase(c.workflowId, signal, ...args)));
  }
  async function signalCase<Args extends unknown[]>(workflowId: string, signal: SignalDefinition<Args>, ...args: Args): Promise<void> {
    try {
      await getExternalWorkflowHandle(workflowId).signal(signal, ...args);
    } catch (e) {
      if (!/not found/i.test((e as Error).message)) throw e;
      finished.add(workflowId); // it finished between our look and the signal
    }
  }

  for (const stage of stages) {
    // An extension moves a pending stage's start only later: a sleep that ends at the old start sleeps on
    // to the new one (a calendar that never moved issues exactly the one timer it always did).
    for (let wait = stage.startsAt - Date.now(); wait > 0; wait = stage.startsAt - Date.now()) await sleep(wait);
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
    const { overdueCount, byJurisdiction } = await acts.closeStage({
      campaignId: def.campaignId,
      stageKey: stage.key,
      early,
      reason,
      actor,
      clause: rules.clauses.deadline,
    });
    const closedAt = Date.now();
    await signalCases(stageClosedSignal, { stageKey: stage.key });
    if (overdueCount > 0) {
      // Escalation to the coordinator of the campaign (leaders see it in progress and overdue counts).
      await openEscalation(escalations, {
        id: `${def.campaignId}:${stage.key}:escalation`,
        campaignId: def.campaignId,
        stageKey: stage.key,
        caseId: null,
        title: `逾期督办：${stage.name}（${overdueCount} 项未完成）`,
        jurisdictionId: def.jurisdictionId,
        details: { stageKey: stage.key, stageName: stage.name, overdueCount, byJurisdiction },
        notify: {
          title: `「${stage.name}」有 ${overdueCount} 项逾期 / ${overdueCount} task(s) overdue in "${def.stages.find((x) => x.key === stage.key)?.nameEn ?? stage.key}"`,
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
  // The kind's own work (a 公示 once published, seen through to its final list) ends before the campaign does.
  await condition(() => [...escalations.values()].every((t) => t.status === 'done') && part.settled());
  await Promise.all(children.map((c) => c.result()));
  await condition(allHandlersFinished); // e.g. titles still being started by the final award
  await acts.completeCampaign({ campaignId: def.campaignId });
  completed = true;
  upsertSearchAttributes([{ key: SA_CURRENT_STAGE, value: 'completed' }]);
  return { campaignId: def.campaignId, stages };
}
