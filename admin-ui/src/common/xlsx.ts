// The lists' Excel export, the twin of their CSV (./csv.ts): the same records, with the column names the
// list shows (resources.<resource>.fields.<field>), moments as Excel dates in Asia/Shanghai time, numbers
// as numbers, and text written as text cells, which Excel and WPS never run as formulas. ExcelJS is
// loaded only when someone exports (its own chunk of the console's bundle).
import type { Exporter } from 'react-admin';
import { i18nProvider } from '../i18n';

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const SHANGHAI = 8 * 3_600_000;

/**
 * A record's own values by field: nested objects and lists of them (a campaign's whole definition, a
 * task's details) are left out, as the list does not show them either; lists of values are joined by 、.
 */
function fieldsOf(record: object): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(record)) {
    if (v && typeof v === 'object' && (!Array.isArray(v) || v.some((x) => x && typeof x === 'object'))) continue;
    out.set(k, Array.isArray(v) ? v.join('、') : v);
  }
  return out;
}

/** A cell as Excel keeps it: a moment as a date (Shanghai wall time), a number as a number, the rest as text. */
function cellOf(v: unknown): string | number | Date | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return i18nProvider.translate(v ? 'app.common.yes' : 'app.common.no');
  if (typeof v === 'string' && ISO_MOMENT.test(v) && !Number.isNaN(Date.parse(v))) return new Date(Date.parse(v) + SHANGHAI);
  return String(v);
}

/** The records as rows under the list's own column names; a field without a label keeps its name. */
export function tableOf(records: object[], resource: string): { header: string[]; rows: (string | number | Date | null)[][] } {
  const flat = records.map(fieldsOf);
  const fields = [...new Set(flat.flatMap((m) => [...m.keys()]))];
  const header = fields.map((f) => i18nProvider.translate(`resources.${resource}.fields.${f}`, { _: f }));
  return { header, rows: flat.map((m) => fields.map((f) => cellOf(m.get(f)))) };
}

/** A one-sheet workbook of `header` and `rows`, downloaded as `filename` (dates as Shanghai wall time). */
export async function downloadXlsx(header: string[], rows: (string | number | Date | null)[][], sheetName: string, filename: string): Promise<void> {
  // The browser build is a UMD bundle: the bundler gives it as the default export.
  const ExcelJS = ((await import('exceljs')) as { default?: typeof import('exceljs') }).default ?? (await import('exceljs'));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.columns.forEach((c, i) => {
    c.width = Math.min(40, Math.max(10, [...header[i]!].length * 2 + 2));
    if (rows.some((r) => r[i] instanceof Date)) c.numFmt = 'yyyy-mm-dd hh:mm';
  });
  const blob = new Blob([await workbook.xlsx.writeBuffer()], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  // As react-admin's downloadCSV: a hidden link in the page, clicked.
  const link = document.createElement('a');
  link.style.display = 'none';
  document.body.appendChild(link);
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(link.href);
    link.remove();
  }, 10_000);
}

export const xlsxExporter: Exporter = async (records, _fetchRelated, _dataProvider, resource) => {
  const { header, rows } = tableOf(records, resource ?? 'export');
  const name = i18nProvider.translate(`resources.${resource}.name`, { smart_count: 2, _: resource ?? 'export' });
  await downloadXlsx(header, rows, name, `${resource ?? 'export'}.xlsx`);
};
