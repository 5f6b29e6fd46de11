// IntakeWorkflow: one application to a Lijiang register (seeds/lijiang-database-intake.txt 附件1 第17–18条,
// 附件2 第8–9条). It waits in the queue for a review batch; the office reviews it by the batch's deadline
// (overdue → escalated to the centre); refused ends it with the reason; admitted goes to the centre for
// filing (备案), recorded with its date; the filed entry then lives on in its RegisterEntryWorkflow.
import { ParentClosePolicy, allHandlersFinished, condition, proxyActivities, setHandler, startChild, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { CaseSeed } from '../activities/case.js';
import type { RulesOf, StageDefinition } from '../domain/campaign-definition.js';
import type { RegisterSettings } from '../domain/programmes/index.js';
import { registerEntryWorkflowId } from './ids.js';
import type { Actor, Role } from '../domain/roles.js';
import { addDuration, parseDuration } from '../domain/duration.js';
import type { FilingResult, IntakeReviewResult } from '../domain/intake.js';
import { batchAssignedSignal, caseProgressQuery, completeTaskUpdate, type BatchAssignment, type CaseTaskState, type IntakeEntrySeed } from './messages.js';
import { validateCompletion } from './task-validation.js';
import { resultWithDeadline, type TaskBook } from './overdue.js';
import { RegisterEntryWorkflow } from './register-entry.js';
import { ACTIVITY_OPTIONS } from './activity-options.js';

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

  setHandler(batchAssignedSignal, (b) => void (batch ??= b));
  setHandler(caseProgressQuery, () => ({ caseId, status: 'active', tasks: [...book.tasks.values()] }));
  setHandler(
    completeTaskUpdate,
    async ({ taskId, actor, result }) => {
      const t = book.tasks.get(taskId)!;
      t.status = 'done';
      const clause = t.type === 'filing' ? cl.filing : t.type === 'escalation' ? input.rules.clauses.deadline : cl.review;
      const completedAt = await acts.recordTaskCompletion({ taskId, actor, result: result as object, late: t.overdue, clause });
      book.results.set(taskId, { result, actor });
      return { taskId, status: 'done', completedAt, late: t.overdue };
    },
    { validator: (i) => validateCompletion(book.tasks, i) },
  );

  async function open(type: string, o: { title: string; role: Role; dueAt: number; details?: object }) {
    const id = `${caseId}:${type}`;
    book.tasks.set(id, { id, type, stageKey: intake.taskStageKey, status: 'open', overdue: false });
    await acts.createTask({
      id,
      campaignId: input.campaignId,
      stageKey: intake.taskStageKey,
      caseId,
      type,
      title: `${o.title}：${entry.name}`,
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
    });
    await acts.updateCaseStep({ caseId, currentStep: `${type}:open` });
    return id;
  }
  const deadline = (dueAt: number, what: string) => ({
    dueAt,
    campaignId: input.campaignId,
    caseId,
    coordinatorJurisdictionId: input.jurisdictionId,
    escalationTitle: `${entry.name} 的${what}`,
    clause: input.rules.clauses.deadline,
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
  const { result: review, actor: reviewer } = await resultWithDeadline<IntakeReviewResult>(book, reviewId, deadline(b.reviewDueAt, '入库审核'));
  if (review.decision === 'refused') {
    await decide({
      key: `${reviewId}:decision`,
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
    key: `${reviewId}:decision`,
    action: 'intake.admitted',
    actor: reviewer,
    clause: cl.review,
    reason: review.note,
    data: { batchSeq: b.seq },
    patch: { status: 'admitted' },
  });

  // 提交中心备案: the centre files the admitted entry, with the date of filing on record.
  const filingDue = addDuration(Date.now(), parseDuration(input.settings.filingPeriod ?? 'P15D')!);
  const filingId = await open('filing', { title: '入库备案', role: intake.roles.filing, dueAt: filingDue });
  const { result: filing, actor: filer } = await resultWithDeadline<FilingResult>(book, filingId, deadline(filingDue, '入库备案'));
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

  async function finish() {
    // An escalation still open is still the centre's to acknowledge here.
    await condition(() => [...book.tasks.values()].every((t) => t.status === 'done') && allHandlersFinished());
    await acts.updateCaseStep({ caseId, currentStep: outcome, completed: true });
    return { caseId, outcome };
  }
}
