// Starting one case's workflow as a child of the campaign (enrolment, applications, register intake) or
// of an arrival shard; case-start.ts decides which workflow a programme's case runs. (A launch batch
// started its cases as children too before it started them through an activity: case-batch.ts.)
import { ParentClosePolicy, WorkflowIdReusePolicy, startChild, type ChildWorkflowHandle } from '@temporalio/workflow';
import type { CaseSeed } from '../activities/case.js';
import type { Actor } from '../domain/roles.js';
import type { CaseWorkflow } from './case.js';
import type { ApplicationWorkflow } from './application.js';
import type { DefinedCaseWorkflow } from './defined-case.js';
import type { IntakeWorkflow } from './intake.js';
import { caseWorkflowId } from './ids.js';
import { caseStart, type CaseCommon } from './case-start.js';

export { caseWorkflowId };
export { caseCommonOf, type CaseCommon } from './case-start.js';

export type CaseChild = ChildWorkflowHandle<typeof CaseWorkflow | typeof ApplicationWorkflow | typeof DefinedCaseWorkflow | typeof IntakeWorkflow>;

export { tracksOfRules as tracksOf } from '../domain/programmes/kinds/index.js';

// Not async: the caller awaits startChild's own promise, so a replay sees the same commands in the same order.
// `rejectDuplicate`: refused even if a case of this id has run and closed (an arrival shard's backstop to the
// database's check: one case per operator and campaign).
export function startCaseChild(
  c: CaseCommon,
  seed: CaseSeed,
  enrolledBy: Actor,
  form?: unknown,
  opts: { projected?: boolean; rejectDuplicate?: boolean } = {},
): Promise<CaseChild> {
  const { workflowType, arg } = caseStart(c, seed, enrolledBy, form, opts);
  // A case outlives nothing: if the campaign (or its shard) is terminated, its cases are too.
  return startChild<(a: object) => Promise<unknown>>(workflowType, {
    workflowId: caseWorkflowId(seed.caseId),
    parentClosePolicy: ParentClosePolicy.TERMINATE,
    ...(opts.rejectDuplicate ? { workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE } : {}),
    args: [arg],
  }) as Promise<CaseChild>;
}
