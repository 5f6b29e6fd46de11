// Messages of 更正 (correcting a completed decision, README "Corrections"): the button, its dialog and outcome.
// Both languages side by side; zh is typed against en (test/messages.test.ts checks the merged catalogue).

export const en = {
  app: {
    correction: {
      button: 'Correct',
      title: 'Correct this decision',
      content: 'The original decision stays in the audit trail; the correction is recorded beside it with your reason.',
      mode_label: 'Correction',
      mode: {
        amend: 'Amend the result',
        reopen: 'Reopen the task for its handler',
      },
      reopen_helper: 'The task opens again for its role, unclaimed; the total waits until it is completed again.',
      reopen_inspection:
        'The inspection opens again for the station’s officers; a rectification it ordered that is not yet due is withdrawn, and the new finding decides what follows.',
      reopen_pre_review:
        'The pre-review opens again for the county; what its decision opened (the applicant’s answer, or the city audit) is withdrawn until it is decided again.',
      reopen_intake_review: 'The review opens again for the office; the filing it asked of the centre is withdrawn until the entry is admitted again.',
      new_score: 'Corrected score (0–100)',
      filed_on: 'Date of filing',
      reference: 'Filing reference',
      points: '%{name} (0–%{max})',
      points_helper: 'The corrected points per criterion; a veto item needs the audit reopened for the auditor.',
      score_invalid: 'A score from 0 to 100 with at most two decimals',
      republish: 'Publish a new publicity list with it',
      republish_helper:
        'Once the publicity list is published, and until its period is over, a score is corrected only this way: the new list supersedes the published one, with a publicity period of its own (the campaign’s setting).',
      decision_label: 'Corrected decision',
      note: 'Note to the operator',
      note_required: 'Returning needs a note',
      reason: 'Reason for the correction',
      confirm: 'Correct',
      done: 'Corrected: the audit trail keeps the original and the correction',
      done_republished: 'Corrected, and a new publicity list published in place of the earlier one',
    },
  },
};

export const zh: typeof en = {
  app: {
    correction: {
      button: '更正',
      title: '更正此项结论',
      content: '原结论保留在操作日志中，更正连同理由作为新的记录一并保存。',
      mode_label: '更正方式',
      mode: {
        amend: '修改结论',
        reopen: '退回重新办理',
      },
      reopen_helper: '任务重新开放给原岗位认领办理；重新办结前不计总分。',
      reopen_inspection: '检查任务重新开放给执法人员重新检查；尚未到期的整改责令随之撤回，按重新检查的结论办理。',
      reopen_pre_review: '属地初审重新开放给县区审核；原结论引出的补充材料或市局审核随之撤回，重新初审后按新结论办理。',
      reopen_intake_review: '入库审核重新开放给办公室审核；已提交中心的备案任务随之撤回，重新审核同意入库后再行备案。',
      new_score: '更正后的分数（0–100）',
      filed_on: '备案日期',
      reference: '备案编号',
      points: '%{name}（0–%{max} 分）',
      points_helper: '各评审项更正后的得分；如需勾选否决项，请选择「退回重新办理」由审核员重新审核。',
      score_invalid: '分数须为 0–100，最多两位小数',
      republish: '更正后重新公示',
      republish_helper: '「公示」名单发布后、公示期结束前，评分只能这样更正：重新发布的公示名单取代原名单，公示期按活动设置重新计算。',
      decision_label: '更正后的审核结论',
      note: '给经营主体的说明',
      note_required: '退回时须填写说明',
      reason: '更正理由',
      confirm: '确认更正',
      done: '已更正：原结论与更正均已记入操作日志',
      done_republished: '已更正，并已发布新的公示名单取代原名单',
    },
  },
};
