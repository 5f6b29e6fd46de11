// Messages of the objections (异议) raised during publicity.
// Both languages side by side; zh is typed against en (test/messages.test.ts checks the merged catalogue).

export const en = {
  resources: {
    objections: {
      name: 'Objection |||| Objections',
      fields: {
        lodgedByName: 'Lodged by',
        resolvedByName: 'Resolved by',
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
        reference: 'Reference no.',
        contactName: 'Objector',
        contact: 'Phone or e-mail',
        attachmentId: 'Attachment',
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
      source_public: 'Public page (online)',
      the_public: 'The public (no account)',
      download: 'Download',
      public_pages: 'Public pages',
      public_contact: 'Contact on the public pages',
      public_contact_helper:
        'Printed under every public list of %{campaign} as the objection contact (a phone, an address, a mailbox). Leave it empty for the default, which names the bureau.',
      choose_campaign: 'Choose a campaign in the filter first',
      contact_saved: 'Contact saved',
      public_notice:
        'Lodged on the public page. Its lodger can read the status, the decision and your resolution text by reference %{reference}: write it for them, and keep names and other personal details out of it.',
      reference_notice: 'Reference %{reference}: whoever holds it can read the status and the resolution text on the public page.',
    },
  },
};

export const zh: typeof en = {
  resources: {
    objections: {
      name: '异议',
      fields: {
        lodgedByName: '提出人',
        resolvedByName: '处理人',
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
        reference: '异议编号',
        contactName: '异议人',
        contact: '联系方式',
        attachmentId: '附件',
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
      source_public: '公示页面在线提交',
      the_public: '社会公众（无账号）',
      download: '下载',
      public_pages: '公示页面',
      public_contact: '公示页面联系方式',
      public_contact_helper: '印在「%{campaign}」每份公开名单下方的异议受理联系方式（电话、地址、邮箱）。留空则使用默认文字（注明发布单位）。',
      choose_campaign: '请先在筛选中选择专项行动',
      contact_saved: '联系方式已保存',
      public_notice: '此异议由公众在公示页面在线提交。提出人可凭编号 %{reference} 查询处理状态、结论和处理意见原文：请面向提出人撰写，不要写入姓名等个人信息。',
      reference_notice: '异议编号 %{reference}：持有编号者可在公示页面查询处理状态和处理意见原文。',
    },
  },
};
