// The page walk (README "The console's words"): in Debian's Chromium, each staff role (coordinator, county
// officer, auditor, leader, admin) and an operator visit every menu entry of the console (the portal's tabs
// for the operator), the show page of the first row of each list and each tab of that page, in Chinese (two
// of them in English too), and the walk fails on what a reviewer would stop at: a message key shown as text (`@@…`,
// `app.…`, `ra.…`), an English sentence on a Chinese page, or, to anyone but an admin, a raw id, key or hash
// (user, operator and workflow ids, audit action codes, stage keys, SHA-256 digests). A campaign of each
// built-in programme is launched first so that lists and show pages have rows. One browser, one page per
// person, reused for both languages.
import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { demoUscc } from '../prisma/seed.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openConsole, type Console } from './helpers-browser.js';
import { startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { startApi, TEST_TEMPORAL_UI, type Api } from './api-helpers.js';
import { portalSetup, type PortalSetup } from './portal-helpers.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { UI_DIR } from '../api/server.js';
import { PROGRAMMES } from '../domain/programmes/index.js';

let h: Harness;
let api: Api;
let ui: Console;
let s: PortalSetup;
const launched: string[] = [];
let zhoushanId: string;

/** The people who walk: one per staff role, spread over the three demo programmes' jurisdictions. */
// Everyone walks in Chinese; in English only the two with the most pages: every key has both languages
// (test/messages.test.ts), and raw ids and codes show the same in either, so the other English walks found
// nothing the Chinese ones did not, at a minute of the suite.
const STAFF = [
  { user: 'coord.changxing', admin: false, english: true },
  { user: 'officer.zhicheng', admin: false, english: true },
  { user: 'auditor.lijiang', admin: false, english: false },
  { user: 'leader.zhoushan', admin: false, english: false },
  { user: 'admin.huzhou', admin: true, english: false },
];

/** Menu entries whose list rows open a show page; the API path the list reads its rows from. */
const LIST_API: Record<string, string> = { 'product-register': 'register-entries', 'influencer-register': 'register-entries' };
const NO_SHOW = new Set(['notifications', 'audit-events', 'calendar', '']);

// ---- What the walk looks for ----------------------------------------------------------------------------

/** A message key shown as text: react-admin's `@@react-admin@@"…"` fallback or a bare `app.`/`ra.` key. */
const MESSAGE_KEY = /@@|\b(?:app|ra)\.[a-z_]+\.[a-z_.]+/;

/**
 * Three or more ASCII words in a row on a Chinese page: an English sentence or label left untranslated.
 * Words are letters only, so codes, numbers and USCCs (digits with letters) do not count.
 */
const ENGLISH_RUN = /(?<![A-Za-z0-9@._-])[A-Za-z][a-z']*(?:[ ]+[A-Za-z][a-z']*){2,}(?![A-Za-z0-9])/g;
/**
 * The few runs of English a Chinese page may show: product names people know by their English name
 * (the Temporal Web UI link an admin sees).
 */
const ENGLISH_ALLOWED = [/^Temporal Web UI$/];

const STAGE_KEYS = [...new Set(Object.values(PROGRAMMES).flatMap((p) => p.stages.map((st) => st.key)))];
/** Audit actions are `<subject>.<verb>` (activities/audit.ts and the API's own writes). */
const AUDIT_SUBJECTS =
  'application|attachment|campaign|case|comment|correction|housekeeping|intake|jurisdiction|listing|objection|operator|portal|programme|roster|stage|task|title|user|webhook';

/** What only an admin may see: ids, keys and hashes meant for machines (README "The console's words"). */
const RAW: { what: string; re: RegExp; zhOnly?: boolean }[] = [
  { what: 'user id', re: /(?<![\w-])u-[a-z]+-[a-z0-9-]+/ },
  { what: 'operator id', re: /(?<![\w-])op-[a-z0-9]{2}[a-z0-9-]*\d/ },
  { what: 'workflow id', re: /(?<![\w-])(?:campaign|case|register-scoring|case-batch)-[a-z]+-\d/ },
  { what: 'campaign id', re: /(?<![\w-])(?:changxing|zhoushan|lijiang)-\d{6}-\d{4}/ },
  { what: 'SHA-256', re: /(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/ },
  { what: 'uuid', re: /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/ },
  { what: 'audit action code', re: new RegExp(`(?<![\\w.])(?:${AUDIT_SUBJECTS})\\.[a-z_]+(?![\\w.])`) },
  // Any snake_case key (self_check, live_marketing…) in either language…
  { what: 'key', re: /(?<![\w.-])[a-z]+_[a-z_]+(?![\w.-])/ },
  // …and a one-word stage key (register, survey…) as a word of its own on a Chinese page.
  { what: 'stage key', re: new RegExp(`(?<![A-Za-z_.-])(?:${STAGE_KEYS.join('|')})(?![A-Za-z_.-])`), zhOnly: true },
  // A batch by its sequence number ("#2") instead of 第 2 批.
  { what: 'batch number', re: /(?<![\w&/])#\d+\b/ },
];

/** Dates in any format but the console's one, `2026-12-03 16:26` (common/dates.ts): for everyone. */
const OTHER_DATES = [
  /\b\d{1,2}\/\d{1,2}\/\d{4}\b/,
  /\b\d{4}\/\d{1,2}\/\d{1,2}\b/,
  /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/,
  /\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}/,
];

/**
 * A programme's definition page shows its keys to those who write definitions (coordinators and admins:
 * the editor takes them, they are the definition's own vocabulary); to anyone else they are codes.
 */
const keysAllowed = (user: string, where: string) => user.startsWith('coord.') && where.startsWith('#/programmes/');

interface Finding {
  who: string;
  locale: string;
  page: string;
  what: string;
  text: string;
}

/** The findings on one page's visible text (`innerText`, and the page's tooltips). */
function findingsIn(text: string, opts: { locale: 'zh' | 'en'; admin: boolean; keysAllowed?: boolean }): { what: string; text: string }[] {
  const out: { what: string; text: string }[] = [];
  for (const line of text.split('\n')) {
    for (const d of OTHER_DATES) {
      const m = d.exec(line);
      if (m) out.push({ what: 'date not as 2026-12-03 16:26', text: `${m[0]}  ←  ${line.trim().slice(0, 120)}` });
    }
    const key = MESSAGE_KEY.exec(line);
    if (key) out.push({ what: 'message key', text: line.trim().slice(0, 160) });
    if (opts.locale === 'zh')
      for (const m of line.matchAll(ENGLISH_RUN)) if (!ENGLISH_ALLOWED.some((a) => a.test(m[0]))) out.push({ what: 'English on a Chinese page', text: m[0] });
    if (!opts.admin)
      for (const r of RAW) {
        if (r.zhOnly && opts.locale !== 'zh') continue;
        if (opts.keysAllowed && (r.what === 'key' || r.what === 'stage key')) continue;
        const m = r.re.exec(line);
        if (m) out.push({ what: r.what, text: `${m[0]}  ←  ${line.trim().slice(0, 120)}` });
      }
  }
  return out;
}

// ---- Walking ---------------------------------------------------------------------------------------------

/** Requests to the API in flight on each page (a page is read once they are answered and nothing spins). */
const inflight = new WeakMap<Page, number>();
/** The rows each list request of the page answered, by API path (`tasks`, `register-entries`…). */
const listRows = new WeakMap<Page, Map<string, Promise<unknown>>>();

function track(page: Page) {
  inflight.set(page, 0);
  listRows.set(page, new Map());
  const api = (url: string) => new URL(url).pathname.startsWith('/api/');
  page.on('request', (r) => api(r.url()) && inflight.set(page, inflight.get(page)! + 1));
  const done = (r: { url(): string }) => api(r.url()) && inflight.set(page, inflight.get(page)! - 1);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (r.request().method() !== 'GET' || !r.ok() || !u.pathname.startsWith('/api/')) return;
    listRows.get(page)!.set(
      u.pathname.slice('/api/'.length),
      r.json().catch(() => null),
    );
  });
}

/** Waits until the page has no API request in flight and shows no progress indicator, twice in a row. */
async function settle(page: Page) {
  const quiet = async () =>
    inflight.get(page)! <= 0 &&
    (await page.evaluate(
      () =>
        new Promise<boolean>((resolve) =>
          requestAnimationFrame(() =>
            resolve(!document.querySelector('.MuiCircularProgress-indeterminate, .MuiLinearProgress-indeterminate, .MuiSkeleton-root, .RaLoading-root')),
          ),
        ),
    ));
  const end = Date.now() + 20_000;
  while (!((await quiet()) && (await quiet()))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${page.url()} to settle (${inflight.get(page)} requests in flight)`);
    await page.waitForTimeout(20); // a poll of the condition above, not a wait for time to pass
  }
}

/** The visible text of the page, with tooltips and accessible labels (what a person or a screen reader meets). */
const pageText = (page: Page) =>
  page.evaluate(() => {
    const labels = [...document.querySelectorAll('[title], [aria-label]')].map(
      (e) => `${e.getAttribute('title') ?? ''}\n${e.getAttribute('aria-label') ?? ''}`,
    );
    return `${document.title}\n${document.body.innerText}\n${labels.join('\n')}`;
  });

const pageCount = new WeakMap<Page, number>();
async function check(page: Page, where: string, who: { user: string; admin: boolean; locale: 'zh' | 'en' }, findings: Finding[]) {
  pageCount.set(page, (pageCount.get(page) ?? 0) + 1);
  await settle(page);
  for (const f of findingsIn(await pageText(page), { locale: who.locale, admin: who.admin, keysAllowed: keysAllowed(who.user, where) }))
    findings.push({ who: who.user, locale: who.locale, page: where, ...f });
  // The Temporal Web UI is an admin's tool: nobody else is sent there.
  if (!who.admin && (await page.locator(`a[href^="${TEST_TEMPORAL_UI}"]`).count()) > 0)
    findings.push({ who: who.user, locale: who.locale, page: where, what: 'Temporal Web UI link', text: TEST_TEMPORAL_UI });
}

/** Clicks through the tabs of the page's main area (a campaign's or a case's), checking each. */
async function walkTabs(page: Page, where: string, who: { user: string; admin: boolean; locale: 'zh' | 'en' }, findings: Finding[]) {
  const tabs = page.locator('#main-content [role="tab"]:not([aria-selected="true"])');
  const n = await tabs.count();
  for (let i = 0; i < n; i++) {
    const tab = page.locator('#main-content [role="tab"]').nth(i);
    if ((await tab.getAttribute('aria-selected')) === 'true') continue;
    const label = ((await tab.textContent()) ?? '').trim();
    await tab.click();
    await check(page, `${where} › ${label}`, who, findings);
  }
}

/** A case page's 操作日志 lists the same entries as its timeline (the case's and its tasks'), not a subset. */
async function sameHistory(page: Page, where: string, who: { user: string; locale: 'zh' | 'en' }, findings: Finding[]) {
  const counts = async () => [
    await page.locator('[data-testid="case-timeline"] [data-testid="timeline-entry"]').count(),
    await page.locator('#main-content h6', { hasText: '操作日志' }).locator('..').locator('tbody tr').count(),
  ];
  let [timeline, log] = await counts();
  // Other files' cases are live: an entry landing between the two lists' reads is no disagreement, and on
  // a busy machine a case being worked can gain entries between any two reads. Read both again until they
  // agree; a log that leaves entries out disagrees every time.
  for (let again = 0; timeline !== log && again < 5; again++) {
    await page.reload();
    await settle(page);
    [timeline, log] = await counts();
  }
  if (timeline !== log)
    findings.push({ who: who.user, locale: who.locale, page: where, what: '操作日志 and timeline disagree', text: `${log} entries beside ${timeline}` });
}

/** A staff member's walk in one language: the dashboard, every menu entry, each list's first row. */
async function walkStaff(page: Page, who: { user: string; admin: boolean; locale: 'zh' | 'en' }, findings: Finding[]) {
  await page.goto(`${api.url}/#/`);
  await page.waitForSelector('.RaMenuItemLink-root');
  const entries = await page.$$eval('.RaMenuItemLink-root', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(entries.length).toBeGreaterThan(3);
  for (const href of entries) {
    const resource = href.replace(/^#\//, '').split(/[/?]/)[0]!;
    listRows.get(page)!.clear();
    await page.goto(`${api.url}/${href}`);
    await check(page, href, who, findings);
    if (NO_SHOW.has(resource)) continue;
    const rows = (await listRows.get(page)!.get(LIST_API[resource] ?? resource)) as { id: string }[] | null | undefined;
    const first = Array.isArray(rows) ? rows[0] : undefined;
    if (!first) continue;
    const show = `#/${resource}/${encodeURIComponent(first.id)}/show`;
    await page.goto(`${api.url}/${show}`);
    await check(page, show, who, findings);
    if (resource === 'cases' && who.locale === 'zh') await sameHistory(page, show, who, findings);
    await walkTabs(page, show, who, findings);
  }
}

/** The operator's walk: the portal's tabs, its case and its first task. */
async function walkOperator(page: Page, who: { user: string; admin: boolean; locale: 'zh' | 'en' }, findings: Finding[]) {
  await page.goto(`${api.url}/#/`);
  await page.waitForSelector('[data-testid="portal-layout"]');
  const tasks = await api.call('GET', '/portal/tasks', { token: s.a.token! });
  const firstTask = Array.isArray(tasks.body) ? (tasks.body[0] as { id: string } | undefined) : undefined;
  const pages = ['#/', '#/tasks', '#/notifications', '#/applications', '#/register', '#/password', `#/cases/${encodeURIComponent(s.a.caseId)}`];
  if (firstTask) pages.push(`#/tasks/${encodeURIComponent(firstTask.id)}`);
  for (const p of pages) {
    await page.goto(`${api.url}/${p}`);
    await check(page, p, who, findings);
  }
}

/** Signs the operator in the 经营主体 way (its USCC and password). */
async function signInOperator(): Promise<Page> {
  const page = await ui.browser.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${api.url}/#/login`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${api.url}/#/login`);
  await page.click('[data-testid="login-way-operator"]');
  await page.fill('input[name="username"]', s.a.uscc);
  await page.fill('input[name="password"]', s.a.password!);
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-testid="portal-layout"]');
  return page;
}

/** Switches the console's language the way its menu does (react-admin's store), and reloads. */
async function useLocale(page: Page, locale: 'zh' | 'en') {
  await page.evaluate((l) => localStorage.setItem('RaStore.locale', JSON.stringify(l)), locale);
  await page.reload();
}

const year = async () => uniqueYear(h.db);

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h, UI_DIR);
  // Changxing with its self-check open for two operators of 雉城所, both with a portal account (one walks).
  s = await portalSetup(h, api);
  launched.push(s.campaignId);
  // Zhoushan with applications open; Lijiang with its intake window open.
  const now = Date.now();
  const at = (ms: number) => new Date(now + ms).toISOString();
  const zs = await api.call('POST', '/campaigns', {
    token: await api.login('coord.zhoushan'),
    body: {
      programme: 'zhoushan',
      year: await year(),
      jurisdictionId: '330900',
      stages: [
        { key: 'survey', startsAt: at(-4000), dueAt: at(-3000) },
        { key: 'application', startsAt: at(-1000), dueAt: at(3600_000) },
        { key: 'audit', startsAt: at(3601_000), dueAt: at(3602_000) },
        { key: 'confirmation', startsAt: at(3603_000), dueAt: at(3604_000) },
      ],
      reminderLeadHours: 0,
    },
  });
  expect(zs.status, JSON.stringify(zs.body)).toBe(201);
  launched.push(zs.body.id);
  zhoushanId = zs.body.id;
  const lj = await api.call('POST', '/campaigns', {
    token: await api.login('coord.lijiang'),
    body: {
      programme: 'lijiang',
      year: await year(),
      jurisdictionId: '530700',
      stages: calendarOpenAt('intake', 3600_000, 'lijiang'),
      reminderLeadHours: 0,
    },
  });
  expect(lj.status, JSON.stringify(lj.body)).toBe(201);
  launched.push(lj.body.id);
  await waitFor(() => h.db.task.findFirst({ where: { campaignId: s.campaignId, type: 'self_check' } }), 'the self-check tasks');
  ui = await openConsole(api.url);
}, 120_000);

afterAll(async () => {
  for (const c of await h.db.campaign.findMany({ where: { id: { in: launched } } }))
    await h.env.client.workflow
      .getHandle(c.workflowId)
      .terminate('test done')
      .catch(() => undefined);
  await ui?.close();
  await api?.close();
  await h?.stop();
});

describe('the page walk', () => {
  it('finds no message key, no English on a Chinese page and no raw id for a non-admin, as each role, in zh and en', async () => {
    const findings: Finding[] = [];
    const visited: string[] = [];
    // WALK_PEOPLE=officer.zhicheng,operator walks only those (to try a change quickly; the full walk is the test).
    const only = process.env.WALK_PEOPLE?.split(',');
    for (const { english, ...person } of [...STAFF, { user: 'operator', admin: false, english: false }].filter((p) => !only || only.includes(p.user))) {
      const page = person.user === 'operator' ? await signInOperator() : await ui.signIn(person.user);
      track(page);
      for (const locale of english ? (['zh', 'en'] as const) : (['zh'] as const)) {
        // The language is the browser's, kept across sign-ins: set it for each walk.
        await useLocale(page, locale);
        const who = { ...person, locale };
        const before = findings.length;
        const t0 = Date.now();
        const pagesBefore = pageCount.get(page) ?? 0;
        if (person.user === 'operator') await walkOperator(page, who, findings);
        else await walkStaff(page, who, findings);
        visited.push(
          `${person.user} ${locale}: ${pageCount.get(page)! - pagesBefore} pages, ${findings.length - before} findings, ${Math.round((Date.now() - t0) / 1000)} s`,
        );
        if (findings.length > before) await page.screenshot({ path: `${ARTIFACTS}/walk-${person.user}-${locale}.png`, fullPage: true });
      }
      await page.close();
    }
    // One line per distinct finding, so that a failure reads as a to-do list.
    const distinct = [...new Set(findings.map((f) => `${f.who} [${f.locale}] ${f.page}: ${f.what}: ${f.text}`))];
    writeFileSync(`${ARTIFACTS}/walk-findings.txt`, `${visited.join('\n')}\n\n${distinct.join('\n')}\n`);
    expect(distinct, visited.join('\n')).toEqual([]);
  }, 300_000);

  it('the application form asks about eligibility as soon as the operator is picked, before anything is filled in', async () => {
    // A live room of 定海 registered this year (三、培育对象: a full accounting year of business first).
    const name = `定海新开直播间${randomInt(100_000, 999_999)}`;
    const o = await api.call('POST', '/operators', {
      token: await api.login('officer.dinghai'),
      body: { name, uscc: demoUscc('330902', randomInt(3_000_000, 9_000_000)), kind: 'live_room', jurisdictionId: '330902', registeredOn: '2026-11-01' },
    });
    expect(o.status, JSON.stringify(o.body)).toBe(201);
    const page = await ui.signIn('officer.dinghai');
    await useLocale(page, 'zh');
    await page.goto(`${api.url}/#/campaigns/${encodeURIComponent(zhoushanId)}/show/applications`);
    await page.click('[data-testid="file-application"]');
    const form = page.locator('[data-testid="application-form"]');
    await form.locator('input').first().fill(name);
    await page.locator('[role="option"]', { hasText: name }).click();
    // The reasons at once, and no form to fill in for nothing.
    const refusal = page.locator('[data-testid="application-not-eligible"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('2028-01-01 起方可申报');
    expect(await page.locator('[data-testid="application-eligible"]').count()).toBe(0);
    expect(await form.locator('input').count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/walk-application-not-eligible.png` });
    // An operator of long standing may apply: the form follows. Its own, so that what other suites
    // did to the register's operators (applied, listed, flagged) cannot decide the outcome.
    const eligibleName = `定海老直播间${randomInt(100_000, 999_999)}`;
    const eligible = await api.call('POST', '/operators', {
      token: await api.login('officer.dinghai'),
      body: {
        name: eligibleName,
        uscc: demoUscc('330902', randomInt(3_000_000, 9_000_000)),
        kind: 'live_room',
        jurisdictionId: '330902',
        registeredOn: '2020-03-01',
      },
    });
    expect(eligible.status, JSON.stringify(eligible.body)).toBe(201);
    await form.locator('input').first().fill('');
    await form.locator('input').first().fill(eligibleName);
    await page.locator('[role="option"]', { hasText: eligibleName }).click();
    await page.locator('[data-testid="application-eligible"]').waitFor();
    expect(await form.locator('input').count()).toBeGreaterThan(1);
    await page.close();
  });
});
