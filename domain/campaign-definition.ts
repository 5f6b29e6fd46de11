import type { ApplicationRules, CampaignSettings, CaseTaskTemplate, Clauses, IntakeRules, Named, Programme, RosterRules } from './programmes/index.js';
import type { DefinedRules } from './programmes/defined.js';
import { definedCalendar } from './programmes/defined.js';
import { parseDuration } from './duration.js';
import { toCenti } from './scoring.js';
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
  settings: CampaignSettings;
  /** The programme's rules this campaign runs by, copied at launch. */
  rules: CampaignRules;
  /** The campaign this one follows (next year's run of a programme). */
  previousCampaignId?: string;
  /** Defined programmes: the version of the definition this campaign runs (kept while it runs). */
  programmeVersion?: number;
}

export interface CampaignRules {
  enrolmentStage: string;
  tracks: Named[];
  scoringStage: string;
  dimensions: Named[];
  seriousViolations: Named[];
  revocationGrounds: Named[];
  clauses: Clauses;
  /** When the red and black lists may be published (absent in campaigns launched before it was data). */
  rosters?: RosterRules;
  /** Application programmes (Zhoushan): the steps, rubric, veto items and clauses. */
  application?: ApplicationRules;
  /** Register programmes (Lijiang): the window, registers, roles and clauses. */
  intake?: IntakeRules;
  /** Programmes defined as data (issue #8 Part B): the spec's stages, forms, rubric and roster, at its version. */
  defined?: DefinedRules;
}

/** What a coordinator may change before launch: any setting; null clears the list's threshold or quota. */
export type SettingsInput = Partial<Omit<CampaignSettings, 'listThreshold' | 'listQuota'>> & {
  listThreshold?: number | null;
  listQuota?: number | null;
};

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
  input: { year: number; jurisdictionId: string; name?: string; reminderLeadHours?: number; stages?: StageOverride[]; settings?: SettingsInput; previousCampaignId?: string },
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
  const definedDates = programme.defined ? definedCalendar(programme.defined, input.year) : undefined;
  const stages: StageDefinition[] = programme.stages.map((s, seq) => {
    const o = overrides.get(s.key);
    const idx = (input.stages ?? []).findIndex((x) => x.key === s.key);
    const startText = o?.startsAt ?? definedDates?.[seq]?.start ?? calendarDate(input.year, s.defaultStart);
    const dueText = o?.dueAt ?? definedDates?.[seq]?.due ?? calendarDate(input.year + (s.dueYearOffset ?? 0), s.defaultDue);
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

  const settings = checkSettings(programme, input.settings ?? {}, problems);

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
      settings,
      rules: {
        enrolmentStage: programme.enrolmentStage,
        tracks: programme.tracks,
        scoringStage: programme.scoring.stageKey,
        dimensions: programme.scoring.groups.flatMap((g) => g.dimensions),
        seriousViolations: programme.seriousViolations,
        revocationGrounds: programme.revocationGrounds,
        clauses: programme.clauses,
        ...(programme.rosters ? { rosters: programme.rosters } : {}),
        ...(programme.application ? { application: programme.application } : {}),
        ...(programme.intake ? { intake: programme.intake } : {}),
        ...(programme.defined ? { defined: programme.defined } : {}),
      },
      ...(input.previousCampaignId ? { previousCampaignId: input.previousCampaignId } : {}),
      ...(programme.defined ? { programmeVersion: programme.defined.version } : {}),
    },
  };
}

/**
 * The campaign's settings: programme defaults overridden by the coordinator, checked against the
 * programme's rubric. Weights are whole percentages per track; each group of dimensions must add up to
 * its share (changxing 三、评定管理: 考核分 70 %, 三项评议 30 %).
 */
function checkSettings(programme: Programme, input: SettingsInput, problems: DefinitionProblem[]): CampaignSettings {
  const d = programme.defaults.settings;
  const settings: CampaignSettings = {
    weights: Object.fromEntries(programme.tracks.map((t) => [t.key, { ...d.weights[t.key], ...(input.weights?.[t.key] ?? {}) }])),
    awardThreshold: input.awardThreshold ?? d.awardThreshold,
    titleValidity: input.titleValidity ?? d.titleValidity,
    publicityDays: input.publicityDays ?? d.publicityDays,
    maxRectificationRounds: input.maxRectificationRounds ?? d.maxRectificationRounds,
    verificationDays: input.verificationDays ?? d.verificationDays,
  };
  if (programme.application) checkApplicationSettings(programme.application, d, input, settings, problems);
  if (programme.intake) checkIntakeSettings(d, input, settings, problems);
  if (programme.defined) checkDefinedSettings(d, input, settings, problems);
  const trackKeys = programme.tracks.map((t) => t.key);
  const dimensionKeys = programme.scoring.groups.flatMap((g) => g.dimensions.map((x) => x.key));
  for (const [track, weights] of Object.entries(input.weights ?? {})) {
    if (!trackKeys.includes(track)) {
      problems.push({ path: `settings.weights.${track}`, messageZh: `未知赛道「${track}」`, messageEn: `unknown track "${track}" (known: ${trackKeys.join(', ')})` });
      continue;
    }
    for (const dim of Object.keys(weights))
      if (!dimensionKeys.includes(dim)) problems.push({ path: `settings.weights.${track}.${dim}`, messageZh: `未知评价维度「${dim}」`, messageEn: `unknown dimension "${dim}" (known: ${dimensionKeys.join(', ')})` });
  }
  for (const t of programme.tracks) {
    const w = settings.weights[t.key]!;
    for (const dim of dimensionKeys) {
      const v = w[dim];
      if (!(Number.isInteger(v) && v! >= 0 && v! <= 100))
        problems.push({ path: `settings.weights.${t.key}.${dim}`, messageZh: `「${t.name}」的权重 ${dim} 须为 0–100 的整数`, messageEn: `weight ${t.key}.${dim} must be a whole number 0..100` });
    }
    for (const g of programme.scoring.groups) {
      const sum = g.dimensions.reduce((n, x) => n + (w[x.key] ?? 0), 0);
      if (sum !== g.share)
        problems.push({
          path: `settings.weights.${t.key}`,
          messageZh: `「${t.name}」的${g.name}（${g.dimensions.map((x) => x.name).join('＋')}）权重合计须为 ${g.share}，现为 ${sum}`,
          messageEn: `${t.key}: ${g.dimensions.map((x) => x.key).join(' + ')} must add up to ${g.share}, not ${sum}`,
        });
    }
  }
  if (toCenti(settings.awardThreshold) === undefined || settings.awardThreshold <= 0)
    problems.push({ path: 'settings.awardThreshold', messageZh: '授予称号分数线须在 0–100 之间，最多两位小数', messageEn: 'awardThreshold must be above 0 and at most 100, with at most two decimals' });
  if (!parseDuration(settings.titleValidity))
    problems.push({ path: 'settings.titleValidity', messageZh: `称号有效期「${settings.titleValidity}」无效（ISO 8601，如 P1Y）`, messageEn: `titleValidity "${settings.titleValidity}" is not an ISO 8601 duration such as P1Y` });
  if (!(Number.isInteger(settings.publicityDays) && settings.publicityDays >= 1 && settings.publicityDays <= 60))
    problems.push({ path: 'settings.publicityDays', messageZh: '公示天数须为 1–60 的整数', messageEn: 'publicityDays must be a whole number 1..60' });
  if (!(Number.isInteger(settings.maxRectificationRounds) && settings.maxRectificationRounds >= 1 && settings.maxRectificationRounds <= 5))
    problems.push({ path: 'settings.maxRectificationRounds', messageZh: '整改复查轮次须为 1–5', messageEn: 'maxRectificationRounds must be 1..5' });
  if (!(Number.isInteger(settings.verificationDays) && settings.verificationDays >= 1 && settings.verificationDays <= 60))
    problems.push({ path: 'settings.verificationDays', messageZh: '复查期限天数须为 1–60 的整数', messageEn: 'verificationDays must be a whole number 1..60' });
  return settings;
}

/**
 * An application programme's settings: points per criterion of the 培育准则 (whole numbers adding up to
 * 100), the county's pre-review days, and how the list is chosen (择优: a threshold, a quota, or both).
 */
function checkApplicationSettings(rules: ApplicationRules, d: CampaignSettings, input: SettingsInput, settings: CampaignSettings, problems: DefinitionProblem[]) {
  const criteria = rules.rubric.flatMap((g) => g.criteria.map((x) => x.key));
  for (const k of Object.keys(input.criterionPoints ?? {}))
    if (!criteria.includes(k)) problems.push({ path: `settings.criterionPoints.${k}`, messageZh: `未知评审项「${k}」`, messageEn: `unknown criterion "${k}" (known: ${criteria.join(', ')})` });
  settings.criterionPoints = { ...d.criterionPoints, ...input.criterionPoints };
  for (const k of criteria) {
    const v = settings.criterionPoints[k];
    if (!(Number.isInteger(v) && v! >= 0 && v! <= 100)) problems.push({ path: `settings.criterionPoints.${k}`, messageZh: `评审项 ${k} 的分值须为 0–100 的整数`, messageEn: `points for ${k} must be a whole number 0..100` });
  }
  const sum = criteria.reduce((n, k) => n + (settings.criterionPoints![k] ?? 0), 0);
  if (sum !== 100) problems.push({ path: 'settings.criterionPoints', messageZh: `十二项评审分值合计须为 100，现为 ${sum}`, messageEn: `criterion points must add up to 100, not ${sum}` });
  settings.preReviewPeriod = input.preReviewPeriod ?? d.preReviewPeriod;
  if (!parseDuration(settings.preReviewPeriod ?? ''))
    problems.push({ path: 'settings.preReviewPeriod', messageZh: `属地初审期限「${settings.preReviewPeriod}」无效（ISO 8601，如 P10D）`, messageEn: `preReviewPeriod "${settings.preReviewPeriod}" is not an ISO 8601 duration such as P10D` });
  const threshold = input.listThreshold === null ? undefined : (input.listThreshold ?? d.listThreshold);
  const quota = input.listQuota === null ? undefined : (input.listQuota ?? d.listQuota);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 100)) problems.push({ path: 'settings.listThreshold', messageZh: '入库分数线须在 0–100 之间', messageEn: 'listThreshold must be 0..100' });
  if (quota !== undefined && !(Number.isInteger(quota) && quota >= 1)) problems.push({ path: 'settings.listQuota', messageZh: '入库名额须为正整数', messageEn: 'listQuota must be a whole number ≥ 1' });
  if (threshold === undefined && quota === undefined) problems.push({ path: 'settings.listThreshold', messageZh: '须设定入库分数线或名额（或两者）', messageEn: 'set a list threshold, a quota, or both' });
  delete settings.listThreshold;
  delete settings.listQuota;
  if (threshold !== undefined) settings.listThreshold = threshold;
  if (quota !== undefined) settings.listQuota = quota;
}

/**
 * A register programme's settings (Lijiang 四、服务质量考核管理办法): the scoring period, how the score is
 * made of the platform rating, complaints and regulator findings (points adding up to 100), and when an
 * entry is proposed for removal.
 */
function checkIntakeSettings(d: CampaignSettings, input: SettingsInput, settings: CampaignSettings, problems: DefinitionProblem[]) {
  const period = input.scoringPeriod ?? d.scoringPeriod ?? 'P1M';
  const p = parseDuration(period);
  if (!p || (p.years + p.months + p.days === 0 && p.ms < 3600_000))
    problems.push({ path: 'settings.scoringPeriod', messageZh: `动态评分周期「${period}」无效（ISO 8601，至少 1 小时，如 P1M）`, messageEn: `scoringPeriod "${period}" must be an ISO 8601 duration of at least an hour, such as P1M` });
  const w = { ...d.scoreWeights!, ...input.scoreWeights };
  const parts = [w.rating, w.complaints, w.findings];
  if (!parts.every((x) => Number.isInteger(x) && x >= 0 && x <= 100) || parts.reduce((a, b) => a + b, 0) !== 100)
    problems.push({ path: 'settings.scoreWeights', messageZh: `平台评分、投诉率、监管发现三项分值须为整数且合计 100，现为 ${parts.join('+')}`, messageEn: `rating + complaints + findings must be whole numbers adding up to 100, not ${parts.join(' + ')}` });
  const limit = input.complaintRateLimit ?? d.complaintRateLimit ?? 5;
  if (!(limit > 0 && limit <= 100)) problems.push({ path: 'settings.complaintRateLimit', messageZh: '投诉率上限须在 0–100（%）之间', messageEn: 'complaintRateLimit must be above 0 and at most 100 (%)' });
  const margin = input.belowAverageMargin ?? d.belowAverageMargin ?? 10;
  if (!(margin >= 0 && margin <= 100)) problems.push({ path: 'settings.belowAverageMargin', messageZh: '低于平均分的幅度须在 0–100 之间', messageEn: 'belowAverageMargin must be 0..100' });
  const followers = input.priorityFollowers ?? d.priorityFollowers ?? 10_000;
  if (!(Number.isInteger(followers) && followers >= 0)) problems.push({ path: 'settings.priorityFollowers', messageZh: '优先入库粉丝量须为非负整数', messageEn: 'priorityFollowers must be a whole number ≥ 0' });
  const filing = input.filingPeriod ?? d.filingPeriod ?? 'P15D';
  if (!parseDuration(filing)) problems.push({ path: 'settings.filingPeriod', messageZh: `备案期限「${filing}」无效（ISO 8601，如 P15D）`, messageEn: `filingPeriod "${filing}" is not an ISO 8601 duration such as P15D` });
  Object.assign(settings, { scoringPeriod: period, scoreWeights: w, complaintRateLimit: limit, belowAverageMargin: margin, priorityFollowers: followers, filingPeriod: filing });
}

/** A defined programme's roster defaults (threshold and/or quota), which the coordinator may change at launch. */
function checkDefinedSettings(d: CampaignSettings, input: SettingsInput, settings: CampaignSettings, problems: DefinitionProblem[]) {
  const threshold = input.listThreshold === null ? undefined : (input.listThreshold ?? d.listThreshold);
  const quota = input.listQuota === null ? undefined : (input.listQuota ?? d.listQuota);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 100)) problems.push({ path: 'settings.listThreshold', messageZh: '名单分数线须在 0–100 之间', messageEn: 'listThreshold must be 0..100' });
  if (quota !== undefined && !(Number.isInteger(quota) && quota >= 1)) problems.push({ path: 'settings.listQuota', messageZh: '名单名额须为正整数', messageEn: 'listQuota must be a whole number ≥ 1' });
  if (threshold === undefined && quota === undefined) problems.push({ path: 'settings.listThreshold', messageZh: '须设定名单分数线或名额（或两者）', messageEn: 'set a roster threshold, a quota, or both' });
  if (threshold !== undefined) settings.listThreshold = threshold;
  if (quota !== undefined) settings.listQuota = quota;
}
