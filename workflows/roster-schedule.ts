// RosterScheduleWorkflow: a staged award's red and black lists published on a schedule (changxing 四、工作要求
// （三）: 建立红黑榜机制，并定期予以公示; README "Scheduled red and black lists"). Started by the campaign once
// projected, when its settings name a period, and left running when the campaign completes (its titles
// live on): at each period start it publishes whatever has changed (activities/roster-publication.ts),
// until the campaign is over and no title is in force. A list is published only when the programme
// allows it then (the award final, or 总结提升 open) and its entries differ from the current one.
import { continueAsNew, proxyActivities, sleep } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { nextRosterDate } from '../domain/roster-schedule.js';
import { ACTIVITY_OPTIONS } from './activity-options.js';

const acts = proxyActivities<Activities>(ACTIVITY_OPTIONS);

export interface RosterScheduleInput {
  campaignId: string;
  periodMonths: number;
}

/** Periods per run before it continues as new: its history stays a few dozen events. */
const PERIODS_PER_RUN = 24;

export async function RosterScheduleWorkflow(input: RosterScheduleInput): Promise<void> {
  for (let n = 0; n < PERIODS_PER_RUN; n++) {
    const at = nextRosterDate(Date.now(), input.periodMonths);
    await sleep(at - Date.now());
    const r = await acts.publishScheduledRosters({ campaignId: input.campaignId, at });
    if (r.finished) return;
  }
  await continueAsNew<typeof RosterScheduleWorkflow>(input);
}
