// Record shapes of the REST API (see api/README.md). Ids are strings, dates ISO 8601 strings.
// Programmes, their kinds and settings, and a campaign's definition are the server's own types
// (domain/, imported as types only: nothing of the server reaches the bundle), so a change of shape
// or a new programme kind is a compile error here too.
import type { RaRecord } from 'react-admin';
import type {
  CampaignSettings,
  Named,
  ProgrammeKind,
  ProgrammeOf,
  ProgrammeStage as DomainProgrammeStage,
  ScoringGroup,
  SettingsOf,
} from '../../domain/programmes/types.js';
import type { CampaignDefinition, CampaignDefinitionOf } from '../../domain/campaign-definition.js';
import type { SettingsInput, SettingsInputOf } from '../../domain/programmes/kinds/index.js';

export type { CampaignDefinition, CampaignDefinitionOf, CampaignSettings, Named, ProgrammeKind, ScoringGroup, SettingsInput, SettingsInputOf, SettingsOf };

/** Staff roles, and 'operator': an operator's own account, which sees the portal (portal/) instead of the console. */
export type Role = 'coordinator' | 'county_officer' | 'auditor' | 'leader' | 'admin' | 'operator';

export interface User extends RaRecord<string> {
  username: string;
  displayName: string;
  role: Role;
  jurisdictionId: string;
  jurisdictionName?: string;
  /** A temporary password (set by an admin) that must be changed before anything else. */
  mustChangePassword?: boolean;
  /** An operator's account (role operator): the operator it is, and its name as registered (/auth/me). */
  operatorId?: string | null;
  operatorName?: string;
  phone?: string | null;
  email?: string | null;
  disabled?: boolean;
  disabledAt?: string | null;
  createdAt?: string;
  updatedAt?: string;
}

export interface Jurisdiction extends RaRecord<string> {
  name: string;
  level: 'province' | 'city' | 'county' | 'station';
  parentId: string | null;
  path: string;
}

/** A name given in Chinese with an optional English counterpart. */
export interface Bilingual {
  name: string;
  nameEn?: string | null;
}

/**
 * A stage as GET /api/programmes sends it (api/resources/programmes.ts programmeView): the programme's
 * stage with its case tasks given by type only, and without what only the engine reads.
 */
export type ProgrammeStage = {
  [K in keyof DomainProgrammeStage as K extends 'caseTasks' | 'dueYearOffset' | 'pinned' ? never : K]: DomainProgrammeStage[K];
} & { taskTypes: DomainProgrammeStage['caseTasks'][number]['type'][] };

/** Weights (whole percentages) per track, per dimension. */
export type Weights = SettingsOf<'staged_award'>['weights'];

/** A programme of one kind as GET /api/programmes sends it: its kind's own fields, stages as above. */
export type ProgrammeView<K extends ProgrammeKind> = Omit<ProgrammeOf<K>, 'stages'> & { stages: ProgrammeStage[] };
/** Any programme as GET /api/programmes sends it (narrowed by `kind`). */
export type Programme = { [K in ProgrammeKind]: ProgrammeView<K> }[ProgrammeKind];

export type StageStatus = 'pending' | 'open' | 'closed';

export interface Stage extends RaRecord<string>, Bilingual {
  campaignId: string;
  key: string;
  seq: number;
  startsAt: string;
  dueAt: string;
  status: StageStatus;
  openedAt: string | null;
  closedAt: string | null;
  closedEarly: boolean;
  reminderSentAt: string | null;
  overdueCount: number;
}

export interface Campaign extends RaRecord<string> {
  programme: string;
  name: string;
  year: number;
  jurisdictionId: string;
  status: 'running' | 'completed';
  currentStage: string | null;
  caseCount: number;
  launchedAt: string;
  completedAt: string | null;
  workflowId: string;
  stages?: Stage[];
  /** The programme's kind (GET /campaigns and /campaigns/:id; the list omits `definition`). */
  kind?: ProgrammeKind;
  /** What the campaign runs by, fixed at launch (GET /campaigns/:id only). */
  definition?: CampaignDefinition;
}

export interface StageProgress {
  key: string;
  name: string;
  nameEn?: string | null;
  status: StageStatus;
  startsAt?: string;
  dueAt: string;
  done: number;
  open: number;
  overdue: number;
  /** The stage in cases: done, open (among them awaiting a reviewer), overdue. */
  cases?: { done: number; open: number; overdue: number; awaitingReview: number };
}

export interface CampaignProgress {
  /** Cases enrolled at launch and started so far (a large launch fans out in batches). */
  cases: { enrolled: number; started: number };
  stages: StageProgress[];
  overdueByJurisdiction: { jurisdictionId: string; name: string; overdue: number }[];
}

export interface CampaignStageInput {
  key: string;
  startsAt: string;
  dueAt: string;
}

export interface CampaignBody {
  programme: string;
  year: number;
  jurisdictionId: string;
  name?: string;
  stages?: CampaignStageInput[];
  reminderLeadHours?: number;
  operatorIds?: string[];
  /** The programme kind's own settings (domain/programmes/kinds/<kind>.ts); null clears a list limit. */
  settings?: SettingsInput;
  previousCampaignId?: string;
}

/** GET /api/campaigns/:id/successor: next year's launch body and what last year left behind. */
export interface Successor {
  launch: CampaignBody;
  titleHolders: {
    operatorId: string;
    operatorName: string;
    uscc: string;
    status: TitleStatus;
    grantedAt: string;
    expiresAt: string;
    totalScore: number;
  }[];
  flagged: {
    operatorId: string;
    operatorName: string;
    uscc: string;
    kind: 'revoked' | 'filed';
    ground?: string | null;
    groundName?: string | null;
    reason?: string | null;
  }[];
}

export type CandidateFlag = {
  kind: 'title_holder' | 'title_expired' | 'revoked' | 'filed';
  campaignId?: string;
  year?: number;
  expiresAt?: string;
  ground?: string | null;
  reason?: string | null;
  at?: string | null;
};

/** An operator of the campaign's jurisdiction, as a candidate for enrolment. */
export interface Candidate extends Operator {
  enrolled: boolean;
  flags: CandidateFlag[];
}

/** POST /api/campaigns/:id/cases and …/cases/import */
export interface EnrolmentResult {
  enrolled: number;
  caseCount: number;
}

export type EnrolmentBody =
  { operators: { operatorId?: string; uscc?: string; track?: string }[] } | { filter: { jurisdictionId?: string; track?: string; q?: string }; track?: string };

export type RosterKind = 'publicity' | 'award' | 'red' | 'black' | 'cultivation' | 'list';

export interface RosterEntry {
  caseId: string;
  operatorId: string;
  operatorName: string;
  uscc: string;
  jurisdictionId: string;
  jurisdictionName: string;
  track: string | null;
  totalScore: number | null;
  ground?: string;
  groundName?: string;
  since?: string;
  /** cultivation list: competition rank (1, 2, 2, 4) */
  rank?: number;
}

export interface Roster extends RaRecord<string> {
  campaignId: string;
  kind: RosterKind;
  seq: number;
  publishedAt: string;
  publishedById: string | null;
  windowEndsAt: string | null;
  superseded?: boolean;
  entries?: RosterEntry[];
}

/** GET /api/campaigns/:id/award */
export interface AwardStatus {
  threshold: number;
  titleValidity: string;
  publicityDays: number;
  scored: number;
  proposed: number;
  publicity: Roster | null;
  award: Roster | null;
  objections: Partial<Record<ObjectionStatus, number>>;
  titles: Partial<Record<TitleStatus, number>>;
  /** Whether a red or black list may be published now (the programme's rule), and why (not). */
  rosterPublishing?: { allowed: boolean; messageZh: string; messageEn: string };
}

export type ObjectionStatus = 'open' | 'upheld' | 'dismissed';

export interface Objection extends RaRecord<string> {
  campaignId: string;
  caseId: string;
  rosterId: string;
  jurisdictionId: string;
  lodgedAt: string;
  /** null for an objection from the public page (source 'public'). */
  lodgedById: string | null;
  /** Who recorded it, by name (null: the public). */
  lodgedByName?: string | null;
  source: string;
  content: string;
  status: ObjectionStatus;
  resolvedAt: string | null;
  resolvedById: string | null;
  resolvedByName?: string | null;
  resolution: string | null;
  /** The number its lodger looks the outcome up by (#/public/objections/:reference). */
  reference: string | null;
  /** Whom to reply to: staff only, never on a public page. */
  contactName: string | null;
  contact: string | null;
  attachmentId: string | null;
}

export type TitleStatus = 'active' | 'revoked' | 'expired';

export interface Title extends RaRecord<string> {
  campaignId: string;
  campaignName?: string;
  caseId: string;
  operatorId: string;
  operatorName?: string;
  operatorUscc?: string;
  jurisdictionId: string;
  totalScore: number;
  grantedAt: string;
  expiresAt: string;
  status: TitleStatus;
  endedAt: string | null;
  revokedGround: string | null;
  revokedEvidence: string | null;
  revokedById: string | null;
  revokedByName?: string | null;
  workflowId: string;
  /** Only on GET /api/titles/:id */
  revocationGrounds?: Named[];
}

/** GET /api/campaigns/:id/summary */
/** What passing a campaign's score threshold means: the title, the list, the defined roster. */
export type ThresholdKind = 'award' | 'list' | 'roster';

export interface CampaignSummaryReport {
  /** threshold: none for Lijiang's registers, or a list / roster chosen by quota alone. */
  campaign: {
    id: string;
    name: string;
    year: number;
    programme: string;
    status: string;
    threshold: number | null;
    thresholdKind: ThresholdKind | null;
  };
  stages: {
    key: string;
    name: string;
    startsAt: string;
    dueAt: string;
    status: StageStatus;
    closedEarly: boolean;
    done: number;
    open: number;
    overdue: number;
  }[];
  cases: {
    enrolled: number;
    filed: number;
    rectificationFailed: number;
    objectionUpheld: number;
    scored: number;
    proposed: number;
  };
  violationsByArea: { key: string; name: string; minor: number; serious: number }[];
  scoreDistribution: { label: string; from?: number; count: number }[];
  scoreStats: { min: number; max: number; mean: number } | null;
  titles: Partial<Record<TitleStatus, number>>;
  awardList: RosterEntry[];
  awardPublishedAt?: string | null;
}

export interface Case extends RaRecord<string> {
  campaignId: string;
  operatorId: string;
  operatorName: string;
  jurisdictionId: string;
  track: string | null;
  status: 'active' | 'completed';
  currentStep: string | null;
  createdAt: string;
  updatedAt: string;
  operatorUscc?: string | null;
  totalScore?: number | null;
  scoreParts?: ScorePart[] | null;
  proposed?: boolean;
  excludedKind?: ExcludedKind | null;
  excludedReason?: string | null;
}

export type ExcludedKind = 'filed' | 'rectification_failed' | 'objection_upheld' | 'rejected' | 'vetoed';

export interface ScorePart {
  dimension: string;
  name: string;
  score: number;
  /** Whole percentage. */
  weight: number;
}

export type OperatorKind = 'enterprise' | 'live_room' | 'influencer' | 'ecommerce' | 'live_base' | 'mcn' | 'streamer';

export type Platform = 'douyin' | 'kuaishou' | 'wechat' | 'taobao' | 'xiaohongshu' | 'other';

export interface PlatformAccount {
  platform: Platform;
  account: string;
  followers?: number;
}

export interface Operator extends RaRecord<string> {
  name: string;
  uscc: string;
  kind: OperatorKind;
  jurisdictionId: string;
  registeredOn: string;
  track: 'live_marketing' | 'community_group_buying' | null;
  platformAccounts: unknown;
  /** 经营异常名录 / 严重违法失信名单 (either keeps an operator from applying, zhoushan 三). */
  abnormalListed?: boolean;
  dishonestListed?: boolean;
}

/** GET /api/operator-kinds */
export interface OperatorKinds {
  kinds: Named[];
  platforms: Platform[];
}

/** POST /api/operators/import */
export interface OperatorImportResult {
  created: number;
  updated: number;
}

/** 申报表 (zhoushan): filed by the county officer on the operator's behalf. */
export interface ApplicationForm {
  liveRoomName: string;
  address: string;
  contactName: string;
  contactPhone: string;
  platformAccounts: PlatformAccount[];
  mainCategories: string[];
  streamerCount: number;
  certifiedStreamers: number;
  annualSalesWan: number;
  contentRetentionYears: number;
  complianceStatement: true;
  introduction?: string;
}

/** GET /api/campaigns/:id/application-counts */
export const APPLICATION_STEPS = [
  'filed',
  'pre_review',
  'returned',
  'rejected',
  'reported',
  'audited',
  'vetoed',
  'listed',
  'not_listed',
  'removed',
  'nominated',
  'provinceAccepted',
] as const;
export type ApplicationStep = (typeof APPLICATION_STEPS)[number];

export type ApplicationCountsRow = { jurisdictionId: string; name: string; total: number } & Record<ApplicationStep, number>;

export interface ApplicationCounts {
  steps: string[];
  counties: ApplicationCountsRow[];
}

export type Nomination = 'none' | 'pending' | 'accepted' | 'declined' | 'withdrawn';

/** A room on a city cultivation list (培育库). */
export interface Listing extends RaRecord<string> {
  campaignId: string;
  caseId: string;
  operatorId: string;
  operatorName?: string;
  operatorUscc?: string;
  jurisdictionId: string;
  totalScore: number;
  rank: number;
  listedAt: string;
  status: 'listed' | 'removed';
  nomination: Nomination;
  nominatedAt: string | null;
  provinceAnsweredAt: string | null;
  provinceNote: string | null;
  findings: number;
  removedAt: string | null;
  removedReason: string | null;
  removedById: string | null;
  workflowId: string;
}

export type PreReviewDecision = 'pass' | 'return' | 'reject';

export interface PreReviewBody {
  decision: PreReviewDecision;
  reason?: string;
  missing?: string[];
}

export interface ResubmissionBody {
  supplied: string;
}

export interface CityAuditBody {
  points: Record<string, number>;
  vetoes: string[];
  comment?: string;
}

/** A group of the city audit's rubric (培育准则) and its criteria. */
export interface RubricGroup extends Named {
  criteria: Named[];
}

export interface SelfCheckArea extends Bilingual {
  key: string;
}

export type Finding = 'compliant' | 'issue';

export interface SelfCheckAreaResult {
  key: string;
  finding: Finding;
  description?: string;
  fixed?: boolean;
  /** Evidence files of the area (attachment ids, tasks/EvidenceFiles.tsx). */
  evidence?: string[];
}

export type ReviewDecision = 'accepted' | 'returned';
export type InspectionMethod = 'inspection' | 'sampling' | 'supervision';
export type InspectionFinding = 'ok' | 'minor' | 'serious';
export type Measure = 'interview' | 'guidance';

export interface InspectionAreaResult {
  key: string;
  finding: InspectionFinding;
  description?: string;
}

export interface SelfCheckReviewBody {
  decision: ReviewDecision;
  note?: string;
}

export interface InspectionBody {
  method: InspectionMethod;
  areas: InspectionAreaResult[];
  violation?: string;
  measure?: Measure;
  rectifyBy?: string;
  note?: string;
  /** Photos and PDFs (attachment ids), bound to the case on completion. */
  evidence?: string[];
}

export interface VerificationBody {
  passed: boolean;
  note: string;
  rectifyBy?: string;
  evidence?: string[];
}

export interface ScoreBody {
  score: number;
  comment?: string;
}

export interface InterviewBody {
  measure: Measure;
  note: string;
  rectifyBy: string;
  evidence?: string[];
}

export type CompleteTaskBody =
  | { areas: SelfCheckAreaResult[] }
  | { note: string }
  | SelfCheckReviewBody
  | InspectionBody
  | VerificationBody
  | ScoreBody
  | InterviewBody
  | PreReviewBody
  | ResubmissionBody
  | CityAuditBody
  | IntakeReviewBody
  | FilingBody
  | RemovalReviewBody
  | RubricTaskBody
  /** form:<taskType> tasks of a defined programme: one value per field of details.form. */
  | Record<string, unknown>;

/** A rectification order (限期整改), as the verification task carries it. */
export interface RectificationOrder {
  measure?: Measure;
  /** Epoch milliseconds. */
  rectifyBy?: number | string;
  findings?: InspectionAreaResult[];
  round?: number;
  previousNote?: string;
  note?: string;
}

export interface TaskDetails {
  operatorName?: string;
  operatorUscc?: string;
  track?: string | null;
  round?: number;
  areas?: SelfCheckArea[];
  /** self_check_review: what was submitted. */
  submitted?: { areas?: SelfCheckAreaResult[] };
  /** self_check after a return: the reviewer's reason. */
  returnedBecause?: string;
  /** inspection */
  seriousViolations?: Named[];
  /** verification */
  order?: RectificationOrder;
  /** score */
  dimension?: string;
  dimensionName?: string;
  weight?: number;
  /** interview (complaint on a title) */
  titleId?: string;
  kind?: 'complaint' | 'public_opinion';
  description?: string;
  /** zhoushan: the application every task of the case carries */
  application?: Partial<ApplicationForm> & Record<string, unknown>;
  /** resubmission: what the pre-review asked for */
  reason?: string;
  missing?: string[];
  /** city_audit */
  rubric?: RubricGroup[];
  vetoItems?: Named[];
  criterionPoints?: Record<string, number>;
  [key: string]: unknown;
}

export interface Task extends RaRecord<string> {
  campaignId: string;
  stageKey: string;
  caseId: string | null;
  type: string;
  title: string;
  assigneeRole: Role;
  jurisdictionId: string;
  claimedById: string | null;
  status: 'open' | 'done';
  overdue: boolean;
  dueAt: string;
  createdAt: string;
  completedAt: string | null;
  completedById: string | null;
  result: Record<string, unknown> | null;
  details: TaskDetails | null;
  /** A score task's evaluation group (changxing 四、（四）): only its members take it. */
  evaluationGroupName?: string | null;
  /** A decision recorded and on its way to the case's workflow, or refused after the submitter was answered. */
  submission?: { status: 'pending' | 'refused'; submittedAt: string; submittedById: string | null; refusalZh?: string | null; refusalEn?: string | null };
}

export interface AuditEvent extends RaRecord<string> {
  at: string;
  actorId: string | null;
  /** The acting user's name (GET /api/audit-events adds it). */
  actorName?: string | null;
  actorRole: Role | null;
  action: string;
  entityType: string;
  entityId: string;
  campaignId: string | null;
  jurisdictionId: string | null;
  reason: string | null;
  clause?: string | null;
  data: unknown;
}

/** Error body of every failing API call. */
export interface ApiErrorBody {
  error: string;
  message: string;
  messageZh?: string;
  messageEn?: string;
  fields?: { path: string; row?: number; messageZh?: string; messageEn?: string }[];
}

// ---------------------------------------------------------------------------------------------
// Lijiang registers (丽江特色直播优质产品库 / 新媒体达人库)

export type Register = 'product' | 'influencer';
export type RegisterEntryStatus = 'queued' | 'in_review' | 'admitted' | 'refused' | 'filed' | 'removed';

/** A reason given by the API in Chinese and English (priority reasons, flags, removal reasons). */
export interface CodedReason {
  code: string;
  zh: string;
  en: string;
}

export type ProductCategory = 'primary_agricultural' | 'prepackaged' | 'green_organic' | 'time_honoured' | 'cultural_tourism';

export type LivePlatform = 'douyin' | 'kuaishou' | 'wechat';
export type InfluencerPlatform = 'douyin' | 'kuaishou' | 'weibo' | 'wechat_official' | 'wechat_channels' | 'xiaohongshu';
export type EncouragedCategory = 'tourism_worker' | 'new_farmer' | 'rural_entrepreneur' | 'expert' | 'ethnic_culture' | 'head_agency';

export interface ProductApplicationForm {
  register: 'product';
  productName: string;
  category: ProductCategory;
  grade?: string;
  specifications: string;
  executionStandard: string;
  licences: string[];
  testReports: string[];
  dropshipping: boolean;
  liveLinks: { platform: LivePlatform; url: string }[];
  shipping: string;
  dailyVolume: number;
  serviceHours: { daysPerWeek: number; hoursPerDay: number };
  materials?: string[];
}

export interface InfluencerAccount {
  platform: InfluencerPlatform;
  handle: string;
  followers: number;
  realNameVerified: boolean;
  liveSellingEnabled: boolean;
}

export interface InfluencerApplicationForm {
  register: 'influencer';
  displayName: string;
  accounts: InfluencerAccount[];
  notUnderPenalty: boolean;
  promotesLijiang: boolean;
  encouragedCategories?: EncouragedCategory[];
  materials?: string[];
}

export type IntakeApplicationForm = ProductApplicationForm | InfluencerApplicationForm;

/** POST /api/attachments → this; GET /api/register-entries/:id lists them with the form field. */
export interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  field?: string | null;
}

export interface RegisterScore {
  periodKey: string;
  scoredAt: string;
  score: number;
  average: number | null;
  parts?: Record<string, number> | null;
  proposed: boolean;
  reasons: CodedReason[];
}

export interface RegisterMetric {
  id: string;
  recordedAt: string;
  recordedBy?: string | null;
  recordedByName?: string | null;
  platformRating: number;
  complaintRate: number;
  findings: number;
  violation: boolean;
  note?: string | null;
}

export interface RegisterEntry extends RaRecord<string> {
  caseId: string;
  campaignId: string;
  register: Register;
  name: string;
  operatorId: string;
  operatorName?: string;
  jurisdictionId: string;
  status: RegisterEntryStatus;
  priority: number;
  priorityReasons: CodedReason[];
  flags: CodedReason[];
  batchId: string | null;
  batchSeq: number | null;
  reviewDueAt: number | string | null;
  createdAt: string;
  admittedAt: string | null;
  filedAt: string | null;
  filingDate: string | null;
  filingReference: string | null;
  removalProposed: boolean;
  removedAt: string | null;
  removedReason: string | null;
  refusedReason: string | null;
  lastScore: number | null;
  lastScoredAt: string | null;
  form: Partial<ProductApplicationForm> & Partial<InfluencerApplicationForm> & Record<string, unknown>;
  workflowId?: string;
  /** Only on GET /api/register-entries/:id */
  attachments?: Attachment[];
  scores?: RegisterScore[];
  metrics?: RegisterMetric[];
}

/** POST /api/campaigns/:id/intake-applications → */
export interface IntakeApplicationResult {
  entryId: string;
  caseId: string;
  priority: number;
  priorityReasons: CodedReason[];
  flags: CodedReason[];
}

/** POST /api/intake-forms/read → a filled-in 申报表 as the form (nothing filed), and the rows it could not read. */
export interface IntakeWorkbookRead {
  form: Partial<ProductApplicationForm> | Partial<InfluencerApplicationForm>;
  problems: { path: string; row: number; messageZh: string; messageEn: string }[];
}

export interface IntakeBatch extends RaRecord<string> {
  campaignId: string;
  seq: number;
  openedAt: string;
  openedByName?: string | null;
  reviewDueAt: string | number;
  size: number;
  reviewed: number;
  admitted: number;
  refused: number;
  status: 'open' | 'closed';
}

export interface RegisterMetricsBody {
  platformRating: number;
  complaintRate: number;
  findings: number;
  violation: boolean;
  note?: string;
}

export interface ScoringRun {
  periodKey: string;
  ranAt: string;
  scored: number;
  proposed: number;
  averages: { product?: number | null; influencer?: number | null };
}

/** GET /api/campaigns/:id/register-scoring */
export interface RegisterScoring {
  period: string;
  nextRunAt: number | string | null;
  /** The runs (the contract), or their count with the list in `lastRuns` (what the API sends). */
  runs: ScoringRun[] | number;
  lastRuns?: ScoringRun[];
}

export interface IntakeReviewBody {
  decision: 'admitted' | 'refused';
  reason?: string;
  note?: string;
}

export interface FilingBody {
  filedOn: string;
  reference: string;
  note?: string;
}

export interface RemovalReviewBody {
  decision: 'remove' | 'keep';
  reason: string;
}

// ---------------------------------------------------------------------------------------------
// Programmes defined as data

export type ProgrammeRole = 'county_officer' | 'auditor' | 'coordinator';
export type FormFieldType = 'text' | 'number' | 'boolean' | 'date' | 'choice';

export interface FormFieldSpec {
  key: string;
  label: string;
  labelEn?: string;
  type: FormFieldType;
  required: boolean;
  options?: string[];
}

export interface ProgrammeSpec {
  id: string;
  name: string;
  nameEn: string;
  stages: { key: string; name: string; nameEn: string; durationDays: number; taskTypes: string[] }[];
  defaultStart: string;
  taskTypes: { key: string; name: string; nameEn: string; role: ProgrammeRole; form: FormFieldSpec[] }[];
  rubric: {
    stageKey: string;
    role: ProgrammeRole;
    items: { key: string; name: string; nameEn: string; points: number }[];
    vetoItems: { key: string; name: string; nameEn: string }[];
  };
  roster: { name: string; nameEn: string; threshold?: number; quota?: number };
  clause?: string;
}

/** GET /api/programmes rows and GET /api/programmes/:id: built-ins and defined programmes. */
export interface ProgrammeRecord extends RaRecord<string> {
  name: string;
  nameEn?: string | null;
  builtIn?: boolean;
  version?: number | null;
  spec?: ProgrammeSpec;
  /** The jurisdiction that defined it (定义单位); null for a built-in. */
  jurisdictionId?: string | null;
  jurisdictionName?: string | null;
  /** Whether the caller may revise it (the API refuses others with 403). */
  canRevise?: boolean;
  [key: string]: unknown;
}

export interface ProgrammeVersion {
  version: number;
  createdAt: string;
  createdByName?: string | null;
  spec: ProgrammeSpec;
}

/** A `form:*` task: the fields to fill. The rubric task: items and veto items. */
export interface RubricTaskBody {
  points: Record<string, number>;
  vetoes: string[];
  comment?: string;
}

/** A campaign's evaluation group (changxing 四、（四）): GET /campaigns/{id}/evaluation-groups. */
export interface EvaluationGroup {
  id: string;
  name: string;
  /** A third party: its scores are imported. */
  external: boolean;
  dimensions: { key: string; name: string }[];
  members: { id: string; displayName: string; jurisdictionName: string }[];
  openTasks: number;
  doneTasks: number;
}
export interface EvaluationGroups {
  campaignId: string;
  multiDimensionScorers: boolean;
  dimensions: { key: string; name: string; groupId: string | null }[];
  groups: EvaluationGroup[];
}
export interface EvaluationGroupBody {
  name: string;
  external: boolean;
  dimensions: string[];
  memberIds: string[];
}
export interface EvaluationCandidate {
  id: string;
  displayName: string;
  jurisdictionName: string;
}
/** A third party's score file and how far its delivery to the cases has come. */
export interface ScoreImport {
  id: string;
  groupId: string;
  groupName: string;
  dimension: string;
  dimensionName: string;
  lines: number;
  delivered: number;
  refused: { line: number; operatorName: string; messageZh: string; messageEn: string }[];
  status: 'running' | 'done';
  importedByName: string;
  createdAt: string;
  finishedAt: string | null;
}

/** A campaign's 双随机 draw (GET /campaigns/{id}/inspection-draw). */
export interface InspectionDrawView {
  campaignId: string;
  settings: { sharePercent: number; avoidOwnStation: boolean } | null;
  draw: {
    seed: string;
    method: string;
    sharePercent: number;
    avoidOwnStation: boolean;
    cases: number;
    pool: number;
    drawn: { caseId: string; operatorName: string; jurisdictionName: string; inspectors: { id: string; displayName: string }[] }[];
    notDrawn: number;
    rosterId: string;
    drawnByName: string;
    drawnAt: string;
  } | null;
}

/** An import of a credit list (POST /credit-lists/import). */
export interface CreditImportResult {
  list: 'abnormal' | 'dishonest';
  listed: number;
  removed: number;
  unchanged: number;
  notRegistered: number;
  outOfScope: number;
}
/** An operator's period on a credit list (GET /operators/{id}/credit-listings). */
export interface CreditListing {
  id: string;
  list: 'abnormal' | 'dishonest';
  listName: string;
  listedOn: string;
  reason: string | null;
  authority: string | null;
  removedOn: string | null;
  removalReason: string | null;
  importedByName: string;
}
