// One real Temporal dev server (in memory, free ports), one real PostgreSQL (embedded in a fresh temp
// dir, or a fresh database on the server given by DATABASE_URL), migrated and seeded, and the workflow
// bundle built once, for the whole test run.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleWorkflowCode } from '@temporalio/worker';
import { createDatabase, dropDatabase } from '../prisma/databases.js';
import { startEmbeddedPostgres, type EmbeddedDb } from '../prisma/embedded.js';
import { migrate } from '../prisma/migrate.js';
import { createPrisma } from '../prisma/db.js';
import { seedDemo } from '../prisma/seed.js';
import { startDevServerOnFreePort, type DevServer } from '../runtime/temporal-server.js';
import { WORKFLOW_INTERCEPTOR_MODULES, WORKFLOWS_PATH } from '../runtime/worker.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
    workflowBundlePath: string;
  }
}

let temporal: DevServer | undefined;
let embedded: EmbeddedDb | undefined;
let dir: string | undefined;
/** The database made on DATABASE_URL's server: dropped again at the end (KEEP_TEST_DATABASE=1 keeps it). */
let external: { baseUrl: string; name: string } | undefined;

async function freshExternalDatabase(baseUrl: string): Promise<string> {
  const name = `campaign_test_${Date.now()}_${process.pid}`;
  const { url } = await createDatabase(baseUrl, name);
  external = { baseUrl, name };
  return url;
}

export async function setup(project: TestProject) {
  dir = mkdtempSync(path.join(tmpdir(), 'campaign-test-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as the `postgres` user and must reach its data dir
  try {
    await start(project, dir);
  } catch (e) {
    await teardown();
    throw e;
  }
}

async function start(project: TestProject, dir: string) {
  const [db, server, bundle] = await Promise.all([
    (async () => {
      if (process.env.DATABASE_URL) return freshExternalDatabase(process.env.DATABASE_URL);
      embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), persistent: false });
      return embedded.url;
    })(),
    startDevServerOnFreePort({}),
    bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES, logger: undefined }),
  ]);
  temporal = server;
  await migrate(db);
  const prisma = createPrisma(db);
  await seedDemo(prisma);
  await prisma.$executeRawUnsafe('CREATE SEQUENCE test_campaign_year START 2100'); // see helpers.uniqueYear
  await prisma.$disconnect();
  const bundlePath = path.join(dir, 'workflow-bundle.js');
  writeFileSync(bundlePath, bundle.code);
  project.provide('databaseUrl', db);
  project.provide('temporalAddress', server.address);
  project.provide('workflowBundlePath', bundlePath);
}

export async function teardown() {
  await temporal?.stop();
  await embedded?.stop();
  if (external && !process.env.KEEP_TEST_DATABASE) {
    // A run on a server you supply leaves nothing behind (each run used to leave a campaign_test_* database).
    await dropDatabase(external.baseUrl, external.name).catch((e) => console.warn(`[test] could not drop ${external!.name}: ${(e as Error).message}`));
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
}
