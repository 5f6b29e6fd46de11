import { z } from 'zod';
import { lazy } from './lazy.js';
import { applicationFormSchema } from './application-form.js';
import { SELF_CHECK_AREAS } from './self-check.js';
import { filingResult, intakeReviewResult, removalReviewResult } from './intake.js';
import { MAX_TASK_FILES } from './evidence.js';

// The body a task's completion carries, by task type. Checked by the API (400 with reasons) and again by
// the owning workflow's Update validator, so a decision that reaches the workflow another way is checked too.
// Each schema is built on first use (domain/lazy.ts): this module is part of the workflow bundle.

const areaKeys = SELF_CHECK_AREAS.map((a) => a.key) as [string, ...string[]];
/** Photos or PDFs an operator attaches to one area of its self-check. */
export const MAX_EVIDENCE_PER_AREA = 10;

export const selfCheckResult = lazy(() =>
  z
    .object({
      areas: z
        .array(
          z
            .object({
              key: z.enum(areaKeys),
              finding: z.enum(['compliant', 'issue']),
              description: z.string().trim().max(2000).optional(),
              fixed: z.boolean().optional(),
              // Evidence (DOMAIN.md "Evidence: a file on a task or case"): ids from POST /attachments, checked
              // and bound to the case on completion (api/evidence.ts).
              evidence: z
                .array(z.string().uuid())
                .max(MAX_EVIDENCE_PER_AREA, `每个方面最多 ${MAX_EVIDENCE_PER_AREA} 个文件 / at most ${MAX_EVIDENCE_PER_AREA} files per area`)
                .optional(),
            })
            .strict()
            .refine((a) => a.finding === 'compliant' || (a.description ?? '').length > 0, {
              message: '发现问题时必须填写问题描述 / a description is required when an issue is found',
              path: ['description'],
            }),
        )
        .length(SELF_CHECK_AREAS.length)
        .refine((areas) => new Set(areas.map((a) => a.key)).size === areas.length, {
          message: '八个方面每项填写一次 / each of the eight areas exactly once',
        }),
    })
    .strict(),
);

export const escalationResult = lazy(() => z.object({ note: z.string().trim().min(1).max(2000) }).strict());

const note = () => z.string().trim().max(2000);
/**
 * Photos and PDFs of an inspection, interview or verification (DOMAIN.md "Evidence: a file on a task or
 * case"): ids from POST /attachments, checked and bound to the case on completion (api/evidence.ts). Optional,
 * and the workflows only pass a result through to recordTaskCompletion, so histories replay unchanged.
 */
const taskFiles = () => z.array(z.string().uuid()).max(MAX_TASK_FILES, `最多 ${MAX_TASK_FILES} 个文件 / at most ${MAX_TASK_FILES} files`).optional();
const dateText = () => z.string().trim().min(1).max(40);
const needs = (msgZh: string, msgEn: string, path: string) => ({ message: `${msgZh} / ${msgEn}`, path: [path] });

/** The station officer's review of a submitted self-check: accept it, or return it for another round. */
export const selfCheckReviewResult = lazy(() =>
  z
    .object({ decision: z.enum(['accepted', 'returned']), note: note().optional() })
    .strict()
    .refine((r) => r.decision === 'accepted' || (r.note ?? '').length > 0, needs('退回时须说明原因', 'a reason is required to return a self-check', 'note')),
);

/**
 * An inspection (检查/抽检/督查, changxing 四、（三）): findings per area. A serious violation files the
 * case (立案查处) and names its kind; otherwise a minor one orders 约谈 or 行政指导 with a deadline.
 */
export const inspectionResult = lazy(() =>
  z
    .object({
      method: z.enum(['inspection', 'sampling', 'supervision']),
      areas: z
        .array(
          z
            .object({ key: z.enum(areaKeys), finding: z.enum(['ok', 'minor', 'serious']), description: note().optional() })
            .strict()
            .refine(
              (a) => a.finding === 'ok' || (a.description ?? '').length > 0,
              needs('发现问题时必须填写问题描述', 'a description is required for a finding', 'description'),
            ),
        )
        .min(1)
        .max(SELF_CHECK_AREAS.length)
        .refine((areas) => new Set(areas.map((a) => a.key)).size === areas.length, { message: '每个方面只能填写一次 / each area at most once' }),
      violation: z.string().max(50).optional(),
      measure: z.enum(['interview', 'guidance']).optional(),
      rectifyBy: dateText().optional(),
      note: note().optional(),
      evidence: taskFiles(),
    })
    .strict()
    .superRefine((r, ctx) => {
      const serious = r.areas.some((a) => a.finding === 'serious');
      const minor = r.areas.some((a) => a.finding === 'minor');
      const issue = (zh: string, en: string, path: string) => ctx.addIssue({ code: 'custom', message: `${zh} / ${en}`, path: [path] });
      if (serious && !r.violation) issue('严重违法须选择违法类型', 'a serious violation needs its kind', 'violation');
      if (!serious && r.violation) issue('未发现严重违法时不能选择违法类型', 'a violation kind needs a serious finding', 'violation');
      if (!serious && minor && !r.measure) issue('轻微违法须选择约谈或行政指导', 'a minor violation needs interview or guidance', 'measure');
      if (!serious && minor && !r.rectifyBy) issue('轻微违法须设定整改期限', 'a minor violation needs a rectification deadline', 'rectifyBy');
      if (!minor && !serious && (r.measure || r.rectifyBy)) issue('未发现问题时不设整改', 'no measure or deadline without a finding', 'measure');
    }),
);

/** Verification after a rectification deadline: passed, or not (then a new deadline while rounds remain). */
export const verificationResult = lazy(() =>
  z
    .object({ passed: z.boolean(), note: note().min(1), rectifyBy: dateText().optional(), evidence: taskFiles() })
    .strict()
    .refine((r) => !(r.passed && r.rectifyBy), needs('复查通过时不设新的整改期限', 'no new deadline when passed', 'rectifyBy')),
);

/**
 * One evaluation group's score on its own dimension, 0..100 with at most two decimals. There is no
 * total here on purpose: totals are computed from the parts (DOMAIN.md "never typed in as totals").
 */
export const scoreResult = lazy(() =>
  z
    .object({ score: z.number().min(0).max(100), comment: note().optional() })
    .strict()
    .refine((r) => Math.abs(Math.round(r.score * 100) - r.score * 100) < 1e-6, needs('分数最多两位小数', 'at most two decimals', 'score')),
);

/** The interview after a complaint or negative public opinion on a titled operator (四、工作要求（二）). */
export const interviewResult = lazy(() =>
  z.object({ measure: z.enum(['interview', 'guidance']), note: note().min(1), rectifyBy: dateText(), evidence: taskFiles() }).strict(),
);

/** 属地初审 (zhoushan 六、（二）): report to the city, return for more material, or reject — with reasons. */
export const preReviewResult = lazy(() =>
  z
    .object({
      decision: z.enum(['pass', 'return', 'reject']),
      reason: note().optional(),
      missing: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
    })
    .strict()
    .refine(
      (r) => r.decision === 'pass' || (r.reason ?? '').length > 0,
      needs('退回或不予通过须说明理由', 'a reason is required to return or reject', 'reason'),
    ),
);

/**
 * The live room's answer to a return (舟山方案 六、（二）): the form as edited and its attachments (in the
 * portal, or by an officer for it), and/or what was supplied in words. Each answer is a new version.
 */
export const resubmissionResult = lazy(() =>
  z
    .object({
      supplied: note().min(1).optional(),
      form: applicationFormSchema().optional(),
      attachmentIds: z.array(z.string().uuid()).max(20).optional(),
    })
    .strict()
    .refine(
      (r) => r.supplied !== undefined || r.form !== undefined,
      needs('请修改申报表或说明补充的材料', 'edit the form or say what was supplied', 'supplied'),
    ),
);

/**
 * 市局审核: points per criterion of the 培育准则 (each within the campaign's maximum, checked by the
 * workflow) and any veto item found. The total is the sum, computed, never entered.
 */
export const cityAuditResult = lazy(() =>
  z
    .object({ points: z.record(z.string().max(50), z.number().int().min(0).max(100)), vetoes: z.array(z.string().max(50)).max(10), comment: note().optional() })
    .strict(),
);

/**
 * A defined programme's rubric task: points per item, veto items found, a comment. Each
 * item's maximum comes from the task (rubricSchema); the total is the sum, computed, never entered.
 */
export const rubricResult = lazy(() =>
  z
    .object({ points: z.record(z.string().max(50), z.number().int().min(0).max(100)), vetoes: z.array(z.string().max(50)).max(20), comment: note().optional() })
    .strict(),
);

/** Each built on first use (domain/lazy.ts). */
/**
 * A listed room's periodic evaluation by its county (zhoushan 七、（三）日常监测和评估): passed or not, and
 * why. Not passed proposes its removal to the city (listing_removal_review).
 */
export const listingEvaluationResult = lazy(() => z.object({ passed: z.boolean(), note: note().min(1), evidence: taskFiles() }).strict());
/** The city's answer to a proposed removal from the cultivation list (七、（三）移出培育库): remove or keep, and why. */
export const listingRemovalReviewResult = lazy(() => z.object({ decision: z.enum(['remove', 'keep']), reason: note().min(1) }).strict());

/** A proposal a credit listing raised (README "Credit lists"): confirmed, it is applied; declined, the reason stays. */
export const creditProposalResult = lazy(() => z.object({ decision: z.enum(['confirm', 'decline']), reason: note().min(1) }).strict());

export const TASK_RESULT_SCHEMAS: Record<string, () => z.ZodType> = {
  pre_review: preReviewResult,
  resubmission: resubmissionResult,
  city_audit: cityAuditResult,
  self_check: selfCheckResult,
  self_check_review: selfCheckReviewResult,
  inspection: inspectionResult,
  verification: verificationResult,
  score: scoreResult,
  interview: interviewResult,
  escalation: escalationResult,
  intake_review: intakeReviewResult,
  filing: filingResult,
  removal_review: removalReviewResult,
  rubric: rubricResult,
  listing_evaluation: listingEvaluationResult,
  listing_removal_review: listingRemovalReviewResult,
  credit_proposal: creditProposalResult,
};

export type InspectionResult = z.infer<ReturnType<typeof inspectionResult>>;
export type VerificationResult = z.infer<ReturnType<typeof verificationResult>>;
export type ScoreResult = z.infer<ReturnType<typeof scoreResult>>;
export type InterviewResult = z.infer<ReturnType<typeof interviewResult>>;
export type SelfCheckResult = z.infer<ReturnType<typeof selfCheckResult>>;
export type SelfCheckReviewResult = z.infer<ReturnType<typeof selfCheckReviewResult>>;
export type PreReviewResult = z.infer<ReturnType<typeof preReviewResult>>;
export type CityAuditResult = z.infer<ReturnType<typeof cityAuditResult>>;
export type ResubmissionResult = z.infer<ReturnType<typeof resubmissionResult>>;
export type RubricResult = z.infer<ReturnType<typeof rubricResult>>;
export type ListingEvaluationResult = z.infer<ReturnType<typeof listingEvaluationResult>>;
export type ListingRemovalReviewResult = z.infer<ReturnType<typeof listingRemovalReviewResult>>;
export type CreditProposalResult = z.infer<ReturnType<typeof creditProposalResult>>;

// Defined programmes: a task's form is data (domain/programmes/defined.ts), so its result
// schema is built from the field list; the API (POST /tasks/:id/complete, from task.details) and the
// owning DefinedCaseWorkflow (from its campaign's rules) build the same one.
export interface FormFieldSpec {
  key: string;
  label: string;
  labelEn: string;
  type: string;
  required: boolean;
  options?: string[];
}
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

/** The result schema of a form: one property per field, required ones required, nothing else. */
export function formSchema(fields: FormFieldSpec[]): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) {
    const missing = `必填项「${f.label}」未填写 / required field "${f.labelEn}" is missing`;
    const err = (zh: string, en: string) => (iss: { input?: unknown }) => (iss.input === undefined ? missing : `「${f.label}」${zh} / "${f.labelEn}" ${en}`);
    let s: z.ZodType;
    switch (f.type) {
      case 'number':
        s = z.number({ error: err('须为数字', 'must be a number') });
        break;
      case 'boolean':
        s = z.boolean({ error: err('须为是或否', 'must be true or false') });
        break;
      case 'date':
        s = z
          .string({ error: err('须为日期 YYYY-MM-DD', 'must be a date YYYY-MM-DD') })
          .refine((v) => DATE.test(v) && realDate(v), `「${f.label}」须为日期 YYYY-MM-DD / "${f.labelEn}" must be a date YYYY-MM-DD`);
        break;
      case 'choice':
        s = z
          .string({ error: err('须为选项之一', 'must be one of the options') })
          .refine(
            (v) => (f.options ?? []).includes(v),
            `「${f.label}」须为以下之一：${(f.options ?? []).join('、')} / "${f.labelEn}" must be one of: ${(f.options ?? []).join(', ')}`,
          );
        break;
      default:
        s = f.required
          ? z
              .string({ error: err('须为文本', 'must be text') })
              .trim()
              .min(1, missing)
              .max(4000, `「${f.label}」最多 4000 字 / "${f.labelEn}" at most 4000 characters`)
          : z
              .string({ error: err('须为文本', 'must be text') })
              .trim()
              .max(4000, `「${f.label}」最多 4000 字 / "${f.labelEn}" at most 4000 characters`);
    }
    shape[f.key] = f.required ? s : s.optional();
  }
  return z.object(shape).strict();
}

/** The rubric task's result against its items (each at most its points) and veto items; every item scored. */
export function rubricSchema(items: { key: string; name: string; points: number }[], vetoItems: { key: string; name: string }[]): z.ZodType {
  return rubricResult().superRefine((r, ctx) => {
    for (const it of items) {
      const v = r.points[it.key];
      if (v === undefined) ctx.addIssue({ code: 'custom', path: ['points', it.key], message: `「${it.name}」未评分 / ${it.key} has no points` });
      else if (v > it.points)
        ctx.addIssue({ code: 'custom', path: ['points', it.key], message: `「${it.name}」最多 ${it.points} 分 / ${it.key}: at most ${it.points}` });
    }
    for (const k of Object.keys(r.points))
      if (!items.some((x) => x.key === k)) ctx.addIssue({ code: 'custom', path: ['points', k], message: `未知评分项「${k}」 / unknown rubric item ${k}` });
    r.vetoes.forEach((v, i) => {
      if (!vetoItems.some((x) => x.key === v)) ctx.addIssue({ code: 'custom', path: ['vetoes', i], message: `未知否决项「${v}」 / unknown veto item ${v}` });
    });
    if (new Set(r.vetoes).size !== r.vetoes.length) ctx.addIssue({ code: 'custom', path: ['vetoes'], message: '否决项重复 / a veto item is given twice' });
  });
}

/**
 * The result schema of a task: its form when it is a defined programme's (`form:<key>` with details.form,
 * `rubric` with details.items / vetoItems), else the fixed one of its type.
 */
export function resultSchemaFor(type: string, details: unknown): z.ZodType | undefined {
  const d = (details ?? {}) as { form?: FormFieldSpec[]; items?: { key: string; name: string; points: number }[]; vetoItems?: { key: string; name: string }[] };
  if (type.startsWith('form:')) return Array.isArray(d.form) ? formSchema(d.form) : undefined;
  if (type === 'rubric' && Array.isArray(d.items)) return rubricSchema(d.items, d.vetoItems ?? []);
  return TASK_RESULT_SCHEMAS[type]?.();
}
