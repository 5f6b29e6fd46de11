// A database of its own on a server: the tests' and the bench's fresh databases on DATABASE_URL's
// server (or the embedded one), created empty and dropped again (FORCE: connections left open by a
// crashed run must not keep it alive).
import pg from 'pg';

async function onServer<T>(baseUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * Creates database `name` beside the one of `baseUrl` (owned by `owner`, a role there, when given);
 * returns its URL and the server's version.
 */
export async function createDatabase(baseUrl: string, name: string, opts: { owner?: string } = {}): Promise<{ url: string; version: string }> {
  const version = await onServer(baseUrl, async (c) => {
    await c.query(`CREATE DATABASE ${name}${opts.owner ? ` OWNER ${pg.escapeIdentifier(opts.owner)}` : ''}`);
    return (await c.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  });
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), version };
}

export async function dropDatabase(baseUrl: string, name: string): Promise<void> {
  await onServer(baseUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
