// The console's own messages, one file per resource in the resource's folder (react-admin's demo keeps each
// resource in a folder of its own), each holding its English and its Chinese: a key is added in both
// languages in one place, and zh, typed against en, fails the type check when one language lacks it.
// i18n.ts lays the result over react-admin's messages; test/messages.test.ts checks the merged catalogue.
import * as account from '../account/messages';
import * as auditEvents from '../audit-events/messages';
import * as calendar from '../calendar/messages';
import * as campaignAward from '../campaigns/awardMessages';
import * as campaigns from '../campaigns/messages';
import * as campaignLaunch from '../campaigns/launchMessages';
import * as campaignStages from '../campaigns/stageMessages';
import * as campaignSummary from '../campaigns/summaryMessages';
import * as campaignEvaluation from '../campaigns/evaluationMessages';
import * as campaignInspection from '../campaigns/inspectionMessages';
import * as cases from '../cases/messages';
import * as caseTimeline from '../cases/timelineMessages';
import * as casework from '../common/caseworkMessages';
import * as common from '../common/messages';
import * as dashboard from '../dashboard/messages';
import * as intakeBatches from '../intake-batches/messages';
import * as jurisdictions from '../jurisdictions/messages';
import * as layout from '../layout/messages';
import * as listings from '../listings/messages';
import * as notifications from '../notifications/messages';
import * as objections from '../objections/messages';
import * as operators from '../operators/messages';
import * as portal from '../portal/messages';
import * as portalZhoushan from '../portal/zhoushan/messages';
import * as portalChangxing from '../portal/changxing/messages';
import * as portalLijiang from '../portal/lijiang/messages';
import * as portalNotifications from '../portal/notifications/messages';
import * as programmes from '../programmes/messages';
import * as publicPages from '../public/messages';
import * as registers from '../registers/messages';
import * as rosters from '../rosters/messages';
import * as search from '../search/messages';
import * as applications from '../tasks/applicationMessages';
import * as taskForms from '../tasks/formMessages';
import * as corrections from '../tasks/correctionMessages';
import * as listingTasks from '../tasks/listingMessages';
import * as credit from '../operators/creditMessages';
import * as tasks from '../tasks/messages';
import * as titles from '../titles/messages';
import * as users from '../users/messages';

/** Every messages file, by name: no two may define the same section (test/messages.test.ts). */
export const parts = {
  account,
  auditEvents,
  calendar,
  campaignAward,
  campaigns,
  campaignLaunch,
  campaignStages,
  campaignSummary,
  campaignEvaluation,
  campaignInspection,
  cases,
  caseTimeline,
  casework,
  common,
  dashboard,
  intakeBatches,
  jurisdictions,
  layout,
  listings,
  notifications,
  objections,
  operators,
  portal,
  portalZhoushan,
  portalChangxing,
  portalLijiang,
  portalNotifications,
  programmes,
  publicPages,
  registers,
  rosters,
  search,
  applications,
  taskForms,
  corrections,
  listingTasks,
  credit,
  tasks,
  titles,
  users,
};

interface Catalogue {
  resources: Record<string, unknown>;
  app: Record<string, unknown>;
}

const combine = (language: 'en' | 'zh'): Catalogue => {
  const out: Catalogue = { resources: {}, app: {} };
  for (const part of Object.values(parts)) {
    const messages: Partial<Catalogue> = part[language];
    Object.assign(out.resources, messages.resources);
    Object.assign(out.app, messages.app);
  }
  return out;
};

export const en = combine('en');
export const zh = combine('zh');
