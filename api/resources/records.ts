// Cases, the audit trail and notifications: read-only views of what the workflows recorded.
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import { forbidden, notFound } from '../errors.js';
import { boolFilter, idsFilter, idsWhere, keyset, parseList, sendList, textFilter } from '../list.js';
import { route } from '../routes.js';
import { userNames } from '../user-names.js';
import { withOperatorNames } from '../operator-names.js';
import { inScope, type Principal } from '../scope.js';

/** Where the Temporal Web UI shows a workflow (TEMPORAL_UI_URL; npm start sets it for the dev server). */
export interface WorkflowLinks {
  temporalUiUrl?: string;
  namespace: string;
}

export function recordsRouter(db: PrismaClient, client: Client, links: WorkflowLinks): Router {
  const r = Router();

  const caseFilter = z.object({
    campaignId: z.string().optional(),
    jurisdictionId: z.string().optional(),
    status: z.enum(['active', 'completed']).optional(),
    track: z.string().optional(),
    proposed: boolFilter.optional(),
    excluded: boolFilter.optional(),
    q: textFilter.optional(),
    id: idsFilter.optional(),
  });
  route(r, { method: 'get', path: '/cases', summary: 'Cases in your jurisdiction', tag: 'cases', list: true }, async (req, res, me) => {
    const p = parseList(req, caseFilter, ['id', 'createdAt', 'updatedAt', 'status', 'jurisdictionId', 'currentStep', 'totalScore'], ['id', 'ASC']);
    const f = p.filter;
    const opIds = f.q
      ? (await db.operator.findMany({ where: { OR: [{ name: { contains: f.q } }, { uscc: { contains: f.q.toUpperCase() } }] }, select: { id: true } })).map(
          (o) => o.id,
        )
      : undefined;
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

  route(
    r,
    {
      method: 'get',
      path: '/cases/:id/timeline',
      summary: 'A case’s history (the audit trail of the case and its tasks, oldest first), who holds it now and until when, and its workflow',
      tag: 'cases',
    },
    async (req, _res, me) => {
      const c = await db.case.findUnique({ where: { id: String(req.params.id) } });
      if (!c) throw notFound('案件 case', String(req.params.id));
      if (!inScope(me, c.jurisdictionId)) throw forbidden();
      const tasks = await db.task.findMany({ where: { caseId: c.id }, orderBy: { createdAt: 'asc' } });
      const entries = await db.auditEvent.findMany({ where: { entityId: { in: [c.id, ...tasks.map((t) => t.id)] } }, orderBy: { id: 'asc' }, take: 1000 });
      const open = tasks.filter((t) => t.status === 'open');
      const nameOf = await userNames(db, [...entries.map((e) => e.actorId), ...open.map((t) => t.claimedById)]);
      const places = new Map((await db.jurisdiction.findMany({ where: { id: { in: open.map((t) => t.jurisdictionId) } } })).map((j) => [j.id, j.name]));
      const typeOf = new Map(tasks.map((t) => [t.id, t.type]));
      // The workflow's own word on whether it is still running (null when the server cannot say).
      const workflowStatus = await client.workflow
        .getHandle(c.workflowId)
        .describe()
        .then((d) => d.status.name as string)
        .catch(() => null);
      // The workflow and its Temporal Web UI link are an admin's (README "The console's words"): to anyone
      // else a workflow id is noise, and the Web UI is not theirs to open.
      const admin = me.role === 'admin';
      return {
        caseId: c.id,
        workflowId: admin ? c.workflowId : null,
        workflowUrl:
          admin && links.temporalUiUrl
            ? `${links.temporalUiUrl.replace(/\/$/, '')}/namespaces/${encodeURIComponent(links.namespace)}/workflows/${encodeURIComponent(c.workflowId)}`
            : null,
        workflowStatus,
        currentStep: c.currentStep,
        holders: open.map((t) => ({
          taskId: t.id,
          type: t.type,
          title: t.title,
          assigneeRole: t.assigneeRole,
          jurisdictionId: t.jurisdictionId,
          jurisdictionName: places.get(t.jurisdictionId) ?? t.jurisdictionId,
          claimedById: t.claimedById,
          claimedByName: nameOf(t.claimedById),
          dueAt: t.dueAt,
          overdue: t.overdue,
        })),
        entries: entries.map((e) => ({
          id: e.id,
          at: e.at,
          action: e.action,
          actorId: e.actorId,
          actorName: nameOf(e.actorId),
          actorRole: e.actorRole,
          entityType: e.entityType,
          entityId: e.entityId,
          taskType: typeOf.get(e.entityId) ?? null,
          reason: e.reason,
          clause: e.clause,
          data: e.data,
        })),
      };
    },
  );

  /** Audit entries about your jurisdiction's work, or about campaigns run at or above it. */
  const auditScope = async (me: Principal) => {
    const campaigns = (
      await db.campaign.findMany({ where: { jurisdictionId: { in: [...me.subtree, ...me.ancestors] } }, select: { id: true, jurisdictionId: true } })
    ).filter((c) => me.subtree.includes(c.jurisdictionId));
    return { OR: [{ jurisdictionId: { in: me.subtree } }, { jurisdictionId: null, campaignId: { in: campaigns.map((c) => c.id) } }] };
  };
  const auditFilter = z.object({
    campaignId: z.string().optional(),
    entityType: z.string().optional(),
    entityId: z.string().optional(),
    action: z.string().optional(),
    actorId: z.string().optional(),
    caseId: z.string().max(200).optional(),
  });
  route(
    r,
    {
      method: 'get',
      path: '/audit-events',
      summary: 'The audit trail (append-only) within your scope (caseId: the case and its tasks)',
      tag: 'audit',
      list: true,
    },
    async (req, res, me) => {
      const p = parseList(req, auditFilter, ['id', 'at', 'action', 'entityType'], ['id', 'DESC']);
      const { caseId, ...filter } = p.filter;
      // A case's history: entries about the case itself and about each of its tasks.
      const ofCase = caseId ? { entityId: { in: [caseId, ...(await db.task.findMany({ where: { caseId }, select: { id: true } })).map((t) => t.id)] } } : {};
      const where = { AND: [await auditScope(me), { ...filter }, ofCase] };
      const k = keyset(req, p, { at: 'date' }, 'bigint');
      const [rows, total] = await Promise.all([
        db.auditEvent.findMany({ where: { AND: [where, k.where] }, orderBy: p.orderBy, skip: k.skip, take: p.take }),
        db.auditEvent.count({ where }),
      ]);
      k.next(res, rows);
      // Who acted, by name (README "The console's words": people are named, never shown by their id).
      const nameOf = await userNames(
        db,
        rows.map((e) => e.actorId),
      );
      const named = rows.map((e) => ({ ...e, actorName: nameOf(e.actorId) }));
      sendList(res, 'audit-events', k.skip, named, total);
    },
  );
  route(r, { method: 'get', path: '/audit-events/:id', summary: 'One audit entry', tag: 'audit' }, async (req, _res, me) => {
    const id = String(req.params.id);
    if (!/^\d{1,18}$/.test(id)) throw notFound('审计记录 audit event', id);
    const e = await db.auditEvent.findFirst({ where: { AND: [{ id: BigInt(id) }] } });
    if (!e) throw notFound('审计记录 audit event', id);
    if (!(await db.auditEvent.findFirst({ where: { AND: [{ id: e.id }, await auditScope(me)] } }))) throw forbidden();
    return e;
  });

  return r;
}
