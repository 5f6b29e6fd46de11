// HousekeepingWorkflow: one run of housekeeping (README "Housekeeping"), started hourly by the Temporal
// Schedule that runtime/housekeeping.ts creates. The deletions are one activity, so a retry repeats
// nothing already done; the schedule, not this workflow, keeps the time.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { HousekeepingCounts } from '../activities/housekeeping.js';

const { runHousekeeping } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 5 },
});

export async function HousekeepingWorkflow(): Promise<HousekeepingCounts> {
  return runHousekeeping();
}
