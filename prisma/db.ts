import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.js';

export type { PrismaClient } from './generated/client.js';

/** One Prisma client over a pg pool. Pool size and statement timeout come from the environment. */
export function createPrisma(databaseUrl: string, opts: { poolSize?: number; statementTimeoutMs?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: opts.poolSize ?? Number(process.env.DATABASE_POOL_SIZE ?? 10),
    statement_timeout: opts.statementTimeoutMs ?? Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? 15000),
  });
  return new PrismaClient({ adapter });
}
