import { Admin, CustomRoutes, reactRouterProvider } from 'react-admin';
import { LoginPage, PasswordPage } from '../account';
import { authProvider } from '../authProvider';
import { queryClient } from '../queryClient';
import { dataProvider } from '../dataProvider';
import { i18nProvider } from '../i18n';
import { ActivatePage } from './ActivatePage';
import { CasePage } from './CasePage';
import { MyCasesPage } from './MyCasesPage';
import { PORTAL_PAGES } from './pages';
import { PortalLayout } from './PortalLayout';
import { TopNotification } from '../layout/Notification';
import { publicRoutes } from '../public';
import { TaskPage } from './TaskPage';
import { TasksPage } from './TasksPage';

const { Route } = reactRouterProvider;

/**
 * 经营主体服务门户: what an operator's account sees instead of the staff console (App.tsx picks it by
 * the signed-in role). Its own cases (#/, #/cases/:id), its tasks (#/tasks, #/tasks/:id), the pages
 * other parts add through pages.tsx, and its password (#/password).
 */
export const PortalApp = () => (
  <Admin
    disableTelemetry
    title="app.portal.title"
    requireAuth
    dashboard={MyCasesPage}
    layout={PortalLayout}
    notification={TopNotification}
    loginPage={LoginPage}
    authProvider={authProvider}
    queryClient={queryClient}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
  >
    <CustomRoutes>
      <Route path="/cases/:id" element={<CasePage />} />
      <Route path="/tasks" element={<TasksPage />} />
      <Route path="/tasks/:id" element={<TaskPage />} />
      <Route path="/password" element={<PasswordPage />} />
      {PORTAL_PAGES.map((p) => (
        <Route key={p.path} path={`/${p.path.replace(/^\//, '')}`} element={p.element} />
      ))}
    </CustomRoutes>
    <CustomRoutes noLayout>
      <Route path="/activate" element={<ActivatePage />} />
      {/* 公示与异议: the public lists, objections and their outcome (no sign-in, admin-ui/src/public) */}
      {publicRoutes}
    </CustomRoutes>
  </Admin>
);
