// The workflow bundle's entry point: the worker loads every workflow exported here.
export { CampaignWorkflow } from './campaign.js';
export { CaseWorkflow } from './case.js';
export { TitleWorkflow } from './title.js';
export { ApplicationWorkflow } from './application.js';
export { CultivationWorkflow } from './cultivation.js';
export { WebhookDeliveryWorkflow } from './webhook.js';
export { DefinedCaseWorkflow } from './defined-case.js';
export { IntakeWorkflow } from './intake.js';
export { RegisterEntryWorkflow } from './register-entry.js';
export { RegisterScoringWorkflow } from './register-scoring.js';
export { CaseBatchWorkflow } from './case-batch.js';
export { HousekeepingWorkflow } from './housekeeping.js';
export { ArrivalShardWorkflow } from './arrival-shard.js';
export { ScoreImportWorkflow } from './score-import.js';
export { InspectionDrawWorkflow } from './inspection-draw.js';
export { RosterScheduleWorkflow } from './roster-schedule.js';
export { CreditListingWorkflow } from './credit-listing.js';
