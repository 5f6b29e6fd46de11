// Waiting for a task's result with its deadline: work left open at its due time is marked overdue and
// escalated to the coordinator of the campaign, once, and never dropped (DOMAIN.md "What the system must
// guarantee"). Shared by the register workflows (Lijiang).
import { condition, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { Actor } from '../domain/roles.js';
import type { CaseTaskState } from './messages.js';

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
const WEEK = 7 * 86_400_000;

export interface TaskBook {
  tasks: Map<string, CaseTaskState>;
  results: Map<string, { result: unknown; actor: Actor }>;
}

export async function resultWithDeadline<R>(
  book: TaskBook,
  id: string,
  o: { dueAt: number; campaignId: string; caseId: string | null; coordinatorJurisdictionId: string; escalationTitle: string; clause: string },
): Promise<{ result: R; actor: Actor }> {
  if (!(await condition(() => book.results.has(id), Math.max(1, o.dueAt - Date.now())))) {
    const t = book.tasks.get(id)!;
    t.overdue = true;
    await acts.markTaskOverdue({ taskId: id, clause: o.clause });
    const escalationId = `${id}:escalation`;
    book.tasks.set(escalationId, { id: escalationId, type: 'escalation', stageKey: t.stageKey, status: 'open', overdue: false });
    await acts.createTask({
      id: escalationId,
      campaignId: o.campaignId,
      stageKey: t.stageKey,
      caseId: o.caseId,
      type: 'escalation',
      title: `逾期督办：${o.escalationTitle}`,
      assigneeRole: 'coordinator',
      jurisdictionId: o.coordinatorJurisdictionId,
      dueAt: Date.now() + WEEK,
      workflowId: workflowInfo().workflowId,
      details: { overdueTaskId: id },
      notify: { kind: 'escalation', title: `已逾期：${o.escalationTitle} / overdue`, body: id },
    });
  }
  await condition(() => book.results.has(id));
  return book.results.get(id) as { result: R; actor: Actor };
}
