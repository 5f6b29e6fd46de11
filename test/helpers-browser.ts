// Debian's Chromium headless shell for the console tests (the same Blink as the desktop browser without its
// browser UI process work: Playwright's own default for headless runs; a quarter less CPU in the browser
// files than `chromium --headless`): one browser per test process (vitest runs file after file in
// it, vitest.config.ts), a fresh context per test file (its own storage, as a new profile had), and
// signing in through the login page as a person would.
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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

// Starting Chromium costs ~3 s of CPU: the files of a process share one (Playwright closes it when the
// process ends).
let shared: Promise<Browser> | undefined;
function sharedBrowser(): Promise<Browser> {
  shared ??= chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell',
    headless: true,
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
  return shared.then(
    (b) => (b.isConnected() ? b : ((shared = undefined), sharedBrowser())),
    (e: unknown) => {
      shared = undefined; // the next file tries again
      throw e;
    },
  );
}

/** Every transition and animation of the page at its end state at once (injected before the page's scripts). */
const STILL = `addEventListener('DOMContentLoaded', () => {
  const s = document.createElement('style');
  s.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }';
  document.head.appendChild(s);
});`;

export async function openConsole(url: string, device: Device = {}): Promise<Console> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await (
    await sharedBrowser()
  ).newContext({
    locale: 'zh-CN',
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
    // Motion off, as a test runner's screenshots have it: MUI's ripples, fades and spinners otherwise
    // repaint at 60 frames a second in software (no GPU here), most of Chromium's CPU in the suite.
    reducedMotion: 'reduce',
    ...device,
  });
  await browser.addInitScript(STILL);
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
      await untilRoute(page, (hash) => !hash.startsWith('#/login'));
      return page;
    },
    async close() {
      await browser.close();
    },
  };
}

/**
 * Waits until the console's route (the URL's hash) passes `matches`. The console routes by hash, a
 * same-document navigation, so the wait ends when the new URL commits; Playwright's default would also
 * wait for the frame tree's `load`, which a route change does not fire again.
 */
export async function untilRoute(page: Page, matches: (hash: string) => boolean): Promise<void> {
  await page.waitForURL((u) => matches(u.hash), { waitUntil: 'commit' });
}

/**
 * Waits until the page shows exactly `n` elements matching `selector`, for as long as a locator waits
 * (the page's default timeout): a list that first renders unfiltered, or fills in, is waited for, not
 * sampled.
 */
export async function untilCount(page: Page, selector: string, n: number): Promise<void> {
  await page.waitForFunction(([s, k]) => document.querySelectorAll(s).length === k, [selector, n] as const);
}
