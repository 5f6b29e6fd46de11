// The API process: `node --import tsx api/server.ts` (npm start runs it for you).
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { createPrisma } from '../prisma/db.js';
import { migrate } from '../prisma/migrate.js';
import { configFromEnv, temporalConnectionOptions } from '../runtime/config.js';
import { createApp } from './app.js';

export const UI_DIR = fileURLToPath(new URL('../admin-ui/dist', import.meta.url));

async function main() {
  const cfg = configFromEnv();
  if (!cfg.databaseUrl) throw new Error('DATABASE_URL is required (npm start sets it for the embedded server)');
  await migrate(cfg.databaseUrl);
  const db = createPrisma(cfg.databaseUrl);
  const connection = await Connection.connect(temporalConnectionOptions(cfg));
  const client = new Client({ connection, namespace: cfg.temporalNamespace });
  const app = createApp({ db, client, taskQueue: cfg.taskQueue, uiDir: UI_DIR, temporalUiUrl: cfg.temporalUiUrl, namespace: cfg.temporalNamespace });
  const server = app.listen(cfg.port, cfg.host, () => console.log(`[api] listening on http://${cfg.host}:${cfg.port}`));
  const stop = () => {
    // Finish requests in flight, then close connections.
    server.close(async () => {
      await connection.close();
      await db.$disconnect();
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error('[api] failed to start:', e);
    process.exit(1);
  });
}
