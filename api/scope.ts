import type { PrismaClient } from '../prisma/db.js';
import { Prisma } from '../prisma/generated/client.js';
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

interface PrincipalRow {
  id: string | null;
  username: string;
  display_name: string;
  role: string;
  operator_id: string | null;
  jurisdiction_id: string;
  must_change_password: boolean;
  disabled_at: Date | null;
  jurisdiction_name: string;
  jurisdiction_path: string;
  subtree: string[];
}

// A user, their jurisdiction and its subtree in one query: every signed-in request pays for it (it was
// four round trips). An operator reaches nothing by jurisdiction: every operator route checks the
// operator itself, so its subtree is empty. The jurisdiction table is small (a province's units).
const PRINCIPAL_COLUMNS = Prisma.raw(`u.id, u.username, u.display_name, u.role, u.operator_id, u.jurisdiction_id, u.must_change_password,
  u.disabled_at, j.name AS jurisdiction_name, j.path AS jurisdiction_path,
  CASE WHEN u.operator_id IS NULL THEN ARRAY(SELECT b.id FROM jurisdiction b WHERE starts_with(b.path, j.path)) ELSE ARRAY[]::text[] END AS subtree`);

function principalOf(u: PrincipalRow & { id: string }): Principal {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role as AccountRole,
    operatorId: u.operator_id,
    jurisdictionId: u.jurisdiction_id,
    jurisdictionName: u.jurisdiction_name,
    jurisdictionPath: u.jurisdiction_path,
    subtree: u.subtree,
    ancestors: u.operator_id ? [] : u.jurisdiction_path.split('/').filter((x) => x && x !== u.jurisdiction_id),
    mustChangePassword: u.must_change_password,
    disabled: !!u.disabled_at,
  };
}

export async function loadPrincipal(db: PrismaClient, userId: string): Promise<Principal | undefined> {
  const [u] = await db.$queryRaw<PrincipalRow[]>`
    SELECT ${PRINCIPAL_COLUMNS} FROM app_user u JOIN jurisdiction j ON j.id = u.jurisdiction_id WHERE u.id = ${userId}`;
  return u?.id ? principalOf(u as PrincipalRow & { id: string }) : undefined;
}

/** A session by its token's hash, with its user's principal (none if the user is gone), in one query. */
export async function loadSession(db: PrismaClient, tokenHash: string): Promise<{ userId: string; expiresAt: Date; principal?: Principal } | undefined> {
  const [row] = await db.$queryRaw<(PrincipalRow & { session_user_id: string; expires_at: Date })[]>`
    SELECT s.user_id AS session_user_id, s.expires_at, ${PRINCIPAL_COLUMNS}
    FROM session s LEFT JOIN app_user u ON u.id = s.user_id LEFT JOIN jurisdiction j ON j.id = u.jurisdiction_id
    WHERE s.token_hash = ${tokenHash}`;
  if (!row) return undefined;
  return { userId: row.session_user_id, expiresAt: row.expires_at, ...(row.id ? { principal: principalOf(row as PrincipalRow & { id: string }) } : {}) };
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
