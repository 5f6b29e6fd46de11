// The applicant's own register applications (api/portal/register.ts; api/README.md "The operators'
// portal"): the register campaigns open where it is registered, filing, its applications and one of them.
import { API_URL, httpClient } from '../../httpClient';
import type { IntakeApplicationForm, Register } from '../../types';

export interface OpenRegisterCampaign {
  id: string;
  name: string;
  year: number;
  jurisdictionId: string;
  jurisdictionName: string;
  windowStartsAt: string;
  windowDueAt: string;
  registers: { key: Register; name: string; nameEn: string }[];
  priorityFollowers: number;
  /** How many applications the applicant has filed in it. */
  applied: number;
}

export type ApplicationStatus = 'queued' | 'in_review' | 'admitted' | 'refused' | 'filed' | 'removed';

export interface MyRegisterApplication {
  id: string;
  campaignId: string;
  campaignName: string;
  register: Register;
  name: string;
  status: ApplicationStatus;
  createdAt: string;
  priority: number;
  priorityReasons: { code: string; zh: string; en: string }[];
  batchSeq: number | null;
  reviewDueAt: string | null;
  admittedAt: string | null;
  refusedReason: string | null;
  filedAt: string | null;
  filingDate: string | null;
  filingReference: string | null;
  removedAt: string | null;
  removedReason: string | null;
}

export interface MyRegisterApplicationView extends MyRegisterApplication {
  form: Record<string, unknown>;
  attachments: { id: string; filename: string; contentType: string; size: number; sha256: string; field: string | null; uploadedAt: string }[];
  decisions: { action: string; at: string; labelZh: string; labelEn: string; reason: string | null; clause: string | null }[];
}

const get = async <T>(path: string): Promise<T> => (await httpClient(`${API_URL}${path}`)).json as T;
const enc = encodeURIComponent;

export const openRegisterCampaigns = () => get<OpenRegisterCampaign[]>('/portal/register/open-campaigns');
export const myRegisterApplications = () =>
  get<MyRegisterApplication[]>(`/portal/register/applications?sort=${enc('["createdAt","DESC"]')}&range=${enc('[0,99]')}`);
export const myRegisterApplication = (id: string) => get<MyRegisterApplicationView>(`/portal/register/applications/${enc(id)}`);
/** POST /api/portal/register/applications: the staff filing's checks; 400 names every missing item. */
export const fileRegisterApplication = async (body: { campaignId: string; register: Register; form: IntakeApplicationForm; attachmentIds?: string[] }) =>
  (await httpClient(`${API_URL}/portal/register/applications`, { method: 'POST', body: JSON.stringify(body) })).json as {
    entryId: string;
    priority: number;
  };
