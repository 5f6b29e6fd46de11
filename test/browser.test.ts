// A person's path through the console in Debian's Chromium: a station officer signs in, finds the
// self-check task in the 我的待办 inbox, fills the eight areas and completes it; the API confirms it.
// An evaluation group member scores the last of a case's five dimensions and sees the total, computed
// from the parts and the campaign's weights (changxing 三、评定管理), on the case page.
// Zhoushan: a county officer passes a pre-review (属地初审) and the city auditor finds the 市局审核 task
// in their inbox, with the running total of the criterion points as they type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, openConsole, type Console } from './helpers-browser.js';
import { startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { compressedStages, startApi, type Api } from './api-helpers.js';
import { UI_DIR } from '../api/server.js';
import { SELF_CHECK_AREAS } from '../domain/self-check.js';
import { BUILT_IN } from '../domain/programmes/index.js';
import { totalPoints } from '../domain/scoring.js';
import { APPLICATION_FORM } from './helpers-zhoushan.js';

const enc = encodeURIComponent;
const FORM = APPLICATION_FORM;
let h: Harness;
let api: Api;
let ui: Console;
const signIn = (username: string) => ui.signIn(username);

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h, UI_DIR);
  ui = await openConsole(api.url);
});
afterAll(async () => {
  await ui?.close();
  await api?.close();
  await h?.stop();
});

describe('console', () => {
  it('lets a station officer complete a self-check task from the inbox', async () => {
    const coord = await api.login('coord.changxing');
    const year = await uniqueYear(h.db);
    const launched = await api.call('POST', '/campaigns', {
      token: coord,
      body: { programme: 'changxing', year, jurisdictionId: '330522', stages: compressedStages(600_000), operatorIds: ['op-cx-013'] },
    });
    expect(launched.status).toBe(201);
    const task = await waitFor(() => h.db.task.findFirst({ where: { campaignId: launched.body.id } }), 'task');
    expect(task.jurisdictionId).toBe('330522001');

    const page = await signIn('officer.zhicheng');

    // New work waits under 待认领. Within this campaign: the list is by due time, 25 a page, and files
    // running beside this one give the same station tasks due earlier, which pushed this one to a later page.
    await page.goto(`${api.url}/#/tasks?filter=${encodeURIComponent(JSON.stringify({ campaignId: launched.body.id }))}`);
    await page.click('[data-testid="task-view-unclaimed"]');
    await page.locator('tbody tr.RaDatagrid-row', { hasText: task.title }).first().waitFor();
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

  it('an evaluation group member scores a case and its total appears on the case page', async () => {
    const coord = await api.login('coord.changxing');
    const year = await uniqueYear(h.db);
    // The evaluation stage is open now; the stages before it lie just in the past (they open and
    // close at once), the summary follows it.
    const now = Date.now();
    const at = (ms: number) => new Date(now + ms).toISOString();
    const stages = [
      { key: 'mobilization', startsAt: at(-8000), dueAt: at(-7000) },
      { key: 'self_check', startsAt: at(-6000), dueAt: at(-5000) },
      { key: 'rectification', startsAt: at(-4000), dueAt: at(-3000) },
      { key: 'evaluation', startsAt: at(-1000), dueAt: at(600_000) },
      { key: 'summary', startsAt: at(601_000), dueAt: at(602_000) },
    ];
    const launched = await api.call('POST', '/campaigns', {
      token: coord,
      // One auditor scores every dimension here (the campaign allows it; evaluation groups are their own test).
      body: { programme: 'changxing', year, jurisdictionId: '330522', stages, operatorIds: ['op-cx-013'], settings: { multiDimensionScorers: true } },
    });
    expect(launched.status).toBe(201);
    const campaignId: string = launched.body.id;

    // One score task per evaluation group (五个考评组), each for its own dimension.
    const tasks = await waitFor(async () => {
      const found = await h.db.task.findMany({ where: { campaignId, type: 'score' } });
      return found.length === 5 && found;
    }, 'the five score tasks');
    const caseId = tasks[0]!.caseId!;
    expect(new Set(tasks.map((t) => t.caseId))).toEqual(new Set([caseId]));
    const dimensionOf = (t: (typeof tasks)[number]) => (t.details as { dimension: string }).dimension;
    const weightOf = (t: (typeof tasks)[number]) => (t.details as { weight: number }).weight;

    // The third-party monitoring group scores in the console; the four others through the API.
    const viaUi = tasks.find((t) => dimensionOf(t) === 'third_party')!;
    const scores: Record<string, number> = {};
    const auditor = await api.login('auditor.changxing');
    for (const t of tasks.filter((x) => x !== viaUi)) {
      const r = await api.call('POST', `/tasks/${encodeURIComponent(t.id)}/complete`, { token: auditor, body: { score: 90 } });
      expect(r.status).toBe(200);
      scores[dimensionOf(t)] = 90;
    }
    scores[dimensionOf(viaUi)] = 80;

    // The expected total from the parts: Σ weight% × score, with the campaign's default weights for
    // op-cx-013's live-marketing track (department 40, third-party 30, industry / consumer / social 10).
    const defaults = BUILT_IN.changxing.defaults.settings.weights.live_marketing!;
    for (const t of tasks) expect(weightOf(t)).toBe(defaults[dimensionOf(t)]);
    const expectedE4 = tasks.reduce((sum, t) => sum + weightOf(t) * Math.round(scores[dimensionOf(t)]! * 100), 0);
    const expected = expectedE4 / 10_000;

    const page = await signIn('auditor.changxing');
    await page.goto(`${api.url}/#/tasks/${encodeURIComponent(viaUi.id)}/show`);
    await page.waitForSelector('[data-testid="score-form"]');
    expect(await page.textContent('[data-testid="score-form"]')).toContain('第三方监测');
    await page.fill('[data-testid="score-form"] input[name="score"]', '80');
    await page.screenshot({ path: `${ARTIFACTS}/score-form.png`, fullPage: true });
    await page.click('[data-testid="complete-task"]');
    await page.waitForSelector('[data-testid="score-result"]');

    const done = await api.call('GET', `/tasks/${encodeURIComponent(viaUi.id)}`, { token: auditor });
    expect(done.body.status).toBe('done');
    expect(done.body.completedById).toBe('u-auditor-changxing');
    expect(done.body.result).toEqual({ score: 80 });

    const scored = await waitFor(async () => {
      const r = await api.call('GET', `/cases/${encodeURIComponent(caseId)}`, { token: auditor });
      return r.body.totalScore != null && r.body;
    }, 'the case total');
    const byDimension = (a: { dimension: string }, b: { dimension: string }) => a.dimension.localeCompare(b.dimension);
    expect(
      [...scored.scoreParts]
        .sort(byDimension)
        .map((p: { dimension: string; score: number; weight: number }) => ({ dimension: p.dimension, score: p.score, weight: p.weight })),
    ).toEqual(tasks.map((t) => ({ dimension: dimensionOf(t), score: scores[dimensionOf(t)], weight: weightOf(t) })).sort(byDimension));
    expect(scored.totalScore).toBe(expected);

    await page.goto(`${api.url}/#/cases/${encodeURIComponent(caseId)}/show`);
    const total = await page.waitForSelector('[data-testid="case-total"]');
    // Shown with two decimals, truncated like the API's own display (domain/scoring.ts totalPoints).
    expect((await total.textContent())?.trim()).toBe(totalPoints(expectedE4).toFixed(2));
    await page.waitForSelector('[data-testid="score-parts"]');
    await page.screenshot({ path: `${ARTIFACTS}/case-total.png`, fullPage: true });
    await h.env.client.workflow.getHandle(`campaign-${campaignId}`).terminate('test done');
  });
  it('a county officer passes a pre-review and the city auditor sees it in their inbox', async () => {
    const coord = await api.login('coord.zhoushan');
    // The survey lies in the recent past (it opens and closes at once), applications are open now for
    // ten minutes, the audit and the list confirmation follow.
    const now = Date.now();
    const at = (ms: number) => new Date(now + ms).toISOString();
    const stages = [
      { key: 'survey', startsAt: at(-4000), dueAt: at(-3000) },
      { key: 'application', startsAt: at(-1000), dueAt: at(600_000) },
      { key: 'audit', startsAt: at(601_000), dueAt: at(602_000) },
      { key: 'confirmation', startsAt: at(603_000), dueAt: at(604_000) },
    ];
    const launched = await api.call('POST', '/campaigns', {
      token: coord,
      body: { programme: 'zhoushan', year: await uniqueYear(h.db), jurisdictionId: '330900', stages },
    });
    expect(launched.status, JSON.stringify(launched.body)).toBe(201);
    const campaignId: string = launched.body.id;
    await waitFor(() => h.db.stage.findFirst({ where: { campaignId, key: 'application', status: 'open' } }), 'application stage open');

    const officer = await api.login('officer.dinghai');
    const filed = await api.call('POST', `/campaigns/${enc(campaignId)}/applications`, { token: officer, body: { operatorId: 'op-zs-001', form: FORM } });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const caseId: string = filed.body.caseId;
    const review = await waitFor(() => h.db.task.findFirst({ where: { caseId, type: 'pre_review', status: 'open' } }), 'the pre-review task');
    const operator = await h.db.operator.findUniqueOrThrow({ where: { id: 'op-zs-001' } });

    // The county officer reads the application and reports it up to the city (通过上报).
    const page = await signIn('officer.dinghai');
    await page.goto(`${api.url}/#/tasks/${enc(review.id)}/show`);
    await page.waitForSelector('[data-testid="pre-review-form"]');
    expect(await page.textContent('[data-testid="application-details"]')).toContain(FORM.liveRoomName);
    await page.locator('[data-testid="pre-review-form"] input[name="decision"][value="pass"]').check();
    await page.screenshot({ path: `${ARTIFACTS}/pre-review-form.png`, fullPage: true });
    await page.click('[data-testid="complete-task"]');
    await page.waitForSelector('[data-testid="pre-review-result"]');
    const reviewed = await api.call('GET', `/tasks/${enc(review.id)}`, { token: officer });
    expect(reviewed.body).toMatchObject({ status: 'done', completedById: 'u-officer-dinghai', result: { decision: 'pass' } });

    // The city auditor's inbox (我的待办: open, mine) lists the 市局审核 task of that operator.
    await waitFor(() => h.db.task.findFirst({ where: { caseId, type: 'city_audit', status: 'open' } }), 'the city audit task');
    const auditorPage = await signIn('auditor.zhoushan');
    await auditorPage.goto(`${api.url}/#/tasks?filter=${enc(JSON.stringify({ status: 'open', mine: true, campaignId }))}`);
    const row = auditorPage.locator('tbody tr.RaDatagrid-row', { hasText: `市局审核：${operator.name}` });
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('市局审核');
    await auditorPage.screenshot({ path: `${ARTIFACTS}/inbox-city-auditor.png`, fullPage: true });

    // Its form adds the points up as the auditor types (the API computes the real total).
    await row.click();
    await auditorPage.waitForSelector('[data-testid="city-audit-form"]');
    const total = auditorPage.locator('[data-testid="audit-total"]');
    expect((await total.textContent())?.trim()).toBe('0');
    await auditorPage.fill('[data-testid="city-audit-form"] input[name="points.lawful"]', '9');
    await auditorPage.waitForFunction(() => document.querySelector('[data-testid="audit-total"]')?.textContent?.trim() === '9');
    // A value over the criterion's maximum (pricing: 8 by default, domain/programmes/zhoushan.ts) counts as the
    // maximum while its input shows the error.
    await auditorPage.fill('[data-testid="city-audit-form"] input[name="points.pricing"]', '80');
    await auditorPage.waitForFunction(() => document.querySelector('[data-testid="audit-total"]')?.textContent?.trim() === '17');
    await auditorPage.fill('[data-testid="city-audit-form"] input[name="points.pricing"]', '7');
    await auditorPage.waitForFunction(() => document.querySelector('[data-testid="audit-total"]')?.textContent?.trim() === '16');
    expect(await auditorPage.locator('[data-testid="city-audit-form"] input[name^="points."]').count()).toBe(12);
    await auditorPage.screenshot({ path: `${ARTIFACTS}/city-audit-form.png`, fullPage: true });

    const auditor = await api.login('auditor.zhoushan');
    const tasks = await api.call('GET', `/tasks?filter=${enc(JSON.stringify({ caseId, type: 'city_audit' }))}`, { token: auditor });
    expect(tasks.status).toBe(200);
    expect(tasks.body).toHaveLength(1);
    expect(tasks.body[0]).toMatchObject({ type: 'city_audit', status: 'open', assigneeRole: 'auditor', jurisdictionId: '330900' });
    await h.env.client.workflow.getHandle(`campaign-${campaignId}`).terminate('test done');
  });
});
