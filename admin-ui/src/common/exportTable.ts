// What a list's exports hold (./csv.ts and ./xlsx.ts): the records' own values under the column names the
// list shows (resources.<resource>.fields.<field>), never the API's field names.
import { i18nProvider } from '../i18n';

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** A calendar day (a date column, sent at UTC midnight), kept as the day the list shows, without a time. */
const DAY = /^(\d{4}-\d{2}-\d{2})T00:00:00(?:\.000)?Z$/;

/** A list of reasons as the API sends them (a register entry's priority reasons): each with its zh and en text. */
const isReasons = (v: unknown): v is { zh: string; en: string }[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => x && typeof x === 'object' && typeof (x as { zh?: unknown }).zh === 'string');
/** A nested record or a list of them (a campaign's whole definition, a task's details): the list shows neither. */
const isNested = (v: unknown) => !!v && typeof v === 'object' && (!Array.isArray(v) || v.some((x) => x && typeof x === 'object'));

/** A cell of an export: a moment as a Date (the instant; each writer shows it in Asia/Shanghai), a number as a number, the rest as text. */
export type TableCell = string | number | Date | null;

/** `field` is the field's name: a number in a field named …At is a moment in epoch milliseconds. */
function cellOf(v: unknown, field: string): TableCell {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return field.endsWith('At') && v > 1e11 ? new Date(v) : v;
  if (typeof v === 'boolean') return i18nProvider.translate(v ? 'app.common.yes' : 'app.common.no');
  const day = typeof v === 'string' ? DAY.exec(v) : null;
  if (day) return day[1]!;
  if (typeof v === 'string' && ISO_MOMENT.test(v) && !Number.isNaN(Date.parse(v))) return new Date(v);
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
 * column has one): reasons by their text in the console's language, lists of values joined by 、, an id
 * as the name beside it where the record has one (claimedById as claimedByName), and a field that is a
 * nested record in any row not at all.
 */
export function tableOf(records: object[], resource: string): { header: string[]; rows: TableCell[][] } {
  const lang = i18nProvider.getLocale() === 'en' ? 'en' : 'zh';
  const nested = new Set<string>();
  const flat = records.map((record) => {
    const out = new Map<string, unknown>();
    for (const [k, v] of Object.entries(record))
      if (isReasons(v)) out.set(k, v.map((r) => r[lang]).join('、'));
      else if (isNested(v)) nested.add(k);
      else out.set(k, Array.isArray(v) ? v.join('、') : v);
    return out;
  });
  const all = new Set(flat.flatMap((m) => [...m.keys()]));
  const fields = [...all].filter((f) => !INTERNAL.has(f) && !nested.has(f) && !(f.endsWith('Id') && all.has(`${f.slice(0, -2)}Name`)));
  const header = fields.map((f) => i18nProvider.translate(`resources.${resource}.fields.${f}`, { _: f }));
  return { header, rows: flat.map((m) => fields.map((f) => cellOf(m.get(f), f))) };
}
