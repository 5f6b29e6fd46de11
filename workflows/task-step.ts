// Opening a task moves its case to the task's step (`case.current_step`, what the case lists show). Since
// the patch below, one activity does both in one transaction (activities/task.ts `createTask` with
// `caseStep`): a task opened after every completion cost the worker a second activity and a second
// database transaction. Histories recorded before it replay the two activities they hold.
import { patched } from '@temporalio/workflow';
import type { NewTask } from '../activities/task.js';

interface Acts {
  createTask(t: NewTask): Promise<void>;
  updateCaseStep(input: { caseId: string; currentStep: string }): Promise<void>;
}

export async function createTaskAtStep(acts: Acts, t: NewTask, caseId: string, currentStep: string): Promise<void> {
  if (patched('task-opens-case-step')) return acts.createTask({ ...t, caseStep: { caseId, currentStep } });
  await acts.createTask(t);
  await acts.updateCaseStep({ caseId, currentStep });
}
