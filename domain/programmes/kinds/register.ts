// The register kind (Lijiang 入库): applicants file product and influencer applications while the window
// is open, the office reviews them in batches, the centre files the admitted (备案), admitted entries are
// scored each period and may be removed (清退). Everything this kind adds to the engine:
//   rules and settings   here (RegisterProgramme in ../types.ts; data in ../lijiang.ts)
//   workflow parts       workflows/kinds/register.ts (installIntake: filing, batches, scoring),
//                        workflows/intake.ts, register-entry.ts, register-scoring.ts
//   API                  api/resources/registers.ts, api/resources/register.ts, api/intake-filing.ts
//   console              admin-ui/src/registers/, settings/RegisterSettings.tsx
import { z } from 'zod';
import { lazy } from '../../lazy.js';
import { parseDuration } from '../../duration.js';
import type { DefinitionProblem } from '../../campaign-definition.js';
import type { ScoreThreshold } from '../../score-threshold.js';
import type { BaseClauses, IntakeRules, RegisterProgramme, RegisterSettings } from '../types.js';

/** What a register campaign runs by, copied at launch. */
export interface RegisterRules {
  kind: 'register';
  enrolmentStage: string;
  clauses: BaseClauses;
  intake: IntakeRules;
}

export const rulesOf = (p: RegisterProgramme): RegisterRules => ({ kind: 'register', enrolmentStage: p.enrolmentStage, clauses: p.clauses, intake: p.intake });

export const settingsInput = lazy(() =>
  z
    .object({
      scoringPeriod: z.string().max(40).optional(),
      scoreWeights: z.object({ rating: z.number(), complaints: z.number(), findings: z.number() }).partial().strict().optional(),
      complaintRateLimit: z.number().optional(),
      belowAverageMargin: z.number().optional(),
      priorityFollowers: z.number().optional(),
      filingPeriod: z.string().max(40).optional(),
      verificationDays: z.number().optional(),
    })
    .strict()
    .meta({
      title: 'RegisterSettings',
      description: '入库 (register): scoring period and weights, removal limits, priority followers, filing period, verification days',
    }),
);
export type RegisterSettingsInput = z.infer<ReturnType<typeof settingsInput>>;

export const carryOver = (last: RegisterSettings, given: RegisterSettingsInput = {}): RegisterSettingsInput => ({
  ...last,
  ...given,
  scoreWeights: { ...last.scoreWeights, ...given.scoreWeights },
});

/**
 * The scoring period, how the score is made of the platform rating, complaints and regulator findings
 * (points adding up to 100), and when an entry is proposed for removal (附件1 第15、16条).
 */
export function checkSettings(programme: RegisterProgramme, input: RegisterSettingsInput, problems: DefinitionProblem[]): RegisterSettings {
  const d = programme.defaults.settings;
  const period = input.scoringPeriod ?? d.scoringPeriod;
  const p = parseDuration(period);
  if (!p || (p.years + p.months + p.days === 0 && p.ms < 3600_000))
    problems.push({
      path: 'settings.scoringPeriod',
      messageZh: `动态评分周期「${period}」无效（ISO 8601，至少 1 小时，如 P1M）`,
      messageEn: `scoringPeriod "${period}" must be an ISO 8601 duration of at least an hour, such as P1M`,
    });
  const w = { ...d.scoreWeights, ...input.scoreWeights };
  const parts = [w.rating, w.complaints, w.findings];
  if (!parts.every((x) => Number.isInteger(x) && x >= 0 && x <= 100) || parts.reduce((a, b) => a + b, 0) !== 100)
    problems.push({
      path: 'settings.scoreWeights',
      messageZh: `平台评分、投诉率、监管发现三项分值须为整数且合计 100，现为 ${parts.join('+')}`,
      messageEn: `rating + complaints + findings must be whole numbers adding up to 100, not ${parts.join(' + ')}`,
    });
  const limit = input.complaintRateLimit ?? d.complaintRateLimit;
  if (!(limit > 0 && limit <= 100))
    problems.push({
      path: 'settings.complaintRateLimit',
      messageZh: '投诉率上限须在 0–100（%）之间',
      messageEn: 'complaintRateLimit must be above 0 and at most 100 (%)',
    });
  const margin = input.belowAverageMargin ?? d.belowAverageMargin;
  if (!(margin >= 0 && margin <= 100))
    problems.push({ path: 'settings.belowAverageMargin', messageZh: '低于平均分的幅度须在 0–100 之间', messageEn: 'belowAverageMargin must be 0..100' });
  const followers = input.priorityFollowers ?? d.priorityFollowers;
  if (!(Number.isInteger(followers) && followers >= 0))
    problems.push({ path: 'settings.priorityFollowers', messageZh: '优先入库粉丝量须为非负整数', messageEn: 'priorityFollowers must be a whole number ≥ 0' });
  const filing = input.filingPeriod ?? d.filingPeriod;
  if (!parseDuration(filing))
    problems.push({
      path: 'settings.filingPeriod',
      messageZh: `备案期限「${filing}」无效（ISO 8601，如 P15D）`,
      messageEn: `filingPeriod "${filing}" is not an ISO 8601 duration such as P15D`,
    });
  const verificationDays = input.verificationDays ?? d.verificationDays;
  if (!(Number.isInteger(verificationDays) && verificationDays >= 1 && verificationDays <= 60))
    problems.push({ path: 'settings.verificationDays', messageZh: '复查期限天数须为 1–60 的整数', messageEn: 'verificationDays must be a whole number 1..60' });
  return {
    scoringPeriod: period,
    scoreWeights: w,
    complaintRateLimit: limit,
    belowAverageMargin: margin,
    priorityFollowers: followers,
    filingPeriod: filing,
    verificationDays,
  };
}

/** Register entries are not cut at a score: removal is proposed against the register's average (第16条). */
export const scoreThreshold = (_s: RegisterSettings): ScoreThreshold | null => null;
