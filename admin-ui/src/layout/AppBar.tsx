import { useEffect, useRef, useState } from 'react';
import SearchIcon from '@mui/icons-material/Search';
import { Box, Dialog, IconButton, Tooltip } from '@mui/material';
import { AppBar as RaAppBar, LoadingIndicator, TitlePortal, useLocation, useTranslate } from 'react-admin';
import { AccountUserMenu } from '../account/AccountMenu';
import { NotificationBell } from '../notifications/NotificationBell';
import { AppSearch } from '../search/AppSearch';
import { useAppBarMenuItems } from './AppBarMenuItems';
import { useNarrow } from './responsive';

/**
 * 搜索 on a narrow screen: an icon that opens the app bar's search at the top of the screen, full width;
 * choosing a result (a new address) closes it.
 */
const SearchButton = () => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  const opened = useRef(pathname);
  useEffect(() => {
    if (pathname !== opened.current) setOpen(false);
  }, [pathname]);
  const label = translate('app.layout.search');
  return (
    <>
      <Tooltip title={label}>
        <IconButton
          color="inherit"
          aria-label={label}
          data-testid="app-search-open"
          onClick={() => {
            opened.current = pathname;
            setOpen(true);
          }}
        >
          <SearchIcon />
        </IconButton>
      </Tooltip>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        fullWidth
        slotProps={{
          paper: { sx: { position: 'absolute', top: 0, m: 1, width: 'calc(100% - 16px)', maxWidth: 'none', p: 1 } },
          transition: { onEntered: (node: HTMLElement) => node.querySelector('input')?.focus() },
        }}
      >
        <Box sx={{ '& .MuiAutocomplete-root': { width: '100%', mx: 0 } }}>
          <AppSearch />
        </Box>
      </Dialog>
    </>
  );
};

/**
 * The page title cut short with an ellipsis when the bar is narrow: the title may shrink (minWidth 0) and
 * its configurable wrapper (an inline-block, which would be clipped whole) flows as text.
 */
export const titleSx = { minWidth: 0, '& > span': { display: 'inline' } } as const;

/**
 * react-admin's app bar with the search box and the notification bell before the default tools, and
 * the user menu with 修改密码 and 退出所有设备. On a narrow screen it stays one line: the title is
 * cut short, the search is an icon, the language and theme move into the user menu, so the bell and
 * the user menu stay on the screen and the bar never grows over the page (a covered 认领 button).
 */
export const AppBar = () => {
  const narrow = useNarrow();
  const menuItems = useAppBarMenuItems();
  return (
    <RaAppBar userMenu={<AccountUserMenu>{narrow ? menuItems : null}</AccountUserMenu>} toolbar={narrow ? <LoadingIndicator /> : undefined}>
      <TitlePortal sx={titleSx} />
      <Box sx={{ display: 'flex', alignItems: 'center', flexShrink: 0 }}>
        {narrow ? <SearchButton /> : <AppSearch />}
        <NotificationBell />
      </Box>
    </RaAppBar>
  );
};
