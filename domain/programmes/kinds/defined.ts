// The defined kind: a programme a coordinator defines as data (DOMAIN.md Programme D), validated and
// versioned in ../defined.ts. Everything this kind adds to the engine:
//   rules and settings   here and ../defined.ts (the spec, its checks, programmeFromSpec)
//   workflow parts       workflows/defined-case.ts (DefinedCaseWorkflow), workflows/kinds/lists.ts (roster)
//   API                  api/resources/programmes.ts (define, revise), the roster route in api/resources/campaigns.ts
//   console              admin-ui/src/programmes/, settings/DefinedSettings.tsx
import { z } from 'zod';
import { lazy } from '../../lazy.js';
import type { DefinitionProblem } from '../../campaign-definition.js';
import type { ScoreThreshold } from '../../score-threshold.js';
import type { DefinedRules } from '../defined.js';
import type { BaseClauses, DefinedProgramme, DefinedSettings } from '../types.js';
import { checkList, listInput, type ListInput } from './list.js';

/** What a defined programme's campaign runs by, copied at launch (the spec at its version). */
export interface DefinedCampaignRules {
  kind: 'defined';
  enrolmentStage: string;
  clauses: BaseClauses;
  defined: DefinedRules;
}

export const rulesOf = (p: DefinedProgramme): DefinedCampaignRules => ({
  kind: 'defined',
  enrolmentStage: p.enrolmentStage,
  clauses: p.clauses,
  defined: p.defined,
});

export const settingsInput = lazy(() =>
  z.object(listInput).strict().meta({ title: 'DefinedSettings', description: 'a defined programme: the roster threshold and quota' }),
);
export type DefinedSettingsInput = z.infer<ReturnType<typeof settingsInput>>;

export const carryOver = (last: DefinedSettings, given: DefinedSettingsInput = {}): DefinedSettingsInput => ({ ...last, ...given });

/** The roster's threshold and/or quota (the programme's defaults, which the coordinator may change at launch). */
export const checkSettings = (programme: DefinedProgramme, input: DefinedSettingsInput, problems: DefinitionProblem[]): DefinedSettings =>
  checkList(programme.defaults.settings, input as ListInput, problems, ['名单', 'roster']);

export const scoreThreshold = (s: DefinedSettings): ScoreThreshold | null =>
  s.listThreshold === undefined ? null : { kind: 'roster', value: s.listThreshold };
