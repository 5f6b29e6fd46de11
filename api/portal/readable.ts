// What an operator reads about its own case, in words rather than the engine's keys: the current step,
// the kind of a task, the outcome of a finished one. Staff read the same keys through the console's
// translations (admin-ui/src/cases/CaseFields.tsx useStepLabel); an operator's phone gets them ready-made,
// in both languages, and only what concerns it (no inspector's notes beyond the decision given to it).
export interface Text {
  zh: string;
  en: string;
}

export const TASK_TYPE_NAMES: Record<string, Text> = {
  self_check: { zh: '自查自纠', en: 'Self-check' },
  self_check_review: { zh: '自查审核', en: 'Self-check review' },
  inspection: { zh: '检查', en: 'Inspection' },
  verification: { zh: '整改复查', en: 'Verification of the rectification' },
  score: { zh: '评分', en: 'Scoring' },
  interview: { zh: '约谈 / 行政指导', en: 'Interview or guidance' },
  escalation: { zh: '逾期督办', en: 'Overdue escalation' },
  pre_review: { zh: '属地初审', en: 'County pre-review' },
  resubmission: { zh: '补充材料', en: 'Supplementary material' },
  city_audit: { zh: '市局审核', en: 'City audit' },
  intake_review: { zh: '入库审核', en: 'Intake review' },
  filing: { zh: '备案', en: 'Filing' },
  removal_review: { zh: '清退确认', en: 'Removal review' },
  rubric: { zh: '评审打分', en: 'Rubric scoring' },
};
export const taskTypeName = (type: string): Text => TASK_TYPE_NAMES[type] ?? (type.startsWith('form:') ? { zh: '填报', en: 'Form' } : { zh: type, en: type });

const STEPS: Record<string, Text> = {
  enrolled: { zh: '已纳入', en: 'Enrolled' },
  completed: { zh: '已办结', en: 'Completed' },
  rectification_passed: { zh: '整改复查通过', en: 'Rectification verified' },
  scored_proposed: { zh: '已评分，拟授予称号', en: 'Scored, proposed for the title' },
  scored_below_threshold: { zh: '已评分，未达分数线', en: 'Scored, below the threshold' },
  title_granted: { zh: '已授予称号', en: 'Title granted' },
  title_revoked: { zh: '称号已撤销', en: 'Title revoked' },
  title_expired: { zh: '称号已到期', en: 'Title expired' },
  reported: { zh: '已上报市局', en: 'Reported to the city' },
  returned: { zh: '退回补充材料', en: 'Returned for more material' },
  listed: { zh: '已列入培育库', en: 'On the cultivation list' },
  not_listed: { zh: '未入库', en: 'Not listed' },
  removed: { zh: '已移出培育库', en: 'Removed from the list' },
  nomination_pending: { zh: '已推荐至省局', en: 'Nominated to the province' },
  nomination_accepted: { zh: '已列入省级培育名单', en: 'On the provincial list' },
  nomination_declined: { zh: '省局未采纳', en: 'Declined by the province' },
  nomination_withdrawn: { zh: '推荐已撤回', en: 'Nomination withdrawn' },
};
const EXCLUDED: Record<string, Text> = {
  filed: { zh: '立案查处', en: 'case filed' },
  rectification_failed: { zh: '整改未通过', en: 'rectification failed' },
  objection_upheld: { zh: '异议成立', en: 'objection upheld' },
  rejected: { zh: '不予通过', en: 'rejected' },
  vetoed: { zh: '否决', en: 'vetoed' },
};
const TASK_STATES: Record<string, Text> = {
  open: { zh: '办理中', en: 'in progress' },
  overdue: { zh: '已逾期', en: 'overdue' },
  accepted: { zh: '已通过审核', en: 'accepted' },
  passed: { zh: '未发现问题', en: 'no problem found' },
};

/** "inspection:open", "rectifying:2024-08-20", "excluded:filed"… in words (null when there is none). */
export function stepText(step: string | null): Text | null {
  if (!step) return null;
  const [head = '', ...rest] = step.split(':');
  const tail = rest.join(':');
  if (head === 'rectifying') return { zh: `限期整改中（至 ${tail}）`, en: `Rectifying (by ${tail})` };
  if (head === 'excluded') {
    const k = EXCLUDED[tail] ?? { zh: tail, en: tail };
    return { zh: `已排除：${k.zh}`, en: `Excluded: ${k.en}` };
  }
  if (tail && (TASK_TYPE_NAMES[head] || head.startsWith('form'))) {
    const t = taskTypeName(head);
    const s = TASK_STATES[tail] ?? { zh: tail, en: tail };
    return { zh: `${t.zh}${s.zh}`, en: `${t.en} ${s.en}` };
  }
  return STEPS[step.replace(':', '_')] ?? { zh: step, en: step };
}

type R = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const withNote = (t: Text, note: unknown): Text => {
  const n = str(note);
  return n ? { zh: `${t.zh}：${n}`, en: `${t.en}: ${n}` } : t;
};

/** A finished task's outcome, as the operator is told it (the decision and the reason given to it). */
export function resultSummary(type: string, result: unknown): Text | null {
  if (!result || typeof result !== 'object') return null;
  const r = result as R;
  switch (type) {
    case 'self_check': {
      const areas = Array.isArray(r.areas) ? (r.areas as R[]) : [];
      const issues = areas.filter((a) => a.finding === 'issue').length;
      return issues
        ? { zh: `已提交，自查发现 ${issues} 项问题`, en: `submitted, ${issues} issue(s) found` }
        : { zh: '已提交，未发现问题', en: 'submitted, no issue found' };
    }
    case 'self_check_review':
      return r.decision === 'accepted' ? withNote({ zh: '审核通过', en: 'accepted' }, r.note) : withNote({ zh: '退回修改', en: 'returned' }, r.note);
    case 'inspection': {
      const findings = Array.isArray(r.findings) ? (r.findings as R[]) : [];
      const serious = findings.some((f) => f.finding === 'serious');
      const minor = findings.filter((f) => f.finding === 'minor').length;
      return serious
        ? { zh: '发现严重问题', en: 'serious violation found' }
        : minor
          ? { zh: `发现 ${minor} 项一般问题，须限期整改`, en: `${minor} minor issue(s), to be rectified` }
          : { zh: '未发现问题', en: 'no problem found' };
    }
    case 'verification':
      return withNote(r.passed ? { zh: '整改复查通过', en: 'rectification verified' } : { zh: '整改复查未通过', en: 'rectification not verified' }, r.note);
    case 'interview': {
      const m = r.measure === 'guidance' ? { zh: '行政指导', en: 'administrative guidance' } : { zh: '约谈', en: 'interview' };
      const by = str(r.rectifyBy);
      return withNote(by ? { zh: `${m.zh}，限 ${by} 前整改`, en: `${m.en}, rectify by ${by}` } : m, r.note);
    }
    case 'pre_review': {
      const missing = Array.isArray(r.missing) ? (r.missing as unknown[]).filter((x): x is string => typeof x === 'string') : [];
      const base =
        r.decision === 'pass'
          ? { zh: '初审通过', en: 'passed' }
          : r.decision === 'reject'
            ? { zh: '不予通过', en: 'rejected' }
            : { zh: '退回补充材料', en: 'returned for more material' };
      const t = missing.length ? { zh: `${base.zh}（缺：${missing.join('、')}）`, en: `${base.en} (missing: ${missing.join(', ')})` } : base;
      return withNote(t, r.note);
    }
    case 'resubmission':
      return { zh: '已补充材料', en: 'material supplied' };
    case 'city_audit':
    case 'rubric':
      return Array.isArray(r.vetoes) && r.vetoes.length ? { zh: '审核否决', en: 'vetoed' } : { zh: '已审核', en: 'audited' };
    case 'score':
      return { zh: '已评分', en: 'scored' };
    default:
      return { zh: '已办结', en: 'done' };
  }
}

/** Audit actions about a case that are decisions given to the operator (not the office's own workings). */
export const CASE_DECISIONS: Record<string, Text> = {
  'case.enrolled': { zh: '纳入本次活动', en: 'enrolled' },
  'case.rectification_ordered': { zh: '责令限期整改', en: 'rectification ordered' },
  'case.rectification_passed': { zh: '整改复查通过', en: 'rectification verified' },
  'case.filed': { zh: '立案查处', en: 'case filed' },
  'case.scored': { zh: '评分完成', en: 'scored' },
  'case.audited': { zh: '市局审核完成', en: 'city audit done' },
  'case.audit_vetoed': { zh: '市局审核否决', en: 'vetoed in the city audit' },
  'case.listed': { zh: '列入培育库', en: 'listed' },
  'case.not_listed': { zh: '未列入培育库', en: 'not listed' },
  'case.completed': { zh: '案件办结', en: 'case completed' },
  'case.task_overdue': { zh: '任务逾期', en: 'task overdue' },
  'application.returned': { zh: '退回补充材料', en: 'returned for more material' },
  'application.resubmitted': { zh: '已重新提交', en: 'resubmitted' },
  'application.reported': { zh: '上报市局', en: 'reported to the city' },
  'application.rejected': { zh: '不予通过', en: 'rejected' },
  'application.filed': { zh: '申报已受理', en: 'application filed' },
  'title.granted': { zh: '授予称号', en: 'title granted' },
  'title.revoked': { zh: '撤销称号', en: 'title revoked' },
  'title.expired': { zh: '称号到期', en: 'title expired' },
  'objection.upheld': { zh: '异议成立', en: 'objection upheld' },
  'objection.dismissed': { zh: '异议不成立', en: 'objection dismissed' },
  'task.completed': { zh: '任务办结', en: 'task done' },
};
