import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import helmet from 'helmet';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../prisma/db.js';
import { authenticate, authRouter } from './auth.js';
import { bodyParsers } from './body-limits.js';
import { errorHandler, notFound } from './errors.js';
import { apiMetrics, apiReadiness, operabilityRouter, requestLogging, requestScope } from './observability.js';
import { createLogger, type Logger } from '../runtime/logging.js';
import { openApiDocument } from './openapi.js';
import { wholeNumber } from '../runtime/config.js';
import { route } from './routes.js';
import { campaignsRouter } from './resources/campaigns.js';
import { recordsRouter } from './resources/records.js';
import { importTemplatesRouter } from './resources/import-templates.js';
import { referenceRouter } from './resources/reference.js';
import { programmesRouter } from './resources/programmes.js';
import { tasksRouter } from './resources/tasks.js';
import { correctionsRouter } from './corrections.js';
import { csvText, enrolmentRouter } from './resources/enrolment.js';
import { awardRouter } from './resources/award.js';
import { evaluationGroupsRouter } from './resources/evaluation-groups.js';
import { inspectionDrawRouter } from './resources/inspection-draw.js';
import { creditListsRouter } from './resources/credit-lists.js';
import { summaryRouter } from './resources/summary.js';
import { registerRouter } from './resources/register.js';
import { applicationsRouter } from './resources/applications.js';
import { dashboardRouter } from './resources/dashboard.js';
import { notificationsRouter } from './resources/notifications.js';
import { searchRouter } from './resources/search.js';
import { registersRouter } from './resources/registers.js';
import { attachmentsRouter } from './resources/attachments.js';
import { commentsRouter } from './comments.js';
import { taskFilesRouter } from './task-files.js';
import { webhooksRouter } from './resources/webhooks.js';
import { usersRouter } from './resources/users.js';
import { jurisdictionsRouter } from './resources/jurisdictions.js';
import { publicObjectionGate, publicRouter } from './public/index.js';
import { portalAccountsRouter } from './portal/accounts.js';
import { portalCasesRouter } from './portal/cases.js';
import { portalChangxingRouter, rectificationProofRouter } from './portal/changxing.js';
import { portalRegisterRouter } from './portal/register.js';
import { portalNotificationsRouter } from './portal/notifications.js';
import { portalApplicationsRouter } from './portal/applications.js';

export interface AppDeps {
  db: PrismaClient;
  client: Client;
  taskQueue: string;
  /** The built console (admin-ui/dist), served from the same port as the API. */
  uiDir?: string;
  /** The Temporal Web UI, for links from a case to its workflow; and the namespace. */
  temporalUiUrl?: string;
  namespace?: string;
  /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY): req.ip is then the client's address. */
  trustProxy?: number;
  /** Where the request lines go (README "Operating"); by default only errors, to stdout. */
  logger?: Logger;
  /** A bearer token GET /metrics then requires (METRICS_TOKEN). */
  metricsToken?: string;
  /** The task list counts its total up to this many rows (api/list.ts LIST_TOTAL_CAP; tests lower it). */
  listTotalCap?: number;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? wholeNumber(process.env, 'TRUST_PROXY', 0));
  // Audit ids are bigint; JSON has no bigint.
  app.set('json replacer', (_k: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  // A JSON line per request with its request id, and metrics by route pattern (observability.ts).
  const logger = deps.logger ?? createLogger({ service: 'api', level: 'error' });
  const metrics = apiMetrics(deps.db, logger);
  app.use(requestLogging(logger));
  app.use(metrics.middleware);
  // Security headers (helmet). The console's only inline code is emotion's <style> tags; it is served
  // over plain http on the bureau's intranet too, so requests are not forced up to https.
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          // A PDF on a task or case is shown in the page from a blob: URL the console made of it (common/FilesPanel.tsx).
          frameSrc: ["'self'", 'blob:'],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  // GET /metrics, /livez, /readyz: outside /api and without a login, for Prometheus and a load balancer.
  app.use(operabilityRouter({ db: deps.db, client: deps.client, registry: metrics.registry, metricsToken: deps.metricsToken }));

  const api = Router();
  // Who is calling first (the bearer header only), then the body, within that caller's limits (body-limits.ts).
  api.use(authenticate(deps.db));
  // Objections from the public page: counted per client address before their body is read (api/public).
  api.use(publicObjectionGate(deps.db));
  api.use(bodyParsers(csvText));
  // The Temporal calls a request makes carry its id from here on (after the body parsers, see requestScope).
  api.use(requestScope);

  // The same checks as /readyz (runtime/probes.ts, each under its deadline), in this route's older shape.
  route(api, { method: 'get', path: '/health', summary: 'Temporal and database status', tag: 'system', roles: 'public' }, async (_req, res) => {
    const r = await apiReadiness(deps.db, deps.client);
    res.status(r.ok ? 200 : 503);
    return { status: r.ok ? 'ok' : 'degraded', ...r.checks };
  });
  route(api, { method: 'get', path: '/openapi.json', summary: 'This API, described in OpenAPI 3.1', tag: 'system', roles: 'public' }, () => openApiDocument());

  api.use(authRouter(deps.db));
  api.use(campaignsRouter(deps.db, deps.client, deps.taskQueue));
  api.use(tasksRouter(deps.db, deps.client, deps.taskQueue, deps.listTotalCap));
  // Corrections of completed decisions (README "Corrections").
  api.use(correctionsRouter(deps.db, deps.client));
  api.use(enrolmentRouter(deps.db, deps.client));
  api.use(awardRouter(deps.db, deps.client));
  // Evaluation groups and a third party's imported scores (README "Evaluation groups").
  api.use(evaluationGroupsRouter(deps.db, deps.client, deps.taskQueue));
  // 双随机 inspections (README "Random inspections").
  api.use(inspectionDrawRouter(deps.db, deps.client, deps.taskQueue));
  // Credit lists that act (README "Credit lists").
  api.use(creditListsRouter(deps.db, deps.client, deps.taskQueue));
  api.use(summaryRouter(deps.db));
  api.use(applicationsRouter(deps.db, deps.client));
  api.use(recordsRouter(deps.db, deps.client, { temporalUiUrl: deps.temporalUiUrl, namespace: deps.namespace ?? 'default' }));
  api.use(notificationsRouter(deps.db));
  api.use(dashboardRouter(deps.db));
  api.use(searchRouter(deps.db));
  api.use(webhooksRouter(deps.db));
  api.use(registerRouter(deps.db));
  api.use(referenceRouter(deps.db));
  api.use(importTemplatesRouter());
  api.use(jurisdictionsRouter(deps.db));
  api.use(usersRouter(deps.db));
  api.use(programmesRouter(deps.db));
  api.use(registersRouter(deps.db, deps.client));
  api.use(attachmentsRouter(deps.db));
  // Comments and files on every task and case (README "Comments and files").
  api.use(commentsRouter(deps.db));
  api.use(taskFilesRouter(deps.db));
  // The operators' portal (README "The operators' portal"): invitations, activation, its own cases and tasks.
  api.use(portalAccountsRouter(deps.db));
  api.use(portalCasesRouter(deps.db, deps.client, deps.taskQueue));
  api.use(portalChangxingRouter(deps.db));
  api.use(rectificationProofRouter(deps.db));
  api.use(portalRegisterRouter(deps.db, deps.client));
  api.use(portalNotificationsRouter(deps.db));
  api.use(portalApplicationsRouter(deps.db, deps.client, deps.taskQueue));
  // Public pages (README "Public pages and objections (公示与异议)"): published lists and objections, no sign-in.
  api.use(publicRouter(deps.db, deps.client));
  api.use((req) => {
    throw notFound('接口 route', `${req.method} ${req.path}`);
  });
  api.use(errorHandler);
  app.use('/api', api);

  if (deps.uiDir && existsSync(path.join(deps.uiDir, 'index.html'))) {
    app.use(express.static(deps.uiDir, { index: false, maxAge: '1h' }));
    // Client-side routes of the console (Express 5 wildcard syntax).
    app.get('/{*splat}', (_req, res) => res.sendFile(path.join(deps.uiDir!, 'index.html')));
  }
  return app;
}
