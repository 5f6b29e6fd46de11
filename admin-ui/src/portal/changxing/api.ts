// Changxing by the operator (api/portal/changxing.ts; api/README.md "The operators' portal"): the evidence
// files on its case, its rectification orders with their proofs, and handing in proof (a file goes up by
// common/upload.ts).
import { API_URL, httpClient } from '../../httpClient';
import type { EvidenceFile, RectificationProof } from '../../tasks/EvidenceFiles';

export interface RectificationOrder {
  round: number;
  measure: 'interview' | 'guidance' | null;
  /** The deadline, epoch ms (end of the day, Asia/Shanghai, or the instant the officer set). */
  rectifyBy: number | null;
  findings: { key: string; name: string; nameEn: string; finding: 'minor' | 'serious' | 'ok'; description?: string }[];
  previousNote: string | null;
  reason: string | null;
  clause: string | null;
  orderedAt: string;
  state: 'open' | 'verifying' | 'passed' | 'not_passed';
  verification: { passed: boolean; note: string | null; completedAt: string | null } | null;
  proofs: RectificationProof[];
}

const enc = encodeURIComponent;
const get = async <T>(path: string): Promise<T> => (await httpClient(`${API_URL}${path}`)).json as T;
const post = async <T>(path: string, body: unknown): Promise<T> =>
  (await httpClient(`${API_URL}${path}`, { method: 'POST', body: JSON.stringify(body) })).json as T;

export const caseEvidence = (caseId: string) => get<EvidenceFile[]>(`/portal/cases/${enc(caseId)}/evidence`);
export const caseRectification = (caseId: string) =>
  get<{ caseId: string; orders: RectificationOrder[]; openRound: number | null }>(`/portal/cases/${enc(caseId)}/rectification`);
export const handInProof = (caseId: string, body: { round: number; note: string; attachmentIds: string[] }) =>
  post<RectificationProof>(`/portal/cases/${enc(caseId)}/rectification-proof`, body);
