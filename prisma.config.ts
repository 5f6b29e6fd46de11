import { defineConfig } from 'prisma/config';

// `prisma generate` never runs the schema engine, but Prisma insists the binary exists and would
// otherwise try to download it (no internet on our machines). Any existing file satisfies the check.
// Migrations are NOT run by Prisma: see prisma/migrate.ts (node-pg-migrate over prisma/migrations/*.sql).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

export default defineConfig({
  schema: 'prisma/schema.prisma',
});
