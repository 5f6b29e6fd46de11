// Excel workbooks (.xlsx, as Excel and WPS save them) in and out, beside CSV: bureaus keep their lists in
// Excel. ExcelJS reads and writes them; fflate reads the zip's directory first, so a file that would
// unpack to far more than it weighs (a "zip bomb") is refused before anything is inflated.
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { Response } from 'express';
import { badRequest } from './errors.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What an imported workbook may unpack to, all parts together: a 5,000-line sheet is about 2 MB. */
const MAX_UNPACKED = 40 * 1024 * 1024;

const refuse = (zh: string, en: string) => badRequest(`Excel 文件无法读取：${zh}`, `the Excel file cannot be read: ${en}`);

/** A cell's value as the text a user sees: dates as 2026-01-05 (with the time if it has one), formulas by their saved result, never run. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) {
    // Excel's dates have no zone: ExcelJS gives the day as UTC midnight.
    const iso = v.toISOString();
    return v.getUTCHours() || v.getUTCMinutes() ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
  }
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in v) return cellText((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  return ''; // an error value (#N/A …)
}

/** The first sheet's non-empty rows as text cells, each with its row number as Excel shows it. */
export async function xlsxRows(bytes: Buffer): Promise<{ row: number; cells: string[] }[]> {
  let unpacked = 0;
  try {
    // `filter` sees each part's declared size and inflates nothing (it returns false).
    unzipSync(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      filter: (f) => {
        unpacked += f.originalSize;
        return false;
      },
    });
  } catch {
    throw refuse('不是 .xlsx 文件', 'not an .xlsx file');
  }
  if (unpacked > MAX_UNPACKED) throw refuse('内容过大', `it unpacks to more than ${MAX_UNPACKED / 1024 / 1024} MB`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw refuse('文件已损坏或不是 .xlsx 格式', `damaged or not .xlsx (${(e as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw refuse('没有工作表', 'it has no sheet');
  const rows: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, row) => {
    const cells: string[] = [];
    for (let c = 1; c <= r.cellCount; c++) cells.push(cellText(r.getCell(c).value).trim());
    if (cells.some(Boolean)) rows.push({ row, cells });
  });
  return rows;
}

/** A column of a sheet the API writes: its heading, and dates or numbers where they are such. */
export interface SheetColumn {
  header: string;
  width?: number;
  /** `date`: a Date or ISO string, shown as 2026-01-05 16:26 (Asia/Shanghai) and sortable as a date in Excel. */
  type?: 'text' | 'number' | 'date';
}

const SHANGHAI = 8 * 3_600_000;

/**
 * A workbook of sheets, each a header row (bold, frozen, filtered) and its rows. Text is written as text
 * cells, which Excel and WPS never run as formulas, whatever they begin with; dates are Excel dates in
 * Asia/Shanghai time (Excel's dates have no zone); numbers are numbers.
 */
export async function xlsxDocument(sheets: { name: string; columns: SheetColumn[]; rows: unknown[][] }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'campaign-case-management';
  for (const s of sheets) {
    // A sheet's name: at most 31 characters, none of \ / ? * [ ] : (Excel's rule).
    const sheet = workbook.addWorksheet(s.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = s.columns.map((c) => ({
      header: c.header,
      width: c.width ?? Math.min(60, Math.max(10, [...c.header].length * 2 + 2)),
      ...(c.type === 'date' ? { style: { numFmt: 'yyyy-mm-dd hh:mm' } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const values of s.rows)
      sheet.addRow(
        values.map((v, i) => {
          if (v === null || v === undefined || v === '') return null;
          const type = s.columns[i]?.type ?? 'text';
          if (type === 'date') {
            const t = v instanceof Date ? v.getTime() : Date.parse(String(v));
            return Number.isNaN(t) ? String(v) : new Date(t + SHANGHAI);
          }
          if (type === 'number' && typeof v === 'number') return v;
          return String(v);
        }),
      );
    if (s.columns.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sends a workbook as a download named `filename`. */
export function sendXlsx(res: Response, filename: string, bytes: Buffer): void {
  res.setHeader('Content-Type', XLSX_TYPE);
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
  res.send(bytes);
}
