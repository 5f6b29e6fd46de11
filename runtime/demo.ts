import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../prisma/db.js';
import { PROGRAMMES } from '../domain/programmes/index.js';
import { defineCampaign } from '../domain/campaign-definition.js';
import { shanghaiDate } from '../domain/time.js';
import { launchCampaign } from '../api/campaign-launch.js';
import { fileIntakeApplication } from '../api/intake-filing.js';
import type { CampaignDefinition } from '../domain/campaign-definition.js';
import { openIntakeBatchUpdate } from '../workflows/messages.js';

const DAY = 24 * 3600_000;

/**
 * The demo campaign: this year's Changxing campaign with its calendar moved so that the self-check
 * stage is open today (the real calendar runs June to December), every Changxing operator enrolled;
 * this year's Zhoushan campaign taking applications today; and Lijiang's registers open for applications.
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
  await launchCampaign({
    client,
    db,
    taskQueue,
    definition: r.definition,
    actor: { userId: 'u-coord-changxing', role: 'coordinator', displayName: '长兴县统筹' },
  });

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
  await launchCampaign({
    client,
    db,
    taskQueue,
    definition: zs.definition,
    actor: { userId: 'u-coord-zhoushan', role: 'coordinator', displayName: '舟山市统筹' },
  });

  // And Lijiang's registers taking applications: a two-year window like the notice's (2023-08-23..2025-08-23).
  const lj = defineCampaign(PROGRAMMES.lijiang!, {
    year,
    jurisdictionId: '530700',
    name: `${year}年丽江市特色直播优质产品及新媒体达人入库（演示）`,
    stages: [{ key: 'intake', startsAt: day(-30), dueAt: day(700) }],
  });
  if (!lj.definition) throw new Error(`demo campaign: ${JSON.stringify(lj.problems)}`);
  await launchCampaign({
    client,
    db,
    taskQueue,
    definition: lj.definition,
    actor: { userId: 'u-coord-lijiang', role: 'coordinator', displayName: '丽江市统筹' },
  });
  await demoRegisterApplications(client, db, lj.definition.campaignId, now);
  return r.definition.campaignId;
}

/** A few applications in the Lijiang registers: three in a first review batch, two still queued. */
async function demoRegisterApplications(client: Client, db: PrismaClient, campaignId: string, now: number) {
  const c = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
  const campaign = { id: c.id, workflowId: c.workflowId, def: c.definition as unknown as CampaignDefinition };
  const officer = { userId: 'u-officer-gucheng', role: 'county_officer' as const, displayName: '古城区执法员' };
  const product = (productName: string, category: string, extra: object = {}) => ({
    register: 'product',
    productName,
    category,
    specifications: '500 g / 袋',
    executionStandard: 'GB 7718',
    dropshipping: true,
    liveLinks: [{ platform: 'douyin', url: 'https://v.douyin.com/lijiang-demo/' }],
    shipping: '邮政 EMS，48 小时内发货',
    dailyVolume: 300,
    serviceHours: { daysPerWeek: 5, hoursPerDay: 8 },
    ...(category === 'primary_agricultural' ? { grade: '一级' } : {}),
    ...extra,
  });
  const influencer = (displayName: string, handle: string, followers: number) => ({
    register: 'influencer',
    displayName,
    accounts: [{ platform: 'douyin', handle, followers, realNameVerified: true, liveSellingEnabled: true }],
    notUnderPenalty: true,
    promotesLijiang: true,
    encouragedCategories: ['ethnic_culture'],
  });
  const yulong = { userId: 'u-officer-yulong', role: 'county_officer' as const, displayName: '玉龙纳西族自治县执法员' };
  const file = async (operatorId: string, form: object, actor = officer) =>
    fileIntakeApplication(db, client, campaign, await db.operator.findUniqueOrThrow({ where: { id: operatorId } }), form, actor);
  await file('op-lj-001', product('丽江玛咖干片', 'primary_agricultural'));
  await file('op-lj-005', product('纳西手工银器', 'time_honoured', { serviceHours: { daysPerWeek: 7, hoursPerDay: 12 } }));
  await file('op-lj-011', influencer('纳西阿妹', 'naxi_amei', 52_000));
  await client.workflow.getHandle(c.workflowId).executeUpdate(openIntakeBatchUpdate, {
    args: [{ reviewDueAt: now + 14 * DAY, actor: { userId: 'u-auditor-lijiang', role: 'auditor', displayName: '丽江市审核员' } }],
  });
  await file('op-lj-003', product('永胜软籽石榴', 'primary_agricultural'));
  await file('op-lj-012', influencer('玉龙小和', 'yulong_he', 3_200), yulong);
}
