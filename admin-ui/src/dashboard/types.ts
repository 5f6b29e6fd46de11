// GET /api/dashboard: running campaigns with their figures, counted within
// the user's jurisdiction subtree.
import type { Bilingual, StageStatus, ThresholdKind } from '../types';

/** Cases with work in a stage (or the campaign): done, open (among them awaiting a reviewer), overdue. */
export interface CaseCounts {
  done: number;
  open: number;
  overdue: number;
  awaitingReview: number;
}

export interface DashboardStage extends Bilingual, CaseCounts {
  key: string;
  status: StageStatus;
  startsAt: string;
  dueAt: string;
  /** The same stage counted in tasks. */
  tasks: { done: number; open: number; overdue: number };
}

/** Work outside the stage calendar (a register's reviews). */
export interface DashboardOtherWork extends Bilingual, CaseCounts {
  key: string;
}

export interface DashboardOverdueCases {
  jurisdictionId: string;
  name: string;
  cases: number;
  tasks: number;
}

export interface DashboardOverdueRow {
  jurisdictionId: string;
  name: string;
  overdue: number;
}

export interface DashboardDeadline {
  at: string;
  days: number;
  kind: 'stage' | 'task';
  label: string;
  labelEn?: string | null;
}

export interface ScoreBucket {
  label: string;
  from: number;
  to: number;
  count: number;
}

export interface DashboardCounts {
  cases: number;
  scored: number;
  proposed: number;
  excluded: number;
  titles: number;
  applications: number;
  listed: number;
  openTasks: number;
  overdueTasks: number;
}

export interface DashboardCampaign {
  id: string;
  name: string;
  programme: string;
  year: number;
  jurisdictionId: string;
  currentStage: string | null;
  status: string;
  /** No stage has opened yet: shown below the others as 未开始. */
  notStarted: boolean;
  startsAt: string | null;
  current: (Bilingual & { key: string; dueAt: string; daysLeft: number }) | null;
  cases: CaseCounts & { total: number };
  /** Open escalations in scope. */
  escalations: number;
  stages: DashboardStage[];
  otherWork: DashboardOtherWork[];
  overdueCasesByJurisdiction: DashboardOverdueCases[];
  overdueByJurisdiction: DashboardOverdueRow[];
  nextDeadline: DashboardDeadline | null;
  /** The scores are split here (domain/score-threshold.ts); none for Lijiang's registers. */
  threshold: number | null;
  thresholdKind: ThresholdKind | null;
  scoreDistribution: ScoreBucket[] | null;
  counts: DashboardCounts;
}

export interface DashboardData {
  today: string;
  campaigns: DashboardCampaign[];
}
