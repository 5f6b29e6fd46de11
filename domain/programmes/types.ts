import type { Role } from '../roles.js';
import type { DefinedRules } from './defined.js';

/** A task every case gets when a stage opens. */
export interface CaseTaskTemplate {
  type: string; // key into domain/task-forms.ts
  title: string;
  titleEn: string;
  assigneeRole: Role;
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

/** Settings of one campaign: defaults come from the programme, a coordinator may change them before launch. */
export interface CampaignSettings {
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
  /** Application programmes: points per rubric criterion (the city audit's maximum per criterion). */
  criterionPoints?: Record<string, number>;
  /** Application programmes: how long the county has to pre-review an application (属地初审), ISO 8601. */
  preReviewPeriod?: string;
  /** Application programmes: the list takes audited cases at or above this total… */
  listThreshold?: number;
  /** …and at most this many (ties at the cut all go in). */
  listQuota?: number;
  /** Register programmes (Lijiang): how often admitted entries are scored (动态评分), ISO 8601. */
  scoringPeriod?: string;
  /** …points of the score from the platform rating, the complaint rate and the regulator's findings (sum 100). */
  scoreWeights?: { rating: number; complaints: number; findings: number };
  /** …a complaint rate (% of orders) at or above this proposes removal, and scores 0 complaint points. */
  complaintRateLimit?: number;
  /** …an entry this many points below its register's average is proposed for removal (质量低于平均水平). */
  belowAverageMargin?: number;
  /** …an influencer with this many followers on one account is reviewed first (粉丝量1万以上). */
  priorityFollowers?: number;
  /** …how long the centre has to file (备案) an admitted entry, ISO 8601. */
  filingPeriod?: string;
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

/** The notice clause each kind of decision applies, cited in the audit trail. */
export interface Clauses {
  enrolment: string;
  selfCheck: string;
  rectification: string;
  filing: string;
  scoring: string;
  publicity: string;
  award: string;
  revocation: string;
  complaint: string;
  rosters: string;
  deadline: string;
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

/** The kind of process (DOMAIN.md "Programme"): data, so a campaign is launched from it without new code. */
export interface Programme {
  id: string;
  name: string;
  nameEn: string;
  stages: ProgrammeStage[];
  /** Cases are enrolled until this stage closes (only operators registered in the launching jurisdiction). */
  enrolmentStage: string;
  tracks: Named[];
  /** The rubric: groups of dimensions, each scored 0..100 by its own evaluation group. */
  scoring: { stageKey: string; groups: ScoringGroup[] };
  /** Kinds of serious violation that file a case (立案查处) and take it out of the award. */
  seriousViolations: Named[];
  /** Grounds on which a granted title is revoked. */
  revocationGrounds: Named[];
  /** Notice clauses cited in the audit trail, by decision. */
  clauses: Clauses;
  /** When the red and black lists may be published (absent: once the award is final). */
  rosters?: RosterRules;
  defaults: { reminderLeadHours: number; settings: CampaignSettings };
  /** Present for programmes whose cases come from applications, run by ApplicationWorkflow. */
  application?: ApplicationRules;
  /** Present for register programmes (Lijiang), run by IntakeWorkflow and RegisterEntryWorkflow. */
  intake?: IntakeRules;
  /** Present for programmes a coordinator defined as data (issue #8 Part B), run by DefinedCaseWorkflow. */
  defined?: DefinedRules;
}
