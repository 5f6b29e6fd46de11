// Validity periods and publicity windows are settings written as ISO 8601 durations ("P1Y", "P7D"),
// so a test can run a one-year title in seconds ("PT4S") with the same code path.
const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export interface Duration {
  years: number;
  months: number;
  days: number;
  ms: number; // the time part
}

export function parseDuration(text: string): Duration | undefined {
  const m = ISO_DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  const d = { years: n(1), months: n(2), days: n(3), ms: ((n(4) * 60 + n(5)) * 60 + n(6)) * 1000 };
  return d.years + d.months + d.days + d.ms > 0 ? d : undefined;
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/**
 * Adds a duration in the Asia/Shanghai calendar: a title granted on 2024-12-05 for "P1Y" expires on
 * 2025-12-05 at the same time of day (changxing notice 三、评定管理: "有效期为一年").
 * A date that does not exist (02-29 in a common year) falls back to the month's last day.
 */
export function addDuration(from: number, d: Duration): number {
  const local = new Date(from + SHANGHAI_OFFSET_MS);
  const y = local.getUTCFullYear() + d.years;
  const mo = local.getUTCMonth() + d.months;
  const lastDay = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const timeOfDay = from + SHANGHAI_OFFSET_MS - Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  return Date.UTC(y, mo, day) + timeOfDay - SHANGHAI_OFFSET_MS + d.days * 86_400_000 + d.ms;
}
