// RegisterEntryWorkflow: a filed entry of a Lijiang register, alive until it is removed (清退, 附件1 第16条:
// 对产品和服务质量低于平均水平、投诉率高、违法违规的产品和企业，及时予以清退). Dynamic scoring proposes a
// removal; the office confirms it (removed) or keeps the entry, with reasons, in a removal_review task. The
// centre's filing (its date and reference) is corrected here once filed (README "Corrections").
import { continueAsNew, allHandlersFinished, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { IntakeRules } from '../domain/programmes/index.js';
import type { FilingResult, RemovalReviewResult } from '../domain/intake.js';
import { REJECT, completeTaskUpdate, correctTaskUpdate, removalProposedSignal, type CaseTaskState, type RemovalProposal } from './messages.js';
import { checkCorrection, refuse } from './correction-gate.js';
import { validateCompletion } from './task-validation.js';
import { resultWithDeadline, type TaskBook } from './overdue.js';
import { ACTIVITY_OPTIONS } from './activity-options.js';

export interface RegisterEntryInput {
  entryId: string;
  campaignId: string;
  jurisdictionId: string;
  name: string;
  /** Days the office has to confirm or reject a proposed removal. */
  verificationDays: number;
  rules: IntakeRules;
  deadlineClause: string;
  /** Carried over continue-as-new: removal reviews held so far. */
  reviews?: number;
  /** Carried over continue-as-new: corrections of the filing so far (their audit keys). */
  filingCorrections?: number;
}

const acts = proxyActivities<Activities>(ACTIVITY_OPTIONS);

export async function RegisterEntryWorkflow(input: RegisterEntryInput): Promise<{ entryId: string; status: 'removed' }> {
  const id = input.entryId;
  const cl = input.rules.clauses;
  const book: TaskBook = { tasks: new Map<string, CaseTaskState>(), results: new Map() };
  const proposals: RemovalProposal[] = [];
  let reviews = input.reviews ?? 0;
  let filingCorrections = input.filingCorrections ?? 0;
  let correcting = false;

  // A proposal arriving while one is under review is the same question again: it waits its turn and is
  // dropped if the entry is removed meanwhile.
  setHandler(removalProposedSignal, (p) => void proposals.push(p));
  setHandler(
    completeTaskUpdate,
    async ({ taskId, actor, result, claimed }) => {
      const t = book.tasks.get(taskId)!;
      t.status = 'done';
      const completedAt = await acts.recordTaskCompletion({
        taskId,
        actor,
        claimed,
        result: result as object,
        late: t.overdue,
        clause: t.type === 'escalation' ? input.deadlineClause : cl.removal,
      });
      book.results.set(taskId, { result, actor });
      return { taskId, status: 'done', completedAt, late: t.overdue };
    },
    { validator: (i) => validateCompletion(book.tasks, i) },
  );

  // 更正 of the filing (附件1 第18条 提交中心备案): a wrong date or reference amended, with a reason; the entry
  // stays filed. It is not reopened: an entry leaves the register by removal (清退), not by a correction.
  const isFiling = (taskId: string) => taskId === `${id}:filing` || taskId.startsWith(`${id}:filing#`);
  setHandler(
    correctTaskUpdate,
    async ({ taskId, actor, reason, result }) => {
      correcting = true; // before any await: a second correction meanwhile is refused by the validator
      try {
        const seq = filingCorrections + 1;
        const filing = result as FilingResult;
        await acts.recordCorrection({ taskId, seq, actor, reason, reopen: false, clause: cl.filing, result: filing as object });
        await acts.recordEntryDecision({
          key: `${taskId}:decision:${seq}`,
          entryId: id,
          action: 'intake.filing_corrected',
          actor,
          clause: cl.filing,
          reason,
          data: { filedOn: filing.filedOn, reference: filing.reference },
          patch: { filingDate: filing.filedOn, filingReference: filing.reference },
        });
        filingCorrections = seq;
        return { taskId, status: 'done', seq };
      } finally {
        correcting = false;
      }
    },
    {
      validator: (i) => {
        checkCorrection(i, isFiling(i.taskId) ? { type: 'filing', status: 'done' } : undefined, { types: ['filing'], done: true, busy: correcting });
        if (i.reopen)
          throw refuse(
            REJECT.conflict,
            '已备案的条目不能退回重新备案，请直接更正备案日期或编号；如需移出，请按清退程序办理 / a filed entry is not reopened: amend its date or reference, or remove it (清退)',
          );
      },
    },
  );

  for (;;) {
    await condition(() => proposals.length > 0 || workflowInfo().continueAsNewSuggested);
    if (proposals.length === 0) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof RegisterEntryWorkflow>({ ...input, reviews, filingCorrections });
    }
    const p = proposals.shift()!;
    reviews += 1;
    const taskId = `${id}:removal_review#${reviews}`;
    await acts.recordEntryDecision({
      key: `entry:${id}:proposed:${p.runId}`,
      entryId: id,
      action: 'intake.removal_proposed',
      actor: { userId: null, role: 'system', displayName: '系统 / system' },
      clause: cl.scoring,
      reason: p.reasons.map((r) => r.zh).join('；'),
      data: { runId: p.runId, score: p.score, average: p.average, reasons: p.reasons },
      patch: { removalProposed: true },
    });
    const dueAt = Date.now() + input.verificationDays * 86_400_000;
    book.tasks.set(taskId, { id: taskId, type: 'removal_review', stageKey: input.rules.taskStageKey, status: 'open', overdue: false, round: reviews });
    await acts.createTask({
      id: taskId,
      campaignId: input.campaignId,
      stageKey: input.rules.taskStageKey,
      caseId: id,
      type: 'removal_review',
      title: `清退确认：${input.name}`,
      assigneeRole: input.rules.roles.removal,
      jurisdictionId: input.jurisdictionId,
      dueAt,
      workflowId: workflowInfo().workflowId,
      details: { entryId: id, name: input.name, runId: p.runId, periodKey: p.periodKey, score: p.score, average: p.average, reasons: p.reasons },
      notify: { kind: 'decision', title: `「${input.name}」被提出清退 / proposed for removal`, body: p.reasons.map((r) => r.zh).join('；') },
    });
    const { result, actor } = await resultWithDeadline<RemovalReviewResult>(book, taskId, {
      dueAt,
      campaignId: input.campaignId,
      caseId: id,
      coordinatorJurisdictionId: input.jurisdictionId,
      escalationTitle: `${input.name} 的清退确认`,
      clause: input.deadlineClause,
    });
    if (result.decision === 'remove') {
      await acts.recordEntryDecision({
        key: `${taskId}:decision`,
        entryId: id,
        action: 'intake.removed',
        actor,
        clause: cl.removal,
        reason: result.reason,
        data: { runId: p.runId, reasons: p.reasons },
        patch: { status: 'removed', removedReason: result.reason, removalProposed: false },
      });
      await condition(() => [...book.tasks.values()].every((t) => t.status === 'done') && allHandlersFinished());
      return { entryId: id, status: 'removed' };
    }
    await acts.recordEntryDecision({
      key: `${taskId}:decision`,
      entryId: id,
      action: 'intake.kept',
      actor,
      clause: cl.removal,
      reason: result.reason,
      data: { runId: p.runId },
      patch: { removalProposed: false },
    });
  }
}
