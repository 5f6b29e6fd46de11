// Messages of the operator's notifications in the portal (README "Notifications to operators"): returned,
// order issued, deadline near, decision made. Both languages side by side; zh is typed against en
// (test/messages.test.ts checks the merged catalogue).

export const en = {
  app: {
    portal_notifications: {
      menu: 'Notices',
      title: 'Notices',
      none: 'No notices.',
      unread: '%{smart_count} unread',
      mark_all: 'Mark all read',
      marked: 'All marked read',
      open: 'Open',
      kind: {
        returned: 'Returned',
        order: 'Rectification order',
        reminder: 'Deadline near',
        decision: 'Decision',
      },
    },
  },
};

export const zh: typeof en = {
  app: {
    portal_notifications: {
      menu: '消息',
      title: '消息通知',
      none: '暂无消息。',
      unread: '%{smart_count} 条未读',
      mark_all: '全部标为已读',
      marked: '已全部标为已读',
      open: '查看',
      kind: {
        returned: '退回',
        order: '整改通知',
        reminder: '即将截止',
        decision: '结果通知',
      },
    },
  },
};
