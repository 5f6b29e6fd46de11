// Staff acting for an operator (Actor.onBehalfOf): an operator's own task (its 自查自纠, 长兴方案 四、（二）) is
// done in the portal; one without a usable account (none yet, or disabled) has it done by the county
// officer or coordinator over it, as before the portal. The inbox shows those; the task page says for whom.
import type { PrismaClient } from '../prisma/db.js';
import { OPERATOR_ROLE } from '../domain/roles.js';
import type { Principal } from './scope.js';

/** Staff roles that may act for an operator (api/resources/tasks.ts mayAct). */
export const ACTS_FOR_OPERATORS: readonly string[] = ['county_officer', 'coordinator'];

/**
 * The open operator tasks in the caller's subtree whose operator has no usable account: the caller's to do
 * for the operator (the inbox's mine=true). Read through the task's jurisdiction index, then the case's key.
 */
export async function operatorTasksToActFor(db: PrismaClient, me: Principal): Promise<string[]> {
  if (!ACTS_FOR_OPERATORS.includes(me.role) || me.subtree.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT t.id FROM task t JOIN case_file c ON c.id = t.case_id
    WHERE t.jurisdiction_id = ANY(${me.subtree}::text[]) AND t.status = 'open' AND t.assignee_role = ${OPERATOR_ROLE}
      AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.operator_id = c.operator_id AND u.disabled_at IS NULL)`;
  return rows.map((r) => r.id);
}

export interface ActingFor {
  operatorId: string;
  operatorName: string;
  /** The operator signs in itself: staff may still act (it brought its papers), but it is the operator's to do. */
  hasAccount: boolean;
}

/** For an operator's task: whose it is and whether the operator has a usable account (null for staff tasks). */
export async function actingFor(db: PrismaClient, t: { assigneeRole: string; caseId: string | null }): Promise<ActingFor | null> {
  if (t.assigneeRole !== OPERATOR_ROLE || !t.caseId) return null;
  const c = await db.case.findUnique({ where: { id: t.caseId }, select: { operatorId: true } });
  if (!c) return null;
  const [o, account] = await Promise.all([
    db.operator.findUnique({ where: { id: c.operatorId }, select: { name: true } }),
    db.user.findFirst({ where: { operatorId: c.operatorId, disabledAt: null }, select: { id: true } }),
  ]);
  return { operatorId: c.operatorId, operatorName: o?.name ?? c.operatorId, hasAccount: !!account };
}
