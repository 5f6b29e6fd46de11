// A workflow upgrade deployed with Temporal's patching API. Version 1 of TitleWorkflow is the
// code as released at commit V1 (taken from git); version 2 marks an interview past its due date overdue
// and tells the officers (`patched('title-task-overdue')` in workflows/title.ts). A title started on
// version 1 keeps running on a version-2 worker with its old behaviour and no nondeterminism, and is
// completed and revoked there; a title started on version 2 gets the new behaviour.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { NativeConnection, bundleWorkflowCode } from '@temporalio/worker';
import { tsToMs } from '@temporalio/common/lib/time.js';
import { createWorker } from '../runtime/worker.js';
import { PROGRAMMES } from '../domain/programmes/index.js';
import { defineCampaign, type CampaignDefinitionOf } from '../domain/campaign-definition.js';
import { completeTaskUpdate, reportComplaintUpdate, revokeTitleUpdate } from '../workflows/messages.js';
import type { TitleInput } from '../workflows/title.js';
import { recordHistory, startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';

/** The last commit whose TitleWorkflow had no overdue marking (version 1). */
const V1 = '261fe56';
const OFFICER = { userId: 'u-officer-heping', role: 'county_officer' as const, displayName: '和平所办事员' };
const SECOND = 1000;

let h: Harness;
let v1Bundle: string;
let dir: string;
let input: (caseId: string, titleId: string) => TitleInput;

beforeAll(async () => {
  h = await startHarness();
  // Version 1's workflows and domain rules, straight from git, bundled as that release's worker would.
  dir = path.resolve('tmp', `upgrade-${V1}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('git', ['cat-file', '-e', `${V1}^{commit}`]);
  } catch {
    throw new Error(`commit ${V1} (version 1 of the workflows) is not in this clone: the upgrade test needs the project's git history (not a shallow clone)`);
  }
  execFileSync('bash', ['-c', `git archive ${V1} workflows domain | tar -x -C "${dir}"`]);
  const bundle = await bundleWorkflowCode({ workflowsPath: path.join(dir, 'workflows', 'index.ts'), logger: undefined });
  v1Bundle = path.join(dir, 'bundle-v1.js');
  writeFileSync(v1Bundle, bundle.code);

  // A granted title's rows (the workflow projects into them), with an interview due 3 s after a complaint.
  const year = await uniqueYear(h.db);
  const def = defineCampaign(PROGRAMMES.changxing!, { year, jurisdictionId: '330522' }).definition!;
  await h.db.campaign.create({
    data: {
      id: def.campaignId,
      programme: 'changxing',
      name: def.name,
      year,
      jurisdictionId: '330522',
      status: 'completed',
      definition: def as object,
      workflowId: `wf-${def.campaignId}`,
      launchedById: 'u-coord-changxing',
      launchedAt: new Date(),
    },
  });
  input = (caseId, titleId) => ({
    titleId,
    caseId,
    campaignId: def.campaignId,
    operatorName: caseId,
    jurisdictionId: '330522004',
    grantedAt: Date.now(),
    expiresAt: Date.now() + 600 * SECOND,
    rules: {
      revocationGrounds: (def as CampaignDefinitionOf<'staged_award'>).rules.revocationGrounds,
      clauses: (def as CampaignDefinitionOf<'staged_award'>).rules.clauses,
    },
    // Workflow input, not a campaign setting: a launch only allows whole days.
    settings: { maxRectificationRounds: 2, verificationDays: 3 / 86_400 },
  });
  for (const op of ['op-cx-004', 'op-cx-010']) {
    const id = `${def.campaignId}:${op}`;
    await h.db.case.create({
      data: {
        id,
        campaignId: def.campaignId,
        operatorId: op,
        jurisdictionId: '330522004',
        status: 'active',
        workflowId: `case-${id}`,
        createdAt: new Date(),
        updatedAt: new Date(),
        totalScore: 90,
      },
    });
    await h.db.title.create({
      data: {
        id,
        campaignId: def.campaignId,
        caseId: id,
        operatorId: op,
        jurisdictionId: '330522004',
        totalScore: 90,
        grantedAt: new Date(),
        expiresAt: new Date(Date.now() + 600 * SECOND),
        status: 'active',
        workflowId: `upgrade-title-${id}`,
      },
    });
  }
}, 120_000);
afterAll(async () => {
  await h?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs `fn` with a worker of the given bundle on a task queue of its own. */
async function withWorker<T>(bundle: string | undefined, taskQueue: string, fn: () => Promise<T>): Promise<T> {
  const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
  const worker = await createWorker({
    connection,
    namespace: 'default',
    taskQueue,
    db: h.db,
    client: h.env.client,
    workflowBundlePath: bundle ?? inject('workflowBundlePath'),
  });
  const running = worker.run();
  try {
    return await fn();
  } finally {
    worker.shutdown();
    await running;
    await connection.close();
  }
}

const workflowTaskFailures = async (workflowId: string) => {
  const history = await h.env.client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowTaskFailedEventAttributes).length;
};

describe('upgrading a running workflow', () => {
  it('keeps a version-1 title on its old path after a version-2 worker takes over, and gives new titles the new one', async () => {
    const taskQueue = `upgrade-${Date.now()}`;
    const oldCase = (
      await h.db.title.findFirstOrThrow({ where: { operatorId: 'op-cx-004', workflowId: { startsWith: 'upgrade-title-' } }, orderBy: { grantedAt: 'desc' } })
    ).caseId;
    const newCase = (
      await h.db.title.findFirstOrThrow({ where: { operatorId: 'op-cx-010', workflowId: { startsWith: 'upgrade-title-' } }, orderBy: { grantedAt: 'desc' } })
    ).caseId;
    const oldId = `upgrade-title-${oldCase}`;
    const newId = `upgrade-title-${newCase}`;

    // Version 1: the title starts and a complaint opens an interview due in 3 s.
    const interview = await withWorker(v1Bundle, taskQueue, async () => {
      const handle = await h.env.client.workflow.start('TitleWorkflow', { workflowId: oldId, taskQueue, args: [input(oldCase, oldCase)] });
      return (await handle.executeUpdate(reportComplaintUpdate, { args: [{ kind: 'complaint', description: '消费者投诉发货慢', actor: OFFICER }] })).taskId;
    });

    // Version 2 is deployed: the same task queue, the current code.
    await withWorker(undefined, taskQueue, async () => {
      const v2 = await h.env.client.workflow.start('TitleWorkflow', { workflowId: newId, taskQueue, args: [input(newCase, newCase)] });
      const { taskId: newInterview } = await v2.executeUpdate(reportComplaintUpdate, {
        args: [{ kind: 'complaint', description: '直播间虚假宣传投诉', actor: OFFICER }],
      });

      // The new title's interview goes overdue at its due date, and the officers hear of it.
      await waitFor(async () => (await h.db.task.findUniqueOrThrow({ where: { id: newInterview } })).overdue, 'the overdue interview', 20_000);
      expect(await h.db.notification.count({ where: { taskId: newInterview, kind: 'overdue' } })).toBe(1);
      // The version-1 title's interview, past its due date too, is left as version 1 left it, and stays so:
      // version 1 set no timer for its due date (its timers are the title's expiry, minutes away).
      expect(await h.db.task.findUniqueOrThrow({ where: { id: interview } })).toMatchObject({ status: 'open', overdue: false });
      const v1Timers = ((await h.env.client.workflow.getHandle(oldId).fetchHistory()).events ?? []).flatMap((e) =>
        e.timerStartedEventAttributes ? [tsToMs(e.timerStartedEventAttributes.startToFireTimeout)] : [],
      );
      expect(v1Timers.length).toBeGreaterThan(0);
      expect(v1Timers.filter((ms) => ms < 60 * SECOND)).toEqual([]);

      // …and it carries on: the interview is completed and the title revoked, on the new worker.
      const v1 = h.env.client.workflow.getHandle(oldId);
      const done = await v1.executeUpdate(completeTaskUpdate, {
        args: [
          { taskId: interview, actor: OFFICER, result: { measure: 'interview', rectifyBy: new Date(Date.now() + 60 * SECOND).toISOString(), note: '已约谈' } },
        ],
      });
      expect(done).toMatchObject({ status: 'done', late: false });
      const revoked = await v1.executeUpdate(revokeTitleUpdate, { args: [{ ground: 'counterfeit_or_fake_orders', evidence: '刷单记录', actor: OFFICER }] });
      expect(revoked.status).toBe('revoked');
      await v2.executeUpdate(revokeTitleUpdate, { args: [{ ground: 'counterfeit_or_fake_orders', evidence: '刷单记录', actor: OFFICER }] });
    });

    // No workflow task failed on either: version 2 replayed version 1's history without nondeterminism.
    expect(await workflowTaskFailures(oldId)).toBe(0);
    expect(await workflowTaskFailures(newId)).toBe(0);
    // Only the version-2 run carries the patch marker.
    const markers = async (id: string) =>
      ((await h.env.client.workflow.getHandle(id).fetchHistory()).events ?? []).filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch')
        .length;
    expect(await markers(oldId)).toBe(0);
    expect(await markers(newId)).toBe(1);
    // Version 2's history joins the committed ones the replay test keeps replaying (RECORD_HISTORIES=1).
    await recordHistory(h, newId, 'title-v2');
  });
});
