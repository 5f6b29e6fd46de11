// When a campaign's red and black lists are published on their own (changxing 四、工作要求（三）: 红黑榜
// 定期公示; README "Scheduled red and black lists"): on the first day of each period of the calendar year,
// 09:00 in Shanghai. Every 3 months is the quarters (1 January, April, July, October); every 12 is New
// Year's Day. Pure: the schedule workflow computes its next date with it, deterministically.

/** The periods a campaign may choose, in months: each divides the year. */
export const ROSTER_PERIODS = [1, 2, 3, 4, 6, 12] as const;

const SHANGHAI = 8 * 3_600_000; // UTC+8, no daylight saving
const AT_HOUR = 9;

/** The first period start strictly after `now` (ms since the epoch). */
export function nextRosterDate(now: number, periodMonths: number): number {
  const local = new Date(now + SHANGHAI);
  let year = local.getUTCFullYear();
  let month = local.getUTCMonth() - (local.getUTCMonth() % periodMonths); // this period's first month
  for (;;) {
    const at = Date.UTC(year, month, 1, AT_HOUR) - SHANGHAI;
    if (at > now) return at;
    month += periodMonths;
    if (month >= 12) {
      month -= 12;
      year += 1;
    }
  }
}
