// The checks every correction passes before its workflow looks at it (README "Corrections"), shared by the
// workflows that own correctable decisions (workflows/case.ts, workflows/application.ts). Deterministic:
// runs in Update validators.
import { ApplicationFailure } from '@temporalio/workflow';
import { TASK_RESULT_SCHEMAS } from '../domain/task-forms.js';
import { REJECT, type CorrectTaskInput } from './messages.js';

/** A refusal the API maps to its HTTP status (REJECT), never retried. */
export const refuse = (type: string, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });

/**
 * The task is this workflow's, of a type it corrects, completed, and no other decision of the case (a
 * correction or a completion) is being recorded; a reason is given; an amendment (not a reopening) is a
 * valid form of the task's type.
 */
export function checkCorrection(
  i: CorrectTaskInput,
  t: { type: string; status: string } | undefined,
  o: { types: readonly string[]; done: boolean; busy: boolean },
): asserts t is { type: string; status: string } {
  if (!t) throw refuse(REJECT.notFound, `task ${i.taskId} is not owned by this workflow`);
  if (!o.types.includes(t.type))
    throw refuse(REJECT.conflict, `此类任务的结论暂不能更正 / a ${t.type} decision cannot be corrected (only ${o.types.join(', ')})`);
  if (!o.done) throw refuse(REJECT.conflict, '任务尚未办结，无需更正 / the task is not completed: nothing to correct');
  if (o.busy) throw refuse(REJECT.conflict, '本案件另有一项决定正在记录，请稍后再试 / another decision of this case is being recorded: try again');
  if (!i.reason?.trim()) throw refuse(REJECT.invalid, '须说明更正理由 / a reason is required');
  if (i.reopen) return;
  const parsed = TASK_RESULT_SCHEMAS[t.type]!().safeParse(i.result);
  if (!parsed.success) throw refuse(REJECT.invalid, parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; '));
}

/**
 * The audit key of a completion: a task completed again after a correction reopened it gets a second
 * entry (`task:<id>:completed:<n>`), the first kept; the first completion keeps the activity's own key.
 */
export const completionKey = (corrections: ReadonlyMap<string, number>, taskId: string): { key?: string } => {
  const n = corrections.get(taskId);
  return n ? { key: `task:${taskId}:completed:${n}` } : {};
};

/** A completion's validator: a correction being recorded may yet reopen or restore the task, and recomputes the case. */
export function refuseWhileCorrecting(correcting: boolean): void {
  if (correcting) throw refuse(REJECT.conflict, '本案件有一项更正正在办理，请稍后再试 / a correction of this case is being recorded: try again');
}
