// The portal's registry (README "The operators' portal"): the form of each kind of task an operator does,
// the extra pages and menu entries, and the extra sections of a case page. The shell (PortalApp) reads
// them; each programme's pages live in portal/<programme>/ and are added here by one line each.
import type { ComponentType, ReactElement } from 'react';
import type { PortalCase, PortalTask } from './api';
import { RectificationProofPage, RectificationSection } from './changxing/Rectification';
import { SelfCheckPortalForm } from './changxing/SelfCheckPortalForm';
import LiveTvIcon from '@mui/icons-material/LiveTvOutlined';
import { ApplicationPage } from './zhoushan/ApplicationPage';
import { ApplyPage } from './zhoushan/ApplyPage';
import { MyApplicationsPage } from './zhoushan/MyApplicationsPage';
import { ResubmissionTaskForm } from './zhoushan/ResubmissionTaskForm';
import StorefrontIcon from '@mui/icons-material/StorefrontOutlined';
import { MyRegisterPage } from './lijiang/MyRegisterPage';
import { RegisterApplicationPage } from './lijiang/RegisterApplicationPage';
import { RegisterApplyPage } from './lijiang/RegisterApplyPage';
import { NotificationsPage, PortalNotificationBell } from './notifications/NotificationsPage';

/** What a task form gets: the task (its details: the form's checklist, a return's reason) and how to submit. */
export interface PortalTaskFormProps {
  task: PortalTask;
  /**
   * Completes the task (POST /api/portal/tasks/:id/complete) with the form's body: on success it notifies
   * and returns to the to-do list; on failure it notifies and returns the API's field errors (for
   * react-admin's <Form> to show under the inputs) and keeps the problem in `problem`.
   */
  complete: (body: unknown) => Promise<Record<string, string> | undefined>;
}

/** Task type → the form the operator fills in (a task type without one reads "contact your station"). */
export const PORTAL_TASK_FORMS: Record<string, ComponentType<PortalTaskFormProps>> = {
  // The Changxing self-check with evidence (portal/changxing/).
  self_check: SelfCheckPortalForm,
  // Zhoushan: answering a return for material by editing the application (portal/zhoushan/).
  resubmission: ResubmissionTaskForm,
};

/** A page of the portal at #/<path> (inside its layout), with an optional menu entry (a translation key). */
export interface PortalPage {
  path: string;
  element: ReactElement;
  menu?: { label: string; icon?: ReactElement };
}

/** Pages other parts of the portal add (applications, notifications…). */
export const PORTAL_PAGES: PortalPage[] = [
  // Notices to the operator (returned, order, deadline near, decision): the tab's bell shows the unread count;
  // first of the added tabs, so that it is in view on a phone.
  { path: 'notifications', element: <NotificationsPage />, menu: { label: 'app.portal_notifications.menu', icon: <PortalNotificationBell /> } },
  // Changxing: proof of rectification before the deadline (portal/changxing/).
  { path: 'cases/:id/rectification-proof', element: <RectificationProofPage /> },
  // Zhoushan: the live room's own applications, applying, one application (portal/zhoushan/).
  { path: 'applications', element: <MyApplicationsPage />, menu: { label: 'app.zhoushan_portal.menu', icon: <LiveTvIcon fontSize="small" /> } },
  { path: 'applications/new', element: <ApplyPage /> },
  { path: 'applications/:id', element: <ApplicationPage /> },
  // Lijiang: the applicant's own register applications, applying, one application (portal/lijiang/).
  { path: 'register', element: <MyRegisterPage />, menu: { label: 'app.lijiang_portal.menu', icon: <StorefrontIcon fontSize="small" /> } },
  { path: 'register/apply/:campaignId/:register', element: <RegisterApplyPage /> },
  { path: 'register/:id', element: <RegisterApplicationPage /> },
];

/** Sections a programme adds to the case page, below the stages (e.g. a rectification order and its proof). */
export const PORTAL_CASE_SECTIONS: ComponentType<{ record: PortalCase }>[] = [RectificationSection];
