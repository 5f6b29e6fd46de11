import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../prisma/db.js';
import { PROGRAMMES } from '../domain/programmes/index.js';
import { defineCampaign } from '../domain/campaign-definition.js';
import { shanghaiDate } from '../domain/time.js';
import { launchCampaign } from '../api/campaign-launch.js';

const DAY = 24 * 3600_000;

/**
 * The demo campaign: this year's Changxing campaign with its calendar moved so that the self-check
 * stage is open today (the real calendar runs June to December), every Changxing operator enrolled;
 * and this year's Zhoushan campaign taking applications today.
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

  // And this year's Zhoushan green live rooms with applications open today (the notice gives no dates).
  const zs = defineCampaign(PROGRAMMES.zhoushan!, {
    year,
    jurisdictionId: '330900',
    name: `${year}年舟山市绿色直播间建设培育（演示）`,
    stages: [
      { key: 'survey', startsAt: day(-30), dueAt: day(-11) },
      { key: 'application', startsAt: day(-10), dueAt: day(20) },
      { key: 'audit', startsAt: day(21), dueAt: day(40) },
      { key: 'confirmation', startsAt: day(41), dueAt: day(60) },
    ],
  });
  if (!zs.definition) throw new Error(`demo campaign: ${JSON.stringify(zs.problems)}`);
  await launchCampaign({ client, db, taskQueue, definition: zs.definition, actor: { userId: 'u-coord-zhoushan', role: 'coordinator', displayName: '舟山市统筹' } });
  return r.definition.campaignId;
}
