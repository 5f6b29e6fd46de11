// The rectification loop shared by cases (集中治理) and titles (complaints): a deadline (限期整改), then a
// verification; not passed → another deadline while rounds remain, else the loop has failed.
import { ApplicationFailure } from '@temporalio/workflow';
import type { VerificationResult } from '../domain/task-forms.js';
import { parseDeadline } from '../domain/time.js';
import { REJECT } from './messages.js';

export type VerificationOutcome = { kind: 'passed' } | { kind: 'again'; rectifyBy: number } | { kind: 'failed' };

/** A rectification deadline: a date (end of that day, Asia/Shanghai) or an instant, after now and before `limit`. */
export function checkRectifyBy(text: string | undefined, now: number, limit?: { at: number; what: string }): number {
  const at = text === undefined ? undefined : parseDeadline(text);
  if (at === undefined)
    throw ApplicationFailure.create({ type: REJECT.invalid, message: `整改期限无效 / invalid rectification deadline: ${text ?? '(missing)'}` });
  if (at <= now) throw ApplicationFailure.create({ type: REJECT.invalid, message: '整改期限必须在将来 / the rectification deadline must be in the future' });
  if (limit && at >= limit.at)
    throw ApplicationFailure.create({
      type: REJECT.invalid,
      message: `整改期限必须早于${limit.what} / the rectification deadline must be before ${limit.what}`,
    });
  return at;
}

/** Validator half: a failed verification with rounds left needs a new deadline; the last round takes none. */
export function checkVerification(r: VerificationResult, round: number, maxRounds: number, now: number, limit?: { at: number; what: string }): void {
  if (r.passed) return;
  if (round < maxRounds) checkRectifyBy(r.rectifyBy, now, limit);
  else if (r.rectifyBy)
    throw ApplicationFailure.create({
      type: REJECT.invalid,
      message: `已是第 ${round} 轮（最多 ${maxRounds} 轮），不能再设整改期限 / round ${round} of ${maxRounds}: no further deadline`,
    });
}

export function verificationOutcome(r: VerificationResult, round: number, maxRounds: number): VerificationOutcome {
  if (r.passed) return { kind: 'passed' };
  if (round < maxRounds) return { kind: 'again', rectifyBy: parseDeadline(r.rectifyBy!)! };
  return { kind: 'failed' };
}
