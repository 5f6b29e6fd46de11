// The task inbox in Debian's Chromium (README "The task inbox"): a station officer opens 本单位待认领, submits
// an unclaimed inspection without claiming it first, and is shown as its handler and completer, by name
// and with the time, on the task and in 已办; a colleague releases the task they hold (释放) and takes
// another (认领) from the tabs; a coordinator delegates a task with a reason (转交). The coordinator's list
// is not titled 我的待办, 全部 is theirs and not the officer's, and 评分 appears once in the type filter.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, untilRoute } from './helpers-browser.js';
import { uniqueYear, waitFor } from './helpers.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { consoleSuite } from './helpers-console-suite.js';
import { startApi } from './api-helpers.js';
import { openConsole } from './helpers-browser.js';
import { UI_DIR } from '../api/server.js';

const enc = encodeURIComponent;
const suite = consoleSuite();

const nameOf = async (id: string) => (await suite.h.db.user.findUniqueOrThrow({ where: { id } })).displayName;
const task = (id: string) => suite.h.db.task.findUniqueOrThrow({ where: { id } });
/** The list's row (desktop: a table) of a task title. */
const row = (page: Page, title: string) => page.locator('#main-content tbody tr', { hasText: title });
const openView = async (page: Page, view: string) => {
  await page.click(`[data-testid="task-view-${view}"]`);
  await untilRoute(page, (hash) => decodeURIComponent(hash).includes(`"view":"${view}"`));
};

/** A campaign at its inspections for three operators of 雉城所 (330522001): its id and the three, by case. */
async function threeInspections() {
  const operators = await suite.h.db.operator.findMany({
    where: { jurisdictionId: '330522001', id: { startsWith: 'op-cx-' } },
    orderBy: { id: 'asc' },
    take: 3,
  });
  const launched = await suite.api.call('POST', '/campaigns', {
    token: await suite.api.login('coord.changxing'),
    body: {
      programme: 'changxing',
      year: await uniqueYear(suite.h.db),
      jurisdictionId: '330522',
      stages: calendarOpenAt('rectification', 600_000),
      reminderLeadHours: 0,
      operatorIds: operators.map((o) => o.id),
    },
  });
  expect(launched.status, JSON.stringify(launched.body)).toBe(201);
  const campaignId = launched.body.id as string;
  suite.workflows.push((await suite.h.db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).workflowId);
  const inspections = await waitFor(async () => {
    const t = await suite.h.db.task.findMany({ where: { campaignId, type: 'inspection', status: 'open' }, orderBy: { caseId: 'asc' } });
    return t.length === 3 && t;
  }, 'the three inspections');
  return { campaignId, inspections };
}

describe('the task inbox', () => {
  it('an officer submits an unclaimed task and is its handler; a colleague releases and takes another', async () => {
    const {
      campaignId,
      inspections: [a, b, c],
    } = await threeInspections();
    // The county's officer already holds b.
    const changxingToken = await suite.api.login('officer.changxing');
    expect((await suite.api.call('POST', `/tasks/${enc(b!.id)}/claim`, { token: changxingToken })).status).toBe(200);
    const [zhicheng, changxing] = [await nameOf('u-officer-zhicheng'), await nameOf('u-officer-changxing')];

    // officer.zhicheng: the inbox opens on 我的 (nothing held yet); 本单位待认领 has a and c, not b; no 全部.
    const page = await suite.ui.signIn('officer.zhicheng');
    await page.goto(`${suite.api.url}/#/tasks?filter=${enc(JSON.stringify({ campaignId, view: 'mine' }))}`);
    await page.waitForSelector('[data-testid="task-views"]');
    expect(await page.textContent('[data-testid="task-list-title"]')).toBe('我的待办');
    expect(await page.locator('[data-testid="task-view-all"]').count()).toBe(0);
    await openView(page, 'unclaimed');
    await row(page, a!.title).waitFor();
    expect(await page.textContent('[data-testid="task-list-title"]')).toBe('本单位待认领');
    expect(await row(page, c!.title).count()).toBe(1);
    expect(await row(page, b!.title).count()).toBe(0);

    // a, submitted without claiming it first.
    await row(page, a!.title).click();
    await untilRoute(page, (hash) => hash === `#/tasks/${enc(a!.id)}/show`);
    expect((await page.textContent('[data-testid="task-handler"]'))?.trim()).toBe('未认领');
    const form = page.locator('[data-testid="inspection-form"]');
    await form.waitFor();
    await form.locator('input[name="method"][value="sampling"]').check();
    await form.locator('[data-testid^="area-"]').first().locator('input[value="ok"]').check();
    await page.click('[data-testid="complete-task"]');
    const done = await waitFor(async () => {
      const t = await task(a!.id);
      return t.status === 'done' && t;
    }, 'a completed');
    expect(done).toMatchObject({ claimedById: 'u-officer-zhicheng', completedById: 'u-officer-zhicheng' });
    // Shown as its handler and completer, by name, with the time; never the user id.
    await page.waitForSelector('[data-testid="inspection-result"]');
    await page.locator('[data-testid="task-handler"]', { hasText: zhicheng }).waitFor();
    expect((await page.textContent('[data-testid="task-handler"]'))?.trim()).toBe(zhicheng);
    expect((await page.textContent('[data-testid="task-completed-by"]'))?.trim()).toBe(zhicheng);
    expect(await page.textContent('#main-content')).not.toContain('u-officer-zhicheng');
    await page.screenshot({ path: `${ARTIFACTS}/inbox-completed-unclaimed.png`, fullPage: true });

    // 已办: a, with who completed it and when.
    await page.goto(`${suite.api.url}/#/tasks?filter=${enc(JSON.stringify({ campaignId, view: 'done' }))}`);
    const doneRow = row(page, a!.title);
    await doneRow.waitFor();
    expect(await page.textContent('[data-testid="task-list-title"]')).toBe('我的已办');
    expect(await doneRow.locator('[data-testid="task-handler"]').textContent()).toBe(zhicheng);
    const doneText = (await doneRow.textContent()) ?? '';
    expect(doneText.split(zhicheng).length - 1, 'handler and completer by name').toBe(2);
    expect(doneText).not.toContain('u-officer');
    await page.close();

    // officer.changxing, a colleague: releases b (释放) on its page, then takes c (认领) from 本单位待认领.
    const colleague = await suite.ui.signIn('officer.changxing');
    await colleague.goto(`${suite.api.url}/#/tasks?filter=${enc(JSON.stringify({ campaignId, view: 'mine' }))}`);
    await row(colleague, b!.title).click();
    await untilRoute(colleague, (hash) => hash === `#/tasks/${enc(b!.id)}/show`);
    await colleague.click('[data-testid="release-task"]');
    await waitFor(async () => (await task(b!.id)).claimedById === null, 'b released');
    await colleague.locator('[data-testid="claim-task"]').waitFor();
    expect((await colleague.textContent('[data-testid="task-handler"]'))?.trim()).toBe('未认领');
    await colleague.goto(`${suite.api.url}/#/tasks?filter=${enc(JSON.stringify({ campaignId, view: 'unclaimed' }))}`);
    const cRow = row(colleague, c!.title);
    await cRow.waitFor();
    expect(await row(colleague, b!.title).count(), 'b released is back to claim').toBe(1);
    await cRow.locator('[data-testid="claim-task"]').click();
    await waitFor(async () => (await task(c!.id)).claimedById === 'u-officer-changxing', 'c claimed');
    await openView(colleague, 'mine');
    await row(colleague, c!.title).waitFor();
    expect(await row(colleague, b!.title).count()).toBe(0);
    expect(await row(colleague, c!.title).locator('[data-testid="task-handler"]').textContent()).toBe(changxing);
    await colleague.screenshot({ path: `${ARTIFACTS}/inbox-colleague-mine.png`, fullPage: true });
    await colleague.close();
    const audit = await suite.h.db.auditEvent.findMany({ where: { entityType: 'task', entityId: { in: [b!.id, c!.id] } }, orderBy: { id: 'asc' } });
    expect(audit.filter((e) => e.action.startsWith('task.') && e.action !== 'task.created').map((e) => [e.entityId, e.action, e.actorId])).toEqual([
      [b!.id, 'task.claimed', 'u-officer-changxing'],
      [b!.id, 'task.released', 'u-officer-changxing'],
      [c!.id, 'task.claimed', 'u-officer-changxing'],
    ]);

    // The coordinator: 全部, titled for the county (not 我的待办); delegates c back to the station with a reason.
    const coordPage = await suite.ui.signIn('coord.changxing');
    await coordPage.goto(`${suite.api.url}/#/tasks?filter=${enc(JSON.stringify({ campaignId, view: 'all', status: 'open' }))}`);
    await row(coordPage, c!.title).waitFor();
    const title = (await coordPage.textContent('[data-testid="task-list-title"]')) ?? '';
    expect(title).not.toBe('我的待办');
    expect(title).toContain('全部任务');
    // The task-type filter: 评分 once (a rubric is 细则评分).
    await coordPage.goto(
      `${suite.api.url}/#/tasks?filter=${enc(JSON.stringify({ campaignId, view: 'all', status: 'open' }))}&displayedFilters=${enc(JSON.stringify({ type: true }))}`,
    );
    await coordPage.getByRole('combobox', { name: '任务类型' }).click();
    const options = await coordPage.locator('[role="listbox"] [role="option"]').allTextContents();
    expect(options.filter((o) => o.trim() === '评分')).toHaveLength(1);
    expect(options).toContain('细则评分');
    await coordPage.keyboard.press('Escape');

    await coordPage.goto(`${suite.api.url}/#/tasks/${enc(c!.id)}/show`);
    await coordPage.click('[data-testid="delegate-task"]');
    const dialog = coordPage.locator('[data-testid="delegate-dialog"]');
    await dialog.locator('[data-testid="delegate-choices"] label', { hasText: zhicheng }).click();
    await coordPage.fill('[data-testid="delegate-dialog-reason"]', '雉城所就近检查');
    await coordPage.click('[data-testid="delegate-dialog-confirm"]');
    await waitFor(async () => (await task(c!.id)).claimedById === 'u-officer-zhicheng', 'c delegated');
    await coordPage.locator('[data-testid="task-handler"]', { hasText: zhicheng }).waitFor();
    expect((await coordPage.textContent('[data-testid="task-handler"]'))?.trim()).toBe(zhicheng);
    const delegated = await suite.h.db.auditEvent.findFirstOrThrow({ where: { entityId: c!.id, action: 'task.delegated' } });
    expect(delegated).toMatchObject({ actorId: 'u-coord-changxing', reason: '雉城所就近检查' });
    await coordPage.close();
  });

  it('pages a list it does not count: beyond the cap the tabs say "N+" and the rows still come', async () => {
    const { campaignId, inspections } = await threeInspections();
    // An API that counts two rows at most (api/list.ts LIST_TOTAL_CAP is 10,000): three are more than it counts.
    const capped = await startApi(suite.h, UI_DIR, { listTotalCap: 2 });
    const ui = await openConsole(capped.url);
    try {
      const page = await ui.signIn('officer.zhicheng');
      await page.goto(`${capped.url}/#/tasks?filter=${enc(JSON.stringify({ campaignId, view: 'unclaimed' }))}`);
      await page.waitForSelector('[data-testid="task-view-unclaimed"]');
      await expect.poll(() => page.textContent('[data-testid="task-view-unclaimed"]')).toContain('（2+）');
      for (const t of inspections) await expect.poll(() => row(page, t.title).count()).toBe(1);
      expect(await page.textContent('#main-content')).not.toMatch(/NaN|undefined/);
      await page.close();
    } finally {
      await ui.close();
      await capped.close();
    }
  });
});
