// The whole system as separate processes, the way `npm start` runs it, for fault injection:
// embedded PostgreSQL and the Temporal dev server (SQLite file) each in a data dir of their own, the
// worker and the API as child processes. Each part can be killed (-9) and restarted on the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { createPrisma, type PrismaClient } from '../prisma/db.js';
import { freePort, startEmbeddedPostgres, type EmbeddedDb } from '../prisma/embedded.js';
import { migrate } from '../prisma/migrate.js';
import { seedDemo } from '../prisma/seed.js';
import { startDevServer, startDevServerOnFreePort } from '../runtime/temporal-server.js';
import { bundleWorkflows } from '../runtime/bundle-workflows.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Stack {
  apiUrl: string;
  /** The worker's /metrics, /livez and /readyz (METRICS_PORT). */
  workerUrl: string;
  db: PrismaClient;
  client: Client;
  log: string[];
  killWorker(downMs?: number): Promise<void>;
  restartTemporal(downMs?: number): Promise<void>;
  restartPostgres(downMs?: number): Promise<void>;
  restartApi(downMs?: number): Promise<void>;
  /** SIGTERM to the worker or the API, kept down afterwards until `resume`: how and when it exited. */
  terminate(name: 'worker' | 'api'): Promise<{ code: number | null; signal: NodeJS.Signals | null; exitedAt: number }>;
  resume(name: 'worker' | 'api'): Promise<void>;
  stop(): Promise<void>;
}

interface Supervised {
  child?: ChildProcess;
  /** Killed on purpose and kept down until the fault's time is over. */
  held: boolean;
  run(): void;
}

export async function startStack(dir: string, opts: { workflowBundlePath?: string } = {}): Promise<Stack> {
  mkdirSync(dir, { recursive: true });
  const log: string[] = [];
  const note = (line: string) => void log.push(`${new Date().toISOString()} ${line}`);
  const pgDir = path.join(dir, 'pg');
  // A port of its own, kept for the restarts after a fault (picked free, tried again if taken meanwhile).
  let pg: EmbeddedDb = await startEmbeddedPostgres({ dataDir: pgDir, persistent: true });
  const pgPort = pg.port;
  await migrate(pg.url, () => {});
  const db = createPrisma(pg.url, { poolSize: 4 });
  await seedDemo(db);
  const dbFile = path.join(dir, 'temporal.db');
  const temporalLog = (line: string) => note(`[temporal] ${line.trim().slice(0, 500)}`);
  let temporal = await startDevServerOnFreePort({ dbFile, log: temporalLog });
  const temporalPort = Number(temporal.address.split(':').pop());
  // The test run's bundle when given (test/global-setup.ts builds it once; building costs ~10 s of CPU).
  const bundlePath = opts.workflowBundlePath ?? path.join(dir, 'workflow-bundle.js');
  if (!opts.workflowBundlePath) await bundleWorkflows(bundlePath);
  const apiPort = await freePort();
  const workerMetricsPort = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: pg.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: 'campaigns-soak',
    WORKFLOW_BUNDLE_PATH: bundlePath,
    PORT: String(apiPort),
    METRICS_PORT: String(workerMetricsPort),
    DATABASE_POOL_SIZE: '5',
    // Room for a restarted worker to answer the Updates a stopping API still waits on (test/fault.test.ts).
    SHUTDOWN_GRACE_SECONDS: '30',
    // The tests' webhook receivers listen on loopback, which the SSRF guard refuses unless listed.
    WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
  };
  let stopping = false;

  // Like npm start's supervisor: a process that dies is started again (unless held down on purpose).
  function supervise(name: string, script: string): Supervised {
    const s: Supervised = { held: false, run: () => {} };
    s.run = () => {
      // One process at a time: the exit handler's restart and the end of a held fault may both call this.
      if (stopping || s.held || s.child) return;
      const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout!.on('data', (b: Buffer) => note(`[${name}] ${b.toString().trim()}`));
      child.stderr!.on('data', (b: Buffer) => note(`[${name}!] ${b.toString().trim().slice(0, 500)}`));
      child.on('exit', (code, signal) => {
        note(`[${name}] exited (${signal ?? code})`);
        if (s.child === child) s.child = undefined;
        setTimeout(s.run, 500);
      });
      s.child = child;
    };
    s.run();
    return s;
  }
  async function kill(s: Supervised, downMs: number) {
    s.held = true;
    const child = s.child;
    if (child) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
    await sleep(downMs);
    s.held = false;
    s.run();
  }

  const worker = supervise('worker', 'runtime/worker-main.ts');
  const api = supervise('api', 'api/server.ts');
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const apiUp = async () => {
    for (let i = 0; i < 240; i++) {
      try {
        if ((await fetch(`${apiUrl}/api/openapi.json`, { signal: AbortSignal.timeout(2000) })).ok) return;
      } catch {
        /* not yet */
      }
      await sleep(250);
    }
    throw new Error('the API did not come up');
  };
  await apiUp();
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection, namespace: 'default' });

  return {
    apiUrl,
    workerUrl: `http://127.0.0.1:${workerMetricsPort}`,
    db,
    client,
    log,
    async killWorker(downMs = 500) {
      note('fault: kill -9 worker');
      await kill(worker, downMs);
    },
    async restartTemporal(downMs = 1000) {
      note('fault: kill -9 Temporal dev server');
      const exited = new Promise((r) => temporal.process.once('exit', r));
      temporal.process.kill('SIGKILL');
      await exited;
      await sleep(downMs);
      temporal = await startDevServer({ port: temporalPort, dbFile, log: temporalLog });
      note('Temporal dev server back');
    },
    async restartPostgres(downMs = 1000) {
      note('fault: kill -9 PostgreSQL');
      const pid = Number(readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 100; i++) {
        try {
          process.kill(pid, 0);
          await sleep(100);
        } catch {
          break;
        }
      }
      await sleep(downMs);
      pg = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort, persistent: true });
      note('PostgreSQL back');
    },
    async restartApi(downMs = 300) {
      note('fault: kill -9 API');
      await kill(api, downMs);
      await apiUp();
    },
    async terminate(name) {
      const s = name === 'worker' ? worker : api;
      const child = s.child;
      if (!child) throw new Error(`the ${name} is not running`);
      note(`SIGTERM ${name}`);
      s.held = true;
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; exitedAt: number }>((resolve) =>
        child.once('exit', (code, signal) => resolve({ code, signal, exitedAt: Date.now() })),
      );
      child.kill('SIGTERM');
      return exited;
    },
    async resume(name) {
      const s = name === 'worker' ? worker : api;
      s.held = false;
      s.run();
      if (name === 'api') await apiUp();
    },
    async stop() {
      stopping = true;
      for (const s of [worker, api]) s.child?.kill('SIGTERM');
      await sleep(1000);
      for (const s of [worker, api]) s.child?.kill('SIGKILL');
      await connection.close().catch(() => {});
      await db.$disconnect().catch(() => {});
      temporal.process.kill('SIGKILL');
      await pg.stop().catch(() => {});
    },
  };
}
