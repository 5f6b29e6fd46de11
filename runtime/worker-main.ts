// The worker process: `node --import tsx runtime/worker-main.ts` (npm start runs it for you).
// Several can run against one Temporal cluster; SIGTERM drains in-flight work before exiting.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { Connection } from '@temporalio/client';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { dispatchPendingDeliveries } from '../activities/notify.js';
import { createPrisma } from '../prisma/db.js';
import { configFromEnv, defaultMaxCachedWorkflows, temporalConnectionOptions, workflowThreadHeapLimitMb } from './config.js';
import { createWorker } from './worker.js';
import { withBundleBuiltApart } from './bundle-workflows.js';
import { createLogger, sdkLogger } from './logging.js';
import { databaseCheck, temporalCheck } from './probes.js';
import { createTemporalClient } from './request-id.js';
import { freeLoopbackPort, startWorkerHttp } from './worker-http.js';
import { ensureHousekeepingSchedule } from './housekeeping.js';

const cfg = configFromEnv();
// The workflow thread's heap limit (WORKFLOW_THREAD_HEAP_MB, runtime/config.ts): V8 reads the flag when it
// creates an isolate, so setting it here, before Worker.create starts the thread, limits that thread and
// not this one (whose own heap stays near 200 MiB).
const ownHeapMb = Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);
const setHeapMb = workflowThreadHeapLimitMb(cfg.workflowThreadHeapMb, ownHeapMb, process.execArgv, process.env.NODE_OPTIONS);
if (setHeapMb) setFlagsFromString(`--max-old-space-size=${setHeapMb}`);
const threadHeapMb = setHeapMb ?? ownHeapMb;
const maxCachedWorkflows = cfg.workerMaxCachedWorkflows ?? defaultMaxCachedWorkflows(threadHeapMb * 2 ** 20);
const logger = createLogger({ service: 'worker', level: cfg.logLevel });
// The SDK's own metrics (task latencies, slots, pollers, sticky cache) from its Prometheus exporter on a
// loopback port; METRICS_PORT serves them with the probes (worker-http.ts). Runtime.install can run once
// per process: here, not in createWorker (the tests install their own). The SDK's log lines go through
// pino too (its INFO chatter only at LOG_LEVEL=debug, logging.ts sdkLogger).
const sdkMetricsPort = await freeLoopbackPort();
Runtime.install({ logger: sdkLogger(logger), telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${sdkMetricsPort}` } } } });
if (!cfg.databaseUrl) throw new Error('DATABASE_URL is required');
const db = createPrisma(cfg.databaseUrl);
const connection = await NativeConnection.connect(temporalConnectionOptions(cfg));
const clientConnection = await Connection.connect(temporalConnectionOptions(cfg));
// The webhook deliveries an activity starts carry its request id on (runtime/request-id.ts).
const client = createTemporalClient(clientConnection, cfg.temporalNamespace);
// Up while the workflows are bundled: /livez answers at once, /readyz once the worker polls.
let running = () => false;
const http = await startWorkerHttp({
  host: cfg.host,
  port: cfg.metricsPort,
  sdkMetricsUrl: `http://127.0.0.1:${sdkMetricsPort}/metrics`,
  metricsToken: cfg.metricsToken,
  logger,
  checks: {
    database: databaseCheck(db),
    temporal: temporalCheck(clientConnection),
    worker: async () => {
      if (!running()) throw new Error('not polling');
    },
  },
});
logger.info({ url: `http://${cfg.host}:${http.port}`, paths: ['/metrics', '/livez', '/readyz'] }, 'metrics and probes listening');
// WORKFLOW_BUNDLE_PATH: a prebuilt bundle (faster restarts; the fault tests restart workers often).
// Otherwise the workflows are bundled in a child process first (runtime/bundle-workflows.ts), so that
// webpack's memory is never this long-running process's.
const create = (workflowBundlePath: string) =>
  createWorker({
    connection,
    namespace: cfg.temporalNamespace,
    taskQueue: cfg.taskQueue,
    db,
    client,
    workflowBundlePath,
    logger,
    extra: {
      shutdownGraceTime: cfg.shutdownGraceMs,
      maxCachedWorkflows,
    },
  });
const worker = process.env.WORKFLOW_BUNDLE_PATH
  ? await create(process.env.WORKFLOW_BUNDLE_PATH)
  : // WORKER_WORKFLOWS_PATH is set by `npm run bench` only (its worker also runs the bench's no-op workflows).
    await withBundleBuiltApart(process.env.WORKER_WORKFLOWS_PATH || undefined, create);
// A delivery whose start was cut short by a crash (after its notification was committed) starts now.
const swept = await dispatchPendingDeliveries(db, { client, taskQueue: cfg.taskQueue });
running = () => worker.getState() === 'RUNNING';
if (swept) logger.info({ swept }, 'started pending webhook deliveries');
// Hourly housekeeping (README "Housekeeping"): created once, whichever worker starts first.
await ensureHousekeepingSchedule(client, cfg.taskQueue).then(
  (created) => created && logger.info('created the hourly housekeeping schedule'),
  (err: unknown) => logger.error({ err }, 'could not create the housekeeping schedule (housekeeping will not run)'),
);
// What bounds its memory, said once (README "Deploying").
logger.info(
  {
    taskQueue: cfg.taskQueue,
    temporalAddress: cfg.temporalAddress,
    maxCachedWorkflows,
    workflowThreadHeapMb: threadHeapMb,
  },
  'polling the task queue',
);
// Resolves once a SIGTERM/SIGINT has drained the worker (its running activities finish first).
await worker.run();
await http.close();
await connection.close();
await clientConnection.close();
await db.$disconnect();
logger.info('stopped');
process.exit(0);
