// Evaluation groups in Debian's Chromium (README "Evaluation groups"; changxing 四、（四）): a coordinator forms a
// third party's group on the campaign's 评价组 tab, imports its scores from an .xlsx file (a bad file first:
// every bad line named, nothing imported), follows the delivery to the end, and, once the 公示 is
// published, downloads the list as .xlsx with the imported score in its total.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS } from './helpers-browser.js';
import { uniqueYear, waitFor } from './helpers.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { consoleSuite } from './helpers-console-suite.js';
import { demoUscc } from '../prisma/seed.js';

const enc = encodeURIComponent;
const suite = consoleSuite();
const tokens: Record<string, string> = {};
beforeAll(async () => {
  for (const u of ['coord.changxing', 'auditor.changxing']) tokens[u] = await suite.api.login(u);
});
const post = (user: string, path: string, body?: unknown) => suite.api.call('POST', path, { token: tokens[user]!, body });

/** A workbook as the third party sends it: a header row and one row per operator. */
async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('评分');
  sheet.addRow(['统一社会信用代码', '分数', '备注']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('evaluation groups in the console', () => {
  it('a coordinator forms a third party’s group, imports its scores from Excel, and downloads the 公示 list as Excel', async () => {
    const launched = await post('coord.changxing', '/campaigns', {
      programme: 'changxing',
      year: await uniqueYear(suite.h.db),
      jurisdictionId: '330522',
      stages: calendarOpenAt('evaluation', 600_000),
      reminderLeadHours: 0,
      operatorIds: ['op-cx-001', 'op-cx-002'],
      // The unit groups' four dimensions are scored by one auditor here, through the API.
      settings: { multiDimensionScorers: true },
    });
    expect(launched.status, JSON.stringify(launched.body)).toBe(201);
    const campaignId = launched.body.id as string;
    suite.workflows.push(`campaign-${campaignId}`);
    await waitFor(async () => (await suite.h.db.task.count({ where: { campaignId, type: 'score' } })) === 10, 'score tasks');

    const page = await suite.ui.signIn('coord.changxing');
    await page.goto(`${suite.api.url}/#/campaigns/${enc(campaignId)}/show/evaluation`);
    await page.waitForSelector('[data-testid="evaluation-groups"]');
    expect(await page.textContent('[data-testid="evaluation-groups"]')).toContain('第三方监测：未分组，任一审核员可评');

    // The group: a third party scoring 第三方监测, without members.
    await page.click('[data-testid="evaluation-group-create"]');
    await page.fill('[data-testid="evaluation-group-name"]', '第三方监测（长兴数据科技）');
    await page.check('[data-testid="evaluation-group-external"] input');
    await page.getByLabel('第三方监测', { exact: true }).check();
    await page.click('[data-testid="evaluation-group-save"]');
    const row = page.locator('[data-testid="evaluation-group"][data-name="第三方监测（长兴数据科技）"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('待评 2，已评 0');

    // A bad file: each bad line named by its Excel row, nothing imported.
    await row.getByRole('button', { name: '导入评分' }).click();
    const dialog = page.getByRole('dialog');
    const groupId = (await suite.h.db.evaluationGroup.findFirstOrThrow({ where: { campaignId } })).id;
    const file = `[data-testid="scores-${groupId}-csv-file"]`;
    await page.setInputFiles(file, {
      name: '第三方评分.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbook([
        [demoUscc('330522', 1), 101, ''],
        [demoUscc('330522', 2), 88, ''],
        [demoUscc('330522', 25), 80, '未纳入'],
      ]),
    });
    await page.click(`[data-testid="scores-${groupId}-csv-upload"]`);
    const problem = dialog.locator(`[data-testid="scores-${groupId}-csv-problem"]`);
    await problem.waitFor();
    const problemText = await problem.textContent();
    expect(problemText).toContain('第 2 行');
    expect(problemText).toContain('第 4 行');
    expect(problemText).not.toContain('第 3 行');
    expect(await suite.h.db.scoreImport.count({ where: { campaignId } })).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/evaluation-import-refused.png`, fullPage: true });

    // The good file: accepted, then delivered to both cases.
    await page.setInputFiles(file, {
      name: '第三方评分.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbook([
        [demoUscc('330522', 1), 92, '无负面舆情'],
        [demoUscc('330522', 2), 88, ''],
      ]),
    });
    await page.click(`[data-testid="scores-${groupId}-csv-upload"]`);
    await dialog.locator(`[data-testid="scores-${groupId}-csv-result"]`).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="score-import"][data-status="done"]').waitFor();
    expect(await page.textContent('[data-testid="score-imports"]')).toContain('已完成');
    await row.getByText('待评 0，已评 2').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/evaluation-import-done.png`, fullPage: true });
    const imported = await suite.h.db.task.findFirstOrThrow({ where: { caseId: `${campaignId}:op-cx-001`, type: 'score', status: 'done' } });
    expect(imported.result).toEqual({ score: 92, comment: '无负面舆情' });

    // The other four dimensions, then the 公示: its list as a workbook, with op-cx-001's total 90 × 70 % + 92 × 30 %.
    const open = await suite.h.db.task.findMany({ where: { campaignId, type: 'score', status: 'open' } });
    for (const t of open) expect((await post('auditor.changxing', `/tasks/${enc(t.id)}/complete`, { score: 90 })).status).toBe(200);
    await waitFor(async () => (await suite.h.db.case.count({ where: { campaignId, proposed: true } })) === 2, 'both proposed');
    const pub = await post('coord.changxing', `/campaigns/${enc(campaignId)}/publicity`, { windowEndsAt: new Date(Date.now() + 120_000).toISOString() });
    expect(pub.status, JSON.stringify(pub.body)).toBe(201);
    await page.goto(`${suite.api.url}/#/rosters/${enc(pub.body.id)}/show`);
    await page.waitForSelector('[data-testid="roster-entries"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="roster-xlsx"]')]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.worksheets[0]!;
    const rows = [2, 3].map((r) => [sheet.getRow(r).getCell(3).value, sheet.getRow(r).getCell(6).value]);
    // live_marketing weights: third_party 30 %, the other four 70 % in all.
    expect(rows).toContainEqual([demoUscc('330522', 1), 90.6]);
    expect(rows).toContainEqual([demoUscc('330522', 2), 89.4]);
    await page.close();
  });
});
