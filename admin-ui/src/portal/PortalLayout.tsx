import type { ReactNode } from 'react';
import AssignmentIcon from '@mui/icons-material/AssignmentOutlined';
import FolderIcon from '@mui/icons-material/FolderOutlined';
import KeyIcon from '@mui/icons-material/KeyOutlined';
import LogoutIcon from '@mui/icons-material/Logout';
import { AppBar, Box, Button, Container, IconButton, Tab, Tabs, Toolbar, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useLogout, useNavigate, useTranslate } from 'react-admin';
import { useSessionUser } from '../account/useSessionUser';
import { MuiLocale } from '../layout/MuiLocale';
import { portalMe } from './api';
import { PORTAL_PAGES } from './pages';

/**
 * The portal's frame, phone first (390 px wide and up): the title and the operator's name with sign-out
 * in one bar that never wraps over the page, the sections as tabs under it, the page in one column. No
 * staff menu, search or bell: an operator reaches only its own (api/portal/own.ts).
 */
export const PortalLayout = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  const user = useSessionUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const me = useQuery({ queryKey: ['portal', 'me'], queryFn: portalMe, staleTime: 300_000 });
  const sections = [
    { path: '/', label: 'app.portal.my_cases', icon: <FolderIcon fontSize="small" /> },
    { path: '/tasks', label: 'app.portal.my_tasks', icon: <AssignmentIcon fontSize="small" /> },
    ...PORTAL_PAGES.filter((p) => p.menu).map((p) => ({ path: `/${p.path.replace(/^\//, '')}`, label: p.menu!.label, icon: p.menu!.icon })),
  ];
  // The section of the page shown: the longest path the address starts with (a case page is under 我的案件).
  const current = sections.reduce(
    (best, s, i) => (s.path !== '/' && pathname.startsWith(s.path) && s.path.length > (sections[best]?.path.length ?? 0) ? i : best),
    0,
  );
  // MUI's own words (pagination, empty lists) in Chinese too, as in the staff console's layout.
  return (
    <MuiLocale>
      <Box sx={{ minHeight: '100vh', bgcolor: 'grey.100' }} data-testid="portal-layout">
        <AppBar position="sticky" elevation={1} className="no-print">
          <Toolbar sx={{ gap: 1, minHeight: { xs: 56 } }}>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Typography variant="subtitle1" component="h1" noWrap sx={{ fontWeight: 'bold', lineHeight: 1.3 }}>
                {translate('app.portal.title')}
              </Typography>
              <Typography variant="caption" component="div" noWrap data-testid="portal-operator-name">
                {me.data?.name ?? user?.operatorName ?? user?.displayName}
              </Typography>
            </Box>
            <IconButton
              color="inherit"
              aria-label={translate('app.portal.password')}
              title={translate('app.portal.password')}
              onClick={() => navigate('/password')}
            >
              <KeyIcon />
            </IconButton>
            <Button color="inherit" onClick={() => logout()} startIcon={<LogoutIcon />} sx={{ flexShrink: 0 }} data-testid="portal-sign-out">
              {translate('app.portal.sign_out')}
            </Button>
          </Toolbar>
          <Tabs
            value={current}
            variant={sections.length > 3 ? 'scrollable' : 'fullWidth'}
            textColor="inherit"
            indicatorColor="secondary"
            sx={{ minHeight: 44, '& .MuiTab-root': { minHeight: 44 } }}
          >
            {sections.map((s) => (
              <Tab key={s.path} label={translate(s.label)} icon={s.icon} iconPosition="start" onClick={() => navigate(s.path)} />
            ))}
          </Tabs>
        </AppBar>
        <Container component="main" id="main-content" maxWidth="md" sx={{ py: 2, px: { xs: 1.5, sm: 3 } }}>
          {children}
        </Container>
      </Box>
    </MuiLocale>
  );
};
