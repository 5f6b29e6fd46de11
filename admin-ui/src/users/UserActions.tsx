import { useState } from 'react';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import LockResetIcon from '@mui/icons-material/LockReset';
import { Button, useGetIdentity, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ReasonDialog } from '../common/ReasonDialog';
import type { User } from '../types';
import { resetPassword, setUserDisabled } from './api';
import { TemporaryPasswordDialog } from './TemporaryPasswordDialog';

/**
 * 停用 / 启用 (admin): with a reason, after a confirmation. Disabling ends the user's sessions at once
 * (their next call answers 401); their records and history stay. Not on one's own account.
 */
export const UserStatusButton = () => {
  const user = useRecordContext<User>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!user || user.id === identity?.id) return null;
  const disabling = !user.disabled;
  const name = { name: user.displayName, username: user.username };
  return (
    <>
      <Button
        label={disabling ? 'app.user.disable' : 'app.user.enable'}
        color={disabling ? 'error' : 'primary'}
        onClick={() => setOpen(true)}
        data-testid={disabling ? 'user-disable' : 'user-enable'}
      >
        {disabling ? <BlockIcon /> : <CheckCircleIcon />}
      </Button>
      <ReasonDialog
        open={open}
        testId="user-status-dialog"
        title={translate(disabling ? 'app.user.disable' : 'app.user.enable')}
        content={translate(disabling ? 'app.user.disable_confirm' : 'app.user.enable_confirm', name)}
        warning={disabling ? translate('app.user.disable_warning') : undefined}
        reasonLabel="app.user.reason"
        confirm={disabling ? 'app.user.disable' : 'app.user.enable'}
        confirmColor={disabling ? 'error' : 'primary'}
        onClose={() => setOpen(false)}
        onConfirm={async (reason) => {
          await setUserDisabled(user.id, disabling, reason);
          setOpen(false);
          notify(disabling ? 'app.user.disabled' : 'app.user.enabled', { type: 'success', messageArgs: name });
          refresh();
        }}
      />
    </>
  );
};

/**
 * 重置密码 (admin): with a reason, a new temporary password shown once; the user's sessions end and
 * they must change it at their next sign-in.
 */
export const ResetPasswordButton = () => {
  const user = useRecordContext<User>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState<string | null>(null);
  // One's own password is changed on the password page, knowing the current one.
  if (!user || user.id === identity?.id || user.disabled) return null;
  const name = { name: user.displayName, username: user.username };
  return (
    <>
      <Button label="app.user.reset_password" onClick={() => setOpen(true)} data-testid="user-reset-password">
        <LockResetIcon />
      </Button>
      <ReasonDialog
        open={open}
        testId="user-reset-dialog"
        title={translate('app.user.reset_password')}
        content={translate('app.user.reset_confirm', name)}
        warning={translate('app.user.reset_warning')}
        reasonLabel="app.user.reason"
        confirm="app.user.reset_password"
        confirmColor="warning"
        onClose={() => setOpen(false)}
        onConfirm={async (reason) => {
          const result = await resetPassword(user.id, reason);
          setOpen(false);
          setPassword(result.temporaryPassword);
        }}
      />
      {password && (
        <TemporaryPasswordDialog
          open
          title="app.user.reset_title"
          username={user.username}
          displayName={user.displayName}
          password={password}
          onClose={() => {
            setPassword(null);
            refresh();
          }}
        />
      )}
    </>
  );
};
