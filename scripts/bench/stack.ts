// The system under measurement, started the way `npm start` runs it: PostgreSQL (embedded, or a fresh
// database on an external server), the Temporal CLI dev server, and the worker and the API as separate
// Node processes (runtime/worker-main.ts, api/server.ts), each watched for its resident memory.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { Connection } from '@temporalio/client';
import { createDatabase, dropDatabase } from '../../prisma/databases.js';
import { freePort, startEmbeddedPostgres } from '../../prisma/embedded.js';
import { migrate } from '../../prisma/migrate.js';
import { createPrisma } from '../../prisma/db.js';
import { seedDemo } from '../../prisma/seed.js';
import { workerCommand } from '../../runtime/config.js';
import { type Cleanup, sleep } from './util.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where each process the bench starts writes its whole log (one file a process name, overwritten per run). */
export const BENCH_LOGS = path.join(ROOT, 'tmp', 'bench-logs');
/** The password of every seeded and bench user (a throwaway database). */
export const BENCH_PASSWORD = 'bench-demo-1234';

export interface Database {
  url: string;
  label: string;
  version: string;
}

/** A new database on the server at `baseUrl` (dropped by the cleanup), migrated and seeded. */
export async function freshDatabase(baseUrl: string, name: string, cleanup: Cleanup, kind: string): Promise<Database> {
  const { url, version } = await createDatabase(baseUrl, name);
  cleanup.add(`database ${name}`, () => dropDatabase(baseUrl, name));
  await prepare(url);
  return { url, label: `${kind} PostgreSQL ${version.split(' ')[0]}`, version };
}

/** An embedded PostgreSQL server in `dataDir` (stopped by the cleanup), with its database migrated and seeded. */
export async function embeddedDatabase(dataDir: string, cleanup: Cleanup): Promise<Database> {
  const server = await startEmbeddedPostgres({ dataDir, persistent: false });
  cleanup.add('embedded PostgreSQL', () => server.stop());
  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  const version = (await c.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  await c.end();
  await prepare(server.url);
  return { url: server.url, label: `embedded PostgreSQL ${version.split(' ')[0]}`, version };
}

async function prepare(url: string) {
  await migrate(url);
  const db = createPrisma(url, { poolSize: 2 });
  try {
    await seedDemo(db, BENCH_PASSWORD);
  } finally {
    await db.$disconnect();
  }
}

/**
 * scripts/external-postgres.sh (Debian's postgresql on a free port, data under tmp/): its base URL, or
 * undefined when the script is not there. Stopped (and its data dir removed) by the cleanup.
 */
export async function startExternalPostgres(cleanup: Cleanup, log: (l: string) => void): Promise<string | undefined> {
  const script = path.join(ROOT, 'scripts/external-postgres.sh');
  if (!existsSync(script)) {
    log('--external-pg: scripts/external-postgres.sh is not there; the list benchmark runs on one PostgreSQL only');
    return undefined;
  }
  const { stdout } = await promisify(execFile)('bash', [script, 'start'], { cwd: ROOT, maxBuffer: 1 << 20 });
  const vars = Object.fromEntries([...stdout.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1]!, m[2]!]));
  if (!vars.DATABASE_URL) throw new Error(`scripts/external-postgres.sh start printed no DATABASE_URL:\n${stdout}`);
  if (vars.EXTERNAL_PG_DIR) cleanup.add('external PostgreSQL', () => promisify(execFile)('bash', [script, 'stop', vars.EXTERNAL_PG_DIR!], { cwd: ROOT }));
  return vars.DATABASE_URL;
}

export interface NodeProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  log: string[];
  exited: boolean;
  stop(): Promise<void>;
}

/** `node --import tsx <script>` as a child process (no restarts: a crash is a failed run). */
export function spawnNode(name: string, script: string, env: NodeJS.ProcessEnv, cleanup: Cleanup): NodeProcess {
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=tmp/prof"): profile the worker and the API under load.
  const extra = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  // The worker at the priority npm start gives it (WORKER_NICE, runtime/config.ts).
  const nodeArgs = [...extra, '--import', 'tsx', script];
  const [command, args, childEnv] = name === 'worker' ? workerCommand(nodeArgs, env) : [process.execPath, nodeArgs, env];
  const child = spawn(command, args, { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  // Whole logs on disk as well (the last lines only are kept in memory): a run's 5xx answers carry the
  // error behind them (api/errors.ts errorHandler), read afterwards in tmp/bench-logs/.
  mkdirSync(BENCH_LOGS, { recursive: true });
  const file = createWriteStream(path.join(BENCH_LOGS, `${name}.log`), { flags: 'w' });
  child.once('exit', () => file.end());
  const keep = (b: Buffer) => {
    file.write(b);
    log.push(
      ...b
        .toString()
        .split('\n')
        .filter(Boolean)
        .map((l) => l.slice(0, 2000)),
    );
    if (log.length > 400) log.splice(0, log.length - 400);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let stopping = false;
  const p: NodeProcess = {
    name,
    child,
    pid: child.pid!,
    log,
    exited: false,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (p.exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 12_000).unref();
      }),
  };
  child.once('exit', (code, signal) => {
    p.exited = true;
    // Said at once: the step that needs the process may only notice much later.
    if (!stopping)
      console.log(`[bench] ${name} (pid ${child.pid}) exited unexpectedly (code ${code}, signal ${signal}); its last lines:\n${log.slice(-40).join('\n')}`);
  });
  // Never outlive the bench, even when it dies before its own cleanup.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  cleanup.add(name, () => p.stop());
  return p;
}

export async function startApi(name: string, env: NodeJS.ProcessEnv, cleanup: Cleanup): Promise<NodeProcess & { url: string }> {
  const port = await freePort();
  const p = spawnNode(name, 'api/server.ts', { ...env, PORT: String(port) }, cleanup);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (p.exited) throw new Error(`${name} exited during start:\n${p.log.slice(-30).join('\n')}`);
    try {
      if ((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) })).ok) break;
    } catch {
      /* not yet */
    }
    if (i > 480) throw new Error(`${name} did not come up in 2 minutes:\n${p.log.slice(-30).join('\n')}`);
    await sleep(250);
  }
  return Object.assign(p, { url });
}

/** Waits until a worker polls both the workflow and the activity side of the task queue. */
export async function waitForWorker(connection: Connection, namespace: string, taskQueue: string, worker: NodeProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (worker.exited) throw new Error(`the worker exited during start:\n${worker.log.slice(-30).join('\n')}`);
    const pollers = await Promise.all(
      [1, 2].map(
        async (taskQueueType) =>
          (await connection.workflowService.describeTaskQueue({ namespace, taskQueue: { name: taskQueue, kind: 1 }, taskQueueType })).pollers?.length ?? 0,
      ),
    );
    if (pollers.every((n) => n > 0)) return;
    if (Date.now() > deadline) throw new Error(`no worker polls ${taskQueue} after ${timeoutMs / 1000} s:\n${worker.log.slice(-30).join('\n')}`);
    await sleep(500);
  }
}

/** Resident memory of processes, sampled from /proc: the high-water mark (VmHWM) and the largest VmRSS seen. */
export class RssMonitor {
  private readonly watched = new Map<string, { pid: number; hwmKb: number; maxRssKb: number; sinceKb: number }>();
  private timer?: NodeJS.Timeout;
  watch(name: string, pid: number) {
    this.watched.set(name, { pid, hwmKb: 0, maxRssKb: 0, sinceKb: 0 });
  }
  start(intervalMs = 500) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }
  /** Forgets the start-up: `sinceKb` is the largest VmRSS from now on. */
  mark() {
    for (const w of this.watched.values()) w.sinceKb = 0;
    this.sample();
  }
  sample() {
    for (const w of this.watched.values()) {
      try {
        const status = readFileSync(`/proc/${w.pid}/status`, 'utf8');
        const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
        w.hwmKb = Math.max(w.hwmKb, kb('VmHWM'));
        const rss = kb('VmRSS');
        w.maxRssKb = Math.max(w.maxRssKb, rss);
        w.sinceKb = Math.max(w.sinceKb, rss);
      } catch {
        /* gone, or no /proc (not Linux) */
      }
    }
  }
  stop() {
    if (this.timer) clearInterval(this.timer);
    this.sample();
  }
  report() {
    return [...this.watched.entries()].map(([name, w]) => ({ name, pid: w.pid, peakMb: w.hwmKb / 1024, loadPeakMb: w.sinceKb / 1024 }));
  }
}
