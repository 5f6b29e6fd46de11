// What a list's exports hold (./csv.ts and ./xlsx.ts): the records' own values under the column names the
// list shows (resources.<resource>.fields.<field>), never the API's field names.
import { i18nProvider } from '../i18n';

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const SHANGHAI = 8 * 3_600_000;

/** A list of reasons as the API sends them (a register entry's priority reasons): each with its zh and en text. */
const isReasons = (v: unknown): v is { zh: string; en: string }[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => x && typeof x === 'object' && typeof (x as { zh?: unknown }).zh === 'string');
const isNested = (v: unknown) => !isReasons(v) && !!v && typeof v === 'object' && (!Array.isArray(v) || v.some((x) => x && typeof x === 'object'));

/**
 * A record's own values by field: nested objects and lists of them (a campaign's whole definition, a
 * task's details) are left out, as the list does not show them either; lists of values are joined by 、.
 */
function fieldsOf(record: object): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const lang = i18nProvider.getLocale() === 'en' ? 'en' : 'zh';
  for (const [k, v] of Object.entries(record))
    if (isReasons(v)) out.set(k, v.map((r) => r[lang]).join('、'));
    else if (!isNested(v)) out.set(k, Array.isArray(v) ? v.join('、') : v);
  return out;
}

/** A cell of an export: a moment as a date (its Shanghai wall time, in UTC fields), a number as a number, the rest as text. */
export type TableCell = string | number | Date | null;

/** A calendar day (a date column, sent at UTC midnight), kept as the day the list shows, without a time. */
const DAY = /^(\d{4}-\d{2}-\d{2})T00:00:00(?:\.000)?Z$/;

/** `field` is the field's name: a number in a field named …At is a moment in epoch milliseconds. */
function cellOf(v: unknown, field: string): TableCell {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' && field.endsWith('At') && v > 1e11) return new Date(v + SHANGHAI);
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && DAY.test(v)) return DAY.exec(v)![1]!;
  if (typeof v === 'boolean') return i18nProvider.translate(v ? 'app.common.yes' : 'app.common.no');
  if (typeof v === 'string' && ISO_MOMENT.test(v) && !Number.isNaN(Date.parse(v))) return new Date(Date.parse(v) + SHANGHAI);
  return String(v);
}

/**
 * Fields never a column: the console's own (workflow and idempotency keys, internal flags), ids the lists
 * show no name for (a campaign's launcher, a task's operator and evaluation group, a register entry's
 * batch, shown by its number), and a case's application form (a nested record, null in programmes
 * without one).
 */
const INTERNAL = new Set(['workflowId', 'followsStage', 'key', 'identity', 'launchedById', 'operatorId', 'evaluationGroupId', 'batchId', 'application']);

/**
 * The records as rows under the list's own column names (test/access-matrix.test.ts checks that every
 * column has one). An id goes out as the name beside it where the record has one (claimedById as
 * claimedByName), and a field that is a nested record in any row not at all.
 */
export function tableOf(records: object[], resource: string): { header: string[]; rows: TableCell[][] } {
  const flat = records.map(fieldsOf);
  const nested = new Set(records.flatMap((r) => Object.entries(r).flatMap(([k, v]) => (isNested(v) ? [k] : []))));
  const all = new Set(flat.flatMap((m) => [...m.keys()]));
  const fields = [...all].filter((f) => !INTERNAL.has(f) && !nested.has(f) && !(f.endsWith('Id') && all.has(`${f.slice(0, -2)}Name`)));
  const header = fields.map((f) => i18nProvider.translate(`resources.${resource}.fields.${f}`, { _: f }));
  return { header, rows: flat.map((m) => fields.map((f) => cellOf(m.get(f), f))) };
}
