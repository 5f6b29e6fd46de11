// A completion and what follows from it (the next task, the case's step, a decision on the case) are
// written in one transaction: the workflow decides the follow-up as before, but its writes are taken down
// instead of run, and recordTaskCompletion makes them with the completion (activities/task.ts `then`).
// That is one local activity, one database transaction and one workflow activation fewer per completion.
import type { FollowUp, FollowUpWrites } from '../activities/task.js';

export function takeDown(): { writes: FollowUpWrites; taken: FollowUp[] } {
  const taken: FollowUp[] = [];
  const take =
    <K extends FollowUp['write']>(write: K) =>
    async (input: Extract<FollowUp, { write: K }>['input']) =>
      void taken.push({ write, input } as FollowUp);
  return {
    writes: {
      createTask: take('createTask'),
      recordCaseDecision: take('recordCaseDecision'),
      updateCaseStep: take('updateCaseStep'),
      reviveTask: take('reviveTask'),
    },
    taken,
  };
}
