import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../prisma/db.js';
import { PROGRAMMES } from '../domain/programmes/index.js';
import { defineCampaign } from '../domain/campaign-definition.js';
import { shanghaiDate } from '../domain/time.js';
import { launchCampaign } from '../api/campaign-launch.js';

const DAY = 24 * 3600_000;

/**
 * The demo campaign: this year's Changxing campaign with its calendar moved so that the self-check
 * stage is open today (the real calendar runs June to December), every Changxing operator enrolled.
 */
export async function launchDemoCampaign(client: Client, db: PrismaClient, taskQueue: string): Promise<string | undefined> {
  if ((await db.campaign.count()) > 0) return undefined;
  const now = Date.now();
  const day = (offset: number) => shanghaiDate(now + offset * DAY);
  const year = Number(day(0).slice(0, 4));
  const stages = [
    { key: 'mobilization', startsAt: day(-20), dueAt: day(-8) },
    { key: 'self_check', startsAt: day(-7), dueAt: day(10) },
    { key: 'rectification', startsAt: day(11), dueAt: day(40) },
    { key: 'evaluation', startsAt: day(41), dueAt: day(70) },
    { key: 'summary', startsAt: day(71), dueAt: day(80) },
  ];
  const r = defineCampaign(PROGRAMMES.changxing!, { year, jurisdictionId: '330522', name: `${year}年长兴放心电商（演示）`, stages });
  if (!r.definition) throw new Error(`demo campaign: ${JSON.stringify(r.problems)}`);
  await launchCampaign({ client, db, taskQueue, definition: r.definition, actor: { userId: 'u-coord-changxing', role: 'coordinator', displayName: '长兴县统筹' } });
  return r.definition.campaignId;
}
