// The operators' portal API (api/portal/cases.ts, api/portal/accounts.ts; api/README.md "The operators'
// portal"): what an operator reads about its own cases and tasks, its activation, and the staff side of
// its account (invitations, disabling).
import { API_URL, httpClient } from '../httpClient';

/** A text in both languages, as the portal API gives the words of a step or an outcome. */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface PortalMe {
  id: string;
  name: string;
  uscc: string;
  kind: string;
  kindName: Bilingual;
  track: string | null;
  jurisdictionId: string;
  jurisdictionName: string;
}

export interface PortalStage {
  key: string;
  name: string;
  nameEn: string;
  startsAt: string;
  dueAt: string;
  status: 'pending' | 'open' | 'closed';
  current?: boolean;
}

export interface PortalCaseRow {
  id: string;
  campaignId: string;
  campaignName: string;
  programme: string;
  programmeName: Bilingual;
  year: number;
  status: 'active' | 'completed';
  currentStage: PortalStage | null;
  currentStep: Bilingual | null;
  openTasks: number;
  updatedAt: string;
}

export interface PortalTask {
  id: string;
  caseId: string | null;
  campaignId: string;
  campaignName: string;
  type: string;
  typeName: Bilingual;
  title: string;
  status: 'open' | 'done';
  overdue: boolean;
  dueAt: string;
  createdAt: string;
  completedAt: string | null;
  /** The operator's own task: its form's details and what it submitted. */
  mine: boolean;
  details?: Record<string, unknown>;
  result?: unknown;
  resultSummary: Bilingual | null;
  /** A submission recorded and on its way to the case (202), or refused after that answer. */
  submission?: { status: 'pending' | 'refused'; submittedAt: string; submittedById: string | null; refusalZh?: string | null; refusalEn?: string | null };
}

export interface PortalDecision {
  id: string;
  at: string;
  action: string;
  what: Bilingual | null;
  reason: string | null;
  clause: string | null;
  byOperator: boolean;
  onBehalfOf: boolean;
}

export interface PortalCase extends Omit<PortalCaseRow, 'currentStage' | 'openTasks' | 'updatedAt'> {
  stages: PortalStage[];
  tasks: PortalTask[];
  decisions: PortalDecision[];
  score: { total: number; parts: { dimension: string; name: string; score: number; weight: number }[] } | null;
  excluded: { kind: string; reason: string | null } | null;
  title: { status: string; grantedAt: string; expiresAt: string; endedAt: string | null; totalScore: number } | null;
  listing: { status: string; rank: number; listedAt: string; nomination: string; removedAt: string | null } | null;
}

const get = async <T>(path: string): Promise<T> => (await httpClient(`${API_URL}${path}`)).json as T;
const post = async <T>(path: string, body: unknown, method = 'POST'): Promise<T> =>
  (await httpClient(`${API_URL}${path}`, { method, body: JSON.stringify(body) })).json as T;
const enc = encodeURIComponent;

export const portalMe = () => get<PortalMe>('/portal/me');
export const portalCases = () => get<PortalCaseRow[]>('/portal/cases');
export const portalCase = (id: string) => get<PortalCase>(`/portal/cases/${enc(id)}`);
export const portalTasks = (status: 'open' | 'done' = 'open') =>
  get<PortalTask[]>(`/portal/tasks?filter=${enc(JSON.stringify({ status }))}&range=${enc('[0,99]')}`);
export const portalTask = (id: string) => get<PortalTask>(`/portal/tasks/${enc(id)}`);
/** POST /api/portal/tasks/:id/complete: the same forms, and the same checks, as staff completing a task. */
export const completePortalTask = (id: string, body: unknown) => post<PortalTask>(`/portal/tasks/${enc(id)}/complete`, body);

/** POST /api/portal/activate (no sign-in): sets the password with the invitation code. */
export const activateAccount = (body: { uscc: string; code: string; password: string }) =>
  post<{ username: string; operatorId: string; operatorName: string; activated: boolean }>('/portal/activate', body);

// Staff side (OperatorShow's 门户账号 panel).
export interface Invitation {
  id: string;
  code: string;
  expiresAt: string;
  operatorId: string;
  uscc: string;
  operatorName: string;
  portalUrl: string;
  hasAccount: boolean;
}
export interface InvitationRow {
  id: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
  status: 'pending' | 'used' | 'expired' | 'revoked';
  createdByName: string;
}
export interface PortalAccount {
  status: 'active' | 'disabled';
  createdAt: string;
}
export const inviteOperator = (operatorId: string) => post<Invitation>(`/operators/${enc(operatorId)}/invitations`, {});
export const operatorInvitations = (operatorId: string) => get<InvitationRow[]>(`/operators/${enc(operatorId)}/invitations`);
export const setPortalAccount = (operatorId: string, disabled: boolean, reason: string) =>
  post<PortalAccount>(`/operators/${enc(operatorId)}/account`, { disabled, reason }, 'PUT');
