import type { CaseTaskTemplate, Programme } from './programmes/index.js';
import { calendarDate, parseDeadline, parseStageStart } from './time.js';

/** A stage of one campaign with absolute instants (ms since epoch). */
export interface StageDefinition {
  key: string;
  seq: number;
  name: string;
  nameEn: string;
  startsAt: number;
  dueAt: number;
  caseTasks: CaseTaskTemplate[];
}

/** Everything a CampaignWorkflow needs, fixed at launch: a running campaign never re-reads the programme. */
export interface CampaignDefinition {
  campaignId: string;
  programme: string;
  name: string;
  year: number;
  jurisdictionId: string;
  reminderLeadMs: number;
  stages: StageDefinition[];
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
  input: { year: number; jurisdictionId: string; name?: string; reminderLeadHours?: number; stages?: StageOverride[] },
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

  const stages: StageDefinition[] = programme.stages.map((s, seq) => {
    const o = overrides.get(s.key);
    const idx = (input.stages ?? []).findIndex((x) => x.key === s.key);
    const startText = o?.startsAt ?? calendarDate(input.year, s.defaultStart);
    const dueText = o?.dueAt ?? calendarDate(input.year, s.defaultDue);
    const startsAt = parseStageStart(startText);
    const dueAt = parseDeadline(dueText);
    if (startsAt === undefined)
      problems.push({ path: `stages.${idx}.startsAt`, messageZh: `阶段「${s.name}」开始时间无效：${startText}`, messageEn: `stage "${s.key}": invalid start ${startText} (YYYY-MM-DD or ISO 8601 with zone)` });
    if (dueAt === undefined)
      problems.push({ path: `stages.${idx}.dueAt`, messageZh: `阶段「${s.name}」截止时间无效：${dueText}`, messageEn: `stage "${s.key}": invalid deadline ${dueText} (YYYY-MM-DD or ISO 8601 with zone)` });
    return { key: s.key, seq, name: s.name, nameEn: s.nameEn, startsAt: startsAt ?? NaN, dueAt: dueAt ?? NaN, caseTasks: s.caseTasks };
  });

  if (problems.length === 0) {
    stages.forEach((s, i) => {
      if (s.dueAt <= s.startsAt)
        problems.push({ path: `stages.${i}`, messageZh: `阶段「${s.name}」的截止时间必须晚于开始时间`, messageEn: `stage "${s.key}": deadline must be after its start` });
      const prev = stages[i - 1];
      if (prev && s.startsAt <= prev.dueAt)
        problems.push({ path: `stages.${i}.startsAt`, messageZh: `阶段「${s.name}」必须在上一阶段「${prev.name}」截止之后开始`, messageEn: `stage "${s.key}" must start after stage "${prev.key}" is due` });
    });
  }
  const leadHours = input.reminderLeadHours ?? programme.defaults.reminderLeadHours;
  if (!(leadHours >= 0 && leadHours <= 24 * 30))
    problems.push({ path: 'reminderLeadHours', messageZh: '提醒提前量须在 0 到 720 小时之间', messageEn: 'reminderLeadHours must be between 0 and 720' });

  if (problems.length > 0) return { problems };
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
    },
  };
}
