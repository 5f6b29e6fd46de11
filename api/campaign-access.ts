// Loading a campaign for a request: 404 when unknown, 403 outside the user's view, and the check that
// only the coordinators of the campaign's own jurisdiction run it.
import { withKind, type CampaignDefinition, type CampaignDefinitionOf } from '../domain/campaign-definition.js';
import type { ProgrammeKind } from '../domain/programmes/index.js';
import type { PrismaClient } from '../prisma/db.js';
import { badRequest, forbidden, notFound } from './errors.js';
import { inScope, type Principal } from './scope.js';

/** Campaigns a user may see: run in their subtree, or above it (a station sees its county's campaign). */
export const visibleJurisdictions = (me: Principal) => [...me.subtree, ...me.ancestors];

export async function loadCampaign(db: PrismaClient, id: string, me: Principal) {
  const c = await db.campaign.findUnique({ where: { id } });
  if (!c) throw notFound('活动 campaign', id);
  if (!visibleJurisdictions(me).includes(c.jurisdictionId)) throw forbidden();
  // Campaigns launched before kinds were explicit carry none: told by their rules.
  const def = withKind(c.definition as unknown as CampaignDefinition) as CampaignDefinition;
  return { ...c, definition: def as unknown as typeof c.definition, def };
}

const KIND_NAMES: Record<ProgrammeKind, [string, string]> = {
  staged_award: ['评定授牌（如长兴放心电商）', 'staged award (like Changxing)'],
  application: ['申报培育（如舟山绿色直播间）', 'application and list (like Zhoushan)'],
  register: ['申报入库（如丽江）', 'register intake (like Lijiang)'],
  defined: ['自定义项目', 'defined programme'],
};

/** The campaign's definition when its programme is of `kind`; a 400 naming the kinds otherwise. */
export function definitionOfKind<K extends ProgrammeKind>(c: { def: CampaignDefinition }, kind: K): CampaignDefinitionOf<K> {
  if (c.def.kind !== kind)
    throw badRequest(
      `本活动的项目类型为「${KIND_NAMES[c.def.kind][0]}」，不适用此操作（仅适用于${KIND_NAMES[kind][0]}）`,
      `this campaign's programme is a ${KIND_NAMES[c.def.kind][1]}: this applies to a ${KIND_NAMES[kind][1]} only`,
    );
  return c.def as CampaignDefinitionOf<K>;
}

/** Decisions that run the campaign itself belong to the coordinators of its jurisdiction (or above). */
export function requireRunner(me: Principal, c: { jurisdictionId: string }) {
  if (me.role !== 'coordinator' || !inScope(me, c.jurisdictionId))
    throw forbidden('只有本级统筹人员可以操作', 'only coordinators of the campaign’s jurisdiction can do this');
}
