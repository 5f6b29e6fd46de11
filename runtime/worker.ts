import type { Client } from '@temporalio/client';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import type { PrismaClient } from '../prisma/db.js';
import { silentLogger, type Logger } from './logging.js';
import { activityLogging } from './request-id.js';

/** A worker for the campaign task queue: every workflow, every activity bound to `db`. */
export async function createWorker(opts: {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: PrismaClient;
  /** Starts the webhook deliveries of notifications the activities write (on the same task queue). */
  client?: Client;
  /** The workflow bundle (runtime/bundle-workflows.ts: worker-main builds it apart; tests once per run). */
  workflowBundlePath: string;
  /** Where each activity's line goes, with the request id that caused it (README "Operating"); none by default. */
  logger?: Logger;
  extra?: Partial<WorkerOptions>;
}): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: createActivities(opts.db, opts.client ? { client: opts.client, taskQueue: opts.taskQueue } : undefined),
    // The bundle has the workflow interceptors in it already (runtime/bundle-workflows.ts).
    workflowBundle: { codePath: opts.workflowBundlePath },
    interceptors: { activity: [activityLogging(opts.logger ?? silentLogger)] },
    // A worker shutting down lets the activities it holds finish (database writes, a webhook POST of at
    // most 10 s): an activity cut off would only be retried once its start-to-close timeout had passed.
    // The worker process takes SHUTDOWN_GRACE_SECONDS instead (runtime/worker-main.ts).
    shutdownGraceTime: '10 seconds',
    // Pollers scale with the backlog: with the fixed default a launch's thousands of new case
    // workflows queued behind a handful of non-sticky polls (no-op workflows: 45/s fixed, 61/s scaling).
    // At most 20 on each of the two queues, half the 40 workflow-task slots: a waiting poll holds a
    // slot, and after a launch the non-sticky polls had grown to 39 and kept them all, leaving one to
    // the sticky queue where the cached cases' Updates arrive: each waited 290–600 ms there (README
    // "Benchmarks", the workflow task's queue).
    workflowTaskPollerBehavior: { type: 'autoscaling', maximum: 20 },
    activityTaskPollerBehavior: { type: 'autoscaling' },
    ...opts.extra,
  });
}
