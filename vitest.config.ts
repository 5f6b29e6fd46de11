import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Temporal's native bridge crashes under worker threads: one forked process per test file.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    // Every suite signs in from 127.0.0.1 and some fail on purpose (and the contract fuzz at random): the
    // per-address sign-in limit would block them all. test/accounts.test.ts checks it with its own limit.
    // The webhook receivers of the tests listen on loopback, which the SSRF guard refuses unless allowed
    // (activities/webhook-target.ts; test/webhook-ssrf.test.ts sets its own list).
    env: { LOGIN_MAX_FAILURES_PER_ADDRESS: '1000000', WEBHOOK_ALLOW_HOSTS: '127.0.0.1' },
  },
});
