import type { PrismaClient } from '../prisma/db.js';
import type { AccountRole, Actor } from '../domain/roles.js';
import { forbidden, notFound } from './errors.js';

/** The signed-in user and where they may look: their jurisdiction's subtree (city ⊃ county ⊃ station). */
export interface Principal {
  id: string;
  username: string;
  displayName: string;
  role: AccountRole;
  /** An operator's account: the operator it is (role operator); null for staff. */
  operatorId: string | null;
  jurisdictionId: string;
  jurisdictionName: string;
  jurisdictionPath: string;
  /** Their jurisdiction and everything below it; empty for an operator, which sees only its own. */
  subtree: string[];
  /** The jurisdictions above theirs (a station officer sees the county's campaign). */
  ancestors: string[];
  /** Signed in with a temporary password: nothing but changing it is allowed (routes.ts). */
  mustChangePassword: boolean;
  disabled: boolean;
}

export async function loadPrincipal(db: PrismaClient, userId: string): Promise<Principal | undefined> {
  const u = await db.user.findUnique({ where: { id: userId } });
  if (!u) return undefined;
  const j = await db.jurisdiction.findUniqueOrThrow({ where: { id: u.jurisdictionId } });
  // An operator reaches nothing by jurisdiction: every operator route checks the operator itself.
  const below = u.operatorId ? [] : await db.jurisdiction.findMany({ where: { path: { startsWith: j.path } }, select: { id: true } });
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as AccountRole,
    operatorId: u.operatorId,
    jurisdictionId: u.jurisdictionId,
    jurisdictionName: j.name,
    jurisdictionPath: j.path,
    subtree: below.map((b) => b.id),
    ancestors: u.operatorId ? [] : j.path.split('/').filter((x) => x && x !== j.id),
    mustChangePassword: u.mustChangePassword,
    disabled: !!u.disabledAt,
  };
}

export const inScope = (p: Principal, jurisdictionId: string) => p.subtree.includes(jurisdictionId);

/** Who made a decision, for the audit trail. */
export const actorOf = (me: Principal): Actor => ({ userId: me.id, role: me.role, displayName: me.displayName });

/** A staff member's task: 404 when there is none, 403 outside their jurisdiction. */
export async function taskInScope(db: PrismaClient, id: string, me: Principal) {
  const t = await db.task.findUnique({ where: { id } });
  if (!t) throw notFound('任务 task', id);
  if (!inScope(me, t.jurisdictionId)) throw forbidden('该任务不属于您的辖区', 'this task is outside your jurisdiction');
  return t;
}

/** A staff member's case: 404 when there is none, 403 outside their jurisdiction. */
export async function caseInScope(db: PrismaClient, id: string, me: Principal) {
  const c = await db.case.findUnique({ where: { id } });
  if (!c) throw notFound('案件 case', id);
  if (!inScope(me, c.jurisdictionId)) throw forbidden('该案件不属于您的辖区', 'this case is outside your jurisdiction');
  return c;
}
