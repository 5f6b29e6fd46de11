import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runner } from 'node-pg-migrate';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Applies prisma/migrations/*.sql (Prisma's own migrate needs a schema-engine binary we cannot download).
 * `advisoryLockMode: 'wait'`: when the API and a worker start together, the second waits for the first
 * instead of failing. With `grantTo`, `databaseUrl` is the owner's and the application role named is
 * then granted data rights on what the migrations made (grantDataRights).
 */
export async function migrate(databaseUrl: string, log: (msg: string) => void = () => {}, opts: { grantTo?: string } = {}): Promise<void> {
  // Nothing pending: done without the runner, whose set-up alters pgmigrations, which only the owner may
  // (an API given the application role only starts once `npm run migrate` has run).
  if (!(await pending(databaseUrl))) {
    if (opts.grantTo) await grantDataRights(databaseUrl, opts.grantTo);
    return;
  }
  await runner({
    databaseUrl,
    dir: MIGRATIONS_DIR,
    direction: 'up',
    migrationsTable: 'pgmigrations',
    advisoryLockMode: 'wait',
    log,
    logger: { info: log, warn: log, error: log, debug: () => {} },
    verbose: false,
  } as Parameters<typeof runner>[0]);
  if (opts.grantTo) await grantDataRights(databaseUrl, opts.grantTo);
}

/** Whether a migration file has not been applied yet (or the database has none at all). */
async function pending(databaseUrl: string): Promise<boolean> {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.replace(/\.sql$/, ''));
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    if (!(await c.query(`SELECT to_regclass('pgmigrations') AS t`)).rows[0].t) return true;
    const done = new Set((await c.query<{ name: string }>('SELECT name FROM pgmigrations')).rows.map((r) => r.name));
    return files.some((f) => !done.has(f));
  } finally {
    await c.end();
  }
}

/**
 * Least privilege for the application (README "Production profile"): the owner, who applies the
 * migrations, grants the application role reading and writing rows and using sequences, on every table
 * now and, through default privileges, on those later migrations create. Not owning them, the
 * application role can neither disable the audit trail's trigger nor alter or drop a table, nor rewrite
 * which migrations ran. Run after every migration: idempotent, and it covers a database migrated before.
 */
export async function grantDataRights(ownerUrl: string, appRole: string): Promise<void> {
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  const role = pg.escapeIdentifier(appRole);
  try {
    await c.query('BEGIN');
    // Several API processes start at once: concurrent GRANTs on one table fail ("tuple concurrently updated").
    await c.query("SELECT pg_advisory_xact_lock(hashtext('campaign.grant_data_rights'))");
    await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await c.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await c.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`);
    await c.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role}`);
    await c.query(`REVOKE INSERT, UPDATE, DELETE ON pgmigrations FROM ${role}`);
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => {});
    throw new Error(`could not grant the application role "${appRole}" its data rights: ${(e as Error).message}`, { cause: e });
  } finally {
    await c.end();
  }
}
