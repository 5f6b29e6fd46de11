// The operator register (调查摸底, zhoushan 六、（一）): county officers and coordinators keep the base
// register of their own jurisdiction — one at a time or by CSV import (every bad line reported, nothing
// half-imported). Every change is audited.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { Prisma } from '../../prisma/generated/client.js';
import type { PrismaClient } from '../../prisma/db.js';
import { OPERATOR_KINDS, PLATFORMS, operatorInput, type OperatorInput } from '../../domain/register.js';
import { changxing } from '../../domain/programmes/changxing.js';
import { appendAudit } from '../../activities/audit.js';
import { shanghaiDate } from '../../domain/time.js';
import { badRequest, conflict, forbidden, notFound, parseEdit, parseOr400 } from '../errors.js';
import { route } from '../routes.js';
import { inScope, type Principal } from '../scope.js';
import { actorOf } from './campaigns.js';
import { importBody, lineProblems, readImport } from '../table-import.js';

const CLAUSE = '舟山方案 六、（一）调查摸底（建立基础数据库）';
// A registration date that has happened and that PostgreSQL can store (it has no year 0000: such a date
// failed in the INSERT/UPDATE with a 500).
const registeredOn = operatorInput.shape.registeredOn.refine((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || (d >= '1900-01-01' && d <= shanghaiDate(Date.now())), {
  message: '注册日期须在 1900-01-01 至今天之间 / the registration date must lie between 1900-01-01 and today',
});
const operatorBody = operatorInput.extend({ registeredOn });
const updateBody = operatorBody.omit({ uscc: true }).partial().strict();

const HEADERS: Record<string, keyof OperatorInput | null> = {
  名称: 'name',
  name: 'name',
  经营主体名称: 'name',
  统一社会信用代码: 'uscc',
  uscc: 'uscc',
  主体类型: 'kind',
  kind: 'kind',
  辖区代码: 'jurisdictionId',
  jurisdictionid: 'jurisdictionId',
  注册日期: 'registeredOn',
  登记日期: 'registeredOn',
  registeredon: 'registeredOn',
  平台账号: 'platformAccounts',
  platformaccounts: 'platformAccounts',
  经营异常: 'abnormalListed',
  经营异常名录: 'abnormalListed',
  abnormallisted: 'abnormalListed',
  严重违法失信: 'dishonestListed',
  严重违法失信名单: 'dishonestListed',
  dishonestlisted: 'dishonestListed',
  // Changxing's two tracks (一、培育对象): a campaign that enrols a whole county needs each operator's.
  赛道: 'track',
  track: 'track',
};
const YES = new Set(['是', 'yes', 'true', '1', 'y']);
const NO = new Set(['否', 'no', 'false', '0', 'n', '']);

/** One CSV cell to the field's value; `undefined` means "not given". */
function cell(field: keyof OperatorInput, raw: string): unknown {
  const v = raw.trim();
  if (field === 'kind') return OPERATOR_KINDS.find((k) => k.name === v || k.key === v)?.key ?? v;
  if (field === 'track') return v ? (changxing.tracks.find((t) => t.name === v || t.key === v)?.key ?? v) : undefined;
  if (field === 'abnormalListed' || field === 'dishonestListed') return YES.has(v.toLowerCase()) ? true : NO.has(v.toLowerCase()) ? false : v;
  if (field === 'platformAccounts')
    return v
      ? v
          .split(/[;；]/)
          .filter(Boolean)
          .map((pair) => {
            const [platform, account] = pair.split(/[:：]/).map((x) => x.trim());
            return { platform, account };
          })
      : [];
  return v;
}

export function registerRouter(db: PrismaClient): Router {
  const r = Router();

  /** An operator is registered in a jurisdiction that exists (else 400) and lies in the caller's scope (else 403). */
  async function checkJurisdiction(me: Principal, jurisdictionId: string): Promise<void> {
    if (!(await db.jurisdiction.findUnique({ where: { id: jurisdictionId } })))
      throw badRequest(`辖区 ${jurisdictionId} 不存在`, `unknown jurisdiction ${jurisdictionId}`, [
        { path: 'jurisdictionId', messageZh: '辖区不存在', messageEn: 'unknown jurisdiction' },
      ]);
    if (!inScope(me, jurisdictionId)) throw forbidden(`辖区 ${jurisdictionId} 不在您的管辖范围`, `${jurisdictionId} is outside your jurisdiction`);
  }
  const data = (o: OperatorInput) => ({
    name: o.name,
    kind: o.kind,
    jurisdictionId: o.jurisdictionId,
    registeredOn: new Date(`${o.registeredOn}T00:00:00Z`),
    ...(o.track !== undefined ? { track: o.track } : {}),
    ...(o.platformAccounts ? { platformAccounts: o.platformAccounts as Prisma.InputJsonValue } : {}),
    abnormalListed: o.abnormalListed ?? false,
    dishonestListed: o.dishonestListed ?? false,
  });

  route(
    r,
    {
      method: 'post',
      path: '/operators',
      summary: 'Register an operator in your jurisdiction (409 if its USCC is registered)',
      tag: 'register',
      roles: ['county_officer', 'coordinator'],
      body: operatorBody,
    },
    async (req, res, me) => {
      const o = parseOr400(operatorBody, req.body);
      await checkJurisdiction(me, o.jurisdictionId);
      if (await db.operator.findUnique({ where: { uscc: o.uscc } }))
        throw conflict(`统一社会信用代码 ${o.uscc} 已登记`, `USCC ${o.uscc} is already registered`);
      const created = await db.$transaction(async (tx) => {
        const row = await tx.operator.create({ data: { id: `op-${o.uscc.toLowerCase()}`, uscc: o.uscc, ...data(o) } });
        await appendAudit(tx, {
          key: `operator:${row.id}:registered`,
          actor: actorOf(me),
          action: 'operator.registered',
          entityType: 'operator',
          entityId: row.id,
          jurisdictionId: row.jurisdictionId,
          clause: CLAUSE,
          data: { uscc: row.uscc },
        });
        return row;
      });
      res.status(201);
      return created;
    },
  );

  route(
    r,
    {
      method: 'put',
      path: '/operators/:id',
      summary: 'Update an operator of your jurisdiction (kind, accounts, the abnormal/dishonest lists…); the USCC never changes',
      tag: 'register',
      roles: ['county_officer', 'coordinator'],
      body: updateBody,
    },
    async (req, _res, me) => {
      const before = await db.operator.findUnique({ where: { id: String(req.params.id) } });
      if (!before) throw notFound('经营主体 operator', String(req.params.id));
      if (!inScope(me, before.jurisdictionId)) throw forbidden('该经营主体不在您的辖区', 'this operator is outside your jurisdiction');
      // A record without editable fields (or no body) changes nothing.
      const patch = parseEdit(updateBody, req.body, '经营主体', 'an operator');
      if (Object.keys(patch).length === 0) return before;
      if (patch.jurisdictionId !== undefined) await checkJurisdiction(me, patch.jurisdictionId);
      return db.$transaction(async (tx) => {
        const now = new Date();
        const row = await tx.operator.update({
          where: { id: before.id },
          data: {
            ...patch,
            ...(patch.registeredOn ? { registeredOn: new Date(`${patch.registeredOn}T00:00:00Z`) } : {}),
            ...(patch.platformAccounts ? { platformAccounts: patch.platformAccounts as Prisma.InputJsonValue } : {}),
            updatedAt: now,
          },
        });
        // A key of its own per change: two in one millisecond would otherwise share one and the second be dropped.
        await appendAudit(
          tx,
          {
            key: `operator:${row.id}:updated:${now.getTime()}:${randomUUID()}`,
            actor: actorOf(me),
            action: 'operator.updated',
            entityType: 'operator',
            entityId: row.id,
            jurisdictionId: row.jurisdictionId,
            clause: CLAUSE,
            data: { changed: Object.keys(patch) },
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
      path: '/operators/import',
      summary:
        'Import the register from CSV (text/csv or JSON {csv}): new USCCs are registered, known ones in your jurisdiction updated; any bad line imports nothing',
      tag: 'register',
      roles: ['county_officer', 'coordinator'],
      body: importBody,
    },
    async (req, res, me) => {
      const lines = await readImport(req, HEADERS, [['name'], ['uscc'], ['kind'], ['jurisdictionId'], ['registeredOn']]);
      const lp = lineProblems();
      const rows: { line: number; o: OperatorInput }[] = [];
      const seen = new Map<string, number>();
      const known = new Map(
        (await db.operator.findMany({ where: { uscc: { in: lines.map((l) => (l.cells.uscc ?? '').trim().toUpperCase()) } } })).map((o) => [o.uscc, o]),
      );
      const jurisdictions = new Set((await db.jurisdiction.findMany({ select: { id: true } })).map((j) => j.id));
      lines.forEach(({ line, cells }) => {
        const bad = (zh: string, en: string) => lp.bad(line, zh, en);
        const raw = Object.fromEntries(Object.entries(cells).map(([field, v]) => [field, cell(field as keyof OperatorInput, v as string)]));
        const parsed = operatorBody.safeParse(raw);
        if (!parsed.success)
          return bad(
            parsed.error.issues.map((x) => `${String(x.path[0] ?? '')} ${x.message.split(' / ')[0]}`).join('；'),
            parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message.split(' / ').pop()}`).join('; '),
          );
        const o = parsed.data;
        if (!jurisdictions.has(o.jurisdictionId)) return bad(`辖区代码 ${o.jurisdictionId} 不存在`, `unknown jurisdiction ${o.jurisdictionId}`);
        if (!inScope(me, o.jurisdictionId)) return bad(`辖区 ${o.jurisdictionId} 不在您的管辖范围`, `${o.jurisdictionId} is outside your jurisdiction`);
        const existing = known.get(o.uscc);
        if (existing && !inScope(me, existing.jurisdictionId))
          return bad(
            `${o.uscc} 已在其他辖区（${existing.jurisdictionId}）登记`,
            `${o.uscc} is registered in another jurisdiction (${existing.jurisdictionId})`,
          );
        if (seen.has(o.uscc)) return bad(`与第 ${seen.get(o.uscc)} 行重复`, `repeats line ${seen.get(o.uscc)}`);
        seen.set(o.uscc, line);
        rows.push({ line, o });
      });
      lp.refuse();

      const now = new Date();
      const out = await db.$transaction(
        async (tx) => {
          let created = 0;
          let updated = 0;
          for (const { o } of rows) {
            const existing = known.get(o.uscc);
            const row = existing
              ? await tx.operator.update({ where: { id: existing.id }, data: { ...data(o), updatedAt: now } })
              : await tx.operator.create({ data: { id: `op-${o.uscc.toLowerCase()}`, uscc: o.uscc, ...data(o) } });
            if (existing) updated++;
            else created++;
            await appendAudit(
              tx,
              {
                key: `operator:${row.id}:${existing ? `updated:${now.getTime()}:${randomUUID()}` : 'registered'}`,
                actor: actorOf(me),
                action: existing ? 'operator.updated' : 'operator.registered',
                entityType: 'operator',
                entityId: row.id,
                jurisdictionId: row.jurisdictionId,
                clause: CLAUSE,
                data: { via: 'csv' },
              },
              now,
            );
          }
          return { created, updated };
        },
        { timeout: 60_000 },
      );
      res.status(201);
      return out;
    },
  );

  route(r, { method: 'get', path: '/operator-kinds', summary: 'Operator kinds and platforms for forms', tag: 'register' }, () => ({
    kinds: OPERATOR_KINDS,
    platforms: PLATFORMS,
  }));
  return r;
}
