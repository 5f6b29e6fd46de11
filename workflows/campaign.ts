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
  allHandlersFinished,
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
import { shanghaiDateTime } from '../domain/time.js';
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
  publishPublicityUpdate,
  lodgeObjectionUpdate,
  resolveObjectionUpdate,
  finalizeAwardUpdate,
  awardProgressQuery,
  enrolledCasesQuery,
  type AwardProgress,
  type EnrolInput,
  type FileApplicationInput,
  fileApplicationUpdate,
  confirmListUpdate,
  listDecisionSignal,
  type PublicityState,
  stageClosedSignal,
  stageExtendedSignal,
  stageOpenedSignal,
  type CaseTaskState,
  type StageState,
} from './messages.js';
import { TitleWorkflow } from './title.js';
import { CultivationWorkflow } from './cultivation.js';
import { installIntake } from './intake-campaign.js';
import { CaseBatchWorkflow, caseBatchWorkflowId } from './case-batch.js';
import { caseCommonOf, caseWorkflowId, startCaseChild, type CaseChild } from './case-child.js';
import { caseIdOf } from '../domain/case.js';
import { validateCompletion } from './task-validation.js';

export interface CampaignInput {
  definition: CampaignDefinition;
  launchedBy: Actor;
  /**
   * The operators enrolled at launch, started by CaseBatchWorkflows of `batchSize` (issue #9): ids only,
   * so even a province-sized launch stays well inside Temporal's 2 MB payload limit.
   */
  operatorIds?: string[];
  batchSize?: number;
  /** Campaigns launched before #9 carry every case's seed and start each case themselves. */
  cases?: CaseSeed[];
}

/** Cases per launch batch: a batch's history is then 430–530 events (measured by npm run bench), far from the limit. */
export const FANOUT_BATCH_SIZE = 200;
/** Launch batches started at once. */
const BATCHES_IN_FLIGHT = 25;

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // Database blips are retried for as long as it takes; a decision is never dropped, only delayed.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export { caseWorkflowId };

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
  const rules = def.rules;
  const launchCases = input.operatorIds?.map((id) => caseIdOf(def.campaignId, id)) ?? input.cases?.map((c) => c.caseId) ?? [];
  const enrolled = new Set(launchCases);
  /** Case workflows already over (an application rejected or vetoed finishes early): they need no more news. */
  const finished = new Set<string>();
  let publicity: PublicityState | undefined;
  let publishing = false;
  const objections: AwardProgress['objections'] = [];
  let finalized = false;
  let titles = 0;
  const reject = (type: string, message: string) => ApplicationFailure.create({ type, message });

  setHandler(launchedUpdate, async () => {
    await condition(() => projected);
    return { campaignId: def.campaignId, caseCount: launchCases.length };
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
      await acts.extendStage({ campaignId: def.campaignId, stageKey, dueAt, previousDueAt, reason, actor, clause: rules.clauses.deadline });
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
        if (rules.application || rules.intake) throw reject(REJECT.invalid, '本项目须逐一申报 / this programme enrols by application');
        const stage = stageFor(rules.enrolmentStage);
        if (!projected || stage.status === 'closed' || closing.has(stage.key)) throw reject(REJECT.conflict, `「${stage.name}」阶段已结束，不能再纳入经营主体 / enrolment closed with stage ${stage.key}`);
        if (cases.length === 0) throw reject(REJECT.invalid, '没有要纳入的经营主体 / nothing to enrol');
        const dup = cases.filter((c, i) => enrolled.has(c.caseId) || cases.findIndex((x) => x.caseId === c.caseId) !== i);
        if (dup.length) throw reject(REJECT.conflict, `已纳入本活动 / already enrolled: ${dup.map((c) => c.operatorName).join(', ')}`);
        // A programme without tracks (a defined one) enrols cases without one.
        const noTrack = rules.tracks.length === 0 ? [] : cases.filter((c) => !rules.tracks.some((t) => t.key === c.track));
        if (noTrack.length) throw reject(REJECT.invalid, `须选择赛道 / a track (${rules.tracks.map((t) => t.key).join(' | ')}) is required: ${noTrack.map((c) => c.operatorName).join(', ')}`);
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
      await acts.recordEnrolment({ campaignId: def.campaignId, caseCount, added: [seed.caseId], actor, clause: rules.application!.clauses.application });
      return { caseId: seed.caseId };
    },
    {
      validator: ({ seed }: FileApplicationInput) => {
        if (!rules.application) throw reject(REJECT.invalid, '本项目不受理申报 / this programme takes no applications');
        const stage = stageFor(rules.application.applicationStage);
        if (!projected || stage.status !== 'open' || closing.has(stage.key)) throw reject(REJECT.conflict, `「${stage.name}」阶段未开放，不受理申报 / applications are taken while stage ${stage.key} is open (it is ${stage.status})`);
        if (enrolled.has(seed.caseId)) throw reject(REJECT.conflict, `「${seed.operatorName}」已申报 / ${seed.operatorName} has already applied`);
      },
    },
  );

  // 培育名单确认 (六、（四）): once applications are closed and every one is decided, the city lists the best.
  let listConfirmed = false;
  let confirming = false;
  setHandler(
    confirmListUpdate,
    async ({ threshold, quota, actor }) => {
      confirming = true;
      if (rules.defined) {
        // A defined programme's roster (issue #8 Part B): kind 'list', no cultivation afterwards.
        const d = rules.defined;
        const r = await acts.confirmDefinedRoster({ campaignId: def.campaignId, threshold, quota, actor, clause: d.clause, rubricStageClosed: stageFor(d.rubric.stageKey).status === 'closed', rosterName: d.roster.name });
        if (r.refusal) {
          confirming = false;
          throw reject(REJECT.conflict, r.refusal);
        }
        listConfirmed = true;
        for (const caseId of [...r.listed, ...r.notListed]) await signalCase(caseWorkflowId(caseId), listDecisionSignal, { listed: r.listed.includes(caseId) });
        return { rosterId: r.rosterId, listed: r.listed.length };
      }
      const r = await acts.confirmCultivationList({ campaignId: def.campaignId, threshold, quota, actor, clause: rules.application!.clauses.listing });
      if (r.refusal) {
        confirming = false;
        throw reject(REJECT.conflict, r.refusal);
      }
      listConfirmed = true;
      for (const room of r.listed)
        await startChild(CultivationWorkflow, {
          workflowId: `listing-${room.caseId}`,
          args: [{ listingId: room.caseId, clauses: rules.application!.clauses }],
          // A listed room stays listed whatever becomes of this year's campaign.
          parentClosePolicy: ParentClosePolicy.ABANDON,
        });
      for (const caseId of [...r.listed.map((x) => x.caseId), ...r.notListed])
        await signalCase(caseWorkflowId(caseId), listDecisionSignal, { listed: r.listed.some((x) => x.caseId === caseId) });
      return { rosterId: `${def.campaignId}:cultivation:1`, listed: r.listed.length };
    },
    {
      validator: ({ threshold, quota }) => {
        if (rules.defined) {
          // After the rubric stage has closed, or while it is open once every rubric task is done (the activity checks).
          const stage = stageFor(rules.defined.rubric.stageKey);
          if (stage.status === 'pending') throw reject(REJECT.conflict, `「${stage.name}」阶段尚未开始，不能确认名单 / the roster is confirmed once stage ${stage.key} has started and its scoring is done`);
          if (listConfirmed || confirming) throw reject(REJECT.conflict, '名单已确认 / the roster is already confirmed');
        } else {
          if (!rules.application) throw reject(REJECT.invalid, '本项目没有培育名单 / this programme has no cultivation list');
          const stage = stageFor(rules.application.applicationStage);
          if (stage.status !== 'closed') throw reject(REJECT.conflict, `「${stage.name}」阶段结束后方可确认名单 / the list is confirmed after stage ${stage.key} has closed`);
          if (listConfirmed || confirming) throw reject(REJECT.conflict, '培育名单已确认 / the cultivation list is already confirmed');
        }
        if (threshold === undefined && quota === undefined) throw reject(REJECT.invalid, '须设定分数线或名额 / set a threshold, a quota, or both');
        if (threshold !== undefined && !(threshold >= 0 && threshold <= 100)) throw reject(REJECT.invalid, '分数线须在 0–100 之间 / threshold must be 0..100');
        if (quota !== undefined && !(Number.isInteger(quota) && quota >= 1)) throw reject(REJECT.invalid, '名额须为正整数 / quota must be a whole number ≥ 1');
      },
    },
  );

  setHandler(awardProgressQuery, () => ({ publicity, objections, finalized, titles }));
  setHandler(enrolledCasesQuery, () => [...enrolled]);

  // 公示 (四、（四）): the proposed list is published for a window; objections are lodged during it and
  // must all be resolved before the list becomes final.
  setHandler(
    publishPublicityUpdate,
    async ({ windowEndsAt, actor }) => {
      publishing = true; // before any await: a concurrent second request is refused
      const r = await acts.publishPublicity({ campaignId: def.campaignId, seq: 1, windowEndsAt, actor, clause: rules.clauses.publicity });
      if (r.refusal) {
        publishing = false; // nothing was written
        throw reject(REJECT.conflict, r.refusal);
      }
      publicity = { rosterId: r.rosterId!, seq: 1, windowEndsAt, caseIds: r.entries.map((e) => e.caseId) };
      return publicity;
    },
    {
      validator: ({ windowEndsAt }) => {
        // Normally during 评价公示; after it too (late scores), while the campaign runs.
        const stage = stageFor(rules.scoringStage);
        if (stage.status === 'pending') throw reject(REJECT.conflict, `「${stage.name}」阶段尚未开始 / stage ${stage.key} has not started`);
        if (publicity || publishing) throw reject(REJECT.conflict, '公示名单已发布 / the publicity list is already published');
        if (!(windowEndsAt > Date.now())) throw reject(REJECT.invalid, '公示截止时间必须在将来 / the publicity window must end in the future');
        const last = stages[stages.length - 1]!;
        if (windowEndsAt >= last.dueAt) throw reject(REJECT.invalid, `公示须在活动结束（${shanghaiDateTime(last.dueAt)}）前截止 / the window must end before the campaign's last deadline`);
      },
    },
  );

  setHandler(
    lodgeObjectionUpdate,
    async ({ caseId, source, content, actor }) => {
      const objectionId = `${def.campaignId}:objection:${objections.length + 1}`;
      objections.push({ id: objectionId, caseId, status: 'open' });
      await acts.lodgeObjection({ objectionId, campaignId: def.campaignId, caseId, rosterId: publicity!.rosterId, source, content, actor, clause: rules.clauses.publicity });
      return { objectionId };
    },
    {
      validator: ({ caseId, content }) => {
        if (!publicity) throw reject(REJECT.conflict, '尚未公示 / nothing has been published yet');
        if (finalized || Date.now() >= publicity.windowEndsAt) throw reject(REJECT.conflict, '公示期已结束，不再受理异议 / the publicity window has ended');
        if (!publicity.caseIds.includes(caseId)) throw reject(REJECT.invalid, '该案件不在公示名单上 / the case is not on the publicity list');
        if (!content.trim()) throw reject(REJECT.invalid, '须填写异议内容 / the objection needs its content');
      },
    },
  );

  setHandler(
    resolveObjectionUpdate,
    async ({ objectionId, decision, resolution, actor }) => {
      const o = objections.find((x) => x.id === objectionId)!;
      o.status = decision;
      await acts.resolveObjection({ objectionId, decision, resolution, actor, clause: rules.clauses.publicity });
      return { objectionId, status: decision };
    },
    {
      validator: ({ objectionId, decision, resolution }) => {
        const o = objections.find((x) => x.id === objectionId);
        if (!o) throw reject(REJECT.notFound, `异议 ${objectionId} 不存在 / unknown objection`);
        if (o.status !== 'open') throw reject(REJECT.conflict, `异议已处理（${o.status}） / the objection is already ${o.status}`);
        if (decision !== 'upheld' && decision !== 'dismissed') throw reject(REJECT.invalid, 'decision: upheld | dismissed');
        if (!resolution.trim()) throw reject(REJECT.invalid, '须说明处理理由 / a reason is required');
      },
    },
  );

  // The list is final once the window is over and every objection is resolved: titles are granted.
  setHandler(
    finalizeAwardUpdate,
    async ({ actor }) => {
      finalized = true;
      const granted = await acts.grantTitles({ campaignId: def.campaignId, publicityRosterId: publicity!.rosterId, titleValidity: def.settings.titleValidity, actor, clause: rules.clauses.award });
      for (const t of granted) {
        await startChild(TitleWorkflow, {
          workflowId: `title-${t.caseId}`,
          args: [{ ...t, campaignId: def.campaignId, rules: { revocationGrounds: rules.revocationGrounds, clauses: rules.clauses }, settings: { maxRectificationRounds: def.settings.maxRectificationRounds, verificationDays: def.settings.verificationDays } }],
          // A title lives its year whatever becomes of the campaign that granted it.
          parentClosePolicy: ParentClosePolicy.ABANDON,
        });
      }
      titles = granted.length;
      return { titles };
    },
    {
      validator: (_input: { actor: Actor }) => {
        if (!publicity) throw reject(REJECT.conflict, '尚未公示 / nothing has been published yet');
        if (finalized) throw reject(REJECT.conflict, '名单已确定 / the award list is already final');
        if (Date.now() < publicity.windowEndsAt) throw reject(REJECT.conflict, `公示期至 ${shanghaiDateTime(publicity.windowEndsAt)} 结束 / the publicity window is still open`);
        const open = objections.filter((o) => o.status === 'open').length;
        if (open) throw reject(REJECT.conflict, `尚有 ${open} 件异议未处理 / ${open} objection(s) still open`);
      },
    },
  );

  // Register programmes (Lijiang): applications, review batches and dynamic scoring.
  const intake = rules.intake
    ? installIntake({ def, stageFor, isProjected: () => projected, closing, enrolled, startCase: (seed, actor, extra) => startCase(seed, actor, extra), signalCase: (id, signal, ...args) => signalCase(id, signal, ...args), caseWorkflowId })
    : undefined;

  await acts.projectCampaign({ definition: def, actor: input.launchedBy, caseCount: launchCases.length, workflowId: workflowInfo().workflowId });
  projected = true;
  if (intake) await intake.startScoring();

  const children: (CaseChild | ChildWorkflowHandle<typeof CaseBatchWorkflow>)[] = [];
  const track = (child: (typeof children)[number]) => {
    children.push(child);
    child.result().then(
      () => finished.add(child.workflowId),
      () => finished.add(child.workflowId),
    );
  };
  async function startCase(seed: CaseSeed, actor: Actor, form?: unknown): Promise<void> {
    track(await startCaseChild(caseCommonOf(def), seed, actor, form));
    // A case enrolled while a stage is open still gets that stage's work.
    const open = stages.find((s) => s.status === 'open');
    if (open) await signalCase(caseWorkflowId(seed.caseId), stageOpenedSignal, { stageKey: open.key, dueAt: open.dueAt });
  }
  if (input.operatorIds) {
    // Launch fan-out as a tree: this history holds one start per batch, not one per case. The stage
    // calendar goes on meanwhile; each batch passes the stage news on once its cases have started.
    const size = input.batchSize ?? FANOUT_BATCH_SIZE;
    const slices = Array.from({ length: Math.ceil(input.operatorIds.length / size) }, (_, i) => input.operatorIds!.slice(i * size, (i + 1) * size));
    for (let from = 0; from < slices.length; from += BATCHES_IN_FLIGHT) {
      const started = await Promise.all(
        slices.slice(from, from + BATCHES_IN_FLIGHT).map((operatorIds, k) =>
          startChild(CaseBatchWorkflow, {
            workflowId: caseBatchWorkflowId(def.campaignId, from + k + 1),
            args: [{ common: caseCommonOf(def), batch: from + k + 1, operatorIds, enrolledBy: input.launchedBy }],
            // Terminating the campaign terminates its batches, and they their cases.
            parentClosePolicy: ParentClosePolicy.TERMINATE,
          }),
        ),
      );
      started.forEach(track);
    }
  } else for (const seed of input.cases ?? []) await startCase(seed, input.launchedBy);

  async function signalCases<Args extends unknown[]>(signal: SignalDefinition<Args>, ...args: Args): Promise<void> {
    await Promise.all(children.filter((c) => !finished.has(c.workflowId)).map((c) => signalCase(c.workflowId, signal, ...args)));
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
    const { overdueCount, byJurisdiction } = await acts.closeStage({ campaignId: def.campaignId, stageKey: stage.key, early, reason, actor, clause: rules.clauses.deadline });
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
  // A 公示 once published is seen through to its final list before the campaign ends.
  await condition(() => [...escalations.values()].every((t) => t.status === 'done') && (!publicity || finalized));
  await Promise.all(children.map((c) => c.result()));
  await condition(allHandlersFinished); // e.g. titles still being started by the final award
  await acts.completeCampaign({ campaignId: def.campaignId });
  completed = true;
  upsertSearchAttributes([{ key: SA_CURRENT_STAGE, value: 'completed' }]);
  return { campaignId: def.campaignId, stages };
}
