// CaseBatchWorkflow: starts a slice of the cases a campaign enrols at launch and passes the campaign's
// stage news on to them. A 10,000-case launch would otherwise put every case start, and every
// stage signal to every case, into the campaign's one history: about 20 events per case, far past
// Temporal's 51,200-event limit. As a tree (campaign → batches of `batchSize` → cases) each history stays
// a few thousand events, and the batches start their cases in parallel.
// Deterministic orchestration only: the seeds are read, and the cases projected, by an activity.
import { condition, proxyLocalActivities, setHandler, getExternalWorkflowHandle, type SignalDefinition } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { Actor } from '../domain/roles.js';
import { campaignEndedSignal, stageClosedSignal, stageExtendedSignal, stageOpenedSignal, batchProgressQuery } from './messages.js';
import { startCaseChild, tracksOf, type CaseChild, type CaseCommon } from './case-child.js';

export interface CaseBatchInput {
  common: CaseCommon;
  /** 1-based: batch n starts operators (n-1)·batchSize … n·batchSize-1 of the launch. */
  batch: number;
  operatorIds: string[];
  enrolledBy: Actor;
}

export { caseBatchWorkflowId } from './ids.js';

// One read inside the batch's first workflow task.
const acts = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export async function CaseBatchWorkflow(input: CaseBatchInput): Promise<{ batch: number; cases: number }> {
  // Stage news is relayed in the order it came, after every case of the batch has started: a case
  // started late still sees "opened" before "closed" (and a task it opens after the close is overdue
  // from the start: createTask reads the stage under its lock).
  const inbox: (() => Promise<void>)[] = [];
  let ended = false;
  const relay =
    <Args extends unknown[]>(signal: SignalDefinition<Args>) =>
    (...args: Args) =>
      void inbox.push(() => signalAll(signal, ...args));
  setHandler(stageOpenedSignal, relay(stageOpenedSignal));
  setHandler(stageExtendedSignal, relay(stageExtendedSignal));
  setHandler(stageClosedSignal, relay(stageClosedSignal));
  setHandler(campaignEndedSignal, () => {
    inbox.push(() => signalAll(campaignEndedSignal));
    ended = true;
  });

  let started = 0;
  const finished = new Set<string>();
  setHandler(batchProgressQuery, () => ({ batch: input.batch, cases: input.operatorIds.length, started, finished: finished.size }));

  // The batch's cases are projected together, so each case workflow starts without a write of its own.
  const seeds = await acts.projectLaunchBatch({
    campaignId: input.common.campaignId,
    tracks: tracksOf(input.common.rules),
    operatorIds: input.operatorIds,
    actor: input.enrolledBy,
    clause: input.common.rules.clauses.enrolment,
  });
  const children: CaseChild[] = await Promise.all(
    seeds.map(async (seed) => {
      const child = await startCaseChild(input.common, seed, input.enrolledBy, undefined, { projected: true });
      started++;
      child.result().then(
        () => finished.add(child.workflowId),
        () => finished.add(child.workflowId),
      );
      return child;
    }),
  );

  async function signalAll<Args extends unknown[]>(signal: SignalDefinition<Args>, ...args: Args): Promise<void> {
    await Promise.all(
      children
        .filter((c) => !finished.has(c.workflowId))
        .map(async (c) => {
          try {
            await getExternalWorkflowHandle(c.workflowId).signal(signal, ...args);
          } catch (e) {
            if (!/not found/i.test((e as Error).message)) throw e;
            finished.add(c.workflowId); // it finished between our look and the signal
          }
        }),
    );
  }

  for (;;) {
    await condition(() => inbox.length > 0);
    await inbox.shift()!();
    if (ended && inbox.length === 0) break;
  }
  // The campaign completes when its cases have: a batch returns once each of its cases has.
  await Promise.all(children.map((c) => c.result()));
  return { batch: input.batch, cases: children.length };
}
