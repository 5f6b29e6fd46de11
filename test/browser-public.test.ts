// The public pages in Debian's Chromium at phone size (390×844), without signing in (README "Public pages
// and objections (公示与异议)"): during a Changxing 公示 an anonymous visitor finds the list, reads it (the
// issuing bureau, the window's dates, the objection contact; printed without the buttons), lodges an
// objection with a photo and gets its reference number; the coordinator resolves it through the API; the
// visitor then looks the number up and reads the outcome, in Chinese and in English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openConsole, PHONE, untilCount, type Console } from './helpers-browser.js';
import { startHarness, waitFor, type Harness } from './helpers.js';
import { startApi, type Api } from './api-helpers.js';
import { stopFixtures } from './helpers-fixtures.js';
import { changxingInPublicity, PNG, type Publicity } from './helpers-public.js';
import { UI_DIR } from '../api/server.js';

let h: Harness;
let api: Api;
let ui: Console;
let cx: Publicity;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h, UI_DIR);
  for (const u of ['coord.changxing', 'auditor.changxing']) tokens[u] = await api.login(u);
  // A window long enough for a busy machine; the test never waits for it to end.
  cx = await changxingInPublicity(h, api.call, tokens['coord.changxing']!, tokens['auditor.changxing']!, 10 * 60_000);
  ui = await openConsole(api.url, PHONE);
}, 180_000);
afterAll(async () => {
  if (cx) await stopFixtures(h, [cx.campaignId]);
  await ui?.close();
  await api?.close();
  await h?.stop();
});

/** Nothing wider than the phone's screen: no sideways scrolling. */
const fitsThePhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('public pages at phone size, without signing in', () => {
  it('an anonymous visitor lodges an objection during the 公示 and later reads its outcome', async () => {
    const page = await ui.browser.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${api.url}/#/public/rosters`);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${api.url}/#/public/rosters`);
    // Chinese first, and not the sign-in page.
    await page.getByText('公示公告').first().waitFor();
    expect(page.url()).toContain('#/public/rosters');

    // This campaign's year: its 公示, open for objections.
    await page.getByTestId('public-filter-year').fill(String(cx.year));
    const card = page.getByTestId('public-roster-card');
    await untilCount(page, '[data-testid="public-roster-card"]', 1);
    expect(await card.getAttribute('data-kind')).toBe('publicity');
    expect(await card.textContent()).toContain('公示中');
    expect(await fitsThePhone(page)).toBe(true);
    await card.click();

    // The notice: bureau, dates, contact, and the entries as cards.
    await page.getByTestId('public-roster-title').waitFor();
    expect(await page.getByTestId('public-bureau').textContent()).toBe('长兴县');
    expect(await page.getByTestId('public-window').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} 至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await page.getByTestId('public-contact').textContent()).toContain('长兴县');
    await untilCount(page, '[data-testid="public-entry-card"]', 2);
    expect(await page.getByTestId('public-entries-table').isVisible()).toBe(false);
    expect(await fitsThePhone(page)).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/public-roster-phone.png`, fullPage: true });

    // Printed: the bureau header, dates and contact stay, the buttons go; the entries print as a table.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('public-object').isVisible()).toBe(false);
    expect(await page.getByTestId('public-language').isVisible()).toBe(false);
    expect(await page.getByTestId('public-bureau').isVisible()).toBe(true);
    expect(await page.getByTestId('public-contact').isVisible()).toBe(true);
    expect(await page.getByTestId('public-entries-table').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // The objection, against the second entry, with a photo.
    const second = (await api.call('GET', `/public/rosters/${encodeURIComponent(cx.rosterId)}`)).body.entries[1] as { operatorName: string };
    await page.getByTestId('public-object').click();
    const form = page.getByTestId('public-objection-form');
    await form.waitFor();
    await form.getByLabel('异议对象').click();
    await page.getByRole('option', { name: `2. ${second.operatorName}`, exact: true }).click();
    await form.getByLabel('姓名或单位名称').fill('李女士');
    await form.getByLabel('联系电话或电子邮箱').fill('li@example.com');
    await form.getByLabel('异议理由').fill('十月在该直播间购买的商品标签与实物不符，已保存订单截图。');
    await page.getByTestId('objection-file').setInputFiles({ name: '截图.png', mimeType: 'image/png', buffer: PNG });
    expect(await page.getByTestId('objection-file-name').textContent()).toBe('截图.png');
    expect(await fitsThePhone(page)).toBe(true);
    // The submit button is in reach: within the screen once scrolled to.
    await page.getByTestId('objection-submit').scrollIntoViewIfNeeded();
    const box = await page.getByTestId('objection-submit').boundingBox();
    expect(box && box.y + box.height <= 844 && box.width >= 44).toBe(true);
    await page.getByTestId('objection-submit').click();

    // The success page: its reference number, large.
    await page.getByTestId('objection-lodged').waitFor();
    const reference = ((await page.getByTestId('objection-reference').textContent()) ?? '').trim();
    expect(reference).toMatch(/^\d{2}-GS-\d{6}-[0-9A-Z]{6}$/);
    expect(page.url()).toContain(`#/public/objections/${reference}`);
    expect(await page.getByTestId('objection-status').textContent()).toBe('处理中');
    await page.screenshot({ path: `${ARTIFACTS}/public-objection-lodged-phone.png`, fullPage: true });

    // It reached the coordinator's objections, with the file; the coordinator dismisses it through the API.
    const coord = { token: tokens['coord.changxing'] };
    const found = await api.call('GET', `/objections?filter=${encodeURIComponent(JSON.stringify({ reference }))}`, coord);
    expect(found.body).toHaveLength(1);
    expect(found.body[0]).toMatchObject({ source: 'public', contactName: '李女士', contact: 'li@example.com', status: 'open', caseId: cx.cases[1] });
    expect(found.body[0].attachmentId).toBeTruthy();
    // In the console (a browser of its own): the number, who to reply to, and that the resolution is public.
    const desk = await openConsole(api.url);
    try {
      const staff = await desk.signIn('coord.changxing');
      await staff.goto(`${api.url}/#/objections/${encodeURIComponent(found.body[0].id)}/show`);
      await staff.getByTestId('objection-public-notice').waitFor();
      expect(await staff.getByTestId('objection-public-notice').textContent()).toContain(reference);
      expect(await staff.textContent('body')).toContain('李女士');
      expect(await staff.getByTestId('objection-attachment').isVisible()).toBe(true);
    } finally {
      await desk.close();
    }
    const resolved = await api.call('POST', `/objections/${encodeURIComponent(found.body[0].id)}/resolve`, {
      ...coord,
      body: { decision: 'dismissed', resolution: '经核查，标签已于十一月更正，异议不成立。' },
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);

    // Later, from the lookup page: the outcome, in Chinese, then in English.
    await page.goto(`${api.url}/#/public/objections`);
    await page.getByTestId('objection-lookup').fill(reference.toLowerCase());
    await page.getByRole('button', { name: '查询' }).click();
    await waitFor(
      async () =>
        (await page
          .getByTestId('objection-status')
          .textContent()
          .catch(() => '')) === '异议不成立',
      'the outcome on the page',
    );
    expect(await page.getByTestId('objection-resolution').textContent()).toBe('经核查，标签已于十一月更正，异议不成立。');
    expect(await page.getByTestId('objection-resolved-at').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await page.textContent('body')).not.toContain('李女士');
    expect(await fitsThePhone(page)).toBe(true);
    await page.getByTestId('public-language').click();
    await page
      .getByTestId('objection-status')
      .filter({ hasText: /^Dismissed$/ })
      .waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/public-objection-outcome-phone.png`, fullPage: true });
    await page.close();
  });
});
