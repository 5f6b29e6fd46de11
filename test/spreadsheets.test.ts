// Excel in and out (README "Excel and CSV"): an import takes an .xlsx workbook's first sheet as it takes a
// CSV (dates typed as dates, formulas by their saved result, bad lines named by their row number, nothing
// half-imported); a workbook that would unpack to far more than it weighs, or is no workbook, is refused
// with 400 before it is read; each import has a blank template, which imports once filled in; rosters and
// the summary report download as workbooks whose text is never a formula and whose dates are dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { startTimeSkippingHarness, type TimeHarness } from './helpers-time.js';
import { startApi, type Api } from './api-helpers.js';
import { demoUscc } from '../prisma/seed.js';
import { xlsxDocument } from '../api/spreadsheet.js';
import { checkIntakeForm } from '../domain/intake.js';
import { fillFormSheet } from './helpers-xlsx.js';

let h: TimeHarness;
let api: Api;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  h = await startTimeSkippingHarness(); // no workflow runs here: the fast tier's harness will do
  api = await startApi(h);
  for (const u of ['officer.dinghai', 'leader.zhoushan', 'admin.changxing', 'coord.lijiang']) tokens[u] = await api.login(u);
});
afterAll(async () => {
  await api?.close();
  await h?.stop();
});

const HEADER = ['名称', '统一社会信用代码', '主体类型', '辖区代码', '注册日期', '平台账号', '经营异常', '严重违法失信'];
const base64 = async (w: ExcelJS.Workbook) => Buffer.from(await w.xlsx.writeBuffer()).toString('base64');
const importXlsx = (user: string, xlsx: string) => api.call('POST', '/operators/import', { token: tokens[user]!, body: { xlsx } });
/** A download's bytes (the API helper reads bodies as text). */
const download = async (user: string, path: string) => {
  const r = await fetch(`${api.url}/api${path}`, { headers: { authorization: `Bearer ${tokens[user]}` } });
  return { status: r.status, type: r.headers.get('content-type'), bytes: Buffer.from(await r.arrayBuffer()) };
};
const readBook = async (bytes: Buffer) => {
  const w = new ExcelJS.Workbook();
  await w.xlsx.load(bytes as unknown as ArrayBuffer);
  return w;
};

describe('Excel workbooks', () => {
  it('imports the register from .xlsx: typed dates, formulas by their result, bad lines by row number, all or nothing', async () => {
    const [u1, u2] = [demoUscc('330902', 961), demoUscc('330902', 962)];
    const w = new ExcelJS.Workbook();
    const s = w.addWorksheet('登记');
    s.addRow(HEADER);
    // A date typed as a date, a name built by a formula (its saved result is read, never run).
    s.addRow([
      { formula: '"定海"&"鱼市直播间"', result: '定海鱼市直播间' },
      u1,
      '直播间',
      '330902',
      new Date(Date.UTC(2022, 2, 1)),
      'douyin:dh_fish',
      '否',
      '否',
    ]);
    s.addRow([]); // an empty row: skipped, and the next keeps its own row number
    s.addRow(['日期错', u2, '电商经营者', 330902, '2023-02-30', '', '否', '否']);
    const refused = await importXlsx('officer.dinghai', await base64(w));
    expect(refused.status).toBe(400);
    expect(refused.body.fields.map((f: { row: number }) => f.row)).toEqual([4]);
    expect(refused.body.messageZh).toContain('第 4 行');
    expect(await h.db.operator.count({ where: { uscc: { in: [u1, u2] } } })).toBe(0);

    s.getRow(4).getCell(5).value = new Date(Date.UTC(2023, 2, 1));
    const ok = await importXlsx('officer.dinghai', await base64(w));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toEqual({ created: 2, updated: 0 });
    expect(await h.db.operator.findUniqueOrThrow({ where: { uscc: u1 } })).toMatchObject({
      name: '定海鱼市直播间',
      kind: 'live_room',
      registeredOn: new Date('2022-03-01'),
    });
    expect(await h.db.operator.findUniqueOrThrow({ where: { uscc: u2 } })).toMatchObject({ jurisdictionId: '330902', registeredOn: new Date('2023-03-01') });
  });

  it('names a CSV’s bad line by its line in the file, blank lines and values spanning lines counted', async () => {
    const u = demoUscc('330902', 964);
    const csv = `${HEADER.join(',')}\n\n"定海\n跨行直播间",${u},直播间,330902,2021-05-10,,否,否\n错行,${u.slice(0, 17)}X,直播间,330902,2021-05-10,,否,否\n`;
    const refused = await api.call('POST', '/operators/import', { token: tokens['officer.dinghai']!, body: { csv } });
    expect(refused.status).toBe(400);
    // Line 1 the header, line 2 blank, lines 3–4 the quoted name, line 5 the bad code.
    expect(refused.body.fields.map((f: { row: number }) => f.row)).toEqual([5]);
  });

  it('refuses what is no workbook, and a workbook that would unpack to far more than it weighs, before reading it', async () => {
    const notXlsx = await importXlsx('officer.dinghai', Buffer.from('名称,统一社会信用代码\n').toString('base64'));
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body.messageZh).toContain('Excel 文件无法读取');
    // 64 MB of one repeated character, zipped to a few dozen KB under a sheet's name.
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': strToU8('a'.repeat(64 * 1024 * 1024)) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1_000_000);
    const refused = await importXlsx('officer.dinghai', Buffer.from(bomb).toString('base64'));
    expect(refused.status).toBe(400);
    expect(refused.body.messageZh).toBe('Excel 文件无法读取：内容过大');
    // A zip that lies about its sizes (each part "100 bytes"): counted as inflated, refused all the same.
    const liar = zipSync({ 'xl/worksheets/sheet1.xml': strToU8('a'.repeat(32 * 1024 * 1024)) }, { level: 9 });
    const view = new DataView(liar.buffer, liar.byteOffset, liar.byteLength);
    for (let i = 0; i < liar.length - 4; i++) {
      if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 100, true); // local header
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 100, true); // central directory
    }
    const lied = await importXlsx('officer.dinghai', Buffer.from(liar).toString('base64'));
    expect(lied.body.messageZh).toBe('Excel 文件无法读取：内容过大');
    // A near-empty sheet whose one cell sits in column XFD: refused, not 16,384 cells a row.
    const wide = new ExcelJS.Workbook();
    wide.addWorksheet('宽').getCell('XFD1').value = 'x';
    const tooWide = await importXlsx('officer.dinghai', await base64(wide));
    expect(tooWide.body.messageZh).toBe('Excel 文件无法读取：第 1 行超过 64 列');
    // Not base64 at all: the body's own check.
    expect((await importXlsx('officer.dinghai', '这不是文件')).status).toBe(400);
  });

  it('gives each import a blank template that imports once filled in; only to those who may import', async () => {
    const t = await download('officer.dinghai', '/import-templates/operators/xlsx');
    expect(t.status).toBe(200);
    expect(t.type).toContain('spreadsheetml');
    const w = await readBook(t.bytes);
    expect(w.worksheets.map((x) => x.name)).toEqual(['经营主体导入', '填写说明']);
    const sheet = w.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...HEADER, '赛道']);
    expect(sheet.actualRowCount).toBe(1);
    expect(String(w.worksheets[1]!.getRow(4).getCell(2).value)).toContain('直播间');
    const u = demoUscc('330902', 963);
    sheet.addRow(['定海模板直播间', u, '主播', '330902', new Date(Date.UTC(2024, 0, 2)), '', '否', '否', '直播营销']);
    const imported = await importXlsx('officer.dinghai', await base64(w));
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(await h.db.operator.findUniqueOrThrow({ where: { uscc: u } })).toMatchObject({
      kind: 'streamer',
      registeredOn: new Date('2024-01-02'),
      track: 'live_marketing',
    });

    expect((await download('leader.zhoushan', '/import-templates/operators/xlsx')).status).toBe(403);
    expect((await download('officer.dinghai', '/import-templates/users/xlsx')).status).toBe(403);
    expect((await download('admin.changxing', '/import-templates/users/xlsx')).status).toBe(200);
    expect((await download('admin.changxing', '/import-templates/constructor/xlsx')).status).toBe(404);
  });

  it('reads a filled-in Lijiang 申报表 into the application form, naming each line it cannot read', async () => {
    const readForm = (register: string, w: Buffer) =>
      api.call('POST', '/intake-forms/read', { token: tokens['coord.lijiang']!, body: { register, xlsx: w.toString('base64') } });
    /** Fills the blank form's 填写内容 beside each 项目, as an applicant does. */
    const fill = async (bytes: Buffer, values: Record<string, ExcelJS.CellValue>, extra: unknown[][] = []) => {
      const w = await readBook(bytes);
      const sheet = w.worksheets[0]!;
      fillFormSheet(sheet, values);
      for (const r of extra) sheet.addRow(r);
      return Buffer.from(await w.xlsx.writeBuffer());
    };

    const product = await download('coord.lijiang', '/import-templates/intake-product/xlsx');
    expect(product.status).toBe(200);
    const filled = await fill(product.bytes, {
      产品名称: '丽江雪桃礼盒',
      产品类别: '老字号、老品牌、“金木土石布”特色商品',
      规格: '6 枚装',
      执行标准: 'GB/T 10651',
      能否一件代发: '是',
      抖音直播带货链接: 'https://v.douyin.com/lj-peach',
      快递发货情况: '顺丰，48 小时内发货',
      日均发货数量: 120,
      每周服务天数: 7,
      每天服务小时数: 12,
    });
    const read = await readForm('product', filled);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body.problems).toEqual([]);
    expect(read.body.form).toEqual({
      register: 'product',
      productName: '丽江雪桃礼盒',
      category: 'time_honoured',
      specifications: '6 枚装',
      executionStandard: 'GB/T 10651',
      dropshipping: true,
      liveLinks: [{ platform: 'douyin', url: 'https://v.douyin.com/lj-peach' }],
      shipping: '顺丰，48 小时内发货',
      dailyVolume: 120,
      serviceHours: { daysPerWeek: 7, hoursPerDay: 12 },
    });
    // What is read is what filing checks: this one meets the standard (附件1).
    expect(checkIntakeForm(read.body.form).problems).toEqual([]);

    // An influencer with its accounts table; an unreadable answer and category named by row.
    const influencer = await download('coord.lijiang', '/import-templates/intake-influencer/xlsx');
    const filledIn = await fill(influencer.bytes, { 达人名称: '玉龙雪山小和', 未处于处罚期间: '是', 常态化宣传推广丽江: '也许', 鼓励类别: '新型农民、网红' }, [
      ['快手', 'yulong_xiaohe', 52000, '是', '是'],
    ]);
    const readIn = await readForm('influencer', filledIn);
    expect(readIn.body.form).toMatchObject({
      register: 'influencer',
      displayName: '玉龙雪山小和',
      notUnderPenalty: true,
      accounts: [{ platform: 'kuaishou', handle: 'yulong_xiaohe', followers: 52000, realNameVerified: true, liveSellingEnabled: true }],
    });
    expect(readIn.body.problems.map((p: { row: number; messageZh: string }) => [p.row, p.messageZh])).toEqual([
      [4, '第 4 行：「常态化宣传推广丽江」须填“是”或“否”'],
      [5, '第 5 行：「鼓励类别」含不可选的类别'],
    ]);
    // Reading is for those who file applications.
    expect(
      (await api.call('POST', '/intake-forms/read', { token: tokens['leader.zhoushan']!, body: { register: 'product', xlsx: filled.toString('base64') } }))
        .status,
    ).toBe(403);
  });

  it('writes text as text (never a formula), numbers as numbers, moments in Asia/Shanghai time and days as days', async () => {
    const bytes = await xlsxDocument([
      {
        name: '黑榜 第1期',
        columns: [{ header: '序号', type: 'number' }, { header: '经营主体' }, { header: '日期', type: 'date' }, { header: '列入日期', type: 'day' }],
        rows: [[1, '=HYPERLINK("http://evil.example","点击")', '2026-03-01T02:30:00.000Z', '2026-01-05']],
      },
    ]);
    const sheetXml = new TextDecoder().decode(unzipSync(new Uint8Array(bytes))['xl/worksheets/sheet1.xml']!);
    expect(sheetXml).not.toContain('<f>');
    const row = (await readBook(bytes)).worksheets[0]!.getRow(2);
    expect(row.getCell(1).value).toBe(1);
    expect(row.getCell(2).value).toBe('=HYPERLINK("http://evil.example","点击")');
    // 10:30 in Shanghai, as the console shows it.
    expect((row.getCell(3).value as Date).toISOString()).toBe('2026-03-01T10:30:00.000Z');
    expect(row.getCell(3).numFmt).toBe('yyyy-mm-dd hh:mm');
    // A calendar day stays that day, with no time.
    expect((row.getCell(4).value as Date).toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(row.getCell(4).numFmt).toBe('yyyy-mm-dd');
  });
});
