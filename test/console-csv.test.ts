// The console's CSV writers (admin-ui/src/common/csv.ts): the lists' Export buttons write the list's own
// column names and neutralise formula cells as the API's exports do (OWASP "CSV Injection"); read back with
// csv-parse.
import { parse } from 'csv-parse/sync';
import { describe, expect, it, vi } from 'vitest';

// downloadCSV is the browser's part; the exporter's CSV is what it is given.
const downloads: { csv: string; filename: string }[] = [];
vi.mock('react-admin', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  downloadCSV: (csv: string, filename: string) => downloads.push({ csv, filename }),
}));
// The console resolves its imports as a bundler does (no file extensions), which the server's type check
// (NodeNext) refuses, so the module is loaded by a name the type checker does not follow; vitest resolves it.
const csvModule = '../admin-ui/src/common/csv.ts';
const { csvExporter, toCsv } = (await import(csvModule)) as {
  csvExporter: (records: object[], fetchRelated: never, dataProvider: never, resource: string) => void;
  toCsv: (rows: unknown[][]) => string;
};

const task = {
  id: 't1',
  title: '=HYPERLINK("http://x.test","点我")',
  claimedById: 'u-officer-1',
  claimedByName: '+86 138',
  workflowId: 'case-1',
  result: '@SUM(A1)',
  caseId: '\tcmd',
  round: -3,
  overdue: true,
  dueAt: '2026-07-31T15:30:00.000Z',
  createdAt: Date.parse('2026-07-01T00:30:00.000Z'), // a moment sent as epoch milliseconds
  completedAt: '2026-08-02T00:00:00.000Z', // a calendar day (a date column)
  reasons: [
    { code: 'a', zh: '理由甲', en: 'reason A' },
    { code: 'b', zh: '理由乙', en: 'reason B' },
  ], // reasons as the API sends them (a register entry's priorityReasons)
  details: { operatorName: '某直播间', areas: [{ key: 'a' }] },
};

describe('console CSV exports', () => {
  it('writes a list under its own column names, in Chinese, with a BOM (react-admin exporter)', async () => {
    void csvExporter([task], undefined as never, undefined as never, 'tasks');
    await vi.waitFor(() => expect(downloads.length).toBe(1));
    const { csv, filename } = downloads[0]!;
    expect(filename).toBe('tasks');
    expect(csv.startsWith('\uFEFF')).toBe(true); // Excel reads it as UTF-8
    const [header, row] = parse(csv.slice(1), { relax_quotes: true }) as string[][];
    expect(header).toEqual(expect.arrayContaining(['任务名称', '办理人', '办理结果', '逾期', '截止时间']));
    // No API field name, and no nested record spilled into columns (details.operatorName).
    expect(header).not.toContain('title');
    // Internal keys stay out, and an id goes out as the name beside it.
    expect(row).not.toContain('case-1');
    expect(row).not.toContain('u-officer-1');
    expect(header!.some((h) => h.includes('.'))).toBe(false);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('逾期')).toBe('是');
    expect(cell('截止时间')).toBe('2026-07-31 23:30'); // Shanghai time, as the list and the Excel export show it
    expect(cell('创建时间')).toBe('2026-07-01 08:30');
    expect(cell('完成时间')).toBe('2026-08-02'); // a day stays a day
    expect(cell('reasons')).toBe('理由甲、理由乙');
    expect(cell('任务名称')).toBe(`'=HYPERLINK("http://x.test","点我")`);
    expect(cell('办理人')).toBe("'+86 138");
    expect(cell('办理结果')).toBe("'@SUM(A1)");
    expect(cell('案卷')).toBe("'\tcmd");
  });

  it('neutralises formula cells in the bulk exports (toCsv)', () => {
    const [row] = parse(toCsv([['=1+1', '-2', 3, 'plain']]).replace(/^\uFEFF/, '')) as string[][];
    expect(row).toEqual(["'=1+1", "'-2", '3', 'plain']);
  });
});
