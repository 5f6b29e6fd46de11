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

/** The evidence ids a task result carries: per area of a self-check (areas[i].evidence), in order. */
export function evidenceRefs(result: unknown): EvidenceRef[] {
  const areas = (result as { areas?: unknown } | null)?.areas;
  if (!Array.isArray(areas)) return [];
  return areas.flatMap((a: unknown, i) => {
    const ids = (a as { evidence?: unknown } | null)?.evidence;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string').map((id, k) => ({ id, path: `areas.${i}.evidence.${k}` })) : [];
  });
}
