import { z } from 'zod';
import { SELF_CHECK_AREAS } from './self-check.js';

// The body a task's completion carries, by task type. Checked by the API (400 with reasons) and again by
// the owning workflow's Update validator, so a decision that reaches the workflow another way is checked too.

const areaKeys = SELF_CHECK_AREAS.map((a) => a.key) as [string, ...string[]];

export const selfCheckResult = z
  .object({
    areas: z
      .array(
        z
          .object({
            key: z.enum(areaKeys),
            finding: z.enum(['compliant', 'issue']),
            description: z.string().trim().max(2000).optional(),
            fixed: z.boolean().optional(),
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
  .strict();

export const escalationResult = z.object({ note: z.string().trim().min(1).max(2000) }).strict();

export const TASK_RESULT_SCHEMAS: Record<string, z.ZodType> = {
  self_check: selfCheckResult,
  escalation: escalationResult,
};
