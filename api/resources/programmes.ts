// Programmes: the built-ins in code (changxing, zhoushan, lijiang: read-only) and the ones coordinators
// define as data (DOMAIN.md Programme D), versioned: POST defines version 1, PUT adds the
// next version; a running campaign keeps the version it was launched with.
import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import { Prisma } from '../../prisma/generated/client.js';
import { PROGRAMMES, type Programme } from '../../domain/programmes/index.js';
import { programmeSpecSchema, validateProgrammeSpec, type ProgrammeSpec } from '../../domain/programmes/defined.js';
import { appendAudit } from '../../activities/audit.js';
import { badRequest, conflict, forbidden, notFound, parseOr400 } from '../errors.js';
import { boolFilter, idsFilter, parseList, sendList } from '../list.js';
import { loadProgramme, type LoadedProgramme } from '../programmes.js';
import { route } from '../routes.js';
import { inScope, type Principal } from '../scope.js';
import { actorOf } from './campaigns.js';

/** A programme as the console shows it: its kind's own rules and settings (domain/programmes/types.ts), stages with their task types. */
const programmeView = (p: Programme) => ({
  ...p,
  stages: p.stages.map((s) => ({
    key: s.key,
    name: s.name,
    nameEn: s.nameEn,
    defaultStart: s.defaultStart,
    defaultDue: s.defaultDue,
    taskTypes: s.caseTasks.map((t) => t.type),
  })),
});

const listFilter = z.object({ q: z.string().max(100).optional(), builtIn: boolFilter.optional(), id: idsFilter.optional() });
const oneQuery = z.object({ version: z.coerce.number().int().min(1).max(1_000_000).optional() }).strict();

/** Definition problems as a 400 with every field's path and reason. */
function invalid(problems: { path: string; messageZh: string; messageEn: string }[]) {
  return badRequest(
    `项目定义无效：${problems.map((p) => `${p.path} ${p.messageZh}`).join('；')}`,
    `invalid programme definition: ${problems.map((p) => `${p.path}: ${p.messageEn}`).join('; ')}`,
    problems,
  );
}

export function programmesRouter(db: PrismaClient): Router {
  const r = Router();

  /** Display names of the users and jurisdictions a list of programmes mentions. */
  async function names(ls: { createdById?: string | null; jurisdictionId?: string | null }[]) {
    const ids = (f: (l: (typeof ls)[number]) => string | null | undefined) => [...new Set(ls.map(f).filter((x): x is string => !!x))];
    const [users, places] = await Promise.all([
      db.user.findMany({ where: { id: { in: ids((l) => l.createdById) } }, select: { id: true, displayName: true } }),
      db.jurisdiction.findMany({ where: { id: { in: ids((l) => l.jurisdictionId) } }, select: { id: true, name: true } }),
    ]);
    return new Map([...users.map((u): [string, string] => [u.id, u.displayName]), ...places.map((j): [string, string] => [j.id, j.name])]);
  }
  /** Who may revise a defined programme: coordinators and admins of its jurisdiction or above (an ownerless one from before ownership: admins). */
  const mayRevise = (l: { builtIn: boolean; jurisdictionId?: string | null }, me: Principal) =>
    !l.builtIn && (l.jurisdictionId ? (me.role === 'coordinator' || me.role === 'admin') && inScope(me, l.jurisdictionId) : me.role === 'admin');
  const view = (l: LoadedProgramme, byName: Map<string, string>, me: Principal) => ({
    ...programmeView(l.programme),
    builtIn: l.builtIn,
    version: l.version,
    spec: l.spec ?? null,
    createdAt: l.createdAt ?? null,
    createdByName: l.createdById ? (byName.get(l.createdById) ?? l.createdById) : null,
    jurisdictionId: l.jurisdictionId ?? null,
    jurisdictionName: l.jurisdictionId ? (byName.get(l.jurisdictionId) ?? l.jurisdictionId) : null,
    canRevise: mayRevise(l, me),
  });
  async function one(id: string, me: Principal, version?: number) {
    const l = await loadProgramme(db, id, version);
    if (!l) throw notFound('项目 programme', version === undefined ? id : `${id} v${version}`);
    return view(l, await names([l]), me);
  }

  route(
    r,
    {
      method: 'get',
      path: '/programmes',
      summary: 'Programmes a campaign can be launched from: built-ins and defined ones (latest version)',
      tag: 'programmes',
      list: true,
    },
    async (req, res, me) => {
      const p = parseList(req, listFilter, ['id', 'name', 'version'], ['id', 'ASC']);
      // Latest version of each defined programme: DISTINCT ON keeps one row per id.
      const latest = await db.$queryRaw<
        { id: string; version: number }[]
      >`SELECT DISTINCT ON (id) id, version FROM programme_definition ORDER BY id, version DESC`;
      const defined = (await Promise.all(latest.map((x) => loadProgramme(db, x.id, x.version)))).filter((x): x is LoadedProgramme => !!x);
      const byName = await names(defined);
      const all = [...Object.values(PROGRAMMES).map((programme): LoadedProgramme => ({ programme, builtIn: true, version: null })), ...defined].map((l) =>
        view(l, byName, me),
      );
      const f = p.filter;
      const ids = f.id === undefined ? undefined : Array.isArray(f.id) ? f.id : [f.id];
      const q = f.q?.toLowerCase();
      const rows = all.filter(
        (x) =>
          (ids ? ids.includes(x.id) : true) &&
          (f.builtIn === undefined || x.builtIn === f.builtIn) &&
          (!q || x.id.includes(q) || x.name.includes(f.q!) || x.nameEn.toLowerCase().includes(q)),
      );
      const [[field, dir]] = Object.entries(p.orderBy[0]!) as [[string, 'asc' | 'desc']];
      const val = (x: (typeof rows)[number]) => (field === 'version' ? (x.version ?? 0) : String(x[field as 'id' | 'name']));
      rows.sort((a, b) => (val(a) < val(b) ? -1 : val(a) > val(b) ? 1 : a.id.localeCompare(b.id)) * (dir === 'asc' ? 1 : -1));
      sendList(res, 'programmes', p.skip, rows.slice(p.skip, p.skip + p.take), rows.length);
    },
  );

  route(
    r,
    { method: 'get', path: '/programmes/:id', summary: 'One programme (a defined one at its latest version, or ?version=N)', tag: 'programmes' },
    async (req, _res, me) => {
      const { version } = parseOr400(oneQuery, req.query, 'query');
      return one(String(req.params.id), me, version);
    },
  );

  route(
    r,
    { method: 'get', path: '/programmes/:id/versions', summary: 'Versions of a defined programme, newest first (none for a built-in)', tag: 'programmes' },
    async (req) => {
      const id = String(req.params.id);
      if (PROGRAMMES[id]) return [];
      const rows = await db.programmeDefinition.findMany({ where: { id }, orderBy: { version: 'desc' } });
      if (!rows.length) throw notFound('项目 programme', id);
      const byName = await names(rows);
      return rows.map((x) => ({
        version: x.version,
        createdAt: x.createdAt,
        createdByName: x.createdById ? (byName.get(x.createdById) ?? x.createdById) : null,
        spec: x.spec,
      }));
    },
  );

  /** Stores the next version of `spec` with its audit entry; two saves at once: one wins, the other is told. */
  async function save(spec: ProgrammeSpec, version: number, owner: string | null, me: Principal, action: 'programme.defined' | 'programme.revised') {
    const now = new Date();
    try {
      await db.$transaction(async (tx) => {
        await tx.programmeDefinition.create({
          data: { id: spec.id, version, spec: spec as unknown as Prisma.InputJsonValue, createdAt: now, createdById: me.id, jurisdictionId: owner },
        });
        await appendAudit(
          tx,
          {
            key: `programme:${spec.id}:v${version}`,
            actor: actorOf(me),
            action,
            entityType: 'programme',
            entityId: spec.id,
            jurisdictionId: owner,
            clause: spec.clause ?? null,
            data: { version, name: spec.name },
          },
          now,
        );
      });
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002')
        throw conflict(
          `项目「${spec.id}」第 ${version} 版已被他人保存，请刷新后重试`,
          `version ${version} of programme "${spec.id}" was just saved by someone else: reload and try again`,
        );
      throw e;
    }
    return one(spec.id, me, version);
  }

  function parseSpec(body: unknown): ProgrammeSpec {
    const problems = validateProgrammeSpec(body);
    if (problems.length) throw invalid(problems);
    return programmeSpecSchema().parse(body);
  }

  route(
    r,
    {
      method: 'post',
      path: '/programmes',
      summary: 'Define a new programme from a spec (stages, task types with forms, rubric, roster): version 1',
      tag: 'programmes',
      roles: ['coordinator', 'admin'],
      body: programmeSpecSchema(),
    },
    async (req, res, me) => {
      const spec = parseSpec(req.body);
      if (PROGRAMMES[spec.id]) throw conflict(`「${spec.id}」是内置项目，不能重新定义`, `"${spec.id}" is a built-in programme`);
      if (await db.programmeDefinition.findFirst({ where: { id: spec.id } }))
        throw conflict(`项目「${spec.id}」已存在，请修订（PUT）`, `programme "${spec.id}" already exists: revise it with PUT`);
      const out = await save(spec, 1, me.jurisdictionId, me, 'programme.defined');
      res.status(201);
      return out;
    },
  );

  route(
    r,
    {
      method: 'put',
      path: '/programmes/:id',
      summary: 'Revise a defined programme: the spec becomes its next version (running campaigns keep theirs)',
      tag: 'programmes',
      roles: ['coordinator', 'admin'],
      body: programmeSpecSchema(),
    },
    async (req, _res, me) => {
      const id = String(req.params.id);
      const spec = parseSpec(req.body);
      if (PROGRAMMES[id]) throw forbidden('内置项目由代码定义，不能修改', 'built-in programmes are defined in code and cannot be edited');
      const last = await db.programmeDefinition.findFirst({ where: { id }, orderBy: { version: 'desc' } });
      if (!last) throw notFound('项目 programme', id);
      // A programme belongs to the jurisdiction that defined it: another city's launches must not change
      // under it. Others copy it as a template (a new id) instead.
      if (!mayRevise({ builtIn: false, jurisdictionId: last.jurisdictionId }, me)) {
        if (!last.jurisdictionId)
          throw forbidden(
            `项目「${last.id}」未记录定义单位，只有管理员可以修订；可复制为模板另行定义`,
            `programme "${last.id}" has no recorded owner: only admins may revise it; copy it as a template instead`,
          );
        const owner = (await db.jurisdiction.findUnique({ where: { id: last.jurisdictionId } }))?.name ?? last.jurisdictionId;
        throw forbidden(
          `项目「${last.id}」由${owner}定义，只有该辖区及上级的统筹协调、管理员可以修订；可复制为模板另行定义`,
          `programme "${last.id}" belongs to ${owner}: only its coordinators and admins (or those above) may revise it; copy it as a template instead`,
        );
      }
      if (spec.id !== id)
        throw badRequest('项目编号不能修改', 'the programme id cannot change', [{ path: 'id', messageZh: `须为「${id}」`, messageEn: `must be "${id}"` }]);
      return save(spec, last.version + 1, last.jurisdictionId, me, 'programme.revised');
    },
  );

  return r;
}
