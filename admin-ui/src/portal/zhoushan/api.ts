// The live room's own application (api/portal/applications.ts; api/README.md "The operators' portal"):
// the campaigns open to it, filing, its applications and one of them, answering a return.
import { API_URL, httpClient } from '../../httpClient';
import type { ApplicationForm } from '../../types';
import type { EvidenceFile } from '../../tasks/EvidenceFiles';
import type { Bilingual } from '../api';

export interface ComplianceStatement {
  version: string;
  clause: string;
  zh: string;
  en: string;
}

export interface OpenCampaign {
  id: string;
  name: string;
  year: number;
  jurisdictionId: string;
  jurisdictionName: string;
  stage: { key: string; name: string; nameEn: string; startsAt: string; dueAt: string };
  appliedCaseId: string | null;
  problems: (Bilingual & { code: string })[];
  criteria: { key: string; name: Bilingual; criteria: { key: string; name: Bilingual; points: number | null }[] }[];
}

export type StepState = 'done' | 'current' | 'failed' | 'pending';

export interface ApplicationCard {
  id: string;
  campaignId: string;
  campaignName: string;
  year: number | null;
  liveRoomName: string | null;
  step: string;
  stepText: Bilingual | null;
  steps: { key: string; name: Bilingual; state: StepState }[];
  returned: { taskId: string; dueAt: string; reason: string | null; missing?: string[]; version?: number } | null;
  totalScore: number | null;
  updatedAt: string;
}

export interface ApplicationView extends ApplicationCard {
  decisions: {
    id: string;
    at: string;
    action: string;
    what: Bilingual | null;
    reason: string | null;
    missing: string[];
    version: number | null;
    byOperator: boolean;
    onBehalfOf: boolean;
  }[];
  score: { total: number; parts: { key: string; name: string; score: number; max: number }[] } | null;
  excluded: { kind: string; reason: string | null } | null;
  listing: { status: string; rank: number; listedAt: string; nomination: string; removedAt: string | null; removedReason: string | null } | null;
  application: {
    form: Partial<ApplicationForm> & Record<string, unknown>;
    attachments: EvidenceFile[];
    statement: { signatory: string; signedAt: string; version: string } | null;
  };
  versions: { version: number; submittedAt: string; byOperator: boolean; attachments: number }[];
}

const get = async <T>(path: string): Promise<T> => (await httpClient(`${API_URL}${path}`)).json as T;
const post = async <T>(path: string, body: unknown): Promise<T> =>
  (await httpClient(`${API_URL}${path}`, { method: 'POST', body: JSON.stringify(body) })).json as T;
const enc = encodeURIComponent;

export const openCampaigns = () => get<{ statement: ComplianceStatement; campaigns: OpenCampaign[] }>('/portal/applications/open-campaigns');
export const myApplications = () => get<ApplicationCard[]>('/portal/applications');
export const myApplication = (id: string) => get<ApplicationView>(`/portal/applications/${enc(id)}`);
export const fileApplication = (body: {
  campaignId: string;
  form: ApplicationForm;
  attachmentIds: string[];
  complianceStatement: { version: string; signatory: string };
}) => post<{ caseId: string }>('/portal/applications', body);
export const resubmitApplication = (id: string, body: { form: ApplicationForm; attachmentIds: string[]; supplied?: string }) =>
  post<{ caseId: string; taskId: string }>(`/portal/applications/${enc(id)}/resubmit`, body);
