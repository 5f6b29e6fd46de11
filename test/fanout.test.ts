// Launch fan-out as a tree: a campaign starts the cases it enrols at launch through
// CaseBatchWorkflows, so no history grows with the number of cases; each batch starts its cases through
// an activity, not as children (activities/case-start.ts); the stage news reaches every case through its
// batch; the campaign page answers from the projection meanwhile; a case tells its batch when it closes;
// terminating the campaign by its id (runtime/campaign-termination.ts) still takes every case with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchCampaign } from '../api/campaign-launch.js';
import { defineCampaign } from '../domain/campaign-definition.js';
import { PROGRAMMES } from '../domain/programmes/index.js';
import { SA_CAMPAIGN_ID, batchProgressQuery, closeStageUpdate } from '../workflows/messages.js';
import { terminateCampaign } from '../runtime/campaign-termination.js';
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
      enrolmentPageSize: 3,
    });

    // The input names the launch, not its operators: the API stored them in pages of 3, the campaign read them.
    const [startedEvent] = (await h.env.client.workflow.getHandle(workflowId).fetchHistory()).events!;
    const payload = startedEvent!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
    const input = JSON.parse(Buffer.from(payload.data!).toString('utf8')) as { operatorIds?: string[]; enrolment: { launchId: string } };
    expect(input.operatorIds).toBeUndefined();
    expect(input.enrolment).toEqual({ launchId: expect.any(String), pages: 4, operators: 10 });
    const pages = await h.db.launchEnrolment.findMany({ where: { launchId: input.enrolment.launchId }, orderBy: { page: 'asc' } });
    expect(pages.map((p) => [p.campaignId, p.operatorIds])).toEqual([0, 3, 6, 9].map((from) => [def.campaignId, operatorIds.slice(from, from + 3)]));

    // The page answers straight away, from the projection: ten enrolled, however many started so far.
    const token = await api.login('coord.changxing');
    const first = await api.call('GET', `/campaigns/${def.campaignId}/progress`, { token });
    expect(first.status).toBe(200);
    expect(first.body.cases.enrolled).toBe(10);
    expect(first.body.cases.started).toBeLessThanOrEqual(10);

    // Every case gets its self-check (the stage opened before some cases had started: the batch relays it).
    await waitFor(async () => (await h.db.task.count({ where: { campaignId: def.campaignId, type: 'self_check' } })) === 10, 'ten self-checks');
    expect((await api.call('GET', `/campaigns/${def.campaignId}/progress`, { token })).body.cases).toEqual({ enrolled: 10, started: 10 });

    // The campaign's history holds one start per batch, never one per case; a batch's holds none: its
    // activity started its slice, each case with its campaign's id for a search attribute.
    const batchIds = [1, 2, 3].map((n) => caseBatchWorkflowId(def.campaignId, n));
    expect(await childStarts(workflowId)).toEqual(batchIds.map((id) => `CaseBatchWorkflow:${id}`));
    const slices = [operatorIds.slice(0, 4), operatorIds.slice(4, 8), operatorIds.slice(8)];
    for (const [i, id] of batchIds.entries()) {
      expect(await childStarts(id)).toEqual([]);
      for (const op of slices[i]!) {
        const d = await h.env.client.workflow.getHandle(`case-${def.campaignId}:${op}`).describe();
        expect([d.type, d.parentExecution, d.typedSearchAttributes.get(SA_CAMPAIGN_ID)]).toEqual(['CaseWorkflow', undefined, def.campaignId]);
      }
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

    // A case tells its batch when it closes, whichever way it ends (workflows/report-close.ts): here cancelled.
    const cancelled = h.env.client.workflow.getHandle(`case-${def.campaignId}:${operatorIds[0]}`);
    await cancelled.cancel();
    const batch1 = h.env.client.workflow.getHandle(batchIds[0]!);
    await waitFor(async () => (await batch1.query(batchProgressQuery)).finished === 1, 'the first batch told of its cancelled case');
    // It tells before its run closes: wait for the close, or the termination below would find it running.
    await waitFor(async () => (await cancelled.describe()).status.name === 'CANCELLED', 'the cancelled case closed');

    // Terminating the campaign by its id terminates its batches and every case.
    expect(await terminateCampaign(h.env.client, def.campaignId, 'fan-out test over')).toBe(9);
    for (const op of operatorIds.slice(1)) {
      expect((await h.env.client.workflow.getHandle(`case-${def.campaignId}:${op}`).describe()).status.name).toBe('TERMINATED');
    }
    for (const id of batchIds) expect((await h.env.client.workflow.getHandle(id).describe()).status.name).toBe('TERMINATED');
  });
});
