// The organisation (组织机构): everyone sees the chain above them and their subtree; an admin adds and
// renames jurisdictions under their own, one at a time or as a tree from CSV (代码,名称,上级代码,级别),
// refused whole for cycles, unknown parents, duplicate codes or a code that does not fit its level
// (domain/jurisdictions.ts).
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import { appendAudit } from '../../activities/audit.js';
import { codeProblem, LEVELS, LEVEL_NAMES, levelFromText, parentProblem, type Level } from '../../domain/jurisdictions.js';
import { importBody, lineProblems, readImport } from '../table-import.js';
import { badRequest, conflict, forbidden, notFound, parseEdit, parseOr400 } from '../errors.js';
import { escapeLike, idsFilter, idsWhere, parseList, sendList } from '../list.js';
import { route } from '../routes.js';
import { actorOf, inScope, type Principal } from '../scope.js';

const name = z.string().trim().min(1, { message: '必填 / required' }).max(50);
const createBody = z
  .object({
    id: z
      .string()
      .trim()
      .regex(/^\d{6}(\d{3})?$/, { message: '代码须为 6 位区划代码或 9 位基层所代码 / a 6-digit division code or a 9-digit station code' }),
    name,
    level: z.enum(LEVELS),
    parentId: z.string().trim().min(1).max(50),
    reason: z.string().trim().max(500).optional(),
  })
  .strict();
const renameBody = z.object({ name, reason: z.string().trim().max(500).optional() }).strict();

const HEADERS: Record<string, 'id' | 'name' | 'parentId' | 'level' | null> = {
  代码: 'id',
  区划代码: 'id',
  机构代码: 'id',
  code: 'id',
  id: 'id',
  名称: 'name',
  机构名称: 'name',
  name: 'name',
  上级代码: 'parentId',
  上级: 'parentId',
  parentcode: 'parentId',
  parentid: 'parentId',
  parent: 'parentId',
  级别: 'level',
  层级: 'level',
  level: 'level',
};

export function jurisdictionsRouter(db: PrismaClient): Router {
  const r = Router();

  const filter = z.object({
    q: z.string().trim().max(100).transform(escapeLike).optional(),
    level: z.enum(LEVELS).optional(),
    parentId: z.string().optional(),
    id: idsFilter.optional(),
  });
  route(
    r,
    { method: 'get', path: '/jurisdictions', summary: 'Jurisdictions in your subtree and the chain above it', tag: 'jurisdictions', list: true },
    async (req, res, me) => {
      const p = parseList(req, filter, ['id', 'name', 'level', 'path'], ['path', 'ASC']);
      const where = {
        // Everyone may see the chain above them (names in breadcrumbs) and everything below.
        id: { in: [...me.subtree, ...me.ancestors] },
        ...(p.filter.id ? { AND: [idsWhere(p.filter.id)] } : {}),
        ...(p.filter.level ? { level: p.filter.level } : {}),
        ...(p.filter.parentId ? { parentId: p.filter.parentId } : {}),
        ...(p.filter.q ? { OR: [{ name: { contains: p.filter.q } }, { id: { startsWith: p.filter.q } }] } : {}),
      };
      const [rows, total] = await Promise.all([
        db.jurisdiction.findMany({ where, orderBy: p.orderBy, skip: p.skip, take: p.take }),
        db.jurisdiction.count({ where }),
      ]);
      sendList(res, 'jurisdictions', p.skip, rows, total);
    },
  );
  route(r, { method: 'get', path: '/jurisdictions/:id', summary: 'One jurisdiction', tag: 'jurisdictions' }, async (req, _res, me) => {
    const j = await db.jurisdiction.findUnique({ where: { id: String(req.params.id) } });
    if (!j) throw notFound('辖区 jurisdiction', String(req.params.id));
    if (!inScope(me, j.id) && !me.ancestors.includes(j.id)) throw forbidden();
    return j;
  });

  /** A parent an admin may add under: it exists (400 otherwise) and lies in their subtree (403). */
  async function parentFor(id: string, me: Principal) {
    const parent = await db.jurisdiction.findUnique({ where: { id } });
    if (!parent)
      throw badRequest(`上级辖区 ${id} 不存在`, `unknown parent jurisdiction ${id}`, [
        { path: 'parentId', messageZh: '上级辖区不存在', messageEn: 'unknown parent' },
      ]);
    if (!inScope(me, parent.id)) throw forbidden('只能在您的辖区之下新增机构', 'you can only add jurisdictions under your own');
    return parent;
  }

  route(
    r,
    {
      method: 'post',
      path: '/jurisdictions',
      summary: 'Add a jurisdiction under yours (admin): {id (code), name, level, parentId}',
      tag: 'jurisdictions',
      roles: ['admin'],
      body: createBody,
    },
    async (req, res, me) => {
      const b = parseOr400(createBody, req.body);
      const parent = await parentFor(b.parentId, me);
      const problem = codeProblem(b.id, b.level) ?? parentProblem(b.id, b.level, parent);
      if (problem) throw badRequest(`代码 ${b.id}：${problem.messageZh}`, `code ${b.id}: ${problem.messageEn}`, [{ path: 'id', ...problem }]);
      if (await db.jurisdiction.findUnique({ where: { id: b.id } })) throw conflict(`代码 ${b.id} 已存在`, `code ${b.id} exists already`);
      const now = new Date();
      const j = await db.$transaction(async (tx) => {
        const row = await tx.jurisdiction.create({ data: { id: b.id, name: b.name, level: b.level, parentId: parent.id, path: `${parent.path}${b.id}/` } });
        await appendAudit(
          tx,
          {
            key: `jurisdiction:${b.id}:created`,
            actor: actorOf(me),
            action: 'jurisdiction.created',
            entityType: 'jurisdiction',
            entityId: b.id,
            jurisdictionId: b.id,
            reason: b.reason ?? null,
            data: { name: b.name, level: b.level, parentId: parent.id },
          },
          now,
        );
        return row;
      });
      res.status(201);
      return j;
    },
  );

  route(
    r,
    {
      method: 'put',
      path: '/jurisdictions/:id',
      summary: 'Rename a jurisdiction under yours (admin)',
      tag: 'jurisdictions',
      roles: ['admin'],
      body: renameBody,
    },
    async (req, _res, me) => {
      const before = await db.jurisdiction.findUnique({ where: { id: String(req.params.id) } });
      if (!before) throw notFound('辖区 jurisdiction', String(req.params.id));
      if (!inScope(me, before.id) || before.id === me.jurisdictionId)
        throw forbidden('只能更名您辖区之下的机构', 'you can only rename jurisdictions under your own');
      const b = parseEdit(renameBody, req.body, '机构', 'a jurisdiction');
      if (b.name === before.name) return before;
      const now = new Date();
      return db.$transaction(async (tx) => {
        const row = await tx.jurisdiction.update({ where: { id: before.id }, data: { name: b.name } });
        await appendAudit(
          tx,
          {
            key: `jurisdiction:${before.id}:renamed:${now.getTime()}:${randomUUID()}`,
            actor: actorOf(me),
            action: 'jurisdiction.renamed',
            entityType: 'jurisdiction',
            entityId: before.id,
            jurisdictionId: before.id,
            reason: b.reason ?? null,
            data: { from: before.name, to: b.name },
          },
          now,
        );
        return row;
      });
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/jurisdictions/import',
      summary: 'Add a tree of jurisdictions under yours from CSV (admin; 代码,名称,上级代码,级别): any bad line adds nothing',
      tag: 'jurisdictions',
      roles: ['admin'],
      body: importBody,
    },
    async (req, res, me) => {
      const lines = await readImport(req, HEADERS, [['id'], ['name'], ['parentId'], ['level']]);
      const lp = lineProblems();
      const existing = new Map((await db.jurisdiction.findMany({ select: { id: true, level: true, path: true } })).map((j) => [j.id, j]));
      interface Row {
        line: number;
        id: string;
        name: string;
        level: Level;
        parentId: string;
      }
      const rows = new Map<string, Row>();
      for (const { line, cells } of lines) {
        const id = (cells.id ?? '').trim();
        const level = levelFromText(cells.level ?? '');
        const parentId = (cells.parentId ?? '').trim();
        const nm = name.safeParse(cells.name ?? '');
        if (!level) {
          lp.bad(
            line,
            `级别「${cells.level ?? ''}」无法识别（可用：${LEVELS.map((l) => LEVEL_NAMES[l].zh).join('、')}）`,
            `unknown level "${cells.level ?? ''}" (${LEVELS.join(', ')})`,
          );
          continue;
        }
        const problem = codeProblem(id, level);
        if (problem) lp.bad(line, `代码 ${id}：${problem.messageZh}`, `code ${id}: ${problem.messageEn}`);
        else if (!nm.success) lp.bad(line, '名称必填（至多 50 字）', 'a name is required (at most 50 characters)');
        else if (!parentId) lp.bad(line, '上级代码必填', 'a parent code is required');
        else if (existing.has(id)) lp.bad(line, `代码 ${id} 已存在`, `code ${id} exists already`);
        else if (rows.has(id)) lp.bad(line, `代码 ${id} 与第 ${rows.get(id)!.line} 行重复`, `code ${id} repeats line ${rows.get(id)!.line}`);
        else rows.set(id, { line, id, name: nm.data, level, parentId });
      }
      // Parents: one already in the organisation (and in the admin's subtree) or a line of the file; a
      // chain of lines that never reaches an existing jurisdiction is a cycle.
      const order: Row[] = [];
      const state = new Map<string, 'visiting' | 'done' | 'bad'>();
      const place = (row: Row, trail: Row[]): boolean => {
        if (state.get(row.id) === 'done') return true;
        if (state.get(row.id) === 'bad') return false;
        if (state.get(row.id) === 'visiting') {
          const cycle = [...trail.slice(trail.findIndex((x) => x.id === row.id)), row];
          for (const x of cycle.slice(0, -1))
            if (state.get(x.id) !== 'bad') {
              lp.bad(x.line, `上级关系形成循环：${cycle.map((c) => c.id).join(' → ')}`, `parents form a cycle: ${cycle.map((c) => c.id).join(' → ')}`);
              state.set(x.id, 'bad');
            }
          return false;
        }
        state.set(row.id, 'visiting');
        const inFile = rows.get(row.parentId);
        const there = existing.get(row.parentId);
        let ok = true;
        let parent: { id: string; level: string } | undefined;
        if (inFile) {
          ok = place(inFile, [...trail, row]);
          parent = inFile;
        } else if (there) {
          parent = there;
          if (!inScope(me, there.id)) {
            lp.bad(row.line, `上级 ${there.id} 不在您的管辖范围`, `parent ${there.id} is outside your jurisdiction`);
            ok = false;
          }
        } else {
          lp.bad(row.line, `上级代码 ${row.parentId} 不存在`, `unknown parent code ${row.parentId}`);
          ok = false;
        }
        if (state.get(row.id) === 'bad') return false; // named as part of a cycle
        const problem = parent && parentProblem(row.id, row.level, parent);
        if (ok && problem) {
          lp.bad(row.line, `代码 ${row.id}：${problem.messageZh}`, `code ${row.id}: ${problem.messageEn}`);
          ok = false;
        }
        state.set(row.id, ok ? 'done' : 'bad');
        if (ok) order.push(row);
        return ok;
      };
      for (const row of rows.values()) place(row, []);
      lp.refuse();
      const now = new Date();
      const paths = new Map([...existing.values()].map((j) => [j.id, j.path]));
      await db.$transaction(
        async (tx) => {
          for (const row of order) {
            const path = `${paths.get(row.parentId)}${row.id}/`;
            paths.set(row.id, path);
            await tx.jurisdiction.create({ data: { id: row.id, name: row.name, level: row.level, parentId: row.parentId, path } });
            await appendAudit(
              tx,
              {
                key: `jurisdiction:${row.id}:created`,
                actor: actorOf(me),
                action: 'jurisdiction.created',
                entityType: 'jurisdiction',
                entityId: row.id,
                jurisdictionId: row.id,
                data: { name: row.name, level: row.level, parentId: row.parentId, via: 'csv' },
              },
              now,
            );
          }
        },
        { timeout: 60_000 },
      );
      res.status(201);
      return { created: order.length };
    },
  );

  return r;
}
