// Read-only reference data: operators (jurisdictions: jurisdictions.ts, users: users.ts, programmes: programmes.ts).
import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import { forbidden, notFound } from '../errors.js';
import { boolFilter, idsFilter, idsWhere, parseList, sendList, escapeLike } from '../list.js';
import { OPERATOR_KINDS } from '../../domain/register.js';
import { route } from '../routes.js';
import { inScope } from '../scope.js';
import { portalAccountOf } from '../portal/accounts.js';

const q = z.string().trim().max(100).transform(escapeLike);

export function referenceRouter(db: PrismaClient): Router {
  const r = Router();

  const oFilter = z.object({
    q: q.optional(),
    jurisdictionId: z.string().optional(),
    kind: z.enum(OPERATOR_KINDS.map((k) => k.key) as [string, ...string[]]).optional(),
    abnormalListed: boolFilter.optional(),
    dishonestListed: boolFilter.optional(),
    track: z.enum(['live_marketing', 'community_group_buying']).optional(),
    id: idsFilter.optional(),
  });
  route(r, { method: 'get', path: '/operators', summary: 'Operators registered in your subtree', tag: 'reference', list: true }, async (req, res, me) => {
    const p = parseList(req, oFilter, ['id', 'name', 'uscc', 'kind', 'jurisdictionId', 'registeredOn', 'track'], ['name', 'ASC']);
    const subtreeIds = p.filter.jurisdictionId
      ? (await db.jurisdiction.findMany({ where: { path: { contains: `/${p.filter.jurisdictionId}/` } }, select: { id: true } }))
          .map((j) => j.id)
          .filter((id) => me.subtree.includes(id))
      : me.subtree;
    const where = {
      jurisdictionId: { in: subtreeIds },
      ...(p.filter.kind ? { kind: p.filter.kind } : {}),
      ...(p.filter.track ? { track: p.filter.track } : {}),
      ...(p.filter.abnormalListed !== undefined ? { abnormalListed: p.filter.abnormalListed } : {}),
      ...(p.filter.dishonestListed !== undefined ? { dishonestListed: p.filter.dishonestListed } : {}),
      ...idsWhere(p.filter.id),
      ...(p.filter.q ? { OR: [{ name: { contains: p.filter.q } }, { uscc: { contains: p.filter.q.toUpperCase() } }] } : {}),
    };
    const [rows, total] = await Promise.all([db.operator.findMany({ where, orderBy: p.orderBy, skip: p.skip, take: p.take }), db.operator.count({ where })]);
    sendList(res, 'operators', p.skip, rows, total);
  });
  route(
    r,
    { method: 'get', path: '/operators/:id', summary: 'One operator (portalAccount: its portal account’s status, or null)', tag: 'reference' },
    async (req, _res, me) => {
      const o = await db.operator.findUnique({ where: { id: String(req.params.id) } });
      if (!o) throw notFound('经营主体 operator', String(req.params.id));
      if (!inScope(me, o.jurisdictionId)) throw forbidden();
      // Whether it has opened its portal account (api/portal/accounts.ts), for the 门户账号 panel.
      return { ...o, portalAccount: await portalAccountOf(db, o.id) };
    },
  );

  // Programmes: api/resources/programmes.ts.
  return r;
}
