// 更正 in Debian's Chromium (README "Corrections"): a coordinator corrects an evaluation group's score before
// the 公示 from the completed task's page, with a reason, and the case's total and proposal change on the case
// page; once the 公示 is published the same dialog shows the refusal with its reason, and nothing changes,
// and a 公示 that supersedes the last is published with the correction, or on its own from the award tab.
// An officer sees no 更正 button. An inspection is corrected by reopening it for the station.
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS } from './helpers-browser.js';
import { uniqueYear, waitFor } from './helpers.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { consoleSuite } from './helpers-console-suite.js';

const enc = encodeURIComponent;
const suite = consoleSuite();
const tokens: Record<string, string> = {};
beforeAll(async () => {
  for (const u of ['coord.changxing', 'auditor.changxing']) tokens[u] = await suite.api.login(u);
});

const post = (user: string, path: string, body?: unknown) => suite.api.call('POST', path, { token: tokens[user]!, body });

/** A Changxing campaign of op-cx-001 alone with `openKey` open now (for ten minutes): its id and the case's. */
async function launchOpenAt(openKey: string, openMs = 600_000) {
  const launched = await post('coord.changxing', '/campaigns', {
    programme: 'changxing',
    year: await uniqueYear(suite.h.db),
    jurisdictionId: '330522',
    stages: calendarOpenAt(openKey, openMs),
    reminderLeadHours: 0,
    operatorIds: ['op-cx-001'],
    // One auditor scores every dimension here (evaluation groups: test/evaluation-groups.test.ts).
    settings: { multiDimensionScorers: true },
  });
  expect(launched.status, JSON.stringify(launched.body)).toBe(201);
  const campaignId = launched.body.id as string;
  suite.workflows.push(launched.body.workflowId ?? `campaign-${campaignId}`);
  return { campaignId, caseId: `${campaignId}:op-cx-001` };
}

describe('corrections in the console', () => {
  it('a coordinator corrects a score before the 公示 and the proposal changes; after the 公示 only with a new 公示', async () => {
    // 评价公示 open for a month: long enough for a new 公示 of the campaign's 7 days.
    const { campaignId, caseId } = await launchOpenAt('evaluation', 30 * 86_400_000);
    const scores = await waitFor(async () => {
      const t = await suite.h.db.task.findMany({ where: { campaignId, type: 'score' } });
      return t.length === 5 && t;
    }, 'five score tasks');
    for (const t of scores) expect((await post('auditor.changxing', `/tasks/${enc(t.id)}/complete`, { score: 90 })).status).toBe(200);
    await waitFor(async () => (await suite.h.db.case.findUniqueOrThrow({ where: { id: caseId } })).proposed, 'proposed at 90');
    const dept = scores.find((t) => (t.details as { dimension: string }).dimension === 'department')!;

    // An officer of the station sees the completed score without 更正.
    const officer = await suite.ui.signIn('officer.zhicheng');
    await officer.goto(`${suite.api.url}/#/tasks/${enc(dept.id)}/show`);
    await officer.locator('[data-testid="task-completed-by"]').waitFor();
    expect(await officer.locator('[data-testid="correct-task"]').count()).toBe(0);
    await officer.close();

    const page = await suite.ui.signIn('coord.changxing');
    await page.goto(`${suite.api.url}/#/cases/${enc(caseId)}/show`);
    await page.locator('[data-testid="case-proposed"]', { hasText: /^\s*拟授予称号\s*$/ }).waitFor();

    // 更正: 70 for the department group, with the reason. 70·0.4 + 27 + 9 + 9 + 9 = 82, below 85.
    await page.goto(`${suite.api.url}/#/tasks/${enc(dept.id)}/show`);
    await page.click('[data-testid="correct-task"]');
    const dialog = page.locator('[data-testid="correction-dialog"]');
    await dialog.waitFor();
    await page.fill('[data-testid="correction-score"]', '70');
    await page.fill('[data-testid="correction-dialog-reason"]', '部门评价录入错误，应为 70 分');
    await page.click('[data-testid="correction-dialog-confirm"]');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('已更正：原结论与更正均已记入操作日志').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/correction-score.png`, fullPage: true });
    expect(await suite.h.db.auditEvent.findFirstOrThrow({ where: { entityId: dept.id, action: 'task.corrected' } })).toMatchObject({
      actorId: 'u-coord-changxing',
      reason: '部门评价录入错误，应为 70 分',
      data: expect.objectContaining({ before: { score: 90 }, after: { score: 70 } }),
    });

    // The case page: the total and the proposal changed.
    await page.goto(`${suite.api.url}/#/cases/${enc(caseId)}/show`);
    await page.locator('[data-testid="case-proposed"]', { hasText: /^\s*未达授予条件\s*$/ }).waitFor();
    expect(await page.locator('#main-content').textContent()).toContain('82');
    expect(await suite.h.db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ totalScore: 82, proposed: false });

    // Published (the 公示 lists nobody now): a further correction is refused in the dialog, with the reason.
    const windowEndsAt = new Date(Date.now() + 120_000).toISOString();
    expect((await post('coord.changxing', `/campaigns/${enc(campaignId)}/publicity`, { windowEndsAt })).status).toBe(201);
    await page.goto(`${suite.api.url}/#/tasks/${enc(dept.id)}/show`);
    await page.click('[data-testid="correct-task"]');
    await page.fill('[data-testid="correction-score"]', '95');
    await page.fill('[data-testid="correction-dialog-reason"]', '公示后发现');
    await page.click('[data-testid="correction-dialog-confirm"]');
    const problem = page.locator('[data-testid="correction-dialog-problem"]');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('其中的结论不能再更正');
    await page.screenshot({ path: `${ARTIFACTS}/correction-refused.png`, fullPage: true });
    expect(await suite.h.db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ totalScore: 82, proposed: false });
    expect(await suite.h.db.auditEvent.count({ where: { entityId: dept.id, action: 'task.corrected' } })).toBe(1);

    // With a new 公示: 95·0.4 + 27 + 9 + 9 + 9 = 92, proposed again, and listed by a 公示 that supersedes the first.
    await page.click('[data-testid="correction-republish"]');
    await page.click('[data-testid="correction-dialog-confirm"]');
    await dialog.waitFor({ state: 'hidden' });
    expect(await suite.h.db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ totalScore: 92, proposed: true });
    const publicity = await suite.h.db.roster.findMany({ where: { campaignId, kind: 'publicity' }, orderBy: { seq: 'asc' } });
    expect(publicity.map((r) => [r.seq, (r.entries as { caseId: string }[]).map((e) => e.caseId)])).toEqual([
      [1, []],
      [2, [caseId]],
    ]);

    // 重新公示 on its own, from the award tab (as when a correction's new 公示 was refused): issue 3
    // supersedes issue 2, with the reason in the trail.
    await page.goto(`${suite.api.url}/#/campaigns/${enc(campaignId)}/show/award`);
    await page.locator('[data-testid="publicity-panel"]', { hasText: '第 2 期公示' }).waitFor();
    await page.click('[data-testid="republish-publicity"]');
    await page.locator('[data-testid="republish-dialog"]').waitFor();
    expect(await page.inputValue('[data-testid="republish-days"]')).toBe('7');
    await page.fill('[data-testid="republish-dialog-reason"]', '更正后的公示发布失败，重新公示');
    await page.screenshot({ path: `${ARTIFACTS}/republish-publicity.png`, fullPage: true });
    await page.click('[data-testid="republish-dialog-confirm"]');
    await page.getByText('第 3 期公示名单已发布，取代上一期').waitFor();
    await page.locator('[data-testid="publicity-panel"]', { hasText: '第 3 期公示' }).waitFor();
    const third = await suite.h.db.roster.findFirstOrThrow({ where: { campaignId, kind: 'publicity', seq: 3 } });
    expect((await suite.h.db.auditEvent.findFirstOrThrow({ where: { entityId: third.id, action: 'roster.published' } })).data).toMatchObject({
      supersedes: publicity[1]!.id,
      reason: '更正后的公示发布失败，重新公示',
    });
    await page.close();
  });

  it('an inspection is corrected by reopening it: no amend form, the order not yet due withdrawn, the task back with the station', async () => {
    const { caseId } = await launchOpenAt('rectification');
    const inspection = await waitFor(() => suite.h.db.task.findFirst({ where: { caseId, type: 'inspection', status: 'open' } }), 'the inspection');
    const officer = await suite.api.login('officer.zhicheng');
    const finding = {
      method: 'inspection',
      areas: [{ key: 'conduct', finding: 'minor', description: '价格标示不清' }],
      measure: 'guidance',
      rectifyBy: new Date(Date.now() + 300_000).toISOString(),
    };
    const done = await suite.api.call('POST', `/tasks/${enc(inspection.id)}/complete`, { token: officer, body: finding });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    await waitFor(async () => (await suite.h.db.case.findUniqueOrThrow({ where: { id: caseId } })).currentStep?.startsWith('rectifying:'), 'ordered');

    const page = await suite.ui.signIn('coord.changxing');
    await page.goto(`${suite.api.url}/#/tasks/${enc(inspection.id)}/show`);
    await page.click('[data-testid="correct-task"]');
    const dialog = page.locator('[data-testid="correction-dialog"]');
    await dialog.waitFor();
    expect(await dialog.locator('[data-testid="correction-mode"]').count()).toBe(0);
    expect(await dialog.locator('[data-testid="correction-reopen-helper"]').textContent()).toContain('尚未到期的整改责令随之撤回');
    await page.fill('[data-testid="correction-dialog-reason"]', '执法记录仪显示价格标示清楚，请所里重新检查');
    await page.screenshot({ path: `${ARTIFACTS}/correction-inspection.png`, fullPage: true });
    await page.click('[data-testid="correction-dialog-confirm"]');
    await dialog.waitFor({ state: 'hidden' });
    // Open again and nobody's: the station's officers take it from 本单位待认领.
    await page.locator('[data-testid="task-handler"]', { hasText: '未认领' }).waitFor();
    expect(await suite.h.db.task.findUniqueOrThrow({ where: { id: inspection.id } })).toMatchObject({ status: 'open', result: null });
    expect((await suite.h.db.case.findUniqueOrThrow({ where: { id: caseId } })).currentStep).toBe('inspection:open');
    await page.close();
  });
});
