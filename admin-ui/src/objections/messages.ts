// Messages of the objections (异议) raised during publicity.
// Both languages side by side; zh is typed against en (test/messages.test.ts checks the merged catalogue).

export const en = {
  resources: {
    objections: {
      name: 'Objection |||| Objections',
      fields: {
        id: 'ID',
        campaignId: 'Campaign',
        caseId: 'Case',
        rosterId: 'Publicity list',
        jurisdictionId: 'Jurisdiction',
        lodgedAt: 'Lodged',
        lodgedById: 'Lodged by',
        source: 'Source',
        content: 'Content',
        status: 'Status',
        resolvedAt: 'Resolved',
        resolvedById: 'Resolved by',
        resolution: 'Resolution',
      },
    },
  },
  app: {
    objection: {
      status: {
        open: 'Open',
        upheld: 'Upheld',
        dismissed: 'Dismissed',
      },
      decision: {
        upheld: 'Upheld (the case leaves the list)',
        dismissed: 'Dismissed',
      },
      lodge: 'Record an objection',
      lodged: 'Objection recorded',
      none: 'No objections.',
      resolve: 'Resolve',
      resolve_title: 'Resolve the objection',
      resolution_helper: 'What was checked and why',
      resolved: 'Objection resolved',
      source_helper: 'E.g. letter, phone call, online message',
    },
  },
};

export const zh: typeof en = {
  resources: {
    objections: {
      name: '异议',
      fields: {
        id: '编号',
        campaignId: '专项行动',
        caseId: '案卷',
        rosterId: '公示名单',
        jurisdictionId: '辖区',
        lodgedAt: '记录时间',
        lodgedById: '记录人',
        source: '异议来源',
        content: '异议内容',
        status: '状态',
        resolvedAt: '处理时间',
        resolvedById: '处理人',
        resolution: '处理意见',
      },
    },
  },
  app: {
    objection: {
      status: {
        open: '待处理',
        upheld: '异议成立',
        dismissed: '异议不成立',
      },
      decision: {
        upheld: '异议成立（移出名单）',
        dismissed: '异议不成立',
      },
      lodge: '记录异议',
      lodged: '已记录异议',
      none: '暂无异议。',
      resolve: '处理',
      resolve_title: '处理异议',
      resolution_helper: '说明核查情况和处理理由',
      resolved: '异议已处理',
      source_helper: '如：来信、来电、网络留言',
    },
  },
};
