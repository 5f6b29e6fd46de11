import type { PrismaClient } from '../prisma/generated/client.js';
import { applicationActivities } from './application.js';
import { awardActivities } from './award.js';
import { campaignActivities } from './campaign.js';
import { caseActivities } from './case.js';
import { taskActivities } from './task.js';

/** Every activity, bound to one database. Workflows see only this type (proxyActivities<Activities>). */
export function createActivities(db: PrismaClient) {
  return { ...campaignActivities(db), ...caseActivities(db), ...taskActivities(db), ...awardActivities(db), ...applicationActivities(db) };
}

export type Activities = ReturnType<typeof createActivities>;
