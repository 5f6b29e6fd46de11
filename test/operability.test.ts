// Operating the system (README "Operating"): JSON logs whose request id follows an officer's click from
// the API's line to the activity that writes the projection, Prometheus metrics by route pattern with
// the open and overdue task gauges, and probes that name what is down. The worker's port (metrics from
// the Temporal SDK, its probes) is checked in the process stack of test/fault.test.ts.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultPayloadConverter } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { createApp } from '../api/app.js';
import { createPrisma, type PrismaClient } from '../prisma/db.js';
import { createLogger } from '../runtime/logging.js';
import { createTemporalClient } from '../runtime/request-id.js';
import { SELF_CHECK_AREAS } from '../domain/self-check.js';
import { startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { apiClient, compressedStages } from './api-helpers.js';

type Line = Record<string, any>;
const lines: Line[] = [];
// Every logger of this file writes here: what an operator's log shipper would read from stdout.
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const l of chunk.toString().split('\n')) if (l.trim()) lines.push(JSON.parse(l));
    done();
  },
});
const logger = (service: string) => createLogger({ service, level: 'debug', destination: sink });

const listen = (app: ReturnType<typeof createApp>) =>
  new Promise<{ server: Server; url: string }>((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
const closed = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));
/** A port nothing listens on: a database that is down. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

let h: Harness;
let api: { server: Server; url: string };
let noDb: { server: Server; url: string; db: PrismaClient } | undefined;
const TOKEN = 'scrape-token-for-the-test-0001';

beforeAll(async () => {
  h = await startHarness({ logger: logger('worker') });
  // The API's Temporal client as api/server.ts makes it: its calls carry the request id.
  const client = createTemporalClient(h.env.connection, 'default');
  api = await listen(createApp({ db: h.db, client, taskQueue: h.taskQueue, logger: logger('api') }));
});
afterAll(async () => {
  if (api) await closed(api.server);
  if (noDb) {
    await closed(noDb.server);
    await noDb.db.$disconnect().catch(() => {});
  }
  await h?.stop();
});

const compliant = () => ({ areas: SELF_CHECK_AREAS.map((a) => ({ key: a.key, finding: 'compliant' })) });
let completedTaskId: string;

describe('request ids', () => {
  it('echoes X-Request-Id and carries it from the API’s log line to the activity that records the completion', async () => {
    const call = apiClient(api.url);
    const [coord, officer] = [await call.login('coord.changxing'), await call.login('officer.zhicheng')];
    const year = await uniqueYear(h.db);
    const launched = await call.call('POST', '/campaigns', {
      token: coord,
      body: { programme: 'changxing', year, jurisdictionId: '330522', stages: compressedStages(), reminderLeadHours: 0, operatorIds: ['op-cx-001'] },
    });
    expect(launched.status, JSON.stringify(launched.body)).toBe(201);
    const campaignId = launched.body.id as string;
    const task = await waitFor(() => h.db.task.findFirst({ where: { campaignId, type: 'self_check', status: 'open' } }), 'the self-check task');
    completedTaskId = task.id;

    const requestId = `officer-click-${year}`;
    const res = await fetch(`${api.url}/api/tasks/${encodeURIComponent(task.id)}/complete`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify(compliant()),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe(requestId);

    // The API's line for the request: its id, route, status and who asked.
    const apiLine = await waitFor(
      async () => lines.find((l) => l.service === 'api' && l.requestId === requestId && l.msg === 'request completed'),
      'the API’s log line',
    );
    expect(apiLine).toMatchObject({
      level: 'info',
      req: { method: 'POST', url: `/api/tasks/${encodeURIComponent(task.id)}/complete` },
      res: { statusCode: 200 },
      userId: 'u-officer-zhicheng',
    });
    expect(JSON.stringify(apiLine)).not.toContain(officer); // the bearer token is never logged
    // The worker's line for the activity that wrote the completion into the task table, same id.
    const activityLine = await waitFor(
      async () => lines.find((l) => l.service === 'worker' && l.requestId === requestId && l.activityType === 'recordTaskCompletion'),
      'the activity’s log line',
    );
    expect(activityLine).toMatchObject({ level: 'info', msg: 'activity completed', workflowId: task.workflowId });
    // The self-check review the completion opened was written by that activity, for the same request
    // (workflows/follow-up.ts): no other activity ran for it.
    expect(await h.db.task.count({ where: { caseId: task.caseId, type: 'self_check_review' } })).toBe(1);
    expect(lines.filter((l) => l.service === 'worker' && l.requestId === requestId && l.activityType).map((l) => l.activityType)).toEqual([
      'recordTaskCompletion',
    ]);
    expect((await h.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('done');

    // The id is in the Update's header in the case's history, and that history replays with the
    // interceptors bundled (headers are not part of what replay compares).
    const history = await h.env.client.workflow.getHandle(task.workflowId).fetchHistory();
    const accepted = history.events!.find((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'completeTask');
    const header = accepted?.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.header?.fields?.['x-request-id'];
    expect(header && defaultPayloadConverter.fromPayload(header)).toBe(requestId);
    await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, task.workflowId);
    await h.env.client.workflow.getHandle(`campaign-${campaignId}`).terminate('test done');
  });

  it('makes a new id for a request without one or with an unsafe one', async () => {
    const none = await fetch(`${api.url}/livez`);
    expect(none.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    for (const unsafe of ['x'.repeat(65), 'a b', '<script>', '{"level":"fatal"}']) {
      const r = await fetch(`${api.url}/livez`, { headers: { 'x-request-id': unsafe } });
      expect(r.headers.get('x-request-id')).not.toBe(unsafe);
      expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('logs a 4xx at info with its code', async () => {
    const r = await fetch(`${api.url}/api/tasks`, { headers: { 'x-request-id': 'anonymous-call-1' } });
    expect(r.status).toBe(401);
    const line = await waitFor(async () => lines.find((l) => l.requestId === 'anonymous-call-1' && l.msg === 'request completed'), 'the 401’s log line');
    expect(line).toMatchObject({ level: 'info', error: 'unauthenticated', res: { statusCode: 401 } });
    expect(line.err).toBeUndefined();
  });
});

describe('metrics', () => {
  it('counts requests by route pattern, method and status, times them, and gauges the open and overdue tasks', async () => {
    expect((await fetch(`${api.url}/api/tasks/no-such-task-0815`)).status).toBe(401);
    const r = await fetch(`${api.url}/metrics`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await r.text();
    expect(text).toMatch(/^http_requests_total\{method="POST",route="\/api\/tasks\/:id\/complete",status="200"\} 1$/m);
    expect(text).toMatch(/^http_requests_total\{method="GET",route="\/api\/tasks\/:id",status="401"\} 1$/m);
    expect(text).toMatch(/^http_request_duration_seconds_count\{method="POST",route="\/api\/tasks\/:id\/complete"\} 1$/m);
    // Route patterns, never raw paths: no task id, no operator, no name.
    expect(text).not.toContain(completedTaskId);
    expect(text).not.toContain('no-such-task-0815');
    const open = /^campaign_tasks_open (\d+)$/m.exec(text);
    const overdue = /^campaign_tasks_overdue (\d+)$/m.exec(text);
    expect(open, text.slice(0, 2000)).not.toBeNull();
    expect(overdue).not.toBeNull();
    // The review the completion opened is open on the shared database (other files' tasks too).
    expect(Number(open![1])).toBeGreaterThanOrEqual(1);
    expect(Number(overdue![1])).toBeLessThanOrEqual(Number(open![1]));
  });

  it('asks for the bearer token when METRICS_TOKEN is set', async () => {
    const guarded = await listen(createApp({ db: h.db, client: h.env.client, taskQueue: h.taskQueue, logger: logger('api'), metricsToken: TOKEN }));
    try {
      expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-of-the-same-len' } })).status).toBe(401);
      const ok = await fetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('http_requests_total');
      // The probes stay open: a load balancer sends no token.
      expect((await fetch(`${guarded.url}/livez`)).status).toBe(200);
    } finally {
      await closed(guarded.server);
    }
  });
});

describe('probes', () => {
  it('answers /livez and /readyz without a login while the database and Temporal answer', async () => {
    expect(await (await fetch(`${api.url}/livez`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'ok', temporal: 'ok', down: [] });
    // The health route under /api stays (npm start polls it).
    expect((await fetch(`${api.url}/api/health`)).status).toBe(200);
  });

  it('answers /readyz 503 naming the database when it is unreachable, while /livez and /metrics still answer', async () => {
    const db = createPrisma(`postgresql://campaign:x@127.0.0.1:${await closedPort()}/campaign`, { poolSize: 1 });
    noDb = { ...(await listen(createApp({ db, client: h.env.client, taskQueue: h.taskQueue, logger: logger('api-no-db') }))), db };
    const ready = await fetch(`${noDb.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', database: 'down', temporal: 'ok', down: ['database'] });
    expect((await fetch(`${noDb.url}/livez`)).status).toBe(200);
    const metrics = await fetch(`${noDb.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('http_requests_total{method="GET",route="/readyz",status="503"} 1');

    // A 5xx is logged at error with the error's stack and the request id.
    const r = await fetch(`${noDb.url}/api/tasks`, { headers: { authorization: 'Bearer some-session-token', 'x-request-id': 'db-down-call-1' } });
    expect(r.status).toBe(503);
    const line = await waitFor(async () => lines.find((l) => l.service === 'api-no-db' && l.requestId === 'db-down-call-1' && l.res), 'the 503’s log line');
    expect(line).toMatchObject({ level: 'error', error: 'database_unavailable', res: { statusCode: 503 } });
    // The error itself, not pino-http's stand-in "failed with status code 503".
    expect(line.err.message).toMatch(/Can't reach database server/);
    expect(line.err.stack).toMatch(/\n\s+at /);
    expect(JSON.stringify(line)).not.toContain('some-session-token');
  });
});
