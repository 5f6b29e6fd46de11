/// <reference path="../admin-ui/src/jsonexport.d.ts" />
// The console's CSV writers (admin-ui/src/common/csv.ts): the lists' Export buttons and the bulk exports
// neutralise formula cells as the API's exports do (OWASP "CSV Injection"); read back with csv-parse.
import { parse } from 'csv-parse/sync';
import { describe, expect, it, vi } from 'vitest';

// downloadCSV is the browser's part; the exporter's CSV is what it is given.
const downloads: string[] = [];
vi.mock('react-admin', () => ({ downloadCSV: (csv: string) => downloads.push(csv) }));
const { csvExporter, toCsv } = await import('../admin-ui/src/common/csv.js');

const hostile = { id: 't1', title: '=HYPERLINK("http://x.test","点我")', owner: { name: '+86 138' }, note: '@SUM(A1)', tab: '\tcmd', score: -3 };

describe('console CSV exports', () => {
  it('neutralises formula cells in a list export (react-admin exporter)', async () => {
    void csvExporter([hostile], undefined as never, undefined as never, 'tasks');
    await vi.waitFor(() => expect(downloads.length).toBe(1));
    const [header, row] = parse(downloads[0]!, { relax_quotes: true }) as string[][];
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('title')).toBe(`'=HYPERLINK("http://x.test","点我")`);
    expect(cell('owner.name')).toBe("'+86 138");
    expect(cell('note')).toBe("'@SUM(A1)");
    expect(cell('tab')).toBe("'\tcmd");
    expect(cell('score')).toBe('-3'); // a number stays a number
  });

  it('neutralises formula cells in the bulk exports (toCsv)', () => {
    const [row] = parse(toCsv([['=1+1', '-2', 3, 'plain']]).replace(/^\uFEFF/, '')) as string[][];
    expect(row).toEqual(["'=1+1", "'-2", '3', 'plain']);
  });
});
