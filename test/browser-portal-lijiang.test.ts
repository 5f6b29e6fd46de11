// The Lijiang applicant in its portal on a phone (390×844 in Debian's Chromium): it signs in with its
// USCC, finds the register taking applications under 入库申报, files a product (附件1 第17条) — first with
// items missing, named under their inputs and nothing filed — then follows it: admitted by the office, it
// hears of it under 消息 (the tab's badge counts it) and the notice leads back to the application. No page
// is wider than the screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openConsole, PHONE, untilRoute, type Console } from './helpers-browser.js';
import { startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { startApi, type Api } from './api-helpers.js';
import { operatorWithAccount } from './helpers-operators.js';
import type { PortalOperator } from './portal-helpers.js';
import { shanghaiDate } from '../domain/time.js';
import { UI_DIR } from '../api/server.js';

const enc = encodeURIComponent;
const DAY = 86_400_000;
const WIDTH = PHONE.viewport!.width;
let h: Harness;
let api: Api;
let ui: Console;
let campaignId: string;
let applicant: PortalOperator;
const staff: Record<string, string> = {};

const pageWidth = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth);
async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h, UI_DIR);
  for (const u of ['officer.gucheng', 'coord.lijiang', 'auditor.lijiang']) staff[u] = await api.login(u);
  applicant = await operatorWithAccount(api, staff['officer.gucheng']!, '530702', `丽江门户手机申报${Date.now().toString(36)}`);
  const now = Date.now();
  const r = await api.call('POST', '/campaigns', {
    token: staff['coord.lijiang'],
    body: {
      programme: 'lijiang',
      year: await uniqueYear(h.db),
      jurisdictionId: '530700',
      stages: [{ key: 'intake', startsAt: new Date(now + 300).toISOString(), dueAt: shanghaiDate(now + 365 * DAY) }],
      reminderLeadHours: 0,
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  campaignId = r.body.id;
  await waitFor(() => h.db.stage.findFirst({ where: { campaignId, key: 'intake', status: 'open' } }), 'the window open');
  ui = await openConsole(api.url, PHONE);
}, 120_000);
afterAll(async () => {
  if (campaignId)
    await h?.env.client.workflow
      .getHandle(`campaign-${campaignId}`)
      .terminate('test done')
      .catch(() => {});
  await ui?.close();
  await api?.close();
  await h?.stop();
});

describe('the Lijiang applicant on a phone', () => {
  it('files its own product, sees what was missing, follows the admission and hears of it', async () => {
    const page = await ui.signIn(applicant.uscc, applicant.password);
    await page.waitForSelector('[data-testid="portal-layout"]');
    await page.getByRole('tab', { name: '入库申报' }).click();
    const card = page.locator(`[data-testid="lijiang-open-campaign"][data-campaign-id="${campaignId}"]`);
    await card.waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: `${ARTIFACTS}/portal-lijiang-open.png`, fullPage: true });
    await card.locator('[data-testid="lijiang-apply-product"]').click();
    await page.waitForSelector('[data-testid="lijiang-form-product"]');

    // Sent without the items the standard requires: each is named (附件1 第1–14条), nothing is filed.
    const productName = `丽江雪桃${campaignId.slice(-4)}`;
    await page.fill('input[name="form.productName"]', productName);
    await choose(page, '产品类别', '高原特色初级农产品');
    await page.fill('input[name="form.liveLinks.0.url"]', 'https://v.douyin.com/portal/');
    await page.click('[data-testid="lijiang-submit"]');
    await page.waitForSelector('[data-testid="lijiang-problem"]');
    const problem = (await page.textContent('[data-testid="lijiang-problem"]')) ?? '';
    expect(problem).toContain('缺少必填项');
    expect(problem).toContain('等级');
    expect(await h.db.registerEntry.count({ where: { campaignId } })).toBe(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: `${ARTIFACTS}/portal-lijiang-missing.png`, fullPage: true });

    await page.fill('input[name="form.grade"]', '一级果');
    await page.fill('input[name="form.specifications"]', '5 kg / 箱');
    await page.fill('input[name="form.executionStandard"]', 'GB/T 13607');
    await page.locator('input[name="form.dropshipping"][value="yes"]').check();
    await page.fill('input[name="form.shipping"]', '顺丰冷链，48 小时内发货');
    await page.fill('input[name="form.dailyVolume"]', '500');
    await page.fill('input[name="form.serviceHours.daysPerWeek"]', '5');
    await page.fill('input[name="form.serviceHours.hoursPerDay"]', '8');
    // The submit button stays in reach at the bottom of the screen (layout/StickyActions).
    const submit = await page.locator('[data-testid="lijiang-submit"]').boundingBox();
    expect(submit!.y + submit!.height).toBeLessThanOrEqual(PHONE.viewport!.height);
    await page.click('[data-testid="lijiang-submit"]');
    await untilRoute(page, (hash) => hash.startsWith('#/register/') && !hash.startsWith('#/register/apply'));
    const entry = await waitFor(() => h.db.registerEntry.findFirst({ where: { campaignId, name: productName } }), 'the entry');
    expect(entry.operatorId).toBe(applicant.id);
    await page.waitForSelector('[data-testid="lijiang-status"][data-status="queued"]');
    expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);

    // The office admits it in a batch; the applicant sees it, and hears of it under 消息.
    expect(
      (
        await api.call('POST', `/campaigns/${enc(campaignId)}/intake-batches`, {
          token: staff['auditor.lijiang'],
          body: { reviewDueAt: shanghaiDate(Date.now() + 10 * DAY) },
        })
      ).status,
    ).toBe(201);
    const review = await waitFor(() => h.db.task.findFirst({ where: { caseId: entry.id, type: 'intake_review', status: 'open' } }), 'the review');
    expect(
      (await api.call('POST', `/tasks/${enc(review.id)}/complete`, { token: staff['auditor.lijiang'], body: { decision: 'admitted', note: '材料齐全' } }))
        .status,
    ).toBe(200);
    await waitFor(() => h.db.notification.findFirst({ where: { caseId: entry.id, recipientRole: 'operator' } }), 'the notice');
    await page.reload();
    await page.waitForSelector('[data-testid="lijiang-status"][data-status="admitted"]');
    expect(await page.textContent('[data-testid="lijiang-decisions"]')).toContain('材料齐全');
    await page.waitForSelector('[data-testid="portal-notification-badge"][data-unread="1"]');
    await page.screenshot({ path: `${ARTIFACTS}/portal-lijiang-admitted.png`, fullPage: true });
    await page.getByRole('tab', { name: /消息/ }).click();
    const notice = page.locator('[data-testid="portal-notification"][data-kind="decision"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('审核通过，予以入库');
    expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: `${ARTIFACTS}/portal-notifications.png`, fullPage: true });
    await notice.click();
    await untilRoute(page, (hash) => hash === `#/register/${enc(entry.id)}`);
    await page.waitForSelector('[data-testid="portal-notification-badge"][data-unread="0"]');
    await page.close();
  });
});
