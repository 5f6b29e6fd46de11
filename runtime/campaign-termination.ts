// Ending a campaign from outside, everything it started with it (a test's end, the bench; in operation,
// `temporal workflow terminate --query "CampaignId = '…'"` does the same: README "Operating"). The
// campaign's workflow takes its batches, arrival shards and child cases with it, but the cases its launch
// batches started are not their children (activities/case-start.ts): they are found by their campaign's
// search attribute, which every one of them carries.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import pLimit from 'p-limit';
import { campaignWorkflowId } from '../workflows/ids.js';

/** Terminates the campaign's workflow and every workflow of it still running; returns how many cases it stopped. */
export async function terminateCampaign(client: Client, campaignId: string, reason: string): Promise<number> {
  if (!/^[\w.:-]+$/.test(campaignId)) throw new Error(`not a campaign id: ${JSON.stringify(campaignId)}`);
  const ignoreGone = (e: unknown) => {
    if (!(e instanceof WorkflowNotFoundError)) throw e; // closed meanwhile
  };
  await client.workflow.getHandle(campaignWorkflowId(campaignId)).terminate(reason).catch(ignoreGone);
  const ids: string[] = [];
  for await (const w of client.workflow.list({ query: `CampaignId = '${campaignId}' AND ExecutionStatus = 'Running'` })) ids.push(w.workflowId);
  const limit = pLimit(32);
  await Promise.all(ids.map((id) => limit(() => client.workflow.getHandle(id).terminate(reason).catch(ignoreGone))));
  return ids.length;
}
