// Starting one case's workflow as a child, from the campaign (enrolment, applications, register intake)
// or from a CaseBatchWorkflow (the operators enrolled at launch): one place decides which workflow a
// programme's case runs.
import { ParentClosePolicy, startChild, type ChildWorkflowHandle } from '@temporalio/workflow';
import type { CaseSeed } from '../activities/case.js';
import type { CampaignDefinition } from '../domain/campaign-definition.js';
import type { Actor } from '../domain/roles.js';
import type { IntakeEntrySeed } from './messages.js';
import { CaseWorkflow } from './case.js';
import { ApplicationWorkflow } from './application.js';
import { DefinedCaseWorkflow } from './defined-case.js';
import { IntakeWorkflow } from './intake.js';

export const caseWorkflowId = (caseId: string) => `case-${caseId}`;

/** What every case of a campaign is started with, besides its seed. */
export interface CaseCommon {
  campaignId: string;
  jurisdictionId: string;
  stages: CampaignDefinition['stages'];
  settings: CampaignDefinition['settings'];
  rules: CampaignDefinition['rules'];
}

export type CaseChild = ChildWorkflowHandle<typeof CaseWorkflow | typeof ApplicationWorkflow | typeof DefinedCaseWorkflow | typeof IntakeWorkflow>;

export const caseCommonOf = (def: CampaignDefinition): CaseCommon => ({ campaignId: def.campaignId, jurisdictionId: def.jurisdictionId, stages: def.stages, settings: def.settings, rules: def.rules });

// Not async: the caller awaits startChild's own promise, so a replay sees the same commands in the same order.
export function startCaseChild(c: CaseCommon, seed: CaseSeed, enrolledBy: Actor, form?: unknown, opts: { projected?: boolean } = {}): Promise<CaseChild> {
  const common = { ...c, seed, enrolledBy, ...(opts.projected ? { projected: true } : {}) };
  // A case outlives nothing: if the campaign (or its batch) is terminated, its cases are too.
  const options = { workflowId: caseWorkflowId(seed.caseId), parentClosePolicy: ParentClosePolicy.TERMINATE };
  const { rules } = c;
  return rules.intake
    ? startChild(IntakeWorkflow, { ...options, args: [{ ...common, entry: (form as { entry: IntakeEntrySeed }).entry }] })
    : rules.application
      ? startChild(ApplicationWorkflow, { ...options, args: [{ ...common, form }] })
      : rules.defined
        ? startChild(DefinedCaseWorkflow, { ...options, args: [common] })
        : startChild(CaseWorkflow, { ...options, args: [common] });
}
