// The staged-award kind (Changxing 放心电商): operators are enrolled, every case goes through the stages'
// casework (self-check, inspection, rectification), five evaluation groups score it, the proposed list is
// published (公示) and titles are granted. Everything this kind adds to the engine:
//   rules and settings   here (StagedAwardProgramme in ../types.ts; data in ../changxing.ts)
//   workflow parts       workflows/case.ts (CaseWorkflow), workflows/kinds/staged-award.ts (公示, objections,
//                        final award → workflows/title.ts TitleWorkflow)
//   API                  api/resources/award.ts, api/resources/enrolment.ts, api/resources/evaluation-groups.ts
//   console              admin-ui/src/campaigns/AwardTab.tsx, EnrolmentTab.tsx, EvaluationGroupsTab.tsx,
//                        settings/StagedAwardSettings.tsx
import { z } from 'zod';
import { lazy } from '../../lazy.js';
import { parseDuration } from '../../duration.js';
import { toCenti } from '../../scoring.js';
import { shanghaiDateTime } from '../../time.js';
import { ROSTER_PERIODS } from '../../roster-schedule.js';
import type { DefinitionProblem } from '../../campaign-definition.js';
import type { ScoreThreshold } from '../../score-threshold.js';
import type { Named, RosterRules, StagedAwardClauses, StagedAwardProgramme, StagedAwardSettings } from '../types.js';

/** What a staged-award campaign runs by, copied at launch. */
export interface StagedAwardRules {
  kind: 'staged_award';
  enrolmentStage: string;
  clauses: StagedAwardClauses;
  tracks: Named[];
  scoringStage: string;
  dimensions: Named[];
  seriousViolations: Named[];
  revocationGrounds: Named[];
  rosters?: RosterRules;
}

export const rulesOf = (p: StagedAwardProgramme): StagedAwardRules => ({
  kind: 'staged_award',
  enrolmentStage: p.enrolmentStage,
  clauses: p.clauses,
  tracks: p.tracks,
  scoringStage: p.scoring.stageKey,
  dimensions: p.scoring.groups.flatMap((g) => g.dimensions),
  seriousViolations: p.seriousViolations,
  revocationGrounds: p.revocationGrounds,
  ...(p.rosters ? { rosters: p.rosters } : {}),
});

/** What a coordinator may change before launch (the launch body's `settings`, the OpenAPI document, the console). */
export const settingsInput = lazy(() =>
  z
    .object({
      weights: z.record(z.string().max(50), z.record(z.string().max(50), z.number())).optional(),
      awardThreshold: z.number().optional(),
      titleValidity: z.string().max(40).optional(),
      publicityDays: z.number().optional(),
      maxRectificationRounds: z.number().optional(),
      verificationDays: z.number().optional(),
      multiDimensionScorers: z.boolean().optional().meta({ description: 'Whether one person may score more than one dimension of a case (default false)' }),
      randomInspection: z.object({ sharePercent: z.number(), avoidOwnStation: z.boolean() }).strict().nullable().optional().meta({
        description:
          '双随机 inspections: the whole percent of cases drawn, and whether an inspector may come from the case’s own station (null: every case inspected)',
      }),
      rosterPeriodMonths: z.number().nullable().optional().meta({
        description: 'Red and black lists published every this many months (1, 2, 3, 4, 6 or 12) from the calendar year’s start; null: on demand only',
      }),
    })
    .strict()
    .meta({
      title: 'StagedAwardSettings',
      description:
        '放心电商 (staged award): weights per track and dimension, award threshold, title validity, 公示 days, rectification rounds, verification days, whether one person may score several dimensions of a case',
    }),
);
export type StagedAwardSettingsInput = z.infer<ReturnType<typeof settingsInput>>;

/** Last year's settings with this year's changes on top (weights merged per track). */
export function carryOver(last: StagedAwardSettings, given: StagedAwardSettingsInput = {}): StagedAwardSettingsInput {
  const weights = Object.fromEntries(Object.keys({ ...last.weights, ...given.weights }).map((t) => [t, { ...last.weights[t], ...given.weights?.[t] }]));
  return { ...last, ...given, weights };
}

/**
 * The campaign's settings: programme defaults overridden by the coordinator, checked against the
 * programme's rubric. Weights are whole percentages per track; each group of dimensions must add up to
 * its share (changxing 三、评定管理: 考核分 70 %, 三项评议 30 %).
 */
export function checkSettings(programme: StagedAwardProgramme, input: StagedAwardSettingsInput, problems: DefinitionProblem[]): StagedAwardSettings {
  const d = programme.defaults.settings;
  const settings: StagedAwardSettings = {
    weights: Object.fromEntries(programme.tracks.map((t) => [t.key, { ...d.weights[t.key], ...(input.weights?.[t.key] ?? {}) }])),
    awardThreshold: input.awardThreshold ?? d.awardThreshold,
    titleValidity: input.titleValidity ?? d.titleValidity,
    publicityDays: input.publicityDays ?? d.publicityDays,
    maxRectificationRounds: input.maxRectificationRounds ?? d.maxRectificationRounds,
    verificationDays: input.verificationDays ?? d.verificationDays,
    multiDimensionScorers: input.multiDimensionScorers ?? d.multiDimensionScorers ?? false,
    randomInspection: input.randomInspection !== undefined ? input.randomInspection : (d.randomInspection ?? null),
    rosterPeriodMonths: input.rosterPeriodMonths !== undefined ? input.rosterPeriodMonths : (d.rosterPeriodMonths ?? null),
  };
  const trackKeys = programme.tracks.map((t) => t.key);
  const dimensionKeys = programme.scoring.groups.flatMap((g) => g.dimensions.map((x) => x.key));
  for (const [track, weights] of Object.entries(input.weights ?? {})) {
    if (!trackKeys.includes(track)) {
      problems.push({
        path: `settings.weights.${track}`,
        messageZh: `未知赛道「${track}」`,
        messageEn: `unknown track "${track}" (known: ${trackKeys.join(', ')})`,
      });
      continue;
    }
    for (const dim of Object.keys(weights))
      if (!dimensionKeys.includes(dim))
        problems.push({
          path: `settings.weights.${track}.${dim}`,
          messageZh: `未知评价维度「${dim}」`,
          messageEn: `unknown dimension "${dim}" (known: ${dimensionKeys.join(', ')})`,
        });
  }
  for (const t of programme.tracks) {
    const w = settings.weights[t.key]!;
    for (const dim of dimensionKeys) {
      const v = w[dim];
      if (!(Number.isInteger(v) && v! >= 0 && v! <= 100))
        problems.push({
          path: `settings.weights.${t.key}.${dim}`,
          messageZh: `「${t.name}」的权重 ${dim} 须为 0–100 的整数`,
          messageEn: `weight ${t.key}.${dim} must be a whole number 0..100`,
        });
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
    problems.push({
      path: 'settings.awardThreshold',
      messageZh: '授予称号分数线须在 0–100 之间，最多两位小数',
      messageEn: 'awardThreshold must be above 0 and at most 100, with at most two decimals',
    });
  if (!parseDuration(settings.titleValidity))
    problems.push({
      path: 'settings.titleValidity',
      messageZh: `称号有效期「${settings.titleValidity}」无效（ISO 8601，如 P1Y）`,
      messageEn: `titleValidity "${settings.titleValidity}" is not an ISO 8601 duration such as P1Y`,
    });
  if (!(Number.isInteger(settings.publicityDays) && settings.publicityDays >= 1 && settings.publicityDays <= 60))
    problems.push({ path: 'settings.publicityDays', messageZh: '公示天数须为 1–60 的整数', messageEn: 'publicityDays must be a whole number 1..60' });
  if (!(Number.isInteger(settings.maxRectificationRounds) && settings.maxRectificationRounds >= 1 && settings.maxRectificationRounds <= 5))
    problems.push({ path: 'settings.maxRectificationRounds', messageZh: '整改复查轮次须为 1–5', messageEn: 'maxRectificationRounds must be 1..5' });
  if (!(Number.isInteger(settings.verificationDays) && settings.verificationDays >= 1 && settings.verificationDays <= 60))
    problems.push({ path: 'settings.verificationDays', messageZh: '复查期限天数须为 1–60 的整数', messageEn: 'verificationDays must be a whole number 1..60' });
  if (settings.rosterPeriodMonths != null && !(ROSTER_PERIODS as readonly number[]).includes(settings.rosterPeriodMonths))
    problems.push({
      path: 'settings.rosterPeriodMonths',
      messageZh: `红黑榜定期发布周期须为 ${ROSTER_PERIODS.join('、')} 个月之一`,
      messageEn: `rosterPeriodMonths must be one of ${ROSTER_PERIODS.join(', ')}`,
    });
  const share = settings.randomInspection?.sharePercent;
  if (share !== undefined && !(Number.isInteger(share) && share >= 1 && share <= 100))
    problems.push({
      path: 'settings.randomInspection.sharePercent',
      messageZh: '抽查比例须为 1–100 的整数（%）',
      messageEn: 'sharePercent must be a whole number 1..100',
    });
  return settings;
}

/** The score a case must reach: the award threshold (三、评定管理 85 分以上). */
export const scoreThreshold = (s: StagedAwardSettings): ScoreThreshold | null => ({ kind: 'award', value: s.awardThreshold });

/**
 * Why a 公示 cannot run until `windowEndsAt` (changxing 四、（四）评价公示), if it cannot: it ends in the future
 * and before the campaign's last deadline, by which the award is final. The campaign workflow decides; the
 * API asks first where a refusal must come before anything else changes (a score's correction).
 */
export function publicityWindowRefusal(windowEndsAt: number, now: number, lastDueAt: number): { zh: string; en: string } | undefined {
  if (!(windowEndsAt > now)) return { zh: '公示截止时间必须在将来', en: 'the publicity window must end in the future' };
  if (windowEndsAt >= lastDueAt)
    return {
      zh: `公示须在活动结束（${shanghaiDateTime(lastDueAt)}）前截止，请缩短公示天数`,
      en: `the 公示 must end before the campaign’s last deadline (${shanghaiDateTime(lastDueAt)}, UTC+8): give fewer days`,
    };
  return undefined;
}
