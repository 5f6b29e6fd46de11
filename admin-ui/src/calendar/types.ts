// GET /api/calendar?from&to: stage starts and deadlines and the open tasks
// falling due, by day in Asia/Shanghai, sorted by `at`.
import type { StageStatus } from '../types';

export type CalendarEventKind = 'stage_start' | 'stage_due' | 'tasks_due';

export interface CalendarEvent {
  id: string;
  kind: CalendarEventKind;
  at: string;
  /** YYYY-MM-DD in Asia/Shanghai */
  date: string;
  campaignId: string;
  campaignName: string;
  stageKey: string;
  stageName: string;
  stageNameEn?: string | null;
  /** tasks_due only */
  taskType?: string;
  jurisdictionId?: string;
  jurisdictionName?: string;
  count?: number;
  overdue?: number;
  /** stage events only */
  status?: StageStatus;
}

export interface CalendarData {
  from: string;
  to: string;
  events: CalendarEvent[];
}
