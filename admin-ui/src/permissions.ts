// What each role may do in the console (permissions = the user's role). The API enforces the
// same rules; the console only hides what would be refused.
import type { Role } from './types';

export const canLaunchCampaigns = (role?: Role) => role === 'coordinator';

export const canManageStages = (role?: Role) => role === 'coordinator';

export const canSeeUsers = (role?: Role) => role === 'admin' || role === 'coordinator';

/** Leaders are read-only; everyone else may work the tasks the API routes to them. */
export const canWorkTasks = (role?: Role) => role != null && role !== 'leader';
