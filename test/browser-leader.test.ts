// The leader's first screen and the launch in plain words, in Debian's Chromium. Campaigns with known
// cases are seeded into the projections (the dashboard is a read model): one with a late case and one
// waiting on a reviewer, one calm, one not yet started. The county's leader opens the console: the first
// screen has one row per campaign with its stage, days left, cases done / open / overdue, the late cases
// by jurisdiction and the escalations, most urgent first and 未开始 last; the escalations lead to the task
// list. A coordinator launches a campaign: 启动 shows the calendar and how many operators it enrols.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openConsole, untilRoute, type Console } from './helpers-browser.js';
import { startHarness, uniqueYear, type Harness } from './helpers.js';
import { startApi, type Api } from './api-helpers.js';
import { UI_DIR } from '../api/server.js';
import { stageNameEn, storedDefinition } from './helpers-campaign.js';

const DAY = 24 * 3600_000;
let h: Harness;
let api: Api;
let ui: Console;
const seeded: string[] = [];
const launched: string[] = [];
const now = Date.now();
const at = (days: number) => new Date(now + days * DAY);
const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').trim();

async function seedCampaign(key: string, startIn: number) {
  const year = await uniqueYear(h.db);
  const id = `bleader-${key}-${year}`;
  const started = startIn <= 0;
  await h.db.campaign.create({
    data: {
      id,
      programme: 'changxing',
      name: `${year} 年${key}`,
      year,
      jurisdictionId: '330522',
      status: 'running',
      currentStage: started ? 'self_check' : null,
      definition: storedDefinition('changxing', year, '330522'),
      workflowId: `wf-${id}`,
      launchedById: 'u-coord-changxing',
      launchedAt: at(-20),
      caseCount: 0,
    },
  });
  const stages = [
    { key: 'mobilization', name: '动员部署', startsAt: at(startIn - 20), dueAt: at(startIn - 10), status: started ? 'closed' : 'pending' },
    { key: 'self_check', name: '自查自纠', startsAt: at(startIn - 9), dueAt: at(startIn + 5), status: started ? 'open' : 'pending' },
    { key: 'rectification', name: '集中治理', startsAt: at(startIn + 6), dueAt: at(startIn + 30), status: 'pending' },
  ];
  await h.db.stage.createMany({ data: stages.map((s, seq) => ({ ...s, nameEn: stageNameEn('changxing', s.key), seq, id: `${id}:${s.key}`, campaignId: id })) });
  seeded.push(id);
  return id;
}

let n = 0;
const task = (campaignId: string, caseOp: string | null, type: string, jurisdictionId: string, status: string, overdue = false) => ({
  id: `${campaignId}:t${++n}`,
  campaignId,
  stageKey: 'self_check',
  caseId: caseOp ? `${campaignId}:${caseOp}` : null,
  type,
  title: `任务 ${n}`,
  assigneeRole: type === 'escalation' ? 'coordinator' : 'county_officer',
  jurisdictionId,
  status,
  overdue,
  dueAt: overdue ? at(-1) : at(5),
  workflowId: `wf-${campaignId}`,
  createdAt: at(-9),
  ...(status === 'done' ? { completedAt: at(-1) } : {}),
});

let urgent: string;
let calm: string;
let notYet: string;

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h, UI_DIR);
  ui = await openConsole(api.url);
  // Seeded in this order so the newest launched (the API's old order) would not be the most urgent.
  urgent = await seedCampaign('督办专项', 0);
  calm = await seedCampaign('平稳专项', 0);
  notYet = await seedCampaign('明年专项', 30);
  const ops = await h.db.operator.findMany({ where: { id: { in: ['op-cx-001', 'op-cx-007', 'op-cx-002'] } } });
  const kase = (campaignId: string, o: (typeof ops)[number]) => ({
    id: `${campaignId}:${o.id}`,
    campaignId,
    operatorId: o.id,
    jurisdictionId: o.jurisdictionId,
    status: 'active',
    workflowId: `wf-${campaignId}:${o.id}`,
    createdAt: at(-20),
    updatedAt: at(-1),
  });
  await h.db.case.createMany({ data: [...ops.map((o) => kase(urgent, o)), kase(calm, ops[0]!)] });
  await h.db.task.createMany({
    data: [
      // 001 (雉城) submitted, waiting for its review; 007 (雉城) late; 002 (太湖) done.
      task(urgent, 'op-cx-001', 'self_check', '330522001', 'done'),
      task(urgent, 'op-cx-001', 'self_check_review', '330522001', 'open'),
      task(urgent, 'op-cx-007', 'self_check', '330522001', 'open', true),
      task(urgent, 'op-cx-002', 'self_check', '330522002', 'done'),
      task(urgent, null, 'escalation', '330522', 'open'),
      task(calm, 'op-cx-001', 'self_check', '330522001', 'open'),
    ],
  });
});
afterAll(async () => {
  await h?.db.campaign.updateMany({ where: { id: { in: seeded } }, data: { status: 'completed' } });
  await h?.db.task.deleteMany({ where: { campaignId: { in: seeded } } });
  for (const id of launched)
    await h?.env.client.workflow
      .getHandle(`campaign-${id}`)
      .terminate('test done')
      .catch(() => {});
  await ui?.close();
  await api?.close();
  await h?.stop();
});

describe('the leader’s first screen', () => {
  it('shows every campaign’s stage and overdue work, one row each, most urgent first and 未开始 last', async () => {
    const page = await signInAt('leader.changxing', '#/');
    const row = (id: string) => `[data-testid="leader-summary"] [data-testid="summary-row-${id}"]`;
    await page.waitForSelector(row(notYet));
    // The summary is the first thing on the screen: its heading and first row lie within the first 900 px
    // (how far down ours come depends on the other files' campaigns in the same county).
    const first = await page.locator('[data-testid="leader-summary"] tbody tr').first().boundingBox();
    expect(first).not.toBeNull();
    expect(first!.y + first!.height).toBeLessThanOrEqual(900);
    for (const id of [urgent, calm, notYet]) expect(await page.locator(row(id)).boundingBox(), id).not.toBeNull();
    const order = await page
      .locator('[data-testid="leader-summary"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')?.replace('summary-row-', '')));
    expect(order.filter((id) => [urgent, calm, notYet].includes(id!))).toEqual([urgent, calm, notYet]);

    // The urgent one: its stage by name, days left, cases (not tasks), the late case by jurisdiction by name.
    expect(await text(page, `${row(urgent)} [data-testid="summary-stage"]`)).toBe('自查自纠');
    expect(await text(page, `${row(urgent)} [data-testid="summary-days"]`)).toBe('5 天');
    expect(await text(page, `${row(urgent)} [data-testid="summary-done"]`)).toBe('1');
    expect(await text(page, `${row(urgent)} [data-testid="summary-open"]`)).toBe('2');
    expect(await text(page, `${row(urgent)} [data-testid="summary-review"]`)).toBe('其中待审核 1 件');
    expect(await text(page, `${row(urgent)} [data-testid="summary-overdue"]`)).toBe('1');
    expect(await text(page, `${row(urgent)} [data-testid="summary-overdue-by-jurisdiction"]`)).toBe('雉城市场监管所 1 件');
    expect(await text(page, `${row(calm)} [data-testid="summary-overdue"]`)).toBe('0');
    // Not started: said so, with its start, and no card of its own below.
    expect(await text(page, `${row(notYet)} [data-testid="summary-stage"]`)).toBe('未开始');
    expect(await text(page, `${row(notYet)} [data-testid="summary-days"]`)).toContain('开始');
    expect(await page.locator(`[data-testid="dashboard-campaign-${notYet}"]`).count()).toBe(0);
    // The urgent campaign's card counts its stage in cases, the one waiting on a reviewer apart.
    const stage = `[data-testid="dashboard-campaign-${urgent}"] [data-testid="dashboard-stage-self_check"]`;
    await page.waitForSelector(stage);
    expect(await text(page, `${stage} [data-testid="stage-open"]`)).toBe('2');
    expect(await text(page, `${stage} [data-testid="stage-review"]`)).toBe('1');
    await page.screenshot({ path: `${ARTIFACTS}/leader-first-screen.png` });

    // The escalations lead to the task list, filtered to this campaign's open escalations.
    await page.click(`${row(urgent)} a[data-testid="summary-escalations"]`);
    await untilRoute(page, (hash) => hash.startsWith('#/tasks'));
    const filter = JSON.parse(new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('filter') ?? '{}');
    expect(filter).toMatchObject({ campaignId: urgent, type: 'escalation', status: 'open' });
    await page.waitForSelector('tbody tr.RaDatagrid-row');
    expect(await page.locator('tbody tr.RaDatagrid-row').count()).toBe(1);
    await page.close();
  });
});

describe('launch in plain words', () => {
  it('启动 states the calendar and the operators it enrols before anything starts; stations are not offered', async () => {
    const page = await signInAt('coord.changxing', '#/campaigns/create');
    await page.getByLabel('活动项目').first().click();
    await page.getByRole('option', { name: '长兴放心电商' }).first().click();
    await page.waitForSelector('[data-testid="settings-inputs"]');
    const year = await uniqueYear(h.db);
    await page.fill('input[name="year"]', String(year));
    // Stations carry a campaign out; they do not run one.
    await page.getByLabel('辖区').first().fill('雉城');
    await page.waitForSelector('[role="listbox"], .MuiAutocomplete-noOptions');
    expect(await page.getByRole('option', { name: /雉城/ }).count()).toBe(0);
    await page.getByLabel('辖区').first().fill('长兴');
    await page.getByRole('option', { name: '长兴县' }).first().click();
    expect(await page.locator('button[type="submit"]').count()).toBe(0);
    // The preview the page asked for: other files add operators to Changxing meanwhile, so the count it
    // shows is the one in its own answer, not in a second request's.
    const asked = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/campaigns/launch-preview' && r.request().method() === 'POST');
    await page.click('[data-testid="launch-button"]');
    const dialog = '[data-testid="launch-confirm-dialog"]';
    await page.waitForSelector(`${dialog} [data-testid="launch-calendar"]`);
    const shown = (await (await asked).json()) as { operators: number };

    // What the preview says, as the API says it; nothing launched yet.
    const coord = await api.login('coord.changxing');
    const preview = await api.call('POST', '/campaigns/launch-preview', { token: coord, body: { programme: 'changxing', year, jurisdictionId: '330522' } });
    expect(preview.status).toBe(200);
    const calendar = await text(page, `${dialog} [data-testid="launch-calendar"]`);
    for (const s of preview.body.stages as { name: string }[]) expect(calendar).toContain(s.name);
    expect(await page.locator(`${dialog} [data-testid="launch-calendar"] tbody tr`).count()).toBe(preview.body.stages.length);
    expect(shown.operators).toBeGreaterThan(0);
    expect(await text(page, `${dialog} [data-testid="launch-operators"]`)).toContain(`本次启动将纳入 ${shown.operators} 家经营主体`);
    expect(await text(page, `${dialog} [data-testid="launch-operators"]`)).toContain('雉城市场监管所');
    const id = `changxing-330522-${year}`;
    expect(await h.db.campaign.count({ where: { id } })).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/launch-confirm.png` });

    // Confirmed: launched, and said in plain words which campaign and how many operators.
    await page.click('[data-testid="launch-confirm"]');
    launched.push(id);
    await untilRoute(page, (hash) => hash.startsWith(`#/campaigns/${encodeURIComponent(id)}/show`));
    const note = page.locator('.MuiSnackbarContent-message, [role="alert"]').filter({ hasText: '已启动' });
    await note.first().waitFor();
    expect(await note.first().textContent()).toMatch(/「.+」已启动，纳入 \d+ 家经营主体/);
    expect(await page.locator('text=条目已新建').count()).toBe(0);
    await page.close();
  });
});

async function signInAt(user: string, hash: string) {
  const page = await ui.signIn(user);
  await page.goto(`${api.url}/${hash}`);
  return page;
}
