// Deadlines are end of day in Asia/Shanghai (api/README.md), whatever the browser's time zone.
export const TIME_ZONE = 'Asia/Shanghai';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (YYYY-MM-DD) of an instant, in Asia/Shanghai. */
export const shanghaiDay = (instant: string | number | Date): string => dayFormat.format(new Date(instant));

const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The time of day (HH:mm, 24-hour) of an instant, in Asia/Shanghai. */
export const shanghaiTime = (instant: string | number | Date): string => timeFormat.format(new Date(instant));

/**
 * The console's one date format, in either language (README "The console's words"): `2026-12-03 16:26`
 * in Asia/Shanghai, or the day alone (`2026-12-03`) without `time`; empty for no date, the input itself
 * when it is not a date.
 */
export function formatDateTime(instant: string | number | Date | null | undefined, time = true): string {
  if (instant == null || instant === '') return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return String(instant);
  return time ? `${shanghaiDay(date)} ${shanghaiTime(date)}` : shanghaiDay(date);
}

/** Whole calendar days from today to the day of `instant` (0 = today), in Asia/Shanghai. */
export const daysUntil = (instant: string, now: Date = new Date()): number =>
  Math.round((Date.parse(shanghaiDay(instant)) - Date.parse(shanghaiDay(now))) / 86_400_000);

/** The default date of a programme stage ("MM-DD") in a given year. */
export const programmeDate = (year: number | string, monthDay: string): string => `${year}-${monthDay}`;

export const currentYear = (): number => Number(shanghaiDay(new Date()).slice(0, 4));
