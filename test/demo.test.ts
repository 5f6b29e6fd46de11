// The demo `npm start` launches (runtime/demo.ts), on a database of its own: the three programmes' campaigns
// and the Lijiang applications, three in a review batch and two queued. A demo that fails to launch takes
// `npm start` down with it, and no other suite would notice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIsolatedHarness, waitFor, type Harness } from './helpers.js';
import { launchDemoCampaign } from '../runtime/demo.js';

let h: Harness;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ harness: h, drop } = await startIsolatedHarness('campaign_demo'));
});
afterAll(async () => {
  // The demo's campaigns carry this year's ids on the shared dev server: they go, with their database.
  for (const c of (await h?.db.campaign.findMany()) ?? [])
    await h.env.client.workflow
      .getHandle(c.workflowId)
      .terminate('test done')
      .catch(() => {});
  for (const c of (await h?.db.campaign.findMany({ where: { programme: 'lijiang' } })) ?? [])
    await h.env.client.workflow
      .getHandle(`register-scoring-${c.id}`)
      .terminate('test done')
      .catch(() => {});
  await h?.stop();
  await drop?.();
});

describe('the npm start demo', () => {
  it('launches Changxing, Zhoushan and Lijiang, with Lijiang applications batched and queued', async () => {
    const id = await launchDemoCampaign(h.env.client, h.db, h.taskQueue);
    expect(id).toMatch(/^changxing-330522-\d{4}$/);
    expect((await h.db.campaign.findMany({ orderBy: { programme: 'asc' } })).map((c) => c.programme)).toEqual(['changxing', 'lijiang', 'zhoushan']);
    const lj = await h.db.campaign.findFirstOrThrow({ where: { programme: 'lijiang' } });
    const entries = await h.db.registerEntry.findMany({ where: { campaignId: lj.id } });
    expect(entries.map((e) => e.status).sort()).toEqual(['in_review', 'in_review', 'in_review', 'queued', 'queued']);
    await waitFor(async () => (await h.db.task.count({ where: { campaignId: lj.id, type: 'intake_review', status: 'open' } })) === 3, 'three reviews');
    // A second start launches nothing more.
    expect(await launchDemoCampaign(h.env.client, h.db, h.taskQueue)).toBeUndefined();
  });
});
