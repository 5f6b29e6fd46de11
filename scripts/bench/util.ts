// Small helpers of `npm run bench`: percentiles, a bounded pool, polling, and the list of things to stop.

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Nearest-rank percentile (p in 0..100) of the samples; NaN when there are none. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export function latencySummary(samples: number[]): { n: number; p50: number; p95: number; p99: number; max: number; mean: number } {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.length ? Math.max(...samples) : NaN,
    mean: samples.length ? samples.reduce((a, b) => a + b, 0) / samples.length : NaN,
  };
}

export const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
export const round = (x: number, digits = 1) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : 0);

/** Runs `count` jobs with at most `concurrency` at a time; `job(i)` gets the job's index. */
export async function pool(count: number, concurrency: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) await job(next++);
  });
  await Promise.all(lanes);
}

/** Polls `probe` until it returns a value `done` accepts, or the deadline passes (then returns the last value). */
export async function pollUntil<T>(
  probe: () => Promise<T>,
  done: (v: T) => boolean,
  opts: { timeoutMs: number; intervalMs?: number; onValue?: (v: T) => void },
): Promise<{ value: T; timedOut: boolean }> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    const value = await probe();
    opts.onValue?.(value);
    if (done(value)) return { value, timedOut: false };
    if (Date.now() >= deadline) return { value, timedOut: true };
    await sleep(opts.intervalMs ?? 250);
  }
}

/** What the bench started, stopped in reverse order at the end, on an error and on Ctrl-C. */
export class Cleanup {
  private readonly steps: { name: string; fn: () => Promise<unknown> | unknown }[] = [];
  private running?: Promise<void>;
  add(name: string, fn: () => Promise<unknown> | unknown): void {
    this.steps.push({ name, fn });
  }
  run(log: (line: string) => void = () => {}): Promise<void> {
    this.running ??= (async () => {
      while (this.steps.length) {
        const s = this.steps.pop()!;
        // The give-up timer goes once the step is done: left running, it said "gave up" about every step
        // 30 s later, while the Flowable peer ran.
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([s.fn(), new Promise<void>((r) => (timer = setTimeout(r, 30_000))).then(() => log(`stopping ${s.name}: gave up after 30 s`))]);
        } catch (e) {
          log(`stopping ${s.name}: ${(e as Error).message}`);
        } finally {
          clearTimeout(timer);
        }
      }
    })();
    return this.running;
  }
}
