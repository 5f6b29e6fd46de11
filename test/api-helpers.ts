import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../api/app.js';
import type { Harness } from './helpers.js';
import { compressedCalendar } from './helpers-campaign.js';

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
export async function startApi(h: Harness, uiDir?: string): Promise<Api> {
  // The dev server of the tests runs no Web UI; the link is checked for its shape.
  const app = createApp({ db: h.db, client: h.env.client, taskQueue: h.taskQueue, uiDir, temporalUiUrl: TEST_TEMPORAL_UI, namespace: 'default' });
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
