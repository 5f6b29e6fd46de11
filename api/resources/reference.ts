// Read-only reference data: jurisdictions, users, operators (programmes: api/resources/programmes.ts).
import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import { forbidden, notFound } from '../errors.js';
import { boolFilter, idsFilter, idsWhere, parseList, sendList, escapeLike } from '../list.js';
import { OPERATOR_KINDS } from '../../domain/register.js';
import { route } from '../routes.js';
import { inScope } from '../scope.js';

const q = z.string().trim().max(100).transform(escapeLike);

export function referenceRouter(db: PrismaClient): Router {
  const r = Router();

  const jFilter = z.object({ q: q.optional(), level: z.enum(['city', 'county', 'station']).optional(), parentId: z.string().optional(), id: idsFilter.optional() });
  route(r, { method: 'get', path: '/jurisdictions', summary: 'Jurisdictions in your subtree', tag: 'reference', list: true }, async (req, res, me) => {
    const p = parseList(req, jFilter, ['id', 'name', 'level', 'path'], ['path', 'ASC']);
    const where = {
      // Everyone may see the chain above them (names in breadcrumbs) and everything below.
      id: { in: [...me.subtree, ...me.ancestors] },
      ...(p.filter.id ? { AND: [idsWhere(p.filter.id)] } : {}),
      ...(p.filter.level ? { level: p.filter.level } : {}),
      ...(p.filter.parentId ? { parentId: p.filter.parentId } : {}),
      ...(p.filter.q ? { name: { contains: p.filter.q } } : {}),
    };
    const [rows, total] = await Promise.all([db.jurisdiction.findMany({ where, orderBy: p.orderBy, skip: p.skip, take: p.take }), db.jurisdiction.count({ where })]);
    sendList(res, 'jurisdictions', p.skip, rows, total);
  });
  route(r, { method: 'get', path: '/jurisdictions/:id', summary: 'One jurisdiction', tag: 'reference' }, async (req, _res, me) => {
    const j = await db.jurisdiction.findUnique({ where: { id: String(req.params.id) } });
    if (!j) throw notFound('辖区 jurisdiction', String(req.params.id));
    if (!inScope(me, j.id) && !me.ancestors.includes(j.id)) throw forbidden();
    return j;
  });

  const userCols = { id: true, username: true, displayName: true, role: true, jurisdictionId: true, createdAt: true } as const;
  const uFilter = z.object({ q: q.optional(), role: z.enum(['coordinator', 'county_officer', 'auditor', 'leader', 'admin']).optional(), jurisdictionId: z.string().optional(), id: idsFilter.optional() });
  route(r, { method: 'get', path: '/users', summary: 'Users in your subtree (coordinators, leaders, admins)', tag: 'reference', roles: ['coordinator', 'leader', 'admin'], list: true }, async (req, res, me) => {
    const p = parseList(req, uFilter, ['id', 'username', 'displayName', 'role', 'jurisdictionId', 'createdAt'], ['username', 'ASC']);
    const where = {
      jurisdictionId: { in: p.filter.jurisdictionId ? me.subtree.filter((x) => x === p.filter.jurisdictionId) : me.subtree },
      ...(p.filter.role ? { role: p.filter.role } : {}),
      ...idsWhere(p.filter.id),
      ...(p.filter.q ? { OR: [{ username: { contains: p.filter.q } }, { displayName: { contains: p.filter.q } }] } : {}),
    };
    const [rows, total] = await Promise.all([db.user.findMany({ where, select: userCols, orderBy: p.orderBy, skip: p.skip, take: p.take }), db.user.count({ where })]);
    sendList(res, 'users', p.skip, rows, total);
  });
  route(r, { method: 'get', path: '/users/:id', summary: 'One user', tag: 'reference' }, async (req, _res, me) => {
    const u = await db.user.findUnique({ where: { id: String(req.params.id) }, select: userCols });
    if (!u) throw notFound('用户 user', String(req.params.id));
    if (!inScope(me, u.jurisdictionId) && u.id !== me.id) throw forbidden();
    return u;
  });

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
      ? (await db.jurisdiction.findMany({ where: { path: { contains: `/${p.filter.jurisdictionId}/` } }, select: { id: true } })).map((j) => j.id).filter((id) => me.subtree.includes(id))
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
  route(r, { method: 'get', path: '/operators/:id', summary: 'One operator', tag: 'reference' }, async (req, _res, me) => {
    const o = await db.operator.findUnique({ where: { id: String(req.params.id) } });
    if (!o) throw notFound('经营主体 operator', String(req.params.id));
    if (!inScope(me, o.jurisdictionId)) throw forbidden();
    return o;
  });

  // Programmes: api/resources/programmes.ts.
  return r;
}
