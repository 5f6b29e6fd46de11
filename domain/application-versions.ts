// What changed between two versions of an application (舟山方案 六、（二）: the county pre-reviews again
// what the live room supplied after a return). Field by field in the 申报表's order, with the field's
// label; attachments added and removed. Pure: the API computes it from `application_version` rows.
import { APPLICATION_FIELDS } from './application-form.js';

export interface FieldChange {
  key: string;
  labelZh: string;
  labelEn: string;
  /** The values as submitted (absent: the field was empty). */
  before?: unknown;
  after?: unknown;
}

export interface ApplicationDiff {
  fields: FieldChange[];
  attachmentsAdded: string[];
  attachmentsRemoved: string[];
  /** Nothing differs (a resubmission that only explained, or re-sent the same form). */
  unchanged: boolean;
}

/** An empty text, an empty list and an absent field read the same on a form. */
const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** Order-insensitive in object keys (JSON from PostgreSQL's jsonb comes back with its keys reordered). */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(typeof v === 'string' ? v.trim() : v);
}

const same = (a: unknown, b: unknown) => (isEmpty(a) && isEmpty(b)) || canonical(a) === canonical(b);

/**
 * The changes from `before` to `after` (two forms), in the form's field order; fields the form does not
 * know (a later form version) are compared too, after the known ones, by key.
 */
export function diffApplication(
  before: { form: Record<string, unknown>; attachmentIds: readonly string[] },
  after: { form: Record<string, unknown>; attachmentIds: readonly string[] },
): ApplicationDiff {
  const known = new Set<string>(APPLICATION_FIELDS.map((f) => f.key));
  const others = [...new Set([...Object.keys(before.form), ...Object.keys(after.form)])].filter((k) => !known.has(k)).sort();
  const fields: FieldChange[] = [];
  for (const f of [...APPLICATION_FIELDS, ...others.map((k) => ({ key: k, zh: k, en: k }))]) {
    const a = before.form[f.key];
    const b = after.form[f.key];
    if (same(a, b)) continue;
    fields.push({
      key: f.key,
      labelZh: f.zh,
      labelEn: f.en,
      ...(isEmpty(a) ? {} : { before: a }),
      ...(isEmpty(b) ? {} : { after: b }),
    });
  }
  const was = new Set(before.attachmentIds);
  const is = new Set(after.attachmentIds);
  const attachmentsAdded = after.attachmentIds.filter((id) => !was.has(id));
  const attachmentsRemoved = before.attachmentIds.filter((id) => !is.has(id));
  return { fields, attachmentsAdded, attachmentsRemoved, unchanged: fields.length + attachmentsAdded.length + attachmentsRemoved.length === 0 };
}
