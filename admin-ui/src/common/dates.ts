// Deadlines are end of day in Asia/Shanghai (api/README.md), whatever the browser's time zone.
export const TIME_ZONE = 'Asia/Shanghai';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (YYYY-MM-DD) of an instant, in Asia/Shanghai. */
export const shanghaiDay = (instant: string | Date): string => dayFormat.format(new Date(instant));

/** Whole calendar days from today to the day of `instant` (0 = today), in Asia/Shanghai. */
export const daysUntil = (instant: string, now: Date = new Date()): number =>
  Math.round((Date.parse(shanghaiDay(instant)) - Date.parse(shanghaiDay(now))) / 86_400_000);

/** The default date of a programme stage ("MM-DD") in a given year. */
export const programmeDate = (year: number | string, monthDay: string): string => `${year}-${monthDay}`;

export const currentYear = (): number => Number(shanghaiDay(new Date()).slice(0, 4));
