// The lists' Excel export, the twin of their CSV (./csv.ts): the same table (./exportTable.ts), with moments
// as Excel dates in Asia/Shanghai time, numbers as numbers, and text written as text cells, which Excel and
// WPS never run as formulas. ExcelJS is loaded only when someone exports (its own chunk of the console's
// bundle).
import type { Exporter } from 'react-admin';
import { i18nProvider } from '../i18n';
import { tableOf, type TableCell } from './exportTable';

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

/** Excel keeps no time zone: a moment goes in as its Asia/Shanghai wall time (UTC+8, no daylight saving). */
const SHANGHAI = 8 * 3_600_000;
const wallTime = (c: TableCell) => (c instanceof Date ? new Date(c.getTime() + SHANGHAI) : c);

export const xlsxExporter: Exporter = async (records, _fetchRelated, _dataProvider, resource) => {
  const { header, rows } = tableOf(records, resource ?? 'export');
  const name = i18nProvider.translate(`resources.${resource}.name`, { smart_count: 2, _: resource ?? 'export' });
  await downloadXlsx(
    header,
    rows.map((r) => r.map(wallTime)),
    name,
    `${resource ?? 'export'}.xlsx`,
  );
};
