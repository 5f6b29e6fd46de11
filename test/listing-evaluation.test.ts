// Periodic evaluation of listed rooms (zhoushan 七、（三）加强对培育库中主体的日常监测和评估; README "Periodic
// evaluation of listed rooms"), on Temporal's time-skipping test server: a campaign set to evaluate every six
// months lists a room; six months on (skipped, not waited for) the county's officer has an evaluation task; a
// failed one proposes removal to the city, which keeps the room with its reason; six months later another
// failed evaluation and the city removes it, as a serious finding would. Refusals: an officer of another
// county, a coordinator for the county's evaluation. The listing's history replays.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { waitFor } from './helpers.js';
import { startTimeSkippingHarness, type TimeHarness } from './helpers-time.js';
import { startApi, type Api } from './api-helpers.js';
import { zhoushanListed } from './helpers-fixtures.js';

let h: TimeHarness;
let api: Api;
const tokens = new Map<string, Promise<string>>();
const token = (user: string) => {
  if (!tokens.has(user)) tokens.set(user, api.login(user));
  return tokens.get(user)!;
};
beforeAll(async () => {
  h = await startTimeSkippingHarness();
  api = await startApi(h);
});
afterAll(async () => {
  await api?.close();
  await h?.stop();
});

const DAY = 86_400_000;
const enc = encodeURIComponent;
const post = async (user: string, path: string, body?: unknown) => api.call('POST', path, { token: await token(user), body });

describe('periodic evaluation of listed rooms', () => {
  it('evaluates a listed room every period; a failed evaluation proposes removal, which the city decides', async () => {
    const z = await zhoushanListed(h, api, token, { evaluationPeriodMonths: 6 });
    const id = z.listingId;
    expect(await h.db.task.count({ where: { caseId: id, type: 'listing_evaluation' } })).toBe(0);

    // Six months on: the county evaluates.
    await h.skip(185 * DAY);
    const first = await waitFor(() => h.db.task.findFirst({ where: { caseId: id, type: 'listing_evaluation', status: 'open' } }), 'the first evaluation');
    expect(first).toMatchObject({ assigneeRole: 'county_officer', jurisdictionId: '330902' });
    expect((await post('officer.putuo', `/tasks/${enc(first.id)}/complete`, { passed: false, note: '越权' })).status).toBe(403);
    expect((await post('coord.zhoushan', `/tasks/${enc(first.id)}/complete`, { passed: false, note: '角色不符' })).status).toBe(403);
    expect((await post('officer.dinghai', `/tasks/${enc(first.id)}/complete`, { passed: false })).status).toBe(400);
    const failed = await post('officer.dinghai', `/tasks/${enc(first.id)}/complete`, { passed: false, note: '直播中存在夸大宣传，未落实整改' });
    expect(failed.status, JSON.stringify(failed.body)).toBe(200);

    // The city decides the proposed removal: kept, with its reason.
    const review = await waitFor(() => h.db.task.findFirst({ where: { caseId: id, type: 'listing_removal_review', status: 'open' } }), 'the removal review');
    expect(review).toMatchObject({ assigneeRole: 'coordinator', jurisdictionId: '330900' });
    expect(review.details).toMatchObject({ evaluationNote: '直播中存在夸大宣传，未落实整改' });
    expect((await post('coord.zhoushan', `/tasks/${enc(review.id)}/complete`, { decision: 'keep', reason: '已约谈，限期整改' })).status).toBe(200);
    await waitFor(() => h.db.auditEvent.findFirst({ where: { entityId: id, action: 'listing.kept' } }), 'kept');
    expect((await h.db.listing.findUniqueOrThrow({ where: { id } })).status).toBe('listed');

    // Another six months: failed again, and removed.
    await h.skip(185 * DAY);
    const second = await waitFor(
      () => h.db.task.findFirst({ where: { caseId: id, type: 'listing_evaluation', status: 'open', id: { not: first.id } } }),
      'the second evaluation',
    );
    expect(second.title).toContain('第2次');
    expect((await post('officer.dinghai', `/tasks/${enc(second.id)}/complete`, { passed: false, note: '整改不到位' })).status).toBe(200);
    const review2 = await waitFor(
      () => h.db.task.findFirst({ where: { caseId: id, type: 'listing_removal_review', status: 'open', id: { not: review.id } } }),
      'the second removal review',
    );
    expect((await post('coord.zhoushan', `/tasks/${enc(review2.id)}/complete`, { decision: 'remove', reason: '两次评估不合格' })).status).toBe(200);
    await waitFor(async () => (await h.db.listing.findUniqueOrThrow({ where: { id } })).status === 'removed', 'removed');
    const removed = await h.db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'listing.removed' } });
    expect(removed.reason).toContain('两次评估不合格');
    expect(await h.db.auditEvent.count({ where: { entityId: id, action: 'listing.evaluation_failed' } })).toBe(2);

    // Its history, evaluations and all, replays.
    const history = await h.env.client.workflow.getHandle(`listing-${id}`).fetchHistory();
    for await (const r of Worker.runReplayHistories({ workflowBundle: { codePath: inject('workflowBundlePath') } }, [{ workflowId: `listing-${id}`, history }]))
      expect(r.error).toBeUndefined();
  });
});
