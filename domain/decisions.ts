// What a decision on a case is called in a notification to the officers of its jurisdiction.
// The actions are the audit trail's (activities/case.ts recordCaseDecision, activities/application.ts,
// activities/intake.ts recordEntryDecision).
export const DECISION_LABELS: Record<string, { zh: string; en: string }> = {
  'case.rectification_ordered': { zh: '责令整改', en: 'rectification ordered' },
  'case.rectification_passed': { zh: '整改复查通过', en: 'rectification verified' },
  'case.filed': { zh: '立案查处', en: 'filed for investigation' },
  'case.excluded': { zh: '不予评定', en: 'excluded from the award' },
  'case.rectification_failed': { zh: '整改未通过，不予评定', en: 'rectification failed, excluded' },
  'case.objection_upheld': { zh: '异议成立，移出名单', en: 'objection upheld, removed from the list' },
  'case.scored': { zh: '评分完成', en: 'scored' },
  'case.audited': { zh: '市局审核完成', en: 'city audit done' },
  'case.audit_vetoed': { zh: '市局审核否决', en: 'vetoed in the city audit' },
  'case.task_overdue': { zh: '办理逾期', en: 'work overdue' },
  'case.listed': { zh: '列入名单', en: 'on the roster' },
  'case.not_listed': { zh: '未列入名单', en: 'not on the roster' },
  'application.reported': { zh: '初审通过，已上报市局', en: 'pre-review passed, reported to the city' },
  'application.rejected': { zh: '初审不通过', en: 'rejected in the pre-review' },
  'application.returned': { zh: '退回补正材料', en: 'returned for material' },
  'intake.admitted': { zh: '审核通过，予以入库', en: 'admitted to the register' },
  'intake.refused': { zh: '不予入库', en: 'refused admission' },
  'intake.filed': { zh: '已提交中心备案', en: 'filed with the centre' },
  'intake.removal_proposed': { zh: '动态评分提出清退', en: 'proposed for removal by dynamic scoring' },
  'intake.removed': { zh: '清退出库', en: 'removed from the register' },
  'intake.kept': { zh: '经复核保留在库', en: 'kept in the register after review' },
  'title.granted': { zh: '授予称号', en: 'title granted' },
  'title.revoked': { zh: '撤销称号', en: 'title revoked' },
};

export const decisionLabel = (action: string) => DECISION_LABELS[action] ?? { zh: action, en: action };
