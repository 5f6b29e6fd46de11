// Stage calendars are written as dates in the notices; deadlines are end of that day in China.
// Asia/Shanghai has had no daylight saving since 1991, so a fixed +08:00 offset is exact.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateOnlyToMidnightShanghai(value: string): number | undefined {
  const m = DATE_ONLY.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(y, mo - 1, d);
  const back = new Date(utc);
  // Reject 2024-02-30 and friends instead of letting Date roll them over.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return utc - SHANGHAI_OFFSET_MS;
}

/** Start of a stage: a bare date means 00:00 Asia/Shanghai; a full ISO timestamp is taken as is. */
export function parseStageStart(value: string): number | undefined {
  const day = dateOnlyToMidnightShanghai(value);
  if (day !== undefined) return day;
  return parseIsoInstant(value);
}

/** A deadline: a bare date means 23:59:59.999 Asia/Shanghai ("deadlines are end of day"). */
export function parseDeadline(value: string): number | undefined {
  const day = dateOnlyToMidnightShanghai(value);
  if (day !== undefined) return day + DAY_MS - 1;
  return parseIsoInstant(value);
}

function parseIsoInstant(value: string): number | undefined {
  // Only full timestamps with an explicit zone: "2024-07-31T12:00" without a zone is ambiguous.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** "MM-DD" of a programme's default calendar, placed in a campaign year. */
export function calendarDate(year: number, monthDay: string): string {
  return `${year}-${monthDay}`;
}

/** Date and time in Asia/Shanghai, as people write it in a notice: "2026-11-23 18:00". */
export function shanghaiDateTime(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The calendar date in Asia/Shanghai of an instant, as YYYY-MM-DD. */
export function shanghaiDate(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
