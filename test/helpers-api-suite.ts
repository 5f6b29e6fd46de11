// A suite of REST API tests on Temporal's time-skipping test server: the harness, the API and its users'
// tokens, set up before the file's tests and torn down after (as helpers-console-suite.ts for the console).
import { afterAll, beforeAll } from 'vitest';
import { startTimeSkippingHarness, type TimeHarness } from './helpers-time.js';
import { startApi, type Api } from './api-helpers.js';

export interface ApiSuite {
  h: TimeHarness;
  api: Api;
  /** A signed-in token per user named. */
  tokens: Record<string, string>;
  post(user: string, path: string, body?: unknown): ReturnType<Api['call']>;
}

/** Registers the file's beforeAll/afterAll; the fields are set once beforeAll has run. */
export function apiSuite(users: string[]): ApiSuite {
  const s = { tokens: {} } as ApiSuite;
  beforeAll(async () => {
    s.h = await startTimeSkippingHarness();
    s.api = await startApi(s.h);
    for (const u of users) s.tokens[u] = await s.api.login(u);
  });
  afterAll(async () => {
    await s.api?.close();
    await s.h?.stop();
  });
  s.post = (user, path, body) => s.api.call('POST', path, { token: s.tokens[user]!, body });
  return s;
}
