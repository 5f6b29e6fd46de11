// Select choices whose names are translation keys (react-admin translates them).
const choices = (prefix: string, ids: string[]) => ids.map((id) => ({ id, name: `${prefix}.${id}` }));

export const taskStatusChoices = choices('app.task.status', ['open', 'done']);
/** Every task type the workflows open (each has a form in tasks/ and a label under app.task.type). */
export const TASK_TYPES = [
  'self_check',
  'self_check_review',
  'inspection',
  'verification',
  'score',
  'interview',
  'escalation',
  'pre_review',
  'resubmission',
  'city_audit',
  'intake_review',
  'filing',
  'removal_review',
  'rubric',
  'listing_evaluation',
  'listing_removal_review',
  'credit_proposal',
];
export const taskTypeChoices = choices('app.task.type', TASK_TYPES);
export const campaignStatusChoices = choices('app.campaign.status', ['running', 'completed']);
export const stageStatusChoices = choices('app.stage.status', ['pending', 'open', 'closed']);
export const caseStatusChoices = choices('app.case.status', ['active', 'completed']);
export const operatorKindChoices = choices('app.operator.kind', ['enterprise', 'live_room', 'influencer', 'ecommerce', 'live_base', 'mcn', 'streamer']);
export const platformChoices = choices('app.operator.platform', ['douyin', 'kuaishou', 'wechat', 'taobao', 'xiaohongshu', 'other']);
export const preReviewDecisionChoices = choices('app.pre_review.decision', ['pass', 'return', 'reject']);
export const listingStatusChoices = choices('app.listing.status', ['listed', 'removed']);
export const nominationChoices = choices('app.listing.nomination', ['none', 'pending', 'accepted', 'declined', 'withdrawn']);
export const trackChoices = choices('app.operator.track', ['live_marketing', 'community_group_buying']);
export const jurisdictionLevelChoices = choices('app.jurisdiction.level', ['province', 'city', 'county', 'station']);
export const roleChoices = choices('app.role', ['coordinator', 'county_officer', 'auditor', 'leader', 'admin']);
export const findingChoices = choices('app.self_check.finding', ['compliant', 'issue']);
export const reviewDecisionChoices = choices('app.review.decision', ['accepted', 'returned']);
export const inspectionMethodChoices = choices('app.inspection.method', ['inspection', 'sampling', 'supervision']);
export const inspectionFindingChoices = choices('app.inspection.finding', ['ok', 'minor', 'serious']);
export const measureChoices = choices('app.measure', ['interview', 'guidance']);
export const verificationOutcomeChoices = choices('app.verification.outcome', ['passed', 'failed']);
export const rosterKindChoices = choices('app.roster.kind', ['publicity', 'award', 'red', 'black']);
export const titleStatusChoices = choices('app.titles.status', ['active', 'revoked', 'expired']);
export const objectionStatusChoices = choices('app.objection.status', ['open', 'upheld', 'dismissed']);
export const objectionDecisionChoices = choices('app.objection.decision', ['upheld', 'dismissed']);
export const complaintKindChoices = choices('app.complaint.kind', ['complaint', 'public_opinion']);
export const excludedKindChoices = choices('app.case.excluded', ['filed', 'rectification_failed', 'objection_upheld', 'rejected', 'vetoed']);

// Chip colours of the status values.
export const taskStatusColors = { open: 'primary', done: 'success' } as const;
export const campaignStatusColors = { running: 'primary', completed: 'success' } as const;
export const stageStatusColors = { pending: 'default', open: 'primary', closed: 'success' } as const;
export const caseStatusColors = { active: 'primary', completed: 'success' } as const;
export const titleStatusColors = { active: 'success', revoked: 'error', expired: 'default' } as const;
export const objectionStatusColors = { open: 'warning', upheld: 'error', dismissed: 'success' } as const;
export const rosterKindColors = {
  publicity: 'info',
  award: 'success',
  red: 'error',
  black: 'default',
  cultivation: 'success',
  list: 'success',
} as const;
export const listingStatusColors = { listed: 'success', removed: 'error' } as const;
export const nominationColors = {
  none: 'default',
  pending: 'warning',
  accepted: 'success',
  declined: 'default',
  withdrawn: 'default',
} as const;
export const inspectionFindingColors = { ok: 'success', minor: 'warning', serious: 'error' } as const;

// Lijiang registers (丽江产品库 / 达人库).
export const REGISTER_STATUSES = ['queued', 'in_review', 'admitted', 'refused', 'filed', 'removed'] as const;
export const registerStatusChoices = choices('app.register.status', [...REGISTER_STATUSES]);
export const registerStatusColors = {
  queued: 'default',
  in_review: 'info',
  admitted: 'primary',
  refused: 'error',
  filed: 'success',
  removed: 'warning',
} as const;
export const registerChoices = choices('app.register.register', ['product', 'influencer']);
export const productCategoryChoices = choices('app.register.category', [
  'primary_agricultural',
  'prepackaged',
  'green_organic',
  'time_honoured',
  'cultural_tourism',
]);
export const livePlatformChoices = choices('app.register.platform', ['douyin', 'kuaishou', 'wechat']);
export const influencerPlatformChoices = choices('app.register.platform', ['douyin', 'kuaishou', 'weibo', 'wechat_official', 'wechat_channels', 'xiaohongshu']);
export const encouragedCategoryChoices = choices('app.register.encouraged', [
  'tourism_worker',
  'new_farmer',
  'rural_entrepreneur',
  'expert',
  'ethnic_culture',
  'head_agency',
]);
export const batchStatusChoices = choices('app.batch.status', ['open', 'closed']);
export const batchStatusColors = { open: 'primary', closed: 'success' } as const;
export const intakeReviewDecisionChoices = choices('app.intake_review.decision', ['admitted', 'refused']);
export const removalDecisionChoices = choices('app.removal_review.decision', ['remove', 'keep']);

// Programmes defined as data.
export const programmeRoleChoices = choices('app.role', ['county_officer', 'auditor', 'coordinator']);
export const formFieldTypeChoices = choices('app.programme.field_type', ['text', 'number', 'boolean', 'date', 'choice']);
