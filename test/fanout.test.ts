// Launch fan-out as a tree: a campaign starts the cases it enrols at launch through
// CaseBatchWorkflows, so no history grows with the number of cases; the stage news reaches every case
// through its batch; the campaign page answers from the projection meanwhile; terminating the campaign
// still takes every case with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchCampaign } from '../api/campaign-launch.js';
import { defineCampaign } from '../domain/campaign-definition.js';
import { PROGRAMMES } from '../domain/programmes/index.js';
import { batchProgressQuery, closeStageUpdate } from '../workflows/messages.js';
import { caseBatchWorkflowId } from '../workflows/case-batch.js';
import { startApi, type Api } from './api-helpers.js';
import { startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { COORDINATOR, calendarOpenAt } from './helpers-campaign.js';

let h: Harness;
let api: Api;
beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h);
});
afterAll(async () => {
  await api?.close();
  await h?.stop();
});

const childStarts = async (workflowId: string) =>
  (await h.env.client.workflow.getHandle(workflowId).fetchHistory()).events!.flatMap((e) => {
    const a = e.startChildWorkflowExecutionInitiatedEventAttributes;
    return a ? [`${a.workflowType!.name}:${a.workflowId}`] : [];
  });

describe('launch fan-out', () => {
  it('starts the cases in batches, relays the stage news through them and terminates them with the campaign', async () => {
    const year = await uniqueYear(h.db);
    const r = defineCampaign(PROGRAMMES.changxing!, { year, jurisdictionId: '330522', stages: calendarOpenAt('self_check') });
    const def = r.definition!;
    const operatorIds = (await h.db.operator.findMany({ where: { id: { startsWith: 'op-cx-' } }, orderBy: { id: 'asc' }, take: 10 })).map((o) => o.id);
    expect(operatorIds).toHaveLength(10);
    const { workflowId } = await launchCampaign({
      client: h.env.client,
      db: h.db,
      taskQueue: h.taskQueue,
      definition: def,
      actor: COORDINATOR,
      operatorIds,
      batchSize: 4,
    });

    // The page answers straight away, from the projection: ten enrolled, however many started so far.
    const token = await api.login('coord.changxing');
    const first = await api.call('GET', `/campaigns/${def.campaignId}/progress`, { token });
    expect(first.status).toBe(200);
    expect(first.body.cases.enrolled).toBe(10);
    expect(first.body.cases.started).toBeLessThanOrEqual(10);

    // Every case gets its self-check (the stage opened before some cases had started: the batch relays it).
    await waitFor(async () => (await h.db.task.count({ where: { campaignId: def.campaignId, type: 'self_check' } })) === 10, 'ten self-checks');
    expect((await api.call('GET', `/campaigns/${def.campaignId}/progress`, { token })).body.cases).toEqual({ enrolled: 10, started: 10 });

    // The campaign's history holds one start per batch, never one per case; each batch holds its slice.
    const batchIds = [1, 2, 3].map((n) => caseBatchWorkflowId(def.campaignId, n));
    expect(await childStarts(workflowId)).toEqual(batchIds.map((id) => `CaseBatchWorkflow:${id}`));
    const slices = [operatorIds.slice(0, 4), operatorIds.slice(4, 8), operatorIds.slice(8)];
    for (const [i, id] of batchIds.entries()) {
      expect(await childStarts(id)).toEqual(slices[i]!.map((op) => `CaseWorkflow:case-${def.campaignId}:${op}`));
      expect(await h.env.client.workflow.getHandle(id).query(batchProgressQuery)).toEqual({
        batch: i + 1,
        cases: slices[i]!.length,
        started: slices[i]!.length,
        finished: 0,
      });
    }

    // Closing the stage early reaches every case through its batch: each records its self-check overdue.
    await h.env.client.workflow
      .getHandle(workflowId)
      .executeUpdate(closeStageUpdate, { args: [{ stageKey: 'self_check', reason: '提前结束自查（测试）', actor: COORDINATOR }] });
    await waitFor(
      async () => (await h.db.auditEvent.count({ where: { campaignId: def.campaignId, action: 'case.task_overdue' } })) === 10,
      'ten cases record their overdue self-check',
    );

    // Terminating the campaign terminates its batches, and they their cases.
    await h.env.client.workflow.getHandle(workflowId).terminate('fan-out test over');
    const lastCase = h.env.client.workflow.getHandle(`case-${def.campaignId}:${operatorIds[9]}`);
    await waitFor(async () => (await lastCase.describe()).status.name === 'TERMINATED', 'the last case terminated', 15_000);
    for (const id of batchIds) expect((await h.env.client.workflow.getHandle(id).describe()).status.name).toBe('TERMINATED');
  });
});
