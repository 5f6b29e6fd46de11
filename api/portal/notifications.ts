// The operator's notifications in its portal (README "Notifications to operators"): returned, order issued,
// deadline near, decision made, each about its own case and addressed to its account by name
// (activities/operator-notice.ts). The same centre as staff's (api/resources/notifications.ts) under
// /portal/notifications: list with unread state, unread count, mark one or all read; another operator's
// notification is unknown here (404), as a colleague's named one is to staff.
import { Router } from 'express';
import type { PrismaClient } from '../../prisma/db.js';
import { OPERATOR_ROLE } from '../../domain/roles.js';
import { notificationRoutes } from '../resources/notifications.js';

export function portalNotificationsRouter(db: PrismaClient): Router {
  const r = Router();
  notificationRoutes(r, db, { base: '/portal/notifications', tag: 'portal', roles: [OPERATOR_ROLE] });
  return r;
}
