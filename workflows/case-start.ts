// Which workflow a programme's case runs, and with what input: one place for a case started as a child
// (case-child.ts: enrolment, applications, register intake) and for one a launch batch starts through
// its activity (activities/case-start.ts). Pure: imported by workflows and activities alike.
import type { CaseSeed } from '../activities/case.js';
import { withKind, type CampaignDefinition } from '../domain/campaign-definition.js';
import { unknownKind } from '../domain/programmes/index.js';
import type { Actor } from '../domain/roles.js';
import type { IntakeEntrySeed } from './messages.js';

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

export const caseCommonOf = (def: CampaignDefinition): CaseCommon => ({
  campaignId: def.campaignId,
  jurisdictionId: def.jurisdictionId,
  stages: def.stages,
  settings: def.settings,
  rules: def.rules,
  reminderLeadMs: def.reminderLeadMs,
});

export type CaseWorkflowType = 'CaseWorkflow' | 'ApplicationWorkflow' | 'DefinedCaseWorkflow' | 'IntakeWorkflow';

export interface CaseStartOptions {
  /** Already projected with its launch batch: nothing to write at start. */
  projected?: boolean;
  /** The launch batch that started it, told when it closes (workflows/report-close.ts): it is no child of it. */
  reportClosedTo?: string;
}

/** The workflow type and the one argument a case of `c`'s programme kind starts with. */
export function caseStart(
  c: CaseCommon,
  seed: CaseSeed,
  enrolledBy: Actor,
  form?: unknown,
  opts: CaseStartOptions = {},
): { workflowType: CaseWorkflowType; arg: object } {
  const common = {
    ...c,
    seed,
    enrolledBy,
    ...(opts.projected ? { projected: true } : {}),
    ...(opts.reportClosedTo ? { reportClosedTo: opts.reportClosedTo } : {}),
  };
  // Each kind's case workflow takes that kind's rules and settings (the common part carries them untyped).
  const kind = withKind(c).kind;
  switch (kind) {
    case 'register':
      return { workflowType: 'IntakeWorkflow', arg: { ...common, entry: (form as { entry: IntakeEntrySeed }).entry } };
    case 'application':
      return { workflowType: 'ApplicationWorkflow', arg: { ...common, form } };
    case 'defined':
      return { workflowType: 'DefinedCaseWorkflow', arg: common };
    case 'staged_award':
      return { workflowType: 'CaseWorkflow', arg: common };
    default:
      return unknownKind(kind);
  }
}
