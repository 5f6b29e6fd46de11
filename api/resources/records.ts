// Cases, the audit trail and notifications: read-only views of what the workflows recorded.
import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import { forbidden, notFound } from '../errors.js';
import { boolFilter, idsFilter, idsWhere, parseList, sendList } from '../list.js';
import { route } from '../routes.js';
import { withOperatorNames } from '../operator-names.js';
import { inScope, type Principal } from '../scope.js';

export function recordsRouter(db: PrismaClient): Router {
  const r = Router();

  const caseFilter = z.object({
    campaignId: z.string().optional(),
    jurisdictionId: z.string().optional(),
    status: z.enum(['active', 'completed']).optional(),
    track: z.string().optional(),
    proposed: boolFilter.optional(),
    excluded: boolFilter.optional(),
    q: z.string().max(100).optional(),
    id: idsFilter.optional(),
  });
  route(r, { method: 'get', path: '/cases', summary: 'Cases in your jurisdiction', tag: 'cases', list: true }, async (req, res, me) => {
    const p = parseList(req, caseFilter, ['id', 'createdAt', 'updatedAt', 'status', 'jurisdictionId', 'currentStep', 'totalScore'], ['id', 'ASC']);
    const f = p.filter;
    const opIds = f.q ? (await db.operator.findMany({ where: { OR: [{ name: { contains: f.q } }, { uscc: { contains: f.q.toUpperCase() } }] }, select: { id: true } })).map((o) => o.id) : undefined;
    const where = {
      jurisdictionId: { in: me.subtree.filter((j) => !f.jurisdictionId || j === f.jurisdictionId) },
      ...(f.campaignId ? { campaignId: f.campaignId } : {}),
      ...(f.status ? { status: f.status } : {}),
      ...(f.track ? { track: f.track } : {}),
      ...(f.proposed !== undefined ? { proposed: f.proposed } : {}),
      ...(f.excluded !== undefined ? { excludedKind: f.excluded ? { not: null } : null } : {}),
      ...(opIds ? { operatorId: { in: opIds } } : {}),
      ...idsWhere(f.id),
    };
    const [rows, total] = await Promise.all([db.case.findMany({ where, orderBy: p.orderBy, skip: p.skip, take: p.take }), db.case.count({ where })]);
    sendList(res, 'cases', p.skip, await withOperatorNames(db, rows), total);
  });
  route(r, { method: 'get', path: '/cases/:id', summary: 'One case', tag: 'cases' }, async (req, _res, me) => {
    const c = await db.case.findUnique({ where: { id: String(req.params.id) } });
    if (!c) throw notFound('案件 case', String(req.params.id));
    if (!inScope(me, c.jurisdictionId)) throw forbidden();
    return (await withOperatorNames(db, [c]))[0];
  });

  /** Audit entries about your jurisdiction's work, or about campaigns run at or above it. */
  const auditScope = async (me: Principal) => {
    const campaigns = (await db.campaign.findMany({ where: { jurisdictionId: { in: [...me.subtree, ...me.ancestors] } }, select: { id: true, jurisdictionId: true } })).filter((c) => me.subtree.includes(c.jurisdictionId));
    return { OR: [{ jurisdictionId: { in: me.subtree } }, { jurisdictionId: null, campaignId: { in: campaigns.map((c) => c.id) } }] };
  };
  const auditFilter = z.object({ campaignId: z.string().optional(), entityType: z.string().optional(), entityId: z.string().optional(), action: z.string().optional(), actorId: z.string().optional(), caseId: z.string().max(200).optional() });
  route(r, { method: 'get', path: '/audit-events', summary: 'The audit trail (append-only) within your scope (caseId: the case and its tasks)', tag: 'audit', list: true }, async (req, res, me) => {
    const p = parseList(req, auditFilter, ['id', 'at', 'action', 'entityType'], ['id', 'DESC']);
    const { caseId, ...filter } = p.filter;
    // A case's history: entries about the case itself and about each of its tasks.
    const ofCase = caseId ? { entityId: { in: [caseId, ...(await db.task.findMany({ where: { caseId }, select: { id: true } })).map((t) => t.id)] } } : {};
    const where = { AND: [await auditScope(me), { ...filter }, ofCase] };
    const [rows, total] = await Promise.all([db.auditEvent.findMany({ where, orderBy: p.orderBy, skip: p.skip, take: p.take }), db.auditEvent.count({ where })]);
    sendList(res, 'audit-events', p.skip, rows, total);
  });
  route(r, { method: 'get', path: '/audit-events/:id', summary: 'One audit entry', tag: 'audit' }, async (req, _res, me) => {
    const id = String(req.params.id);
    if (!/^\d{1,18}$/.test(id)) throw notFound('审计记录 audit event', id);
    const e = await db.auditEvent.findFirst({ where: { AND: [{ id: BigInt(id) }] } });
    if (!e) throw notFound('审计记录 audit event', id);
    if (!(await db.auditEvent.findFirst({ where: { AND: [{ id: e.id }, await auditScope(me)] } }))) throw forbidden();
    return e;
  });

  const nFilter = z.object({ kind: z.string().optional(), campaignId: z.string().optional() });
  route(r, { method: 'get', path: '/notifications', summary: 'Notifications for your role in your jurisdiction', tag: 'notifications', list: true }, async (req, res, me) => {
    const p = parseList(req, nFilter, ['id', 'createdAt'], ['id', 'DESC']);
    const where = { recipientRole: me.role, jurisdictionId: { in: me.subtree }, ...p.filter };
    const [rows, total] = await Promise.all([db.notification.findMany({ where, orderBy: p.orderBy, skip: p.skip, take: p.take }), db.notification.count({ where })]);
    sendList(res, 'notifications', p.skip, rows, total);
  });
  return r;
}
