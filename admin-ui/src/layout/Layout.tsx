import type { ReactNode } from 'react';
import { AppBar as RaAppBar, Layout as RaLayout, LoadingIndicator, TitlePortal } from 'react-admin';
import { AccountUserMenu } from '../account/AccountMenu';
import { PasswordPage } from '../account/PasswordPage';
import { useMustChangePassword } from '../account/useSessionUser';
import { MenuWithCalendar } from '../calendar/CalendarMenuItem';
import { AppBar, titleSx } from './AppBar';
import { useAppBarMenuItems } from './AppBarMenuItems';
import { MuiLocale } from './MuiLocale';
import { useNarrow } from './responsive';

/**
 * While a temporary password is unchanged: the title and the user menu only (no menu toggle, search or
 * bell); on a narrow screen the language and theme in the user menu, as in AppBar.
 */
const PasswordOnlyAppBar = () => {
  const narrow = useNarrow();
  const menuItems = useAppBarMenuItems();
  return (
    <RaAppBar
      userMenu={<AccountUserMenu forced>{narrow ? menuItems : null}</AccountUserMenu>}
      toolbar={narrow ? <LoadingIndicator /> : undefined}
      sx={{ '& .RaAppBar-menuButton': { display: 'none' } }}
    >
      <TitlePortal sx={titleSx} />
    </RaAppBar>
  );
};
const NoSidebar = () => null;

/**
 * The console's layout. A user with a temporary password (a new account, or one an admin reset) sees
 * only the password page, whatever the address, until the password is changed: the API refuses
 * every other call meanwhile (403 password_change_required, api/routes.ts), so nothing else is shown.
 */
export const Layout = ({ children }: { children: ReactNode }) => (
  <MuiLocale>
    {useMustChangePassword() ? (
      <RaLayout appBar={PasswordOnlyAppBar} sidebar={NoSidebar}>
        <PasswordPage forced />
      </RaLayout>
    ) : (
      <RaLayout appBar={AppBar} menu={MenuWithCalendar}>
        {children}
      </RaLayout>
    )}
  </MuiLocale>
);
