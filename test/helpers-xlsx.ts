// Workbooks as a bureau's users fill them in, for the tests of Excel imports and Lijiang's 申报表.
import ExcelJS from 'exceljs';

/** Fills a form sheet's 填写内容 (column B) beside each 项目 (column A) named in `answers`. */
export function fillFormSheet(sheet: ExcelJS.Worksheet, answers: Record<string, ExcelJS.CellValue>): void {
  sheet.eachRow((row) => {
    const label = String(row.getCell(1).value ?? '');
    if (label in answers) row.getCell(2).value = answers[label]!;
  });
}
