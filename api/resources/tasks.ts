// Tasks: the jurisdiction-scoped inbox, claim, and completion (an Update to the owning workflow).
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import { TASK_RESULT_SCHEMAS } from '../../domain/task-forms.js';
import { completeTaskUpdate } from '../../workflows/messages.js';
import { conflict, forbidden, notFound, parseOr400 } from '../errors.js';
import { boolFilter, idsFilter, idsWhere, parseList, sendList } from '../list.js';
import { route } from '../routes.js';
import { inScope, type Principal } from '../scope.js';
import { actorOf } from './campaigns.js';

const filter = z.object({
  status: z.enum(['open', 'done']).optional(),
  overdue: boolFilter.optional(),
  campaignId: z.string().optional(),
  stageKey: z.string().optional(),
  type: z.string().optional(),
  jurisdictionId: z.string().optional(),
  caseId: z.string().optional(),
  mine: boolFilter.optional(),
  q: z.string().max(100).optional(),
  id: idsFilter.optional(),
});

export function tasksRouter(db: PrismaClient, client: Client): Router {
  const r = Router();

  async function load(id: string, me: Principal) {
    const t = await db.task.findUnique({ where: { id } });
    if (!t) throw notFound('任务 task', id);
    if (!inScope(me, t.jurisdictionId)) throw forbidden('该任务不属于您的辖区', 'this task is outside your jurisdiction');
    return t;
  }
  /** Only the role a task is assigned to, inside the task's jurisdiction, acts on it. */
  function mayAct(t: { assigneeRole: string }, me: Principal) {
    if (t.assigneeRole !== me.role) throw forbidden(`此任务须由「${t.assigneeRole}」角色办理`, `this task is for role "${t.assigneeRole}"`);
  }

  route(r, { method: 'get', path: '/tasks', summary: 'Tasks in your jurisdiction (mine=true: assigned to your role, unclaimed or claimed by you)', tag: 'tasks', list: true }, async (req, res, me) => {
    const p = parseList(req, filter, ['id', 'dueAt', 'createdAt', 'status', 'title', 'type', 'stageKey', 'jurisdictionId', 'completedAt'], ['dueAt', 'ASC']);
    const f = p.filter;
    const where = {
      jurisdictionId: { in: me.subtree.filter((j) => !f.jurisdictionId || j === f.jurisdictionId) },
      ...(f.status ? { status: f.status } : {}),
      ...(f.overdue !== undefined ? { overdue: f.overdue } : {}),
      ...(f.campaignId ? { campaignId: f.campaignId } : {}),
      ...(f.stageKey ? { stageKey: f.stageKey } : {}),
      ...(f.type ? { type: f.type } : {}),
      ...(f.caseId ? { caseId: f.caseId } : {}),
      ...idsWhere(f.id),
      ...(f.q ? { title: { contains: f.q } } : {}),
      ...(f.mine ? { assigneeRole: me.role, OR: [{ claimedById: null }, { claimedById: me.id }] } : {}),
    };
    const [rows, total] = await Promise.all([db.task.findMany({ where, orderBy: p.orderBy, skip: p.skip, take: p.take }), db.task.count({ where })]);
    sendList(res, 'tasks', p.skip, rows, total);
  });

  route(r, { method: 'get', path: '/tasks/:id', summary: 'One task', tag: 'tasks' }, async (req, _res, me) => load(String(req.params.id), me));

  route(r, { method: 'post', path: '/tasks/:id/claim', summary: 'Claim a task so colleagues see you are on it (409 if claimed by another or done)', tag: 'tasks' }, async (req, _res, me) => {
    const t = await load(String(req.params.id), me);
    mayAct(t, me);
    // One conditional UPDATE: of two officers claiming at once exactly one wins.
    const won = await db.task.updateMany({ where: { id: t.id, status: 'open', OR: [{ claimedById: null }, { claimedById: me.id }] }, data: { claimedById: me.id } });
    if (won.count === 0) {
      const now = await db.task.findUniqueOrThrow({ where: { id: t.id } });
      if (now.status === 'done') throw conflict('任务已办结', 'task is already completed');
      throw conflict('任务已被他人认领', 'task is already claimed by someone else');
    }
    await db.auditEvent.createMany({ skipDuplicates: true, data: [{ key: `task:${t.id}:claimed:${me.id}`, at: new Date(), actorId: me.id, actorRole: me.role, action: 'task.claimed', entityType: 'task', entityId: t.id, campaignId: t.campaignId, jurisdictionId: t.jurisdictionId }] });
    return db.task.findUniqueOrThrow({ where: { id: t.id } });
  });

  route(r, { method: 'post', path: '/tasks/:id/complete', summary: 'Complete a task with its form (self_check: eight areas; escalation: note). 409 if already done', tag: 'tasks', body: z.union(Object.values(TASK_RESULT_SCHEMAS) as [z.ZodType, z.ZodType]) }, async (req, _res, me) => {
    const t = await load(String(req.params.id), me);
    mayAct(t, me);
    const schema = TASK_RESULT_SCHEMAS[t.type];
    if (!schema) throw conflict(`任务类型 ${t.type} 不能在此办理`, `task type ${t.type} cannot be completed here`);
    const result = parseOr400(schema, req.body);
    if (t.status === 'done') throw conflict('任务已办结，不能重复提交', 'task is already completed');
    if (t.claimedById && t.claimedById !== me.id) throw conflict('任务已被他人认领', 'task is claimed by someone else');
    // The owning workflow decides; it refuses a second completion even when two arrive at once.
    await client.workflow.getHandle(t.workflowId).executeUpdate(completeTaskUpdate, { args: [{ taskId: t.id, actor: actorOf(me), result }] });
    return db.task.findUniqueOrThrow({ where: { id: t.id } });
  });
  return r;
}
