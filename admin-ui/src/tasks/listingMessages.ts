// Messages of a listed room's periodic evaluation and the removal it may propose (zhoushan 七、（三）).
// Both languages side by side; zh is typed against en (test/messages.test.ts checks the merged catalogue).

export const en = {
  app: {
    listing_evaluation: {
      room: 'Live room',
      round: 'Evaluation no.',
      clause: 'Basis',
      helper: 'Judge the room against the cultivation criteria. Not passed proposes its removal from the list; the city decides.',
      outcome: 'Outcome',
      passed: 'Passed',
      failed: 'Not passed: propose removal',
      note: 'Findings',
    },
    listing_removal: {
      evaluation: 'The county’s evaluation',
      evaluated_by: 'Evaluated by',
      helper: 'Removed, the room leaves the cultivation list (a pending nomination is withdrawn); kept, it stays, with your reason on record.',
      decision: 'Decision',
      remove: 'Remove from the list',
      keep: 'Keep on the list',
      reason: 'Reason',
    },
  },
};

export const zh: typeof en = {
  app: {
    listing_evaluation: {
      room: '直播间',
      round: '评估次序',
      clause: '依据',
      helper: '对照培育准则评估该直播间。不合格将提出移出培育库的建议，由市局确认。',
      outcome: '评估结论',
      passed: '合格',
      failed: '不合格，建议移出',
      note: '评估情况',
    },
    listing_removal: {
      evaluation: '县区评估情况',
      evaluated_by: '评估人',
      helper: '确认移出后，该直播间移出培育库（待省局答复的推荐一并撤回）；保留则继续培育，并记录理由。',
      decision: '决定',
      remove: '移出培育库',
      keep: '保留',
      reason: '理由',
    },
  },
};
