// 双随机、一公开: the random draw of a staged award's inspections (changxing 四、（三）集中治理 done as the
// regulators' standard random inspection; README "Random inspections"). Random operators: a share of the
// cases; random inspectors: two officers from the jurisdiction's pool for each, never of the case's own
// station when the setting says so. The draw is a pure function of its recorded inputs (seed, cases, pool,
// share), so anyone can run it again and get the same cases and inspectors: every choice is a ranking by
// SHA-256 of the seed and an id, which a spreadsheet or `sha256sum` reproduces by hand.
import { createHash } from 'node:crypto';

/** Named in the record of every draw, so a later change of method never re-reads an old draw differently. */
export const DRAW_METHOD = 'sha256-rank-v1';
export const INSPECTORS_PER_CASE = 2;

export interface DrawInput {
  seed: string;
  /** Whole percent of the cases drawn (1–100): ⌈share × n / 100⌉ of them. */
  sharePercent: number;
  avoidOwnStation: boolean;
  cases: { caseId: string; stationId: string }[];
  pool: { userId: string; jurisdictionId: string }[];
}

export interface DrawnCase {
  caseId: string;
  /** The drawn case's inspectors, the first leading. */
  inspectors: string[];
}

export interface DrawResult {
  method: typeof DRAW_METHOD;
  drawn: DrawnCase[];
  /** Cases not drawn: they skip the inspection. */
  notDrawn: string[];
}

const rank = (seed: string, ...ids: string[]) =>
  createHash('sha256')
    .update([seed, ...ids].join('\n'))
    .digest('hex');

export class DrawRefusal extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/**
 * The draw. Cases are ranked by sha256(seed, caseId) and the first ⌈share⌉ are drawn. Each drawn case, in
 * that order, takes the two eligible inspectors with the fewest inspections so far in this draw, ties
 * broken by sha256(seed, caseId, userId): random, and no officer is given everything.
 */
export function drawInspections(input: DrawInput): DrawResult {
  const byCase = [...input.cases].sort((a, b) => rank(input.seed, a.caseId).localeCompare(rank(input.seed, b.caseId)) || a.caseId.localeCompare(b.caseId));
  const count = Math.min(byCase.length, Math.ceil((input.sharePercent * byCase.length) / 100));
  const load = new Map(input.pool.map((p) => [p.userId, 0]));
  const drawn: DrawnCase[] = byCase.slice(0, count).map((c) => {
    const eligible = input.pool.filter((p) => !(input.avoidOwnStation && p.jurisdictionId === c.stationId));
    if (eligible.length < INSPECTORS_PER_CASE)
      throw new DrawRefusal(
        `可选检查人员不足：案件 ${c.caseId} 需要 ${INSPECTORS_PER_CASE} 名${input.avoidOwnStation ? '非本所' : ''}检查人员，仅有 ${eligible.length} 名`,
        `not enough inspectors: case ${c.caseId} needs ${INSPECTORS_PER_CASE}${input.avoidOwnStation ? ' from outside its station' : ''}, ${eligible.length} available`,
      );
    const chosen = eligible
      .map((p) => ({ userId: p.userId, load: load.get(p.userId)!, key: rank(input.seed, c.caseId, p.userId) }))
      .sort((a, b) => a.load - b.load || a.key.localeCompare(b.key))
      .slice(0, INSPECTORS_PER_CASE)
      .map((p) => p.userId);
    for (const u of chosen) load.set(u, load.get(u)! + 1);
    return { caseId: c.caseId, inspectors: chosen };
  });
  return { method: DRAW_METHOD, drawn, notDrawn: byCase.slice(count).map((c) => c.caseId) };
}
