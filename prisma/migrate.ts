import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Applies prisma/migrations/*.sql (Prisma's own migrate needs a schema-engine binary we cannot download).
 * `advisoryLockMode: 'wait'`: when the API and a worker start together, the second waits for the first
 * instead of failing.
 */
export async function migrate(databaseUrl: string, log: (msg: string) => void = () => {}): Promise<void> {
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
}
