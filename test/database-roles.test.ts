// Separate database roles (README "Production profile"): the owner applies the migrations
// (DATABASE_MIGRATION_URL) and grants the application role (DATABASE_URL) data rights only, so the
// application works as usual but cannot switch the audit trail's trigger off or drop a table. On the
// test's PostgreSQL server: embedded in the first pass, Debian's (or $DATABASE_URL's) in the second.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createDatabase, dropDatabase } from '../prisma/databases.js';
import { createPrisma } from '../prisma/db.js';
import { migrate } from '../prisma/migrate.js';
import { seedDemo } from '../prisma/seed.js';

const shared = inject('databaseUrl');
const suffix = `${Date.now()}_${process.pid}`;
const owner = { name: `campaign_owner_${suffix}`, password: randomBytes(12).toString('hex') };
const app = { name: `campaign_app_${suffix}`, password: randomBytes(12).toString('hex') };
const dbName = `roles_${suffix}`;
let ownerUrl = '';
let appUrl = '';

async function as<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The error a statement fails with, or '' when it succeeds. */
const failure = (c: pg.Client, sql: string) =>
  c.query(sql).then(
    () => '',
    (e: Error) => e.message,
  );

function signedInAs(url: string, role: { name: string; password: string }): string {
  const u = new URL(url);
  u.username = role.name;
  u.password = role.password;
  return u.toString();
}

beforeAll(async () => {
  await as(shared, async (c) => {
    for (const r of [owner, app]) await c.query(`CREATE ROLE ${r.name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${r.password}'`);
    // On a server of your own whose test role is not a superuser (CREATEDB and CREATEROLE, README
    // "Production profile"), giving a database to the owner takes membership of that role.
    if (!(await c.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user')).rows[0]!.rolsuper)
      await c.query(`GRANT ${owner.name} TO current_user`);
  });
  const { url } = await createDatabase(shared, dbName, { owner: owner.name });
  ownerUrl = signedInAs(url, owner);
  appUrl = signedInAs(url, app);
  // What the API and npm start do with DATABASE_MIGRATION_URL and DATABASE_URL (runtime/config.ts).
  await migrate(ownerUrl, () => {}, { grantTo: app.name });
});

afterAll(async () => {
  await dropDatabase(shared, dbName);
  await as(shared, async (c) => {
    for (const r of [owner, app]) await c.query(`DROP ROLE IF EXISTS ${r.name}`);
  });
});

describe('an application role apart from the owner', () => {
  it('works as usual: the demo seed and a session written by the application’s own code', async () => {
    const db = createPrisma(appUrl, { poolSize: 1 });
    try {
      expect((await seedDemo(db)).created).toBe(true);
      await db.session.create({ data: { tokenHash: `t-${suffix}`, userId: 'u-admin-changxing', expiresAt: new Date(Date.now() + 60_000) } });
      await db.session.deleteMany({ where: { tokenHash: `t-${suffix}` } });
      expect(await db.user.count()).toBe(80);
    } finally {
      await db.$disconnect();
    }
  });

  it('appends to the audit trail but cannot rewrite it, switch its trigger off, nor drop a table', async () => {
    await as(appUrl, async (c) => {
      await c.query(
        `INSERT INTO audit_event (key, at, actor_role, action, entity_type, entity_id) VALUES ('roles-test-${suffix}', now(), 'system', 'test.appended', 'test', '1')`,
      );
      expect(await failure(c, `UPDATE audit_event SET reason = 'rewritten' WHERE key = 'roles-test-${suffix}'`)).toMatch(/append-only/);
      expect(await failure(c, `DELETE FROM audit_event WHERE key = 'roles-test-${suffix}'`)).toMatch(/append-only/);
      expect(await failure(c, 'ALTER TABLE audit_event DISABLE TRIGGER ALL')).toMatch(/must be owner/);
      expect(await failure(c, 'ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete')).toMatch(/must be owner/);
      expect(await failure(c, 'DROP TABLE audit_event')).toMatch(/must be owner/);
      expect(await failure(c, 'DROP TABLE operator CASCADE')).toMatch(/must be owner/);
      expect(await failure(c, 'TRUNCATE audit_event')).toMatch(/permission denied/);
      // Which migrations ran is the owner's record: the application reads it only.
      expect(await failure(c, 'DELETE FROM pgmigrations')).toMatch(/permission denied/);
      expect((await c.query<{ n: string }>("SELECT count(*) AS n FROM audit_event WHERE action = 'test.appended'")).rows[0]!.n).toBe('1');
    });
  });

  it('is granted what a later migration creates (default privileges), and a re-run changes nothing', async () => {
    await as(ownerUrl, (c) => c.query('CREATE TABLE later_migration (id bigserial PRIMARY KEY, note text)'));
    await as(appUrl, async (c) => {
      await c.query("INSERT INTO later_migration (note) VALUES ('written by the application')");
      expect(await failure(c, 'DROP TABLE later_migration')).toMatch(/must be owner/);
    });
    await migrate(ownerUrl, () => {}, { grantTo: app.name });
    await as(appUrl, async (c) => expect(await failure(c, 'DELETE FROM pgmigrations')).toMatch(/permission denied/));
    // An API process given only DATABASE_URL (`npm run migrate` ran as the owner) starts: nothing is pending.
    await migrate(appUrl);
  });
});
