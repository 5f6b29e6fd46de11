// The application for a green live room (舟山方案 附件2 申报表, not in the seed: modelled on what the
// notice's 培育准则 asks the city to judge). Filed by the county officer on the operator's behalf.
import { z } from 'zod';
import { PLATFORMS } from './register.js';

export const applicationForm = z
  .object({
    liveRoomName: z.string().trim().min(1).max(100),
    /** 直播场所地址: the notice forbids places that affect public order (四、（二）1). */
    address: z.string().trim().min(1).max(200),
    contactName: z.string().trim().min(1).max(50),
    contactPhone: z
      .string()
      .trim()
      .regex(/^[0-9+\-\s]{7,20}$/, { message: '联系电话格式无效 / invalid phone number' }),
    platformAccounts: z
      .array(z.object({ platform: z.enum(PLATFORMS), account: z.string().trim().min(1).max(100), followers: z.number().int().min(0).optional() }).strict())
      .min(1)
      .max(10),
    mainCategories: z.array(z.string().trim().min(1).max(50)).min(1).max(10),
    streamerCount: z.number().int().min(0).max(10_000),
    /** 取得互联网营销师等资质证书的主播 (四、（二）2). */
    certifiedStreamers: z.number().int().min(0).max(10_000),
    /** 上一年度直播销售额（万元）. */
    annualSalesWan: z.number().min(0).max(10_000_000),
    /** 直播内容留存年限: the notice asks for at least 3 years (四、（一）2); judged in the audit, not here. */
    contentRetentionYears: z.number().min(0).max(50),
    /** 诚信守法承诺: the application is not filed without it. */
    complianceStatement: z.literal(true, { message: '须勾选诚信守法承诺 / the compliance statement must be signed' }),
    introduction: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((f) => f.certifiedStreamers <= f.streamerCount, {
    message: '持证主播数不能多于主播数 / certified streamers cannot outnumber streamers',
    path: ['certifiedStreamers'],
  });
export type ApplicationForm = z.infer<typeof applicationForm>;
