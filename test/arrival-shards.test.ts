// Bounded histories (README "Bounded histories"): cases that join a running campaign go to arrival shards
// of at most N cases (workflows/arrival-shard.ts), so the campaign's own history does not grow with the
// number of applications, register applications or enrolments, while the rules still hold across shards:
// one case per operator, nothing after the stage closes, a register's review batch in one order.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { NativeConnection, bundleWorkflowCode } from '@temporalio/worker';
import { createWorker } from '../runtime/worker.js';
import { startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { startApi, type Api } from './api-helpers.js';
import { COORDINATOR, calendarOpenAt, definitionOpenAt } from './helpers-campaign.js';
import { launchCampaign } from '../api/campaign-launch.js';
import { enrolCases, sendArrival } from '../api/arrivals.js';
import { defineCampaign } from '../domain/campaign-definition.js';
import { BUILT_IN } from '../domain/programmes/index.js';
import { shanghaiDate } from '../domain/time.js';
import { usccCheckChar } from '../domain/uscc.js';
import type { Actor } from '../domain/roles.js';
import type { CaseSeed } from '../activities/case.js';
import { ARRIVAL_SHARDS_PATCH, arrivalShardProgressQuery, arrivalShardWorkflowId } from '../workflows/arrival-messages.js';
import { campaignProgressQuery, closeStageUpdate, fileApplicationUpdate } from '../workflows/messages.js';

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

const OFFICER: Actor = { userId: 'u-officer-dinghai', role: 'county_officer', displayName: '定海区执法员' };
const DAY = 86_400_000;

/** `count` operators of `jurisdictionId` made for this test (their ids and USCCs carry `year`). */
async function operators(year: number, jurisdictionId: string, count: number, track: string | null = null, from = 0): Promise<CaseSeed[]> {
  const rows = Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const first17 = `92${jurisdictionId.slice(0, 6)}MA${String(year % 10_000).padStart(4, '0')}${String(i).padStart(3, '0')}`;
    return {
      id: `op-shard-${year}-${i}`,
      name: `分片测试主体${year}-${i}`,
      uscc: first17 + usccCheckChar(first17),
      kind: 'live_room',
      jurisdictionId,
      registeredOn: new Date('2018-01-01'),
      ...(track ? { track } : {}),
    };
  });
  await h.db.operator.createMany({ data: rows });
  return rows.map((o) => ({ caseId: '', operatorId: o.id, operatorName: o.name, operatorUscc: o.uscc, jurisdictionId, track }));
}
/** A Lijiang product application (domain/intake.ts); a time-honoured brand is reviewed first (附件1 第17条). */
const lijiangProduct = (name: string, brand: boolean) => ({
  register: 'product',
  productName: name,
  category: brand ? 'time_honoured' : 'primary_agricultural',
  ...(brand ? {} : { grade: '一级果' }),
  specifications: '5 kg / 箱',
  executionStandard: 'GB/T 13607',
  dropshipping: true,
  liveLinks: [{ platform: 'douyin', url: 'https://v.douyin.com/abc123/' }],
  shipping: '顺丰冷链，48 小时内发货',
  dailyVolume: 300,
  serviceHours: brand ? { daysPerWeek: 7, hoursPerDay: 12 } : { daysPerWeek: 6, hoursPerDay: 10 },
});
const historyLength = async (workflowId: string) => (await h.env.client.workflow.getHandle(workflowId).describe()).historyLength;
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e, 'refused').toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (e as WorkflowUpdateFailedError).cause as ApplicationFailure;
  return { type: cause.type, message: cause.message };
};

describe('arrival shards', () => {
  it('keeps the campaign history flat as applications grow, one case per operator across shards, none after the close', async () => {
    const year = await uniqueYear(h.db);
    const def = defineCampaign(BUILT_IN.zhoushan, {
      year,
      jurisdictionId: '330900',
      stages: calendarOpenAt('application', 600_000, 'zhoushan'),
      reminderLeadHours: 0,
    }).definition!;
    const { workflowId } = await launchCampaign({
      client: h.env.client,
      db: h.db,
      taskQueue: h.taskQueue,
      definition: def,
      actor: COORDINATOR,
      arrivalShardSize: 4,
    });
    await waitFor(() => h.db.stage.findFirst({ where: { campaignId: def.campaignId, key: 'application', status: 'open' } }), 'applications open');
    const seeds = (await operators(year, '330902', 40)).map((s) => ({ ...s, caseId: `${def.campaignId}:${s.operatorId}` }));
    const file = (seed: CaseSeed) => {
      const send = (x: WorkflowHandle) =>
        x.executeUpdate(fileApplicationUpdate, { args: [{ seed, form: { liveRoomName: seed.operatorName }, actor: OFFICER }] });
      return sendArrival(h.env.client, workflowId, { toShard: send, toCampaign: send });
    };

    // Filed eight at a time, as county officers do at once: shards fill and the next one is started.
    const batches = [seeds.slice(0, 8), seeds.slice(8, 16), seeds.slice(16, 24), seeds.slice(24, 32), seeds.slice(32)];
    const lengths: number[] = [];
    for (const b of batches) {
      expect(await Promise.all(b.map(file))).toEqual(b.map((s) => ({ caseId: s.caseId })));
      lengths.push(await historyLength(workflowId));
    }
    // Each application used to add about 35 events to the campaign's history; now a shard of 4 costs it
    // its start and its stage news, about 3 events an application (6 allowed), and the shards stay small.
    const perApplication = (lengths.at(-1)! - lengths[0]!) / 32;
    expect(perApplication, `campaign history ${lengths.join(' → ')}`).toBeLessThan(6);
    const shards = await Promise.all(
      Array.from({ length: 10 }, (_, i) => h.env.client.workflow.getHandle(arrivalShardWorkflowId(def.campaignId, i + 1)).query(arrivalShardProgressQuery)),
    );
    expect(shards.map((s) => s.admitted)).toEqual(Array(10).fill(4));
    const shardLengths = await Promise.all(shards.map((s) => historyLength(arrivalShardWorkflowId(def.campaignId, s.seq))));
    expect(Math.max(...shardLengths), `shard histories ${shardLengths.join(', ')}`).toBeLessThan(200);
    expect((await h.db.campaign.findUniqueOrThrow({ where: { id: def.campaignId } })).caseCount).toBe(40);
    expect(await h.db.auditEvent.count({ where: { campaignId: def.campaignId, action: 'campaign.cases_enrolled' } })).toBe(40);
    // Each case got the open stage's news from its shard: its pre-review is open, in its own county.
    await waitFor(
      async () => (await h.db.task.count({ where: { campaignId: def.campaignId, type: 'pre_review', status: 'open' } })) === 40,
      'forty pre-reviews',
    );

    // A second application for a room that applied through the first shard reaches the current shard and is refused there.
    const again = await refusal(file(seeds[1]!));
    expect(again).toEqual({ type: 'Conflict', message: `「${seeds[1]!.operatorName}」已申报 / ${seeds[1]!.operatorName} has already applied` });
    expect(await h.db.case.count({ where: { campaignId: def.campaignId } })).toBe(40);

    // Closed is closed, at every shard, with the stage's own words; the campaign page answers throughout.
    const campaign = h.env.client.workflow.getHandle(workflowId);
    await campaign.executeUpdate(closeStageUpdate, { args: [{ stageKey: 'application', reason: '申报截止', actor: COORDINATOR }] });
    const [late] = await operators(year, '330902', 1, null, 40);
    const closed = await refusal(file({ ...late!, caseId: `${def.campaignId}:${late!.operatorId}` }));
    expect(closed).toEqual({
      type: 'Conflict',
      message: '「组织申报」阶段未开放，不受理申报 / applications are taken while stage application is open (it is closed)',
    });
    expect((await campaign.query(campaignProgressQuery)).stages.find((s) => s.key === 'application')!.status).toBe('closed');
    const page = await api.call('GET', `/campaigns/${encodeURIComponent(def.campaignId)}`, { token: await api.login('coord.zhoushan') });
    expect(page.status).toBe(200);
    await campaign.terminate('test done');
  });

  it('places a register’s applications filed at different shards in one review batch, by priority then first filed', async () => {
    const year = await uniqueYear(h.db);
    const now = Date.now();
    const def = defineCampaign(BUILT_IN.lijiang, {
      year,
      jurisdictionId: '530700',
      stages: [{ key: 'intake', startsAt: new Date(now + 300).toISOString(), dueAt: shanghaiDate(now + 400 * DAY) }],
      reminderLeadHours: 0,
    }).definition!;
    await launchCampaign({ client: h.env.client, db: h.db, taskQueue: h.taskQueue, definition: def, actor: COORDINATOR, arrivalShardSize: 2 });
    await waitFor(() => h.db.stage.findFirst({ where: { campaignId: def.campaignId, key: 'intake', status: 'open' } }), 'window open');
    const token = await api.login('officer.gucheng');
    // Plain and time-honoured products alternately, one at a time: three shards of two.
    const filed: { entryId: string; priority: number }[] = [];
    for (const [i, brand] of [false, true, false, true, false, true].entries()) {
      const r = await api.call('POST', `/campaigns/${encodeURIComponent(def.campaignId)}/intake-applications`, {
        token,
        body: { operatorId: 'op-lj-001', form: lijiangProduct(`分片产品${i}`, brand) },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      filed.push(r.body);
    }
    expect(filed.map((f) => f.priority > 0)).toEqual([false, true, false, true, false, true]);
    expect((await h.env.client.workflow.getHandle(arrivalShardWorkflowId(def.campaignId, 3)).query(arrivalShardProgressQuery)).admitted).toBe(2);

    const b = await api.call('POST', `/campaigns/${encodeURIComponent(def.campaignId)}/intake-batches`, {
      token: await api.login('auditor.lijiang'),
      body: { reviewDueAt: shanghaiDate(now + 10 * DAY) },
    });
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    expect(b.body).toMatchObject({ seq: 1, size: 6 });
    const expected = [1, 3, 5, 0, 2, 4].map((i) => filed[i]!.entryId);
    const reviews = await Promise.all(
      expected.map((id) => waitFor(() => h.db.task.findFirst({ where: { caseId: id, type: 'intake_review' } }), `review of ${id}`)),
    );
    expect(reviews.map((t) => (t.details as { rank: number }).rank)).toEqual([1, 2, 3, 4, 5, 6]);
    // Nothing left queued: a second batch is refused as before.
    const none = await api.call('POST', `/campaigns/${encodeURIComponent(def.campaignId)}/intake-batches`, {
      token: await api.login('auditor.lijiang'),
      body: { reviewDueAt: shanghaiDate(now + 10 * DAY) },
    });
    expect(none.status).toBe(409);
    await h.env.client.workflow.getHandle(`campaign-${def.campaignId}`).terminate('test done');
  });

  it('enrols a list larger than a shard across shards, all rows or, for a case already in, none of its shard', async () => {
    const year = await uniqueYear(h.db);
    const def = definitionOpenAt(year, 'mobilization', { openMs: 600_000 });
    const { workflowId } = await launchCampaign({
      client: h.env.client,
      db: h.db,
      taskQueue: h.taskQueue,
      definition: def,
      actor: COORDINATOR,
      operatorIds: ['op-cx-001'],
      arrivalShardSize: 3,
    });
    const seeds = (await operators(year, '330522001', 7, 'live_marketing')).map((s) => ({ ...s, caseId: `${def.campaignId}:${s.operatorId}` }));
    expect(await enrolCases(h.env.client, workflowId, seeds, COORDINATOR)).toEqual({ enrolled: 7, caseCount: 8 });
    const shards = await Promise.all(
      [1, 2, 3].map((i) => h.env.client.workflow.getHandle(arrivalShardWorkflowId(def.campaignId, i)).query(arrivalShardProgressQuery)),
    );
    expect(shards.map((s) => s.admitted)).toEqual([3, 3, 1]);
    expect(await h.db.case.count({ where: { campaignId: def.campaignId } })).toBe(8);
    // The database refuses a case already in the campaign, whichever shard it went to, and writes nothing.
    const again = await refusal(enrolCases(h.env.client, workflowId, [seeds[0]!], COORDINATOR));
    expect(again.type).toBe('Conflict');
    expect(again.message).toContain(seeds[0]!.operatorName);
    expect(await h.db.auditEvent.count({ where: { campaignId: def.campaignId, action: 'campaign.cases_enrolled' } })).toBe(3);
    await h.env.client.workflow.getHandle(workflowId).terminate('test done');
  });
});

/** The last commit whose CampaignWorkflow took every arrival itself (before the arrival shards). */
const BEFORE_SHARDS = 'db58e31';

describe('a campaign started before the shards', () => {
  it('keeps taking applications itself on the new code, and its review batch reaches them all', async () => {
    const dir = path.resolve('tmp', `arrivals-${BEFORE_SHARDS}-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    try {
      execFileSync('bash', ['-c', `git archive ${BEFORE_SHARDS} workflows domain | tar -x -C "${dir}"`]);
      const oldBundle = path.join(dir, 'bundle.js');
      writeFileSync(oldBundle, (await bundleWorkflowCode({ workflowsPath: path.join(dir, 'workflows', 'index.ts'), logger: undefined })).code);
      const taskQueue = `arrivals-upgrade-${Date.now()}`;
      const withWorker = async <T>(bundle: string, fn: () => Promise<T>): Promise<T> => {
        const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
        const worker = await createWorker({ connection, namespace: 'default', taskQueue, db: h.db, client: h.env.client, workflowBundlePath: bundle });
        const running = worker.run();
        try {
          return await fn();
        } finally {
          worker.shutdown();
          await running;
          await connection.close();
        }
      };
      // A Lijiang campaign: its own queue of applications decides who a review batch reaches.
      const now = Date.now();
      const def = defineCampaign(BUILT_IN.lijiang, {
        year: await uniqueYear(h.db),
        jurisdictionId: '530700',
        stages: [{ key: 'intake', startsAt: new Date(now + 300).toISOString(), dueAt: shanghaiDate(now + 400 * DAY) }],
        reminderLeadHours: 0,
      }).definition!;
      const officer = await api.login('officer.gucheng');
      const file = (name: string) =>
        api.call('POST', `/campaigns/${encodeURIComponent(def.campaignId)}/intake-applications`, {
          token: officer,
          body: { operatorId: 'op-lj-003', form: lijiangProduct(name, false) },
        });
      // Released code: the campaign is launched and takes an application itself.
      const { workflowId } = await withWorker(oldBundle, async () => {
        const launched = await launchCampaign({ client: h.env.client, db: h.db, taskQueue, definition: def, actor: COORDINATOR });
        await waitFor(() => h.db.stage.findFirst({ where: { campaignId: def.campaignId, key: 'intake', status: 'open' } }), 'window open');
        expect((await file('升级前的产品')).status).toBe(201);
        return launched;
      });
      // The new code takes over the running campaign: applications still go to the campaign, which still
      // knows them, and its review batch reaches every one.
      await withWorker(inject('workflowBundlePath'), async () => {
        const later = await file('升级后的产品');
        expect(later.status, JSON.stringify(later.body)).toBe(201);
        expect((await file('升级前的产品')).status).toBe(409);
        const b = await api.call('POST', `/campaigns/${encodeURIComponent(def.campaignId)}/intake-batches`, {
          token: await api.login('auditor.lijiang'),
          body: { reviewDueAt: shanghaiDate(now + 10 * DAY) },
        });
        expect(b.body).toMatchObject({ seq: 1, size: 2 });
        await waitFor(async () => (await h.db.task.count({ where: { campaignId: def.campaignId, type: 'intake_review' } })) === 2, 'both reviews open');
        const events = (await h.env.client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
        expect(events.filter((e) => e.workflowTaskFailedEventAttributes)).toEqual([]);
        // No patch marker of the shards (core_patch markers carry their patch id as JSON), and no shard.
        const markers = events.flatMap((e) =>
          Object.values(e.markerRecordedEventAttributes?.details ?? {}).flatMap((p) => (p.payloads ?? []).map((x) => Buffer.from(x.data ?? []).toString())),
        );
        expect(markers.filter((m) => m.includes(ARRIVAL_SHARDS_PATCH))).toEqual([]);
        expect(await h.env.client.workflow.count(`WorkflowId = '${arrivalShardWorkflowId(def.campaignId, 1)}'`)).toEqual({ count: 0, groups: [] });
        await h.env.client.workflow.getHandle(workflowId).terminate('test done');
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
