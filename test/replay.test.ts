// Determinism guard: workflow histories replay against the current workflow code. Histories recorded by
// this run are replayed straight away; histories committed under test/histories/ (recorded from earlier
// code with RECORD_HISTORIES=1) catch a change that would break campaigns already running in production.
// On Temporal's time-skipping test server (test/helpers-time.ts): the test moves the clock to each stage.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Worker } from '@temporalio/worker';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { uniqueYear, waitFor } from './helpers.js';
import { startTimeSkippingHarness, type TimeHarness } from './helpers-time.js';
import { COORDINATOR, calendarOpenAt, compressedDefinition, launch } from './helpers-campaign.js';
import {
  campaignProgressQuery,
  closeStageUpdate,
  completeTaskUpdate,
  confirmListUpdate,
  fileApplicationUpdate,
  finalizeAwardUpdate,
  nominateUpdate,
  publishPublicityUpdate,
  removeListingUpdate,
} from '../workflows/messages.js';
import { defineCampaign } from '../domain/campaign-definition.js';
import type { Actor } from '../domain/roles.js';
import { BUILT_IN } from '../domain/programmes/index.js';
import { completeOpenWork } from './helpers-work.js';
import { caseBatchWorkflowId } from '../workflows/case-batch.js';
import { arrivalShardWorkflowId } from '../workflows/arrival-messages.js';
import { sendArrival } from '../api/arrivals.js';
import type { WorkflowHandle } from '@temporalio/client';

const DIR = 'test/histories';
const HOUR = 3600_000;
const DAY = 24 * HOUR;
let h: TimeHarness;
beforeAll(async () => {
  h = await startTimeSkippingHarness();
});
afterAll(async () => h?.stop());

async function* fromFiles(files: string[]) {
  for (const f of files) yield { workflowId: f, history: historyFromJSON(JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8'))) };
}

describe('workflow replay', () => {
  it('replays the histories of a campaign run to completion, its cases and a title to expiry', async () => {
    const year = await uniqueYear(h.db);
    const def = compressedDefinition(year, { at: await h.now(), startInMs: HOUR, stageMs: [DAY, 2 * DAY, 2 * DAY, 8 * DAY, DAY], gapMs: HOUR, leadMs: HOUR });
    const { workflowId } = await launch(h.env.client, h.db, h.taskQueue, def, ['op-cx-004', 'op-cx-005']);
    const campaign = h.env.client.workflow.getHandle(workflowId);
    const id = def.campaignId;
    const count = (type: string) => h.db.task.count({ where: { campaignId: id, type, status: 'done' } });
    /** Does every open task of the campaign, again and again, until `done` holds. */
    const workUntil = (what: string, done: () => Promise<boolean>) =>
      waitFor(async () => {
        await completeOpenWork(h, id);
        return done();
      }, what);
    const [, selfCheck, rectification, evaluation] = def.stages;
    // The whole year, stage by stage: every task done, the 公示 published and its window run out, the list final.
    await h.skipTo(selfCheck!.startsAt);
    await workUntil('the self-checks reviewed', async () => (await count('self_check_review')) === 2);
    await h.skipTo(rectification!.startsAt);
    await workUntil('the inspections done', async () => (await count('inspection')) === 2);
    await h.skipTo(evaluation!.startsAt);
    await workUntil('both cases scored', async () => (await h.db.case.count({ where: { campaignId: id, proposed: true } })) === 2);
    const windowEndsAt = (await h.now()) + DAY;
    await campaign.executeUpdate(publishPublicityUpdate, { args: [{ windowEndsAt, actor: COORDINATOR }] });
    await h.skipTo(windowEndsAt + 1);
    await campaign.executeUpdate(finalizeAwardUpdate, { args: [{ actor: COORDINATOR }] });
    await h.skipTo(def.stages.at(-1)!.dueAt + 1);
    await waitFor(async () => (await campaign.query(campaignProgressQuery)).status === 'completed', 'the campaign completed');
    // The title runs its year: the test environment's result() moves the clock to its expiry.
    const title = await h.db.title.findFirstOrThrow({ where: { campaignId: def.campaignId } });
    expect((await h.env.client.workflow.getHandle(title.workflowId).result()).status).toBe('expired');

    // The campaign reads its stored enrolment (campaign-enrolment; campaign-batched keeps one that carried the
    // operator ids in its input) and starts its cases through a launch batch, and cases write by local
    // activities whose completions write their follow-up with them: case-batch-activity / case-follow-up-*;
    // case-local-* keep cases that wrote it apart, campaign.json and case-*.json a run from before batches.
    const ids = [workflowId, `case-${def.campaignId}:op-cx-004`, `case-${def.campaignId}:op-cx-005`, title.workflowId, caseBatchWorkflowId(def.campaignId, 1)];
    const histories = await Promise.all(ids.map(async (id) => ({ workflowId: id, history: await h.env.client.workflow.getHandle(id).fetchHistory() })));
    if (process.env.RECORD_HISTORIES) {
      for (const [i, x] of histories.entries())
        // case-batch.json stays the one run of a batch whose cases were its children (before launch-cases-by-activity).
        writeFileSync(
          `${DIR}/${['campaign-enrolment', 'case-follow-up-1', 'case-follow-up-2', 'title', 'case-batch-activity'][i]}.json`,
          historyToJSON(x.history),
        );
    }
    const results = [];
    for await (const r of Worker.runReplayHistories({ workflowBundle: { codePath: inject('workflowBundlePath') } }, histories)) results.push(r);
    expect(results).toHaveLength(5);
    expect(results.filter((r) => r.error)).toEqual([]);
  });

  it('replays the histories of a Zhoushan application through the city list, and of the listed room', async () => {
    const year = await uniqueYear(h.db);
    const r = defineCampaign(BUILT_IN.zhoushan, {
      year,
      jurisdictionId: '330900',
      stages: calendarOpenAt('application', 30 * DAY, 'zhoushan', await h.now()),
      reminderLeadHours: 0,
    });
    const def = r.definition!;
    const { workflowId } = await launch(h.env.client, h.db, h.taskQueue, def);
    const campaign = h.env.client.workflow.getHandle(workflowId);
    await waitFor(() => h.db.stage.findFirst({ where: { campaignId: def.campaignId, key: 'application', status: 'open' } }), 'applications open');
    const o = await h.db.operator.findUniqueOrThrow({ where: { id: 'op-zs-003' } });
    const seed = {
      caseId: `${def.campaignId}:${o.id}`,
      operatorId: o.id,
      operatorName: o.name,
      operatorUscc: o.uscc,
      jurisdictionId: o.jurisdictionId,
      track: null,
    };
    const officer: Actor = { userId: 'u-officer-daishan', role: 'county_officer', displayName: '岱山县执法员' };
    // Filed as the API files it: through the campaign's arrival shard (api/arrivals.ts).
    const file = (x: WorkflowHandle) => x.executeUpdate(fileApplicationUpdate, { args: [{ seed, form: { liveRoomName: '岱山直播间' }, actor: officer }] });
    await sendArrival(h.env.client, workflowId, { toShard: file, toCampaign: file });
    const done = async (type: string, result: unknown, actor = officer) => {
      const t = await waitFor(() => h.db.task.findFirst({ where: { caseId: seed.caseId, type, status: 'open' } }), type);
      await h.env.client.workflow.getHandle(t.workflowId).executeUpdate(completeTaskUpdate, { args: [{ taskId: t.id, actor, result }] });
    };
    await done('pre_review', { decision: 'return', reason: '缺材料' });
    await done('resubmission', { supplied: '已补' });
    await done('pre_review', { decision: 'pass' });
    const points = Object.fromEntries(BUILT_IN.zhoushan.application.rubric.flatMap((g) => g.criteria.map((c) => [c.key, 7])));
    await done('city_audit', { points, vetoes: [] }, { userId: 'u-auditor-zhoushan', role: 'auditor', displayName: '舟山市审核员' });
    await waitFor(() => h.db.case.findFirst({ where: { id: seed.caseId, totalScore: { not: null } } }), 'audited');
    await campaign.executeUpdate(closeStageUpdate, { args: [{ stageKey: 'application', reason: '申报截止', actor: COORDINATOR }] });
    await campaign.executeUpdate(confirmListUpdate, { args: [{ quota: 1, actor: COORDINATOR }] });
    const listing = h.env.client.workflow.getHandle(`listing-${seed.caseId}`);
    await waitFor(async () => (await h.db.listing.count({ where: { id: seed.caseId } })) === 1, 'listed');
    await listing.executeUpdate(nominateUpdate, { args: [{ actor: COORDINATOR }] });
    await listing.executeUpdate(removeListingUpdate, { args: [{ reason: '移出', actor: COORDINATOR }] });
    expect((await h.env.client.workflow.getHandle(`case-${seed.caseId}`).result()).outcome).toBe('listed');

    const ids = [workflowId, `case-${seed.caseId}`, `listing-${seed.caseId}`, arrivalShardWorkflowId(def.campaignId, 1)];
    const histories = await Promise.all(ids.map(async (id) => ({ workflowId: id, history: await h.env.client.workflow.getHandle(id).fetchHistory() })));
    if (process.env.RECORD_HISTORIES)
      for (const [i, x] of histories.entries())
        writeFileSync(
          `${DIR}/${['zhoushan-campaign', 'zhoushan-application', 'zhoushan-listing', 'zhoushan-arrival-shard'][i]}.json`,
          historyToJSON(x.history),
        );
    const results = [];
    for await (const x of Worker.runReplayHistories({ workflowBundle: { codePath: inject('workflowBundlePath') } }, histories)) results.push(x);
    expect(results.filter((x) => x.error)).toEqual([]);
    await campaign.terminate('test done');
  });

  it('replays the committed histories recorded from earlier code', async () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    // Every workflow type: campaign, case, title (v1 and v2), application, listing, webhook delivery, the
    // Lijiang registers' campaign, intake, entry and scoring, a defined programme's case, and since #9 the
    // batched launch (campaign, batch, cases with local activities) beside the runs recorded before it,
    // housekeeping (test/housekeeping.test.ts), and a batch that starts its cases by activity.
    expect(files.length).toBeGreaterThanOrEqual(20);
    const results = [];
    for await (const r of Worker.runReplayHistories({ workflowBundle: { codePath: inject('workflowBundlePath') } }, fromFiles(files))) results.push(r);
    expect(results.map((r) => [r.workflowId, r.error?.message])).toEqual(files.map((f) => [f, undefined]));
  });
});
