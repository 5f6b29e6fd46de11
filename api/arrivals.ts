// Sending a new case to a running campaign: a Zhoushan application, a Lijiang register application or an
// enrolment after launch. Campaigns take them through arrival shards (workflows/arrival-shard.ts, README
// "Bounded histories"): the campaign names its current shard (a Query, nothing in its history), the
// arrival goes to that shard, and when the shard is full the campaign is asked to start the next one.
// A campaign started before the shards takes the arrival itself, as it always did.
import { QueryNotRegisteredError, ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client, type WorkflowHandle } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { CaseSeed } from '../activities/case.js';
import type { Actor } from '../domain/roles.js';
import { ROUTE, admitCasesUpdate, arrivalRouteQuery, openArrivalShardUpdate } from '../workflows/arrival-messages.js';
import { enrolCasesUpdate } from '../workflows/messages.js';

type Shard = { workflowId: string; seq: number };
/** The last shard each campaign named, per campaign workflow: only a hint (a full or finished shard sends us back to the campaign). */
const hints = new Map<string, Shard | 'itself'>();

const routingRefusal = (e: unknown): string | undefined =>
  e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure ? (e.cause.type ?? undefined) : undefined;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * Two refusals mean "busy, ask again", not "no": the workflow's last task failed or timed out (a busy
 * worker; the task is being retried), or the workflow already has the server's limit of Updates in flight
 * (RESOURCE_EXHAUSTED, `limit.maxInFlightUpdates`, 10 on the dev server: a burst of filings into one
 * shard). The arrival is sent again with a growing pause before the caller gets a 503.
 */
const GRPC_RESOURCE_EXHAUSTED = 8; // gRPC status code
const busy = (e: unknown) =>
  e instanceof ServiceError &&
  (/Workflow Task in failed state/i.test(`${e.message} ${(e.cause as { details?: string } | undefined)?.details ?? ''}`) ||
    (e.cause as { code?: number } | undefined)?.code === GRPC_RESOURCE_EXHAUSTED);
/**
 * A Query nobody answered in time ("query timed out before a worker could process it": a busy worker
 * replaying the campaign) is asked again: a Query changes nothing.
 */
const GRPC_DEADLINE_EXCEEDED = 4;
const unanswered = (e: unknown) => busy(e) || (e instanceof ServiceError && (e.cause as { code?: number } | undefined)?.code === GRPC_DEADLINE_EXCEEDED);
async function patiently<T>(send: () => Promise<T>, retry: (e: unknown) => boolean = busy): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (e) {
      // The client's own gRPC retries come first (about 40 s): a few more tries here, not minutes.
      if (!retry(e) || attempt >= 6) throw e;
      // Jittered, so a burst refused together does not come back together.
      await pause(Math.min(4000, 250 * attempt) * (0.5 + Math.random()));
    }
  }
}

/**
 * At most SLOTS arrivals of this process in flight per workflow, the rest wait here in order: the server
 * takes 10 Updates in flight per workflow (dev server default) and refuses the next with RESOURCE_EXHAUSTED,
 * which the client then retries with a back-off of up to 10 s; a burst of county officers filing into one
 * shard waited 30–60 s that way.
 */
const SLOTS = 8;
const slots = new Map<string, { busy: number; waiting: (() => void)[] }>();
async function inSlot<T>(workflowId: string, send: () => Promise<T>): Promise<T> {
  let s = slots.get(workflowId);
  if (!s) slots.set(workflowId, (s = { busy: 0, waiting: [] }));
  if (s.busy >= SLOTS) await new Promise<void>((r) => s.waiting.push(r));
  else s.busy++;
  try {
    return await send();
  } finally {
    const next = s.waiting.shift();
    if (next)
      next(); // the slot passes on as it is
    else if (--s.busy === 0) slots.delete(workflowId);
  }
}

async function routeOf(campaign: WorkflowHandle): Promise<{ route: Shard | 'itself' | undefined; sure: boolean }> {
  try {
    const r = await patiently(() => campaign.query(arrivalRouteQuery), unanswered);
    return { route: r.sharded ? r.current : 'itself', sure: true };
  } catch (e) {
    // A worker of the previous release (during a rolling update) knows no shards: not remembered.
    if (e instanceof QueryNotRegisteredError) return { route: 'itself', sure: false };
    throw e;
  }
}

/** The campaign's shard after `after` (0: its first), started by the campaign if need be. */
async function nextShard(campaign: WorkflowHandle, after: number): Promise<Shard> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await campaign.executeUpdate(openArrivalShardUpdate, { args: [{ after }] });
    } catch (e) {
      // Refused with the stage's own words when it takes no more cases (a 409 for the caller, api/errors.ts).
      if (routingRefusal(e) !== ROUTE.moved) throw e;
      // Another request got there first: its shard, once started, is ours too.
      const { route: r } = await routeOf(campaign);
      if (r && r !== 'itself' && r.seq > after) return r;
      if (attempt >= 200) throw new Error(`campaign ${campaign.workflowId} did not name a shard after ${after}`, { cause: e });
      await pause(Math.min(500, 10 * 2 ** Math.min(attempt, 6)));
    }
  }
}

/**
 * Sends an arrival: `toShard` with the current shard's handle (again with the next shard's when it is
 * full), or `toCampaign` with the campaign's for a campaign that takes arrivals itself. Refusals (the
 * stage closed, the same case twice) come back as the workflow's Update failures.
 */
export async function sendArrival<T>(
  client: Client,
  campaignWorkflowId: string,
  send: { toShard(h: WorkflowHandle, updateId: string): Promise<T>; toCampaign(h: WorkflowHandle, updateId: string): Promise<T> },
): Promise<T> {
  // One Update id for the arrival: sent again after a deferral (patiently), a copy the server already
  // took is answered with its first outcome instead of being refused as the same case twice.
  const updateId = randomUUID();
  const campaign = client.workflow.getHandle(campaignWorkflowId);
  let route = hints.get(campaignWorkflowId);
  if (!route) {
    const r = await routeOf(campaign);
    route = r.route;
    if (route === 'itself' && r.sure) hints.set(campaignWorkflowId, route);
  }
  if (route === 'itself')
    try {
      return await inSlot(campaignWorkflowId, () => patiently(() => send.toCampaign(campaign, updateId)));
    } catch (e) {
      // Asked without knowing (see routeOf) a campaign that takes arrivals through shards.
      if (routingRefusal(e) !== ROUTE.sharded) throw e;
      hints.delete(campaignWorkflowId);
      route = (await routeOf(campaign)).route;
      if (route === 'itself') throw e;
    }
  for (let attempt = 0; ; attempt++) {
    route ??= await nextShard(campaign, 0);
    try {
      const shard = client.workflow.getHandle(route.workflowId);
      const out = await inSlot(route.workflowId, () => patiently(() => send.toShard(shard, updateId)));
      if (hints.size > 10_000) hints.clear();
      hints.set(campaignWorkflowId, route);
      return out;
    } catch (e) {
      // Full, or over (a shard returns once its campaign's calendar is over): the campaign decides what next.
      if (attempt >= 100 || (routingRefusal(e) !== ROUTE.full && !(e instanceof WorkflowNotFoundError))) throw e;
      hints.delete(campaignWorkflowId);
      route = await nextShard(campaign, route.seq);
    }
  }
}

/**
 * Enrols `cases` in a running campaign (动员部署). The API has checked every row first (all or none,
 * api/enrolment.ts resolveEnrolment); shards take what they have room for, the next shard the rest.
 */
export async function enrolCases(
  client: Client,
  campaignWorkflowId: string,
  cases: CaseSeed[],
  actor: Actor,
): Promise<{ enrolled: number; caseCount: number }> {
  let rest = cases;
  let caseCount = 0;
  while (rest.length) {
    const r = await sendArrival(client, campaignWorkflowId, {
      toShard: (h, updateId) => h.executeUpdate(admitCasesUpdate, { args: [{ cases: rest, actor }], updateId }),
      toCampaign: async (h, updateId) => {
        const out = await h.executeUpdate(enrolCasesUpdate, { args: [{ cases: rest, actor }], updateId });
        return { taken: out.enrolled, caseCount: out.caseCount };
      },
    });
    rest = rest.slice(r.taken);
    caseCount = r.caseCount;
  }
  return { enrolled: cases.length, caseCount };
}
