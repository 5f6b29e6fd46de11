// Excel workbooks (.xlsx, as Excel and WPS save them) in and out, beside CSV: bureaus keep their lists in
// Excel. ExcelJS reads and writes them. An uploaded workbook is first unpacked here with fflate, counting
// the bytes it really inflates to (a zip may lie about its sizes), a slice at a time, and refused past
// MAX_UNPACKED (a "zip bomb"); ExcelJS then reads a copy re-packed from those parts, and only the cells
// a sheet holds, up to MAX_COLUMNS a row and MAX_ROWS rows.
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { Unzip, UnzipInflate, zipSync } from 'fflate';
import type { Response } from 'express';
import { badRequest } from './errors.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** An uploaded workbook in a JSON body, as base64: within the 1 MB a body may have (api/body-limits.ts). */
export const xlsxBase64 = z.base64().min(1).max(1_000_000);
/** What an imported workbook may unpack to, all parts together: a 5,000-line sheet is about 3 MB. */
const MAX_UNPACKED = 10 * 1024 * 1024;
/** Compressed bytes fed to the inflater at a time: deflate expands at most ~1,032×, so one step stays small. */
const SLICE = 8 * 1024;
const MAX_COLUMNS = 64;
/** A header and 5,000 lines (api/table-import.ts), with room for a form's notes. */
const MAX_ROWS = 5001;

const refuse = (zh: string, en: string) => badRequest(`Excel 文件无法读取：${zh}`, `the Excel file cannot be read: ${en}`);

/** The zip's parts, inflated and counted; undefined if they would pass MAX_UNPACKED. */
function unpack(bytes: Uint8Array): Record<string, Uint8Array> | undefined {
  const parts: Record<string, Uint8Array> = {};
  let total = 0;
  let tooBig = false;
  const unzip = new Unzip((file) => {
    const chunks: Uint8Array[] = [];
    file.ondata = (err, data, final) => {
      if (err) throw err;
      total += data.length;
      if (total > MAX_UNPACKED) {
        tooBig = true;
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) parts[file.name] = Buffer.concat(chunks);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for (let i = 0; i < bytes.length && !tooBig; i += SLICE) unzip.push(bytes.subarray(i, i + SLICE), i + SLICE >= bytes.length);
  return tooBig ? undefined : parts;
}

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
  let parts: Record<string, Uint8Array> | undefined;
  try {
    parts = unpack(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw refuse('不是 .xlsx 文件', 'not an .xlsx file');
  }
  if (!parts) throw refuse('内容过大', `it unpacks to more than ${MAX_UNPACKED / 1024 / 1024} MB`);
  if (!Object.keys(parts).length) throw refuse('不是 .xlsx 文件', 'not an .xlsx file');
  const workbook = new ExcelJS.Workbook();
  try {
    // Stored, not compressed: what ExcelJS inflates is what was counted above.
    await workbook.xlsx.load(Buffer.from(zipSync(parts, { level: 0 })) as unknown as ArrayBuffer);
  } catch (e) {
    throw refuse('文件已损坏或不是 .xlsx 格式', `damaged or not .xlsx (${(e as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw refuse('没有工作表', 'it has no sheet');
  if (sheet.actualRowCount > MAX_ROWS) throw refuse(`行数超过 ${MAX_ROWS - 1}`, `more than ${MAX_ROWS - 1} lines`);
  const rows: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, row) => {
    const cells: string[] = [];
    r.eachCell({ includeEmpty: false }, (cell, column) => {
      if (column > MAX_COLUMNS) throw refuse(`第 ${row} 行超过 ${MAX_COLUMNS} 列`, `row ${row} has more than ${MAX_COLUMNS} columns`);
      cells[column - 1] = cellText(cell.value).trim();
    });
    const dense = Array.from(cells, (c) => c ?? '');
    if (dense.some(Boolean)) rows.push({ row, cells: dense });
  });
  return rows;
}

/** A column of a sheet the API writes: its heading, and dates or numbers where they are such. */
export interface SheetColumn {
  header: string;
  width?: number;
  /**
   * `date`: a moment (a Date or ISO string), shown as 2026-01-05 16:26 in Asia/Shanghai time; `day`: a
   * calendar date (2026-01-05, already Shanghai's), shown as such. Both are Excel dates, sortable as dates.
   */
  type?: 'text' | 'number' | 'date' | 'day';
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
      ...(c.type === 'date' ? { style: { numFmt: 'yyyy-mm-dd hh:mm' } } : c.type === 'day' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const values of s.rows)
      sheet.addRow(
        values.map((v, i) => {
          if (v === null || v === undefined || v === '') return null;
          const type = s.columns[i]?.type ?? 'text';
          if (type === 'day') {
            // Excel's dates have no zone: the day is written as that day's midnight, unshifted.
            const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(v));
            return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : String(v);
          }
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
