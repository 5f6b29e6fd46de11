// Races with a defined outcome. Two officers on one task: exactly one wins, the other gets 409
// (test/api.test.ts). Here: completions racing a stage's early close. The case workflow's order decides —
// a completion it takes before it hears of the close is on time, one after is late — and nothing is lost:
// every completion is accepted, audited once, and the projection agrees with the workflow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SELF_CHECK_AREAS } from '../domain/self-check.js';
import { checkConsistency } from '../runtime/consistency.js';
import { startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { compressedStages, startApi, type Api } from './api-helpers.js';

let h: Harness;
let api: Api;
const tokens: Record<string, string> = {};
const enc = encodeURIComponent;
const compliant = { areas: SELF_CHECK_AREAS.map((a) => ({ key: a.key, finding: 'compliant' })) };
const OFFICERS: Record<string, string> = { '330522001': 'officer.zhicheng', '330522002': 'officer.taihu' };

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h);
  for (const u of ['coord.changxing', ...Object.values(OFFICERS)]) tokens[u] = await api.login(u);
});
afterAll(async () => {
  await api?.close();
  await h?.stop();
});

describe('races', () => {
  it('completions racing an early close of their stage: each accepted once, on time or late as the workflow saw it', async () => {
    const year = await uniqueYear(h.db);
    const launched = await api.call('POST', '/campaigns', {
      token: tokens['coord.changxing'],
      body: {
        programme: 'changxing',
        year,
        jurisdictionId: '330522',
        stages: compressedStages(600_000),
        operatorIds: ['op-cx-001', 'op-cx-007', 'op-cx-013', 'op-cx-002', 'op-cx-008', 'op-cx-014'],
      },
    });
    expect(launched.status).toBe(201);
    const campaignId = launched.body.id as string;
    const tasks = await waitFor(async () => {
      const t = await h.db.task.findMany({ where: { campaignId, type: 'self_check' }, orderBy: { id: 'asc' } });
      return t.length === 6 && t;
    }, 'six self-checks');

    // The close and six completions at once.
    const close = api.call('POST', `/campaigns/${enc(campaignId)}/stages/self_check/close`, {
      token: tokens['coord.changxing'],
      body: { reason: '提前结束自查' },
    });
    const completions = tasks.map((t) => api.call('POST', `/tasks/${enc(t.id)}/complete`, { token: tokens[OFFICERS[t.jurisdictionId]!], body: compliant }));
    const [closed, ...done] = await Promise.all([close, ...completions]);
    expect(closed.status).toBe(200);
    expect(done.map((d) => d.status)).toEqual(tasks.map(() => 200));

    // Each is recorded once; its `late` flag and the row's overdue flag say the same.
    for (const t of tasks) {
      const audits = await h.db.auditEvent.findMany({ where: { entityId: t.id, action: 'task.completed' } });
      expect(audits).toHaveLength(1);
      const row = await h.db.task.findUniqueOrThrow({ where: { id: t.id } });
      expect(row.status).toBe('done');
      expect(row.overdue).toBe((audits[0]!.data as { late: boolean }).late);
    }
    // The escalation counted what was still open when the stage closed: never more than the six.
    const stage = await h.db.stage.findUniqueOrThrow({ where: { id: `${campaignId}:self_check` } });
    expect(stage).toMatchObject({ status: 'closed', closedEarly: true });
    expect(stage.overdueCount).toBeLessThanOrEqual(6);
    expect(await h.db.task.count({ where: { campaignId, type: 'escalation' } })).toBe(stage.overdueCount > 0 ? 1 : 0);
    // And the workflows agree with the projections, once the reviews have opened.
    await waitFor(async () => (await h.db.task.count({ where: { campaignId, type: 'self_check_review' } })) === 6, 'the reviews');
    const end = Date.now() + 20_000;
    let mismatches = await checkConsistency(h.db, h.env.client, [campaignId]);
    while (mismatches.length && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 300));
      mismatches = await checkConsistency(h.db, h.env.client, [campaignId]);
    }
    expect(mismatches).toEqual([]);
    await h.env.client.workflow.getHandle((await h.db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).workflowId).terminate('test done');
  });
});
