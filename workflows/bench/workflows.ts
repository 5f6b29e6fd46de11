// Tiny workflows for `npm run bench` (scripts/bench.ts): the engine's own limits on this machine, measured
// on the real worker without any of the domain's work. Nothing in the product starts them, and only the
// bench's worker bundles them (./index.ts); the production bundle (workflows/index.ts) does not.
import { condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

/** Starts and completes at once: the raw workflow start (and completion) rate. */
export async function BenchNoopWorkflow(): Promise<void> {}

/** Answered by BenchUpdateWorkflow straight from workflow state: a raw Update round-trip. */
export const benchPingUpdate = defineUpdate<number, [number]>('benchPing');
export const benchDoneSignal = defineSignal('benchDone');

/** Waits for pings (Updates) until told it is done; returns how many it answered. */
export async function BenchUpdateWorkflow(): Promise<number> {
  let answered = 0;
  let done = false;
  setHandler(benchPingUpdate, (n) => {
    answered++;
    return n;
  });
  setHandler(benchDoneSignal, () => void (done = true));
  await condition(() => done);
  return answered;
}
