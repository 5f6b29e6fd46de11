// Messages of the calendar (日历).
// Both languages side by side; zh is typed against en (test/messages.test.ts checks the merged catalogue).

export const en = {
  app: {
    calendar: {
      menu: 'Deadline calendar',
      title: 'Deadline calendar',
      previous: 'Previous month',
      next: 'Next month',
      this_month: 'This month',
      month_view: 'Month',
      list_view: 'List',
      stage_start: '%{stage} starts',
      stage_due: '%{stage} due',
      tasks_due: '%{type}: %{smart_count} task due |||| %{type}: %{smart_count} tasks due',
      overdue: '%{smart_count} overdue',
      more: '%{smart_count} more',
      no_events: 'No deadline in this period.',
    },
  },
};

export const zh: typeof en = {
  app: {
    calendar: {
      menu: '截止日历',
      title: '截止日历',
      previous: '上个月',
      next: '下个月',
      this_month: '本月',
      month_view: '月视图',
      list_view: '列表',
      stage_start: '%{stage}开始',
      stage_due: '%{stage}截止',
      tasks_due: '%{type} %{smart_count} 项到期',
      overdue: '逾期 %{smart_count} 项',
      more: '还有 %{smart_count} 项',
      no_events: '该时段内没有截止事项。',
    },
  },
};
