// `npm start`: the whole system on embedded defaults. PostgreSQL (embedded under data/postgres unless
// DATABASE_URL is set), migrations, demo seed, the Temporal dev server persisted to data/temporal.db
// (unless TEMPORAL_ADDRESS is set), then the worker and the API as separate processes, restarted if
// they die. Ctrl-C stops everything; all state survives in data/.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { startEmbeddedPostgres, type EmbeddedDb } from '../prisma/embedded.js';
import { migrate } from '../prisma/migrate.js';
import { createPrisma } from '../prisma/db.js';
import { demoLogins, seedDemo, DEMO_JURISDICTIONS, DEMO_PASSWORD_DEFAULT } from '../prisma/seed.js';
import { startDevServer, type DevServer } from './temporal-server.js';
import { configFromEnv, temporalConnectionOptions } from './config.js';
import { launchDemoCampaign } from './demo.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = `${root}data`;
mkdirSync(dataDir, { recursive: true });
const cfg = configFromEnv();
const log = (m: string) => console.log(`[start] ${m}`);

let pg: EmbeddedDb | undefined;
let temporal: DevServer | undefined;
const children = new Map<string, ChildProcess>();
let stopping = false;

let databaseUrl = cfg.databaseUrl;
if (!databaseUrl) {
  log('starting embedded PostgreSQL (data/postgres)…');
  pg = await startEmbeddedPostgres({ dataDir: `${dataDir}/postgres`, port: Number(process.env.PGPORT ?? 54329), persistent: true });
  databaseUrl = pg.url;
}
await migrate(databaseUrl, () => {});
const db = createPrisma(databaseUrl);
if ((await seedDemo(db)).created) log('seeded demo jurisdictions, users and operators');

let temporalAddress = process.env.TEMPORAL_ADDRESS;
let uiUrl = cfg.temporalUiUrl;
if (!temporalAddress) {
  const port = Number(process.env.TEMPORAL_PORT ?? 7233);
  log(`starting Temporal dev server on 127.0.0.1:${port} (data/temporal.db)…`);
  temporal = await startDevServer({ port, uiPort: Number(process.env.TEMPORAL_UI_PORT ?? port + 1000), dbFile: `${dataDir}/temporal.db` });
  temporalAddress = temporal.address;
  uiUrl = temporal.uiUrl;
}

const env = { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, PORT: String(cfg.port), ...(uiUrl ? { TEMPORAL_UI_URL: uiUrl } : {}) };
function supervise(name: string, script: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, env, stdio: 'inherit' });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    log(`${name} exited (${signal ?? code}); restarting in 2 s`);
    setTimeout(() => supervise(name, script), 2000);
  });
}
supervise('worker', 'runtime/worker-main.ts');
supervise('api', 'api/server.ts');

// Wait for the API before launching the demo through the real workflow.
const apiUrl = `http://127.0.0.1:${cfg.port}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${apiUrl}/api/health`)).ok) break;
  } catch {
    /* not yet */
  }
  if (i > 300) throw new Error('the API did not come up');
  await new Promise((r) => setTimeout(r, 500));
}
const connection = await Connection.connect({ ...temporalConnectionOptions(cfg), address: temporalAddress });
// A failure here must not leave the worker, API, Temporal and PostgreSQL running without their supervisor.
const demo = await launchDemoCampaign(new Client({ connection, namespace: cfg.temporalNamespace }), db, cfg.taskQueue).catch(async (e: unknown) => {
  console.error('[start] the demo campaign could not be launched:', e);
  return shutdown(1);
});
if (demo) log(`launched demo campaign ${demo}`);
await connection.close();

const password = process.env.DEMO_PASSWORD ?? DEMO_PASSWORD_DEFAULT;
const SHOWN = ['coord.changxing', 'officer.changxing', 'officer.zhicheng', 'officer.taihu', 'leader.changxing', 'leader.huzhou', 'coord.zhoushan', 'coord.lijiang', 'auditor.lijiang', 'officer.gucheng', 'admin.changxing'];
const pick = demoLogins().filter((l) => SHOWN.includes(l.username));
console.log(`
  控制台 Console:        ${apiUrl}/
  API (OpenAPI):         ${apiUrl}/api/openapi.json
  Temporal Web UI:       ${uiUrl ?? '(external cluster)'}
  演示账号 Demo logins (password "${password}"):
${pick.map((l) => `    ${l.username.padEnd(22)} ${l.role.padEnd(15)} ${l.jurisdiction}`).join('\n')}
    … one user per role per jurisdiction: <coord|officer|auditor|leader|admin>.<${DEMO_JURISDICTIONS.map((j) => j.slug).join('|')}>
  Ctrl-C stops everything; data stays in data/.
`);

async function shutdown(code = 0): Promise<never> {
  if (stopping) return new Promise<never>(() => {}); // the first call exits
  stopping = true;
  log('stopping…');
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
  await db.$disconnect();
  await temporal?.stop();
  await pg?.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
