// ScoreImportWorkflow: a third party's scores (changxing 四、（四）第三方监测), validated whole by the API,
// delivered to the cases a chunk at a time (activities/score-import.ts). Once the API has started it the
// import is acknowledged: whatever dies, every line reaches its case once.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { ACTIVITY_OPTIONS } from './activity-options.js';

// A chunk sends up to 25 Updates, four at a time: minutes, not seconds, under load.
const acts = proxyActivities<Activities>({ ...ACTIVITY_OPTIONS, startToCloseTimeout: '5 minutes', heartbeatTimeout: '1 minute' });

export async function ScoreImportWorkflow({ importId }: { importId: string }): Promise<void> {
  const chunks = await acts.scoreImportChunks({ importId });
  for (let chunk = 0; chunk < chunks; chunk++) await acts.deliverImportedScores({ importId, chunk });
  await acts.finishScoreImport({ importId });
}
