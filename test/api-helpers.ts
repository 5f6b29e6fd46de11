import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp, type AppDeps } from '../api/app.js';
import { uniqueYear, waitFor, type Harness } from './helpers.js';
import { calendarOpenAt, compressedCalendar } from './helpers-campaign.js';
import type { Task } from '../prisma/generated/client.js';

export const TEST_TEMPORAL_UI = 'http://127.0.0.1:8233';

export interface Api {
  url: string;
  server: Server;
  login(username: string, password?: string): Promise<string>;
  call(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; rawBody?: string; contentType?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

/** The real Express app on an ephemeral port, talking to the harness's Temporal and database. */
export async function startApi(h: Harness, uiDir?: string, extra: Pick<AppDeps, 'listTotalCap'> = {}): Promise<Api> {
  // The dev server of the tests runs no Web UI; the link is checked for its shape.
  const app = createApp({ db: h.db, client: h.env.client, taskQueue: h.taskQueue, uiDir, temporalUiUrl: TEST_TEMPORAL_UI, namespace: 'default', ...extra });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    server,
    ...apiClient(url),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Requests as the console makes them, to the API at `url`: this file's in-process app or an API process. */
export function apiClient(url: string): Pick<Api, 'call' | 'login'> {
  const call: Api['call'] = async (method, path, opts = {}) => {
    const res = await fetch(`${url}/api${path}`, {
      method,
      headers: {
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.body !== undefined || opts.rawBody ? { 'content-type': opts.contentType ?? 'application/json' } : {}),
        ...opts.headers,
      },
      body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body, headers: res.headers };
  };
  return {
    call,
    async login(username, password = 'demo1234') {
      const r = await call('POST', '/auth/login', { body: { username, password } });
      if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.token as string;
    },
  };
}

/** Stage dates for a campaign whose self-check stage opens in about a second and is due `selfCheckMs` later. */
export const compressedStages = (selfCheckMs = 60_000) => compressedCalendar({ startInMs: 200, stageMs: [800, selfCheckMs, 1000, 1000, 1000], gapMs: 100 });

/** A 长兴 campaign launched by its coordinator through the API over `operatorIds`, open at 集中治理 for ten minutes. */
export async function launchAtInspections(h: Harness, api: Api, operatorIds: string[]): Promise<string> {
  const launched = await api.call('POST', '/campaigns', {
    token: await api.login('coord.changxing'),
    body: {
      programme: 'changxing',
      year: await uniqueYear(h.db),
      jurisdictionId: '330522',
      stages: calendarOpenAt('rectification', 600_000),
      reminderLeadHours: 0,
      operatorIds,
    },
  });
  if (launched.status !== 201) throw new Error(`launch: ${launched.status} ${JSON.stringify(launched.body)}`);
  return launched.body.id as string;
}

/**
 * Such a campaign with the first `n` 雉城 operators: resolves once their inspections are open (one a case,
 * unclaimed), by case.
 */
export async function launchInspections(h: Harness, api: Api, n: number): Promise<{ campaignId: string; tasks: Task[] }> {
  const operators = await h.db.operator.findMany({ where: { jurisdictionId: '330522001', id: { startsWith: 'op-cx-' } }, orderBy: { id: 'asc' }, take: n });
  if (operators.length !== n) throw new Error(`only ${operators.length} 雉城 operators seeded, ${n} wanted`);
  const campaignId = await launchAtInspections(
    h,
    api,
    operators.map((o) => o.id),
  );
  const tasks = await waitFor(async () => {
    const t = await h.db.task.findMany({ where: { campaignId, type: 'inspection', status: 'open' }, orderBy: { caseId: 'asc' } });
    return t.length === n && t;
  }, `the ${n} inspections`);
  return { campaignId, tasks };
}
