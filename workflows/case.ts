// CaseWorkflow: one operator inside a campaign (DOMAIN.md "Case"). It opens the tasks the programme gives
// each case when a stage opens, accepts their completion as Updates, and follows each decision with the
// next step the Changxing notice prescribes: a self-check is reviewed; an inspection finding orders a
// rectification (then verification at its deadline) or files the case; the five evaluation groups'
// scores make the total. Deterministic orchestration only: every record is an activity.
import { ApplicationFailure, allHandlersFinished, condition, patched, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { CaseSeed } from '../activities/case.js';
import type { RulesOf, StageDefinition } from '../domain/campaign-definition.js';
import type { CaseTaskTemplate, SettingsOf } from '../domain/programmes/index.js';
import { SYSTEM_ACTOR, type AccountRole, type Actor } from '../domain/roles.js';
import { meetsThreshold, toCenti, totalE4 as weightedTotal } from '../domain/scoring.js';
import { SELF_CHECK_AREAS } from '../domain/self-check.js';
import type { InspectionResult, ScoreResult, SelfCheckReviewResult, VerificationResult } from '../domain/task-forms.js';
import { shanghaiDate } from '../domain/time.js';
import {
  REJECT,
  campaignEndedSignal,
  caseProgressQuery,
  completeTaskUpdate,
  correctTaskUpdate,
  stageClosedSignal,
  stageExtendedSignal,
  stageOpenedSignal,
  inspectionDrawnSignal,
  holdOutOfAwardUpdate,
  type CaseTaskState,
  type CorrectTaskInput,
  type InspectionDrawnInput,
} from './messages.js';
import type { CorrectionRecord } from '../activities/correction.js';
import { CORRECTABLE_TASK_TYPES } from '../domain/corrections.js';
import { checkRectifyBy, checkVerification, verificationOutcome } from './rectification.js';
import { validateCompletion } from './task-validation.js';
import { ACTIVITY_OPTIONS } from './activity-options.js';
import { caseWorkflowId } from './ids.js';
import { checkCorrection, completionKey, refuse, refuseWhileCorrecting } from './correction-gate.js';
import { createTaskAtStep } from './task-step.js';
import { takeDown } from './follow-up.js';
import type { FollowUpWrites } from '../activities/task.js';

/** Who a score is by, for the one-dimension-per-scorer rule: the group when a group's decision is entered for it. */
const scorerOf = (a: Actor): string => (a.forGroup ? `group:${a.forGroup.groupId}` : (a.userId ?? 'system'));

/** A case of a staged award (CaseWorkflow) or of a defined programme (DefinedCaseWorkflow). */
export interface CaseInput<K extends 'staged_award' | 'defined' = 'staged_award'> {
  campaignId: string;
  jurisdictionId: string;
  stages: StageDefinition[];
  settings: SettingsOf<K>;
  rules: RulesOf<K>;
  seed: CaseSeed;
  enrolledBy: Actor;
  /** Already projected with its launch batch (CaseBatchWorkflow, #9): nothing to write at start. */
  projected?: boolean;
}

const options = ACTIVITY_OPTIONS;
const remoteActs = proxyActivities<Activities>(options);
// Issue #9: a case's records are short database writes. As local activities they run inside the workflow
// task that asks for them, instead of a round trip through the activity queue and another workflow task
// each: a task completion (three writes) then costs one or two workflow tasks instead of four.
const localActs = proxyLocalActivities<Activities>(options);

export const caseTaskId = (caseId: string, stageKey: string, type: string, round = 1, dimension?: string) =>
  `${caseId}:${stageKey}:${type}${dimension ? `:${dimension}` : ''}${round > 1 ? `#${round}` : ''}`;

interface NewCaseTask {
  stageKey: string;
  type: string;
  title: string;
  assigneeRole: AccountRole;
  round?: number;
  dimension?: string;
  details?: object;
  /** Held from the start by this user (a 双随机 inspection's first inspector). */
  holder?: string;
}

export async function CaseWorkflow(input: CaseInput): Promise<{ caseId: string; tasks: CaseTaskState[] }> {
  // Decided once, first: a case started before #9 replays with the activities it scheduled.
  const acts = patched('case-local-activities') ? localActs : remoteActs;
  const { seed, rules, settings } = input;
  const clause = rules.clauses;
  const tasks = new Map<string, CaseTaskState>();
  type Event = { kind: 'opened' | 'extended'; stageKey: string; dueAt: number } | { kind: 'closed'; stageKey: string };
  const events: Event[] = [];
  /** Rectification deadlines: at each, the verification task opens (changxing 四、（三）限期整改). */
  const wakeups: { at: number; stageKey: string; round: number; order: object }[] = [];
  const stageDue = new Map(input.stages.map((s) => [s.key, s.dueAt]));
  const stageName = new Map(input.stages.map((s) => [s.key, s.name]));
  const closedStages = new Set<string>();
  const scores: Record<string, number> = {};
  let excluded: { kind: string; reason: string } | undefined;
  let total: number | undefined;
  let proposed = false;
  let campaignEnded = false;
  // Corrections (DOMAIN.md "Correction"): each task's current result, how often it was corrected, follow-up
  // work a correction cancelled, and how many times the total was recomputed by one (for the audit keys).
  const results = new Map<string, unknown>();
  const corrections = new Map<string, number>();
  const cancelled = new Set<string>();
  const revivals = new Map<string, number>();
  let scoreCorrections = 0;
  let correcting = false;
  /** Completions being recorded right now: a correction meanwhile would judge the case half-updated. */
  let completing = 0;

  const base = { operatorId: seed.operatorId, operatorName: seed.operatorName, operatorUscc: seed.operatorUscc, track: seed.track };
  const weights = settings.weights[seed.track ?? ''] ?? Object.values(settings.weights)[0]!;

  setHandler(stageOpenedSignal, (e) => void events.push({ kind: 'opened', ...e }));
  setHandler(stageExtendedSignal, (e) => void events.push({ kind: 'extended', ...e }));
  setHandler(stageClosedSignal, (e) => void events.push({ kind: 'closed', ...e }));
  // 双随机 (README "Random inspections"): the draw's word may come before its stage opens; the first counts.
  let drawWord: InspectionDrawnInput | undefined;
  let awaitingDraw: { stageKey: string; tpl: CaseTaskTemplate } | undefined;
  setHandler(inspectionDrawnSignal, (d) => void (drawWord ??= d));
  setHandler(campaignEndedSignal, () => void (campaignEnded = true));
  setHandler(caseProgressQuery, () => ({
    caseId: seed.caseId,
    status: 'active',
    tasks: [...tasks.values()],
    excluded,
    scores,
    totalE4: total,
    proposed,
    waitingUntil: wakeups.map((w) => w.at),
  }));

  // `w`, here and below: where the writes go, run as activities or taken down for a completion's own (follow-up.ts).
  async function openTask(t: NewCaseTask, by?: { actor: Actor; reason: string }, w: FollowUpWrites = acts): Promise<void> {
    const round = t.round ?? 1;
    const id = caseTaskId(seed.caseId, t.stageKey, t.type, round, t.dimension);
    if (tasks.has(id) && cancelled.has(id)) {
      // Cancelled by a correction and needed again: the same task (same round) opens again.
      const s = tasks.get(id)!;
      cancelled.delete(id);
      Object.assign(s, { status: 'open', overdue: closedStages.has(s.stageKey) });
      const seq = (revivals.get(id) ?? 0) + 1;
      revivals.set(id, seq);
      await w.reviveTask({
        taskId: id,
        seq,
        actor: by?.actor ?? SYSTEM_ACTOR,
        // Without a person's reason the entry's action (task.reopened) says it all.
        reason: by?.reason,
        overdue: s.overdue,
      });
      await w.updateCaseStep({ caseId: seed.caseId, currentStep: `${t.type}:open` });
      return;
    }
    if (tasks.has(id)) return;
    // Known to the workflow before the row exists: the API only sees a task once it is projected,
    // so a completion can never arrive for a task the workflow does not know.
    // Opened after its stage closed (late work's follow-up): overdue from the start, as createTask records it.
    tasks.set(id, {
      id,
      type: t.type,
      stageKey: t.stageKey,
      status: 'open',
      overdue: closedStages.has(t.stageKey),
      round,
      ...(t.dimension ? { dimension: t.dimension } : {}),
    });
    await createTaskAtStep(
      w,
      {
        id,
        campaignId: input.campaignId,
        stageKey: t.stageKey,
        caseId: seed.caseId,
        type: t.type,
        title: `${t.title}${round > 1 ? `（第${round}轮）` : ''}：${seed.operatorName}`,
        assigneeRole: t.assigneeRole,
        jurisdictionId: seed.jurisdictionId,
        dueAt: stageDue.get(t.stageKey)!,
        followsStage: true,
        workflowId: caseWorkflowId(seed.caseId),
        details: { ...base, round, ...(t.details ?? {}) },
        ...(t.holder ? { claimedById: t.holder } : {}),
      },
      seed.caseId,
      `${t.type}:open`,
    );
  }

  const decide = (d: Omit<Parameters<typeof acts.recordCaseDecision>[0], 'caseId'>, w: FollowUpWrites = acts) =>
    w.recordCaseDecision({ caseId: seed.caseId, ...d });

  // An operator newly on a credit list is held out of an award not yet final (README "Credit lists"): its
  // case leaves the award as a filed case does, with the listing's reason and clause.
  setHandler(
    holdOutOfAwardUpdate,
    async ({ reason, clause: clauseText, actor, listingId }) => {
      await exclude('credit_listed', reason, 'case.held_out', actor, clauseText, { listingId }, `case:${seed.caseId}:held_out:${listingId}`);
      return { caseId: seed.caseId, excluded: true as const };
    },
    {
      validator: (_i: { reason: string; clause: string; actor: Actor; listingId: string }) => {
        if (excluded)
          throw ApplicationFailure.create({ type: REJECT.conflict, message: `本案件已退出评定（${excluded.reason}） / the case is already out of the award` });
      },
    },
  );

  /** The draw's word for this case: its inspection, held by the first of its two inspectors, or none. */
  async function applyDraw(stageKey: string, tpl: CaseTaskTemplate, d: InspectionDrawnInput): Promise<void> {
    const names = d.inspectors.map((i) => i.displayName);
    await decide({
      key: `case:${seed.caseId}:inspection_draw`,
      action: d.drawn ? 'case.inspection_drawn' : 'case.inspection_not_drawn',
      actor: SYSTEM_ACTOR,
      clause: clause.rectification,
      reason: d.drawn ? `双随机抽中，检查人员：${names.join('、')}` : '未被双随机抽中，不再检查',
      data: { seed: d.seed, inspectors: d.inspectors },
      currentStep: d.drawn ? 'inspection:open' : 'inspection:not_drawn',
    });
    if (!d.drawn) return;
    const t = templateTask(stageKey, tpl);
    await openTask({
      ...t,
      title: '双随机检查',
      holder: d.inspectors[0]!.userId,
      details: { ...t.details, randomDraw: { seed: d.seed, inspectors: names, inspectorIds: d.inspectors.map((i) => i.userId) } },
    });
  }

  async function exclude(kind: string, reason: string, action: string, actor: Actor, clauseText: string, data: object, key: string, w: FollowUpWrites = acts) {
    excluded ??= { kind, reason };
    proposed = false;
    await decide({ key, action, actor, clause: clauseText, reason, data, exclude: { kind, reason }, currentStep: `excluded:${kind}` }, w);
  }

  function templateTask(stageKey: string, tpl: CaseTaskTemplate): NewCaseTask {
    const details =
      tpl.type === 'self_check'
        ? { areas: SELF_CHECK_AREAS }
        : tpl.type === 'inspection'
          ? { areas: SELF_CHECK_AREAS, seriousViolations: rules.seriousViolations }
          : tpl.type === 'score'
            ? { dimension: tpl.dimension, dimensionName: rules.dimensions.find((d) => d.key === tpl.dimension)?.name, weight: weights[tpl.dimension!] }
            : {};
    return { stageKey, type: tpl.type, title: tpl.title, assigneeRole: tpl.assigneeRole, dimension: tpl.dimension, details };
  }

  // A rectification deadline falls inside the stage (集中治理 is the window for 限期整改); work done late,
  // after the stage closed, only needs a deadline in the future.
  const limitOf = (t: CaseTaskState) => {
    const due = stageDue.get(t.stageKey)!;
    return Date.now() < due ? { at: due, what: `「${stageName.get(t.stageKey)}」阶段截止 / the stage deadline` } : undefined;
  };
  const clauseOf = (t: CaseTaskState) => (t.type === 'score' ? clause.scoring : t.type.startsWith('self_check') ? clause.selfCheck : clause.rectification);

  /**
   * Five groups score a case, each its own dimension (changxing 四、（四）): unless the campaign's settings
   * allow it, whoever scored one dimension of this case may not score another. Judged here, where
   * completions of one case are taken one at a time, so two submitted at once cannot both pass. A campaign
   * launched before the setting existed has none, and keeps allowing it.
   */
  function checkOneDimensionPerScorer(t: CaseTaskState, actor: Actor): void {
    // A party's imported decision is not one person's judgement: the rule is about people.
    if (settings.multiDimensionScorers !== false || actor.forGroup) return;
    const by = scorerOf(actor);
    const other = [...tasks.values()].find((x) => x.type === 'score' && x.status === 'done' && x.dimension !== t.dimension && x.scoredBy === by);
    if (other)
      throw ApplicationFailure.create({
        type: REJECT.conflict,
        message: `您已为本案件评了「${dimensionName(other.dimension!)}」，同一人不能再评「${dimensionName(t.dimension!)}」（${clause.scoring}） / you scored ${other.dimension} of this case already; one person scores one dimension of a case`,
      });
  }
  const dimensionName = (key: string) => rules.dimensions.find((d) => d.key === key)?.name ?? key;

  /** An inspection's result as a completion or an amending correction gives it (validator half). */
  function checkInspection(r: InspectionResult, t: CaseTaskState): void {
    if (r.violation && !rules.seriousViolations.some((v) => v.key === r.violation))
      throw ApplicationFailure.create({
        type: REJECT.invalid,
        message: `未知的严重违法类型 / unknown violation kind "${r.violation}" (known: ${rules.seriousViolations.map((v) => v.key).join(', ')})`,
      });
    if (r.measure) checkRectifyBy(r.rectifyBy, Date.now(), limitOf(t));
  }

  setHandler(
    completeTaskUpdate,
    async ({ taskId, actor, result, claimed }) => {
      const t = tasks.get(taskId)!;
      t.status = 'done'; // before any await: a concurrent second completion is refused by the validator
      if (t.type === 'score') t.scoredBy = scorerOf(actor);
      completing++; // and a correction waits until this decision and what follows from it are recorded
      try {
        const n = corrections.get(taskId);
        const record = { taskId, actor, claimed, result: result as object, late: t.overdue, clause: clauseOf(t), ...completionKey(corrections, taskId) };
        // Histories recorded before follow-up.ts replay the completion's record and its follow-up apart.
        if (!patched('completion-follow-up-in-one')) {
          const completedAt = await acts.recordTaskCompletion(record);
          results.set(taskId, result);
          await afterCompletion(t, result, actor, n);
          return { taskId, status: 'done', completedAt, late: t.overdue };
        }
        const later = takeDown();
        await afterCompletion(t, result, actor, n, later.writes);
        results.set(taskId, result);
        const completedAt = await acts.recordTaskCompletion({ ...record, then: later.taken });
        return { taskId, status: 'done', completedAt, late: record.late };
      } finally {
        completing--;
      }
    },
    {
      validator: (i) => {
        refuseWhileCorrecting(correcting);
        validateCompletion(tasks, i);
        const t = tasks.get(i.taskId)!;
        const now = Date.now();
        if (t.type === 'inspection') checkInspection(i.result as InspectionResult, t);
        if (t.type === 'verification') checkVerification(i.result as VerificationResult, t.round ?? 1, settings.maxRectificationRounds, now, limitOf(t));
        if (t.type === 'score' && toCenti((i.result as ScoreResult).score) === undefined)
          throw ApplicationFailure.create({ type: REJECT.invalid, message: '分数须为 0–100，最多两位小数 / score must be 0..100 with at most two decimals' });
        if (t.type === 'score') checkOneDimensionPerScorer(t, i.actor);
      },
    },
  );

  // Corrections: a coordinator reopens or amends a completed score, self-check review or inspection finding
  // (README "Corrections"). The total and proposal are recomputed while the 公示 is not yet published
  // (四、（四）评价公示); after it the activity refuses, under a lock the publication also takes.
  const nextRoundOf = (t: CaseTaskState) => caseTaskId(seed.caseId, t.stageKey, 'self_check', (t.round ?? 1) + 1);
  /** The rectification an inspection ordered (四、（三）限期整改), while its verification has not yet opened. */
  const pendingOrderOf = (t: CaseTaskState) => wakeups.findIndex((w) => w.stageKey === t.stageKey && w.round === 1);
  setHandler(
    correctTaskUpdate,
    async ({ taskId, actor, reason, reopen, result, supersedesPublicity }) => {
      correcting = true; // before any await: a second correction meanwhile is refused by the validator
      try {
        patched('decision-corrections');
        const t = tasks.get(taskId)!;
        const seq = (corrections.get(taskId) ?? 0) + 1;
        const was = results.get(taskId);
        const rec: CorrectionRecord = {
          taskId,
          seq,
          actor,
          reason,
          reopen: !!reopen,
          clause: clauseOf(t),
          ...(reopen ? { overdue: closedStages.has(t.stageKey) } : { result: result as object }),
          // Every decision of the case is final once the 公示 is published (四、（四）评价公示), but for a score
          // amended for a new 公示 that supersedes it.
          guard: supersedesPublicity ? 'superseding' : 'publicity',
          ...(supersedesPublicity ? { at: Date.now() } : {}),
        };
        const saved = { scores: { ...scores }, total, proposed, status: t.status, overdue: t.overdue };
        // An inspection's order not yet due is withdrawn before any await, so its verification cannot open
        // meanwhile; a refused correction puts it back.
        const order = t.type === 'inspection' && pendingOrderOf(t) >= 0 ? wakeups.splice(pendingOrderOf(t), 1)[0] : undefined;
        if (t.type === 'inspection') {
          // Amended: what the new finding orders is decided below, after the correction is recorded.
          if (reopen) rec.currentStep = 'inspection:open';
        } else if (t.type === 'score') {
          const dim = t.dimension!;
          if (reopen) delete scores[dim];
          else scores[dim] = toCenti((result as ScoreResult).score)!;
          if (rules.dimensions.every((d) => scores[d.key] !== undefined)) {
            total = weightedTotal(weights, scores);
            proposed = meetsThreshold(total, settings.awardThreshold) && !excluded;
            const parts = rules.dimensions.map((d) => ({ dimension: d.key, name: d.name, score: scores[d.key]! / 100, weight: weights[d.key]! }));
            rec.score = { totalScore: total / 10_000, parts, proposed };
            rec.currentStep = proposed ? 'scored:proposed' : 'scored:below_threshold';
          } else if (total !== undefined) {
            // Reopened: no total until it is scored again, so the 公示 waits for it.
            total = undefined;
            proposed = false;
            rec.score = { totalScore: null, parts: null, proposed: false };
          }
          if (reopen) rec.currentStep = 'score:open';
        } else {
          const before = was as SelfCheckReviewResult | undefined;
          const after = reopen ? undefined : (result as SelfCheckReviewResult);
          const next = tasks.get(nextRoundOf(t));
          // Returned no longer: the operator's next round, not yet submitted, is cancelled.
          if (before?.decision === 'returned' && after?.decision !== 'returned' && next?.status === 'open' && !cancelled.has(next.id))
            rec.cancelTaskIds = [next.id];
          rec.currentStep = reopen ? 'self_check_review:open' : after!.decision === 'accepted' ? 'self_check:accepted' : 'self_check:open';
        }
        if (reopen) Object.assign(t, { status: 'open', overdue: closedStages.has(t.stageKey) });
        const r = await acts.recordCorrection(rec);
        if (r.refusal) {
          for (const k of Object.keys(scores)) delete scores[k];
          Object.assign(scores, saved.scores);
          total = saved.total;
          proposed = saved.proposed;
          Object.assign(t, { status: saved.status, overdue: saved.overdue });
          if (order) wakeups.push(order);
          throw refuse(REJECT.conflict, r.refusal);
        }
        corrections.set(taskId, seq);
        if (t.type === 'score') scoreCorrections++;
        if (reopen) results.delete(taskId);
        else results.set(taskId, result);
        for (const id of rec.cancelTaskIds ?? []) {
          cancelled.add(id);
          tasks.get(id)!.status = 'done';
        }
        if (t.type === 'inspection' && !reopen) await afterCompletion(t, result, actor, seq);
        const after = reopen ? undefined : (result as SelfCheckReviewResult);
        if (t.type === 'self_check_review' && after?.decision === 'returned' && (was as SelfCheckReviewResult | undefined)?.decision !== 'returned')
          await openTask(
            {
              stageKey: t.stageKey,
              type: 'self_check',
              title: '自查自纠',
              assigneeRole: 'operator',
              round: (t.round ?? 1) + 1,
              details: { areas: SELF_CHECK_AREAS, returnedBecause: after.note },
            },
            { actor, reason },
          );
        return { taskId, status: t.status, seq, ...(total !== undefined ? { totalE4: total } : {}), proposed };
      } finally {
        correcting = false;
      }
    },
    {
      validator: (i: CorrectTaskInput) => {
        const t = tasks.get(i.taskId);
        checkCorrection(i, t, { types: CORRECTABLE_TASK_TYPES, done: t?.status === 'done' && !cancelled.has(t.id), busy: correcting || completing > 0 });
        if (i.supersedesPublicity && (i.reopen || t.type !== 'score'))
          throw refuse(REJECT.invalid, '重新公示只适用于改定分数（不能重新打开） / a new 公示 follows an amended score only (not a reopened task)');
        if (!i.reopen && t.type === 'score' && toCenti((i.result as ScoreResult).score) === undefined)
          throw refuse(REJECT.invalid, '分数须为 0–100，最多两位小数 / score must be 0..100 with at most two decimals');
        if (t.type === 'inspection') {
          // 立案查处 follows the administrative penalty procedure, not a correction here.
          if ((results.get(t.id) as InspectionResult | undefined)?.violation)
            throw refuse(
              REJECT.conflict,
              '该检查已立案查处，其结论按行政处罚程序变更，不能在此更正 / this inspection filed a case: its finding changes by the penalty procedure, not by a correction',
            );
          if (tasks.has(caseTaskId(seed.caseId, t.stageKey, 'verification', 1)))
            throw refuse(
              REJECT.conflict,
              '整改复查已经开始，检查结论不能再更正 / the rectification check has begun: the inspection can no longer be corrected',
            );
          if (!i.reopen) checkInspection(i.result as InspectionResult, t);
        }
        if (t.type === 'self_check_review') {
          const next = tasks.get(nextRoundOf(t));
          if (next && next.status === 'done' && !cancelled.has(next.id))
            throw refuse(
              REJECT.conflict,
              '经营主体已提交下一轮自查，本次审核不能再更正 / the operator has already submitted the next round: this review can no longer be corrected',
            );
        }
      },
    },
  );

  /** `corrected`: how often the task was corrected before (its decisions then take keys of their own). */
  async function afterCompletion(t: CaseTaskState, result: unknown, actor: Actor, corrected?: number, w: FollowUpWrites = acts): Promise<void> {
    const round = t.round ?? 1;
    switch (t.type) {
      case 'self_check':
        // The station officer reviews what the operator submitted (四、（二）).
        await openTask(
          {
            stageKey: t.stageKey,
            type: 'self_check_review',
            title: '自查审核',
            assigneeRole: 'county_officer',
            round,
            details: { areas: SELF_CHECK_AREAS, submitted: result },
          },
          undefined,
          w,
        );
        return;
      case 'self_check_review': {
        const r = result as SelfCheckReviewResult;
        // The returned round is the operator's again (四、（二）经营主体…自查), with the reviewer's reason. Only the
        // activity's argument changed from county_officer: histories replay unchanged.
        if (r.decision === 'returned')
          await openTask(
            {
              stageKey: t.stageKey,
              type: 'self_check',
              title: '自查自纠',
              assigneeRole: 'operator',
              round: round + 1,
              details: { areas: SELF_CHECK_AREAS, returnedBecause: r.note },
            },
            undefined,
            w,
          );
        else await w.updateCaseStep({ caseId: seed.caseId, currentStep: 'self_check:accepted' });
        return;
      }
      case 'inspection': {
        const r = result as InspectionResult;
        const findings = r.areas.filter((a) => a.finding !== 'ok');
        if (r.violation) {
          const kind = rules.seriousViolations.find((v) => v.key === r.violation)!;
          const reason = `立案查处：${kind.name}（${findings
            .filter((a) => a.finding === 'serious')
            .map((a) => a.description)
            .join('；')}）`;
          await exclude(
            'filed',
            reason,
            'case.filed',
            actor,
            clause.filing,
            { violation: r.violation, taskId: t.id, findings },
            `case:${seed.caseId}:filed`,
            w,
          );
        } else if (r.measure) {
          const at = checkRectifyBy(r.rectifyBy, 0);
          const order = { measure: r.measure, rectifyBy: at, findings, round: 1 };
          await decide(
            {
              key: corrected ? `task:${t.id}:rectification:${corrected}` : `task:${t.id}:rectification`,
              action: 'case.rectification_ordered',
              actor,
              clause: clause.rectification,
              reason: findings.map((a) => a.description).join('；'),
              data: order,
              currentStep: `rectifying:${shanghaiDate(at)}`,
            },
            w,
          );
          wakeups.push({ at, stageKey: t.stageKey, round: 1, order });
        } else await w.updateCaseStep({ caseId: seed.caseId, currentStep: 'inspection:passed' });
        return;
      }
      case 'verification': {
        const r = result as VerificationResult;
        const outcome = verificationOutcome(r, round, settings.maxRectificationRounds);
        if (outcome.kind === 'passed') {
          await decide(
            {
              key: `task:${t.id}:outcome`,
              action: 'case.rectification_passed',
              actor,
              clause: clause.rectification,
              reason: r.note,
              data: { round },
              currentStep: 'rectification:passed',
            },
            w,
          );
        } else if (outcome.kind === 'again') {
          const order = { rectifyBy: outcome.rectifyBy, round: round + 1, previousNote: r.note };
          await decide(
            {
              key: `task:${t.id}:outcome`,
              action: 'case.rectification_ordered',
              actor,
              clause: clause.rectification,
              reason: r.note,
              data: order,
              currentStep: `rectifying:${shanghaiDate(outcome.rectifyBy)}`,
            },
            w,
          );
          wakeups.push({ at: outcome.rectifyBy, stageKey: t.stageKey, round: round + 1, order });
        } else {
          // Not rectified after the last round: out of the award (the title needs "整改落实到位").
          await exclude(
            'rectification_failed',
            `整改复查 ${round} 轮未通过：${r.note}`,
            'case.rectification_failed',
            actor,
            clause.rectification,
            { round, taskId: t.id },
            `task:${t.id}:outcome`,
            w,
          );
        }
        return;
      }
      case 'score': {
        scores[t.dimension!] = toCenti((result as ScoreResult).score)!;
        if (!rules.dimensions.every((d) => scores[d.key] !== undefined)) return;
        total = weightedTotal(weights, scores);
        proposed = meetsThreshold(total, settings.awardThreshold) && !excluded;
        const parts = rules.dimensions.map((d) => ({ dimension: d.key, name: d.name, score: scores[d.key]! / 100, weight: weights[d.key]! }));
        await decide(
          {
            key: scoreCorrections ? `case:${seed.caseId}:scored:${scoreCorrections}` : `case:${seed.caseId}:scored`,
            action: 'case.scored',
            actor: SYSTEM_ACTOR,
            clause: clause.scoring,
            data: { parts, totalE4: total, threshold: settings.awardThreshold, proposed, track: seed.track },
            score: { totalScore: total / 10_000, parts, proposed },
            currentStep: proposed ? 'scored:proposed' : 'scored:below_threshold',
          },
          w,
        );
        return;
      }
    }
  }

  if (!input.projected)
    await acts.projectCase({ campaignId: input.campaignId, seed, workflowId: caseWorkflowId(seed.caseId), actor: input.enrolledBy, clause: clause.enrolment });

  const openTasks = () => [...tasks.values()].filter((t) => t.status === 'open');
  for (;;) {
    const seen = wakeups.length;
    const next = seen ? Math.min(...wakeups.map((w) => w.at)) : undefined;
    const ready = () =>
      events.length > 0 ||
      (awaitingDraw !== undefined && drawWord !== undefined) ||
      wakeups.length !== seen ||
      (next !== undefined && Date.now() >= next) ||
      (campaignEnded && openTasks().length === 0 && wakeups.length === 0);
    if (next === undefined) await condition(ready);
    else await condition(ready, Math.max(1, next - Date.now()));

    if (awaitingDraw && drawWord) {
      const { stageKey, tpl } = awaitingDraw;
      awaitingDraw = undefined;
      // Out of the award meanwhile (filed, held): nothing left to inspect.
      if (!excluded) await applyDraw(stageKey, tpl, drawWord);
      continue;
    }
    const e = events.shift();
    if (e) {
      if (e.kind === 'opened' || e.kind === 'extended') stageDue.set(e.stageKey, e.dueAt);
      const stage = input.stages.find((s) => s.key === e.stageKey);
      if (!stage) continue;
      if (e.kind === 'opened' && !excluded) {
        for (const tpl of stage.caseTasks) {
          // 双随机: the draw decides whether this case is inspected, and by whom.
          if (tpl.type === 'inspection' && settings.randomInspection) awaitingDraw = { stageKey: stage.key, tpl };
          else await openTask(templateTask(stage.key, tpl));
        }
      } else if (e.kind === 'closed') {
        closedStages.add(e.stageKey);
        if (awaitingDraw?.stageKey === e.stageKey) {
          awaitingDraw = undefined;
          if (!excluded)
            await decide({
              key: `case:${seed.caseId}:inspection_draw`,
              action: 'case.inspection_not_drawn',
              actor: SYSTEM_ACTOR,
              clause: clause.rectification,
              reason: '集中治理阶段结束前未进行双随机抽取',
              data: {},
              currentStep: 'inspection:not_drawn',
            });
        }
        // The campaign's closeStage activity already marked the projection; keep our state in step and
        // record it on the case (DOMAIN.md: overdue work is recorded and escalated, never dropped).
        for (const t of tasks.values()) {
          if (t.stageKey !== e.stageKey || t.status !== 'open' || t.overdue) continue;
          t.overdue = true;
          await decide({
            key: `task:${t.id}:overdue`,
            action: 'case.task_overdue',
            actor: SYSTEM_ACTOR,
            clause: clause.deadline,
            data: { taskId: t.id, type: t.type, stageKey: t.stageKey },
            currentStep: `${t.type}:overdue`,
          });
        }
      }
      continue;
    }
    const due = wakeups.filter((w) => Date.now() >= w.at);
    if (due.length) {
      for (const w of due) {
        // A correction may have withdrawn it while an earlier one of this pass was being opened.
        const k = wakeups.indexOf(w);
        if (k < 0) continue;
        wakeups.splice(k, 1);
        await openTask({
          stageKey: w.stageKey,
          type: 'verification',
          title: '整改复查',
          assigneeRole: 'county_officer',
          round: w.round,
          details: { order: w.order },
        });
      }
      continue;
    }
    if (campaignEnded && openTasks().length === 0 && wakeups.length === 0) {
      // A completion still being recorded may yet open follow-up work: finish it before deciding.
      await condition(allHandlersFinished);
      if (openTasks().length === 0 && wakeups.length === 0 && events.length === 0) break;
    }
  }

  await acts.updateCaseStep({ caseId: seed.caseId, currentStep: 'completed', completed: true });
  return { caseId: seed.caseId, tasks: [...tasks.values()] };
}
