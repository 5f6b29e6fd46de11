// What an operator hears of its own case in its portal (README "Notifications to operators"): a return
// (self-check or application returned for material), an order (限期整改 with its deadline), a reminder
// (its own open task's deadline is near) and a decision (accepted, pre-review or audit passed or failed,
// listed, title granted or revoked, register entry admitted, refused, filed or removed). The actions are
// the audit trail's, as in domain/decisions.ts; the activities that record them add these notices.
import { decisionLabel } from './decisions.js';
import { shanghaiDate } from './time.js';

export type OperatorNoticeKind = 'returned' | 'order' | 'reminder' | 'decision';

/** Decisions the operator hears of, by audit action; anything else stays with staff. */
export const OPERATOR_NOTICE_KIND: Record<string, Exclude<OperatorNoticeKind, 'reminder'>> = {
  // changxing 四、（二）: the station reviews the self-check, accepts or returns it with a reason.
  'self_check.returned': 'returned',
  'self_check.accepted': 'decision',
  // zhoushan 六、（二）: the county returns an application for material, reports it up or rejects it.
  'application.returned': 'returned',
  'application.reported': 'decision',
  'application.rejected': 'decision',
  // changxing 四、（三）: 约谈/行政指导 with 限期整改, and its verification; a title's complaint likewise.
  'case.rectification_ordered': 'order',
  'title.rectification_ordered': 'order',
  'case.rectification_passed': 'decision',
  'case.rectification_failed': 'decision',
  'case.filed': 'decision',
  'case.excluded': 'decision',
  'case.audited': 'decision',
  'case.audit_vetoed': 'decision',
  'case.listed': 'decision',
  'case.not_listed': 'decision',
  'listing.removed': 'decision',
  // changxing 四、（四）: an objection upheld during the 公示 takes the operator off the list.
  'objection.upheld': 'decision',
  'title.granted': 'decision',
  'title.revoked': 'decision',
  // lijiang 附件1 第16–18条, 附件2 第9条.
  'intake.admitted': 'decision',
  'intake.refused': 'decision',
  'intake.filed': 'decision',
  'intake.removed': 'decision',
};

/** The operator's wording where the officers' (domain/decisions.ts) does not fit or does not exist. */
const OPERATOR_LABELS: Record<string, { zh: string; en: string }> = {
  'self_check.returned': { zh: '自查被退回，请按意见修改后重新提交', en: 'self-check returned: correct it and submit again' },
  'self_check.accepted': { zh: '自查已审核通过', en: 'self-check accepted' },
  'application.returned': { zh: '申报被退回补充材料', en: 'application returned for material' },
  'title.rectification_ordered': { zh: '约谈后责令限期整改', en: 'rectification ordered after an interview' },
  'listing.removed': { zh: '移出培育名单', en: 'removed from the cultivation list' },
  'objection.upheld': { zh: '公示异议成立，移出名单', en: 'an objection was upheld: removed from the list' },
};
export const operatorNoticeLabel = (action: string) => OPERATOR_LABELS[action] ?? decisionLabel(action);

/**
 * Task types that are the operator's own work, whoever records them today: its reminder reaches the
 * operator too (staff acting for an operator without an account get theirs as before).
 */
export const OPERATOR_TASK_TYPES: readonly string[] = ['self_check', 'resubmission'];
export const isOperatorTask = (t: { type: string; assigneeRole: string }) => t.assigneeRole === 'operator' || OPERATOR_TASK_TYPES.includes(t.type);

/**
 * Who among staff hears of work on an operator's task left open (a stage's reminder, its overdue notice):
 * the station or county officers, who follow their operators and act for those without an account. The
 * operator itself is told by name (activities/operator-notice.ts); a notice to the role "operator" would
 * reach nobody.
 */
export const staffRoleFor = (assigneeRole: string) => (assigneeRole === 'operator' ? 'county_officer' : assigneeRole);

/** A deadline as the order carries it: epoch ms (case workflows) or a bare date (a title's interview). */
export function deadlineText(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return shanghaiDate(v);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  return undefined;
}

/**
 * Title and body of the operator's notice. The campaign's name stands for the case (the operator knows
 * its own name); the body is the reason staff recorded, and an order's deadline.
 */
export function operatorNoticeText(
  action: string,
  campaignName: string,
  reason: string | null | undefined,
  data: unknown,
): { kind: Exclude<OperatorNoticeKind, 'reminder'>; title: string; body: string } | undefined {
  const kind = OPERATOR_NOTICE_KIND[action];
  if (!kind) return undefined;
  const label = operatorNoticeLabel(action);
  const due = kind === 'order' ? deadlineText((data as { rectifyBy?: unknown } | null | undefined)?.rectifyBy) : undefined;
  const body = [reason?.trim() || '', due ? `整改期限 ${due} / rectify by ${due}` : ''].filter(Boolean).join('\n');
  return { kind, title: `「${campaignName}」${label.zh} / ${label.en}`, body };
}
