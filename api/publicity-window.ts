// How long a 公示 runs (changxing 四、（四）评价公示), as POST /campaigns/{id}/publicity and a score's correction
// with a new 公示 (api/corrections.ts) both take it: `days` (by default the campaign's setting) or until
// `windowEndsAt`.
import { z } from 'zod';
import { parseDeadline, shanghaiDate } from '../domain/time.js';
import { badRequest } from './errors.js';

const DAY = 86_400_000;

const windowFields = { days: z.number().int().min(1).max(60).optional(), windowEndsAt: z.string().max(40).optional() };
const oneEnd = [
  (b: { days?: number; windowEndsAt?: string }) => !(b.days && b.windowEndsAt),
  { message: '只能提供 days 或 windowEndsAt 之一 / give days or windowEndsAt, not both' },
] as const;

export const publicityWindow = z
  .object(windowFields)
  .strict()
  .refine(...oneEnd);

/** A new 公示 superseding the published one, on its own (POST /campaigns/{id}/publicity/republish): why, and how long. */
export const republishBody = z
  .object({ reason: z.string().trim().min(1, '须说明重新公示的理由 / a reason is required').max(1000), ...windowFields })
  .strict()
  .refine(...oneEnd);

/** The window's end: the date given, or the end of the N-th day from today (Asia/Shanghai); 400 if unreadable. */
export function publicityWindowEnd(given: z.infer<typeof publicityWindow>, publicityDays: number, path = 'windowEndsAt'): number {
  const end = parseDeadline(given.windowEndsAt ?? shanghaiDate(Date.now() + (given.days ?? publicityDays) * DAY));
  if (end === undefined)
    throw badRequest(`公示截止时间无效：${given.windowEndsAt}`, `invalid windowEndsAt ${given.windowEndsAt}`, [
      { path, messageZh: '日期格式无效', messageEn: 'invalid date' },
    ]);
  return end;
}
