// The Lijiang intake standards (seeds/lijiang-database-intake.txt, 附件1 products, 附件2 influencers) as
// application forms: every mandatory item missing is listed by name in one refusal, the basic standards
// are checked, and what the notice encourages (老字号, 7×12 service, ≥ 10,000 followers…) raises priority.
import { z } from 'zod';
import { lazy } from './lazy.js';

export type Register = 'product' | 'influencer';
export interface Reason {
  code: string;
  zh: string;
  en: string;
}
export interface FormProblem {
  path: string;
  messageZh: string;
  messageEn: string;
}

export const PRODUCT_CATEGORIES = {
  primary_agricultural: { zh: '高原特色初级农产品', en: 'Primary agricultural product' }, // 附件1 第1条
  prepackaged: { zh: '预包装农副产品', en: 'Pre-packaged product' }, // 第2条
  green_organic: { zh: '绿色食品、有机食品', en: 'Green or organic food' }, // 第3条
  time_honoured: { zh: '老字号、老品牌、“金木土石布”特色商品', en: 'Time-honoured brand / local speciality' }, // 第4条
  cultural_tourism: { zh: '文旅服务类产品', en: 'Cultural-tourism service' }, // 第5条
} as const;
export const LIVE_PLATFORMS = ['douyin', 'kuaishou', 'wechat'] as const; // 第7条
export const ACCOUNT_PLATFORMS = ['douyin', 'kuaishou', 'weibo', 'wechat_official', 'wechat_channels', 'xiaohongshu'] as const; // 附件2 第5条
export const ENCOURAGED_CATEGORIES = {
  tourism_worker: { zh: '丽江文旅行业从业人员', en: 'Tourism worker' },
  new_farmer: { zh: '新型农民', en: 'New-type farmer' },
  rural_entrepreneur: { zh: '农村创业带头人', en: 'Rural entrepreneur' },
  expert: { zh: '行业专家和领军人物', en: 'Industry expert' },
  ethnic_culture: { zh: '具有丽江文化和民族特色的达人', en: 'Lijiang culture and ethnic character' },
  head_agency: { zh: '头部企业、达人经纪机构', en: 'Leading company or talent agency' },
} as const; // 附件2 第6、7条

const text = (max = 200) => z.string().trim().min(1).max(max);
const attachmentIds = () => z.array(z.string().uuid()).max(20);

const productShape = lazy(() =>
  z
    .object({
      register: z.literal('product'),
      productName: text(100).optional(),
      category: z.enum(Object.keys(PRODUCT_CATEGORIES) as [keyof typeof PRODUCT_CATEGORIES]).optional(),
      grade: text().optional(),
      specifications: text(500).optional(),
      executionStandard: text().optional(),
      licences: attachmentIds().optional(),
      testReports: attachmentIds().optional(),
      dropshipping: z.boolean().optional(),
      liveLinks: z
        .array(z.object({ platform: z.enum(LIVE_PLATFORMS), url: z.string().trim().url().max(500) }).strict())
        .max(10)
        .optional(),
      shipping: text(500).optional(),
      dailyVolume: z.number().int().min(0).max(10_000_000).optional(),
      serviceHours: z
        .object({ daysPerWeek: z.number().int().min(1).max(7), hoursPerDay: z.number().int().min(1).max(24) })
        .strict()
        .optional(),
      materials: attachmentIds().optional(),
    })
    .strict(),
);

const influencerShape = lazy(() =>
  z
    .object({
      register: z.literal('influencer'),
      displayName: text(100).optional(),
      accounts: z
        .array(
          z
            .object({
              platform: z.enum(ACCOUNT_PLATFORMS),
              handle: text(100),
              followers: z.number().int().min(0).max(2_000_000_000),
              realNameVerified: z.boolean(),
              liveSellingEnabled: z.boolean(),
            })
            .strict(),
        )
        .max(10)
        .optional(),
      notUnderPenalty: z.boolean().optional(),
      promotesLijiang: z.boolean().optional(),
      encouragedCategories: z
        .array(z.enum(Object.keys(ENCOURAGED_CATEGORIES) as [keyof typeof ENCOURAGED_CATEGORIES]))
        .max(6)
        .optional(),
      materials: attachmentIds().optional(),
    })
    .strict(),
);

export const intakeFormShape = lazy(() => z.discriminatedUnion('register', [productShape(), influencerShape()]));
export type ProductForm = z.infer<ReturnType<typeof productShape>>;
export type InfluencerForm = z.infer<ReturnType<typeof influencerShape>>;
export type IntakeForm = z.infer<ReturnType<typeof intakeFormShape>>;

const LABELS: Record<string, [string, string]> = {
  productName: ['产品名称', 'product name'],
  category: ['产品类别', 'category'],
  grade: ['等级（初级农产品应有明确的等级和规格，第1条）', 'grade (primary agricultural products, clause 1)'],
  specifications: ['规格（第8条）', 'specifications (clause 8)'],
  executionStandard: ['执行标准（第8条）', 'execution standard (clause 8)'],
  licences: ['资质证照（第2、3、5条）', 'licences and certificates (clauses 2, 3, 5)'],
  testReports: ['检测报告（预包装产品，第2条）', 'test reports (pre-packaged products, clause 2)'],
  dropshipping: ['能否一件代发（第6条）', 'dropshipping yes/no (clause 6)'],
  liveLinks: ['抖音、快手或微信直播带货链接（第7条）', 'a Douyin, Kuaishou or WeChat live-selling link (clause 7)'],
  shipping: ['快递发货情况（第8条）', 'shipping (clause 8)'],
  dailyVolume: ['日均发货数量（第8条）', 'daily shipping volume (clause 8)'],
  serviceHours: ['售前售后服务时间（第12、14条）', 'pre/after-sales service hours (clauses 12, 14)'],
  displayName: ['达人名称', 'influencer name'],
  accounts: ['新媒体账号（附件2 第2条）', 'new-media accounts (annex 2 clause 2)'],
  notUnderPenalty: ['未处于平台和相关部门处罚期间的承诺（附件2 第4条）', 'declaration of not being under penalty (annex 2 clause 4)'],
  promotesLijiang: ['常态化宣传推广丽江的承诺（附件2 第2条）', 'declaration of promoting Lijiang (annex 2 clause 2)'],
};
const missing = (key: string): FormProblem => ({
  path: `form.${key}`,
  messageZh: `缺少必填项：${LABELS[key]![0]}`,
  messageEn: `missing mandatory item: ${LABELS[key]![1]}`,
});

/** The form checked against the intake standard: all problems at once, or the form. */
export function checkIntakeForm(input: unknown): { form: IntakeForm; problems: [] } | { form?: undefined; problems: FormProblem[] } {
  const parsed = intakeFormShape().safeParse(input);
  if (!parsed.success)
    return {
      problems: parsed.error.issues.map((i) => ({ path: ['form', ...i.path].join('.'), messageZh: `格式不正确：${i.message}`, messageEn: i.message })),
    };
  const f = parsed.data;
  const problems: FormProblem[] = [];
  const need = (key: string, present: boolean) => void (present || problems.push(missing(key)));
  if (f.register === 'product') {
    for (const k of ['productName', 'category', 'specifications', 'executionStandard', 'shipping', 'dailyVolume', 'serviceHours', 'dropshipping'] as const)
      need(k, f[k] !== undefined);
    need('liveLinks', (f.liveLinks ?? []).length > 0);
    if (f.category === 'primary_agricultural') need('grade', f.grade !== undefined);
    if (f.category === 'prepackaged' || f.category === 'green_organic' || f.category === 'cultural_tourism') need('licences', (f.licences ?? []).length > 0);
    if (f.category === 'prepackaged') need('testReports', (f.testReports ?? []).length > 0);
    // 第12条: 至少5*8小时的售前和售后服务.
    const h = f.serviceHours;
    if (h && (h.daysPerWeek < 5 || h.hoursPerDay < 8))
      problems.push({
        path: 'form.serviceHours',
        messageZh: `售前售后服务须至少每周5天、每天8小时（5×8），现为 ${h.daysPerWeek}×${h.hoursPerDay}（第12条）`,
        messageEn: `pre/after-sales service must be at least 5 days × 8 hours, not ${h.daysPerWeek}×${h.hoursPerDay} (clause 12)`,
      });
  } else {
    need('displayName', f.displayName !== undefined);
    need('accounts', (f.accounts ?? []).length > 0);
    need('notUnderPenalty', f.notUnderPenalty !== undefined);
    need('promotesLijiang', f.promotesLijiang !== undefined);
    // 附件2 第3、4条: the basic standards are conditions, not preferences.
    const accounts = f.accounts ?? [];
    if (accounts.length && !accounts.some((a) => a.realNameVerified && a.liveSellingEnabled))
      problems.push({
        path: 'form.accounts',
        messageZh: '须至少有一个已实名认证并开通直播带货权限的账号（附件2 第3条）',
        messageEn: 'at least one account must be real-name verified with live-selling rights (annex 2 clause 3)',
      });
    if (f.notUnderPenalty === false)
      problems.push({
        path: 'form.notUnderPenalty',
        messageZh: '处于平台或相关部门处罚期间的不予入库（附件2 第4条）',
        messageEn: 'an account under platform or regulator penalty cannot be admitted (annex 2 clause 4)',
      });
    if (f.promotesLijiang === false)
      problems.push({
        path: 'form.promotesLijiang',
        messageZh: '须通过新媒体常态化宣传推广丽江（附件2 第2条）',
        messageEn: 'the applicant must promote Lijiang regularly on new media (annex 2 clause 2)',
      });
  }
  return problems.length ? { problems } : { form: f, problems: [] };
}

/** The entry's display name: the product, or the influencer. */
export const entryName = (f: IntakeForm) => (f.register === 'product' ? f.productName! : f.displayName!);

/** What identifies one application of an operator: the same product or primary account twice is refused. */
export const entryIdentity = (f: IntakeForm) =>
  f.register === 'product'
    ? f.productName!.replace(/\s+/g, '').toLowerCase()
    : [...f.accounts!].map((a) => `${a.platform}:${a.handle.toLowerCase()}`).sort()[0]!;

/** Every attachment the form refers to, with the field it is attached as. */
export function formAttachments(f: IntakeForm): { id: string; field: string }[] {
  const out: { id: string; field: string }[] = [];
  const add = (field: string, ids?: string[]) => (ids ?? []).forEach((id) => out.push({ id, field }));
  if (f.register === 'product') {
    add('licences', f.licences);
    add('testReports', f.testReports);
  }
  add('materials', f.materials);
  return out;
}

/**
 * Review priority (优先入库): a higher number is reviewed first within its batch. The reasons are shown
 * to the office with the application.
 */
export function priorityOf(f: IntakeForm, priorityFollowers: number): { priority: number; reasons: Reason[] } {
  const reasons: (Reason & { points: number })[] = [];
  if (f.register === 'product') {
    if (f.category === 'time_honoured')
      reasons.push({ code: 'time_honoured', zh: '老字号、老品牌等特色商品优先入库（第4条）', en: 'time-honoured brand (clause 4)', points: 2 });
    if (f.category === 'green_organic')
      reasons.push({ code: 'green_organic', zh: '绿色食品、有机食品（第3条）', en: 'green or organic food (clause 3)', points: 1 });
    const h = f.serviceHours!;
    if (h.daysPerWeek >= 7 && h.hoursPerDay >= 12)
      reasons.push({
        code: 'service_7x12',
        zh: '提供7×12小时售前售后服务（第12条鼓励）',
        en: '7×12 pre/after-sales service (encouraged, clause 12)',
        points: 1,
      });
  } else {
    const top = Math.max(...f.accounts!.map((a) => a.followers));
    if (top >= priorityFollowers)
      reasons.push({
        code: 'followers',
        zh: `粉丝量${priorityFollowers.toLocaleString('zh-CN')}以上（附件2 第5条）`,
        en: `${priorityFollowers} followers or more (annex 2 clause 5)`,
        points: 2,
      });
    if ((f.encouragedCategories ?? []).length)
      reasons.push({
        code: 'encouraged',
        zh: `鼓励类别：${f.encouragedCategories!.map((c) => ENCOURAGED_CATEGORIES[c].zh).join('、')}（附件2 第6、7条）`,
        en: `encouraged: ${f.encouragedCategories!.join(', ')} (annex 2 clauses 6, 7)`,
        points: 1,
      });
  }
  return { priority: reasons.reduce((n, r) => n + r.points, 0), reasons: reasons.map(({ points: _p, ...r }) => r) };
}

/** Things the office should look at: allowed, but short of what the standard asks for. */
export function flagsOf(f: IntakeForm): Reason[] {
  const flags: Reason[] = [];
  if (f.register === 'product') {
    if (f.dropshipping === false)
      flags.push({ code: 'no_dropshipping', zh: '不能提供一件代发（第6条要求应能提供）', en: 'no dropshipping (clause 6 asks for it)' });
    if (!(f.materials ?? []).length)
      flags.push({ code: 'no_materials', zh: '未提供图片、视频等介绍资料（第9条鼓励）', en: 'no pictures or videos (encouraged, clause 9)' });
  } else if (f.accounts!.some((a) => !a.realNameVerified))
    flags.push({ code: 'unverified_account', zh: '部分账号未实名认证', en: 'some accounts are not real-name verified' });
  return flags;
}

/** One period's recorded figures for an admitted entry (platform rating, complaints, regulator data). */
export interface Metrics {
  platformRating: number; // 0..5, the platform's own score (第15条: 以平台的评分规则为准)
  complaintRate: number; // % of orders
  findings: number; // regulator findings (结合市场监督管理部门的相关数据)
  violation: boolean;
}

/** The period score 0..100, two decimals: rating, complaints and findings weighted by the campaign's settings. */
export function entryScore(
  m: Metrics,
  w: { rating: number; complaints: number; findings: number },
  complaintRateLimit: number,
): { score: number; parts: Record<string, number> } {
  const rating = (w.rating * Math.min(5, Math.max(0, m.platformRating))) / 5;
  const complaints = w.complaints * Math.max(0, 1 - m.complaintRate / complaintRateLimit);
  const findings = m.findings === 0 && !m.violation ? w.findings : 0;
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return { score: r2(rating + complaints + findings), parts: { rating: r2(rating), complaints: r2(complaints), findings: r2(findings) } };
}

/**
 * Who is proposed for removal (第16条): quality below the register's average (by more than the margin),
 * a high complaint rate, or a violation.
 */
export function removalReasons(m: Metrics, score: number, average: number, s: { complaintRateLimit: number; belowAverageMargin: number }): Reason[] {
  const out: Reason[] = [];
  if (score < average - s.belowAverageMargin)
    out.push({
      code: 'below_average',
      zh: `得分 ${score} 低于库内平均 ${average} 超过 ${s.belowAverageMargin} 分`,
      en: `score ${score} is more than ${s.belowAverageMargin} below the register average ${average}`,
    });
  if (m.complaintRate >= s.complaintRateLimit)
    out.push({
      code: 'complaints',
      zh: `投诉率 ${m.complaintRate}% 不低于 ${s.complaintRateLimit}%`,
      en: `complaint rate ${m.complaintRate}% is at or above ${s.complaintRateLimit}%`,
    });
  if (m.violation) out.push({ code: 'violation', zh: '存在违法违规行为', en: 'a violation was found' });
  return out;
}

/** Task forms of the register programme, checked by the API and by the owning workflow. */
const note = () => z.string().trim().max(2000);
export const intakeReviewResult = lazy(() =>
  z
    .object({ decision: z.enum(['admitted', 'refused']), reason: note().optional(), note: note().optional() })
    .strict()
    .refine((r) => r.decision === 'admitted' || (r.reason ?? '').length > 0, {
      message: '不予入库须说明理由 / a reason is required to refuse',
      path: ['reason'],
    }),
);
export const filingResult = lazy(() =>
  z
    .object({
      filedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式 YYYY-MM-DD / date as YYYY-MM-DD'),
      reference: z.string().trim().min(1).max(100),
      note: note().optional(),
    })
    .strict(),
);
export const removalReviewResult = lazy(() => z.object({ decision: z.enum(['remove', 'keep']), reason: note().min(1) }).strict());
export type IntakeReviewResult = z.infer<ReturnType<typeof intakeReviewResult>>;
export type FilingResult = z.infer<ReturnType<typeof filingResult>>;
export type RemovalReviewResult = z.infer<ReturnType<typeof removalReviewResult>>;
