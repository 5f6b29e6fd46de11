// A launch batch's cases (workflows/case-batch.ts): projected together, then each case workflow started
// through the client, not as the batch's child. A child's start goes through its parent's history (two
// events carrying the case's whole input, and a workflow task of the parent for each); a batch of 200
// then replays a history of 1.2 MB whenever the worker's cache has let it go, which thousands of new
// cases make it do all through a launch. Started here, a case costs the server one start, as any
// client's does (README "Benchmarks": fan-out against the raw start rate).
import { ApplicationFailure, Context, heartbeat } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import pLimit from 'p-limit';
import type { PrismaClient } from '../prisma/generated/client.js';
import type { Actor } from '../domain/roles.js';
import { caseStart, type CaseCommon } from '../workflows/case-start.js';
import { caseWorkflowId } from '../workflows/ids.js';
import { SA_CAMPAIGN_ID } from '../workflows/messages.js';
import { tracksOfRules } from '../domain/programmes/kinds/index.js';
import { caseActivities } from './case.js';
import type { Dispatch } from './notify.js';

/**
 * Temporal calls (starts, describes) in flight per batch. Every batch of a launch runs its activity at
 * once, up to the worker's activity slots (100 by default): a 10,000-case launch's 50 batches make 200
 * starts in flight.
 */
const CALLS_PER_BATCH = 4;

export function caseStartActivities(db: PrismaClient, dispatch?: Dispatch) {
  const { projectLaunchBatch } = caseActivities(db);
  return {
    /**
     * Projects the batch's cases, then starts each case's workflow. Safe to run again: the projection
     * skips what it wrote before, and a start finds the case already running (or already closed) by its id.
     */
    async enrolLaunchBatch(input: {
      common: CaseCommon;
      operatorIds: string[];
      enrolledBy: Actor;
      reportClosedTo: string;
    }): Promise<{ workflowIds: string[] }> {
      if (!dispatch) throw ApplicationFailure.nonRetryable('this worker has no Temporal client to start cases with (runtime/worker.ts)', 'NoClient');
      const { common } = input;
      const seeds = await projectLaunchBatch({
        campaignId: common.campaignId,
        tracks: tracksOfRules(common.rules),
        operatorIds: input.operatorIds,
        actor: input.enrolledBy,
        clause: common.rules.clauses.enrolment,
      });
      const limit = pLimit(CALLS_PER_BATCH);
      const { cancellationSignal } = Context.current();
      let started = 0;
      await Promise.all(
        seeds.map((seed) =>
          limit(async () => {
            // The batch is gone (terminated: the heartbeat brought the word): start no more of its cases.
            cancellationSignal.throwIfAborted();
            const { workflowType, arg } = caseStart(common, seed, input.enrolledBy, undefined, { projected: true, reportClosedTo: input.reportClosedTo });
            try {
              await dispatch.client.workflow.start(workflowType, {
                taskQueue: dispatch.taskQueue,
                workflowId: caseWorkflowId(seed.caseId),
                args: [arg],
                // Once per operator and campaign: a retry finds it running, or closed since the first attempt.
                workflowIdReusePolicy: 'REJECT_DUPLICATE',
                workflowIdConflictPolicy: 'USE_EXISTING',
                // Found by its campaign (the bench's count; stopping a campaign's cases: README "Operating").
                typedSearchAttributes: [{ key: SA_CAMPAIGN_ID, value: common.campaignId }],
              });
            } catch (e) {
              if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
            }
            heartbeat(++started);
          }),
        ),
      );
      return { workflowIds: seeds.map((s) => caseWorkflowId(s.caseId)) };
    },

    /** One page of the operators a launch enrols, as the API stored them (api/campaign-launch.ts). */
    async launchEnrolmentPage(input: { launchId: string; page: number }): Promise<string[]> {
      const row = await db.launchEnrolment.findUnique({ where: { launchId_page: input } });
      if (!row) throw ApplicationFailure.nonRetryable(`launch ${input.launchId} has no enrolment page ${input.page}`, 'NoEnrolmentPage');
      return row.operatorIds;
    },

    /** Which of these case workflows have closed (or are gone): for a batch a case never told, e.g. one terminated. */
    async closedCases(input: { workflowIds: string[] }): Promise<string[]> {
      if (!dispatch) throw ApplicationFailure.nonRetryable('this worker has no Temporal client to look with (runtime/worker.ts)', 'NoClient');
      const limit = pLimit(CALLS_PER_BATCH);
      const closed = await Promise.all(
        input.workflowIds.map((id) =>
          limit(async () => {
            try {
              return (await dispatch.client.workflow.getHandle(id).describe()).status.name !== 'RUNNING';
            } catch (e) {
              if (e instanceof WorkflowNotFoundError) return true;
              throw e;
            }
          }),
        ),
      );
      return input.workflowIds.filter((_, i) => closed[i]);
    },
  };
}
