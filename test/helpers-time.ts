// The workflow tier's harness: the file's own Temporal time-skipping test server (the Java SDK's, started
// from scripts/temporal-test-server.sh's launcher), a real Worker with the real activities on the run's
// PostgreSQL, and a clock the test drives. The server's clock runs at the wall clock's pace until the
// test calls skip() or skipTo(): then it jumps to each timer in turn, firing it, up to the time asked.
// So a deadline lies hours or days ahead in workflow time and a test reaches it at once, however busy
// the machine is; what the workflows do then is awaited as any event (waitFor). Dates the workflows
// judge by come from now(), not Date.now(): after a skip the two differ. The activities' own timestamps
// (created_at…) stay wall-clock times. A file's tests share its server, so its clock only moves forward.
import { inject } from 'vitest';
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { createPrisma } from '../prisma/db.js';
import { createWorker } from '../runtime/worker.js';
import { searchAttributeTypes } from '../runtime/temporal-setup.js';
import type { Logger } from '../runtime/logging.js';
import type { Worker } from '@temporalio/worker';
// helpers.js installs the quieter Temporal runtime logger on import.
import './helpers.js';
import type { Harness } from './helpers.js';

/** Whether `h` runs on the time-skipping test server, its clock driven by the test. */
export const skips = (h: Harness): h is TimeHarness => 'skipTo' in h;
/** The clock the workflows judge by: the test server's, or the wall clock on the dev server. */
export const clockOf = async (h: Harness): Promise<number> => (skips(h) ? h.now() : Date.now());
/** How long a fixture's open stage lasts: longer than anything a time-skipping file skips. */
export const quietMs = (h: Harness, onDevServer = 600_000): number => (skips(h) ? 90 * 86_400_000 : onDevServer);

export interface TimeHarness extends Harness {
  /** The test server's clock, in ms: the time the workflows see (Date.now() inside a workflow). */
  now(): Promise<number>;
  /** Moves the server's clock `ms` ahead, firing every timer due on the way. */
  skip(ms: number): Promise<void>;
  /** Moves the server's clock to `at` (ms), if it is not already past it. */
  skipTo(at: number): Promise<void>;
}

/**
 * The SDK starts the server and gives it 5 s to answer (core-bridge's ephemeral server); a JVM on two busy
 * cores can take longer, and a port found free can be taken before the server binds it: three attempts.
 */
async function startTestServer(): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: inject('testServerPath') } } });
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

export async function startTimeSkippingHarness(opts: { databaseUrl?: string; logger?: Logger } = {}): Promise<TimeHarness> {
  const env = await startTestServer();
  // The workflows set these search attributes (as npm start's dev server registers them at start).
  await env.connection.operatorService.addSearchAttributes({
    namespace: 'default',
    searchAttributes: searchAttributeTypes(),
  });
  const db = createPrisma(opts.databaseUrl ?? inject('databaseUrl'), { poolSize: 5 });
  const taskQueue = `test-${randomUUID()}`;
  const worker = await createWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    db,
    client: env.client,
    workflowBundlePath: inject('workflowBundlePath'),
    logger: opts.logger,
  });
  // Terminating a workflow while one of its tasks or activities is in flight leaks the test server's
  // time-skipping lock (temporalio/sdk-java#1138), and every later skip of the file then takes its length
  // in real time: a handle's terminate() first waits for the worker to be idle.
  const getHandle = env.client.workflow.getHandle.bind(env.client.workflow);
  env.client.workflow.getHandle = ((...args: Parameters<typeof getHandle>) => {
    const handle = getHandle(...args);
    const terminate = handle.terminate.bind(handle);
    handle.terminate = async (reason?: string) => {
      await workerIdle(worker);
      return terminate(reason);
    };
    return handle;
  }) as typeof getHandle;
  const h: TimeHarness = {
    env,
    db,
    taskQueue,
    worker,
    workerDone: worker.run(),
    async restartWorker() {
      // The test server keeps sending a workflow's tasks to the sticky queue of the worker that last ran
      // it, and never back to the task queue once that worker is gone (the dev server does after 10 s):
      // the workflow would stall. Worker restarts are tested on the dev server (integration tier).
      throw new Error('a worker restart needs the dev server: test it in the integration tier (startHarness)');
    },
    async stop() {
      if (h.worker.getState() === 'RUNNING') h.worker.shutdown();
      await h.workerDone.catch(() => {});
      await env.teardown();
      await db.$disconnect();
    },
    now: () => env.currentTimeMs(),
    skip: (ms) => env.sleep(ms),
    async skipTo(at) {
      const now = await env.currentTimeMs();
      if (at > now) await env.sleep(at - now);
    },
  };
  return h;
}

/** Resolves once the worker has had no workflow activation or activity in flight for three looks in a row. */
async function workerIdle(worker: Worker, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (let quiet = 0; quiet < 3 && Date.now() < end;) {
    const s = worker.getStatus();
    quiet = s.numInFlightWorkflowActivations === 0 && s.numInFlightActivities === 0 ? quiet + 1 : 0;
    await new Promise((r) => setTimeout(r, 25));
  }
}
