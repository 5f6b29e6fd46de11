// Imports as bureaus keep them (a header row, then one record per line; Chinese or English column names): a
// CSV file (text/csv, or JSON {csv}; a UTF-8 BOM from Excel tolerated) or an Excel workbook's first sheet
// (JSON {xlsx}: the file as base64, api/spreadsheet.ts). Malformed files, unknown columns, missing required
// columns and oversized files are refused with 400 before any line is judged.
import type { Request } from 'express';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { badRequest, parseOr400 } from './errors.js';
import { xlsxBase64, xlsxRows } from './spreadsheet.js';

export const importBody = z.union([z.object({ csv: z.string().min(1).max(5_000_000) }).strict(), z.object({ xlsx: xlsxBase64 }).strict()]);
const MAX_LINES = 5000;

/** The file's rows, each with its line number as the user sees it in an editor or in Excel. */
async function tableRows(req: Request): Promise<{ line: number; cells: string[] }[]> {
  if (typeof req.body !== 'string') {
    const body = parseOr400(importBody, req.body);
    if ('xlsx' in body) return (await xlsxRows(Buffer.from(body.xlsx, 'base64'))).map((r) => ({ line: r.row, cells: r.cells }));
    return csvRows(body.csv);
  }
  return csvRows(req.body);
}

function csvRows(text: string): { line: number; cells: string[] }[] {
  try {
    const records = parse(text.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    // `lines` is where the record ends: a blank line before it counts, and a quoted value spanning lines
    // is named by the line it starts on.
    return records.map(({ record, info }) => ({ line: info.lines - record.join('').split('\n').length + 1, cells: record }));
  } catch (e) {
    throw badRequest(`CSV 格式错误：${(e as Error).message}`, `malformed CSV: ${(e as Error).message}`);
  }
}

/**
 * The file's lines as cells keyed by field. `headers` maps column names (spaces ignored, English
 * case-insensitive) to fields; `null` marks a known column to ignore. Line numbers are as the user sees
 * them: a CSV's line in the file (blank lines counted), a workbook's row number.
 */
export async function readImport<F extends string>(
  req: Request,
  headers: Record<string, F | null>,
  required: F[][],
): Promise<{ line: number; cells: Partial<Record<F, string>> }[]> {
  const [header, ...lines] = await tableRows(req);
  if (!header || lines.length === 0) throw badRequest('文件须有表头和至少一行数据', 'the file needs a header row and at least one line');
  if (lines.length > MAX_LINES) throw badRequest(`一次最多导入 ${MAX_LINES} 行`, `at most ${MAX_LINES} lines per import`);
  const norm = (h: string) => h.replace(/\s/g, '');
  const named = [...header.cells];
  // A workbook's header row may end in empty cells that carry only formatting.
  while (named.length && !named[named.length - 1]) named.pop();
  const columns = named.map((h) => headers[norm(h)] ?? headers[norm(h).toLowerCase()]);
  const unknown = named.filter((_h, i) => columns[i] === undefined);
  const known = Object.keys(headers)
    .filter((k) => /[^\x00-\x7f]/.test(k))
    .join('、');
  if (unknown.length)
    throw badRequest(
      `无法识别的列：${unknown.join('、')}（可用：${known}）`,
      `unknown column(s): ${unknown.join(', ')} (known: ${Object.keys(headers).join(', ')})`,
    );
  for (const anyOf of required)
    if (!anyOf.some((f) => columns.includes(f))) {
      const name = Object.keys(headers).find((k) => headers[k] === anyOf[0] && /[^\x00-\x7f]/.test(k)) ?? anyOf[0];
      throw badRequest(`缺少「${name}」列`, `a ${anyOf.join(' or ')} column is required`);
    }
  return lines.map(({ line, cells: row }) => {
    const cells: Partial<Record<F, string>> = {};
    columns.forEach((field, c) => {
      if (field && row[c]) cells[field] = row[c];
    });
    return { line, cells };
  });
}

/** A problem with one line of an imported file, named as the user sees it. */
export interface LineProblem {
  path: string;
  row: number;
  messageZh: string;
  messageEn: string;
}

/** Collects every bad line of an import; `refuse()` throws one 400 naming them all (nothing is imported). */
export function lineProblems() {
  const problems: LineProblem[] = [];
  return {
    problems,
    bad(line: number, zh: string, en: string) {
      problems.push({ path: `line ${line}`, row: line, messageZh: `第 ${line} 行：${zh}`, messageEn: `line ${line}: ${en}` });
    },
    refuse(): void {
      if (!problems.length) return;
      const some = problems.slice(0, 5);
      const more = problems.length > 5 ? '…' : '';
      throw badRequest(
        `有 ${problems.length} 行有误，未导入任何记录：${some.map((p) => p.messageZh).join('；')}${more}`,
        `${problems.length} line(s) are wrong; nothing was imported: ${some.map((p) => p.messageEn).join('; ')}${more}`,
        problems,
      );
    },
  };
}
