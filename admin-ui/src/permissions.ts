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

/** 用户管理: coordinators and leaders look their subtree's users up; admins manage them. */
export const canSeeUsers = (role?: Role) => role === 'admin' || role === 'coordinator' || role === 'leader';

/** Creating, editing, disabling users, resetting their passwords, importing them (api/resources/users.ts). */
export const canManageUsers = (role?: Role) => role === 'admin';

/** 组织机构: adding and renaming jurisdictions under one's own, importing a tree. */
export const canManageOrganisation = (role?: Role) => role === 'admin';

/**
 * Only the role a task is assigned to may claim or complete it (leaders are never assignees); an operator's
 * task also by a county officer or coordinator acting for the operator (代经营主体办理, api/resources/tasks.ts).
 */
export const canWorkTask = (role: Role | undefined, task: Pick<Task, 'assigneeRole'>) =>
  role != null && (role === task.assigneeRole || (task.assigneeRole === 'operator' && (role === 'county_officer' || role === 'coordinator')));

/** 调查摸底: county officers and coordinators keep the operator register of their own jurisdiction. */
export const canKeepRegister = (role?: Role) => role === 'county_officer' || role === 'coordinator';

/** 组织申报: the county officer (or a coordinator) files an application on the operator's behalf. */
export const canFileApplications = (role?: Role) => role === 'county_officer' || role === 'coordinator';

/**
 * The city's decisions on the cultivation list: confirming it, nominating to the province, the
 * province's answer, removal (the API further limits them to the campaign's own coordinators).
 */
export const canDecideListings = (role?: Role) => role === 'coordinator';

/** 日常监测: a finding on a listed room (county officers and coordinators in scope). */
export const canRecordFindings = (role?: Role) => role === 'county_officer' || role === 'coordinator';

// Lijiang registers (丽江产品库 / 达人库).
/** The registers are read by the centre, the office, county officers and leaders. */
export const canSeeRegisters = (role?: Role) => role === 'coordinator' || role === 'auditor' || role === 'county_officer' || role === 'leader';

/** 申报: the centre, the office, or a county officer (for operators of their county). */
export const canFileIntake = (role?: Role) => role === 'coordinator' || role === 'auditor' || role === 'county_officer';

/** 动态评分 figures (platform rating, complaints, findings) of an admitted entry. */
export const canRecordRegisterMetrics = (role?: Role) => role === 'coordinator' || role === 'auditor' || role === 'county_officer';

/** 分批次审核: opening a batch (the office and the centre of the campaign's jurisdiction). */
export const canOpenIntakeBatches = (role?: Role) => role === 'coordinator' || role === 'auditor';

/** The dynamic scoring period is the centre's setting. */
export const canSetScoringPeriod = (role?: Role) => role === 'coordinator';

/** Running a scoring period now. */
export const canRunScoring = (role?: Role) => role === 'coordinator' || role === 'auditor';

// Programmes defined as data.
/** Defining and revising programmes (built-ins stay read-only). */
export const canEditProgrammes = (role?: Role) => role === 'coordinator' || role === 'admin';
