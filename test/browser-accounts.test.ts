// Accounts in the console (Debian's Chromium): admin.changxing creates a county officer at 雉城所 through
// the form and reads the temporary password from the dialog; the officer signs in with it and sees only the
// password page until it is changed (a common password is refused with its reason, a good one passes), then
// the task list of their own station only; the admin disables them and their next request signs them out
// with the reason. Whoever signs in next on the same tab is shown as themselves. A coordinator of another city sees a programme 长兴 defined without 修订 but with
// 复制为模板, which opens the editor filled in under a new id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openConsole, untilRoute, type Console } from './helpers-browser.js';
import { startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { startApi, type Api } from './api-helpers.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { shanghaiSpec } from './helpers-programmes.js';
import { UI_DIR } from '../api/server.js';

const enc = encodeURIComponent;
let h: Harness;
let api: Api;
/** Two browsers: the admin's and the officer's sessions live in separate profiles (localStorage). */
let adminUi: Console;
let officerUi: Console;
const tokens: Record<string, string> = {};
const launched: string[] = [];

const post = (user: string, p: string, body?: unknown) => api.call('POST', p, { token: tokens[user]!, body });

/** The session token the console keeps for the page's user. */
const consoleToken = (page: Page) => page.evaluate(() => localStorage.getItem('campaign-cms.token'));

/** Picks `option` of the MUI select labelled `label`. */
async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h, UI_DIR);
  for (const u of ['coord.changxing', 'coord.zhoushan']) tokens[u] = await api.login(u);
  [adminUi, officerUi] = await Promise.all([openConsole(api.url), openConsole(api.url)]);
});
afterAll(async () => {
  for (const id of launched)
    await h.env.client.workflow
      .getHandle(`campaign-${id}`)
      .terminate('test done')
      .catch(() => undefined);
  await adminUi?.close();
  await officerUi?.close();
  await api?.close();
  await h?.stop();
});

describe('accounts in the console', () => {
  it('a new officer changes the temporary password first, sees only their station’s tasks, and is signed out once disabled', async () => {
    // Self-check tasks at two stations: op-cx-001 lies at 雉城 (330522001), op-cx-002 at 太湖 (330522002).
    const campaign = await post('coord.changxing', '/campaigns', {
      programme: 'changxing',
      year: await uniqueYear(h.db),
      jurisdictionId: '330522',
      stages: calendarOpenAt('self_check', 600_000),
      reminderLeadHours: 0,
      operatorIds: ['op-cx-001', 'op-cx-002'],
    });
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
    const campaignId = campaign.body.id as string;
    launched.push(campaignId);

    // The admin creates the officer through the form.
    const username = `officer.ui${Date.now().toString(36)}`;
    const admin = await adminUi.signIn('admin.changxing');
    await admin.goto(`${api.url}/#/users/create`);
    await admin.fill('input[name="username"]', username);
    await admin.fill('input[name="displayName"]', '界面测试执法员');
    await choose(admin, '角色', '县区执法人员');
    await admin.getByLabel('辖区').first().fill('雉城');
    // The picker offers the admin's subtree only: not 湖州市 above them.
    await admin.getByRole('option', { name: '雉城市场监管所（基层所）', exact: true }).click();
    await admin.fill('textarea[name="reason"]', '新入职，界面测试');
    await admin.getByRole('button', { name: '保存' }).click();
    const shown = admin.locator('[data-testid="temporary-password"]');
    await shown.waitFor();
    const temporary = ((await shown.textContent()) ?? '').trim();
    expect(temporary).toMatch(/^[A-Za-z0-9]{14}$/);
    expect(await admin.textContent('[data-testid="temporary-password-dialog"]')).toContain('首次登录时必须修改密码');
    await admin.screenshot({ path: `${ARTIFACTS}/accounts-temporary-password.png`, fullPage: true });
    const created = await h.db.user.findUniqueOrThrow({ where: { username } });
    expect(created).toMatchObject({ role: 'county_officer', jurisdictionId: '330522001', mustChangePassword: true, disabledAt: null });
    await admin.click('[data-testid="temporary-password-done"]');
    await untilRoute(admin, (hash) => hash === `#/users/${enc(created.id)}/show`);
    await admin.waitForSelector('[data-testid="user-status"][data-disabled="false"]');

    // The officer signs in with it: the password page and nothing else, whatever page is asked for.
    const officer = await officerUi.signIn(username, temporary);
    await untilRoute(officer, (hash) => hash === '#/password');
    await officer.waitForSelector('[data-testid="password-page"][data-forced="true"]');
    expect(await officer.locator('a[href="#/tasks"]').count()).toBe(0); // no menu
    await officer.goto(`${api.url}/#/tasks`);
    await untilRoute(officer, (hash) => hash === '#/password');
    await officer.waitForSelector('[data-testid="password-page"][data-forced="true"]');
    expect(await officer.locator('.RaDatagrid-table').count()).toBe(0);
    expect((await api.call('GET', '/tasks', { token: (await consoleToken(officer))! })).body.error).toBe('password_change_required');

    // A common password is refused with the API's reason at the field; a good one lets them in.
    await officer.fill('input[name="oldPassword"]', temporary);
    await officer.fill('input[name="newPassword"]', 'password123');
    await officer.fill('input[name="repeatPassword"]', 'password123');
    await officer.click('[data-testid="password-save"]');
    await officer.getByText('是常见密码，容易被猜中').waitFor();
    await officer.screenshot({ path: `${ARTIFACTS}/accounts-password-refused.png`, fullPage: true });
    expect((await h.db.user.findUniqueOrThrow({ where: { id: created.id } })).mustChangePassword).toBe(true);
    await officer.fill('input[name="newPassword"]', 'Zhicheng-spring-2026');
    await officer.fill('input[name="repeatPassword"]', 'Zhicheng-spring-2026');
    await officer.click('[data-testid="password-save"]');
    await untilRoute(officer, (hash) => hash === '#/');
    await officer.waitForSelector('a[href="#/tasks"]'); // the menu is back
    expect((await h.db.user.findUniqueOrThrow({ where: { id: created.id } })).mustChangePassword).toBe(false);

    // Their task list: the 雉城 self-check task, not 太湖's.
    const [zhicheng, taihu] = await waitFor(async () => {
      const t = await h.db.task.findMany({ where: { campaignId, type: 'self_check' }, orderBy: { jurisdictionId: 'asc' } });
      return t.length === 2 && t;
    }, 'the self-check tasks of both stations');
    expect([zhicheng!.jurisdictionId, taihu!.jurisdictionId]).toEqual(['330522001', '330522002']);
    // This campaign's tasks only: the suites share one database, and another file's seeded tasks in the
    // same station may be there meanwhile (test/dashboard-api.test.ts). Both stations have one here.
    await officer.goto(`${api.url}/#/tasks?filter=${encodeURIComponent(JSON.stringify({ campaignId }))}`);
    const rows = officer.locator('.RaDatagrid-table tbody tr');
    // Names load after the rows (one getMany for the page): wait for the station's name in the row.
    await rows.filter({ hasText: zhicheng!.title }).filter({ hasText: '雉城市场监管所' }).first().waitFor();
    const texts = await rows.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      expect(text).toContain('雉城市场监管所');
      // (Operators' names may mention 太湖, the lake: the station's name and its task may not appear.)
      expect(text).not.toContain('太湖街道市场监管所');
      expect(text).not.toContain(taihu!.title);
    }
    await officer.screenshot({ path: `${ARTIFACTS}/accounts-officer-tasks.png`, fullPage: true });
    const token = (await consoleToken(officer))!;
    expect((await api.call('GET', `/tasks/${enc(zhicheng!.id)}`, { token })).status).toBe(200);
    expect((await api.call('GET', `/tasks/${enc(taihu!.id)}`, { token })).status).toBe(403);

    // The officer's next request answers 401 account_disabled: the console signs them out and says why.
    // Listened for before the disable: the page's own polling (the bell's unread count) may be that
    // request, and the ones after it (the reload's) then read session_expired.
    const disabled = officer.waitForResponse(
      async (r) => r.url().includes('/api/') && r.status() === 401 && (await r.json().catch(() => null))?.error === 'account_disabled',
    );
    // The admin disables the officer, with a reason.
    await admin.click('[data-testid="user-disable"]');
    await admin.fill('[data-testid="user-status-dialog-reason"]', '调离岗位');
    await admin.click('[data-testid="user-status-dialog-confirm"]');
    await admin.waitForSelector('[data-testid="user-status"][data-disabled="true"]');
    await admin.screenshot({ path: `${ARTIFACTS}/accounts-user-disabled.png`, fullPage: true });
    expect((await h.db.user.findUniqueOrThrow({ where: { id: created.id } })).disabledAt).not.toBeNull();
    expect(await h.db.auditEvent.count({ where: { entityId: created.id, action: 'user.disabled', reason: '调离岗位' } })).toBe(1);

    await officer.reload();
    await disabled;
    await untilRoute(officer, (hash) => hash.startsWith('#/login'));
    const notice = officer.locator('[data-testid="signed-out-notice"][data-reason="account_disabled"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('账号已停用');
    expect(await consoleToken(officer)).toBeNull();
    await officer.screenshot({ path: `${ARTIFACTS}/accounts-signed-out-disabled.png`, fullPage: true });
    await officer.close();
    await admin.close();
  });

  it('whoever signs in next on the same tab is shown as themselves: nothing of the previous session is kept', async () => {
    const nameOf = async (username: string) => (await h.db.user.findUniqueOrThrow({ where: { username } })).displayName;
    const [first, second] = [await nameOf('officer.zhicheng'), await nameOf('coord.changxing')];
    const page = await officerUi.signIn('officer.zhicheng');
    await page.locator('header', { hasText: first }).waitFor();
    // The session ends without 退出 (its token gone, as on another tab), and the sign-in page opens in the
    // same document: the app and its cache live on.
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${api.url}/#/login`);
    await page.fill('input[name="username"]', 'coord.changxing');
    await page.fill('input[name="password"]', 'demo1234');
    await page.click('button[type="submit"]');
    await untilRoute(page, (hash) => !hash.startsWith('#/login'));
    const header = page.locator('header');
    await header.filter({ hasText: new RegExp(`${first}|${second}`) }).waitFor();
    expect(await header.textContent()).toContain(second);
    expect(await header.textContent()).not.toContain(first);
    await page.close();
  });

  it('a programme another city defined: no 修订, but 复制为模板 opens the editor with its spec under a new id', async () => {
    const id = `cx_base_${Date.now().toString(36)}`;
    const defined = await post('coord.changxing', '/programmes', shanghaiSpec(id, { name: '长兴直播基地评价' }));
    expect(defined.status, JSON.stringify(defined.body)).toBe(201);
    expect(defined.body).toMatchObject({ jurisdictionId: '330522', jurisdictionName: '长兴县', canRevise: true });

    // Its owner may revise it (the button is there for them).
    const owner = await adminUi.signIn('coord.changxing');
    await owner.goto(`${api.url}/#/programmes/${id}/show`);
    await owner.waitForSelector('[data-testid="programme-edit"]');
    await owner.close();

    const page = await adminUi.signIn('coord.zhoushan');
    await page.goto(`${api.url}/#/programmes/${id}/show`);
    await page.waitForSelector('[data-testid="programme-rubric"]');
    expect(await page.textContent('[data-testid="programme-owner"]')).toContain('定义单位：长兴县');
    await page.waitForSelector('[data-testid="programme-copy"]');
    expect(await page.locator('[data-testid="programme-edit"]').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/accounts-programme-not-owner.png`, fullPage: true });
    // Nor can this signed-in coordinator revise it by calling the API with the console's session: 403.
    const revise = await api.call('PUT', `/programmes/${id}`, { token: (await consoleToken(page))!, body: shanghaiSpec(id, { name: '舟山改动' }) });
    expect(revise.status).toBe(403);
    expect(revise.body.messageZh).toContain('复制为模板');

    await page.click('[data-testid="programme-copy"]');
    await untilRoute(page, (hash) => hash === `#/programmes/create?copyFrom=${id}`);
    await page.waitForSelector('[data-testid="programme-editor"]');
    expect(await page.inputValue('input[name="id"]')).toBe(`${id}_copy`);
    expect(await page.inputValue('input[name="name"]')).toBe('长兴直播基地评价（副本）');
    expect(await page.inputValue('input[name="stages.1.key"]')).toBe('inspection');
    expect(await page.textContent('[data-testid="programme-copy-from"]')).toContain('长兴县');
    await page.screenshot({ path: `${ARTIFACTS}/accounts-programme-copy.png`, fullPage: true });
    await page.close();
  });
});
