// Housekeeping (README "Housekeeping"): unused uploads after a day, expired sessions and day-old sign-in
// failures are deleted, with one audit entry per run that deleted anything; the workflow runs the
// activity, and the worker's Schedule starts it hourly. On a database of its own, so the counts are exact.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { MockActivityEnvironment } from '@temporalio/testing';
import { recordHistory, startIsolatedHarness, waitFor, type Harness } from './helpers.js';
import { startApi, type Api } from './api-helpers.js';
import { housekeepingActivities, type HousekeepingCounts } from '../activities/housekeeping.js';
import { ensureHousekeepingSchedule, housekeepingScheduleId } from '../runtime/housekeeping.js';
import { HousekeepingWorkflow } from '../workflows/housekeeping.js';
import { shanghaiDate } from '../domain/time.js';

let h: Harness;
let drop: () => Promise<void>;
let api: Api;
let token: string;
beforeAll(async () => {
  ({ harness: h, drop } = await startIsolatedHarness('campaign_housekeeping'));
  api = await startApi(h);
  token = await api.login('coord.lijiang');
});
afterAll(async () => {
  await api?.close();
  await h?.stop();
  await drop?.();
});

const HOUR = 3600_000;
const PDF = Buffer.from('%PDF-1.4 housekeeping');
const upload = async () => {
  const r = await api.call('POST', '/attachments', {
    token,
    body: { filename: '许可证.pdf', contentType: 'application/pdf', dataBase64: PDF.toString('base64') },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
};
const uploadedAgo = (id: string, ms: number) => h.db.attachment.update({ where: { id }, data: { uploadedAt: new Date(Date.now() - ms) } });
const session = (expiresInMs: number) =>
  h.db.session.create({ data: { tokenHash: randomUUID(), userId: 'u-officer-gucheng', expiresAt: new Date(Date.now() + expiresInMs) } });
const runActivity = () =>
  new MockActivityEnvironment({ workflowExecution: { workflowId: 'housekeeping-test', runId: randomUUID() } }).run(
    housekeepingActivities(h.db).runHousekeeping,
  );
const ranEntries = () => h.db.auditEvent.findMany({ where: { action: 'housekeeping.ran' }, orderBy: { id: 'asc' } });

/** An upload bound to a filed application, through the API as the console does it. */
async function boundUpload(): Promise<string> {
  // From the shared sequence (helpers.uniqueYear): campaign workflow ids are unique in the shared namespace.
  const shared = new pg.Client({ connectionString: inject('databaseUrl') });
  await shared.connect();
  const year = Number((await shared.query<{ y: string }>(`SELECT nextval('test_campaign_year') AS y`).finally(() => shared.end())).rows[0]!.y);
  const r = await api.call('POST', '/campaigns', {
    token,
    body: {
      programme: 'lijiang',
      year,
      jurisdictionId: '530700',
      stages: [{ key: 'intake', startsAt: new Date(Date.now() + 300).toISOString(), dueAt: shanghaiDate(Date.now() + 400 * 24 * HOUR) }],
      reminderLeadHours: 0,
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const campaignId = r.body.id as string;
  await waitFor(() => h.db.stage.findFirst({ where: { campaignId, key: 'intake', status: 'open' } }), 'intake window open');
  const [licence, report] = [await upload(), await upload()];
  const form = {
    register: 'product',
    productName: '丽江雪茶礼盒',
    category: 'prepackaged',
    grade: '一级',
    specifications: '100 g / 盒',
    executionStandard: 'GB/T 13607',
    dropshipping: true,
    liveLinks: [{ platform: 'douyin', url: 'https://v.douyin.com/abc123/' }],
    shipping: '顺丰',
    dailyVolume: 800,
    serviceHours: { daysPerWeek: 5, hoursPerDay: 8 },
    licences: [licence],
    testReports: [report],
  };
  const filed = await api.call('POST', `/campaigns/${encodeURIComponent(campaignId)}/intake-applications`, { token, body: { operatorId: 'op-lj-001', form } });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  await waitFor(async () => (await h.db.attachment.findUniqueOrThrow({ where: { id: licence } })).entryId, 'licence bound');
  const { workflowId } = await h.db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
  await h.env.client.workflow.getHandle(workflowId).terminate('test done');
  return licence;
}

describe('housekeeping', () => {
  it('deletes unused uploads over a day old, expired sessions and day-old sign-in failures; audits the counts once', async () => {
    const bound = await boundUpload();
    await uploadedAgo(bound, 25 * HOUR);
    const [stale, fresh, young, objected] = [await upload(), await upload(), await upload(), await upload()];
    await uploadedAgo(stale, 25 * HOUR);
    await uploadedAgo(young, 23 * HOUR);
    // A public objection's file is bound by the objection alone (objection.attachment_id): kept, and its
    // foreign key never turns the run into an error.
    await uploadedAgo(objected, 25 * HOUR);
    const c = await h.db.case.findFirstOrThrow();
    await h.db.objection.create({
      data: {
        id: randomUUID(),
        campaignId: c.campaignId,
        caseId: c.id,
        rosterId: `${c.campaignId}:publicity:1`,
        jurisdictionId: c.jurisdictionId,
        lodgedAt: new Date(),
        source: 'public',
        content: '公示对象存在虚假宣传',
        status: 'open',
        attachmentId: objected,
      },
    });
    const [expired, valid] = [await session(-60_000), await session(HOUR)];
    const old = await h.db.loginFailure.create({ data: { username: 'nobody', address: '10.0.0.1', at: new Date(Date.now() - 25 * HOUR) } });
    const recent = await h.db.loginFailure.create({ data: { username: 'nobody', address: '10.0.0.1' } });
    expect(await ranEntries()).toEqual([]);

    expect(await runActivity()).toEqual({ attachments: 1, sessions: 1, loginFailures: 1 } satisfies HousekeepingCounts);
    const left = await h.db.attachment.findMany({ where: { id: { in: [bound, stale, fresh, young, objected] } }, select: { id: true } });
    expect(left.map((a) => a.id).sort()).toEqual([bound, fresh, young, objected].sort());
    expect((await h.db.session.findMany({ where: { tokenHash: { in: [expired.tokenHash, valid.tokenHash] } } })).map((s) => s.tokenHash)).toEqual([
      valid.tokenHash,
    ]);
    expect((await h.db.loginFailure.findMany({ where: { id: { in: [old.id, recent.id] } } })).map((f) => f.id)).toEqual([recent.id]);
    const [ran] = await ranEntries();
    expect(ran).toMatchObject({
      action: 'housekeeping.ran',
      actorId: null,
      actorRole: 'system',
      entityType: 'system',
      data: { attachments: 1, sessions: 1, loginFailures: 1 },
    });

    // Nothing left to delete: no entry of zeros.
    expect(await runActivity()).toEqual({ attachments: 0, sessions: 0, loginFailures: 0 });
    expect(await ranEntries()).toHaveLength(1);
  });

  it('runs as HousekeepingWorkflow on the worker', async () => {
    const expired = await session(-60_000);
    const workflowId = `housekeeping-test-${randomUUID()}`;
    const counts = await h.env.client.workflow.execute(HousekeepingWorkflow, { taskQueue: h.taskQueue, workflowId });
    expect(counts).toEqual({ attachments: 0, sessions: 1, loginFailures: 0 });
    expect(await h.db.session.count({ where: { tokenHash: expired.tokenHash } })).toBe(0);
    expect((await ranEntries()).at(-1)?.key).toContain(workflowId);
    await recordHistory(h, workflowId, 'housekeeping');
  });

  it('is started hourly by a schedule the worker creates once, however often it starts', async () => {
    const taskQueue = h.taskQueue;
    const handle = h.env.client.schedule.getHandle(housekeepingScheduleId(taskQueue));
    try {
      expect(await ensureHousekeepingSchedule(h.env.client, taskQueue)).toBe(true);
      expect(await ensureHousekeepingSchedule(h.env.client, taskQueue)).toBe(false);
      const d = await handle.describe();
      expect(d.spec.intervals?.map((i) => i.every)).toEqual([3600_000]);
      expect(d.action).toMatchObject({ type: 'startWorkflow', workflowType: 'HousekeepingWorkflow', taskQueue });
      const expired = await session(-60_000);
      await handle.trigger();
      const started = await waitFor(async () => (await handle.describe()).info.recentActions[0]?.action, 'a scheduled run');
      expect(await h.env.client.workflow.getHandle(started.workflow.workflowId).result()).toMatchObject({ sessions: 1 });
      expect(await h.db.session.count({ where: { tokenHash: expired.tokenHash } })).toBe(0);
    } finally {
      await handle.delete();
    }
  });
});
