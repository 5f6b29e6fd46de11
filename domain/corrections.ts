// Which completed decisions a coordinator may correct (DOMAIN.md "Correction"; README "Corrections"), by
// task type: the owning workflow takes the correction as an Update (workflows/case.ts, application.ts,
// intake.ts, register-entry.ts). Shared by the workflow bundle, the API and the console.
export const CORRECTABLE_TASK_TYPES = ['score', 'self_check_review', 'inspection', 'pre_review', 'city_audit', 'intake_review', 'filing'] as const;

export const isCorrectable = (type: string): boolean => (CORRECTABLE_TASK_TYPES as readonly string[]).includes(type);
