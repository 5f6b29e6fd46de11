// The frame of a console test file: a harness on the integration tier's Temporal and PostgreSQL, the API
// serving the built console, and Chromium; workflows the file starts are terminated when it ends.
import { afterAll, beforeAll } from 'vitest';
import { openConsole, type Console, type Device } from './helpers-browser.js';
import { startHarness, type Harness } from './helpers.js';
import { startApi, type Api } from './api-helpers.js';
import { UI_DIR } from '../api/server.js';

export interface ConsoleSuite {
  h: Harness;
  api: Api;
  ui: Console;
  /** Workflow ids to terminate once the file is done (campaigns a test launched). */
  workflows: string[];
}

/** Registers the file's beforeAll/afterAll; the fields are set once beforeAll has run. */
export function consoleSuite(device?: Device): ConsoleSuite {
  const s = { workflows: [] } as unknown as ConsoleSuite;
  beforeAll(async () => {
    s.h = await startHarness();
    s.api = await startApi(s.h, UI_DIR);
    s.ui = await openConsole(s.api.url, device);
  });
  afterAll(async () => {
    for (const id of s.workflows)
      await s.h?.env.client.workflow
        .getHandle(id)
        .terminate('test done')
        .catch(() => {});
    await s.ui?.close();
    await s.api?.close();
    await s.h?.stop();
  });
  return s;
}
