// The application for a green live room (舟山方案 附件2 申报表, not in the seed: modelled on what the
// notice's 培育准则 asks the city to judge). Filed by the live room itself (六、（二）自愿申报: "由直播间运营者
// 提出申请") in the portal, or by a county officer on its behalf. Built on first use (domain/lazy.ts): the
// resubmission's result carries a form, and task-forms.ts is part of the workflow bundle.
import { z } from 'zod';
import { lazy } from './lazy.js';
import { PLATFORMS } from './platforms.js';

export const applicationFormSchema = lazy(() =>
  z
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
    }),
);
export type ApplicationForm = z.infer<ReturnType<typeof applicationFormSchema>>;

/** The fields of the form in the order the 申报表 lists them, with their labels (the diff names them). */
export const APPLICATION_FIELDS: readonly { key: keyof ApplicationForm; zh: string; en: string }[] = [
  { key: 'liveRoomName', zh: '直播间名称', en: 'Live room name' },
  { key: 'address', zh: '直播场所地址', en: 'Address of the live room' },
  { key: 'contactName', zh: '联系人', en: 'Contact' },
  { key: 'contactPhone', zh: '联系电话', en: 'Phone' },
  { key: 'platformAccounts', zh: '平台账号', en: 'Platform accounts' },
  { key: 'mainCategories', zh: '主营类目', en: 'Main categories' },
  { key: 'streamerCount', zh: '主播人数', en: 'Streamers' },
  { key: 'certifiedStreamers', zh: '持证主播人数', en: 'Certified streamers' },
  { key: 'annualSalesWan', zh: '上一年度直播销售额（万元）', en: 'Last year’s live sales (10k CNY)' },
  { key: 'contentRetentionYears', zh: '直播内容留存年限', en: 'Content kept (years)' },
  { key: 'complianceStatement', zh: '诚信守法承诺', en: 'Compliance statement' },
  { key: 'introduction', zh: '直播间简介', en: 'Introduction' },
];

/** The compliance statement as the live room signed it: which text, who signed (法定代表人), when. */
export interface SignedStatement {
  /** The statement's version (domain/application-statement.ts); its text is kept alongside. */
  version: string;
  text: string;
  signatory: string;
  /** ISO instant. */
  signedAt: string;
  /** The account that signed (the operator's own, or the officer filing for it). */
  signedById: string | null;
}

/**
 * The application as the case holds it (`case_file.application`, each task's `details.application`): the
 * form, the attachments it lists, and the statement it was signed under (absent when filed by staff
 * before the portal, or by staff for an operator without an account).
 */
export type ApplicationDocument = ApplicationForm & { attachmentIds?: string[]; statement?: SignedStatement };

/** Splits a document into the form and what goes beside it in an `application_version` row. */
export function splitDocument(doc: Record<string, unknown>): { form: Record<string, unknown>; attachmentIds: string[]; statement: SignedStatement | null } {
  const { attachmentIds, statement, ...form } = doc;
  return {
    form,
    attachmentIds: Array.isArray(attachmentIds) ? attachmentIds.filter((x): x is string => typeof x === 'string') : [],
    statement: (statement as SignedStatement | undefined) ?? null,
  };
}
