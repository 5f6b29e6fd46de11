import { changxing } from './changxing.js';
import { zhoushan } from './zhoushan.js';
import { lijiang } from './lijiang.js';
import type { Programme } from './types.js';

export type { Programme, ProgrammeStage, CaseTaskTemplate, CampaignSettings, Clauses, Named, ScoringGroup, ApplicationRules, IntakeRules, RosterRules } from './types.js';

export const PROGRAMMES: Record<string, Programme> = { [changxing.id]: changxing, [zhoushan.id]: zhoushan, [lijiang.id]: lijiang };
