// A person's path through the console in Debian's Chromium: a station officer signs in, finds the
// self-check task in the 我的待办 inbox, fills the eight areas and completes it; the API confirms it.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';
import { startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { compressedStages, startApi, type Api } from './api-helpers.js';
import { UI_DIR } from '../api/server.js';
import { SELF_CHECK_AREAS } from '../domain/self-check.js';

const ARTIFACTS = 'test-artifacts';
let h: Harness;
let api: Api;
let browser: BrowserContext;
let profile: string;

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h, UI_DIR);
  profile = mkdtempSync(path.join(tmpdir(), 'chromium-profile-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  // A fresh profile per run (Playwright passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1400, height: 900 },
    // Without these Chromium stalls on this closed network (background services, QUIC, updates).
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
  await h?.stop();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('console', () => {
  it('lets a station officer complete a self-check task from the inbox', async () => {
    const coord = await api.login('coord.changxing');
    const year = await uniqueYear(h.db);
    const launched = await api.call('POST', '/campaigns', { token: coord, body: { programme: 'changxing', year, jurisdictionId: '330522', stages: compressedStages(600_000), operatorIds: ['op-cx-013'] } });
    expect(launched.status).toBe(201);
    const task = await waitFor(() => h.db.task.findFirst({ where: { campaignId: launched.body.id } }), 'task');
    expect(task.jurisdictionId).toBe('330522001');

    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${api.url}/#/login`);
    await page.fill('input[name="username"]', 'officer.zhicheng');
    await page.fill('input[name="password"]', 'demo1234');
    await page.click('button[type="submit"]');
    await page.waitForURL((u) => !u.hash.startsWith('#/login'));

    await page.goto(`${api.url}/#/tasks`);
    await page.waitForSelector('tbody tr.RaDatagrid-row');
    expect(await page.locator('tbody tr.RaDatagrid-row').count()).toBeGreaterThan(0);
    expect(await page.textContent('body')).toContain('自查自纠');
    await page.screenshot({ path: `${ARTIFACTS}/inbox-officer.png`, fullPage: true });

    await page.goto(`${api.url}/#/tasks/${encodeURIComponent(task.id)}/show`);
    await page.waitForSelector('[data-testid="self-check-form"]');
    for (const area of SELF_CHECK_AREAS) await page.locator(`[data-testid="area-${area.key}"] input[value="compliant"]`).check();
    await page.click('[data-testid="complete-task"]');

    const officer = await api.login('officer.zhicheng');
    const done = await waitFor(async () => {
      const r = await api.call('GET', `/tasks/${encodeURIComponent(task.id)}`, { token: officer });
      return r.body.status === 'done' && r.body;
    }, 'task completed through the console');
    expect(done.completedById).toBe('u-officer-zhicheng');
    expect(done.result.areas).toHaveLength(8);
    await page.waitForSelector('[data-testid="self-check-result"]');
    await page.screenshot({ path: `${ARTIFACTS}/task-completed.png`, fullPage: true });
    await h.env.client.workflow.getHandle(`campaign-${launched.body.id}`).terminate('test done');
  });
});
