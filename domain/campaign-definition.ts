import type { CaseTaskTemplate, Programme, ProgrammeKind, SettingsOf } from './programmes/index.js';
import { definedCalendar } from './programmes/defined.js';
import { campaignRulesOf, kindOfRules, parseSettings, type RulesOf, type SettingsInput } from './programmes/kinds/index.js';
import type { StagePin } from './calendar.js';
import { calendarDate, parseDeadline, parseStageStart } from './time.js';

export type { CampaignRules, RulesOf, SettingsInput } from './programmes/kinds/index.js';

/** A stage of one campaign with absolute instants (ms since epoch). */
export interface StageDefinition {
  key: string;
  seq: number;
  name: string;
  nameEn: string;
  startsAt: number;
  dueAt: number;
  caseTasks: CaseTaskTemplate[];
  /** Copied from the programme's stage at launch: dates a notice fixes (domain/calendar.ts). */
  pinned?: StagePin;
}

interface DefinitionBase {
  campaignId: string;
  programme: string;
  name: string;
  year: number;
  jurisdictionId: string;
  reminderLeadMs: number;
  stages: StageDefinition[];
  /** The campaign this one follows (next year's run of a programme). */
  previousCampaignId?: string;
  /** Defined programmes: the version of the definition this campaign runs (kept while it runs). */
  programmeVersion?: number;
}

/** A campaign of one kind: its rules and settings are that kind's (domain/programmes/kinds/<kind>.ts). */
export type CampaignDefinitionOf<K extends ProgrammeKind> = DefinitionBase & { kind: K; rules: RulesOf<K>; settings: SettingsOf<K> };

/** Everything a CampaignWorkflow needs, fixed at launch: a running campaign never re-reads the programme. */
export type CampaignDefinition = { [K in ProgrammeKind]: CampaignDefinitionOf<K> }[ProgrammeKind];

/**
 * A stored definition with its kind made explicit. Definitions written before kinds were explicit (in the
 * database and in running workflows' histories) carry no `kind`: it is told by the rules they carry.
 * Pure, so workflows may call it on their input.
 */
export function withKind<T extends { rules: object }>(def: T): T & { kind: ProgrammeKind } {
  const d = def as T & { kind?: ProgrammeKind; rules: { kind?: ProgrammeKind } };
  if (d.kind && d.rules.kind) return d as T & { kind: ProgrammeKind };
  const kind = d.kind ?? kindOfRules(d.rules);
  return { ...def, kind, rules: { ...def.rules, kind } };
}

export interface StageOverride {
  key: string;
  startsAt?: string;
  dueAt?: string;
}

/** A problem found in a definition, in both languages, with the field it concerns. */
export interface DefinitionProblem {
  path: string;
  messageZh: string;
  messageEn: string;
}

export function campaignIdFor(programme: string, jurisdictionId: string, year: number): string {
  return `${programme}-${jurisdictionId}-${year}`;
}

/**
 * Builds a campaign's definition from its programme and the coordinator's calendar, checking the rules
 * every campaign must satisfy: known stages, each stage starting before its deadline, stages in order
 * and not overlapping (a stage opens when the previous one has closed).
 */
export function defineCampaign(
  programme: Programme,
  input: {
    year: number;
    jurisdictionId: string;
    name?: string;
    reminderLeadHours?: number;
    stages?: StageOverride[];
    settings?: SettingsInput;
    previousCampaignId?: string;
  },
): { definition: CampaignDefinition; problems: [] } | { definition?: undefined; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  const overrides = new Map<string, StageOverride>();
  (input.stages ?? []).forEach((o, i) => {
    if (!programme.stages.some((s) => s.key === o.key)) {
      problems.push({ path: `stages.${i}.key`, messageZh: `未知阶段「${o.key}」`, messageEn: `unknown stage "${o.key}"` });
    } else if (overrides.has(o.key)) {
      problems.push({ path: `stages.${i}.key`, messageZh: `阶段「${o.key}」重复`, messageEn: `stage "${o.key}" given twice` });
    } else overrides.set(o.key, o);
  });

  // A defined programme's stages follow each other from its start date for their durations (may cross a year).
  const definedDates = programme.kind === 'defined' ? definedCalendar(programme.defined, input.year) : undefined;
  const stages: StageDefinition[] = programme.stages.map((s, seq) => {
    const o = overrides.get(s.key);
    const idx = (input.stages ?? []).findIndex((x) => x.key === s.key);
    const startText = o?.startsAt ?? definedDates?.[seq]?.start ?? calendarDate(input.year, s.defaultStart);
    const dueText = o?.dueAt ?? definedDates?.[seq]?.due ?? calendarDate(input.year + (s.dueYearOffset ?? 0), s.defaultDue);
    const startsAt = parseStageStart(startText);
    const dueAt = parseDeadline(dueText);
    if (startsAt === undefined)
      problems.push({
        path: `stages.${idx}.startsAt`,
        messageZh: `阶段「${s.name}」开始时间无效：${startText}`,
        messageEn: `stage "${s.key}": invalid start ${startText} (YYYY-MM-DD or ISO 8601 with zone)`,
      });
    if (dueAt === undefined)
      problems.push({
        path: `stages.${idx}.dueAt`,
        messageZh: `阶段「${s.name}」截止时间无效：${dueText}`,
        messageEn: `stage "${s.key}": invalid deadline ${dueText} (YYYY-MM-DD or ISO 8601 with zone)`,
      });
    return {
      key: s.key,
      seq,
      name: s.name,
      nameEn: s.nameEn,
      startsAt: startsAt ?? NaN,
      dueAt: dueAt ?? NaN,
      caseTasks: s.caseTasks,
      ...(s.pinned ? { pinned: s.pinned } : {}),
    };
  });

  if (problems.length === 0) {
    stages.forEach((s, i) => {
      if (s.dueAt <= s.startsAt)
        problems.push({
          path: `stages.${i}`,
          messageZh: `阶段「${s.name}」的截止时间必须晚于开始时间`,
          messageEn: `stage "${s.key}": deadline must be after its start`,
        });
      const prev = stages[i - 1];
      if (prev && s.startsAt <= prev.dueAt)
        problems.push({
          path: `stages.${i}.startsAt`,
          messageZh: `阶段「${s.name}」必须在上一阶段「${prev.name}」截止之后开始`,
          messageEn: `stage "${s.key}" must start after stage "${prev.key}" is due`,
        });
    });
  }
  const leadHours = input.reminderLeadHours ?? programme.defaults.reminderLeadHours;
  if (!(leadHours >= 0 && leadHours <= 24 * 30))
    problems.push({ path: 'reminderLeadHours', messageZh: '提醒提前量须在 0 到 720 小时之间', messageEn: 'reminderLeadHours must be between 0 and 720' });

  const settings = parseSettings(programme, input.settings, problems);

  if (problems.length > 0 || !settings) return { problems };
  return {
    problems: [],
    definition: {
      campaignId: campaignIdFor(programme.id, input.jurisdictionId, input.year),
      programme: programme.id,
      name: input.name ?? `${input.year}年${programme.name}`,
      year: input.year,
      jurisdictionId: input.jurisdictionId,
      reminderLeadMs: Math.round(leadHours * 3600_000),
      stages,
      settings,
      kind: programme.kind,
      rules: campaignRulesOf(programme),
      ...(input.previousCampaignId ? { previousCampaignId: input.previousCampaignId } : {}),
      ...(programme.kind === 'defined' ? { programmeVersion: programme.defined.version } : {}),
      // campaignRulesOf and parseSettings are of the programme's kind: the correlation TypeScript cannot follow.
    } as CampaignDefinition,
  };
}
