import { defineConfig } from 'vitest/config';

// Tests in tiers (README "Two commands"), each a vitest project with the global setup it needs:
// - unit: domain rules, the API's contract as a document, configuration and the console's pure code; no
//   services at all.
// - workflow: workflow logic on Temporal's time-skipping test server, one per file (test/helpers-time.ts),
//   with time driven by the test, and the real activities on PostgreSQL (test/global-setup-workflow.ts);
//   also the suites that need PostgreSQL only (the register, schema drift). No dev server is started.
// - integration: everything else, on a real Temporal dev server and PostgreSQL (test/global-setup.ts):
//   the API's Temporal error mapping, worker restarts, webhooks, launch fan-out, the console in Chromium,
//   processes and fault injection. A new file lands here unless listed below.
// `npm run test:fast` runs the first two; `npm test` all three (scripts/test.sh).
export const UNIT = [
  'test/api-contract.test.ts',
  'test/domain.test.ts',
  'test/calendar.test.ts',
  'test/config.test.ts',
  'test/console-csv.test.ts',
  'test/messages.test.ts',
  'test/programme-kinds.test.ts',
  'test/workflow-bundle.test.ts',
  'test/application-versions.test.ts',
];
export const WORKFLOW = [
  'test/campaign-workflow.test.ts',
  'test/changxing-workflow.test.ts',
  'test/zhoushan.test.ts',
  'test/lijiang.test.ts',
  'test/changxing-api.test.ts',
  'test/programme-definition.test.ts',
  'test/register.test.ts',
  'test/spreadsheets.test.ts',
  'test/schema-drift.test.ts',
];

/** Files that mock a module (vi.mock): run in a process of their own, not after or before another file. */
export const ISOLATED = ['test/console-csv.test.ts', 'test/webhook-ssrf.test.ts'];

export default defineConfig({
  test: {
    // Temporal's native bridge crashes under worker threads: one forked process per test file.
    pool: 'forks',
    // Three files at once on two cores: the suites wait on Temporal, PostgreSQL and Chromium more than they
    // compute (two workers kept the cores about 70 % busy).
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    // Every suite signs in from 127.0.0.1 and some fail on purpose (and the contract fuzz at random): the
    // per-address sign-in limit would block them all. test/accounts.test.ts checks it with its own limit.
    // The webhook receivers of the tests listen on loopback, which the SSRF guard refuses unless allowed
    // (activities/webhook-target.ts; test/webhook-ssrf.test.ts sets its own list).
    // Likewise objections from the public page per address (test/public-objections.test.ts sets its own).
    // bcrypt at its minimum cost (runtime/config.ts, allowed for tests only): the suite signs in about a
    // thousand times, which at the production cost of 10 took ~80 s of the two cores' CPU.
    env: { BCRYPT_COST: '4', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000000', PUBLIC_OBJECTIONS_PER_ADDRESS: '1000000', WEBHOOK_ALLOW_HOSTS: '127.0.0.1' },
    // One forked process runs file after file without reloading the modules they share (Temporal's SDK,
    // Prisma, Express, the API): each file used to spend ~3 s of CPU importing them again, a quarter of
    // the suite's CPU on two cores. Files still start their own harness (worker, task queue, clients) and
    // put back any setting they change; those that mock a module run on their own (ISOLATED).
    isolate: false,
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT, exclude: ISOLATED } },
      { extends: true, test: { name: 'workflow', include: WORKFLOW, globalSetup: ['test/global-setup-workflow.ts'] } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/**/*.test.ts'], exclude: [...UNIT, ...WORKFLOW, ...ISOLATED], globalSetup: ['test/global-setup.ts'] },
      },
      // vi.mock replaces a module for the whole process: these files get a process of their own.
      { extends: true, test: { name: 'unit-isolated', include: ISOLATED.filter((f) => UNIT.includes(f)), isolate: true } },
      {
        extends: true,
        test: { name: 'integration-isolated', include: ISOLATED.filter((f) => !UNIT.includes(f)), isolate: true, globalSetup: ['test/global-setup.ts'] },
      },
    ],
  },
});
