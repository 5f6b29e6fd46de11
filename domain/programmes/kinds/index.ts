// The programme kinds, one module each (README "Architecture: programme kinds"). To add a kind, copy the
// smallest module here (defined.ts), add it to KINDS and to PROGRAMME_KINDS in ../types.ts, then follow
// the compile errors: every map `satisfies Record<ProgrammeKind, …>` and every switch ending in
// unknownKind() names a place that must handle it.
import { z } from 'zod';
import { lazy } from '../../lazy.js';
import type { DefinitionProblem } from '../../campaign-definition.js';
import type { ScoreThreshold } from '../../score-threshold.js';
import { PROGRAMME_KINDS, type Named, type Programme, type ProgrammeKind, type ProgrammeOf, type SettingsOf } from '../types.js';
import * as stagedAward from './staged-award.js';
import * as application from './application.js';
import * as register from './register.js';
import * as defined from './defined.js';

export type { StagedAwardRules } from './staged-award.js';
export type { ApplicationCampaignRules } from './application.js';
export type { RegisterRules } from './register.js';
export type { DefinedCampaignRules } from './defined.js';

/** What a campaign runs by, copied from its programme at launch: a running campaign never re-reads it. */
export type CampaignRules = stagedAward.StagedAwardRules | application.ApplicationCampaignRules | register.RegisterRules | defined.DefinedCampaignRules;
export type RulesOf<K extends ProgrammeKind> = Extract<CampaignRules, { kind: K }>;

type Inputs = {
  staged_award: stagedAward.StagedAwardSettingsInput;
  application: application.ApplicationSettingsInput;
  register: register.RegisterSettingsInput;
  defined: defined.DefinedSettingsInput;
};
/** What a coordinator may change before launch, per kind. */
export type SettingsInputOf<K extends ProgrammeKind> = Inputs[K];
export type SettingsInput = Inputs[ProgrammeKind];

interface KindModule<K extends ProgrammeKind> {
  rulesOf(p: ProgrammeOf<K>): RulesOf<K>;
  settingsInput(): z.ZodType<SettingsInputOf<K>>;
  checkSettings(p: ProgrammeOf<K>, input: SettingsInputOf<K>, problems: DefinitionProblem[]): SettingsOf<K>;
  carryOver(last: SettingsOf<K>, given?: SettingsInputOf<K>): SettingsInputOf<K>;
  /** The total a case must reach to be proposed (award, list or roster), or null where there is none. */
  scoreThreshold(s: SettingsOf<K>): ScoreThreshold | null;
}

export const KINDS = {
  staged_award: stagedAward,
  application,
  register,
  defined,
} satisfies { [K in ProgrammeKind]: KindModule<K> };

// The maps are typed per kind; a call on "any kind" goes through this one widening.
const moduleOf = (kind: ProgrammeKind) => KINDS[kind] as unknown as KindModule<ProgrammeKind>;

export const campaignRulesOf = (p: Programme): CampaignRules => moduleOf(p.kind).rulesOf(p as never);

/** Parses a kind's settings input strictly, each problem with its path under `settings`. */
export function parseSettings(p: Programme, input: unknown, problems: DefinitionProblem[]): SettingsOf<ProgrammeKind> | undefined {
  const parsed = moduleOf(p.kind)
    .settingsInput()
    .safeParse(input ?? {});
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const path = ['settings', ...i.path.map(String)].join('.');
      if (i.code === 'unrecognized_keys')
        for (const k of i.keys)
          problems.push({ path: `${path}.${k}`, messageZh: `本项目没有设置项「${k}」`, messageEn: `"${k}" is not a setting of this programme (${p.kind})` });
      else problems.push({ path, messageZh: `设置无效：${i.message}`, messageEn: i.message });
    }
    return undefined;
  }
  return moduleOf(p.kind).checkSettings(p as never, parsed.data, problems);
}

/**
 * Last year's settings as next year's launch takes them (GET …/successor, and a launch with
 * previousCampaignId), with the coordinator's changes on top (each kind merges its own: weights per track…).
 * Only the kind's own settings are carried: definitions stored before kinds were explicit carry every
 * kind's (a Lijiang campaign's `weights`, `awardThreshold`…), which the kind's strict launch refuses. A
 * setting last year went without that null clears (a list chosen by its threshold or its quota alone) is
 * written as null, so the programme's default does not come back next year.
 */
export function carryOverSettings(kind: ProgrammeKind, last: object, given?: SettingsInput): SettingsInput {
  const shape = (moduleOf(kind).settingsInput() as unknown as z.ZodObject).shape;
  const stored = last as Record<string, unknown>;
  const own = Object.fromEntries(
    Object.entries(shape).flatMap(([key, field]) => (stored[key] !== undefined ? [[key, stored[key]]] : field.safeParse(null).success ? [[key, null]] : [])),
  );
  return moduleOf(kind).carryOver(own as never, given as never);
}

export const scoreThresholdOfKind = (kind: ProgrammeKind, settings: SettingsOf<ProgrammeKind>): ScoreThreshold | null =>
  moduleOf(kind).scoreThreshold(settings as never);

/** The launch body's `settings`: any kind's (the OpenAPI document lists each); the programme's own kind is checked strictly at launch. */
export const anySettingsInput = lazy(() =>
  z.union(PROGRAMME_KINDS.map((k) => KINDS[k].settingsInput()) as unknown as [z.ZodType<SettingsInput>, z.ZodType<SettingsInput>]),
);

/** The tracks cases are enrolled in: a staged award's (a defined programme enrols without one; the others by application). */
export const tracksOfRules = (rules: CampaignRules): Named[] => (kindOfRules(rules) === 'staged_award' ? (rules as stagedAward.StagedAwardRules).tracks : []);

/**
 * The kind of rules stored before kinds were explicit (campaigns launched before the re-cut carry every
 * field of every kind, with defaults for the ones they did not use): told by which kind's rules are present.
 */
export function kindOfRules(r: { kind?: ProgrammeKind; application?: unknown; intake?: unknown; defined?: unknown }): ProgrammeKind {
  return r.kind ?? (r.application ? 'application' : r.intake ? 'register' : r.defined ? 'defined' : 'staged_award');
}
