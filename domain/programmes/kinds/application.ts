// The application kind (Zhoushan 绿色直播间): operators apply while the application stage is open (自愿申报),
// the county pre-reviews, the city audits against the 培育准则, the city confirms the cultivation list and
// listed rooms are monitored. Everything this kind adds to the engine:
//   rules and settings   here (ApplicationProgramme in ../types.ts; data in ../zhoushan.ts)
//   workflow parts       workflows/application.ts (ApplicationWorkflow), workflows/kinds/lists.ts (list
//                        confirmation → workflows/cultivation.ts CultivationWorkflow)
//   API                  api/resources/applications.ts
//   console              admin-ui/src/campaigns/ApplicationsTab.tsx, CultivationTab.tsx, settings/ApplicationSettings.tsx
import { z } from 'zod';
import { lazy } from '../../lazy.js';
import { parseDuration } from '../../duration.js';
import type { DefinitionProblem } from '../../campaign-definition.js';
import type { ScoreThreshold } from '../../score-threshold.js';
import type { ApplicationProgramme, ApplicationRules, ApplicationSettings, BaseClauses } from '../types.js';
import { checkList, listInput, type ListInput } from './list.js';

/** What an application campaign runs by, copied at launch. */
export interface ApplicationCampaignRules {
  kind: 'application';
  enrolmentStage: string;
  clauses: BaseClauses;
  application: ApplicationRules;
}

export const rulesOf = (p: ApplicationProgramme): ApplicationCampaignRules => ({
  kind: 'application',
  enrolmentStage: p.enrolmentStage,
  clauses: p.clauses,
  application: p.application,
});

export const settingsInput = lazy(() =>
  z
    .object({
      criterionPoints: z.record(z.string().max(50), z.number()).optional(),
      preReviewPeriod: z.string().max(40).optional(),
      evaluationPeriodMonths: z.number().nullable().optional().meta({ description: 'Listed rooms evaluated every this many months (1–24); null: none' }),
      ...listInput,
    })
    .strict()
    .meta({
      title: 'ApplicationSettings',
      description:
        '绿色直播间 (application): points per criterion (sum 100), county pre-review period, the list threshold and quota, the listed rooms’ evaluation period',
    }),
);
export type ApplicationSettingsInput = z.infer<ReturnType<typeof settingsInput>>;

export const carryOver = (last: ApplicationSettings, given: ApplicationSettingsInput = {}): ApplicationSettingsInput => ({
  ...last,
  ...given,
  criterionPoints: { ...last.criterionPoints, ...given.criterionPoints },
});

/**
 * Points per criterion of the 培育准则 (whole numbers adding up to 100), the county's pre-review period,
 * and how the list is chosen (择优: a threshold, a quota, or both; 六、（四）).
 */
export function checkSettings(programme: ApplicationProgramme, input: ApplicationSettingsInput, problems: DefinitionProblem[]): ApplicationSettings {
  const d = programme.defaults.settings;
  const criteria = programme.application.rubric.flatMap((g) => g.criteria.map((x) => x.key));
  for (const k of Object.keys(input.criterionPoints ?? {}))
    if (!criteria.includes(k))
      problems.push({
        path: `settings.criterionPoints.${k}`,
        messageZh: `未知评审项「${k}」`,
        messageEn: `unknown criterion "${k}" (known: ${criteria.join(', ')})`,
      });
  const criterionPoints = { ...d.criterionPoints, ...input.criterionPoints };
  for (const k of criteria) {
    const v = criterionPoints[k];
    if (!(Number.isInteger(v) && v! >= 0 && v! <= 100))
      problems.push({
        path: `settings.criterionPoints.${k}`,
        messageZh: `评审项 ${k} 的分值须为 0–100 的整数`,
        messageEn: `points for ${k} must be a whole number 0..100`,
      });
  }
  const sum = criteria.reduce((n, k) => n + (criterionPoints[k] ?? 0), 0);
  if (sum !== 100)
    problems.push({
      path: 'settings.criterionPoints',
      messageZh: `十二项评审分值合计须为 100，现为 ${sum}`,
      messageEn: `criterion points must add up to 100, not ${sum}`,
    });
  const preReviewPeriod = input.preReviewPeriod ?? d.preReviewPeriod;
  if (!parseDuration(preReviewPeriod))
    problems.push({
      path: 'settings.preReviewPeriod',
      messageZh: `属地初审期限「${preReviewPeriod}」无效（ISO 8601，如 P10D）`,
      messageEn: `preReviewPeriod "${preReviewPeriod}" is not an ISO 8601 duration such as P10D`,
    });
  const evaluationPeriodMonths = input.evaluationPeriodMonths !== undefined ? input.evaluationPeriodMonths : (d.evaluationPeriodMonths ?? null);
  if (evaluationPeriodMonths !== null && !(Number.isInteger(evaluationPeriodMonths) && evaluationPeriodMonths >= 1 && evaluationPeriodMonths <= 24))
    problems.push({
      path: 'settings.evaluationPeriodMonths',
      messageZh: '培育库定期评估周期须为 1–24 个月',
      messageEn: 'evaluationPeriodMonths must be a whole number 1..24',
    });
  const { evaluationPeriodMonths: _ignored, ...list } = input;
  return { criterionPoints, preReviewPeriod, evaluationPeriodMonths, ...checkList(d, list as ListInput, problems, ['入库', 'list']) };
}

/** The score a case must reach: the list threshold, when the list has one (a quota alone has none). */
export const scoreThreshold = (s: ApplicationSettings): ScoreThreshold | null =>
  s.listThreshold === undefined ? null : { kind: 'list', value: s.listThreshold };
