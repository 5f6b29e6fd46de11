// CreditListingWorkflow: an operator newly put on a credit list (经营异常名录 or 严重违法失信名单; README "Credit
// lists"), and what follows for a human to confirm: each consequence the programmes name is a proposal task
// citing its clause (changxing 三、评定管理 取消称号情形（6）; the award not yet final; zhoushan 七、（三）移出培育库;
// lijiang 附件1 第16条 清退, which its own removal review decides). Confirmed, it is applied by the workflow that
// owns the title, case or listing; declined, the reason is recorded. One per listing (workflows/ids.ts).
import { condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { CreditProposal } from '../activities/credit.js';
import type { CreditProposalResult } from '../domain/task-forms.js';
import { completeTaskUpdate, type CaseTaskState } from './messages.js';
import { ACTIVITY_OPTIONS } from './activity-options.js';
import { validateCompletion } from './task-validation.js';
import { resultWithDeadline, type TaskBook } from './overdue.js';

const acts = proxyActivities<Activities>(ACTIVITY_OPTIONS);
const DAY = 86_400_000;
/** Days a proposal waits for its decision before it is overdue and escalated. */
const PROPOSAL_DAYS = 15;

export async function CreditListingWorkflow({ listingId }: { listingId: string }): Promise<{ proposals: number }> {
  const book: TaskBook = { tasks: new Map<string, CaseTaskState>(), results: new Map() };
  setHandler(
    completeTaskUpdate,
    async ({ taskId, actor, result, claimed }) => {
      const t = book.tasks.get(taskId)!;
      t.status = 'done';
      const completedAt = await acts.recordTaskCompletion({ taskId, actor, claimed, result: result as object, late: t.overdue });
      book.results.set(taskId, { result, actor });
      return { taskId, status: 'done', completedAt, late: t.overdue };
    },
    { validator: (i) => validateCompletion(book.tasks, i) },
  );

  const proposals = await acts.creditProposals({ listingId });
  await Promise.all(proposals.map((p, i) => decide(p, i + 1)));
  await condition(() => [...book.tasks.values()].every((t) => t.status === 'done'));
  return { proposals: proposals.length };

  /** One consequence: straight to its owner where that owner holds its own review (Lijiang), else a proposal task. */
  async function decide(p: CreditProposal, n: number): Promise<void> {
    if (!p.task) return acts.applyCreditProposal({ listingId, proposal: p, confirmed: true });
    const taskId = `${listingId}:proposal#${n}`;
    const dueAt = Date.now() + PROPOSAL_DAYS * DAY;
    book.tasks.set(taskId, { id: taskId, type: 'credit_proposal', stageKey: p.task.stageKey, status: 'open', overdue: false });
    await acts.createTask({
      id: taskId,
      campaignId: p.campaignId,
      stageKey: p.task.stageKey,
      caseId: p.caseId,
      type: 'credit_proposal',
      title: p.task.title,
      assigneeRole: p.task.role,
      jurisdictionId: p.task.jurisdictionId,
      dueAt,
      workflowId: workflowInfo().workflowId,
      details: { ...p.details, action: p.action, clause: p.clause },
      notify: { kind: 'decision', title: p.task.title, body: p.clause },
    });
    const { result, actor } = await resultWithDeadline<CreditProposalResult>(book, taskId, {
      dueAt,
      campaignId: p.campaignId,
      caseId: p.caseId,
      coordinatorJurisdictionId: p.task.jurisdictionId,
      escalationTitle: p.task.title,
      clause: p.clause,
      reminderLeadMs: p.task.reminderLeadMs,
    });
    await acts.applyCreditProposal({ listingId, proposal: p, confirmed: result.decision === 'confirm', reason: result.reason, actor, taskId });
  }
}
