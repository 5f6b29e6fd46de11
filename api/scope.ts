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

/** A 双随机 inspection's drawn inspectors (workflows/case.ts applyDraw): it is theirs alone, wherever they sit. */
export const drawnInspectors = (t: { details: unknown }): string[] | undefined =>
  (t.details as { randomDraw?: { inspectorIds?: string[] } } | null)?.randomDraw?.inspectorIds;

/** Those who oversee a jurisdiction's work (README "The task inbox"): they see 全部, every 已办, every group's tasks. */
export const OVERSEERS: readonly string[] = ['coordinator', 'leader', 'admin'];

/** The evaluation groups `me` belongs to (changxing 四、（四）: a score task is its group's only). */
export async function groupsOf(db: PrismaClient, me: Principal): Promise<string[]> {
  return (await db.evaluationGroupMember.findMany({ where: { userId: me.id }, select: { groupId: true } })).map((m) => m.groupId);
}

/** The tasks `me` may see by evaluation group (`groups`: theirs, groupsOf): all for those who oversee, otherwise ungrouped ones and their groups'. */
export function groupVisibility(me: Principal, groups: string[]) {
  if (OVERSEERS.includes(me.role)) return {};
  return { OR: [{ evaluationGroupId: null }, { evaluationGroupId: { in: groups } }] };
}

/** A staff member's task: 404 when there is none, 403 outside their jurisdiction or another evaluation group's. */
export async function taskInScope(db: PrismaClient, id: string, me: Principal) {
  const t = await db.task.findUnique({ where: { id } });
  if (!t) throw notFound('任务 task', id);
  // A task held by me is mine to see wherever it lies (a 双随机 inspection drawn from another station), and
  // so is my evaluation group's (a station's auditor in the group scores the cases of every station).
  const mine =
    t.claimedById === me.id || !!drawnInspectors(t)?.includes(me.id) || (!!t.evaluationGroupId && (await groupsOf(db, me)).includes(t.evaluationGroupId));
  if (!inScope(me, t.jurisdictionId) && !mine) throw forbidden('该任务不属于您的辖区', 'this task is outside your jurisdiction');
  if (t.evaluationGroupId && !OVERSEERS.includes(me.role) && !mine) {
    const g = await db.evaluationGroup.findUnique({ where: { id: t.evaluationGroupId }, select: { name: true } });
    throw forbidden(`此评分任务由「${g?.name ?? ''}」评价组办理`, `this score task is for the evaluation group "${g?.name ?? ''}"`);
  }
  return t;
}

/** A staff member's case: 404 when there is none, 403 outside their jurisdiction. */
export async function caseInScope(db: PrismaClient, id: string, me: Principal) {
  const c = await db.case.findUnique({ where: { id } });
  if (!c) throw notFound('案件 case', id);
  if (!inScope(me, c.jurisdictionId)) throw forbidden('该案件不属于您的辖区', 'this case is outside your jurisdiction');
  return c;
}
