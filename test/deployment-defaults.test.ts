// Safe defaults for a deployment (README "Production profile"): `npm start` (runtime/start.ts, run as
// its own process) on an empty DATABASE_URL database seeds no demo accounts, which share one printed
// password, and says how to create the first admin; `npm run create-admin` (scripts/create-admin.ts)
// creates it with a one-time password that signs in; `npm start -- --demo` still seeds the demo. The
// console build is not needed: start.ts and the API run without admin-ui/dist.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createDatabase, dropDatabase } from '../prisma/databases.js';
import { freePort } from '../prisma/embedded.js';
import { startDevServerOnFreePort, type DevServer } from '../runtime/temporal-server.js';
import { startOptions } from '../runtime/start-options.js';
import { createAdmin, Refusal, requestProblem } from '../scripts/create-admin.js';
import { createPrisma } from '../prisma/db.js';
import { Client, Connection } from '@temporalio/client';
import { housekeepingScheduleId } from '../runtime/housekeeping.js';
import { waitFor } from './helpers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const shared = inject('databaseUrl');
const suffix = `${Date.now()}_${process.pid}`;

/** The environment of a machine that was given DATABASE_URL and nothing about the demo. */
function deploymentEnv(databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '3', ...extra };
  delete env.DEMO_PASSWORD;
  delete env.BCRYPT_COST; // the production cost (vitest.config.ts lowers it for the rest of the suite)
  delete env.DATABASE_MIGRATION_URL;
  return env;
}

interface System {
  url: string;
  out: () => string;
  child: ChildProcess;
  /** The processes it started that still run (spawnStart). */
  marked: () => string[];
  stop(): Promise<Exit>;
  /** After a failed test: stop it, or kill it with the worker and API it started (its process group). */
  cleanUp(): Promise<void>;
}

type Exit = { code: number | null; signal: NodeJS.Signals | null };

/**
 * runtime/start.ts as its own process with `env` and a mark of its own in it, which every process it
 * starts inherits (PostgreSQL, Temporal, the worker, the API): `marked()` lists those still running.
 */
function spawnStart(env: NodeJS.ProcessEnv, args: string[] = []) {
  const mark = `campaign-start-test-${randomUUID()}`;
  // A process group of its own, with the worker and the API it starts: cleanUp kills them all.
  const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/start.ts', ...args], {
    cwd: ROOT,
    env: { ...env, START_TEST_MARK: mark },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let text = '';
  child.stdout!.on('data', (b: Buffer) => void (text += b.toString()));
  child.stderr!.on('data', (b: Buffer) => void (text += b.toString()));
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const marked = () =>
    readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/environ`, 'latin1').includes(mark);
        } catch {
          return false; // gone meanwhile, or not ours to read
        }
      })
      .map((pid) => `${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'latin1').replaceAll('\0', ' ').trim()}`);
  return { child, out: () => text, exited, marked };
}

/** `npm start [args]` against `databaseUrl` and the Temporal at `temporalAddress`, up once its banner is printed. */
async function startSystem(databaseUrl: string, temporalAddress: string, args: string[] = []): Promise<System> {
  const port = await freePort();
  const taskQueue = `test-start-${randomUUID()}`;
  const env = deploymentEnv(databaseUrl, {
    TEMPORAL_ADDRESS: temporalAddress,
    PORT: String(port),
    TEMPORAL_TASK_QUEUE: taskQueue,
    METRICS_PORT: '0', // any free port: another run or an `npm start` may hold the default
    WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath'),
  });
  const { child, out, exited, marked } = spawnStart(env, args);
  const url = `http://127.0.0.1:${port}`;
  // The worker it started created its housekeeping schedule on the shared Temporal: remove it again.
  const dropSchedule = async () => {
    const connection = await Connection.connect({ address: temporalAddress });
    await new Client({ connection }).schedule
      .getHandle(housekeepingScheduleId(taskQueue))
      .delete()
      .catch(() => {});
    await connection.close();
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const how = await exited;
    await dropSchedule();
    return how;
  };
  const cleanUp = async () => {
    await Promise.race([stop(), new Promise((r) => setTimeout(r, 30_000).unref())]);
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* all gone */
    }
  };
  const running = () => {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`npm start exited (${child.exitCode ?? child.signalCode}):\n${out()}`);
  };
  try {
    await waitFor(
      async () => (
        running(),
        await fetch(`${url}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      ),
      `the API of npm start ${args.join(' ')}`,
      120_000,
    );
    // The banner comes last: printed, start.ts takes SIGTERM and stops what it started.
    await waitFor(async () => (running(), out().includes('Ctrl-C stops everything')), 'the banner', 120_000);
  } catch (e) {
    await cleanUp();
    throw e;
  }
  return { url, out, child, marked, stop, cleanUp };
}

const login = (url: string, username: string, password: string) =>
  fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) }).then(
    async (r) => ({ status: r.status, body: (await r.json()) as Record<string, any> }),
  );

/** `npm run create-admin -- args` against `databaseUrl`: its exit code and output. */
function createAdminCli(databaseUrl: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/create-admin.ts', ...args], { cwd: ROOT, env: deploymentEnv(databaseUrl) }, (e, stdout, stderr) =>
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : -1) : 0, stdout, stderr }),
    );
  });
}

async function count(url: string, sql: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query<{ n: string }>(sql)).rows[0]!.n);
  } finally {
    await c.end();
  }
}

describe('npm start’s options and create-admin’s checks', () => {
  it('seeds the demo on the embedded database, and on DATABASE_URL only with --demo', () => {
    expect(startOptions([], undefined)).toEqual({ demo: true });
    expect(startOptions([], 'postgresql://app:x@pg/campaign')).toEqual({ demo: false });
    expect(startOptions(['--demo'], 'postgresql://app:x@pg/campaign')).toEqual({ demo: true });
    expect(() => startOptions(['--demos'], 'postgresql://app:x@pg/campaign')).toThrow(/--demos/);
  });

  it('create-admin refuses before any database a bad username, a code not of its level, a half-given jurisdiction', () => {
    const ok = { username: 'admin.huzhou', jurisdictionId: '330500', jurisdictionName: '湖州市', level: 'city' } as const;
    expect(requestProblem(ok)).toBeUndefined();
    expect(requestProblem({ username: 'admin.huzhou', jurisdictionId: '330522' })).toBeUndefined(); // an existing one: checked in the database
    expect(requestProblem({ ...ok, username: 'Admin Huzhou' })?.messageEn).toMatch(/username/);
    expect(requestProblem({ ...ok, jurisdictionId: '330522' })?.messageEn).toMatch(/"330522" cannot be a city's code/);
    expect(requestProblem({ ...ok, level: 'province' })?.messageEn).toMatch(/"330500" cannot be a province's code/);
    expect(requestProblem({ ...ok, jurisdictionId: '33050' })).toBeInstanceOf(Refusal);
    expect(requestProblem({ ...ok, level: 'station' as 'city', jurisdictionId: '330522001' })?.messageEn).toMatch(/level "station"/);
    expect(requestProblem({ username: 'admin.huzhou', jurisdictionId: '330500', level: 'city' })?.messageEn).toMatch(/both --jurisdiction-name and --level/);
  });
});

describe('npm start on an empty external database, then create-admin', () => {
  const name = `deploy_${suffix}`;
  let dbUrl = '';
  let system: System | undefined;
  beforeAll(async () => {
    dbUrl = (await createDatabase(shared, name)).url;
    system = await startSystem(dbUrl, inject('temporalAddress'));
  }, 180_000);
  afterAll(async () => {
    await system?.cleanUp();
    await dropDatabase(shared, name);
  });

  it('seeds no demo accounts and launches no demo; the banner lists no demo logins but how to create an admin', async () => {
    const s = system!;
    expect((await login(s.url, 'admin.changxing', 'demo1234')).status).toBe(401);
    expect(await count(dbUrl, 'SELECT count(*) AS n FROM app_user')).toBe(0);
    expect(await count(dbUrl, 'SELECT count(*) AS n FROM jurisdiction')).toBe(0);
    expect(await count(dbUrl, 'SELECT count(*) AS n FROM campaign')).toBe(0);
    expect(s.out()).not.toMatch(/demo1234|Demo logins|演示账号/);
    expect(s.out()).toContain('npm run create-admin -- --username');
  });

  it('create-admin makes the first admin and its root jurisdiction; the one-time password signs in', async () => {
    const r = await createAdminCli(dbUrl, [
      '--username',
      'admin.huzhou',
      '--jurisdiction',
      '330500',
      '--jurisdiction-name',
      '湖州市',
      '--level',
      'city',
      '--display-name',
      '湖州市局管理员',
    ]);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    const password = /One-time password: (\S+)/.exec(r.stdout)?.[1];
    expect(password).toMatch(/^[A-HJ-NP-Za-hjkmnp-z2-9]{20}$/); // no 0/O/o, 1/l/I/i
    expect(r.stdout.split(password!).length - 1).toBe(1); // printed once

    const signedIn = await login(system!.url, 'admin.huzhou', password!);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ role: 'admin', jurisdictionId: '330500', displayName: '湖州市局管理员' });
    // A temporary password: to be changed before anything else (README "Accounts and administration").
    expect(signedIn.body.mustChangePassword).toBe(true);

    const db = createPrisma(dbUrl, { poolSize: 1 });
    try {
      expect(await db.jurisdiction.findUnique({ where: { id: '330500' } })).toEqual({
        id: '330500',
        name: '湖州市',
        level: 'city',
        parentId: null,
        path: '/330500/',
      });
      const user = await db.user.findUniqueOrThrow({ where: { username: 'admin.huzhou' } });
      expect(user).toMatchObject({ role: 'admin', mustChangePassword: true });
      expect(user.passwordHash).toMatch(/^\$2[aby]\$10\$/);
      const audit = await db.auditEvent.findMany({ orderBy: { id: 'asc' } });
      expect(audit.map((a) => [a.action, a.entityId, a.actorId, a.actorRole, a.reason])).toEqual([
        ['jurisdiction.created', '330500', null, 'system', 'create-admin'],
        ['user.created', user.id, null, 'system', 'create-admin'],
      ]);
      expect(JSON.stringify(audit.map((a) => [a.data, a.reason]))).not.toContain(password);
    } finally {
      await db.$disconnect();
    }
  });

  it('create-admin refuses, exit 2 and nothing written: an existing username, an unknown jurisdiction, a bad code for its level', async () => {
    const [taken, unknown, badCode] = await Promise.all([
      createAdminCli(dbUrl, ['--username', 'admin.huzhou', '--jurisdiction', '330500']),
      createAdminCli(dbUrl, ['--username', 'admin.changxing', '--jurisdiction', '330522']),
      createAdminCli(dbUrl, ['--username', 'admin.changxing', '--jurisdiction', '330522', '--jurisdiction-name', '长兴县', '--level', 'city']),
    ]);
    expect([taken.code, unknown.code, badCode.code]).toEqual([2, 2, 2]);
    expect(taken.stderr).toMatch(/username "admin.huzhou" exists already/);
    expect(unknown.stderr).toMatch(/no jurisdiction 330522; to create it as a root jurisdiction add --jurisdiction-name and --level/);
    expect(badCode.stderr).toMatch(/"330522" cannot be a city's code/);
    for (const r of [taken, unknown, badCode]) expect(r.stdout).not.toMatch(/One-time password/);
    expect(await count(dbUrl, 'SELECT count(*) AS n FROM app_user')).toBe(1);
    expect(await count(dbUrl, 'SELECT count(*) AS n FROM jurisdiction')).toBe(1);
    // A root jurisdiction that exists already is used, not created again.
    const db = createPrisma(dbUrl, { poolSize: 1 });
    try {
      await expect(createAdmin(db, { username: 'admin2.huzhou', jurisdictionId: '330500', jurisdictionName: '湖州市', level: 'city' })).rejects.toThrow(
        Refusal,
      );
    } finally {
      await db.$disconnect();
    }
  });

  it('stops on SIGTERM, with everything it started', async () => {
    expect(await system!.stop()).toEqual({ code: 0, signal: null });
    expect(system!.marked()).toEqual([]);
  }, 60_000);
});

describe('npm start -- --demo on an external database', () => {
  const name = `deploy_demo_${suffix}`;
  let dbUrl = '';
  // The demo's campaigns carry this year's workflow ids (test/demo.test.ts launches them too): a dev
  // server of its own keeps them apart, and goes with them.
  let temporal: DevServer | undefined;
  let system: System | undefined;
  beforeAll(async () => {
    dbUrl = (await createDatabase(shared, name)).url;
    temporal = await startDevServerOnFreePort({});
  }, 60_000);
  afterAll(async () => {
    await system?.cleanUp();
    await temporal?.stop();
    await dropDatabase(shared, name);
  });

  it('seeds the demo accounts, launches the demo campaigns and lists the demo logins', async () => {
    system = await startSystem(dbUrl, temporal!.address, ['--demo']);
    expect((await login(system.url, 'admin.changxing', 'demo1234')).status).toBe(200);
    expect(await count(dbUrl, 'SELECT count(*) AS n FROM app_user')).toBe(80);
    expect(system.out()).toMatch(/launched demo campaign changxing-330522-\d{4}/);
    expect(system.out()).toMatch(/Demo logins \(password "demo1234"\)/);
    expect(system.out()).not.toContain('npm run create-admin');
    expect(await system.stop()).toEqual({ code: 0, signal: null });
  }, 240_000);
});

// systemd and Docker signal the main process alone, not its group as a terminal's Ctrl-C does. A signal
// that came while PostgreSQL or Temporal was still starting used to kill start.ts outright and leave
// them running without a parent.
describe('npm start on embedded defaults, signalled alone while it starts', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'campaign-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    ['PostgreSQL', 'starting embedded PostgreSQL'],
    ['Temporal', 'starting Temporal dev server'],
  ])(
    'stops what it started when SIGINT comes while %s is starting',
    async (_what, line) => {
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
      for (const name of ['DATABASE_URL', 'DATABASE_MIGRATION_URL', 'TEMPORAL_ADDRESS']) delete env[name];
      const [port, pgPort, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
      Object.assign(env, { PORT: String(port), PGPORT: String(pgPort), TEMPORAL_PORT: String(temporalPort), TEMPORAL_UI_PORT: String(uiPort) });
      const start = spawnStart(env);
      try {
        await waitFor(async () => start.out().includes(line) || start.child.exitCode !== null, line);
        start.child.kill('SIGINT');
        expect(await start.exited, start.out()).toEqual({ code: 0, signal: null });
        expect(start.out()).toContain('[start] stopping…');
        expect(start.marked()).toEqual([]);
      } finally {
        try {
          process.kill(-start.child.pid!, 'SIGKILL');
        } catch {
          /* all gone */
        }
      }
    },
    90_000,
  );
});
