// 双随机 inspections of a staged award (README "Random inspections"; domain/inspection-draw.ts): the
// coordinator draws once, with a seed of their own (a public lottery number) or one made here; the draw is
// recorded with its inputs, so anyone can run it again, and published as a list (双随机抽查名单). Then
// InspectionDrawWorkflow tells every case: a drawn case opens its inspection, held by the first of its two
// inspectors; a case not drawn skips it.
import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { RosterEntry } from '../../activities/award.js';
import { appendAudit, auditRosterPublished } from '../../activities/audit.js';
import { DrawRefusal, drawInspections, type DrawResult } from '../../domain/inspection-draw.js';
import { inspectionDrawWorkflowId } from '../../workflows/ids.js';
import { definitionOfKind, loadCampaign, requireRunner } from '../campaign-access.js';
import { badRequest, conflict, notFound, parseOr400 } from '../errors.js';
import { route } from '../routes.js';
import type { Principal } from '../scope.js';
import { actorOf } from './campaigns.js';

const drawBody = z
  .object({
    // Anything the coordinator can announce beforehand and nobody can choose after: a lottery draw's numbers.
    seed: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[\p{L}\p{N} _.:-]+$/u, '种子只能含文字、数字、空格和 _.:- / letters, digits, spaces and _.:- only')
      .optional(),
  })
  .strict();

export function inspectionDrawRouter(db: PrismaClient, client: Client, taskQueue: string): Router {
  const r = Router();

  async function campaignOf(id: string, me: Principal) {
    const c = await loadCampaign(db, id, me);
    return { ...c, def: definitionOfKind(c, 'staged_award') };
  }
  type Campaign = Awaited<ReturnType<typeof campaignOf>>;
  /** The stage whose cases are inspected (集中治理). */
  const inspectionStage = (c: Campaign) => c.def.stages.find((s) => s.caseTasks.some((t) => t.type === 'inspection'));

  async function view(c: Campaign) {
    const d = await db.inspectionDraw.findUnique({ where: { campaignId: c.id } });
    const rules = c.def.settings.randomInspection ?? null;
    if (!d) return { campaignId: c.id, settings: rules, draw: null };
    const result = d.result as unknown as DrawResult;
    const inputs = d.inputs as unknown as { cases: { caseId: string }[]; pool: { userId: string }[] };
    const cases = await db.case.findMany({
      where: { id: { in: result.drawn.map((x) => x.caseId) } },
      select: { id: true, operatorId: true, jurisdictionId: true },
    });
    const [operators, users, places] = await Promise.all([
      db.operator.findMany({ where: { id: { in: cases.map((x) => x.operatorId) } }, select: { id: true, name: true } }),
      db.user.findMany({ where: { id: { in: [...inputs.pool.map((p) => p.userId), d.drawnById] } }, select: { id: true, displayName: true } }),
      db.jurisdiction.findMany({ where: { id: { in: cases.map((x) => x.jurisdictionId) } }, select: { id: true, name: true } }),
    ]);
    const nameOf = (id: string) => users.find((u) => u.id === id)?.displayName ?? '—';
    return {
      campaignId: c.id,
      settings: rules,
      draw: {
        seed: d.seed,
        method: d.method,
        sharePercent: d.sharePercent,
        avoidOwnStation: d.avoidOwnStation,
        cases: inputs.cases.length,
        pool: inputs.pool.length,
        drawn: result.drawn.map((x) => {
          const k = cases.find((y) => y.id === x.caseId);
          return {
            caseId: x.caseId,
            operatorName: operators.find((o) => o.id === k?.operatorId)?.name ?? '—',
            jurisdictionName: places.find((p) => p.id === k?.jurisdictionId)?.name ?? '—',
            inspectors: x.inspectors.map((u) => ({ id: u, displayName: nameOf(u) })),
          };
        }),
        notDrawn: result.notDrawn.length,
        rosterId: d.rosterId,
        drawnByName: nameOf(d.drawnById),
        drawnAt: d.drawnAt,
      },
    };
  }

  route(
    r,
    {
      method: 'get',
      path: '/campaigns/:id/inspection-draw',
      summary: 'The campaign’s 双随机 draw: its setting, and once drawn its seed, method, inputs’ sizes and the cases drawn with their inspectors',
      tag: 'inspection',
    },
    async (req, _res, me) => view(await campaignOf(String(req.params.id), me)),
  );

  const startDelivery = async (campaignId: string) => {
    try {
      await client.workflow.start('InspectionDrawWorkflow', { workflowId: inspectionDrawWorkflowId(campaignId), taskQueue, args: [{ campaignId }] });
    } catch (e) {
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
    }
  };

  route(
    r,
    {
      method: 'post',
      path: '/campaigns/:id/inspection-draw',
      summary:
        'Draw the 双随机 inspections once (a seed given or made here): a share of the cases, two inspectors each from the jurisdiction’s officers; recorded with its inputs, published as a list, then each case opens its inspection or skips it. 409 once drawn or after the inspection stage',
      tag: 'inspection',
      roles: ['coordinator'],
      body: drawBody,
    },
    async (req, res, me) => {
      const c = await campaignOf(String(req.params.id), me);
      requireRunner(me, c);
      const body = parseOr400(drawBody, req.body);
      const rules = c.def.settings.randomInspection;
      if (!rules)
        throw badRequest('本活动未设置双随机抽查，集中治理阶段检查全部案件', 'this campaign inspects every case: it has no random inspection setting');
      const existing = await db.inspectionDraw.findUnique({ where: { campaignId: c.id } });
      if (existing) {
        // A retry after a lost answer: the delivery is started again if it never was.
        await startDelivery(c.id);
        throw conflict(
          `本活动已于 ${existing.drawnAt.toISOString().slice(0, 10)} 抽取（种子「${existing.seed}」），抽取结果不可更改`,
          `already drawn (seed "${existing.seed}"): a draw is never redone`,
        );
      }
      const stage = inspectionStage(c);
      if (!stage) throw badRequest('本活动没有检查阶段，无可抽取', 'this campaign has no inspection stage to draw for');
      const row = await db.stage.findUnique({ where: { id: `${c.id}:${stage.key}` } });
      if (row?.status === 'closed')
        throw conflict(`「${stage.name}」阶段已结束，不能再抽取`, `the ${stage.nameEn ?? stage.key} stage is closed: too late to draw`);
      const [cases, root] = await Promise.all([
        db.case.findMany({ where: { campaignId: c.id, excludedKind: null }, select: { id: true, jurisdictionId: true }, orderBy: { id: 'asc' } }),
        db.jurisdiction.findUniqueOrThrow({ where: { id: c.jurisdictionId } }),
      ]);
      const under = await db.jurisdiction.findMany({ where: { path: { startsWith: root.path } }, select: { id: true } });
      const pool = await db.user.findMany({
        where: { role: 'county_officer', disabledAt: null, jurisdictionId: { in: under.map((u) => u.id) } },
        select: { id: true, jurisdictionId: true },
        orderBy: { id: 'asc' },
      });
      if (!cases.length) throw conflict('本活动尚无可抽取的案件', 'the campaign has no case to draw from');
      const seed = body.seed ?? randomBytes(8).toString('hex');
      const inputs = {
        cases: cases.map((x) => ({ caseId: x.id, stationId: x.jurisdictionId })),
        pool: pool.map((p) => ({ userId: p.id, jurisdictionId: p.jurisdictionId })),
      };
      let result: DrawResult;
      try {
        result = drawInspections({ seed, sharePercent: rules.sharePercent, avoidOwnStation: rules.avoidOwnStation, ...inputs });
      } catch (e) {
        if (e instanceof DrawRefusal) throw conflict(e.zh, e.en);
        throw e;
      }
      const entries = await drawEntries(c.id, result);
      const now = new Date();
      const rosterId = `${c.id}:inspection:1`;
      try {
        await db.$transaction(async (tx) => {
          await tx.inspectionDraw.create({
            data: {
              campaignId: c.id,
              seed,
              method: result.method,
              sharePercent: rules.sharePercent,
              avoidOwnStation: rules.avoidOwnStation,
              inputs: inputs as unknown as Prisma.InputJsonObject,
              result: result as unknown as Prisma.InputJsonObject,
              rosterId,
              drawnById: me.id,
              drawnAt: now,
            },
          });
          await tx.roster.create({
            data: {
              id: rosterId,
              campaignId: c.id,
              kind: 'inspection',
              seq: 1,
              publishedAt: now,
              publishedById: me.id,
              entries: entries as unknown as Prisma.InputJsonValue,
            },
          });
          await appendAudit(tx, {
            key: `inspection_draw:${c.id}:drawn`,
            actor: actorOf(me),
            action: 'inspection.drawn',
            entityType: 'campaign',
            entityId: c.id,
            campaignId: c.id,
            jurisdictionId: c.jurisdictionId,
            clause: c.def.rules.clauses.rectification,
            data: {
              seed,
              method: result.method,
              sharePercent: rules.sharePercent,
              avoidOwnStation: rules.avoidOwnStation,
              cases: cases.length,
              pool: pool.length,
              drawn: result.drawn.length,
            },
          });
          await auditRosterPublished(tx, {
            rosterId,
            actor: actorOf(me),
            campaignId: c.id,
            clause: c.def.rules.clauses.rectification,
            data: { kind: 'inspection', entries: entries.length },
          });
        });
      } catch (e) {
        if ((e as { code?: string }).code === 'P2002') throw conflict('另一次抽取刚刚完成，请刷新查看', 'another draw has just been made: reload to see it');
        throw e;
      }
      await startDelivery(c.id);
      res.status(201);
      return view(c);
    },
  );

  /** The published list: each drawn case with its inspectors named (in the list's 依据/说明 column). */
  async function drawEntries(campaignId: string, result: DrawResult): Promise<RosterEntry[]> {
    const cases = await db.case.findMany({ where: { id: { in: result.drawn.map((x) => x.caseId) } } });
    const [operators, users, places] = await Promise.all([
      db.operator.findMany({ where: { id: { in: cases.map((x) => x.operatorId) } } }),
      db.user.findMany({ where: { id: { in: result.drawn.flatMap((x) => x.inspectors) } }, select: { id: true, displayName: true } }),
      db.jurisdiction.findMany({ where: { id: { in: cases.map((x) => x.jurisdictionId) } }, select: { id: true, name: true } }),
    ]);
    return result.drawn.map((x) => {
      const k = cases.find((y) => y.id === x.caseId);
      if (!k) throw notFound('案件 case', x.caseId);
      const o = operators.find((y) => y.id === k.operatorId)!;
      const names = x.inspectors.map((u) => users.find((y) => y.id === u)?.displayName ?? u).join('、');
      return {
        caseId: k.id,
        operatorId: o.id,
        operatorName: o.name,
        uscc: o.uscc,
        jurisdictionId: k.jurisdictionId,
        jurisdictionName: places.find((p) => p.id === k.jurisdictionId)?.name ?? '',
        track: k.track,
        totalScore: null,
        ground: 'random_inspection',
        groundName: `检查人员：${names}`,
      };
    });
  }

  return r;
}
