// Messages of the titles (称号) awarded, revoked and followed up.
// Both languages side by side; zh is typed against en (test/messages.test.ts checks the merged catalogue).

export const en = {
  resources: {
    titles: {
      name: 'Title |||| Titles',
      fields: {
        revokedByName: 'Revoked by',
        id: 'ID',
        campaignId: 'Campaign',
        campaignName: 'Campaign',
        caseId: 'Case',
        operatorId: 'Operator',
        operatorName: 'Operator',
        operatorUscc: 'Unified social credit code',
        jurisdictionId: 'Jurisdiction',
        totalScore: 'Total score',
        grantedAt: 'Granted',
        expiresAt: 'Valid until',
        status: 'Status',
        endedAt: 'Ended',
        revokedGround: 'Revocation ground',
        revokedEvidence: 'Evidence',
        revokedById: 'Revoked by',
      },
    },
  },
  app: {
    titles: {
      status: {
        active: 'Active',
        revoked: 'Revoked',
        expired: 'Expired',
      },
      revoke: 'Revoke the title',
      ground: 'Ground',
      evidence: 'Evidence',
      evidence_helper: 'The facts, where the evidence comes from, document numbers',
      revoke_confirm: 'Revoke this title? It takes effect at once and cannot be undone.',
      revoked: 'Title revoked',
      actions: 'Dynamic management',
      follow_up: 'Interviews and verifications',
    },
  },
};

export const zh: typeof en = {
  resources: {
    titles: {
      name: '称号',
      fields: {
        revokedByName: '撤销人',
        id: '编号',
        campaignId: '专项行动',
        campaignName: '专项行动',
        caseId: '案卷',
        operatorId: '经营主体',
        operatorName: '经营主体',
        operatorUscc: '统一社会信用代码',
        jurisdictionId: '辖区',
        totalScore: '总分',
        grantedAt: '授予日期',
        expiresAt: '有效期至',
        status: '状态',
        endedAt: '终止日期',
        revokedGround: '撤销依据',
        revokedEvidence: '撤销证据',
        revokedById: '撤销人',
      },
    },
  },
  app: {
    titles: {
      status: {
        active: '有效',
        revoked: '已撤销',
        expired: '已到期',
      },
      revoke: '撤销称号',
      ground: '撤销依据',
      evidence: '证据说明',
      evidence_helper: '写明违法事实、证据来源及文书编号',
      revoke_confirm: '确定撤销该称号？撤销立即生效且不可恢复。',
      revoked: '称号已撤销',
      actions: '动态管理',
      follow_up: '约谈与整改复查',
    },
  },
};
