// InspectionDrawWorkflow: tells every case of a campaign what the 双随机 draw decided for it (drawn, with its
// two inspectors, or not), from the draw the API recorded (api/resources/inspection-draw.ts). One per
// campaign (workflows/ids.ts): started again after a lost answer, it is the same delivery, and a case takes
// the same word twice as once (workflows/case.ts).
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { ACTIVITY_OPTIONS } from './activity-options.js';

const acts = proxyActivities<Activities>({ ...ACTIVITY_OPTIONS, startToCloseTimeout: '5 minutes', heartbeatTimeout: '1 minute' });

export async function InspectionDrawWorkflow({ campaignId }: { campaignId: string }): Promise<void> {
  const chunks = await acts.drawChunks({ campaignId });
  for (let chunk = 0; chunk < chunks; chunk++) await acts.tellCasesOfDraw({ campaignId, chunk });
}
