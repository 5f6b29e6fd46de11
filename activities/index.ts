import type { PrismaClient } from '../prisma/generated/client.js';
import { applicationActivities } from './application.js';
import { awardActivities } from './award.js';
import { campaignActivities } from './campaign.js';
import { caseActivities } from './case.js';
import { caseStartActivities } from './case-start.js';
import { taskActivities } from './task.js';
import type { Dispatch } from './notify.js';
import { webhookActivities } from './webhook.js';
import { programmeActivities } from './programme.js';
import { intakeActivities } from './intake.js';
import { housekeepingActivities } from './housekeeping.js';
import { arrivalActivities } from './arrival.js';
import { correctionActivities } from './correction.js';
import { scoreImportActivities } from './score-import.js';
import { inspectionDrawActivities } from './inspection-draw.js';
import { rosterScheduleActivities } from './roster-publication.js';
import { creditActivities } from './credit.js';

/**
 * Every activity, bound to one database. Workflows see only this type (proxyActivities<Activities>).
 * `dispatch` starts the webhook deliveries of the notifications an activity writes.
 */
export function createActivities(db: PrismaClient, dispatch?: Dispatch) {
  return {
    ...campaignActivities(db, dispatch),
    ...caseActivities(db, dispatch),
    ...caseStartActivities(db, dispatch),
    ...taskActivities(db, dispatch),
    ...awardActivities(db, dispatch),
    ...applicationActivities(db, dispatch),
    ...webhookActivities(db),
    ...programmeActivities(db, dispatch),
    ...intakeActivities(db, dispatch),
    ...housekeepingActivities(db),
    ...arrivalActivities(db, dispatch),
    ...correctionActivities(db),
    ...scoreImportActivities(db, dispatch),
    ...inspectionDrawActivities(db, dispatch),
    ...rosterScheduleActivities(db),
    ...creditActivities(db, dispatch),
  };
}

export type Activities = ReturnType<typeof createActivities>;
