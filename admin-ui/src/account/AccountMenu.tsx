import { useState, type ReactNode } from 'react';
import DevicesIcon from '@mui/icons-material/Devices';
import PasswordIcon from '@mui/icons-material/Password';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { Confirm, Logout, UserMenu, useLogout, useNavigate, useNotify, useTranslate, useUserMenu } from 'react-admin';
import { errorMessage } from '../httpClient';
import { clearSession, setSignedOutReason } from '../session';
import { logoutEverywhere } from './api';

/** 修改密码: the password page (#/password). */
const ChangePasswordItem = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const menu = useUserMenu();
  return (
    <MenuItem
      data-testid="menu-change-password"
      onClick={() => {
        menu?.onClose();
        navigate('/password');
      }}
    >
      <ListItemIcon>
        <PasswordIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('app.password.menu')}</ListItemText>
    </MenuItem>
  );
};

/**
 * 退出所有设备: after a confirmation, ends every session of the user (a lost phone, a shared
 * computer; OWASP ASVS 3.3.4), then signs out here too.
 */
const LogoutEverywhereItem = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const logout = useLogout();
  const menu = useUserMenu();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const close = () => {
    setOpen(false);
    menu?.onClose();
  };
  const confirm = async () => {
    setPending(true);
    try {
      await logoutEverywhere();
      // The session is gone on the server: drop it here without another call, then sign out.
      clearSession();
      setSignedOutReason('logged_out_everywhere');
      setOpen(false);
      await logout();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
      close();
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <MenuItem data-testid="menu-logout-everywhere" onClick={() => setOpen(true)}>
        <ListItemIcon>
          <DevicesIcon fontSize="small" />
        </ListItemIcon>
        <ListItemText>{translate('app.account.logout_everywhere')}</ListItemText>
      </MenuItem>
      <Confirm
        isOpen={open}
        loading={pending}
        title="app.account.logout_everywhere"
        content="app.account.logout_everywhere_confirm"
        confirm="app.account.logout_everywhere"
        confirmColor="warning"
        onConfirm={confirm}
        onClose={close}
      />
    </>
  );
};

/**
 * The user menu of the app bar: 修改密码, 退出所有设备, 退出登录, after `children` (the app bar's settings
 * folded into it on a phone). While a temporary password must be changed (`forced`), the page is already
 * the password page.
 */
export const AccountUserMenu = ({ forced = false, children }: { forced?: boolean; children?: ReactNode }) => (
  <UserMenu>
    {children}
    {!forced && <ChangePasswordItem />}
    <LogoutEverywhereItem />
    <Logout />
  </UserMenu>
);
