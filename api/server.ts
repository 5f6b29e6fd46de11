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
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Take no new connections and answer the requests already accepted (a task completion waits for its
    // Update): close() returns once the last one is answered, and idle keep-alive connections are closed.
    console.log('[api] stopping: answering the requests in flight');
    // A keep-alive connection whose request is answered after this point would hold close() open.
    setInterval(() => server.closeIdleConnections(), 200).unref();
    server.close(async () => {
      await connection.close();
      await db.$disconnect();
      process.exit(0);
    });
    // Past the grace, what is still open is cut off: exit 1, so a supervisor sees it was not clean. The
    // client sees a dropped connection; a completion it retries then answers 409 if it went through.
    setTimeout(() => {
      console.error(`[api] requests still open after ${cfg.shutdownGraceMs / 1000} s: cut off`);
      process.exit(1);
    }, cfg.shutdownGraceMs).unref();
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
