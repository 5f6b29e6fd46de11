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
    if (!(e instanceof WorkflowNotFoundError)) throw e; // closed meanwhile (or listed by a lagging store)
    return false;
  };
  const campaign = campaignWorkflowId(campaignId);
  await client.workflow.getHandle(campaign).terminate(reason).catch(ignoreGone);
  // Pass after pass until one finds nothing: a batch's activity may start a few more cases before the
  // heartbeat tells it its batch is gone, and the visibility store lags a little behind the starts.
  const limit = pLimit(32);
  let stopped = 0;
  for (let pass = 0; ; pass++) {
    if (pass > 0) await new Promise((r) => setTimeout(r, 1000));
    const ids: string[] = [];
    for await (const w of client.workflow.list({ query: `CampaignId = '${campaignId}' AND ExecutionStatus = 'Running'` })) {
      if (w.workflowId !== campaign) ids.push(w.workflowId);
    }
    if (ids.length === 0) return stopped;
    const done = await Promise.all(
      ids.map((id) =>
        limit(() =>
          client.workflow
            .getHandle(id)
            .terminate(reason)
            .then(() => true, ignoreGone),
        ),
      ),
    );
    stopped += done.filter(Boolean).length;
  }
}
