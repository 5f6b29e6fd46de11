import type { PrismaClient } from '../prisma/db.js';
import type { Actor, Role } from '../domain/roles.js';

/** The signed-in user and where they may look: their jurisdiction's subtree (city ⊃ county ⊃ station). */
export interface Principal {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  jurisdictionId: string;
  jurisdictionName: string;
  jurisdictionPath: string;
  /** Their jurisdiction and everything below it. */
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
  const below = await db.jurisdiction.findMany({ where: { path: { startsWith: j.path } }, select: { id: true } });
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    jurisdictionId: u.jurisdictionId,
    jurisdictionName: j.name,
    jurisdictionPath: j.path,
    subtree: below.map((b) => b.id),
    ancestors: j.path.split('/').filter((x) => x && x !== j.id),
    mustChangePassword: u.mustChangePassword,
    disabled: !!u.disabledAt,
  };
}

export const inScope = (p: Principal, jurisdictionId: string) => p.subtree.includes(jurisdictionId);

/** Who made a decision, for the audit trail. */
export const actorOf = (me: Principal): Actor => ({ userId: me.id, role: me.role, displayName: me.displayName });
