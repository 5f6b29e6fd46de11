// The hourly housekeeping (README "Housekeeping") is a Temporal Schedule rather than a workflow that sleeps
// and continues-as-new: the server keeps the time and skips a run while the last is still going, each run
// is a short workflow of its own with a small history, and operators can see, pause or trigger it with
// `temporal schedule` or the Web UI. Every worker process ensures it on start (runtime/worker-main.ts).
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';

/** One schedule per task queue, so deployments sharing a namespace each clean their own database. */
export const housekeepingScheduleId = (taskQueue: string) => `housekeeping-${taskQueue}`;

/**
 * Creates the schedule unless it exists: several workers starting at once, or a restart, change nothing
 * (a schedule already there is left as it is; `temporal schedule delete` it to change its interval).
 * Answers whether this call created it.
 */
export async function ensureHousekeepingSchedule(client: Client, taskQueue: string, opts: { every?: string } = {}): Promise<boolean> {
  const scheduleId = housekeepingScheduleId(taskQueue);
  try {
    await client.schedule.create({
      scheduleId,
      spec: { intervals: [{ every: opts.every ?? '1 hour' }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'HousekeepingWorkflow', // workflows/housekeeping.ts
        workflowId: scheduleId, // the server adds the run's time
        taskQueue,
        // A run stuck past this (its activity retries take ~15 min at most) gives way to the next one.
        workflowRunTimeout: '30 minutes',
      },
      // One run at a time; after an outage, one run catches up rather than one per hour missed.
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
    });
    return true;
  } catch (e) {
    if (e instanceof ScheduleAlreadyRunning) return false;
    throw e;
  }
}
