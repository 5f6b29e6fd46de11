import { downloadCSV, type Exporter } from 'react-admin';
import { formatDateTime } from './dates';
import { tableOf, type TableCell } from './exportTable';

/** An import's file as the API takes it (api/table-import.ts): a CSV's text, or an Excel workbook as base64. */
export type ImportFile = { csv: string } | { xlsx: string };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Bytes as base64, in chunks (String.fromCharCode takes only so many arguments). */
export const toBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/** The chosen file as an import: an .xlsx workbook as it is (the API reads it), anything else as CSV text. */
export const readImportFile = async (file: File): Promise<ImportFile> =>
  /\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE ? { xlsx: toBase64(new Uint8Array(await file.arrayBuffer())) } : { csv: await readCsv(file) };

/** Excel often saves CSV in GB18030; anything that is not valid UTF-8 is read as that. */
export const readCsv = async (file: File): Promise<string> => {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
};

// CSV injection (OWASP "CSV Injection"): a spreadsheet runs a cell beginning with = + - @, a tab or a carriage
// return as a formula, and operator names, titles and grounds come from outside the bureau. Such a text cell
// gets a leading single quote (Excel and WPS show it as text) and double quotes around it. Numbers stay
// numbers. The same rule as the API's exports (api/csv-export.ts); the console builds on its own (admin-ui/src
// only), hence this copy of it.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as written to a CSV: prefixed with ' when a spreadsheet would read it as a formula. */
export const csvSafeText = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** A CSV cell: text neutralised, quoted when it holds a comma, quote or line break, or was neutralised. */
const cell = (value: unknown): string => {
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const raw = value == null ? '' : String(value);
  const text = csvSafeText(raw);
  return text !== raw || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** CSV with a BOM, so that Excel reads it as UTF-8. */
export const toCsv = (rows: unknown[][]): string => `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;

/** A table cell as CSV text: a moment in the console's one date format (`yyyy-mm-dd hh:mm`, Asia/Shanghai). */
const csvCell = (v: TableCell): string | number | null => (v instanceof Date ? formatDateTime(v) : v);

/**
 * The lists' Export buttons: the records under the list's own column names, as the Excel export
 * (./exportTable.ts), every text cell neutralised, with the BOM that react-admin's downloadCSV does not add.
 */
export const csvExporter: Exporter = (records, _fetchRelated, _dataProvider, resource) => {
  const { header, rows } = tableOf(records, resource ?? 'export');
  downloadCSV(toCsv([header, ...rows.map((r) => r.map(csvCell))]), resource ?? 'export');
};
