// Messages of a campaign's stages (阶段): the calendar, closing, extending.
// Both languages side by side; zh is typed against en (test/messages.test.ts checks the merged catalogue).

export const en = {
  app: {
    stage: {
      status: {
        pending: 'Not started',
        open: 'In progress',
        closed: 'Ended',
      },
      name: 'Stage',
      startsAt: 'Start',
      dueAt: 'Deadline',
      done: 'Done',
      open: 'Open',
      overdue: 'Overdue',
      done_cases: 'Cases done',
      open_cases: 'Cases in progress',
      review_cases: 'Awaiting review',
      overdue_cases: 'Cases overdue',
      in_tasks: '%{smart_count} task |||| %{smart_count} tasks',
      actions: 'Actions',
      closed_early: 'Closed early',
      close: 'Close early',
      extend: 'Extend',
      reason: 'Reason',
      new_due: 'New deadline',
      close_title: 'Close stage “%{name}” early',
      extend_title: 'Extend stage “%{name}”',
      closed: 'Stage closed',
      closing: 'Closing the stage: its open work is being marked overdue, and its status changes when that is done',
      extended: 'Deadline extended',
      // The extend dialog's preview of the calendar (README "Extending a stage").
      preview_title: 'Calendar after the extension',
      preview_before: 'Before',
      preview_after: 'After',
      preview_tasks: 'Open tasks moving',
      preview_shift: 'Later stages move by %{days} day(s); open tasks due with them move too',
      preview_no_shift: 'Later stages are not affected',
      extra: {
        after_award: 'After the award',
      },
    },
  },
};

export const zh: typeof en = {
  app: {
    stage: {
      status: {
        pending: '未开始',
        open: '进行中',
        closed: '已结束',
      },
      name: '阶段',
      startsAt: '开始时间',
      dueAt: '截止时间',
      done: '已完成',
      open: '未完成',
      overdue: '逾期',
      done_cases: '已完成（件）',
      open_cases: '办理中（件）',
      review_cases: '待审核（件）',
      overdue_cases: '逾期（件）',
      in_tasks: '任务 %{smart_count} 项',
      actions: '操作',
      closed_early: '提前结束',
      close: '提前结束',
      extend: '延期',
      reason: '理由',
      new_due: '新的截止日期',
      close_title: '提前结束阶段“%{name}”',
      extend_title: '阶段“%{name}”延期',
      closed: '阶段已提前结束',
      closing: '正在结束阶段：未完成的任务正在标记为逾期，完成后阶段状态自动更新',
      extended: '阶段已延期',
      // The extend dialog's preview of the calendar (README "Extending a stage").
      preview_title: '延期后的阶段安排',
      preview_before: '原定',
      preview_after: '调整后',
      preview_tasks: '随之顺延的待办',
      preview_shift: '后续阶段整体顺延 %{days} 天，待办的截止时间随阶段顺延',
      preview_no_shift: '后续阶段不受影响',
      extra: {
        after_award: '称号动态管理',
      },
    },
  },
};
