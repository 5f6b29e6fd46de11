// The leader's view in Debian's Chromium: a coordinator launches two Changxing campaigns,
// one with the self-check stage open now (tasks open in three stations) and one whose self-check
// stage has just passed (its tasks overdue, escalated). A leader of the city (湖州) opens the
// dashboard: the campaign cards, the stage timeline, the per-stage figures, the counts, the next
// deadline and the overdue tasks by jurisdiction show what GET /api/dashboard says. The deadline
// calendar shows the stage's deadline and the tasks due on their day (overdue ones in red), as a
// month and as a list, and an event leads to its campaign. A station officer sees 我的待办 on top.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openConsole, untilRoute, type Console } from './helpers-browser.js';
import { startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { compressedStages, startApi, type Api } from './api-helpers.js';
import { UI_DIR } from '../api/server.js';

const enc = encodeURIComponent;
let h: Harness;
let api: Api;
let ui: Console;
const signIn = (username: string) => ui.signIn(username);
const launched: string[] = [];

/** The calendar day (YYYY-MM-DD) of an instant in Asia/Shanghai, as the API and the console count days. */
const shanghaiDay = (instant: string | Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));

const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').trim();

interface DashboardStage {
  key: string;
  name: string;
  status: string;
  startsAt: string;
  dueAt: string;
  done: number;
  open: number;
  overdue: number;
}
interface DashboardCampaign {
  id: string;
  stages: DashboardStage[];
  overdueByJurisdiction: { jurisdictionId: string; name: string; overdue: number }[];
  nextDeadline: { at: string; days: number; label: string } | null;
  threshold: number | null;
  scoreDistribution: unknown[] | null;
  counts: Record<string, number>;
}
interface CalendarEvent {
  id: string;
  kind: string;
  date: string;
  campaignId: string;
  stageKey: string;
  jurisdictionId?: string;
  jurisdictionName?: string;
  count?: number;
  overdue?: number;
}

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h, UI_DIR);
  ui = await openConsole(api.url);
});
afterAll(async () => {
  for (const id of launched)
    await h?.env.client.workflow
      .getHandle(`campaign-${id}`)
      .terminate('test done')
      .catch(() => {});
  await ui?.close();
  await api?.close();
  await h?.stop();
});

describe('dashboard and deadline calendar', () => {
  // op-cx-001/007 are in 雉城 (330522001), 002 in 太湖 (330522002), 003 in 画溪 (330522003);
  // op-cx-004/010 in 和平 (330522004), 005 in 泗安 (330522005) (prisma/seed.ts, round robin).
  const OPEN_OPERATORS = ['op-cx-001', 'op-cx-007', 'op-cx-002', 'op-cx-003'];
  const OPEN_BY_STATION: Record<string, number> = { '330522001': 2, '330522002': 1, '330522003': 1 };
  const LATE_OPERATORS = ['op-cx-004', 'op-cx-010', 'op-cx-005'];
  const LATE_BY_STATION: Record<string, number> = { '330522004': 2, '330522005': 1 };

  it('a leader sees the running campaigns, their stages and overdue work, and the deadlines by day', async () => {
    const coord = await api.login('coord.changxing');
    // A: the self-check stage opens now for ten minutes.
    const a = await api.call('POST', '/campaigns', {
      token: coord,
      body: { programme: 'changxing', year: await uniqueYear(h.db), jurisdictionId: '330522', stages: compressedStages(600_000), operatorIds: OPEN_OPERATORS },
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    const openId: string = a.body.id;
    launched.push(openId);
    // B: mobilization and self-check lie just in the past (they open and close at once, leaving the
    // self-checks overdue); the rectification stage is open now.
    const now = Date.now();
    const at = (ms: number) => new Date(now + ms).toISOString();
    const lateStages = [
      { key: 'mobilization', startsAt: at(-8000), dueAt: at(-7000) },
      { key: 'self_check', startsAt: at(-6000), dueAt: at(-5000) },
      { key: 'rectification', startsAt: at(-1000), dueAt: at(600_000) },
      { key: 'evaluation', startsAt: at(601_000), dueAt: at(602_000) },
      { key: 'summary', startsAt: at(603_000), dueAt: at(604_000) },
    ];
    const b = await api.call('POST', '/campaigns', {
      token: coord,
      body: { programme: 'changxing', year: await uniqueYear(h.db), jurisdictionId: '330522', stages: lateStages, operatorIds: LATE_OPERATORS },
    });
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    const lateId: string = b.body.id;
    launched.push(lateId);

    // The leader of the city sees both, counted over the whole county. Wait until the projections
    // have settled: A's four self-checks open, B's three overdue.
    const leader = await api.login('leader.huzhou');
    const find = (body: { campaigns: DashboardCampaign[] }, id: string) => body.campaigns.find((c) => c.id === id);
    const dashboard = await waitFor(async () => {
      const r = await api.call('GET', '/dashboard', { token: leader });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const open = find(r.body, openId);
      const late = find(r.body, lateId);
      const selfCheck = open?.stages.find((s) => s.key === 'self_check');
      const lateOverdue = late?.overdueByJurisdiction.reduce((sum, row) => sum + row.overdue, 0);
      // B's cases settle when each self-check is overdue and each has its inspection in the open stage.
      const lateStage = (key: string) => late?.stages.find((s) => s.key === key);
      const lateSettled = lateStage('self_check')?.overdue === LATE_OPERATORS.length && lateStage('rectification')?.open === LATE_OPERATORS.length;
      return selfCheck?.status === 'open' && selfCheck.open === OPEN_OPERATORS.length && lateOverdue === LATE_OPERATORS.length && lateSettled && r.body;
    }, 'the dashboard with A open and B overdue');
    const open = find(dashboard, openId)!;
    const late = find(dashboard, lateId)!;
    expect(open.stages.map((s) => s.key)).toEqual(['mobilization', 'self_check', 'rectification', 'evaluation', 'summary']);
    expect(open.counts.cases).toBe(OPEN_OPERATORS.length);
    expect(open.counts.openTasks).toBeGreaterThanOrEqual(OPEN_OPERATORS.length);
    expect(open.counts.overdueTasks).toBe(0);
    expect(open.nextDeadline).not.toBeNull();
    expect(Object.fromEntries(late.overdueByJurisdiction.filter((r) => r.overdue > 0).map((r) => [r.jurisdictionId, r.overdue]))).toEqual(LATE_BY_STATION);

    const page = await signIn('leader.huzhou');
    await page.goto(`${api.url}/#/`);
    const card = `[data-testid="dashboard-campaign-${openId}"]`;
    const lateCard = `[data-testid="dashboard-campaign-${lateId}"]`;
    await page.waitForSelector(card);
    await page.waitForSelector(`${card} [data-testid="dashboard-gantt"] svg`);
    await page.waitForSelector(`${lateCard} [data-testid="dashboard-gantt"] svg`);

    // The timeline has a row per stage and today's line.
    const gantt = await text(page, `${card} [data-testid="dashboard-gantt"]`);
    for (const stage of open.stages) expect(gantt).toContain(stage.name);
    expect(gantt).toContain('今天');

    // Per stage: done / open / overdue as the API counts them.
    for (const stage of open.stages) {
      const row = `${card} [data-testid="dashboard-stage-${stage.key}"]`;
      expect(await text(page, `${row} [data-testid="stage-done"]`), stage.key).toBe(String(stage.done));
      expect(await text(page, `${row} [data-testid="stage-open"]`), stage.key).toBe(String(stage.open));
      expect(await text(page, `${row} [data-testid="stage-overdue"]`), stage.key).toBe(String(stage.overdue));
    }
    expect(await text(page, `${card} [data-testid="dashboard-stage-self_check"] [data-testid="stage-open"]`)).toBe(String(OPEN_OPERATORS.length));

    // Counts as tiles.
    for (const key of ['cases', 'openTasks', 'overdueTasks']) {
      expect(await text(page, `${card} [data-testid="dashboard-counts"] [data-testid="dashboard-count-${key}"] [data-value]`), key).toBe(
        String(open.counts[key]),
      );
    }
    // Days to the next deadline, and what falls due.
    const next = await text(page, `${card} [data-testid="dashboard-next-deadline"]`);
    expect(next).toContain(open.nextDeadline!.label);
    expect(next).toContain(open.nextDeadline!.days <= 0 ? '今天' : `${open.nextDeadline!.days} 天`);
    // No totals yet: no score distribution.
    expect(open.scoreDistribution).toBeNull();
    expect(await page.locator(`${card} [data-testid="dashboard-scores"]`).count()).toBe(0);

    // A has nothing overdue; B's overdue self-checks by station, as a table and as a chart.
    expect(await text(page, `${card} [data-testid="dashboard-overdue-table"]`)).toContain('暂无逾期任务');
    expect(await page.locator(`${card} [data-testid="dashboard-overdue-chart"] svg`).count()).toBe(0);
    for (const row of late.overdueByJurisdiction.filter((r) => r.overdue > 0)) {
      const cells = page.locator(`${lateCard} [data-testid="dashboard-overdue-table"] tbody tr[data-jurisdiction="${row.jurisdictionId}"] td`);
      expect(((await cells.nth(0).textContent()) ?? '').trim()).toBe(row.name);
      expect(((await cells.nth(1).textContent()) ?? '').trim()).toBe(String(row.overdue));
    }
    const lateChart = await text(page, `${lateCard} [data-testid="dashboard-overdue-chart"]`);
    for (const row of late.overdueByJurisdiction.filter((r) => r.overdue > 0)) expect(lateChart).toContain(row.name);
    expect(await text(page, `${lateCard} [data-testid="dashboard-count-overdueTasks"] [data-value]`)).toBe(String(late.counts.overdueTasks));
    expect(await page.locator(`${lateCard} [data-testid="dashboard-stage-self_check"] [data-testid="stage-overdue"]`).textContent()).toBe(
      String(late.stages.find((s) => s.key === 'self_check')!.overdue),
    );
    await page.waitForTimeout(500); // the charts' entry animation
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-leader.png`, fullPage: true });

    // The calendar: A's self-check deadline on its day, with the tasks due that day by station.
    const day = shanghaiDay(open.stages.find((s) => s.key === 'self_check')!.dueAt);
    const cal = await api.call('GET', `/calendar?from=${day}&to=${day}`, { token: leader });
    expect(cal.status, JSON.stringify(cal.body)).toBe(200);
    const events: CalendarEvent[] = cal.body.events;
    const stageDue = events.find((e) => e.kind === 'stage_due' && e.campaignId === openId && e.stageKey === 'self_check');
    expect(stageDue, JSON.stringify(events)).toBeDefined();
    expect(stageDue!.date).toBe(day);
    const openTasksDue = events.filter((e) => e.kind === 'tasks_due' && e.campaignId === openId && e.stageKey === 'self_check');
    expect(Object.fromEntries(openTasksDue.map((e) => [e.jurisdictionId, e.count]))).toEqual(OPEN_BY_STATION);
    expect(openTasksDue.every((e) => e.overdue === 0)).toBe(true);
    const lateDay = shanghaiDay(late.stages.find((s) => s.key === 'self_check')!.dueAt);
    const lateCal = await api.call('GET', `/calendar?from=${lateDay}&to=${lateDay}`, { token: leader });
    // (B's cases have moved on to the inspection of the open rectification stage: those are not late.)
    const lateTasksDue = (lateCal.body.events as CalendarEvent[]).filter(
      (e) => e.kind === 'tasks_due' && e.campaignId === lateId && e.stageKey === 'self_check',
    );
    expect(Object.fromEntries(lateTasksDue.map((e) => [e.jurisdictionId, e.overdue]))).toEqual(LATE_BY_STATION);

    await page.goto(`${api.url}/#/calendar`);
    await page.waitForSelector('[data-testid="calendar-month"]');
    // Near midnight the deadline may fall in the next month.
    const months = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
    for (let i = months(shanghaiDay(new Date())); i < months(day); i++) await page.click('[data-testid="calendar-next"]');
    const cell = `[data-testid="calendar-day-${day}"]`;
    await page.waitForSelector(`${cell} [data-testid="calendar-event"]`);
    // A busy day shows its first events and a button for the others.
    if (await page.locator(`${cell} [data-testid="calendar-more"]`).count()) await page.click(`${cell} [data-testid="calendar-more"]`);
    const stageChip = page.locator(`${cell} [data-testid="calendar-event"][data-event-id="${stageDue!.id}"]`);
    await stageChip.waitFor();
    expect(await stageChip.textContent()).toContain('自查自纠截止');
    for (const e of openTasksDue) {
      const chip = page.locator(`${cell} [data-testid="calendar-event"][data-event-id="${e.id}"]`);
      const label = (await chip.textContent()) ?? '';
      expect(label).toContain(`${e.count} 项到期`);
      expect(label).toContain(e.jurisdictionName!);
      expect(await chip.getAttribute('class')).not.toContain('MuiChip-colorError');
    }
    if (lateDay === day) {
      // B's overdue tasks stand out in red.
      for (const e of lateTasksDue) {
        const chip = page.locator(`[data-testid="calendar-day-${lateDay}"] [data-testid="calendar-event"][data-event-id="${e.id}"]`);
        expect(await chip.getAttribute('class')).toContain('MuiChip-colorError');
      }
    }
    expect(await page.getAttribute(`[data-testid="calendar-day-${shanghaiDay(new Date())}"]`, 'data-today')).toBe('true');
    await page.mouse.move(0, 0); // no tooltip over the month
    await page.screenshot({ path: `${ARTIFACTS}/calendar-leader.png`, fullPage: true });

    // The same events as a list by day; the stage's deadline leads to its campaign.
    await page.click('[data-testid="calendar-view-list"]');
    const listed = page.locator(`[data-testid="calendar-list"] [data-testid="calendar-event"][data-event-id="${stageDue!.id}"]`);
    await listed.waitFor();
    for (const e of openTasksDue) expect(await page.locator(`[data-testid="calendar-list"] [data-event-id="${e.id}"]`).count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/calendar-list-leader.png`, fullPage: true });
    await listed.click();
    await untilRoute(page, (hash) => hash === `#/campaigns/${enc(openId)}/show`);
    await page.close();
  });

  it('a station officer sees 我的待办 with their open-task count on the dashboard', async () => {
    // Campaign A of the test above left two self-checks open in 雉城 (or this file runs alone: launch one).
    const coord = await api.login('coord.changxing');
    const r = await api.call('POST', '/campaigns', {
      token: coord,
      body: { programme: 'changxing', year: await uniqueYear(h.db), jurisdictionId: '330522', stages: compressedStages(600_000), operatorIds: ['op-cx-013'] },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    launched.push(r.body.id);
    const officer = await api.login('officer.zhicheng');
    const mine = `/tasks?${new URLSearchParams({ filter: JSON.stringify({ mine: true, status: 'open' }), range: '[0,0]' })}`;
    const total = async () => {
      const res = await api.call('GET', mine, { token: officer });
      expect(res.status).toBe(200);
      return Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1]);
    };
    await waitFor(async () => (await total()) >= 1, 'a task for the officer');

    const page = await signIn('officer.zhicheng');
    await page.goto(`${api.url}/#/`);
    const count = page.locator('[data-testid="dashboard-my-tasks-count"]');
    // Other suites may add tasks in 雉城 meanwhile: compare with the API's total read at the same
    // moment, reloading the page if it changed in between.
    await waitFor(
      async () => {
        await page.waitForSelector('[data-testid="dashboard-my-tasks-count"]:not(:empty)');
        if (((await count.textContent()) ?? '').trim() === String(await total())) return true;
        await page.reload();
        return false;
      },
      'the count of the officer’s open tasks',
      20_000,
    );
    expect(Number((await count.textContent())?.trim())).toBeGreaterThanOrEqual(1);
    await page.click('[data-testid="dashboard-my-tasks"] a, [data-testid="dashboard-my-tasks"] [href]');
    await untilRoute(page, (hash) => hash.startsWith('#/tasks'));
    await page.waitForSelector('tbody tr.RaDatagrid-row');
    await page.close();
  });
});
