import { Admin, CustomRoutes, reactRouterProvider, Resource } from 'react-admin';
import { LoginPage, PasswordPage, useSessionUser } from './account';
import auditEvents from './audit-events';
import { authProvider } from './authProvider';
import { queryClient } from './queryClient';
import { CalendarPage } from './calendar';
import campaigns from './campaigns';
import { CampaignSummaryPage } from './campaigns/CampaignSummaryPage';
import cases from './cases';
import { Dashboard } from './Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import intakeBatches from './intake-batches';
import jurisdictions from './jurisdictions';
import { Layout } from './layout';
import { TopNotification } from './layout/Notification';
import listings from './listings';
import notifications from './notifications';
import objections from './objections';
import operators from './operators';
import {
  canEditProgrammes,
  canFileIntake,
  canKeepRegister,
  canLaunchCampaigns,
  canManageOrganisation,
  canManageUsers,
  canSeeRegisters,
  canSeeUsers,
} from './permissions';
import { ActivatePage } from './portal/ActivatePage';
import { PortalApp } from './portal/PortalApp';
import { publicRoutes } from './public';
import programmes from './programmes';
import { influencerRegister, productRegister, registerEntries } from './registers';
import rosters from './rosters';
import tasks from './tasks';
import titles from './titles';
import type { Role } from './types';
import users from './users';

const { Route } = reactRouterProvider;

/** The staff console. */
const StaffApp = () => (
  <Admin
    disableTelemetry
    title="app.title"
    requireAuth
    dashboard={Dashboard}
    layout={Layout}
    notification={TopNotification}
    loginPage={LoginPage}
    authProvider={authProvider}
    queryClient={queryClient}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
  >
    {/* 设置门户密码: #/activate, an operator's first sign-in with its invitation code (no sign-in, no layout) */}
    <CustomRoutes noLayout>
      <Route path="/activate" element={<ActivatePage />} />
      {/* 公示与异议: the public lists, objections and their outcome (no sign-in, admin-ui/src/public) */}
      {publicRoutes}
    </CustomRoutes>
    {(role: Role | undefined) => (
      <>
        <Resource name="tasks" {...tasks} />
        <Resource name="notifications" {...notifications} />
        <Resource name="campaigns" {...campaigns} create={canLaunchCampaigns(role) ? campaigns.create : undefined}>
          {/* 总结报告: #/campaigns/:id/summary */}
          <Route path=":id/summary" element={<CampaignSummaryPage />} />
        </Resource>
        <Resource name="cases" {...cases} />
        <Resource name="titles" {...titles} />
        <Resource name="objections" {...objections} />
        <Resource name="rosters" {...rosters} />
        <Resource name="listings" {...listings} />
        {/* 丽江: 特色直播优质产品库 and 新媒体达人库 (two menu entries over /api/register-entries) */}
        {canSeeRegisters(role) && <Resource name="product-register" {...productRegister} create={canFileIntake(role) ? productRegister.create : undefined} />}
        {canSeeRegisters(role) && (
          <Resource name="influencer-register" {...influencerRegister} create={canFileIntake(role) ? influencerRegister.create : undefined} />
        )}
        <Resource name="register-entries" {...registerEntries} />
        {canSeeRegisters(role) ? <Resource name="intake-batches" {...intakeBatches} /> : <Resource name="intake-batches" show={intakeBatches.show} />}
        <Resource
          name="operators"
          {...operators}
          create={canKeepRegister(role) ? operators.create : undefined}
          edit={canKeepRegister(role) ? operators.edit : undefined}
        />
        <Resource name="audit-events" {...auditEvents} />
        <Resource
          name="programmes"
          {...programmes}
          create={canEditProgrammes(role) ? programmes.create : undefined}
          edit={canEditProgrammes(role) ? programmes.edit : undefined}
        />
        <Resource
          name="jurisdictions"
          {...jurisdictions}
          create={canManageOrganisation(role) ? jurisdictions.create : undefined}
          edit={canManageOrganisation(role) ? jurisdictions.edit : undefined}
        />
        {canSeeUsers(role) && (
          <Resource name="users" {...users} create={canManageUsers(role) ? users.create : undefined} edit={canManageUsers(role) ? users.edit : undefined} />
        )}
        {/* 截止日历: #/calendar */}
        <CustomRoutes>
          <Route path="/calendar" element={<CalendarPage />} />
          {/* 修改密码: #/password (the only page while a temporary password is unchanged) */}
          <Route path="/password" element={<PasswordPage />} />
        </CustomRoutes>
      </>
    )}
  </Admin>
);

/** An operator's account sees its portal (portal/PortalApp.tsx), everyone else the staff console; signed out, the sign-in page. */
export const App = () => {
  const operator = useSessionUser()?.role === 'operator';
  // Signing in swaps one app (and its router) for the other: the portal starts on its home page, not on
  // the sign-in or activation page the staff app was showing (whose redirect the new router never hears).
  if (operator && /^#\/(login|activate)?([?].*)?$/.test(window.location.hash)) window.history.replaceState(null, '', '#/');
  return operator ? <PortalApp /> : <StaffApp />;
};
