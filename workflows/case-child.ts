// Starting one case's workflow as a child, from the campaign (enrolment, applications, register intake)
// or from a CaseBatchWorkflow (the operators enrolled at launch): one place decides which workflow a
// programme's case runs.
import { ParentClosePolicy, WorkflowIdReusePolicy, startChild, type ChildWorkflowHandle } from '@temporalio/workflow';
import type { CaseSeed } from '../activities/case.js';
import { withKind, type CampaignDefinition } from '../domain/campaign-definition.js';
import { unknownKind } from '../domain/programmes/index.js';
import type { Actor } from '../domain/roles.js';
import type { IntakeEntrySeed } from './messages.js';
import { CaseWorkflow, type CaseInput } from './case.js';
import { ApplicationWorkflow, type ApplicationInput } from './application.js';
import { DefinedCaseWorkflow } from './defined-case.js';
import { IntakeWorkflow, type IntakeInput } from './intake.js';
import { caseWorkflowId } from './ids.js';

export { caseWorkflowId };

/** What every case of a campaign is started with, besides its seed. */
export interface CaseCommon {
  campaignId: string;
  jurisdictionId: string;
  stages: CampaignDefinition['stages'];
  settings: CampaignDefinition['settings'];
  rules: CampaignDefinition['rules'];
  /** How long before a task's due time its holder is reminded (the campaign's reminder lead, workflows/overdue.ts). */
  reminderLeadMs?: number;
}

export type CaseChild = ChildWorkflowHandle<typeof CaseWorkflow | typeof ApplicationWorkflow | typeof DefinedCaseWorkflow | typeof IntakeWorkflow>;

export const caseCommonOf = (def: CampaignDefinition): CaseCommon => ({
  campaignId: def.campaignId,
  jurisdictionId: def.jurisdictionId,
  stages: def.stages,
  settings: def.settings,
  rules: def.rules,
  reminderLeadMs: def.reminderLeadMs,
});

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
  const common = { ...c, seed, enrolledBy, ...(opts.projected ? { projected: true } : {}) };
  // A case outlives nothing: if the campaign (or its batch or shard) is terminated, its cases are too.
  const options = {
    workflowId: caseWorkflowId(seed.caseId),
    parentClosePolicy: ParentClosePolicy.TERMINATE,
    ...(opts.rejectDuplicate ? { workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE } : {}),
  };
  // Each kind's case workflow takes that kind's rules and settings (the common part carries them untyped).
  const kind = withKind(c).kind;
  switch (kind) {
    case 'register':
      return startChild(IntakeWorkflow, { ...options, args: [{ ...common, entry: (form as { entry: IntakeEntrySeed }).entry } as IntakeInput] });
    case 'application':
      return startChild(ApplicationWorkflow, { ...options, args: [{ ...common, form } as ApplicationInput] });
    case 'defined':
      return startChild(DefinedCaseWorkflow, { ...options, args: [common as CaseInput<'defined'>] });
    case 'staged_award':
      return startChild(CaseWorkflow, { ...options, args: [common as CaseInput] });
    default:
      return unknownKind(kind);
  }
}
