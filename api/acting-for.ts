// Staff acting for an operator (Actor.onBehalfOf): an operator's own task (its 自查自纠, 长兴方案 四、（二）) is
// done in the portal; one without a usable account (none yet, or disabled) has it done by the county
// officer or coordinator over it, as before the portal. The inbox shows those; the task page says for whom.
import type { PrismaClient } from '../prisma/db.js';
import type { Prisma } from '../prisma/generated/client.js';
import { OPERATOR_ROLE } from '../domain/roles.js';
import type { Principal } from './scope.js';

/** Staff roles that may act for an operator (api/resources/tasks.ts mayAct). */
export const ACTS_FOR_OPERATORS: readonly string[] = ['county_officer', 'coordinator'];

/**
 * The open operator tasks in the caller's subtree whose operator has no usable account: the caller's to do
 * for the operator (the inbox's mine=true and 本单位待认领). A filter, not a list of ids: a county's operators
 * without an account run to tens of thousands of tasks, past the 65,535 parameters a query may carry.
 * Null for a role that never acts for operators.
 */
export function operatorTasksToActFor(me: Principal): Prisma.TaskWhereInput | null {
  if (!ACTS_FOR_OPERATORS.includes(me.role) || me.subtree.length === 0) return null;
  return {
    jurisdictionId: { in: me.subtree },
    status: 'open',
    assigneeRole: OPERATOR_ROLE,
    operatorId: { not: null },
    NOT: { operatorAccount: { is: { disabledAt: null } } },
  };
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
