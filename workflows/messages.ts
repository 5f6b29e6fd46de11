// Signals, Updates and Queries of the campaign engine, shared by workflows and the API.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { Actor } from '../domain/roles.js';
import type { CaseSeed } from '../activities/case.js';

export const TASK_QUEUE_DEFAULT = 'campaigns';

// Custom search attributes; runtime/temporal-server.ts registers exactly these at dev-server start.
export const SA_CAMPAIGN_ID = defineSearchAttributeKey('CampaignId', SearchAttributeType.KEYWORD);
export const SA_PROGRAMME = defineSearchAttributeKey('Programme', SearchAttributeType.KEYWORD);
export const SA_JURISDICTION = defineSearchAttributeKey('JurisdictionId', SearchAttributeType.KEYWORD);
export const SA_CURRENT_STAGE = defineSearchAttributeKey('CurrentStage', SearchAttributeType.KEYWORD);
export const SEARCH_ATTRIBUTES = [SA_CAMPAIGN_ID, SA_PROGRAMME, SA_JURISDICTION, SA_CURRENT_STAGE];

/** Failure types a workflow rejects an Update with; the API maps them to HTTP statuses. */
export const REJECT = {
  invalid: 'InvalidInput', // 400
  conflict: 'Conflict', // 409: already done, stage already closed…
  notFound: 'NotFound', // 404
} as const;

export type StageStatus = 'pending' | 'open' | 'closed';

export interface StageState {
  key: string;
  name: string;
  status: StageStatus;
  startsAt: number;
  dueAt: number;
  closedAt?: number;
  closedEarly: boolean;
  reminderSentForDueAt?: number;
  overdueCount: number;
}

export interface CampaignProgress {
  campaignId: string;
  status: 'running' | 'completed';
  currentStage?: string;
  stages: StageState[];
  openTasks: string[];
}

export interface CaseTaskState {
  id: string;
  type: string;
  stageKey: string;
  status: 'open' | 'done';
  overdue: boolean;
  /** Rectification rounds, self-check rounds: 1 for the first. */
  round?: number;
  dimension?: string;
  /** Who scored it (a score task): a person's user id, or `group:<id>` for a group's imported decision. */
  scoredBy?: string;
}

export interface CaseProgress {
  caseId: string;
  status: 'active' | 'completed';
  tasks: CaseTaskState[];
  excluded?: { kind: string; reason: string };
  /** The total, once scored (a staged award's weighted total; an audit's or rubric's points). */
  totalE4?: number;
  /** Proposed for what the kind ends in: the title, the list, the roster. */
  proposed?: boolean;
  /** Staged award: the score of each evaluation group's dimension so far. */
  scores?: Record<string, number>;
  /** Staged award: rectification deadlines being waited for (ms). */
  waitingUntil?: number[];
}

export interface EnrolInput {
  cases: CaseSeed[];
  actor: Actor;
}

export interface PublicityState {
  rosterId: string;
  seq: number;
  windowEndsAt: number;
  caseIds: string[];
}

export interface AwardProgress {
  publicity?: PublicityState;
  objections: { id: string; caseId: string; status: 'open' | 'upheld' | 'dismissed' }[];
  finalized: boolean;
  titles: number;
}

export interface TitleProgress {
  titleId: string;
  status: 'active' | 'revoked' | 'expired';
  expiresAt: number;
  tasks: CaseTaskState[];
}

export interface CompleteTaskInput {
  taskId: string;
  actor: Actor;
  result: unknown;
  /** The task was unclaimed and the completion claims it (README "The task inbox"): audited with it. */
  claimed?: boolean;
}

export interface TaskCompleted {
  taskId: string;
  status: 'done';
  completedAt: number;
  late: boolean;
}

/**
 * A correction (DOMAIN.md "Correction": a later decision that amends a completed one, both kept): the task
 * is reopened for its holder's role, or its result replaced by `result` (a valid result of the same form).
 */
export interface CorrectTaskInput {
  taskId: string;
  actor: Actor;
  reason: string;
  reopen?: boolean;
  result?: unknown;
  /**
   * An amended score after the 公示 is published (四、（四）评价公示): allowed only as the first step of a new
   * 公示 that supersedes the published one (republishPublicityUpdate, sent by the API right after).
   */
  supersedesPublicity?: boolean;
}

export interface TaskCorrected {
  taskId: string;
  status: 'open' | 'done';
  /** 1 for the task's first correction. */
  seq: number;
  /** The case's total and proposal after it, where the task counts toward them. */
  totalE4?: number;
  proposed?: boolean;
}

export interface CloseStageInput {
  stageKey: string;
  reason: string;
  actor: Actor;
}

export interface ExtendStageInput {
  stageKey: string;
  dueAt: number;
  reason: string;
  actor: Actor;
}

// Campaign → case children
export const stageOpenedSignal = defineSignal<[{ stageKey: string; dueAt: number }]>('stageOpened');
export const stageClosedSignal = defineSignal<[{ stageKey: string }]>('stageClosed');
export const stageExtendedSignal = defineSignal<[{ stageKey: string; dueAt: number }]>('stageExtended');
export const campaignEndedSignal = defineSignal('campaignEnded');

// People → workflows (Updates: validated inside the workflow, result returned to the caller)
export const launchedUpdate = defineUpdate<{ campaignId: string; caseCount: number }>('launched');
export const completeTaskUpdate = defineUpdate<TaskCompleted, [CompleteTaskInput]>('completeTask');
export const correctTaskUpdate = defineUpdate<TaskCorrected, [CorrectTaskInput]>('correctTask');
export const closeStageUpdate = defineUpdate<StageState, [CloseStageInput]>('closeStage');
export const extendStageUpdate = defineUpdate<StageState, [ExtendStageInput]>('extendStage');

export const enrolCasesUpdate = defineUpdate<{ enrolled: number; caseCount: number }, [EnrolInput]>('enrolCases');
export const publishPublicityUpdate = defineUpdate<PublicityState, [{ windowEndsAt: number; actor: Actor }]>('publishPublicity');
/** A new 公示 after a score's correction (README "Corrections"): it supersedes the one published, with its own window. */
export const republishPublicityUpdate = defineUpdate<PublicityState, [{ windowEndsAt: number; actor: Actor; reason: string }]>('republishPublicity');
export const lodgeObjectionUpdate = defineUpdate<{ objectionId: string }, [{ caseId: string; source: string; content: string; actor: Actor }]>(
  'lodgeObjection',
);
export const resolveObjectionUpdate = defineUpdate<
  { objectionId: string; status: 'upheld' | 'dismissed' },
  [{ objectionId: string; decision: 'upheld' | 'dismissed'; resolution: string; actor: Actor }]
>('resolveObjection');
export const finalizeAwardUpdate = defineUpdate<{ titles: number }, [{ actor: Actor }]>('finalizeAward');
/** `attachmentIds`: evidence files the API checked, bound in the revocation's own transaction. */
export const revokeTitleUpdate = defineUpdate<TitleProgress, [{ ground: string; evidence: string; attachmentIds?: string[]; actor: Actor }]>('revokeTitle');
export const reportComplaintUpdate = defineUpdate<{ taskId: string }, [{ kind: 'complaint' | 'public_opinion'; description: string; actor: Actor }]>(
  'reportComplaint',
);

export const awardProgressQuery = defineQuery<AwardProgress>('awardProgress');

// Application programmes (Zhoushan)
export interface FileApplicationInput {
  seed: CaseSeed;
  form: unknown; // domain/application-form.ts, checked by the API
  actor: Actor;
}
export interface ListingProgress {
  listingId: string;
  status: 'listed' | 'removed';
  nomination: 'none' | 'pending' | 'accepted' | 'declined' | 'withdrawn';
  findings: number;
}
export const fileApplicationUpdate = defineUpdate<{ caseId: string }, [FileApplicationInput]>('fileApplication');
export const confirmListUpdate = defineUpdate<{ rosterId: string; listed: number }, [{ threshold?: number; quota?: number; actor: Actor }]>('confirmList');
export const listDecisionSignal = defineSignal<[{ listed: boolean }]>('listDecision');
export const nominateUpdate = defineUpdate<ListingProgress, [{ actor: Actor }]>('nominate');
export const provinceAnswerUpdate = defineUpdate<ListingProgress, [{ accepted: boolean; note: string; actor: Actor }]>('provinceAnswer');
export const recordFindingUpdate = defineUpdate<ListingProgress, [{ description: string; serious: boolean; actor: Actor }]>('recordFinding');
export const removeListingUpdate = defineUpdate<ListingProgress, [{ reason: string; actor: Actor }]>('removeListing');
export const listingProgressQuery = defineQuery<ListingProgress>('listingProgress');
/**
 * Of these case ids, those enrolled so far (the projection may lag a moment behind): asked a page at a
 * time (api/enrolment.ts). It replaced a query of the whole list, which a province's launch (100,000 ids,
 * 4.5 MB) made more than one answer may carry.
 */
export const enrolledAmongQuery = defineQuery<string[], [string[]]>('enrolledAmong');
/** A case a launch batch started (not its child) tells the batch it has closed: its workflow id (workflows/report-close.ts). */
export const caseClosedSignal = defineSignal<[string]>('caseClosed');
/** A launch batch's cases: how many it holds, has started and has seen finish (CaseBatchWorkflow). */
export const batchProgressQuery = defineQuery<{ batch: number; cases: number; started: number; finished: number }>('batchProgress');
export const titleProgressQuery = defineQuery<TitleProgress>('titleProgress');
export const campaignProgressQuery = defineQuery<CampaignProgress>('progress');
export const caseProgressQuery = defineQuery<CaseProgress>('caseProgress');

// Register programmes (Lijiang 入库)
/** What the API checked and computed for an application (domain/intake.ts). */
export interface IntakeEntrySeed {
  register: 'product' | 'influencer';
  name: string;
  identity: string;
  priority: number;
  priorityReasons: { code: string; zh: string; en: string }[];
  flags: { code: string; zh: string; en: string }[];
  form: unknown;
  attachments: { id: string; field: string }[];
}
export interface FileIntakeInput {
  seed: CaseSeed;
  entry: IntakeEntrySeed;
  actor: Actor;
}
export interface BatchAssignment {
  batchId: string;
  seq: number;
  reviewDueAt: number;
  /** 1 = reviewed first (highest priority, then earliest filed). */
  rank: number;
}
export interface RemovalProposal {
  runId: string;
  periodKey: string;
  /** A scoring run's (none for a credit listing's proposal, README "Credit lists"). */
  score?: number;
  average?: number;
  reasons: { code: string; zh: string; en: string }[];
}
export interface ScoringState {
  campaignId: string;
  period: string;
  nextRunAt: number;
  runs: number;
}
export const fileIntakeApplicationUpdate = defineUpdate<{ caseId: string; queued: number }, [FileIntakeInput]>('fileIntakeApplication');
export const openIntakeBatchUpdate = defineUpdate<{ batchId: string; seq: number; size: number }, [{ reviewDueAt: number; actor: Actor }]>('openIntakeBatch');
export const intakeQueueQuery = defineQuery<{ queued: string[]; batches: number }>('intakeQueue');
export const batchAssignedSignal = defineSignal<[BatchAssignment]>('batchAssigned');
export const removalProposedSignal = defineSignal<[RemovalProposal]>('removalProposed');
export const setScoringPeriodUpdate = defineUpdate<ScoringState, [{ period: string; actor: Actor }]>('setScoringPeriod');
export const runScoringUpdate = defineUpdate<{ runId: string; scored: number; proposed: number }, [{ actor: Actor }]>('runScoring');
export const scoringStateQuery = defineQuery<ScoringState>('scoringState');

/** The 双随机 draw's word for a case (workflows/inspection-draw.ts): drawn with its two inspectors, or not. */
export interface InspectionDrawnInput {
  drawn: boolean;
  inspectors: { userId: string; displayName: string }[];
  seed: string;
}
export const inspectionDrawnSignal = defineSignal<[InspectionDrawnInput]>('inspectionDrawn');

/**
 * A staged award's case held out of an award not yet final, its operator newly on a credit list (README
 * "Credit lists"; changxing 三、评定管理 取消称号情形（6）): confirmed by a coordinator, applied by the case.
 */
export const holdOutOfAwardUpdate = defineUpdate<{ caseId: string; excluded: true }, [{ reason: string; clause: string; actor: Actor; listingId: string }]>(
  'holdOutOfAward',
);
