// Totals are computed by the API from their parts (weights × scores); the console only shows them.
// Shown to two decimals, truncated and never rounded up: 84.995 is not "85.00" (domain/scoring.ts).

/** A score or total as text with two decimals, truncated. */
export const formatScore = (value: number | null | undefined): string => {
  if (value == null || !Number.isFinite(value)) return '';
  const e4 = Math.round(value * 10_000);
  return (Math.floor(e4 / 100) / 100).toFixed(2);
};

/** A part's contribution to the total: score × weight %. */
export const weighted = (score: number, weight: number): number => Math.round(score * 100 * weight) / 10_000;

/** True if the number has at most two decimals (the API refuses more). */
export const hasAtMostTwoDecimals = (value: number): boolean => Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
