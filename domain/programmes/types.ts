import type { AccountRole, Role } from '../roles.js';
import type { DefinedRules } from './defined.js';
import type { StagePin } from '../calendar.js';

/**
 * The kinds of programme the engine runs (README "Architecture: programme kinds"). Each kind has its own
 * rules, settings and workflow parts, found from domain/programmes/kinds/<kind>.ts; the maps keyed by
 * ProgrammeKind (`satisfies Record<ProgrammeKind, …>`) make a new kind a compile error wherever it must
 * be handled.
 *   - staged_award: Changxing 放心电商: enrolled operators, staged casework, five-group scoring, 公示, titles.
 *   - application: Zhoushan 绿色直播间: voluntary applications, county pre-review, city audit, the list.
 *   - register: Lijiang 入库: applications to registers, review batches, filing, dynamic scoring, removal.
 *   - defined: a programme a coordinator defines as data (stages, forms, rubric, roster).
 */
export const PROGRAMME_KINDS = ['staged_award', 'application', 'register', 'defined'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

/** A task every case gets when a stage opens. */
export interface CaseTaskTemplate {
  type: string; // key into domain/task-forms.ts
  title: string;
  titleEn: string;
  /** Staff, or the operator itself (its own 自查自纠, changxing 四、（二）), done through the portal. */
  assigneeRole: AccountRole;
  /** For scoring tasks: the rubric dimension this task scores (one task per evaluation group). */
  dimension?: string;
}

export interface ProgrammeStage {
  key: string;
  name: string;
  nameEn: string;
  defaultStart: string; // MM-DD in the campaign year
  defaultDue: string; // MM-DD in the campaign year, end of day Asia/Shanghai
  /** The deadline falls this many years after the campaign year (Lijiang's window runs two years). */
  dueYearOffset?: number;
  caseTasks: CaseTaskTemplate[];
  /** Dates a notice fixes: extending an earlier stage may not move them (domain/calendar.ts). */
  pinned?: StagePin;
}

export interface Named {
  key: string;
  name: string;
  nameEn: string;
}

/** A group of rubric dimensions whose weights must add up to the group's share of the total. */
export interface ScoringGroup extends Named {
  share: number;
  dimensions: Named[];
}

/** The clauses every kind cites: how cases join, and the stage calendar's deadlines. */
export interface BaseClauses {
  enrolment: string;
  deadline: string;
}

/** The notice clause each kind of decision of a staged award applies, cited in the audit trail. */
export interface StagedAwardClauses extends BaseClauses {
  selfCheck: string;
  rectification: string;
  filing: string;
  scoring: string;
  publicity: string;
  award: string;
  revocation: string;
  complaint: string;
  rosters: string;
}

/** Settings of a staged-award campaign (Changxing 三、评定管理): a coordinator may change them before launch. */
export interface StagedAwardSettings {
  /** Weights (whole percentages) per track, per dimension. */
  weights: Record<string, Record<string, number>>;
  /** Total at or above which a case is proposed for the title. */
  awardThreshold: number;
  /** ISO 8601 duration a title stays valid from its grant. */
  titleValidity: string;
  /** Default length of the 公示 window in days. */
  publicityDays: number;
  /** Verification rounds a minor violation gets before the case is out of the award. */
  maxRectificationRounds: number;
  /** Days an officer has to verify a rectification (or hold an interview) once it is due. */
  verificationDays: number;
  /**
   * Whether one person may score more than one dimension of a case (changxing 四、（四）: five groups score,
   * each its own dimension). Launches since evaluation groups set it (default false); a campaign launched
   * before has none, and keeps letting one auditor score every dimension.
   */
  multiDimensionScorers?: boolean;
  /**
   * 双随机 inspections (README "Random inspections"): a share of the cases is drawn, each with two inspectors;
   * the rest skip the inspection. Null or absent: every case is inspected (changxing 四、（三）集中治理).
   */
  randomInspection?: { sharePercent: number; avoidOwnStation: boolean } | null;
  /**
   * Red and black lists published on their own every this many months, from the calendar year's start
   * (4、工作要求（三）定期公示; README "Scheduled red and black lists"). Null or absent: on demand only.
   */
  rosterPeriodMonths?: number | null;
}

/** Settings of an application campaign (Zhoushan 六、（二）–（四）). */
export interface ApplicationSettings {
  /** Points per rubric criterion (the city audit's maximum per criterion), adding up to 100. */
  criterionPoints: Record<string, number>;
  /** How long the county has to pre-review an application (属地初审), ISO 8601. */
  preReviewPeriod: string;
  /** The list takes audited cases at or above this total… */
  listThreshold?: number;
  /** …and at most this many (ties at the cut all go in). */
  listQuota?: number;
  /**
   * Every this many months a listed room is evaluated by its county (七、（三）加强对培育库中主体的日常监测和评估);
   * a failing evaluation proposes its removal. Null or absent: no periodic evaluation.
   */
  evaluationPeriodMonths?: number | null;
}

/** Settings of a register campaign (Lijiang 附件1 第15–18条). */
export interface RegisterSettings {
  /** How often admitted entries are scored (动态评分), ISO 8601. */
  scoringPeriod: string;
  /** Points of the score from the platform rating, the complaint rate and the regulator's findings (sum 100). */
  scoreWeights: { rating: number; complaints: number; findings: number };
  /** A complaint rate (% of orders) at or above this proposes removal, and scores 0 complaint points. */
  complaintRateLimit: number;
  /** An entry this many points below its register's average is proposed for removal (质量低于平均水平). */
  belowAverageMargin: number;
  /** An influencer with this many followers on one account is reviewed first (粉丝量1万以上). */
  priorityFollowers: number;
  /** How long the centre has to file (备案) an admitted entry, ISO 8601. */
  filingPeriod: string;
  /** Days an officer has to verify an entry's rectification once it is due (附件1 第16条). */
  verificationDays: number;
}

/** Settings of a defined programme's campaign: how its roster is chosen. */
export interface DefinedSettings {
  listThreshold?: number;
  listQuota?: number;
}

/**
 * Register programmes (Lijiang 入库): applications are taken while the window stage is open, queue until
 * the office opens a review batch, are admitted or refused, then filed with the centre; admitted entries
 * are scored periodically and may be removed (清退).
 */
export interface IntakeRules {
  windowStage: string;
  /**
   * The stage key the register's work (reviews, filings, removal reviews) is filed under. Not a calendar
   * stage: that work has deadlines of its own (the batch's, the filing period) and outlives the window, so
   * the window's close must not make it overdue.
   */
  taskStageKey: string;
  /** The registers (数据库), also the campaign's tracks. */
  registers: Named[];
  /** Who acts at each step (the office reviews and confirms removal, the centre files). */
  roles: { review: Role; filing: Role; removal: Role; batch: Role[] };
  clauses: Record<'window' | 'product' | 'influencer' | 'priority' | 'review' | 'filing' | 'scoring' | 'removal', string>;
}

/** Application-driven programmes (Zhoushan): operators apply, the county pre-reviews, the city audits. */
export interface ApplicationRules {
  applicationStage: string;
  auditStage: string;
  confirmationStage: string;
  /** The 培育准则: groups of criteria the city audit scores. */
  rubric: { key: string; name: string; nameEn: string; criteria: Named[] }[];
  /** Any of these fails the audit whatever the points. */
  vetoItems: Named[];
  clauses: Record<'survey' | 'application' | 'eligibility' | 'preReview' | 'audit' | 'listing' | 'nomination' | 'monitoring' | 'removal', string>;
}

/**
 * When a red or black list (红黑榜) may be published. They are official publications, so only where the
 * programme provides for them: any one condition admits a publication. A programme without these rules
 * publishes them once its award is final.
 */
export interface RosterRules {
  /** Once the award is final (titles granted): the lists then name titles in force and revoked. */
  afterAward: boolean;
  /** While one of these stages is open (Changxing 四、（五）总结提升). */
  duringStages: string[];
}

interface ProgrammeBase<K extends ProgrammeKind, S> {
  kind: K;
  id: string;
  name: string;
  nameEn: string;
  stages: ProgrammeStage[];
  /** Cases join until this stage closes (enrolment, applications or the intake window). */
  enrolmentStage: string;
  clauses: BaseClauses;
  defaults: { reminderLeadHours: number; settings: S };
}

/** Changxing's shape: enrolled operators, staged casework, scoring by evaluation groups, 公示 and titles. */
export interface StagedAwardProgramme extends ProgrammeBase<'staged_award', StagedAwardSettings> {
  tracks: Named[];
  /** The rubric: groups of dimensions, each scored 0..100 by its own evaluation group. */
  scoring: { stageKey: string; groups: ScoringGroup[] };
  /** Kinds of serious violation that file a case (立案查处) and take it out of the award. */
  seriousViolations: Named[];
  /** Grounds on which a granted title is revoked. */
  revocationGrounds: Named[];
  clauses: StagedAwardClauses;
  /** When the red and black lists may be published (absent: once the award is final). */
  rosters?: RosterRules;
}

/** Zhoushan's shape, run by ApplicationWorkflow. */
export interface ApplicationProgramme extends ProgrammeBase<'application', ApplicationSettings> {
  application: ApplicationRules;
}

/** Lijiang's shape, run by IntakeWorkflow and RegisterEntryWorkflow. */
export interface RegisterProgramme extends ProgrammeBase<'register', RegisterSettings> {
  intake: IntakeRules;
}

/** A programme a coordinator defined as data, run by DefinedCaseWorkflow. */
export interface DefinedProgramme extends ProgrammeBase<'defined', DefinedSettings> {
  defined: DefinedRules;
}

/** The kind of process (DOMAIN.md "Programme"): data, so a campaign is launched from it without new code. */
export type Programme = StagedAwardProgramme | ApplicationProgramme | RegisterProgramme | DefinedProgramme;
export type ProgrammeOf<K extends ProgrammeKind> = Extract<Programme, { kind: K }>;
export type SettingsOf<K extends ProgrammeKind> = ProgrammeOf<K>['defaults']['settings'];
/** Any kind's campaign settings. */
export type CampaignSettings = SettingsOf<ProgrammeKind>;

/** Ends a switch over kinds: adding a kind makes every such switch a compile error until it is handled. */
export function unknownKind(kind: never): never {
  throw new Error(`unknown programme kind ${String(kind)}`);
}
