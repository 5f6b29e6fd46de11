// Select choices whose names are translation keys (react-admin translates them).
const choices = (prefix: string, ids: string[]) => ids.map(id => ({ id, name: `${prefix}.${id}` }));

export const taskStatusChoices = choices('app.task.status', ['open', 'done']);
export const taskTypeChoices = choices('app.task.type', ['self_check', 'escalation']);
export const campaignStatusChoices = choices('app.campaign.status', ['running', 'completed']);
export const stageStatusChoices = choices('app.stage.status', ['pending', 'open', 'closed']);
export const caseStatusChoices = choices('app.case.status', ['active', 'completed']);
export const operatorKindChoices = choices('app.operator.kind', [
    'enterprise',
    'live_room',
    'influencer',
]);
export const trackChoices = choices('app.operator.track', [
    'live_marketing',
    'community_group_buying',
]);
export const jurisdictionLevelChoices = choices('app.jurisdiction.level', [
    'city',
    'county',
    'station',
]);
export const roleChoices = choices('app.role', [
    'coordinator',
    'county_officer',
    'auditor',
    'leader',
    'admin',
]);
export const findingChoices = choices('app.self_check.finding', ['compliant', 'issue']);

// Chip colours of the status values.
export const taskStatusColors = { open: 'primary', done: 'success' } as const;
export const campaignStatusColors = { running: 'primary', completed: 'success' } as const;
export const stageStatusColors = { pending: 'default', open: 'primary', closed: 'success' } as const;
export const caseStatusColors = { active: 'primary', completed: 'success' } as const;
