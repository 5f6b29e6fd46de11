// What each role may do in the console (permissions = the user's role). The API enforces the
// same rules; the console only hides what would be refused.
import type { Role, Task } from './types';

export const canLaunchCampaigns = (role?: Role) => role === 'coordinator';

export const canManageStages = (role?: Role) => role === 'coordinator';

/**
 * Running a campaign: enrolment, 公示, objections, the award, 红黑榜, next year's launch
 * (the API further limits it to coordinators of the campaign's own jurisdiction).
 */
export const canRunCampaigns = (role?: Role) => role === 'coordinator';

/** Revoking a title and recording complaints on it. */
export const canActOnTitles = (role?: Role) => role === 'county_officer' || role === 'coordinator';

export const canSeeUsers = (role?: Role) => role === 'admin' || role === 'coordinator';

/** Only the role a task is assigned to may claim or complete it (leaders are never assignees). */
export const canWorkTask = (role: Role | undefined, task: Pick<Task, 'assigneeRole'>) =>
    role != null && role === task.assigneeRole;
