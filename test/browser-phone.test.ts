// The staff console on a phone (390×844 in Debian's Chromium, touch, a mobile viewport): station staff
// mostly work from their phones. A station officer signs in, opens the 我的待办 inbox (cards, not a table
// scrolling sideways; nothing covers the 认领 button), claims an inspection there, opens it, fills it in a
// single column with the submit button in reach, and sees it done; the filters open in a drawer, the
// inbox pages, the notifications are cards too, and the user menu opens on-screen. The score, pre-review
// and city audit forms fit the phone as well. From a task's 案卷 link the officer reaches the case page:
// its facts, progress, tasks and audit trail in one column, tasks and entries as cards; the cases list is
// cards with its page buttons named in Chinese, and so are the titles, objections, rosters and listings.
// No page is wider than the screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS, openConsole, PHONE, untilRoute, type Console } from './helpers-browser.js';
import { startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { launchAtInspections, startApi, type Api } from './api-helpers.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { APPLICATION_FORM } from './helpers-zhoushan.js';
import { UI_DIR } from '../api/server.js';

const enc = encodeURIComponent;
const q = (filter: object) => `filter=${enc(JSON.stringify(filter))}`;
const WIDTH = PHONE.viewport!.width;
const HEIGHT = PHONE.viewport!.height;
let h: Harness;
let api: Api;
let ui: Console;
const launched: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h, UI_DIR);
  ui = await openConsole(api.url, PHONE);
});
afterAll(async () => {
  for (const id of launched)
    await h.env.client.workflow
      .getHandle(`campaign-${id}`)
      .terminate('test done')
      .catch(() => {});
  await ui?.close();
  await api?.close();
  await h?.stop();
});

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const onScreen = (b: Box) => b.x >= 0 && b.y >= 0 && b.x + b.width <= WIDTH + 0.5 && b.y + b.height <= HEIGHT + 0.5;

/** How wide the page is: more than the screen means it scrolls sideways. */
const pageWidth = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth);

/** The elements of the page's content that reach past the screen's edges (at most five, described). */
const tooWide = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('#main-content *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (r.right > width + 0.5 || r.left < -0.5);
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ').slice(0, 2).join('.')} ${Math.round(el.getBoundingClientRect().width)}px`);
  });

/** The element is on the screen and nothing else (the app bar…) is on top of it at its centre. */
async function expectInReach(what: string, target: Locator) {
  const box = await target.boundingBox();
  expect(box, `${what}: shown`).not.toBeNull();
  expect(onScreen(box!), `${what} on the screen: ${JSON.stringify(box)}`).toBe(true);
  const topmost = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    // A disabled button lets the pointer through (pointer-events: none) to its own container.
    return !!hit && (el.contains(hit) || hit.contains(el));
  });
  expect(topmost, `${what}: not covered`).toBe(true);
}

/**
 * Two operators of the 雉城 station (officer.zhicheng's), from the `skip`-th by id, and a 集中治理 campaign
 * over both, open now for ten minutes (terminated after the tests).
 */
async function launchForTwo(skip: number) {
  const [operator, other] = await h.db.operator.findMany({
    where: { jurisdictionId: '330522001', id: { startsWith: 'op-cx-' } },
    orderBy: { id: 'asc' },
    skip,
    take: 2,
  });
  expect(other).toBeDefined();
  const campaignId = await launchAtInspections(h, api, [operator!.id, other!.id]);
  launched.push(campaignId);
  return { operator, other, campaignId };
}

describe('the console on a phone', () => {
  it('a station officer claims, fills and completes an inspection from the inbox at 390×844', async () => {
    // Two operators of the 雉城 station (officer.zhicheng's): two inspections, for the pages of the inbox.
    // 集中治理 open now for ten minutes: the station's inspection of the operator is open, unclaimed.
    const { operator, other, campaignId } = await launchForTwo(0);
    const coord = await api.login('coord.changxing');
    const task = await waitFor(
      () => h.db.task.findFirst({ where: { campaignId, type: 'inspection', status: 'open', caseId: `${campaignId}:${operator!.id}` } }),
      'the inspection task',
    );
    await waitFor(() => h.db.task.findFirst({ where: { campaignId, type: 'inspection', caseId: `${campaignId}:${other!.id}` } }), 'the other inspection');
    expect(task.claimedById).toBeNull();
    // A 催办 from the coordinator, for the notifications page.
    expect((await api.call('POST', '/tasks/remind', { token: coord, body: { taskIds: [task.id] } })).body).toMatchObject({ reminded: 1 });

    const page = await ui.signIn('officer.zhicheng');
    expect(page.viewportSize()).toEqual({ width: WIDTH, height: HEIGHT });

    // The inbox: one card per task, no table scrolling sideways, an app bar of one line with the user
    // menu on the screen.
    // The campaign's open inspections (its overdue self-checks, from the stages compressed before, would
    // come first and push these below the screen).
    await page.goto(`${api.url}/#/tasks?${q({ status: 'open', campaignId, type: 'inspection' })}`);
    await page.waitForSelector('#main-content');
    await page.getByText(task.title).first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/phone-inbox.png` });
    const appBar = page.locator('header.MuiAppBar-root');
    const barBox = (await appBar.boundingBox())!;
    expect.soft(await pageWidth(page), 'the inbox scrolls sideways').toBeLessThanOrEqual(WIDTH);
    expect.soft(barBox.height, 'the app bar wraps onto a second line').toBeLessThanOrEqual(64);
    const userMenuButton = page.locator('header button[aria-label="设置"]'); // react-admin's user menu (ra.auth.user_menu);
    expect.soft(onScreen((await userMenuButton.boundingBox())!), 'the user menu button is off-screen').toBe(true);
    expect(await page.locator('#main-content table').count(), 'the inbox is a table').toBe(0);
    const card = page.locator('[data-testid="task-card"]', { hasText: task.title });
    expect(await card.count()).toBe(1);
    expect(await card.textContent()).toContain(operator!.name);
    expect(await card.textContent()).toContain('集中治理');
    const claim = card.locator('[data-testid="claim-task"]');
    expect(overlaps(barBox, (await claim.boundingBox())!), 'the app bar covers the claim button').toBe(false);
    await expectInReach('the claim button', claim);
    expect(await tooWide(page)).toEqual([]);

    // The filters open in a drawer (not a row of inputs wider than the screen), on the screen.
    await page.click('[data-testid="list-filters-button"]');
    const drawer = page.locator('[data-testid="list-filters-drawer"]');
    await drawer.locator('input').first().waitFor();
    // Once it has slid in.
    await expect.poll(async () => onScreen((await drawer.locator('.MuiDrawer-paper').boundingBox())!)).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/phone-inbox-filters.png` });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // 认领 on the card.
    await claim.click();
    await waitFor(async () => (await h.db.task.findUniqueOrThrow({ where: { id: task.id } })).claimedById === 'u-officer-zhicheng', 'the task claimed');
    await card.locator('[data-testid="claim-task"]').waitFor({ state: 'detached' });

    // The task: one column, nothing wider than the screen, the submit button in reach while filling it.
    await card.locator('[data-testid="task-card-open"]').click();
    await untilRoute(page, (hash) => hash === `#/tasks/${enc(task.id)}/show`);
    const form = page.locator('[data-testid="inspection-form"]');
    await form.waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
    expect(await tooWide(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/phone-inspection-form.png`, fullPage: true });
    const areas = form.locator('[data-testid^="area-"]');
    expect(await areas.count()).toBe(8);
    // Single column: each area's finding and description are stacked, full width of the form.
    const first = areas.first();
    const [findingBox, descriptionBox] = [await first.locator('[role="radiogroup"]').boundingBox(), await first.locator('textarea').first().boundingBox()];
    expect(descriptionBox!.y).toBeGreaterThanOrEqual(findingBox!.y + findingBox!.height - 1);
    expect(descriptionBox!.width).toBeGreaterThan(WIDTH * 0.75);

    await form.locator('input[name="method"][value="sampling"]').check();
    await first.locator('input[value="ok"]').check();
    // With the first area in view the form's end is far below: the submit button stays in reach.
    await expectInReach('the submit button', page.locator('[data-testid="complete-task"]'));
    await page.screenshot({ path: `${ARTIFACTS}/phone-inspection-filled.png` });
    await page.click('[data-testid="complete-task"]');
    const done = await waitFor(async () => {
      const t = await h.db.task.findUniqueOrThrow({ where: { id: task.id } });
      return t.status === 'done' && t;
    }, 'the inspection completed');
    expect(done.completedById).toBe('u-officer-zhicheng');
    expect(done.result).toMatchObject({ method: 'sampling', areas: [{ finding: 'ok' }] });
    await page.waitForSelector('[data-testid="inspection-result"]');
    expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
    expect(await tooWide(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/phone-inspection-done.png`, fullPage: true });

    // The pages of the inbox (one task a page here): the next page shows the other inspection.
    await page.goto(`${api.url}/#/tasks?${q({ campaignId, type: 'inspection' })}&perPage=1&page=1`);
    const cards = page.locator('[data-testid="task-card"]');
    await cards.first().waitFor();
    const firstPage = await cards.first().textContent();
    expect(await cards.count()).toBe(1);
    const next = page.locator('.MuiTablePagination-actions button').last();
    await expectInReach('the next page button', next);
    await next.click();
    await page.waitForFunction((seen) => {
      const shown = document.querySelectorAll('[data-testid="task-card"]');
      return shown.length === 1 && shown[0]!.textContent !== seen;
    }, firstPage);
    expect([firstPage, await cards.first().textContent()].filter((t) => t?.includes(other!.name))).toHaveLength(1);
    expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);

    // The notifications: cards as well.
    await page.goto(`${api.url}/#/notifications?${q({ kind: 'reminder', campaignId })}`);
    const notification = page.locator('[data-testid="notification-card"]', { hasText: `催办：${task.title}` });
    await notification.waitFor();
    expect(await page.locator('#main-content table').count()).toBe(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
    expect(await tooWide(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/phone-notifications.png` });

    // The user menu opens on the screen, its entries too.
    await expectInReach('the user menu button', userMenuButton);
    await userMenuButton.click();
    const item = page.locator('[data-testid="menu-change-password"]');
    await item.waitFor();
    await expectInReach('修改密码 in the user menu', item);
    await page.screenshot({ path: `${ARTIFACTS}/phone-user-menu.png` });
    await page.close();
  });

  it('the score, pre-review and city audit forms fit a phone: one column, nothing wider, 提交 in reach', async () => {
    const now = Date.now();
    const at = (ms: number) => new Date(now + ms).toISOString();
    // Changxing's evaluation open now (the five groups' score tasks); Zhoushan's applications open now.
    const cx = await api.call('POST', '/campaigns', {
      token: await api.login('coord.changxing'),
      body: {
        programme: 'changxing',
        year: await uniqueYear(h.db),
        jurisdictionId: '330522',
        stages: calendarOpenAt('evaluation', 600_000),
        operatorIds: ['op-cx-013'],
      },
    });
    expect(cx.status, JSON.stringify(cx.body)).toBe(201);
    launched.push(cx.body.id);
    const zs = await api.call('POST', '/campaigns', {
      token: await api.login('coord.zhoushan'),
      body: {
        programme: 'zhoushan',
        year: await uniqueYear(h.db),
        jurisdictionId: '330900',
        stages: [
          { key: 'survey', startsAt: at(-4000), dueAt: at(-3000) },
          { key: 'application', startsAt: at(-1000), dueAt: at(600_000) },
          { key: 'audit', startsAt: at(601_000), dueAt: at(602_000) },
          { key: 'confirmation', startsAt: at(603_000), dueAt: at(604_000) },
        ],
      },
    });
    expect(zs.status, JSON.stringify(zs.body)).toBe(201);
    launched.push(zs.body.id);
    await waitFor(() => h.db.stage.findFirst({ where: { campaignId: zs.body.id, key: 'application', status: 'open' } }), 'applications open');
    const officer = await api.login('officer.dinghai');
    const filed = await api.call('POST', `/campaigns/${enc(zs.body.id)}/applications`, {
      token: officer,
      body: { operatorId: 'op-zs-001', form: APPLICATION_FORM },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const caseId: string = filed.body.caseId;

    /** The task's page at phone size: no sideways scroll, nothing wider than the screen, 提交 reachable at once. */
    const checkForm = async (username: string, taskId: string, form: string, shot: string) => {
      const page = await ui.signIn(username);
      await page.goto(`${api.url}/#/tasks/${enc(taskId)}/show`);
      await page.waitForSelector(`[data-testid="${form}"]`);
      expect(await pageWidth(page), `${form}: the page scrolls sideways`).toBeLessThanOrEqual(WIDTH);
      expect(await tooWide(page), `${form}: wider than the screen`).toEqual([]);
      await page.locator(`[data-testid="${form}"]`).scrollIntoViewIfNeeded();
      await expectInReach(`${form}: 提交`, page.locator('[data-testid="complete-task"]'));
      await page.screenshot({ path: `${ARTIFACTS}/${shot}`, fullPage: true });
      await page.close();
    };

    const score = await waitFor(() => h.db.task.findFirst({ where: { campaignId: cx.body.id, type: 'score', status: 'open' } }), 'a score task');
    await checkForm('auditor.changxing', score.id, 'score-form', 'phone-score-form.png');

    const review = await waitFor(() => h.db.task.findFirst({ where: { caseId, type: 'pre_review', status: 'open' } }), 'the pre-review');
    await checkForm('officer.dinghai', review.id, 'pre-review-form', 'phone-pre-review-form.png');
    const passed = await api.call('POST', `/tasks/${enc(review.id)}/complete`, { token: officer, body: { decision: 'pass' } });
    expect(passed.status, JSON.stringify(passed.body)).toBe(200);
    const audit = await waitFor(() => h.db.task.findFirst({ where: { caseId, type: 'city_audit', status: 'open' } }), 'the city audit');
    await checkForm('auditor.zhoushan', audit.id, 'city-audit-form', 'phone-city-audit-form.png');
  });

  it('from a task the officer opens 案卷: the case page, the cases list and the titles, objections, rosters and listings fit a phone', async () => {
    // Two more operators of the 雉城 station: two cases, for the cases list's pages.
    const { operator, other, campaignId } = await launchForTwo(2);
    const caseId = `${campaignId}:${operator!.id}`;
    const otherCaseId = `${campaignId}:${other!.id}`;
    const task = await waitFor(() => h.db.task.findFirst({ where: { caseId, type: 'inspection', status: 'open' } }), 'the inspection task');
    await waitFor(() => h.db.auditEvent.findFirst({ where: { entityId: caseId, action: 'case.enrolled' } }), 'the enrolment in the audit trail');
    await waitFor(() => h.db.case.findUnique({ where: { id: otherCaseId } }), 'the other case');

    // What the other lists show, written straight to their tables (as test/dashboard-api.test.ts does):
    // a title on the first case, a 公示 of both, an objection to it, a cultivation listing of the second.
    const day = 86_400_000;
    const entry = (op: typeof operator, id: string) => ({
      caseId: id,
      operatorId: op!.id,
      operatorName: op!.name,
      uscc: op!.uscc,
      jurisdictionName: '雉城市场监管所',
      track: op!.track,
      totalScore: 91.5,
    });
    await h.db.title.create({
      data: {
        id: caseId,
        campaignId,
        caseId,
        operatorId: operator!.id,
        jurisdictionId: '330522001',
        totalScore: 91.5,
        grantedAt: new Date(),
        expiresAt: new Date(Date.now() + 365 * day),
        status: 'active',
        workflowId: `phone-title-${caseId}`,
      },
    });
    const rosterId = `${campaignId}:publicity:1`;
    await h.db.roster.create({
      data: {
        id: rosterId,
        campaignId,
        kind: 'publicity',
        seq: 1,
        publishedAt: new Date(),
        publishedById: 'u-coord-changxing',
        windowEndsAt: new Date(Date.now() + 5 * day),
        entries: [entry(operator, caseId), entry(other, otherCaseId)],
      },
    });
    await h.db.objection.create({
      data: {
        id: `phone-objection-${campaignId}`,
        campaignId,
        caseId,
        rosterId,
        jurisdictionId: '330522001',
        lodgedAt: new Date(),
        source: 'public',
        content: '该店铺直播间存在虚假宣传，价格标示与实际结算不一致，请核实。',
        status: 'open',
        reference: `26-GS-${String(Date.now()).slice(-6)}-PHONE1`,
      },
    });
    await h.db.listing.create({
      data: {
        id: otherCaseId,
        campaignId,
        caseId: otherCaseId,
        operatorId: other!.id,
        jurisdictionId: '330522001',
        totalScore: 88.25,
        rank: 1,
        listedAt: new Date(),
        status: 'listed',
        nomination: 'none',
        workflowId: `phone-listing-${otherCaseId}`,
      },
    });

    const page = await ui.signIn('officer.zhicheng');
    // From the task, its 案卷 link.
    await page.goto(`${api.url}/#/tasks/${enc(task.id)}/show`);
    await page.locator('[data-testid="inspection-form"]').waitFor();
    await page.locator('.ra-field-caseId a').click();
    await untilRoute(page, (hash) => hash === `#/cases/${enc(caseId)}/show`);
    // Loaded: the progress, the task (among those holding the case, and among its tasks) and the audit trail.
    await page.locator('[data-testid="case-timeline"]').waitFor();
    await page.locator('#main-content').getByText(task.title).nth(1).waitFor();
    await page.locator('#main-content').getByText('长兴县统筹').first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/phone-case.png`, fullPage: true });
    expect.soft(await pageWidth(page), 'the case page scrolls sideways').toBeLessThanOrEqual(WIDTH);
    expect.soft(await tooWide(page), 'the case page: wider than the screen').toEqual([]);
    expect(await page.locator('#main-content table').count(), 'the case page has a table').toBe(0);
    const taskCard = page.locator('[data-testid="case-task-card"]', { hasText: task.title });
    expect(await taskCard.count()).toBe(1);
    const auditEntry = page.locator('[data-testid="case-audit-entry"]').first();
    // The task as a card: its type, due date (one date format on the page) and status.
    const DATE_TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/;
    const taskText = (await taskCard.textContent())!;
    expect(taskText).toContain('检查');
    expect(taskText).toMatch(DATE_TIME);
    // The audit entry in words, on the screen: when, what, who.
    const auditText = (await auditEntry.textContent())!;
    expect(auditText).toMatch(DATE_TIME);
    expect(await page.locator('[data-testid="case-audit-entry"]', { hasText: '纳入专项行动' }).count()).toBeGreaterThanOrEqual(1);
    const auditBox = (await auditEntry.boundingBox())!;
    expect(auditBox.x >= 0 && auditBox.x + auditBox.width <= WIDTH + 0.5, `the audit entry off the screen: ${JSON.stringify(auditBox)}`).toBe(true);
    // One date format (README "The console's words"): no machine timestamp, no other spelling of a day.
    expect(
      await page.locator('#main-content').evaluate((el) => /\d{4}-\d{2}-\d{2}T\d{2}|\d{4}\/\d{1,2}\/\d{1,2}/.test(el.textContent ?? '')),
      'a date in another format on the case page',
    ).toBe(false);
    // A tap on the task's card opens the task.
    await taskCard.locator('[data-testid="case-task-card-open"]').click();
    await untilRoute(page, (hash) => hash === `#/tasks/${enc(task.id)}/show`);

    // The cases list: cards, a page at a time, its page buttons labelled in Chinese.
    await page.goto(`${api.url}/#/cases?${q({ campaignId })}&perPage=1&page=1`);
    const caseCards = page.locator('[data-testid="case-card"]');
    await caseCards.first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/phone-cases.png` });
    expect(await caseCards.count()).toBe(1);
    expect(await page.locator('#main-content table').count(), 'the cases list is a table').toBe(0);
    expect.soft(await pageWidth(page), 'the cases list scrolls sideways').toBeLessThanOrEqual(WIDTH);
    expect.soft(await tooWide(page), 'the cases list: wider than the screen').toEqual([]);
    const firstCase = await caseCards.first().textContent();
    const next = page.locator('.MuiTablePagination-actions button').last();
    expect(await next.getAttribute('aria-label')).toBe('下一页');
    expect(await page.locator('.MuiTablePagination-actions button').first().getAttribute('aria-label')).toBe('上一页');
    await expectInReach('the next page button', next);
    await next.click();
    await page.waitForFunction((seen) => {
      const shown = document.querySelectorAll('[data-testid="case-card"]');
      return shown.length === 1 && shown[0]!.textContent !== seen;
    }, firstCase);
    expect([firstCase, await caseCards.first().textContent()].filter((t) => t?.includes(other!.name))).toHaveLength(1);

    // The titles, objections, rosters and listings: cards, nothing wider than the screen.
    for (const [resource, card, shows] of [
      ['titles', 'title-card', operator!.name],
      ['objections', 'objection-card', '虚假宣传'],
      ['rosters', 'roster-card', '公示'],
      ['listings', 'listing-card', other!.name],
    ] as const) {
      await page.goto(`${api.url}/#/${resource}?${q({ campaignId })}`);
      await page.locator(`[data-testid="${card}"]`, { hasText: shows }).first().waitFor();
      await page.screenshot({ path: `${ARTIFACTS}/phone-${resource}.png` });
      expect(await page.locator('#main-content table').count(), `the ${resource} list is a table`).toBe(0);
      expect.soft(await pageWidth(page), `the ${resource} list scrolls sideways`).toBeLessThanOrEqual(WIDTH);
      expect.soft(await tooWide(page), `the ${resource} list: wider than the screen`).toEqual([]);
    }
    // The 公示 itself: its entries as lines on the screen (the table is for the printed page).
    await page.goto(`${api.url}/#/rosters/${enc(rosterId)}/show`);
    await page.locator('[data-testid="roster-entry-line"]', { hasText: other!.name }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/phone-roster.png`, fullPage: true });
    // The document starts on the first screen (not below a toolbar as tall as the page).
    expect.soft((await page.locator('[data-testid="roster-title"]').boundingBox())!.y, 'the roster starts below the first screen').toBeLessThan(HEIGHT / 2);
    expect.soft(await pageWidth(page), 'the roster scrolls sideways').toBeLessThanOrEqual(WIDTH);
    expect.soft(await tooWide(page), 'the roster: wider than the screen').toEqual([]);
    // The title's page.
    await page.goto(`${api.url}/#/titles/${enc(caseId)}/show`);
    await page.locator('.ra-field-operatorUscc').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/phone-title.png`, fullPage: true });
    expect.soft(await pageWidth(page), 'the title page scrolls sideways').toBeLessThanOrEqual(WIDTH);
    expect.soft(await tooWide(page), 'the title page: wider than the screen').toEqual([]);
    await page.close();
  });
});
