// The one set of activity options every workflow uses. A record is a short database write: 30 s is far
// above its normal duration, and database blips are retried for as long as it takes, so a decision is
// never dropped, only delayed (README "Failure and recovery").
import type { ActivityOptions, LocalActivityOptions } from '@temporalio/workflow';

export const ACTIVITY_OPTIONS = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
} as const satisfies ActivityOptions & LocalActivityOptions;
