// `npm run migrate`: applies the SQL migrations as the database's owner (DATABASE_MIGRATION_URL, else
// DATABASE_URL) and grants DATABASE_URL's application role its data rights (prisma/migrate.ts). Run it as
// a deployment step, so the API processes hold the application role's credentials only (README
// "Production profile": two roles).
import { migrate } from '../prisma/migrate.js';
import { ConfigError, configFromEnv } from '../runtime/config.js';

try {
  const cfg = configFromEnv();
  if (!cfg.databaseUrl) throw new ConfigError('DATABASE_URL is required (the application role’s URL; DATABASE_MIGRATION_URL the owner’s)');
  await migrate(cfg.databaseMigrationUrl ?? cfg.databaseUrl, (m) => console.log(`[migrate] ${m}`), { grantTo: cfg.databaseAppRole });
  console.log(`[migrate] up to date${cfg.databaseAppRole ? `; ${cfg.databaseAppRole} granted data rights` : ''}`);
} catch (e) {
  console.error(`[migrate] ${e instanceof ConfigError ? e.message : (e as Error).stack}`);
  process.exit(e instanceof ConfigError ? 2 : 1);
}
