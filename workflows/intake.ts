// IntakeWorkflow: one application to a Lijiang register (seeds/lijiang-database-intake.txt 附件1 第17–18条,
// 附件2 第8–9条). It waits in the queue for a review batch; the office reviews it by the batch's deadline
// (overdue → escalated to the centre); refused ends it with the reason; admitted goes to the centre for
// filing (备案), recorded with its date; the filed entry then lives on in its RegisterEntryWorkflow. While the
// filing is open, a coordinator may correct the admission (README "Corrections"): refused instead, or the
// review reopened; the filing it asked for is withdrawn, and a new admission asks for a new one.
import { ParentClosePolicy, allHandlersFinished, condition, proxyActivities, setHandler, startChild, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { CaseSeed } from '../activities/case.js';
import type { RulesOf, StageDefinition } from '../domain/campaign-definition.js';
import type { RegisterSettings } from '../domain/programmes/index.js';
import { registerEntryWorkflowId } from './ids.js';
import type { Actor, Role } from '../domain/roles.js';
import { addDuration, parseDuration } from '../domain/duration.js';
import type { FilingResult, IntakeReviewResult } from '../domain/intake.js';
import {
  REJECT,
  batchAssignedSignal,
  caseProgressQuery,
  completeTaskUpdate,
  correctTaskUpdate,
  type BatchAssignment,
  type CaseTaskState,
  type IntakeEntrySeed,
} from './messages.js';
import { validateCompletion } from './task-validation.js';
import { resultUnlessWithdrawn, resultWithDeadline, type TaskBook } from './overdue.js';
import { checkCorrection, completionKey, refuse, refuseWhileCorrecting } from './correction-gate.js';
import { RegisterEntryWorkflow } from './register-entry.js';
import { ACTIVITY_OPTIONS } from './activity-options.js';
import { createTaskAtStep } from './task-step.js';

export interface IntakeInput {
  campaignId: string;
  /** The city running the registers: its office reviews, its centre files. */
  jurisdictionId: string;
  stages: StageDefinition[];
  settings: RegisterSettings;
  rules: RulesOf<'register'>;
  seed: CaseSeed;
  entry: IntakeEntrySeed;
  enrolledBy: Actor;
  /** Cases started before task reminders existed have none: no reminder. */
  reminderLeadMs?: number;
}

const acts = proxyActivities<Activities>(ACTIVITY_OPTIONS);

export async function IntakeWorkflow(input: IntakeInput): Promise<{ caseId: string; outcome: string }> {
  const { seed, entry } = input;
  const intake = input.rules.intake;
  const cl = intake.clauses;
  const caseId = seed.caseId;
  const book: TaskBook = { tasks: new Map<string, CaseTaskState>(), results: new Map() };
  let batch: BatchAssignment | undefined;
  let outcome = 'queued';
  // Corrections of the review: how often each task was corrected, whether one is being recorded, and the
  // one (refused, or reopened) that withdrew the open filing, for the main flow to act on.
  const corrections = new Map<string, number>();
  let correcting = false;
  let completing = 0;
  let filingId: string | undefined;
  let withdrawal: { seq: number; reopened: boolean } | undefined;
  let withdrawalSeq = 0;

  setHandler(batchAssignedSignal, (b) => void (batch ??= b));
  setHandler(caseProgressQuery, () => ({ caseId, status: 'active', tasks: [...book.tasks.values()] }));
  setHandler(
    completeTaskUpdate,
    async ({ taskId, actor, result, claimed }) => {
      const t = book.tasks.get(taskId)!;
      t.status = 'done';
      completing++; // a correction waits until this decision is recorded (workflows/correction-gate.ts)
      try {
        const clause = t.type === 'filing' ? cl.filing : t.type === 'escalation' ? input.rules.clauses.deadline : cl.review;
        const completedAt = await acts.recordTaskCompletion({
          taskId,
          actor,
          claimed,
          result: result as object,
          late: t.overdue,
          clause,
          ...completionKey(corrections, taskId),
        });
        book.results.set(taskId, { result, actor });
        return { taskId, status: 'done', completedAt, late: t.overdue };
      } finally {
        completing--;
      }
    },
    {
      validator: (i) => {
        refuseWhileCorrecting(correcting);
        validateCompletion(book.tasks, i);
      },
    },
  );

  // 更正 of the review (附件1 第17条 审核入库) while its filing is open: amended (refused instead, with the
  // reason, or admitted with another note) or reopened for the office. Refused or reopened, the open filing
  // is withdrawn (cancelled) in the same transaction, and the main flow decides again.
  setHandler(
    correctTaskUpdate,
    async ({ taskId, actor, reason, reopen, result }) => {
      correcting = true; // before any await: a second correction meanwhile is refused by the validator
      try {
        const t = book.tasks.get(taskId)!;
        const seq = (corrections.get(taskId) ?? 0) + 1;
        const refused = !reopen && (result as IntakeReviewResult).decision === 'refused';
        const withdraws = !!reopen || refused;
        // The filing withdrawn, and its escalation if it was overdue: nothing is left to chase.
        const withdrawn = withdraws ? [filingId!, `${filingId}:escalation`].filter((x) => book.tasks.get(x)?.status === 'open') : [];
        const overdue = Date.now() >= batch!.reviewDueAt;
        await acts.recordCorrection({
          taskId,
          seq,
          actor,
          reason,
          reopen: !!reopen,
          clause: cl.review,
          ...(reopen ? { overdue, currentStep: 'intake_review:open' } : { result: result as object }),
          ...(withdraws ? { cancelTaskIds: withdrawn } : {}),
        });
        corrections.set(taskId, seq);
        for (const x of withdrawn) book.tasks.get(x)!.status = 'done'; // cancelled: nothing more to do
        if (reopen) {
          Object.assign(t, { status: 'open', overdue });
          book.results.delete(taskId);
        } else book.results.set(taskId, { result, actor }); // the decision made again is the corrector's
        if (withdraws) {
          withdrawal = { seq, reopened: !!reopen };
          filingId = undefined;
        }
        return { taskId, status: t.status, seq };
      } finally {
        correcting = false;
      }
    },
    {
      validator: (i) => {
        const t = book.tasks.get(i.taskId);
        checkCorrection(i, t, { types: ['intake_review'], done: t?.status === 'done', busy: correcting || completing > 0 || withdrawal !== undefined });
        const filing = filingId ? book.tasks.get(filingId) : undefined;
        if (filing?.status !== 'open')
          throw refuse(
            REJECT.conflict,
            filing
              ? '该条目已备案入库，入库审核结论不能再更正；如需移出，请按清退程序办理 / the entry is filed: its review can no longer be corrected; an entry leaves the register by removal (清退)'
              : '不予入库的决定已办结，不能再更正；申报人可重新申报 / the refusal is final: it can no longer be corrected; the applicant may apply again',
          );
      },
    },
  );

  /** `round`: a second filing after a correction withdrew the first (its own task, the first kept cancelled). */
  async function open(type: string, o: { title: string; role: Role; dueAt: number; details?: object; round?: number }) {
    const id = `${caseId}:${type}${o.round && o.round > 1 ? `#${o.round}` : ''}`;
    book.tasks.set(id, { id, type, stageKey: intake.taskStageKey, status: 'open', overdue: false });
    await createTaskAtStep(
      acts,
      {
        id,
        campaignId: input.campaignId,
        stageKey: intake.taskStageKey,
        caseId,
        type,
        title: `${o.title}${o.round && o.round > 1 ? `（第${o.round}次）` : ''}：${entry.name}`,
        assigneeRole: o.role,
        jurisdictionId: input.jurisdictionId,
        dueAt: o.dueAt,
        workflowId: workflowInfo().workflowId,
        details: {
          entryId: caseId,
          register: entry.register,
          name: entry.name,
          operatorId: seed.operatorId,
          operatorName: seed.operatorName,
          operatorUscc: seed.operatorUscc,
          priority: entry.priority,
          priorityReasons: entry.priorityReasons,
          flags: entry.flags,
          form: entry.form as object,
          ...(o.details ?? {}),
        },
      },
      caseId,
      `${type}:open`,
    );
    return id;
  }
  const deadline = (dueAt: number, what: string) => ({
    dueAt,
    campaignId: input.campaignId,
    caseId,
    coordinatorJurisdictionId: input.jurisdictionId,
    escalationTitle: `${entry.name} 的${what}`,
    clause: input.rules.clauses.deadline,
    reminderLeadMs: input.reminderLeadMs,
  });
  const decide = (d: Omit<Parameters<typeof acts.recordEntryDecision>[0], 'entryId'>) => acts.recordEntryDecision({ entryId: caseId, ...d });

  // The case and its entry were projected by the campaign before this workflow started (the applicant
  // sees the entry as soon as the application is accepted).
  // 分批次审核入库: queued until the office opens the next batch.
  await condition(() => batch !== undefined);
  const b = batch!;
  await acts.assignEntryBatch({ entryId: caseId, batchId: b.batchId });
  const reviewId = await open('intake_review', {
    title: `入库审核（第${b.seq}批）`,
    role: intake.roles.review,
    dueAt: b.reviewDueAt,
    details: { batchId: b.batchId, batchSeq: b.seq, rank: b.rank },
  });
  let { result: review, actor: reviewer } = await resultWithDeadline<IntakeReviewResult>(book, reviewId, deadline(b.reviewDueAt, '入库审核'));
  // Each pass is one decision on the review: the first as reviewed, any later one as a correction left it.
  for (let round = 1; ; round++) {
    // A decision made again after a correction has a key of its own (the first kept).
    const key = `${reviewId}:decision${withdrawalSeq ? `:${withdrawalSeq}` : ''}`;
    if (review.decision === 'refused') {
      await decide({
        key,
        action: 'intake.refused',
        actor: reviewer,
        clause: cl.review,
        reason: review.reason,
        data: { batchSeq: b.seq, note: review.note ?? null },
        patch: { status: 'refused', refusedReason: review.reason! },
        exclude: true,
      });
      outcome = 'refused';
      return finish();
    }
    await decide({
      key,
      action: 'intake.admitted',
      actor: reviewer,
      clause: cl.review,
      reason: review.note,
      data: { batchSeq: b.seq },
      patch: { status: 'admitted' },
    });

    // 提交中心备案: the centre files the admitted entry, with the date of filing on record.
    const filingDue = addDuration(Date.now(), parseDuration(input.settings.filingPeriod ?? 'P15D')!);
    filingId = await open('filing', { title: '入库备案', role: intake.roles.filing, dueAt: filingDue, round });
    const filed = await resultUnlessWithdrawn<FilingResult>(book, filingId, deadline(filingDue, '入库备案'), () => withdrawal !== undefined);
    if (!filed) {
      // A correction withdrew the admission: refused as corrected, or reviewed again by the office.
      const { seq, reopened } = withdrawal!;
      withdrawal = undefined;
      withdrawalSeq = seq;
      // Reopened past the batch's deadline, the review is already overdue (and was escalated then, if late).
      const due = b.reviewDueAt > Date.now() ? b.reviewDueAt : undefined;
      ({ result: review, actor: reviewer } = reopened
        ? await resultWithDeadline<IntakeReviewResult>(book, reviewId, { ...deadline(b.reviewDueAt, '入库审核'), dueAt: due })
        : (book.results.get(reviewId) as { result: IntakeReviewResult; actor: Actor }));
      continue;
    }
    const { result: filing, actor: filer } = filed;
    await decide({
      key: `${filingId}:decision`,
      action: 'intake.filed',
      actor: filer,
      clause: cl.filing,
      reason: filing.note,
      data: { filedOn: filing.filedOn, reference: filing.reference },
      patch: { status: 'filed', filingDate: filing.filedOn, filingReference: filing.reference },
    });
    await startChild(RegisterEntryWorkflow, {
      workflowId: registerEntryWorkflowId(caseId),
      args: [
        {
          entryId: caseId,
          campaignId: input.campaignId,
          jurisdictionId: input.jurisdictionId,
          name: entry.name,
          verificationDays: input.settings.verificationDays,
          rules: intake,
          deadlineClause: input.rules.clauses.deadline,
        },
      ],
      // An entry stays in the register whatever becomes of the campaign that admitted it.
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
    outcome = 'filed';
    return finish();
  }

  async function finish() {
    // An escalation still open is still the centre's to acknowledge here.
    await condition(() => [...book.tasks.values()].every((t) => t.status === 'done') && allHandlersFinished());
    await acts.updateCaseStep({ caseId, currentStep: outcome, completed: true });
    return { caseId, outcome };
  }
}
