// Overdue work, the one way: work left open at its due time is marked overdue and escalated to the
// coordinator of the campaign, once, and never dropped (DOMAIN.md "What the system must guarantee").
// Before that its holder is reminded, and a week after it, if still open, the leaders of the
// jurisdiction above are told (README "Deadlines": the reminder and the escalation chain).
// Used by the stage calendar (a stage closing with open work), the application and the register workflows.
import { condition, patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { Actor } from '../domain/roles.js';
import type { CaseTaskState } from './messages.js';
import { ACTIVITY_OPTIONS } from './activity-options.js';

const acts = proxyActivities<Activities>(ACTIVITY_OPTIONS);
/** A coordinator has a week to act on an escalation; then the leaders above are told. */
const ESCALATION_DAYS_MS = 7 * 86_400_000;
/** The reminder, and the chain's second step, change a deadline's commands: cases begun before replay without. */
const CHAIN_PATCH = 'task-reminder-and-escalation-chain';

export interface TaskBook {
  tasks: Map<string, CaseTaskState>;
  results: Map<string, { result: unknown; actor: Actor }>;
}

export interface Escalation {
  /** The escalation task's id. */
  id: string;
  campaignId: string;
  stageKey: string;
  caseId: string | null;
  title: string;
  /** The coordinators of this jurisdiction get it. */
  jurisdictionId: string;
  details: object;
  notify: { title: string; body: string };
}

/** Opens an escalation task for the coordinator, recorded in `tasks` first so it can be completed here. */
export async function openEscalation(tasks: Map<string, CaseTaskState>, e: Escalation): Promise<void> {
  tasks.set(e.id, { id: e.id, type: 'escalation', stageKey: e.stageKey, status: 'open', overdue: false });
  await acts.createTask({
    id: e.id,
    campaignId: e.campaignId,
    stageKey: e.stageKey,
    caseId: e.caseId,
    type: 'escalation',
    title: e.title,
    assigneeRole: 'coordinator',
    jurisdictionId: e.jurisdictionId,
    dueAt: Date.now() + ESCALATION_DAYS_MS,
    workflowId: workflowInfo().workflowId,
    details: e.details,
    notify: { kind: 'escalation', ...e.notify },
  });
}

export interface Deadline {
  dueAt?: number;
  campaignId: string;
  caseId: string | null;
  coordinatorJurisdictionId: string;
  escalationTitle: string;
  clause: string;
  details?: object;
  notify?: { title: string; body: string };
  /** How long before `dueAt` the task's holder is reminded (the campaign's reminder lead); none if 0 or absent. */
  reminderLeadMs?: number;
}

/**
 * A task's result. Past its own deadline (if it has one) it is marked overdue and escalated, once; the
 * task stays open and its result is still awaited.
 */
export async function resultWithDeadline<R>(book: TaskBook, id: string, o: Deadline): Promise<{ result: R; actor: Actor }> {
  return (await resultUnlessWithdrawn<R>(book, id, o, () => false))!;
}

/**
 * As resultWithDeadline, or undefined once `withdrawn()` holds first: the task is no longer wanted (a
 * correction withdrew the decision that asked for it). The same commands as resultWithDeadline until then,
 * so histories recorded by it replay.
 */
export async function resultUnlessWithdrawn<R>(
  book: TaskBook,
  id: string,
  o: Deadline,
  withdrawn: () => boolean,
): Promise<{ result: R; actor: Actor } | undefined> {
  const settled = () => book.results.has(id) || withdrawn();
  const chain = o.dueAt !== undefined && patched(CHAIN_PATCH);
  if (chain && o.reminderLeadMs && o.dueAt! - o.reminderLeadMs > Date.now())
    if (!(await condition(settled, o.dueAt! - o.reminderLeadMs - Date.now()))) await acts.sendTaskReminder({ taskId: id, dueAt: o.dueAt! });
  if (o.dueAt !== undefined && !(await condition(settled, Math.max(1, o.dueAt - Date.now())))) {
    const t = book.tasks.get(id)!;
    t.overdue = true;
    await acts.markTaskOverdue({ taskId: id, clause: o.clause });
    // Withdrawn meanwhile (never in a history recorded before withdrawals existed): nothing to escalate.
    if (withdrawn()) return undefined;
    await openEscalation(book.tasks, {
      id: `${id}:escalation`,
      campaignId: o.campaignId,
      stageKey: t.stageKey,
      caseId: o.caseId,
      title: `逾期督办：${o.escalationTitle}`,
      jurisdictionId: o.coordinatorJurisdictionId,
      details: { overdueTaskId: id, ...o.details },
      notify: o.notify ?? { title: `已逾期：${o.escalationTitle} / overdue`, body: id },
    });
    // Still open when the coordinator's week is up: the leaders of the jurisdiction above are told.
    if (chain && !(await condition(settled, ESCALATION_DAYS_MS))) await acts.escalateToLeaders({ taskId: id, clause: o.clause });
  }
  await condition(settled);
  return book.results.get(id) as { result: R; actor: Actor } | undefined;
}
