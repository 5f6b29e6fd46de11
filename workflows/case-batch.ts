// CaseBatchWorkflow: starts a slice of the cases a campaign enrols at launch and passes the campaign's
// stage news on to them. A 10,000-case launch would otherwise put every case start, and every
// stage signal to every case, into the campaign's one history: about 20 events per case, far past
// Temporal's 51,200-event limit. As a tree (campaign → batches of `batchSize` → cases) each history stays
// small, and the batches start their cases in parallel.
//
// Its cases are started by an activity (activities/case-start.ts explains why), not as its children:
// each tells the batch when it closes (workflows/report-close.ts). Batches from before that change
// replay as they ran: their cases are children (LAUNCH_BY_ACTIVITY below).
// Deterministic orchestration only: the seeds are read, the cases projected and started, by activities.
import {
  condition,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
  type SignalDefinition,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { Actor } from '../domain/roles.js';
import { campaignEndedSignal, caseClosedSignal, stageClosedSignal, stageExtendedSignal, stageOpenedSignal, batchProgressQuery } from './messages.js';
import { startCaseChild, tracksOf, type CaseCommon } from './case-child.js';
import { ACTIVITY_OPTIONS } from './activity-options.js';

export interface CaseBatchInput {
  common: CaseCommon;
  /** 1-based: batch n starts operators (n-1)·batchSize … n·batchSize-1 of the launch. */
  batch: number;
  operatorIds: string[];
  enrolledBy: Actor;
}

export { caseBatchWorkflowId } from './ids.js';

const LAUNCH_BY_ACTIVITY = 'launch-cases-by-activity';

// One read inside the batch's first workflow task (batches started before LAUNCH_BY_ACTIVITY).
const acts = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
// Two hundred starts: seconds when quiet, longer while every batch of a launch starts its own; the
// heartbeat tells a stuck attempt from a slow one, and brings a terminated batch's cancellation.
const startActs = proxyActivities<Activities>({ ...ACTIVITY_OPTIONS, startToCloseTimeout: '10 minutes', heartbeatTimeout: '30 seconds' });
const lookActs = proxyActivities<Activities>(ACTIVITY_OPTIONS);

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
  setHandler(caseClosedSignal, (workflowId) => void finished.add(workflowId));
  setHandler(batchProgressQuery, () => ({ batch: input.batch, cases: input.operatorIds.length, started, finished: finished.size }));

  const byActivity = patched(LAUNCH_BY_ACTIVITY);
  let caseIds: string[];
  let results: Promise<unknown>[] = [];
  if (byActivity) {
    ({ workflowIds: caseIds } = await startActs.enrolLaunchBatch({
      common: input.common,
      operatorIds: input.operatorIds,
      enrolledBy: input.enrolledBy,
      reportClosedTo: workflowInfo().workflowId,
    }));
    started = caseIds.length;
  } else {
    // The batch's cases are projected together, so each case workflow starts without a write of its own.
    const seeds = await acts.projectLaunchBatch({
      campaignId: input.common.campaignId,
      tracks: tracksOf(input.common.rules),
      operatorIds: input.operatorIds,
      actor: input.enrolledBy,
      clause: input.common.rules.clauses.enrolment,
    });
    const children = await Promise.all(
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
    caseIds = children.map((c) => c.workflowId);
    results = children.map((c) => c.result());
  }

  async function signalAll<Args extends unknown[]>(signal: SignalDefinition<Args>, ...args: Args): Promise<void> {
    await Promise.all(
      caseIds
        .filter((id) => !finished.has(id))
        .map(async (id) => {
          try {
            await getExternalWorkflowHandle(id).signal(signal, ...args);
          } catch (e) {
            if (!/not found/i.test((e as Error).message)) throw e;
            finished.add(id); // it finished between our look and the signal
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
  if (!byActivity) await Promise.all(results);
  // A case tells the batch when it closes; one ended from outside (terminated) cannot, so look now and then.
  while (byActivity && finished.size < caseIds.length && !(await condition(() => finished.size >= caseIds.length, '1 day'))) {
    for (const id of await lookActs.closedCases({ workflowIds: caseIds.filter((id) => !finished.has(id)) })) finished.add(id);
  }
  return { batch: input.batch, cases: caseIds.length };
}
