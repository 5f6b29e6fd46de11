// Messages of the audit log (审计日志).
// Both languages side by side; zh is typed against en (test/messages.test.ts checks the merged catalogue).

export const en = {
  app: {
    audit: {
      other_action: 'Other action',
      unknown_actor: 'A former user',
      entity: {
        campaign: 'Campaign',
        case: 'Case',
        task: 'Task',
        stage: 'Stage',
        operator: 'Operator',
        user: 'User',
        jurisdiction: 'Jurisdiction',
        programme: 'Programme',
        roster: 'Roster',
        title: 'Title',
        objection: 'Objection',
        listing: 'Cultivation listing',
        application: 'Application',
        intake_batch: 'Review batch',
        register_entry: 'Register entry',
        attachment: 'File',
        comment: 'Comment',
        webhook: 'Webhook',
        system: 'System',
        other: 'Other',
      },
    },
  },
  resources: {
    'audit-events': {
      name: 'Audit event |||| Audit trail',
      fields: {
        actorName: 'Actor',
        id: 'ID',
        at: 'Time',
        actorId: 'Actor',
        actorRole: 'Actor role',
        action: 'Action',
        entityType: 'About',
        entityId: 'Entity ID',
        campaignId: 'Campaign',
        jurisdictionId: 'Jurisdiction',
        reason: 'Reason',
        data: 'Data',
        clause: 'Clause',
      },
    },
  },
};

export const zh: typeof en = {
  app: {
    audit: {
      other_action: '其他操作',
      unknown_actor: '已删除的用户',
      entity: {
        campaign: '专项行动',
        case: '案件',
        task: '任务',
        stage: '阶段',
        operator: '经营主体',
        user: '用户',
        jurisdiction: '辖区',
        programme: '活动项目',
        roster: '名单',
        title: '称号',
        objection: '异议',
        listing: '培育名单',
        application: '申报',
        intake_batch: '审核批次',
        register_entry: '库内条目',
        attachment: '附件',
        comment: '评论',
        webhook: '推送地址',
        system: '系统',
        other: '其他',
      },
    },
  },
  resources: {
    'audit-events': {
      name: '操作日志',
      fields: {
        actorName: '操作人',
        id: '编号',
        at: '时间',
        actorId: '操作人',
        actorRole: '操作人角色',
        action: '操作',
        entityType: '操作对象',
        entityId: '对象编号',
        campaignId: '专项行动',
        jurisdictionId: '辖区',
        reason: '理由',
        data: '数据',
        clause: '依据条款',
      },
    },
  },
};
