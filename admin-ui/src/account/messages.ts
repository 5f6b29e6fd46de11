// Messages of one's own account: signing in, the account menu, changing the password.
// Both languages side by side; zh is typed against en (test/messages.test.ts checks the merged catalogue).

export const en = {
  app: {
    account: {
      logout_everywhere: 'Sign out everywhere',
      logout_everywhere_confirm: 'Sign out on every device and browser where you are signed in, this one included?',
      signed_out: {
        account_disabled: 'Your account has been disabled. Ask your administrator.',
        session_expired: 'Your session has ended. Please sign in again.',
        logged_out_everywhere: 'You have been signed out on every device.',
      },
    },
    password: {
      title: 'Change password',
      menu: 'Change password',
      forced_title: 'Set your own password first',
      forced: 'You signed in with a temporary password. Choose your own password to continue; nothing else is available until then.',
      rules_title: 'The new password must',
      rule_length: 'be at least %{min} characters long',
      rule_username: 'not contain your username (%{username})',
      rule_common: 'not be a commonly used password',
      rule_same: 'differ from the current one',
      others_end: 'Changing it signs you out on your other devices.',
      old: 'Current password',
      temporary: 'Temporary password',
      new: 'New password',
      repeat: 'New password again',
      submit: 'Change password',
      changed: 'Your password has been changed',
      mismatch: 'The two new passwords differ',
    },
  },
};

export const zh: typeof en = {
  app: {
    account: {
      logout_everywhere: '退出所有设备',
      logout_everywhere_confirm: '确定在所有已登录的设备和浏览器上退出登录（包括本机）？',
      signed_out: {
        account_disabled: '您的账号已停用，请联系管理员。',
        session_expired: '登录已过期，请重新登录。',
        logged_out_everywhere: '已在所有设备上退出登录。',
      },
    },
    password: {
      title: '修改密码',
      menu: '修改密码',
      forced_title: '请先设置您自己的密码',
      forced: '您正在使用临时密码登录。请先设置新密码，设置之前不能使用系统的其他功能。',
      rules_title: '新密码须：',
      rule_length: '至少 %{min} 个字符',
      rule_username: '不包含您的用户名（%{username}）',
      rule_common: '不是常见密码',
      rule_same: '与原密码不同',
      others_end: '修改后，您在其他设备上的登录将退出。',
      old: '原密码',
      temporary: '临时密码',
      new: '新密码',
      repeat: '再次输入新密码',
      submit: '修改密码',
      changed: '密码已修改',
      mismatch: '两次输入的新密码不一致',
    },
  },
};
