// Messages of the arrival shards (workflows/arrival-shard.ts), shared by the campaign, the shards and the
// API (api/arrivals.ts). Cases that join a running campaign (applications, register intake, enrolment
// after launch) are taken by shards of at most `capacity` cases, so that no history grows with the number
// of arrivals; the campaign holds one child per shard and passes its stage news to them.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { EnrolInput } from './messages.js';

/** The patch that routes arrivals through shards: campaigns started before it take them themselves. */
export const ARRIVAL_SHARDS_PATCH = 'arrival-shards';

/**
 * Cases per shard. Each arrival costs its shard about 20 events, plus 2 per stage news it relays; 200
 * cases keep a shard's history a few thousand events (measured by `npm run bench -- --applications`),
 * far from Temporal's 51,200-event limit and under the bench's 10,000.
 */
export const ARRIVAL_SHARD_SIZE = 200;

export const arrivalShardWorkflowId = (campaignId: string, seq: number) => `arrival-shard-${campaignId}-${seq}`;

/** Where a campaign takes arrivals: itself (started before the patch), or its current shard. */
export interface ArrivalRoute {
  sharded: boolean;
  current?: { workflowId: string; seq: number };
}

/** Refusals of the routing, for the API to act on (never shown to a user). */
export const ROUTE = {
  /** The shard has no room left: ask the campaign for the next one. */
  full: 'ArrivalShardFull',
  /** The shard asked for is no longer the current one: ask the campaign again. */
  moved: 'ArrivalShardMoved',
  /** Sent to the campaign, which takes arrivals through its shards: ask it for the route. */
  sharded: 'ArrivalsThroughShards',
} as const;

export const arrivalRouteQuery = defineQuery<ArrivalRoute>('arrivalRoute');
/** Starts shard `after + 1` unless it exists already; refused (ROUTE.moved) when `after` is not the current shard. */
export const openArrivalShardUpdate = defineUpdate<{ workflowId: string; seq: number }, [{ after: number }]>('openArrivalShard');
/** Enrolment after launch, at a shard: takes as many of `cases` (from the first) as it has room for. */
export const admitCasesUpdate = defineUpdate<{ taken: number; caseCount: number }, [EnrolInput]>('admitCases');
/** Campaign → shards: a review batch was opened (Lijiang 分批次审核入库); the shard passes it to its queued cases. */
export const intakeBatchOpenedSignal = defineSignal<[{ batchId: string; seq: number; reviewDueAt: number }]>('intakeBatchOpened');
export const arrivalShardProgressQuery = defineQuery<{ seq: number; capacity: number; admitted: number; started: number; finished: number }>(
  'arrivalShardProgress',
);
