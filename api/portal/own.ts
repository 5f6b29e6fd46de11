// What an operator's account may reach (DOMAIN.md "Operator": it follows its own case through its own
// door): its own cases and the tasks on them, nothing by jurisdiction. Every portal route loads through
// these, so another operator's case is 403 whatever the route.
import type { PrismaClient } from '../../prisma/db.js';
import { OPERATOR_ROLE } from '../../domain/roles.js';
import { forbidden, notFound } from '../errors.js';
import type { Principal } from '../scope.js';

/** The operator behind a portal request (route() has already refused staff on `roles: ['operator']`). */
export function operatorOf(me: Principal): string {
  if (me.role !== OPERATOR_ROLE || !me.operatorId) throw forbidden('此功能仅供经营主体使用', 'this is for operators only');
  return me.operatorId;
}

const notYours = () => forbidden('这不是您的案件', 'this case is not yours');

/** One of the operator's own cases; another operator's is 403, an unknown one 404. */
export async function ownCase(db: PrismaClient, me: Principal, caseId: string) {
  const operatorId = operatorOf(me);
  const c = await db.case.findUnique({ where: { id: caseId } });
  if (!c) throw notFound('案件 case', caseId);
  if (c.operatorId !== operatorId) throw notYours();
  return c;
}

/** A task on one of the operator's own cases; another operator's is 403, an unknown one 404. */
export async function ownTask(db: PrismaClient, me: Principal, taskId: string) {
  const operatorId = operatorOf(me);
  const t = await db.task.findUnique({ where: { id: taskId } });
  if (!t) throw notFound('任务 task', taskId);
  const c = t.caseId ? await db.case.findUnique({ where: { id: t.caseId }, select: { operatorId: true } }) : null;
  if (!c || c.operatorId !== operatorId) throw forbidden('这不是您的任务', 'this task is not yours');
  return t;
}
