// GET /api/dashboard (issue #6 contract): running campaigns with their figures, counted within
// the user's jurisdiction subtree.
import type { Bilingual, StageStatus, ThresholdKind } from '../types';

export interface DashboardStage extends Bilingual {
  key: string;
  status: StageStatus;
  startsAt: string;
  dueAt: string;
  done: number;
  open: number;
  overdue: number;
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
  stages: DashboardStage[];
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
