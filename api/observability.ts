// The API's logs, metrics and probes (README "Operating"): a JSON line per request with its request id,
// Prometheus metrics on GET /metrics, and GET /livez and /readyz for a load balancer, all outside /api
// and without a login. /metrics holds counts only, never a name or an id.
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { pinoHttp } from 'pino-http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../prisma/db.js';
import { requestContext, requestIdFrom, type Logger } from '../runtime/logging.js';
import { databaseCheck, metricsAuthorized, METRICS_UNAUTHORIZED, readiness, temporalCheck } from '../runtime/probes.js';

const PROBES = new Set(['/livez', '/readyz', '/metrics']);

/**
 * pino-http: the caller's X-Request-Id (when short and plain) or a new UUID, echoed in the response
 * header and on every line logged for the request (`requestId`). A 5xx is logged at error with the
 * error's stack (errors.ts hands it over as res.err); a 4xx at info with its code; probes at debug.
 */
export function requestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId(req, res) {
      const id = requestIdFrom(req.headers['x-request-id']);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    customLogLevel: (req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : PROBES.has(((req as Request).originalUrl ?? req.url ?? '').split('?')[0]!) ? 'debug' : 'info',
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customSuccessObject: (_req, res, val) => ({ ...val, ...outcome(res as Response) }),
    customErrorObject: (_req, res, _err, val) => ({ ...val, ...outcome(res as Response) }),
  });
}

/** Who asked (the user's id, never the name) and the API's error code, when there was one. */
function outcome(res: Response): Record<string, string> {
  const me = res.locals?.principal as { id?: string } | undefined;
  const code = res.locals?.errorCode as string | undefined;
  return { ...(me?.id ? { userId: me.id } : {}), ...(code ? { error: code } : {}) };
}

/**
 * Runs the rest of the request within its id, which the Temporal client interceptor puts into the
 * starts, Updates and Signals the request makes (runtime/request-id.ts). Mounted after the body parsers:
 * their stream callbacks would leave the AsyncLocalStorage context.
 */
export const requestScope: RequestHandler = (req, _res, next) => requestContext.run({ requestId: String(req.id) }, next);

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The route pattern a request matched (/api/tasks/:id/complete), never its raw path: bounded label values. */
function routeOf(req: Request, status: number): string {
  if (req.route?.path) return `${req.baseUrl}${String(req.route.path)}`;
  if (status === 404 || req.originalUrl.startsWith('/api/')) return 'unmatched';
  return 'static';
}

export interface ApiMetrics {
  registry: Registry;
  middleware: RequestHandler;
}

/** Counts of tasks are read from the database at most this often, however often Prometheus scrapes. */
const TASK_COUNTS_TTL_MS = 5000;

export function apiMetrics(db: PrismaClient, logger: Logger): ApiMetrics {
  // A registry per app, not prom-client's global one: the tests build several apps in one process.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });

  let cached: { at: number; counts: Promise<{ open: number; overdue: number }> } | undefined;
  const taskCounts = () => {
    if (!cached || Date.now() - cached.at > TASK_COUNTS_TTL_MS) {
      // One index scan of the open tasks (task_status_due_idx) for both numbers.
      const counts = db
        .$queryRawUnsafe<{ open: number; overdue: number }[]>(
          `SELECT count(*)::int AS open, (count(*) FILTER (WHERE overdue))::int AS overdue FROM task WHERE status = 'open'`,
        )
        .then((rows) => rows[0]!);
      cached = { at: Date.now(), counts };
      counts.catch(() => (cached = undefined));
    }
    return cached.counts;
  };
  const taskGauge = (name: string, help: string, pick: (c: { open: number; overdue: number }) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        try {
          this.set(pick(await taskCounts()));
        } catch (err) {
          // The scrape still answers (the last value stays); /readyz tells that the database is down.
          logger.debug({ err }, 'task counts for /metrics unavailable');
        }
      },
    });
  taskGauge('campaign_tasks_open', 'Tasks open in every campaign (all jurisdictions)', (c) => c.open);
  taskGauge('campaign_tasks_overdue', 'Open tasks past their due time (all jurisdictions)', (c) => c.overdue);

  const middleware: RequestHandler = (req, res, next) => {
    const end = latency.startTimer();
    res.once('finish', () => {
      const method = METHODS.has(req.method) ? req.method : 'OTHER';
      const route = routeOf(req, res.statusCode);
      requests.inc({ method, route, status: String(res.statusCode) });
      end({ method, route });
    });
    next();
  };
  return { registry, middleware };
}

/** What the API needs to answer: the database and Temporal (/readyz, and /api/health in its own shape). */
export const apiReadiness = (db: PrismaClient, client: Client) => readiness({ database: databaseCheck(db), temporal: temporalCheck(client.connection) });

/** GET /metrics, /livez and /readyz, on the API's own port outside /api, without a login. */
export function operabilityRouter(deps: { db: PrismaClient; client: Client; registry: Registry; metricsToken?: string }): Router {
  const r = Router();
  r.get('/metrics', async (req, res) => {
    if (!metricsAuthorized(req.headers.authorization, deps.metricsToken)) {
      res.status(401).set('WWW-Authenticate', 'Bearer').json(METRICS_UNAUTHORIZED);
      return;
    }
    res.type(deps.registry.contentType).send(await deps.registry.metrics());
  });
  // Liveness: the process answers. Never checks a dependency (a database outage must not get every
  // API process restarted); readiness does.
  r.get('/livez', (_req, res) => {
    res.json({ status: 'ok' });
  });
  r.get('/readyz', async (_req, res) => {
    const r = await apiReadiness(deps.db, deps.client);
    res.status(r.ok ? 200 : 503).json({ status: r.status, ...r.checks, down: r.down });
  });
  return r;
}
