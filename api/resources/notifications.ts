// The notification centre: what the activities wrote for your role in your jurisdiction (or for
// you by name), with your own read state; the app bar polls the unread count. An operator's portal has the
// same centre under /portal/notifications (api/portal/notifications.ts): its own notices, by name only.
import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { notFound } from '../errors.js';
import { boolFilter, idsFilter, parseList, sendList } from '../list.js';
import { route } from '../routes.js';
import type { Principal } from '../scope.js';
import { OPERATOR_ROLE, type AccountRole } from '../../domain/roles.js';

/**
 * Notifications addressed to the user: their role within their subtree, not someone else's by name. An
 * operator's account hears only what is addressed to it by name (activities/operator-notice.ts): it has no
 * subtree, and no notice to the role is meant for every operator.
 */
export const addressedTo = (me: Principal): Prisma.NotificationWhereInput =>
  me.role === OPERATOR_ROLE
    ? { recipientRole: OPERATOR_ROLE, recipientUserId: me.id }
    : {
        recipientRole: me.role,
        jurisdictionId: { in: me.subtree },
        OR: [{ recipientUserId: null }, { recipientUserId: me.id }],
      };

export function notificationsRouter(db: PrismaClient): Router {
  const r = Router();
  notificationRoutes(r, db, { base: '/notifications', tag: 'notifications' });
  return r;
}

/** The centre's routes under `base`, for `roles` (staff: every staff role; the portal: ['operator']). */
export function notificationRoutes(r: Router, db: PrismaClient, o: { base: string; tag: string; roles?: readonly AccountRole[] }): void {
  const { base, tag, roles } = o;

  /** Ids among these the user has read. */
  async function readIds(me: Principal, ids: bigint[]): Promise<Set<string>> {
    const reads = await db.notificationRead.findMany({ where: { userId: me.id, notificationId: { in: ids } }, select: { notificationId: true } });
    return new Set(reads.map((x) => String(x.notificationId)));
  }

  const filter = z.object({
    kind: z.string().max(20).optional(),
    campaignId: z.string().max(200).optional(),
    unread: boolFilter.optional(),
    id: idsFilter.optional(),
  });
  route(
    r,
    {
      method: 'get',
      path: base,
      summary: 'Notifications for you: your role in your jurisdiction, or you by name (unread=true: not yet read by you)',
      tag,
      roles,
      list: true,
    },
    async (req, res, me) => {
      const p = parseList(req, filter, ['id', 'createdAt'], ['id', 'DESC']);
      const { unread, id, ...f } = p.filter;
      const where: Prisma.NotificationWhereInput = {
        AND: [
          addressedTo(me),
          f,
          id === undefined ? {} : { id: { in: (Array.isArray(id) ? id : [id]).filter((x) => /^\d{1,18}$/.test(x)).map(BigInt) } },
          unread === undefined ? {} : unread ? { reads: { none: { userId: me.id } } } : { reads: { some: { userId: me.id } } },
        ],
      };
      const [rows, total] = await Promise.all([
        db.notification.findMany({ where, orderBy: p.orderBy, skip: p.skip, take: p.take }),
        db.notification.count({ where }),
      ]);
      const seen = await readIds(
        me,
        rows.map((n) => n.id),
      );
      sendList(
        res,
        'notifications',
        p.skip,
        rows.map((n) => ({ ...n, read: seen.has(String(n.id)) })),
        total,
      );
    },
  );

  route(
    r,
    {
      method: 'get',
      path: `${base}/unread-count`,
      summary: 'How many of your notifications you have not read (the app-bar badge)',
      tag,
      roles,
    },
    async (_req, _res, me) => {
      return { unread: await db.notification.count({ where: { AND: [addressedTo(me), { reads: { none: { userId: me.id } } }] } }) };
    },
  );

  route(r, { method: 'post', path: `${base}/read-all`, summary: 'Mark every notification addressed to you as read', tag, roles }, async (_req, _res, me) => {
    // The same addressees as addressedTo, in one statement however many there are.
    const marked =
      me.role === OPERATOR_ROLE
        ? await db.$executeRaw`
      INSERT INTO notification_read (notification_id, user_id, read_at)
      SELECT n.id, ${me.id}, now() FROM notification n
      WHERE n.recipient_role = ${OPERATOR_ROLE} AND n.recipient_user_id = ${me.id}
      ON CONFLICT DO NOTHING`
        : await db.$executeRaw`
      INSERT INTO notification_read (notification_id, user_id, read_at)
      SELECT n.id, ${me.id}, now() FROM notification n
      WHERE n.recipient_role = ${me.role} AND n.jurisdiction_id = ANY(${me.subtree})
        AND (n.recipient_user_id IS NULL OR n.recipient_user_id = ${me.id})
      ON CONFLICT DO NOTHING`;
    return { marked };
  });

  route(
    r,
    {
      method: 'post',
      path: `${base}/:id/read`,
      summary: 'Mark one notification as read (by you; colleagues keep their own state)',
      tag,
      roles,
    },
    async (req, _res, me) => {
      const id = String(req.params.id);
      const n = /^\d{1,18}$/.test(id) ? await db.notification.findFirst({ where: { AND: [{ id: BigInt(id) }, addressedTo(me)] } }) : null;
      if (!n) throw notFound('通知 notification', id);
      await db.notificationRead.createMany({ skipDuplicates: true, data: [{ notificationId: n.id, userId: me.id, readAt: new Date() }] });
      return { ...n, read: true };
    },
  );
}
