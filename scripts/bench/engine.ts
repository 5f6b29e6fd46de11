// The engine's own limits on this machine, through the same client and worker the product uses:
// how fast no-op workflows start (and complete), and a raw Update round-trip on a tiny workflow.
import type { Client } from '@temporalio/client';
import { BenchNoopWorkflow, BenchUpdateWorkflow, benchDoneSignal, benchPingUpdate } from '../../workflows/bench/workflows.js';
import { latencySummary, pollUntil, pool } from './util.js';

export interface StartRate {
  count: number;
  started: number;
  startSeconds: number;
  startRate: number;
  completed: number;
  completeSeconds: number;
  completeRate: number;
  errors: string[];
}

/** Starts `count` no-op workflows with at most `concurrency` start calls in flight; the worker completes them. */
export async function rawStartRate(
  client: Client,
  taskQueue: string,
  opts: { count: number; concurrency: number; capSeconds: number; log: (l: string) => void },
): Promise<StartRate> {
  const run = `${Date.now().toString(36)}`;
  const errors: string[] = [];
  let started = 0;
  const t0 = performance.now();
  await pool(opts.count, opts.concurrency, async (i) => {
    try {
      await client.workflow.start(BenchNoopWorkflow, { taskQueue, workflowId: `bench-noop-${run}-${i}` });
      started++;
    } catch (e) {
      if (errors.length < 5) errors.push((e as Error).message);
    }
  });
  const startSeconds = (performance.now() - t0) / 1000;
  opts.log(`started ${started}/${opts.count} no-op workflows in ${startSeconds.toFixed(1)} s`);
  const query = `WorkflowType = 'BenchNoopWorkflow' AND WorkflowId STARTS_WITH 'bench-noop-${run}-' AND ExecutionStatus = 'Completed'`;
  const { value: completed } = await pollUntil(
    async () => (await client.workflow.count(query)).count,
    (n) => n >= started,
    { timeoutMs: opts.capSeconds * 1000, intervalMs: 200 },
  );
  const completeSeconds = (performance.now() - t0) / 1000;
  if (completed < started) {
    // Whatever the worker has not completed yet must not weigh on the next measurement.
    opts.log(`waiting for the worker to complete the other ${started - completed} (not counted)…`);
    await pollUntil(
      async () => (await client.workflow.count(query)).count,
      (n) => n >= started,
      { timeoutMs: 300_000, intervalMs: 1000 },
    );
  }
  return {
    count: opts.count,
    started,
    startSeconds,
    startRate: started / startSeconds,
    completed,
    completeSeconds,
    completeRate: completed / completeSeconds,
    errors,
  };
}

/**
 * `count` Updates, each to its own tiny workflow (as each task completion goes to its own case), from
 * `concurrency` callers at once. The first `warmup` are left out of the figures.
 */
export async function rawUpdateRoundTrip(client: Client, taskQueue: string, opts: { count: number; concurrency: number; warmup: number }) {
  const run = Date.now().toString(36);
  const ids = Array.from({ length: opts.count + opts.warmup }, (_, i) => `bench-update-${run}-${i}`);
  await pool(ids.length, 32, async (i) => void (await client.workflow.start(BenchUpdateWorkflow, { taskQueue, workflowId: ids[i]! })));
  const samples: number[] = [];
  const errors: string[] = [];
  // Warm-up first (the workflows' first task, the caller's first calls), then the measured round-trips.
  const send = async (i: number, keep: boolean) => {
    const t = performance.now();
    try {
      const r = await client.workflow.getHandle(ids[i]!).executeUpdate(benchPingUpdate, { args: [i] });
      if (r !== i) throw new Error(`ping ${i} answered ${r}`);
      if (keep) samples.push(performance.now() - t);
    } catch (e) {
      if (errors.length < 5) errors.push((e as Error).message);
    }
  };
  await pool(opts.warmup, opts.concurrency, (i) => send(i, false));
  const t0 = performance.now();
  await pool(opts.count, opts.concurrency, (i) => send(opts.warmup + i, true));
  const seconds = (performance.now() - t0) / 1000;
  await pool(
    ids.length,
    32,
    async (i) =>
      void (await client.workflow
        .getHandle(ids[i]!)
        .signal(benchDoneSignal)
        .catch(() => {})),
  );
  return { ...latencySummary(samples), throughput: samples.length / seconds, errors };
}
