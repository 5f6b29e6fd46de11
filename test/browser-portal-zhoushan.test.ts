// Zhoushan by the live room, in Debian's Chromium at phone size (390×844) (seeds/zhoushan-green-live-room.txt
// 六、（二）组织申报: the live room applies of its own accord, the county pre-reviews): a live room of 定海区 with
// its portal account applies on its phone (the form, a file, the signed compliance statement); the county
// returns it for material; the room reads why, edits its form and adds the missing file; the county
// officer, also on a phone, sees what changed (field by field, the file added) and passes it; the room sees
// its application move on to the city audit.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openConsole, PHONE, untilRoute, type Console } from './helpers-browser.js';
import { startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { startApi, type Api } from './api-helpers.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { stopFixtures } from './helpers-fixtures.js';
import { activate, invite, type PortalOperator } from './portal-helpers.js';
import { demoUscc } from '../prisma/seed.js';
import { UI_DIR } from '../api/server.js';

const enc = encodeURIComponent;
const OFFICER = 'officer.dinghai';
let h: Harness;
let api: Api;
let room: PortalOperator;
let campaignId: string;
let operatorUi: Console;
let officerUi: Console;

const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name} ${Date.now()}\n`) });
/** Nothing wider than the phone: no sideways scrolling. */
const fitsPhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h, UI_DIR);
  const officer = await api.login(OFFICER);
  const uscc = demoUscc('330902', randomInt(200_000, 2_000_000));
  const name = `定海手机直播间${Date.now().toString(36)}`;
  const made = await api.call('POST', '/operators', {
    token: officer,
    body: { name, uscc, kind: 'live_room', jurisdictionId: '330902', registeredOn: '2019-03-01' },
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  room = await activate(api, { id: made.body.id, uscc, name, caseId: '' }, (await invite(api, officer, made.body.id)).code);
  const launched = await api.call('POST', '/campaigns', {
    token: await api.login('coord.zhoushan'),
    body: {
      programme: 'zhoushan',
      year: await uniqueYear(h.db),
      jurisdictionId: '330900',
      stages: calendarOpenAt('application', 600_000, 'zhoushan'),
      reminderLeadHours: 0,
    },
  });
  expect(launched.status, JSON.stringify(launched.body)).toBe(201);
  campaignId = launched.body.id;
  room.caseId = `${campaignId}:${room.id}`;
  await waitFor(() => h.db.stage.findFirst({ where: { campaignId, key: 'application', status: 'open' } }), 'the application stage open');
  [operatorUi, officerUi] = await Promise.all([openConsole(api.url, PHONE), openConsole(api.url, PHONE)]);
}, 120_000);
afterAll(async () => {
  if (campaignId) await stopFixtures(h, [campaignId]);
  await operatorUi?.close();
  await officerUi?.close();
  await api?.close();
  await h?.stop();
});

describe('Zhoushan by the live room, on a phone', () => {
  it('the room applies, is returned, edits its form and passes; the county officer sees what changed', async () => {
    // The room, signed in with its credit code: 我的申报 → 我要申报.
    const page = await operatorUi.signIn(room.uscc, room.password);
    await page.waitForSelector('[data-testid="portal-layout"]');
    await page.getByRole('tab', { name: '我的申报' }).click();
    await page.click('[data-testid="zhoushan-apply-button"]');
    const campaign = page.locator(`[data-testid="zhoushan-open-campaign"][data-campaign-id="${campaignId}"]`);
    await campaign.locator('input[type="radio"]').check();
    await page.waitForSelector('[data-testid="zhoushan-apply-form"]');
    // The 12 criteria the city will judge are there to read.
    await campaign.locator('[data-testid="zhoushan-criteria"]').click();
    expect(await campaign.locator('[data-testid="zhoushan-criteria"] li').count()).toBe(12);

    // The twelve fields of the county officer's form, a file, the statement signed by name.
    const form = page.locator('[data-testid="zhoushan-apply-form"]');
    await form.locator('input[name="form.liveRoomName"]').fill('海岛鲜生手机直播间');
    await form.locator('input[name="form.address"]').fill('舟山市定海区某路 8 号');
    await form.locator('input[name="form.contactName"]').fill('王某');
    await form.locator('input[name="form.contactPhone"]').fill('0580-1234567');
    await form.locator('input[name="form.platformAccounts.0.account"]').fill('zs_phone_live');
    await form.locator('input[name="mainCategories"]').fill('水产品、海鲜干货');
    await form.locator('input[name="form.streamerCount"]').fill('4');
    await form.locator('input[name="form.certifiedStreamers"]').fill('2');
    await form.locator('input[name="form.annualSalesWan"]').fill('350');
    await form.locator('input[name="form.contentRetentionYears"]').fill('3');
    await page.setInputFiles('[data-testid="zhoushan-attachments-file"]', pdf('营业执照副本.pdf'));
    await page.waitForSelector('[data-testid="zhoushan-attachments"] [data-testid="attachment-chip"]');
    expect(await page.textContent('[data-testid="zhoushan-statement"]')).toContain('连续正常经营满一个会计年度');
    await form.locator('input[name="form.complianceStatement"]').check();
    await form.locator('input[name="signatory"]').fill('王某某');
    await fitsPhone(page);
    // 提交 stays in reach at the bottom of the screen while the form is filled in.
    const submit = await page.locator('[data-testid="zhoushan-apply-submit"]').boundingBox();
    expect(submit!.y + submit!.height).toBeLessThanOrEqual(844);
    await page.screenshot({ path: `${ARTIFACTS}/portal-zhoushan-apply.png`, fullPage: true });
    await page.click('[data-testid="zhoushan-apply-submit"]');

    // Its application, at the county pre-review.
    await untilRoute(page, (hash) => hash === `#/applications/${enc(room.caseId)}`);
    // The form reaches the case's row with the application workflow's first record, a moment after the
    // filing's 201: the page shows the campaign until then (never an id); reloaded once it is there.
    await waitFor(async () => (await h.db.case.findUnique({ where: { id: room.caseId }, select: { application: true } }))?.application, 'the form recorded');
    await page.reload();
    await page.waitForSelector('[data-testid="zhoushan-steps"]');
    expect(await page.textContent('[data-testid="zhoushan-live-room"]')).toContain('海岛鲜生手机直播间');
    expect(await page.locator('[data-testid="zhoushan-steps"] [data-state="current"]').textContent()).toContain('县级预审');
    await fitsPhone(page);
    await page.screenshot({ path: `${ARTIFACTS}/portal-zhoushan-filed.png`, fullPage: true });

    // The county returns it for material.
    const first = await waitFor(() => h.db.task.findFirst({ where: { caseId: room.caseId, type: 'pre_review', status: 'open' } }), 'the pre-review');
    const officerToken = await api.login(OFFICER);
    const returned = await api.call('POST', `/tasks/${enc(first.id)}/complete`, {
      token: officerToken,
      body: { decision: 'return', reason: '留存年限不足', missing: ['主播资质证书'] },
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    await waitFor(() => h.db.task.findFirst({ where: { caseId: room.caseId, type: 'resubmission', status: 'open' } }), 'the return');

    // The room reads why, edits its form and adds the certificate.
    await page.reload();
    await page.waitForSelector('[data-testid="zhoushan-returned"]');
    expect(await page.textContent('[data-testid="zhoushan-returned"]')).toContain('留存年限不足');
    expect(await page.textContent('[data-testid="zhoushan-missing"]')).toContain('主播资质证书');
    await page.click('[data-testid="zhoushan-edit"]');
    const edit = page.locator('[data-testid="zhoushan-resubmit-form"]');
    await edit.waitFor();
    expect(await edit.locator('input[name="form.liveRoomName"]').inputValue()).toBe('海岛鲜生手机直播间');
    await edit.locator('input[name="form.contentRetentionYears"]').fill('5');
    await page.setInputFiles('[data-testid="zhoushan-new-attachments-file"]', pdf('主播资质证书.pdf'));
    await page.waitForSelector('[data-testid="zhoushan-new-attachments"] [data-testid="attachment-chip"]');
    await fitsPhone(page);
    await page.screenshot({ path: `${ARTIFACTS}/portal-zhoushan-edit.png`, fullPage: true });
    await page.click('[data-testid="zhoushan-resubmit"]');
    await page.waitForSelector('[data-testid="zhoushan-returned"]', { state: 'detached' });
    await waitFor(async () => (await h.db.applicationVersion.count({ where: { caseId: room.caseId } })) === 2, 'version 2');

    // The county officer, on a phone, sees what changed and passes it.
    const second = await waitFor(() => h.db.task.findFirst({ where: { caseId: room.caseId, type: 'pre_review', status: 'open' } }), 'the second pre-review');
    expect(second.id).not.toBe(first.id);
    const officer = await officerUi.signIn(OFFICER);
    await officer.goto(`${api.url}/#/tasks/${enc(second.id)}/show`);
    await officer.waitForSelector('[data-testid="pre-review-form"]');
    const changes = officer.locator('[data-testid="application-changes"]');
    await changes.waitFor();
    const row = changes.locator('[data-testid="application-change"][data-field="contentRetentionYears"]');
    expect(await changes.locator('[data-testid="application-change"]').count()).toBe(1);
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('直播内容留存年限');
    expect(rowText).toMatch(/3 年.*5 年/);
    expect(await changes.locator('[data-testid="application-files-added"]').textContent()).toContain('主播资质证书.pdf');
    // The changed field is marked in the application itself too.
    expect(await officer.locator('[data-testid="application-details"] [data-testid="application-changed"]').textContent()).toContain('5 年');
    await fitsPhone(officer);
    await officer.screenshot({ path: `${ARTIFACTS}/portal-zhoushan-pre-review-changes.png`, fullPage: true });
    await officer.locator('[data-testid="pre-review-form"] input[name="decision"][value="pass"]').check();
    await officer.click('[data-testid="complete-task"]');
    await officer.waitForSelector('[data-testid="pre-review-result"]');

    // The room sees its application with the city now.
    await waitFor(() => h.db.task.findFirst({ where: { caseId: room.caseId, type: 'city_audit', status: 'open' } }), 'the city audit');
    await page.reload();
    await page.waitForSelector('[data-testid="zhoushan-steps"]');
    expect(await page.locator('[data-testid="zhoushan-steps"] [data-state="current"]').textContent()).toContain('市级审核');
    expect(await page.locator('[data-testid="zhoushan-version"]').count()).toBe(2);
    await page.getByRole('tab', { name: '我的申报' }).click();
    const card = page.locator(`[data-testid="zhoushan-application-card"][data-case-id="${room.caseId}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain('市级审核');
    await fitsPhone(page);
    await page.screenshot({ path: `${ARTIFACTS}/portal-zhoushan-passed.png`, fullPage: true });
  });
});
