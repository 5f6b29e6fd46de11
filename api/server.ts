// The API process: `node --import tsx api/server.ts` (npm start runs it for you).
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import { createPrisma } from '../prisma/db.js';
import { migrate } from '../prisma/migrate.js';
import { configFromEnv, temporalConnectionOptions } from '../runtime/config.js';
import { createLogger } from '../runtime/logging.js';
import { createTemporalClient } from '../runtime/request-id.js';
import { createApp } from './app.js';
import { startRedelivery } from './task-completion.js';

export const UI_DIR = fileURLToPath(new URL('../admin-ui/dist', import.meta.url));

async function main() {
  const cfg = configFromEnv();
  const logger = createLogger({ service: 'api', level: cfg.logLevel });
  if (!cfg.databaseUrl) throw new Error('DATABASE_URL is required (npm start sets it for the embedded server)');
  // As the owner when DATABASE_MIGRATION_URL is set, then granting DATABASE_URL's role its data rights.
  await migrate(cfg.databaseMigrationUrl ?? cfg.databaseUrl, undefined, { grantTo: cfg.databaseAppRole });
  const db = createPrisma(cfg.databaseUrl);
  const connection = await Connection.connect(temporalConnectionOptions(cfg));
  // Its workflow starts, Updates and Signals carry the request id (README "Operating").
  const client = createTemporalClient(connection, cfg.temporalNamespace);
  const app = createApp({
    db,
    client,
    taskQueue: cfg.taskQueue,
    uiDir: UI_DIR,
    temporalUiUrl: cfg.temporalUiUrl,
    namespace: cfg.temporalNamespace,
    logger,
    metricsToken: cfg.metricsToken,
  });
  const server = app.listen(cfg.port, cfg.host, () => logger.info({ url: `http://${cfg.host}:${cfg.port}` }, 'listening'));
  // Decisions recorded but not yet taken by their workflow (this or another API process died, or Temporal
  // was unavailable) are sent again: README "Completing a task".
  const stopRedelivery = startRedelivery({ db, client, taskQueue: cfg.taskQueue }, (err) =>
    logger.warn({ err }, 'redelivering task submissions failed; trying again'),
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    stopRedelivery();
    // Take no new connections and answer the requests already accepted (a task completion waits for its
    // Update): close() returns once the last one is answered, and idle keep-alive connections are closed.
    logger.info('stopping: answering the requests in flight');
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
      logger.error({ graceSeconds: cfg.shutdownGraceMs / 1000 }, 'requests still open after the shutdown grace: cut off');
      process.exit(1);
    }, cfg.shutdownGraceMs).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    createLogger({ service: 'api' }).fatal({ err: e }, 'failed to start');
    process.exit(1);
  });
}
