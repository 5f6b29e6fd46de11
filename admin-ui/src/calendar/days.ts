// Calendar days as YYYY-MM-DD strings (days in Asia/Shanghai, computed with UTC arithmetic so that
// the browser's own time zone never shifts a day).

const DAY_MS = 86_400_000;

const toUtc = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const addDays = (day: string, n: number): string => fromUtc(toUtc(day) + n * DAY_MS);

/** "YYYY-MM" moved by n months. */
export const addMonths = (month: string, n: number): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
};

/** 0 = Monday … 6 = Sunday. */
export const weekdayMondayFirst = (day: string): number => (new Date(toUtc(day)).getUTCDay() + 6) % 7;

/** The weeks (Monday first) covering a month "YYYY-MM": 4 to 6 rows of 7 days. */
export const monthWeeks = (month: string): string[][] => {
  const first = `${month}-01`;
  const start = addDays(first, -weekdayMondayFirst(first));
  const last = addDays(`${addMonths(month, 1)}-01`, -1);
  const weeks: string[][] = [];
  for (let day = start; day <= last || weeks.length === 0;) {
    const week = Array.from({ length: 7 }, (_, i) => addDays(day, i));
    weeks.push(week);
    day = addDays(day, 7);
  }
  return weeks;
};
