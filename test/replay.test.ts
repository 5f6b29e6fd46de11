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
import { completeTaskUpdate } from '../workflows/messages.js';
import { SELF_CHECK_AREAS } from '../domain/self-check.js';

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
  it('replays the histories of a campaign run to completion', async () => {
    const year = await uniqueYear(h.db);
    const def = compressedDefinition(year, { stageMs: [400, 2500, 400, 400, 400], gapMs: 100, leadMs: 1500 });
    const { workflowId } = await launch(h.env.client, h.db, h.taskQueue, def, ['op-cx-004', 'op-cx-005']);
    const task = await waitFor(() => h.db.task.findFirst({ where: { campaignId: def.campaignId, caseId: `${def.campaignId}:op-cx-004` } }), 'task');
    await h.env.client.workflow.getHandle(task.workflowId).executeUpdate(completeTaskUpdate, {
      args: [{ taskId: task.id, actor: { userId: 'u-officer-heping', role: 'county_officer', displayName: '和平执法员' }, result: { areas: SELF_CHECK_AREAS.map((a) => ({ key: a.key, finding: 'compliant' })) } }],
    });
    const esc = await waitFor(() => h.db.task.findFirst({ where: { campaignId: def.campaignId, type: 'escalation' } }), 'escalation', 15_000);
    await h.env.client.workflow.getHandle(workflowId).executeUpdate(completeTaskUpdate, { args: [{ taskId: esc.id, actor: COORDINATOR, result: { note: '已督办' } }] });
    const late = await h.db.task.findFirstOrThrow({ where: { campaignId: def.campaignId, status: 'open', type: 'self_check' } });
    await h.env.client.workflow.getHandle(late.workflowId).executeUpdate(completeTaskUpdate, {
      args: [{ taskId: late.id, actor: { userId: 'u-officer-sian', role: 'county_officer', displayName: '泗安执法员' }, result: { areas: SELF_CHECK_AREAS.map((a) => ({ key: a.key, finding: 'compliant' })) } }],
    });
    await h.env.client.workflow.getHandle(workflowId).result();

    const ids = [workflowId, task.workflowId, late.workflowId];
    const histories = await Promise.all(ids.map(async (id) => ({ workflowId: id, history: await h.env.client.workflow.getHandle(id).fetchHistory() })));
    if (process.env.RECORD_HISTORIES) {
      for (const [i, x] of histories.entries()) writeFileSync(`${DIR}/${i === 0 ? 'campaign' : `case-${i}`}.json`, historyToJSON(x.history));
    }
    const results = [];
    for await (const r of Worker.runReplayHistories({ workflowBundle: { codePath: inject('workflowBundlePath') } }, histories)) results.push(r);
    expect(results).toHaveLength(3);
    expect(results.filter((r) => r.error)).toEqual([]);
  });

  it('replays the committed histories recorded from earlier code', async () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    const results = [];
    for await (const r of Worker.runReplayHistories({ workflowBundle: { codePath: inject('workflowBundlePath') } }, fromFiles(files))) results.push(r);
    expect(results.map((r) => [r.workflowId, r.error?.message])).toEqual(files.map((f) => [f, undefined]));
  });
});
