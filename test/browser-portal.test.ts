// The operators' portal in Debian's Chromium at phone size (390×844): officer.zhicheng opens an operator
// of its station, sends it an invitation and reads the printable sheet (code, USCC, name, portal address,
// expiry; a print stylesheet that prints the sheet alone); the operator sets its password on #/activate
// with the USCC and the code, lands in its portal signed in, and finds its case on 我的案件 as a card; a
// later sign-in with the USCC takes the 经营主体 way in. The shared setup is test/portal-helpers.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, openConsole, PHONE, untilRoute, type Console } from './helpers-browser.js';
import { startHarness, waitFor, type Harness } from './helpers.js';
import { startApi, type Api } from './api-helpers.js';
import { activate, goodPassword, invite, OFFICER, portalSetup, type PortalSetup } from './portal-helpers.js';
import { UI_DIR } from '../api/server.js';

let h: Harness;
let api: Api;
let s: PortalSetup;
let officerUi: Console;
let operatorUi: Console;

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h, UI_DIR);
  // Operator B is activated through the API; A is invited and activated through the console below.
  s = await portalSetup(h, api, { activate: ['b'] });
  [officerUi, operatorUi] = await Promise.all([openConsole(api.url, PHONE), openConsole(api.url, PHONE)]);
}, 120_000);
afterAll(async () => {
  if (s)
    await h.env.client.workflow
      .getHandle(`campaign-${s.campaignId}`)
      .terminate('test done')
      .catch(() => undefined);
  await officerUi?.close();
  await operatorUi?.close();
  await api?.close();
  await h?.stop();
});

describe('the operators’ portal on a phone', () => {
  it('an officer invites; the operator activates with the printed code, signs in with its USCC and sees its case', async () => {
    const a = s.a;
    // The officer: 门户账号 on the operator, 发送邀请, the sheet shown once.
    const officer = await officerUi.signIn('officer.zhicheng');
    await officer.goto(`${api.url}/#/operators/${encodeURIComponent(a.id)}/show`);
    await officer.waitForSelector('[data-testid="portal-account-status"][data-status="none"]');
    await officer.click('[data-testid="portal-invite"]');
    await officer.click('.ra-confirm');
    const sheet = officer.locator('[data-testid="invitation-sheet"]');
    await sheet.waitFor();
    const code = ((await sheet.locator('[data-testid="invitation-code"]').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const text = (await sheet.textContent()) ?? '';
    expect(text).toContain(a.uscc);
    expect(text).toContain(a.name);
    expect(text).toContain('#/activate');
    expect(text).toContain('有效期至');
    // Printed, the sheet alone: the console behind it is hidden, and so are the dialog's buttons.
    await officer.emulateMedia({ media: 'print' });
    expect(await officer.locator('#root').isVisible()).toBe(false);
    expect(await sheet.locator('[data-testid="invitation-print"]').isVisible()).toBe(false);
    expect(await sheet.locator('[data-testid="invitation-code"]').isVisible()).toBe(true);
    await officer.screenshot({ path: `${ARTIFACTS}/portal-invitation-print.png`, fullPage: true });
    await officer.emulateMedia({ media: 'screen' });
    await officer.screenshot({ path: `${ARTIFACTS}/portal-invitation.png` });
    await officer.click('[data-testid="invitation-close"]');
    await officer.waitForSelector('[data-testid="portal-invitations"]');
    expect(await officer.locator('[data-testid="portal-invitations"]').textContent()).toContain('待使用');

    // The operator: the sign-in page's second way in leads to #/activate.
    const page = await operatorUi.browser.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${api.url}/#/login`);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${api.url}/#/login`);
    await page.click('[data-testid="login-way-operator"]');
    await page.getByLabel('统一社会信用代码').first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/portal-login.png` });
    await page.click('[data-testid="login-activate-link"]');
    await untilRoute(page, (hash) => hash === '#/activate');
    const password = goodPassword();
    await page.fill('input[name="uscc"]', a.uscc);
    await page.fill('input[name="code"]', code.toLowerCase());
    await page.fill('input[name="password"]', password);
    await page.fill('input[name="repeat"]', password);
    await page.screenshot({ path: `${ARTIFACTS}/portal-activate.png` });
    await page.click('[data-testid="portal-activate-submit"]');

    // Signed in, in the portal: its name in the bar, no staff menu, its case as a card.
    await page.waitForSelector('[data-testid="portal-layout"]');
    await page.waitForSelector(`[data-testid="portal-case-card"][data-case-id="${s.a.caseId}"]`);
    expect(await page.textContent('[data-testid="portal-operator-name"]')).toContain(a.name);
    expect(await page.locator('.RaSidebar-fixed, a[href="#/tasks"].RaMenuItemLink-root').count()).toBe(0);
    // Its case of the fixture's campaign (other files launching in 长兴 meanwhile may enrol it too).
    const card = page.locator(`[data-testid="portal-case-card"][data-case-id="${s.a.caseId}"]`);
    expect(await card.count()).toBe(1);
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toContain('自查自纠');
    expect(cardText).not.toMatch(/self_check/);
    // Nothing wider than the phone: no sideways scrolling, the sign-out button on screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const signOut = await page.locator('[data-testid="portal-sign-out"]').boundingBox();
    expect(signOut!.x + signOut!.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${ARTIFACTS}/portal-my-cases.png`, fullPage: true });

    // The case page: the stages as a stepper, its self-check task to do.
    await card.click();
    await page.waitForSelector('[data-testid="portal-case-stages"]');
    expect(await page.locator('[data-testid="portal-case-tasks"] [data-testid="portal-task-card"]').count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/portal-case.png`, fullPage: true });

    // Signed out, it signs in again the 经营主体 way with its USCC in lower case.
    await page.click('[data-testid="portal-sign-out"]');
    await untilRoute(page, (hash) => hash.startsWith('#/login'));
    await page.click('[data-testid="login-way-operator"]');
    await page.fill('input[name="username"]', a.uscc.toLowerCase());
    await page.fill('input[name="password"]', password);
    await page.click('button[type="submit"]');
    await page.waitForSelector(`[data-testid="portal-case-card"][data-case-id="${s.a.caseId}"]`);

    // The officer sees the account opened.
    await officer.reload();
    await officer.waitForSelector('[data-testid="portal-account-status"][data-status="active"]');
  });
  // Changxing by the operator (长兴方案 四、（二）自查自纠): operator B, invited by the officer through the API in
  // the setup, does its self-check on its phone with a photo from the camera input; the officer on its phone
  // returns it with a reason, the operator reads it over its previous answers, corrects, and is accepted;
  // operator A, signed in on the same phone, cannot open B's case.
  it('the operator does its self-check with a photo, is returned, corrects it and is accepted; another operator cannot open the case', async () => {
    const b = s.b;
    const enc = encodeURIComponent;
    const page = await operatorUi.signIn(b.uscc, b.password);
    await page.waitForSelector(`[data-testid="portal-case-card"][data-case-id="${b.caseId}"]`);
    await page.click(`[data-testid="portal-case-card"][data-case-id="${b.caseId}"]`);
    await page.click('[data-testid="portal-case-tasks"] [data-testid="portal-task-card"]');
    await page.waitForSelector('[data-testid="portal-self-check-form"]');
    // One area per card, the submit bar on screen while the first card is read.
    expect(await page.locator('[data-testid^="portal-area-"][data-area-missing]').count()).toBe(8);
    const submitBox = await page.locator('[data-testid="portal-self-check-submit"]').boundingBox();
    expect(submitBox!.y + submitBox!.height).toBeLessThanOrEqual(844);
    expect(submitBox!.height).toBeGreaterThanOrEqual(44);
    // Sent before anything is answered: nothing goes, the unanswered cards say so.
    await page.click('[data-testid="portal-self-check-submit"]');
    expect(await page.locator('[data-area-missing="true"]').count()).toBe(8);

    // A photo as the phone's camera gives it (a JPEG), on 准入资质合规 with the issue found and fixed.
    const photo = Buffer.from(
      await page.evaluate(() => {
        const c = document.createElement('canvas');
        c.width = 640;
        c.height = 480;
        const g = c.getContext('2d')!;
        g.fillStyle = '#2e7d32';
        g.fillRect(0, 0, 640, 480);
        g.fillStyle = '#fff';
        g.font = '64px sans-serif';
        g.fillText('营业执照', 180, 260);
        return c.toDataURL('image/jpeg', 0.8).split(',')[1]!;
      }),
      'base64',
    );
    for (const key of ['conduct', 'site', 'quality', 'marketing', 'labels', 'consumer', 'after_sales'])
      await page.click(`[data-testid="portal-area-${key}-compliant"]`);
    await page.click('[data-testid="portal-area-licences-issue"]');
    await page.fill('[data-testid="portal-area-licences-description"]', '营业执照未悬挂');
    expect(await page.locator('[data-testid="portal-area-licences-evidence-camera"]').getAttribute('capture')).toBe('environment');
    expect(await page.locator('[data-testid="portal-area-licences-evidence-camera"]').getAttribute('accept')).toBe('image/*');
    await page.setInputFiles('[data-testid="portal-area-licences-evidence-camera"]', { name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.waitForSelector('[data-testid="portal-area-licences-evidence"] [data-testid="evidence-thumb"] img');
    expect(await page.textContent('[data-testid="portal-self-check-progress"]')).toContain('8 / 8');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${ARTIFACTS}/portal-self-check.png`, fullPage: true });
    await page.click('[data-testid="portal-self-check-submit"]');
    await page.waitForSelector('[data-testid="portal-case-stages"]');
    const first = await h.db.task.findFirstOrThrow({ where: { caseId: b.caseId, type: 'self_check', status: 'done' } });
    const photoId = (first.result as { areas: { key: string; evidence?: string[] }[] }).areas.find((a) => a.key === 'licences')!.evidence![0]!;
    expect(await h.db.attachment.findUniqueOrThrow({ where: { id: photoId } })).toMatchObject({ contentType: 'image/jpeg', caseId: b.caseId });

    // The officer, on its phone: the answers per area with the photo as a thumbnail; returned with a reason.
    const officer = await officerUi.signIn('officer.zhicheng');
    await officer.bringToFront();
    const review = await waitFor(() => h.db.task.findFirst({ where: { caseId: b.caseId, type: 'self_check_review', status: 'open' } }), 'the review');
    await officer.goto(`${api.url}/#/tasks/${enc(review.id)}/show`);
    await officer.waitForSelector('[data-testid="self-check-review-form"] [data-testid="evidence-licences"] [data-testid="evidence-thumb"] img');
    expect(await officer.locator('[data-testid="evidence-licences"] img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(640);
    await officer.screenshot({ path: `${ARTIFACTS}/portal-self-check-review.png`, fullPage: true });
    const reason = '照片未显示营业执照已悬挂，请在经营场所重新拍摄';
    await officer.locator('[data-testid="self-check-review-form"] input[name="decision"][value="returned"]').check();
    await officer.fill('[data-testid="self-check-review-form"] textarea[name="note"]', reason);
    await officer.click('[data-testid="complete-task"]');
    const second = await waitFor(() => h.db.task.findFirst({ where: { caseId: b.caseId, type: 'self_check', status: 'open' } }), 'the returned round');
    expect(second.assigneeRole).toBe('operator');

    // The operator reads the reason over its previous answers and photo, corrects, sends again. (Its page
    // comes to the front: a notification's timer runs only on the focused page.)
    await page.bringToFront();
    await page.goto(`${api.url}/#/tasks/${enc(second.id)}`);
    expect(await page.textContent('[data-testid="portal-task-returned"]')).toContain(reason);
    await page.waitForSelector('[data-testid="self-check-prefilled"]');
    expect(await page.inputValue('[data-testid="portal-area-licences-description"]')).toBe('营业执照未悬挂');
    await page.waitForSelector('[data-testid="portal-area-licences-evidence"] [data-testid="evidence-thumb"] img');
    await page.fill('[data-testid="portal-area-licences-description"]', '营业执照已在经营场所醒目位置悬挂');
    await page.setInputFiles('[data-testid="portal-area-licences-evidence-camera"]', { name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: photo });
    await waitFor(
      async () => (await page.locator('[data-testid="portal-area-licences-evidence"] [data-testid="evidence-upload-item"]').count()) === 2,
      'two photos',
    );
    await page.screenshot({ path: `${ARTIFACTS}/portal-self-check-returned.png`, fullPage: true });
    // The first submit's notification hides after its time on a focused page; headless Chromium tells a
    // page brought to the front no 'focus', which MUI's snackbar waits for to run its timer.
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.locator('.RaNotification-success').waitFor({ state: 'detached' });
    await page.click('[data-testid="portal-self-check-submit"]');
    await page.waitForSelector('[data-testid="portal-case-stages"]');

    const review2 = await waitFor(() => h.db.task.findFirst({ where: { caseId: b.caseId, type: 'self_check_review', status: 'open' } }), 'the second review');
    await officer.bringToFront();
    await officer.goto(`${api.url}/#/tasks/${enc(review2.id)}/show`);
    await officer.waitForSelector('[data-testid="self-check-review-form"]');
    expect(await officer.locator('[data-testid="evidence-licences"] [data-testid="evidence-thumb"]').count()).toBe(2);
    await officer.locator('[data-testid="self-check-review-form"] input[name="decision"][value="accepted"]').check();
    await officer.click('[data-testid="complete-task"]');
    await waitFor(async () => (await h.db.case.findUniqueOrThrow({ where: { id: b.caseId } })).currentStep === 'self_check:accepted', 'accepted');
    await page.bringToFront();
    await page.goto(`${api.url}/#/cases/${enc(b.caseId)}`);
    await page.reload(); // the case page was open already: read it afresh
    await page.locator('[data-testid="portal-case-step"]', { hasText: '自查自纠已通过审核' }).waitFor();

    // Operator A on the same phone: B's case and task are not its own.
    const a = await activate(api, s.a, (await invite(api, s.staff[OFFICER]!, s.a.id)).code);
    const other = await operatorUi.signIn(a.uscc, a.password);
    await other.goto(`${api.url}/#/cases/${enc(b.caseId)}`);
    await other.waitForSelector('text=这不是您的案件');
    expect(await other.locator('[data-testid="portal-case-stages"]').count()).toBe(0);
    await other.goto(`${api.url}/#/tasks/${enc(second.id)}`);
    await other.waitForSelector('text=这不是您的任务');
    await other.screenshot({ path: `${ARTIFACTS}/portal-other-case.png`, fullPage: true });
  }, 180_000);
});
