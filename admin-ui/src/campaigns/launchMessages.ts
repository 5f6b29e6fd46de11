// Messages of launching a campaign: the 启动 button, its confirmation (calendar and operators enrolled,
// from POST /api/campaigns/launch-preview) and the message once launched.
// Both languages side by side; zh is typed against en (test/messages.test.ts checks the merged catalogue).

export const en = {
  app: {
    launch: {
      button: 'Launch',
      checking: 'Checking…',
      confirm_title: 'Launch “%{name}”?',
      confirm: 'Launch now',
      cancel: 'Back to the form',
      where: '%{jurisdiction} · %{year}',
      calendar: 'Calendar',
      stage: 'Stage',
      starts: 'Starts',
      due: 'Due',
      operators: 'The launch enrols %{smart_count} operator |||| The launch enrols %{smart_count} operators',
      operators_by_jurisdiction: '%{name} %{smart_count}',
      by_application: 'No operator is enrolled at launch: operators apply, each application becomes a case.',
      irreversible: 'Once launched, the calendar runs and the enrolled operators are notified; a launch cannot be undone.',
      launched: '“%{name}” launched: %{smart_count} operator enrolled |||| “%{name}” launched: %{smart_count} operators enrolled',
      launched_by_application: '“%{name}” launched: applications are open',
    },
  },
};

export const zh: typeof en = {
  app: {
    launch: {
      button: '启动',
      checking: '正在核对…',
      confirm_title: '启动「%{name}」？',
      confirm: '确认启动',
      cancel: '返回修改',
      where: '%{jurisdiction} · %{year} 年度',
      calendar: '阶段日历',
      stage: '阶段',
      starts: '开始',
      due: '截止',
      operators: '本次启动将纳入 %{smart_count} 家经营主体',
      operators_by_jurisdiction: '%{name} %{smart_count} 家',
      by_application: '启动时不纳入经营主体：由经营主体逐一申报，每份申报建立一件案卷。',
      irreversible: '启动后阶段日历开始运行，并通知纳入的经营主体；启动不能撤销。',
      launched: '「%{name}」已启动，纳入 %{smart_count} 家经营主体',
      launched_by_application: '「%{name}」已启动，开始受理申报',
    },
  },
};
