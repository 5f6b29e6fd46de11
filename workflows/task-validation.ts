import { ApplicationFailure } from '@temporalio/workflow';
import type { z } from 'zod';
import { TASK_RESULT_SCHEMAS } from '../domain/task-forms.js';
import { REJECT, type CaseTaskState, type CompleteTaskInput } from './messages.js';

/**
 * The Update validator shared by every workflow that owns tasks: known, still open, well-formed result.
 * `schemaOf` gives the schema of tasks whose form is data (a defined programme's `form:*` and `rubric`).
 */
export function validateCompletion(
  tasks: Map<string, CaseTaskState>,
  input: CompleteTaskInput,
  schemaOf?: (task: CaseTaskState) => z.ZodType | undefined,
): void {
  const task = tasks.get(input.taskId);
  if (!task) throw ApplicationFailure.create({ type: REJECT.notFound, message: `task ${input.taskId} is not owned by this workflow` });
  if (task.status === 'done') throw ApplicationFailure.create({ type: REJECT.conflict, message: `task ${input.taskId} is already completed` });
  const schema = schemaOf?.(task) ?? TASK_RESULT_SCHEMAS[task.type]?.();
  if (!schema) throw ApplicationFailure.create({ type: REJECT.invalid, message: `task type ${task.type} has no form` });
  const parsed = schema.safeParse(input.result);
  if (!parsed.success) {
    throw ApplicationFailure.create({ type: REJECT.invalid, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  }
}
