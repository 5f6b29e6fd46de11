// Messages of the notifications (通知).
// Both languages side by side; zh is typed against en (test/messages.test.ts checks the merged catalogue).

export const en = {
  resources: {
    notifications: {
      name: 'Notification |||| Notifications',
      fields: {
        id: 'ID',
        kind: 'Kind',
        title: 'Title',
        body: 'Message',
        createdAt: 'Time',
        read: 'Status',
        unread: 'Read status',
        campaignId: 'Campaign',
        taskId: 'Task',
        caseId: 'Case',
      },
    },
  },
  app: {
    notifications: {
      title: 'Notifications',
      kind: {
        assignment: 'Assignment',
        reminder: 'Reminder',
        overdue: 'Overdue',
        escalation: 'Escalation',
        decision: 'Decision',
      },
      read: 'Read',
      unread: 'Unread',
      unread_count: '%{smart_count} unread',
      mark_read: 'Mark as read',
      mark_all_read: 'Mark all as read',
      marked: '%{smart_count} notification marked as read |||| %{smart_count} notifications marked as read',
      empty: 'No notifications.',
      see_all: 'See all notifications',
    },
  },
};

export const zh: typeof en = {
  resources: {
    notifications: {
      name: '通知',
      fields: {
        id: '编号',
        kind: '类型',
        title: '标题',
        body: '内容',
        createdAt: '时间',
        read: '状态',
        unread: '已读状态',
        campaignId: '专项行动',
        taskId: '任务',
        caseId: '案卷',
      },
    },
  },
  app: {
    notifications: {
      title: '通知',
      kind: {
        assignment: '指派',
        reminder: '催办提醒',
        overdue: '逾期',
        escalation: '督办',
        decision: '决定',
      },
      read: '已读',
      unread: '未读',
      unread_count: '%{smart_count} 条未读',
      mark_read: '标为已读',
      mark_all_read: '全部标为已读',
      marked: '已将 %{smart_count} 条通知标为已读',
      empty: '暂无通知。',
      see_all: '查看全部通知',
    },
  },
};
