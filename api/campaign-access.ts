// Loading a campaign for a request: 404 when unknown, 403 outside the user's view, and the check that
// only the coordinators of the campaign's own jurisdiction run it.
import type { CampaignDefinition } from '../domain/campaign-definition.js';
import type { PrismaClient } from '../prisma/db.js';
import { forbidden, notFound } from './errors.js';
import { inScope, type Principal } from './scope.js';

/** Campaigns a user may see: run in their subtree, or above it (a station sees its county's campaign). */
export const visibleJurisdictions = (me: Principal) => [...me.subtree, ...me.ancestors];

export async function loadCampaign(db: PrismaClient, id: string, me: Principal) {
  const c = await db.campaign.findUnique({ where: { id } });
  if (!c) throw notFound('活动 campaign', id);
  if (!visibleJurisdictions(me).includes(c.jurisdictionId)) throw forbidden();
  return { ...c, def: c.definition as unknown as CampaignDefinition };
}

/** Decisions that run the campaign itself belong to the coordinators of its jurisdiction (or above). */
export function requireRunner(me: Principal, c: { jurisdictionId: string }) {
  if (me.role !== 'coordinator' || !inScope(me, c.jurisdictionId)) throw forbidden('只有本级统筹人员可以操作', 'only coordinators of the campaign’s jurisdiction can do this');
}
