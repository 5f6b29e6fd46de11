// The base register of live rooms (调查摸底, zhoushan 六、（一）) and who may apply (三、培育对象).
import { z } from 'zod';
import { usccProblemMessage } from './uscc.js';
import { PLATFORMS } from './platforms.js';

/** Operator kinds: Changxing's three, and Zhoushan's 电商经营者/直播基地/MCN机构/主播 (三、培育对象). */
export const OPERATOR_KINDS = [
  { key: 'enterprise', name: '企业', nameEn: 'Enterprise' },
  { key: 'live_room', name: '直播间', nameEn: 'Live room' },
  { key: 'influencer', name: '达人', nameEn: 'Influencer' },
  { key: 'ecommerce', name: '电商经营者', nameEn: 'E-commerce operator' },
  { key: 'live_base', name: '直播基地', nameEn: 'Live-stream base' },
  { key: 'mcn', name: 'MCN机构', nameEn: 'MCN agency' },
  { key: 'streamer', name: '主播', nameEn: 'Streamer' },
] as const;
const kindKeys = OPERATOR_KINDS.map((k) => k.key) as [string, ...string[]];
export { PLATFORMS };

const dateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式须为 YYYY-MM-DD / date must be YYYY-MM-DD' })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), {
    message: '日期不存在 / no such date',
  });

export const operatorInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    // The rule broken (length, characters, division code, check character), not only "invalid".
    uscc: z
      .string()
      .trim()
      .toUpperCase()
      .superRefine((code, ctx) => {
        const p = usccProblemMessage(code);
        if (p) ctx.addIssue({ code: 'custom', message: `${p.messageZh} / ${p.messageEn}` });
      }),
    kind: z.enum(kindKeys),
    jurisdictionId: z.string().trim().min(1).max(50),
    registeredOn: dateOnly,
    track: z.enum(['live_marketing', 'community_group_buying']).nullable().optional(),
    platformAccounts: z
      .array(z.object({ platform: z.enum(PLATFORMS), account: z.string().trim().min(1).max(100), followers: z.number().int().min(0).optional() }).strict())
      .max(20)
      .optional(),
    /** 经营异常名录 / 严重违法失信名单: either keeps an operator out (zhoushan 三、培育对象; 四、（一）1). */
    abnormalListed: z.boolean().optional(),
    dishonestListed: z.boolean().optional(),
  })
  .strict();
export type OperatorInput = z.infer<typeof operatorInput>;

/**
 * 连续正常经营满一个会计年度. China's accounting year is the calendar year (会计法 第十一条), so an
 * operator has one full accounting year behind it once a whole calendar year has passed since it was
 * registered: registered on 1 January of year Y → eligible from 1 January Y+1; registered on any later
 * day of Y → eligible from 1 January Y+2 (2023-03-01 → applications dated 2025-01-01 or later).
 */
export function firstEligibleDay(registeredOn: string): string {
  const [y, m, d] = registeredOn.split('-').map(Number) as [number, number, number];
  return `${m === 1 && d === 1 ? y + 1 : y + 2}-01-01`;
}

export interface EligibilityProblem {
  code: 'outside_city' | 'too_recent' | 'abnormal_listed' | 'dishonest_listed';
  messageZh: string;
  messageEn: string;
}

/** Every reason an operator may not apply on `applicationDate` (YYYY-MM-DD, Asia/Shanghai); empty if eligible. */
export function eligibilityProblems(
  o: { name: string; registeredOn: string; abnormalListed: boolean; dishonestListed: boolean; inCity: boolean },
  applicationDate: string,
  cityName: string,
): EligibilityProblem[] {
  const out: EligibilityProblem[] = [];
  if (!o.inCity) out.push({ code: 'outside_city', messageZh: `「${o.name}」不在${cityName}登记注册`, messageEn: `${o.name} is not registered in ${cityName}` });
  const from = firstEligibleDay(o.registeredOn);
  if (applicationDate < from)
    out.push({
      code: 'too_recent',
      messageZh: `「${o.name}」${o.registeredOn} 注册，须连续正常经营满一个会计年度（自然年），${from} 起方可申报`,
      messageEn: `${o.name} was registered on ${o.registeredOn}: a full accounting (calendar) year is needed, so it may apply from ${from}`,
    });
  if (o.abnormalListed)
    out.push({ code: 'abnormal_listed', messageZh: `「${o.name}」被列入经营异常名录`, messageEn: `${o.name} is on the abnormal-operations list` });
  if (o.dishonestListed)
    out.push({ code: 'dishonest_listed', messageZh: `「${o.name}」被列入严重违法失信名单`, messageEn: `${o.name} is on the seriously-dishonest list` });
  return out;
}
