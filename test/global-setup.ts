// The services of a test run, started once and only for the tiers that run (vitest.config.ts): one real
// PostgreSQL (embedded in a fresh temp dir, or a fresh database on the server given by DATABASE_URL),
// migrated and seeded, and the workflow bundle built once, for the `workflow` and `integration` tiers;
// a real Temporal dev server (in memory, free ports) for the `integration` tier only; the launcher of
// Temporal's time-skipping test server for the `workflow` tier (each of its files starts its own server:
// time skipping is global to a server). The `unit` tier has no global setup and starts nothing.
//
// Vitest runs each project's global setup in its main process, one after another: what two tiers share
// (the database, the bundle) is kept on globalThis, started by the first and stopped after the last.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { createDatabase, dropDatabase } from '../prisma/databases.js';
import { startEmbeddedPostgres, type EmbeddedDb } from '../prisma/embedded.js';
import { migrate } from '../prisma/migrate.js';
import { createPrisma } from '../prisma/db.js';
import { seedDemo } from '../prisma/seed.js';
import { startDevServerOnFreePort, type DevServer } from '../runtime/temporal-server.js';
import { bundleWorkflows } from '../runtime/bundle-workflows.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
    workflowBundlePath: string;
    /** scripts/temporal-test-server.sh's launcher of the time-skipping test server (workflow tier). */
    testServerPath: string;
  }
}

interface Services {
  users: number;
  dir: string;
  database?: Promise<string>;
  bundle?: Promise<string>;
  temporal?: Promise<DevServer>;
  embedded?: EmbeddedDb;
  /** The database made on DATABASE_URL's server: dropped again at the end (KEEP_TEST_DATABASE=1 keeps it). */
  external?: { baseUrl: string; name: string };
}
const KEY = Symbol.for('campaign-cms.test-services');
const store = globalThis as unknown as { [KEY]?: Services };

function services(): Services {
  if (!store[KEY]) {
    const dir = mkdtempSync(path.join(tmpdir(), 'campaign-test-'));
    chmodSync(dir, 0o755); // as root, PostgreSQL runs as the `postgres` user and must reach its data dir
    store[KEY] = { users: 0, dir };
  }
  return store[KEY];
}

async function database(s: Services): Promise<string> {
  s.database ??= (async () => {
    let url: string;
    if (process.env.DATABASE_URL) {
      const name = `campaign_test_${Date.now()}_${process.pid}`;
      url = (await createDatabase(process.env.DATABASE_URL, name)).url;
      s.external = { baseUrl: process.env.DATABASE_URL, name };
    } else {
      s.embedded = await startEmbeddedPostgres({ dataDir: path.join(s.dir, 'pg'), persistent: false });
      url = s.embedded.url;
    }
    await migrate(url);
    const prisma = createPrisma(url);
    await seedDemo(prisma);
    await prisma.$executeRawUnsafe('CREATE SEQUENCE test_campaign_year START 2100'); // see helpers.uniqueYear
    await prisma.$disconnect();
    return url;
  })();
  return s.database;
}

async function bundle(s: Services): Promise<string> {
  s.bundle ??= (async () => {
    const bundlePath = path.join(s.dir, 'workflow-bundle.js');
    await bundleWorkflows(bundlePath);
    return bundlePath;
  })();
  return s.bundle;
}

/** Starts (or joins) what a tier needs and provides it to the tier's tests. */
export async function startServices(project: TestProject, needs: { devServer?: boolean; testServer?: boolean }): Promise<void> {
  const s = services();
  s.users++;
  // The demo accounts are seeded here, in vitest's own process, which the tests' env does not reach:
  // hashed at the tests' bcrypt cost (vitest.config.ts), their sign-ins are cheap too.
  process.env.BCRYPT_COST ??= project.config.env.BCRYPT_COST;
  try {
    const [db, bundlePath, temporal] = await Promise.all([database(s), bundle(s), needs.devServer ? (s.temporal ??= startDevServerOnFreePort({})) : undefined]);
    project.provide('databaseUrl', db);
    project.provide('workflowBundlePath', bundlePath);
    if (temporal) project.provide('temporalAddress', temporal.address);
    if (needs.testServer) project.provide('testServerPath', testServerLauncher());
  } catch (e) {
    await stopServices();
    throw e;
  }
}

/** Stops everything once the last tier that started it is done. */
export async function stopServices(): Promise<void> {
  const s = store[KEY];
  if (!s || --s.users > 0) return;
  delete store[KEY];
  await (await s.temporal?.catch(() => undefined))?.stop();
  await Promise.all([s.database?.catch(() => undefined), s.bundle?.catch(() => undefined)]); // a failed start may leave one running
  await s.embedded?.stop();
  if (s.external && !process.env.KEEP_TEST_DATABASE) {
    // A run on a server you supply leaves nothing behind (each run used to leave a campaign_test_* database).
    const { baseUrl, name } = s.external;
    await dropDatabase(baseUrl, name).catch((e) => console.warn(`[test] could not drop ${name}: ${(e as Error).message}`));
  }
  rmSync(s.dir, { recursive: true, force: true });
}

/** The launcher scripts/temporal-test-server.sh prints (fetching the server with Maven the first time). */
function testServerLauncher(): string {
  const script = fileURLToPath(new URL('../scripts/temporal-test-server.sh', import.meta.url));
  return execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
    .trim()
    .split('\n')
    .pop()!;
}

// The integration tier's global setup: the database, the bundle and the dev server, and the launcher of the
// time-skipping test server for its API suites whose deadlines the test moves (test/helpers-time.ts).
export const setup = (project: TestProject) => startServices(project, { devServer: true, testServer: true });
export const teardown = stopServices;
