// Debian's Chromium for the console tests: one persistent context per test file, and signing in through
// the login page as a person would.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Screenshots and downloads the browser tests leave for people to look at (gitignored). */
export const ARTIFACTS = 'test-artifacts';

export interface Console {
  browser: BrowserContext;
  /**
   * A new page signed in as `username` (after dropping any session a previous test left in the profile),
   * with the demo password unless `password` is given (a temporary one lands on #/password).
   */
  signIn(username: string, password?: string): Promise<Page>;
  close(): Promise<void>;
}

/** A screen other than the default desktop one (Playwright's device emulation options). */
export interface Device {
  viewport?: { width: number; height: number };
  isMobile?: boolean;
  hasTouch?: boolean;
  deviceScaleFactor?: number;
}

/** A phone's screen (390×844 CSS pixels, touch, mobile viewport): where station staff mostly work. */
export const PHONE: Device = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };

export async function openConsole(url: string, device: Device = {}): Promise<Console> {
  const profile = mkdtempSync(path.join(tmpdir(), 'chromium-profile-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  // A fresh profile per run (Playwright passes it as --user-data-dir).
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
    ...device,
    // Without these Chromium stalls on this closed network (background services, QUIC, updates).
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return {
    browser,
    async signIn(username, password = 'demo1234') {
      const page = await browser.newPage();
      page.setDefaultTimeout(20_000);
      await page.goto(`${url}/#/login`);
      await page.evaluate(() => localStorage.clear());
      await page.goto(`${url}/#/login`);
      await page.fill('input[name="username"]', username);
      await page.fill('input[name="password"]', password);
      await page.click('button[type="submit"]');
      await page.waitForURL((u) => !u.hash.startsWith('#/login'));
      return page;
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
