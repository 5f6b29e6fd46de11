// GET /api/cases/:id/timeline (api/README.md "Resources"): who holds the case now and what happened
// to it.
import type { Identifier } from 'react-admin';
import { API_URL, httpClient } from '../httpClient';
import type { Role } from '../types';

export interface CaseHolder {
  taskId: string;
  type: string;
  title: string;
  assigneeRole: Role;
  jurisdictionId: string;
  jurisdictionName: string;
  claimedById: string | null;
  claimedByName: string | null;
  dueAt: string;
  overdue: boolean;
}

export interface TimelineEntry {
  id: string;
  at: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: Role | null;
  entityType: string;
  entityId: string;
  taskType: string | null;
  reason: string | null;
  clause: string | null;
  data: unknown;
}

export interface CaseTimeline {
  caseId: string;
  workflowId: string | null;
  /** The Temporal Web UI page of the case's workflow, when the server knows where it is. */
  workflowUrl: string | null;
  workflowStatus: string | null;
  currentStep: string | null;
  holders: CaseHolder[];
  /** Oldest first: the case and its tasks. */
  entries: TimelineEntry[];
}

export const fetchCaseTimeline = async (id: Identifier, signal?: AbortSignal): Promise<CaseTimeline> =>
  (await httpClient(`${API_URL}/cases/${encodeURIComponent(String(id))}/timeline`, { signal })).json as CaseTimeline;
