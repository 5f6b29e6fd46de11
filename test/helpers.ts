import { inject } from 'vitest';
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';

// Worker lifecycle chatter drowns test output; warnings and errors still show.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  /* already installed in this process */
}
import { createPrisma, type PrismaClient } from '../prisma/db.js';
import { createDatabase, dropDatabase } from '../prisma/databases.js';
import { migrate } from '../prisma/migrate.js';
import { seedDemo } from '../prisma/seed.js';
import { createWorker } from '../runtime/worker.js';
import type { Logger } from '../runtime/logging.js';

export interface Harness {
  env: TestWorkflowEnvironment;
  db: PrismaClient;
  taskQueue: string;
  worker: Worker;
  workerDone: Promise<void>;
  /** Shuts the worker down and starts a new one on the same task queue (a worker restart). */
  restartWorker(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * One harness per test process: vitest runs file after file in the same process (vitest.config.ts,
 * `isolate: false`), and each file used to spend ~3 s of CPU starting a worker of its own (its workflow
 * sandbox loads the whole bundle). The files share its task queue, worker and clients; `stop()` lets it
 * be, and the process's end stops it. A file that needs a worker of its own (its own database or log)
 * still gets one.
 */
let shared: Promise<Harness> | undefined;
let releaseShared: (() => Promise<void>) | undefined;

/**
 * A task queue and real Worker on the shared dev server, with activities bound to the shared test
 * database (or to `databaseUrl`, a database of the file's own, with a harness of its own).
 */
export async function startHarness(opts: { databaseUrl?: string; logger?: Logger } = {}): Promise<Harness> {
  if (opts.databaseUrl || opts.logger) return newHarness(opts);
  shared ??= newHarness({}).then((h) => {
    releaseShared = h.stop;
    return Object.assign(h, { stop: async () => {} });
  });
  // A worker a file stopped (or a start that failed) is not handed on: its clients are closed.
  const h = await shared.catch(() => undefined);
  if (h && h.worker.getState() === 'RUNNING') return h;
  shared = undefined;
  await releaseShared?.().catch(() => {});
  releaseShared = undefined;
  return startHarness(opts);
}

async function newHarness(opts: { databaseUrl?: string; logger?: Logger }): Promise<Harness> {
  const address = inject('temporalAddress');
  const env = await TestWorkflowEnvironment.createFromExistingServer({ address, namespace: 'default' });
  const db = createPrisma(opts.databaseUrl ?? inject('databaseUrl'), { poolSize: 5 });
  const taskQueue = `test-${randomUUID()}`;
  const connection = await NativeConnection.connect({ address });
  const newWorker = () =>
    createWorker({
      connection,
      namespace: 'default',
      taskQueue,
      db,
      client: env.client,
      workflowBundlePath: inject('workflowBundlePath'),
      logger: opts.logger,
    });
  const worker = await newWorker();
  const h: Harness = {
    env,
    db,
    taskQueue,
    worker,
    workerDone: worker.run(),
    async restartWorker() {
      h.worker.shutdown();
      await h.workerDone;
      h.worker = await newWorker();
      h.workerDone = h.worker.run();
    },
    async stop() {
      if (h.worker.getState() === 'RUNNING') h.worker.shutdown();
      await h.workerDone.catch(() => {});
      await connection.close();
      await env.teardown();
      await db.$disconnect();
    },
  };
  return h;
}

/**
 * Like startHarness, but on a fresh database of the file's own (migrated and seeded) on the shared
 * PostgreSQL server: for suites that need an empty register or would disturb others' counts.
 */
export async function startIsolatedHarness(prefix: string): Promise<{ harness: Harness; drop: () => Promise<void> }> {
  const shared = inject('databaseUrl');
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  const { url } = await createDatabase(shared, name);
  const drop = () => dropDatabase(shared, name);
  await migrate(url);
  const db = createPrisma(url, { poolSize: 1 });
  await seedDemo(db);
  await db.$disconnect();
  return { harness: await startHarness({ databaseUrl: url }), drop };
}

/**
 * Campaigns are unique per programme, jurisdiction and year (one annual run); each test takes a year of
 * its own from a sequence global-setup creates, so test files sharing the run's database never collide.
 */
export async function uniqueYear(db: PrismaClient): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ y: bigint }[]>(`SELECT nextval('test_campaign_year') AS y`);
  return Number(rows[0]!.y);
}

export async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  // Most events are a workflow task and an activity away: look again soon, then every 200 ms.
  for (let pause = 25; ; pause = Math.min(200, pause * 2)) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pause));
  }
}

/** The reason a workflow gave for refusing an Update (fails the test if the Update was accepted). */
export async function updateRefusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkflowUpdateFailedError) return (e.cause as Error | undefined)?.message ?? e.message;
    throw e;
  }
  throw new Error('expected the Update to be refused, but it was accepted');
}

/**
 * With RECORD_HISTORIES=1, keeps a workflow's history under test/histories/<name>.json, where
 * test/replay.test.ts replays it against every later version of the code.
 */
export async function recordHistory(h: Harness, workflowId: string, name: string): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  const { writeFileSync } = await import('node:fs');
  const { historyToJSON } = await import('@temporalio/common/lib/proto-utils.js');
  writeFileSync(`test/histories/${name}.json`, historyToJSON(await h.env.client.workflow.getHandle(workflowId).fetchHistory()));
}
