// Messages of the audit log (审计日志).
// Both languages side by side; zh is typed against en (test/messages.test.ts checks the merged catalogue).

export const en = {
  resources: {
    'audit-events': {
      name: 'Audit event |||| Audit trail',
      fields: {
        id: 'ID',
        at: 'Time',
        actorId: 'Actor',
        actorRole: 'Actor role',
        action: 'Action',
        entityType: 'Entity type',
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
  resources: {
    'audit-events': {
      name: '操作日志',
      fields: {
        id: '编号',
        at: '时间',
        actorId: '操作人',
        actorRole: '操作人角色',
        action: '操作',
        entityType: '对象类型',
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
