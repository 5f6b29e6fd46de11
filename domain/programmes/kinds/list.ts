// How a list is chosen from scored cases (择优): a threshold, a quota, or both. Shared by the kinds that
// end in a list: application (Zhoushan 六、（四）培育名单) and defined programmes (their roster).
import { z } from 'zod';
import type { DefinitionProblem } from '../../campaign-definition.js';

/** null clears the programme's default. */
export const listInput = { listThreshold: z.number().nullable().optional(), listQuota: z.number().nullable().optional() };
export interface ListInput {
  listThreshold?: number | null;
  listQuota?: number | null;
}

export function checkList(
  d: { listThreshold?: number; listQuota?: number },
  input: ListInput,
  problems: DefinitionProblem[],
  what: [string, string],
): { listThreshold?: number; listQuota?: number } {
  const threshold = input.listThreshold === null ? undefined : (input.listThreshold ?? d.listThreshold);
  const quota = input.listQuota === null ? undefined : (input.listQuota ?? d.listQuota);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 100))
    problems.push({ path: 'settings.listThreshold', messageZh: `${what[0]}分数线须在 0–100 之间`, messageEn: 'listThreshold must be 0..100' });
  if (quota !== undefined && !(Number.isInteger(quota) && quota >= 1))
    problems.push({ path: 'settings.listQuota', messageZh: `${what[0]}名额须为正整数`, messageEn: 'listQuota must be a whole number ≥ 1' });
  if (threshold === undefined && quota === undefined)
    problems.push({
      path: 'settings.listThreshold',
      messageZh: `须设定${what[0]}分数线或名额（或两者）`,
      messageEn: `set a ${what[1]} threshold, a quota, or both`,
    });
  return { ...(threshold !== undefined ? { listThreshold: threshold } : {}), ...(quota !== undefined ? { listQuota: quota } : {}) };
}
