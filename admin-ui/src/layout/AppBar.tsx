import { Box } from '@mui/material';
import { AppBar as RaAppBar, TitlePortal } from 'react-admin';
import { AccountUserMenu } from '../account/AccountMenu';
import { NotificationBell } from '../notifications/NotificationBell';
import { AppSearch } from '../search/AppSearch';

/**
 * react-admin's app bar with the search box and the notification bell before the default tools, and
 * the user menu with 修改密码 and 退出所有设备.
 */
export const AppBar = () => (
  <RaAppBar userMenu={<AccountUserMenu />}>
    <TitlePortal />
    <Box sx={{ display: 'flex', alignItems: 'center' }}>
      <AppSearch />
      <NotificationBell />
    </Box>
  </RaAppBar>
);
