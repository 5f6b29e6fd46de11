// Every CSV the API sends (roster lists, the summary report) goes through here. CSV injection (OWASP "CSV
// Injection"): a spreadsheet runs a cell that begins with = + - @, a tab or a carriage return as a formula
// (=HYPERLINK(…) sends data away on a click, DDE runs commands), and operator names and grounds are typed by
// people outside the bureau. Such a text cell gets a leading single quote, which Excel and WPS show as text,
// and is wrapped in double quotes. Numbers stay numbers (a score of -3 is not a formula). The console's own
// exports do the same (admin-ui/src/common/csv.ts).
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as written to a CSV: prefixed with ' when a spreadsheet would read it as a formula. */
export const csvSafeText = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** Rows as CSV, UTF-8 with a BOM (so Excel reads it as UTF-8), every text cell neutralised. */
export function csvDocument(rows: unknown[][]): string {
  return `\uFEFF${stringify(rows, { cast: { string: csvSafeText }, quoted_match: /^'[=+\-@\t\r]/ })}`;
}
