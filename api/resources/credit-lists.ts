// Credit lists (README "Credit lists"): the national credit publicity system's exports of 经营异常名录 and
// 严重违法失信名单 (统一社会信用代码, 名称, 列入日期, 列入原因, 作出决定机关; 移出日期, 移出原因 when removed), imported
// into the register with their history. Lines of operators not in the register, or outside the importer's
// jurisdiction, are counted and left alone: the national list holds far more than one county's operators.
// Each new listing starts a CreditListingWorkflow, which raises what follows as proposals to confirm.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/common';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import { appendAudit } from '../../activities/audit.js';
import { CREDIT_LISTS, type CreditList } from '../../activities/credit.js';
import { isValidUscc } from '../../domain/uscc.js';
import { shanghaiDate } from '../../domain/time.js';
import { creditListingWorkflowId } from '../../workflows/ids.js';
import { conflict, forbidden, notFound, parseOr400 } from '../errors.js';
import { route } from '../routes.js';
import { importBody, lineProblems, readImport } from '../table-import.js';
import { userNames } from '../user-names.js';
import { inScope } from '../scope.js';
import { actorOf } from './campaigns.js';

type Column = 'uscc' | 'listedOn' | 'reason' | 'authority' | 'removedOn' | 'removalReason';
const HEADERS: Record<string, Column | null> = {
  统一社会信用代码: 'uscc',
  uscc: 'uscc',
  列入日期: 'listedOn',
  listedon: 'listedOn',
  列入原因: 'reason',
  列入事由: 'reason',
  reason: 'reason',
  作出决定机关: 'authority',
  决定机关: 'authority',
  列入决定机关: 'authority',
  authority: 'authority',
  移出日期: 'removedOn',
  removedon: 'removedOn',
  移出原因: 'removalReason',
  removalreason: 'removalReason',
  企业名称: null,
  主体名称: null,
  名称: null,
  name: null,
};
const listQuery = z.object({ list: z.enum(['abnormal', 'dishonest']) }).strict();

/** A day as the export writes it (2026-03-05, 2026/3/5, 2026年3月5日), as YYYY-MM-DD; undefined if none. */
function dayOf(text: string): string | undefined {
  const m = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?$/.exec(text.trim());
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(day) ? day : undefined;
}

export function creditListsRouter(db: PrismaClient, client: Client, taskQueue: string): Router {
  const r = Router();

  route(
    r,
    {
      method: 'post',
      path: '/credit-lists/import',
      summary:
        'Import a credit list export (?list=abnormal|dishonest; JSON {csv} or {xlsx}: 统一社会信用代码, 列入日期, 列入原因, 作出决定机关, 移出日期, 移出原因): all lines or none; each new listing of an operator in your jurisdiction raises its proposals (revoke a title, hold out of an award, remove from a list, 清退)',
      tag: 'register',
      roles: ['coordinator', 'county_officer'],
      body: importBody,
    },
    async (req, res, me) => {
      const { list } = parseOr400(listQuery, req.query, 'query');
      const lines = await readImport(req, HEADERS, [['uscc'], ['listedOn']]);
      const lp = lineProblems();
      const today = shanghaiDate(Date.now());
      const seen = new Map<string, number>();
      const rows: { line: number; uscc: string; listedOn: string; removedOn?: string; reason?: string; authority?: string; removalReason?: string }[] = [];
      for (const { line, cells } of lines) {
        const bad = (zh: string, en: string) => lp.bad(line, zh, en);
        const uscc = (cells.uscc ?? '').trim().toUpperCase();
        const listedOn = dayOf(cells.listedOn ?? '');
        const removedOn = cells.removedOn?.trim() ? dayOf(cells.removedOn) : undefined;
        const text = (v: string | undefined, max: number) => (v ?? '').trim().slice(0, max) || undefined;
        if (!isValidUscc(uscc)) bad(`统一社会信用代码「${uscc}」无效`, `"${uscc}" is not a valid unified social credit code`);
        else if (!listedOn) bad(`列入日期「${cells.listedOn ?? ''}」无效`, `listing date "${cells.listedOn ?? ''}" is not a date`);
        else if (listedOn > today) bad(`列入日期 ${listedOn} 在将来`, `listing date ${listedOn} is in the future`);
        else if (cells.removedOn?.trim() && !removedOn) bad(`移出日期「${cells.removedOn}」无效`, `removal date "${cells.removedOn}" is not a date`);
        else if (removedOn && (removedOn < listedOn || removedOn > today))
          bad(`移出日期 ${removedOn} 须在列入日期之后、今天之前`, `removal date ${removedOn} must be between the listing date and today`);
        else if (seen.has(`${uscc}:${listedOn}`)) bad(`与第 ${seen.get(`${uscc}:${listedOn}`)} 行重复`, `repeats line ${seen.get(`${uscc}:${listedOn}`)}`);
        else {
          seen.set(`${uscc}:${listedOn}`, line);
          rows.push({
            line,
            uscc,
            listedOn,
            ...(removedOn ? { removedOn } : {}),
            reason: text(cells.reason, 500),
            authority: text(cells.authority, 100),
            removalReason: text(cells.removalReason, 500),
          });
        }
      }
      lp.refuse();

      const operators = await db.operator.findMany({
        where: { uscc: { in: [...new Set(rows.map((x) => x.uscc))] } },
        select: { id: true, uscc: true, jurisdictionId: true },
      });
      const mine = rows.flatMap((x) => {
        const o = operators.find((y) => y.uscc === x.uscc);
        return o && inScope(me, o.jurisdictionId) ? [{ ...x, operatorId: o.id, jurisdictionId: o.jurisdictionId }] : [];
      });
      const notRegistered = rows.filter((x) => !operators.some((y) => y.uscc === x.uscc)).length;
      const outOfScope = rows.length - notRegistered - mine.length;
      const name = CREDIT_LISTS[list as CreditList];
      const now = new Date();
      const result = await db
        .$transaction(async (tx) => {
          let listed = 0;
          let removed = 0;
          let unchanged = 0;
          const open: string[] = [];
          for (const x of mine) {
            const key = { operatorId_list_listedOn: { operatorId: x.operatorId, list, listedOn: new Date(`${x.listedOn}T00:00:00Z`) } };
            const existing = await tx.creditListing.findUnique({ where: key });
            const audit = (id: string, action: string, reason: string | undefined, data: object) =>
              appendAudit(tx, {
                key: `credit_listing:${id}:${action.split('.')[1]}`,
                actor: actorOf(me),
                action,
                entityType: 'operator',
                entityId: x.operatorId,
                jurisdictionId: x.jurisdictionId,
                reason: reason ?? null,
                data: { listingId: id, list, ...data },
              });
            if (!existing) {
              const id = randomUUID();
              await tx.creditListing.create({
                data: {
                  id,
                  operatorId: x.operatorId,
                  list,
                  listedOn: new Date(`${x.listedOn}T00:00:00Z`),
                  reason: x.reason ?? null,
                  authority: x.authority ?? null,
                  removedOn: x.removedOn ? new Date(`${x.removedOn}T00:00:00Z`) : null,
                  removalReason: x.removalReason ?? null,
                  importedById: me.id,
                  createdAt: now,
                },
              });
              await audit(id, 'credit.listed', x.reason, { listName: name.zh, listedOn: x.listedOn, authority: x.authority ?? null });
              if (x.removedOn) await audit(id, 'credit.removed', x.removalReason, { removedOn: x.removedOn });
              else open.push(id);
              listed++;
            } else if (x.removedOn && !existing.removedOn) {
              await tx.creditListing.update({
                where: { id: existing.id },
                data: { removedOn: new Date(`${x.removedOn}T00:00:00Z`), removalReason: x.removalReason ?? null },
              });
              await audit(existing.id, 'credit.removed', x.removalReason, { removedOn: x.removedOn });
              removed++;
            } else {
              unchanged++;
              // Still open and never looked into (a retry after a lost answer): its consequences are started below.
              if (!existing.removedOn && !(await tx.auditEvent.count({ where: { key: `credit_listing:${existing.id}:examined` } }))) open.push(existing.id);
            }
          }
          // The register's flags (used by the Zhoushan eligibility check) follow the open listings.
          const field = list === 'abnormal' ? 'abnormalListed' : 'dishonestListed';
          for (const operatorId of new Set(mine.map((x) => x.operatorId))) {
            const onList = (await tx.creditListing.count({ where: { operatorId, list, removedOn: null } })) > 0;
            await tx.operator.update({ where: { id: operatorId }, data: { [field]: onList } });
          }
          return { listed, removed, unchanged, open };
        })
        .catch((e: unknown) => {
          // The same listing imported twice at once: the other import recorded it.
          if ((e as { code?: string }).code === 'P2002')
            throw conflict('同一名单正在另一导入中处理，请稍后重试', 'the same listing is being imported at this moment: try again shortly');
          throw e;
        });
      // Once committed: a listing's consequences run in their own workflow, started once (a finished one is
      // never started again: its proposals were raised).
      for (const listingId of result.open)
        try {
          await client.workflow.start('CreditListingWorkflow', {
            workflowId: creditListingWorkflowId(listingId),
            taskQueue,
            args: [{ listingId }],
            workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          });
        } catch (e) {
          if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
        }
      res.status(201);
      return { list, listed: result.listed, removed: result.removed, unchanged: result.unchanged, notRegistered, outOfScope };
    },
  );

  route(
    r,
    { method: 'get', path: '/operators/:id/credit-listings', summary: 'An operator’s history on the two credit lists, newest first', tag: 'register' },
    async (req, _res, me) => {
      const o = await db.operator.findUnique({ where: { id: String(req.params.id) } });
      if (!o) throw notFound('经营主体 operator', String(req.params.id));
      if (!inScope(me, o.jurisdictionId)) throw forbidden('该经营主体不在您的辖区', 'this operator is outside your jurisdiction');
      const rows = await db.creditListing.findMany({ where: { operatorId: o.id }, orderBy: { listedOn: 'desc' } });
      const nameOf = await userNames(
        db,
        rows.map((x) => x.importedById),
      );
      return rows.map((x) => ({
        id: x.id,
        list: x.list,
        listName: CREDIT_LISTS[x.list as CreditList].zh,
        listedOn: shanghaiDate(x.listedOn.getTime()),
        reason: x.reason,
        authority: x.authority,
        removedOn: x.removedOn ? shanghaiDate(x.removedOn.getTime()) : null,
        removalReason: x.removalReason,
        importedByName: nameOf(x.importedById) ?? '—',
      }));
    },
  );
  return r;
}
