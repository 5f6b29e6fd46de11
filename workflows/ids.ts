// Every workflow id the system builds, in one place: the API, the activities and the workflows address
// the same executions by them, and Temporal's id uniqueness is what keeps each one single (one campaign
// per programme, jurisdiction and year; one case per operator and campaign; one title per case).
// Pure functions: imported by workflows, activities and the API alike.
export const campaignWorkflowId = (campaignId: string) => `campaign-${campaignId}`;
export const caseWorkflowId = (caseId: string) => `case-${caseId}`;
/** A launch batch of a campaign's cases (workflows/case-batch.ts), numbered from 1. */
export const caseBatchWorkflowId = (campaignId: string, batch: number) => `case-batch-${campaignId}-${batch}`;
/** A granted title's year (Changxing 三、评定管理), one per case. */
export const titleWorkflowId = (caseId: string) => `title-${caseId}`;
/** A listed room's life on the cultivation list (Zhoushan 七、（三）), one per case. */
export const listingWorkflowId = (caseId: string) => `listing-${caseId}`;
/** An admitted register entry (Lijiang 附件1 第15–16条). */
export const registerEntryWorkflowId = (entryId: string) => `register-entry-${entryId}`;
/** A register campaign's periodic scoring (Lijiang 附件1 第15条). */
export const registerScoringWorkflowId = (campaignId: string) => `register-scoring-${campaignId}`;
export const webhookWorkflowId = (deliveryId: string) => `webhook-${deliveryId}`;
/** A third party's score file delivered to the cases (workflows/score-import.ts), one per import. */
export const scoreImportWorkflowId = (importId: string) => `score-import-${importId}`;
/** The delivery of a campaign's 双随机 draw to its cases (workflows/inspection-draw.ts): one per campaign. */
export const inspectionDrawWorkflowId = (campaignId: string) => `inspection-draw-${campaignId}`;
/** A staged award's red and black lists on their schedule (workflows/roster-schedule.ts), one per campaign. */
export const rosterScheduleWorkflowId = (campaignId: string) => `roster-schedule-${campaignId}`;
/** An operator's new listing on a credit list and the proposals it raises (workflows/credit-listing.ts). */
export const creditListingWorkflowId = (listingId: string) => `credit-listing-${listingId}`;
