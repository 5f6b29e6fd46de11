// Evidence (DOMAIN.md "Evidence: a file on a task or case"): the files an operator hands in with its
// 自查自纠 (长兴方案 四、（二）) and as proof of rectification (四、（三）限期整改). Pure: the API checks the ids
// (api/evidence.ts) and the completion's activity binds them to the case (activities/task.ts).

/** Photos (from a phone's camera) and scanned or exported PDFs: what a station officer can open at once. */
export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
/** Files on one rectification proof. */
export const MAX_PROOF_FILES = 20;

export interface EvidenceRef {
  id: string;
  /** Where the id sits in the body, for a 400's field problem (areas.2.evidence.0). */
  path: string;
}

/** Files on one inspection, interview, verification or revocation (its `evidence`). */
export const MAX_TASK_FILES = 20;

const idsAt = (ids: unknown, path: string): EvidenceRef[] =>
  Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string').map((id, k) => ({ id, path: `${path}.${k}` })) : [];

/**
 * The evidence ids a task result carries, in order: per area of a self-check (areas[i].evidence), and the
 * files of an inspection, interview or verification as a whole (evidence).
 */
export function evidenceRefs(result: unknown): EvidenceRef[] {
  const r = result as { areas?: unknown; evidence?: unknown } | null;
  const areas = Array.isArray(r?.areas) ? r.areas.flatMap((a: unknown, i) => idsAt((a as { evidence?: unknown } | null)?.evidence, `areas.${i}.evidence`)) : [];
  return [...areas, ...idsAt(r?.evidence, 'evidence')];
}
