// `npm start`: the whole system on embedded defaults. PostgreSQL (embedded under data/postgres unless
// DATABASE_URL is set), migrations, demo seed (on DATABASE_URL only with --demo: start-options.ts), the
// Temporal dev server persisted to data/temporal.db (unless TEMPORAL_ADDRESS is set), then the worker
// and the API as separate processes, restarted if they die. Ctrl-C stops everything; all state survives
// in data/.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { startEmbeddedPostgres, type EmbeddedDb } from '../prisma/embedded.js';
import { migrate } from '../prisma/migrate.js';
import { createPrisma, type PrismaClient } from '../prisma/db.js';
import { demoLogins, demoUsername, seedDemo, DEMO_JURISDICTIONS, DEMO_PASSWORD_DEFAULT } from '../prisma/seed.js';
import { startDevServer, type DevServer } from './temporal-server.js';
import { configFromEnv, temporalConnectionOptions, workerCommand } from './config.js';
import { launchDemoCampaign } from './demo.js';
import { startOptions, type StartOptions } from './start-options.js';

const root = fileURLToPath(new URL('..', import.meta.url));
// DATA_DIR: where the embedded PostgreSQL and the dev server keep their state (default data/ in the checkout).
const dataDir = path.resolve(process.env.DATA_DIR ?? `${root}data`);
mkdirSync(dataDir, { recursive: true });
const cfg = configFromEnv();
const log = (m: string) => console.log(`[start] ${m}`);
let opts: StartOptions;
try {
  opts = startOptions(process.argv.slice(2), cfg.databaseUrl);
} catch (e) {
  console.error(`[start] ${(e as Error).message} (usage: npm start [-- --demo])`);
  process.exit(2);
}

let pg: EmbeddedDb | undefined;
let temporal: DevServer | undefined;
let db: PrismaClient | undefined;
const children = new Map<string, ChildProcess>();
let stopping = false;

// Signals are ours from the first step: under systemd or Docker only this process is signalled, and
// one that arrived while PostgreSQL or Temporal was still starting used to end it with Node's default
// action, leaving them running without a parent. Now shutdown() waits for a server being started and
// stops it with the rest; main() returns at its next check.
/** The server being started right now: shutdown() waits for it, so it is recorded, then stops it. */
let starting: Promise<unknown> = Promise.resolve();
function startingServer<T>(server: Promise<T>, record: (s: T) => void): Promise<T> {
  const recorded = server.then((s) => (record(s), s));
  starting = recorded.catch(() => undefined);
  return recorded;
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
void main().catch((e: unknown) => {
  if (stopping) return; // a step cut short by the shutdown under way
  console.error('[start] could not start:', e);
  void shutdown(1);
});

async function main(): Promise<void> {
  let databaseUrl = cfg.databaseUrl;
  if (!databaseUrl) {
    log(`starting embedded PostgreSQL (${dataDir}/postgres)…`);
    const server = startEmbeddedPostgres({ dataDir: `${dataDir}/postgres`, port: Number(process.env.PGPORT ?? 54329), persistent: true });
    databaseUrl = (await startingServer(server, (s) => (pg = s))).url;
  }
  if (stopping) return;
  await migrate(cfg.databaseMigrationUrl ?? databaseUrl, () => {}, { grantTo: cfg.databaseAppRole });
  db = createPrisma(databaseUrl);
  if (opts.demo && (await seedDemo(db)).created) log('seeded demo jurisdictions, users and operators');
  // Seeded now or on an earlier start. seedDemo seeds only a database without jurisdictions, so one that
  // create-admin set up first has no demo, and no demo campaign (it needs the demo's users and places).
  const demoSeeded = (await db.user.count({ where: { username: demoUsername('coordinator', 'changxing') } })) > 0;
  if (stopping) return;

  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  let uiUrl = cfg.temporalUiUrl;
  if (!temporalAddress) {
    const port = Number(process.env.TEMPORAL_PORT ?? 7233);
    log(`starting Temporal dev server on 127.0.0.1:${port} (${dataDir}/temporal.db)…`);
    const server = startDevServer({ port, uiPort: Number(process.env.TEMPORAL_UI_PORT ?? port + 1000), dbFile: `${dataDir}/temporal.db` });
    ({ address: temporalAddress, uiUrl } = await startingServer(server, (s) => (temporal = s)));
  }
  if (stopping) return;

  // Migrated above: the worker and the API get the application role only, never the owner's URL.
  const { DATABASE_MIGRATION_URL: _owner, ...inherited } = process.env;
  const env = {
    ...inherited,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    PORT: String(cfg.port),
    ...(uiUrl ? { TEMPORAL_UI_URL: uiUrl } : {}),
  };
  function supervise(name: string, script: string) {
    // The worker yields the cores to the API and the database when they are busy (WORKER_NICE).
    const [command, args, childEnv] =
      name === 'worker' ? workerCommand(['--import', 'tsx', script], env) : [process.execPath, ['--import', 'tsx', script], env];
    const child = spawn(command, args, { cwd: root, env: childEnv, stdio: 'inherit' });
    children.set(name, child);
    child.on('exit', (code, signal) => {
      if (stopping) return;
      log(`${name} exited (${signal ?? code}); restarting in 2 s`);
      setTimeout(() => stopping || supervise(name, script), 2000);
    });
  }
  supervise('worker', 'runtime/worker-main.ts');
  supervise('api', 'api/server.ts');

  // Wait for the API before launching the demo through the real workflow.
  const apiUrl = `http://127.0.0.1:${cfg.port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${apiUrl}/api/health`, { signal: AbortSignal.timeout(2000) })).ok) break;
    } catch {
      /* not yet */
    }
    if (stopping) return;
    if (i > 300) throw new Error('the API did not come up');
    await new Promise((r) => setTimeout(r, 500));
  }
  if (opts.demo && demoSeeded) {
    const connection = await Connection.connect({ ...temporalConnectionOptions(cfg), address: temporalAddress });
    // A failure throws to `started`, whose shutdown(1) stops the worker, API, Temporal and PostgreSQL.
    const demo = await launchDemoCampaign(new Client({ connection, namespace: cfg.temporalNamespace }), db, cfg.taskQueue).finally(() => connection.close());
    if (demo) log(`launched demo campaign ${demo}`);
  }
  if (stopping) return;

  const banner = [
    // The API serves the console only when it is built (npm run build:ui; scripts/start.sh builds it).
    `  控制台 Console:        ${apiUrl}/${existsSync(`${root}admin-ui/dist/index.html`) ? '' : '  (not built: npm run build:ui)'}`,
    `  API (OpenAPI):         ${apiUrl}/api/openapi.json`,
    `  Temporal Web UI:       ${uiUrl ?? '(external cluster)'}`,
  ];
  if (opts.demo && demoSeeded) {
    const password = process.env.DEMO_PASSWORD ?? DEMO_PASSWORD_DEFAULT;
    const SHOWN = [
      'coord.changxing',
      'officer.changxing',
      'officer.zhicheng',
      'officer.taihu',
      'leader.changxing',
      'leader.huzhou',
      'coord.zhoushan',
      'coord.lijiang',
      'auditor.lijiang',
      'officer.gucheng',
      'admin.changxing',
    ];
    const pick = demoLogins().filter((l) => SHOWN.includes(l.username));
    banner.push(
      `  演示账号 Demo logins (password "${password}"):`,
      ...pick.map((l) => `    ${l.username.padEnd(22)} ${l.role.padEnd(15)} ${l.jurisdiction}`),
      `    … one user per role per jurisdiction: <coord|officer|auditor|leader|admin>.<${DEMO_JURISDICTIONS.map((j) => j.slug).join('|')}>`,
    );
  } else if (demoSeeded) {
    banner.push(
      '  注意 Note: 此数据库含演示账号（共用一个密码），不可用于生产 this database holds the demo accounts (one shared password): not for production',
    );
  }
  if ((await db.user.count({ where: { role: 'admin', disabledAt: null } })) === 0) {
    banner.push(
      '  尚无管理员账号 No admin account yet. Create the first one (it prints a one-time password, changed at first sign-in):',
      '    npm run create-admin -- --username <name> --jurisdiction <GB/T 2260 code> --jurisdiction-name <名称> --level province|city|county',
      '    (an existing jurisdiction: --jurisdiction <its id> alone; README "Production profile")',
    );
  }
  banner.push(`  Ctrl-C stops everything; data stays in ${dataDir}.`);
  console.log(`\n${banner.join('\n')}\n`);
}

async function shutdown(code = 0): Promise<never> {
  if (stopping) return new Promise<never>(() => {}); // the first call exits
  stopping = true;
  log('stopping…');
  await starting;
  await Promise.all(
    [...children.values()].map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          c.once('exit', () => resolve());
          c.kill('SIGTERM');
          // Each drains its work in flight for up to the grace (SHUTDOWN_GRACE_SECONDS), then exits.
          setTimeout(() => c.kill('SIGKILL'), cfg.shutdownGraceMs + 5000).unref();
        }),
    ),
  );
  await db?.$disconnect();
  await temporal?.stop();
  await pg?.stop();
  process.exit(code);
}
