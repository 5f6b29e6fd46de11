// Evidence and comments in Debian's Chromium (README "Comments and files"): a station officer completes an
// inspection with two photos chosen in the form and leaves a comment for whoever verifies; at the
// rectification deadline a second officer (the county's) opens the verification and sees, above its form,
// the inspection's finding, both photos (loaded, as images) and the comment. On Temporal's time-skipping
// test server: the deadline is reached by moving the clock, not by waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, openConsole, untilCount, type Console } from './helpers-browser.js';
import { waitFor } from './helpers.js';
import { startTimeSkippingHarness, type TimeHarness } from './helpers-time.js';
import { startApi, type Api } from './api-helpers.js';
import { portalSetup, type PortalSetup } from './portal-helpers.js';
import { shanghaiDate } from '../domain/time.js';
import { UI_DIR } from '../api/server.js';

const enc = encodeURIComponent;
/** Two different real PNGs (1×1, red and blue), as a camera's photos would arrive. */
const RED = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');
const BLUE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC', 'base64');
const DAY = 86_400_000;

let h: TimeHarness;
let api: Api;
let ui: Console;
let setup: PortalSetup;

beforeAll(async () => {
  h = await startTimeSkippingHarness();
  api = await startApi(h, UI_DIR);
  setup = await portalSetup(h, api, { openStage: 'rectification', activate: [] });
  ui = await openConsole(api.url);
}, 180_000);
afterAll(async () => {
  if (setup)
    await h.env.client.workflow
      .getHandle(`campaign-${setup.campaignId}`)
      .terminate('test done')
      .catch(() => undefined);
  await ui?.close();
  await api?.close();
  await h?.stop();
});

describe('evidence on an inspection', () => {
  it('an inspection with two photos is verified by a second officer who sees them', async () => {
    const caseId = setup.a.caseId;
    const inspection = await waitFor(() => h.db.task.findFirst({ where: { caseId, type: 'inspection', status: 'open' } }), 'the inspection');

    // officer.zhicheng: a minor finding, guidance with a deadline a week on, two photos, then a comment.
    const page = await ui.signIn('officer.zhicheng');
    await page.goto(`${api.url}/#/tasks/${enc(inspection.id)}/show`);
    const form = page.locator('[data-testid="inspection-form"]');
    await form.waitFor();
    await form.locator('input[name="method"][value="inspection"]').check();
    const labels = form.locator('[data-testid="area-labels"]');
    await labels.locator('input[value="minor"]').check();
    await labels.locator('textarea').first().fill('二号货架商品缺少中文标签');
    await form.locator('input[name="measure"][value="guidance"]').check();
    const deadline = shanghaiDate((await h.now()) + 7 * DAY);
    await form.locator('input[name="rectifyBy"]').fill(deadline);
    await form.locator('[data-testid="form-evidence-upload-file"]').setInputFiles([
      { name: '货架.png', mimeType: 'image/png', buffer: RED },
      { name: '标签.png', mimeType: 'image/png', buffer: BLUE },
    ]);
    await untilCount(page, '[data-testid="inspection-form"] [data-testid="evidence-upload-item"]', 2);
    await page.click('[data-testid="complete-task"]');
    const done = await waitFor(async () => {
      const t = await h.db.task.findUniqueOrThrow({ where: { id: inspection.id } });
      return t.status === 'done' && t;
    }, 'the inspection completed');
    const photos = (done.result as { evidence?: string[] }).evidence ?? [];
    expect(photos).toHaveLength(2);
    expect(await h.db.attachment.count({ where: { id: { in: photos }, caseId, taskId: inspection.id } })).toBe(2);
    // Its own page lists both files; the comment goes below.
    await untilCount(page, '[data-testid="files-panel"] [data-testid="file-row"]', 2);
    await page.fill('[data-testid="comment-input"]', '复查时请重点看二号货架');
    await page.click('[data-testid="comment-send"]');
    await page.locator('[data-testid="comments"] [data-testid="comment"]', { hasText: '复查时请重点看二号货架' }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/evidence-inspection-done.png`, fullPage: true });
    await page.close();

    // At the deadline the verification opens.
    await h.skipTo(Date.parse(`${deadline}T23:59:59+08:00`) + 1000);
    const verification = await waitFor(() => h.db.task.findFirst({ where: { caseId, type: 'verification', status: 'open' } }), 'the verification');

    // officer.changxing, a second officer: the inspection above the form, with both photos shown and the comment.
    const second = await ui.signIn('officer.changxing');
    await second.goto(`${api.url}/#/tasks/${enc(verification.id)}/show`);
    const previous = second.locator('[data-testid="previous-inspection"]');
    await previous.waitFor();
    await second.locator('[data-testid="verification-form"]').waitFor();
    expect(await previous.textContent()).toContain('二号货架商品缺少中文标签');
    const thumbs = previous.locator('[data-testid="evidence-thumb"] img');
    await untilCount(second, '[data-testid="previous-inspection"] [data-testid="evidence-thumb"] img', 2);
    // Both are images the browser decoded (fetched with the officer's token), named by their file names.
    await second.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('[data-testid="previous-inspection"] [data-testid="evidence-thumb"] img')].every(
        (i) => i.complete && i.naturalWidth > 0,
      ),
    );
    expect(await thumbs.evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt')))).toEqual(['货架.png', '标签.png']);
    expect(await previous.locator('[data-testid="comment"]').textContent()).toContain('复查时请重点看二号货架');
    // The file's SHA-256 is not shown to an officer (it is in the audit trail).
    expect(await second.textContent('#main-content')).not.toMatch(/[0-9a-f]{64}/);
    await second.screenshot({ path: `${ARTIFACTS}/evidence-verification.png`, fullPage: true });
    await second.close();
  });
});
