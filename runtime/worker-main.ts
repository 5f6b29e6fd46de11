// The worker process: `node --import tsx runtime/worker-main.ts` (npm start runs it for you).
// Several can run against one Temporal cluster; SIGTERM drains in-flight work before exiting.
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type LogLevel } from '@temporalio/worker';
import { dispatchPendingDeliveries } from '../activities/notify.js';
import { createPrisma } from '../prisma/db.js';
import { configFromEnv, temporalConnectionOptions } from './config.js';
import { createWorker } from './worker.js';

// The bundler's and worker's INFO lines drown the console of `npm start`; LOG_LEVEL=INFO brings them back.
Runtime.install({ logger: new DefaultLogger((process.env.LOG_LEVEL ?? 'WARN') as LogLevel) });

const cfg = configFromEnv();
if (!cfg.databaseUrl) throw new Error('DATABASE_URL is required');
const db = createPrisma(cfg.databaseUrl);
const connection = await NativeConnection.connect(temporalConnectionOptions(cfg));
const clientConnection = await Connection.connect(temporalConnectionOptions(cfg));
const client = new Client({ connection: clientConnection, namespace: cfg.temporalNamespace });
// WORKFLOW_BUNDLE_PATH: a prebuilt bundle (faster restarts; the fault tests restart workers often).
const worker = await createWorker({
  connection,
  namespace: cfg.temporalNamespace,
  taskQueue: cfg.taskQueue,
  db,
  client,
  workflowBundlePath: process.env.WORKFLOW_BUNDLE_PATH || undefined,
  extra: { shutdownGraceTime: cfg.shutdownGraceMs, ...(cfg.workerMaxCachedWorkflows !== undefined ? { maxCachedWorkflows: cfg.workerMaxCachedWorkflows } : {}) },
});
// A delivery whose start was cut short by a crash (after its notification was committed) starts now.
const swept = await dispatchPendingDeliveries(db, { client, taskQueue: cfg.taskQueue });
if (swept) console.log(`[worker] started ${swept} pending webhook deliveries`);
console.log(`[worker] polling task queue "${cfg.taskQueue}" on ${cfg.temporalAddress}`);
// Resolves once a SIGTERM/SIGINT has drained the worker (its running activities finish first).
await worker.run();
await connection.close();
await clientConnection.close();
await db.$disconnect();
console.log('[worker] stopped');
process.exit(0);
