import type { Role } from '../roles.js';

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
  defaults: { reminderLeadHours: number; settings: CampaignSettings };
  /** Present for programmes whose cases come from applications, run by ApplicationWorkflow. */
  application?: ApplicationRules;
}
