// Totals are computed from their parts only, in integers, so the 85 boundary is exact:
// scores carry at most two decimals (centi-points) and weights are whole percentages, so
// Σ weight × centi-score is the total in 1/10 000 of a point with no rounding anywhere.
// (changxing notice 三、评定管理: 总分100分 … 得分在85分以上授予称号)

export type Weights = Record<string, number>;

/** A 0..100 score with at most two decimals, as an integer number of hundredths; undefined if not. */
export function toCenti(score: number): number | undefined {
  if (!Number.isFinite(score) || score < 0 || score > 100) return undefined;
  const centi = Math.round(score * 100);
  return Math.abs(centi - score * 100) < 1e-6 ? centi : undefined;
}

/** The weighted total in 1/10 000 of a point. Every weighted dimension must have a score. */
export function totalE4(weights: Weights, centiScores: Record<string, number>): number {
  let sum = 0;
  for (const [dimension, weight] of Object.entries(weights)) {
    const s = centiScores[dimension];
    if (s === undefined) throw new Error(`no score for ${dimension}`);
    sum += weight * s;
  }
  return sum;
}

/** "85分以上" includes 85: a total of exactly the threshold is awarded. */
export const meetsThreshold = (totalE4: number, threshold: number) => totalE4 >= Math.round(threshold * 10_000);

/** For display: truncated (never rounded up across the threshold) to two decimals. */
export const totalPoints = (totalE4: number) => Math.floor(totalE4 / 100) / 100;
