// Determinism guard: workflow histories replay against the current workflow code. Histories recorded by
// this run are replayed straight away; histories committed under test/histories/ (recorded from earlier
// code with RECORD_HISTORIES=1) catch a change that would break campaigns already running in production.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Worker } from '@temporalio/worker';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { COORDINATOR, compressedDefinition, launch } from './helpers-campaign.js';
import { awardProgressQuery, campaignProgressQuery, finalizeAwardUpdate, publishPublicityUpdate } from '../workflows/messages.js';
import { completeOpenWork } from './helpers-work.js';

const DIR = 'test/histories';
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

async function* fromFiles(files: string[]) {
  for (const f of files) yield { workflowId: f, history: historyFromJSON(JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8'))) };
}

describe('workflow replay', () => {
  it('replays the histories of a campaign run to completion, its cases and a title to expiry', async () => {
    const year = await uniqueYear(h.db);
    const def = compressedDefinition(year, { stageMs: [400, 2000, 2000, 8000, 400], gapMs: 100, leadMs: 1000, settings: { titleValidity: 'PT2S' } });
    const { workflowId } = await launch(h.env.client, h.db, h.taskQueue, def, ['op-cx-004', 'op-cx-005']);
    const campaign = h.env.client.workflow.getHandle(workflowId);
    // Every task done, the 公示 list published with a short window and made final: the whole year.
    for (;;) {
      await completeOpenWork(h, def.campaignId);
      const [progress, award] = await Promise.all([campaign.query(campaignProgressQuery), campaign.query(awardProgressQuery)]);
      if (progress.status === 'completed') break;
      const scored = await h.db.case.count({ where: { campaignId: def.campaignId, totalScore: { not: null } } });
      if (progress.currentStage === 'evaluation' && !award.publicity && scored === 2)
        await campaign.executeUpdate(publishPublicityUpdate, { args: [{ windowEndsAt: Date.now() + 300, actor: COORDINATOR }] });
      if (award.publicity && !award.finalized && Date.now() > award.publicity.windowEndsAt)
        await campaign.executeUpdate(finalizeAwardUpdate, { args: [{ actor: COORDINATOR }] });
      await new Promise((r) => setTimeout(r, 200));
    }
    const title = await h.db.title.findFirstOrThrow({ where: { campaignId: def.campaignId } });
    expect((await h.env.client.workflow.getHandle(title.workflowId).result()).status).toBe('expired');

    const ids = [workflowId, `case-${def.campaignId}:op-cx-004`, `case-${def.campaignId}:op-cx-005`, title.workflowId];
    const histories = await Promise.all(ids.map(async (id) => ({ workflowId: id, history: await h.env.client.workflow.getHandle(id).fetchHistory() })));
    if (process.env.RECORD_HISTORIES) {
      for (const [i, x] of histories.entries()) writeFileSync(`${DIR}/${['campaign', 'case-1', 'case-2', 'title'][i]}.json`, historyToJSON(x.history));
    }
    const results = [];
    for await (const r of Worker.runReplayHistories({ workflowBundle: { codePath: inject('workflowBundlePath') } }, histories)) results.push(r);
    expect(results).toHaveLength(4);
    expect(results.filter((r) => r.error)).toEqual([]);
  });

  it('replays the committed histories recorded from earlier code', async () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    const results = [];
    for await (const r of Worker.runReplayHistories({ workflowBundle: { codePath: inject('workflowBundlePath') } }, fromFiles(files))) results.push(r);
    expect(results.map((r) => [r.workflowId, r.error?.message])).toEqual(files.map((f) => [f, undefined]));
  });
});
