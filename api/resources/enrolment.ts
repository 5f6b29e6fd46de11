// Enrolment (动员部署) and next year's campaign: candidates from the operator register with last year's
// flags, enrolment by selection, filter or CSV import (all rows or none), and the successor proposal.
import express, { Router } from 'express';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import { shanghaiDate } from '../../domain/time.js';
import { enrolCases } from '../arrivals.js';
import { loadCampaign, requireRunner } from '../campaign-access.js';
import { tracksOfRules } from '../../domain/programmes/kinds/index.js';
import { carryOverSettings } from '../../domain/programmes/kinds/index.js';
import { enrolledPerWorkflow, jurisdictionSubtree, resolveEnrolment, type EnrolmentRow } from '../enrolment.js';
import { importBody, readImport } from '../table-import.js';
import { badRequest, parseOr400 } from '../errors.js';
import { boolFilter, parseList, sendList, textFilter } from '../list.js';
import { route } from '../routes.js';
import { actorOf } from './campaigns.js';

const enrolBody = z
  .object({
    operators: z
      .array(z.object({ operatorId: z.string().max(50).optional(), uscc: z.string().max(30).optional(), track: z.string().max(50).optional() }).strict())
      .min(1)
      .max(5000)
      .optional(),
    filter: z
      .object({ jurisdictionId: z.string().max(50).optional(), track: z.string().max(50).optional(), q: textFilter.optional() })
      .strict()
      .optional(),
    /** With `filter`: the track for every operator found (otherwise each keeps its registered track). */
    track: z.string().max(50).optional(),
  })
  .strict()
  .refine((b) => !!b.operators !== !!b.filter, { message: '须且只能提供 operators 或 filter 之一 / give exactly one of operators or filter' });

/** What last year left on an operator: a title (still valid or not), a revocation, a filed case. */
export async function operatorFlags(db: PrismaClient, programme: string, operatorIds: string[]) {
  const campaigns = await db.campaign.findMany({ where: { programme }, select: { id: true, year: true } });
  const year = new Map(campaigns.map((c) => [c.id, c.year]));
  const [titles, filed] = await Promise.all([
    db.title.findMany({ where: { operatorId: { in: operatorIds }, campaignId: { in: campaigns.map((c) => c.id) } } }),
    db.case.findMany({ where: { operatorId: { in: operatorIds }, campaignId: { in: campaigns.map((c) => c.id) }, excludedKind: 'filed' } }),
  ]);
  const flags = new Map<string, object[]>();
  const add = (op: string, f: object) => flags.set(op, [...(flags.get(op) ?? []), f]);
  for (const t of titles)
    add(
      t.operatorId,
      t.status === 'revoked'
        ? { kind: 'revoked', campaignId: t.campaignId, year: year.get(t.campaignId), ground: t.revokedGround, at: t.endedAt }
        : { kind: t.status === 'active' ? 'title_holder' : 'title_expired', campaignId: t.campaignId, year: year.get(t.campaignId), expiresAt: t.expiresAt },
    );
  for (const c of filed) add(c.operatorId, { kind: 'filed', campaignId: c.campaignId, year: year.get(c.campaignId), reason: c.excludedReason });
  return flags;
}

export function enrolmentRouter(db: PrismaClient, client: Client): Router {
  const r = Router();

  const candidateFilter = z.object({
    q: textFilter.optional(),
    jurisdictionId: z.string().max(50).optional(),
    track: z.string().max(50).optional(),
    enrolled: boolFilter.optional(),
  });
  route(
    r,
    {
      method: 'get',
      path: '/campaigns/:id/candidates',
      summary: 'Operators registered in the campaign’s jurisdiction, with enrolment and last years’ flags (title holder, revoked, filed)',
      tag: 'enrolment',
      list: true,
    },
    async (req, res, me) => {
      const c = await loadCampaign(db, String(req.params.id), me);
      const p = parseList(req, candidateFilter, ['id', 'name', 'jurisdictionId', 'registeredOn'], ['id', 'ASC']);
      const f = p.filter;
      const inside = [...(await jurisdictionSubtree(db, c.jurisdictionId))].filter((j) => me.subtree.includes(j));
      const enrolledIds = (await db.case.findMany({ where: { campaignId: c.id }, select: { operatorId: true } })).map((x) => x.operatorId);
      const where = {
        jurisdictionId: { in: inside.filter((j) => !f.jurisdictionId || j === f.jurisdictionId) },
        ...(f.track ? { track: f.track } : {}),
        ...(f.q ? { OR: [{ name: { contains: f.q } }, { uscc: { contains: f.q.toUpperCase() } }] } : {}),
        ...(f.enrolled === true ? { id: { in: enrolledIds } } : f.enrolled === false ? { id: { notIn: enrolledIds } } : {}),
      };
      const [rows, total] = await Promise.all([db.operator.findMany({ where, orderBy: p.orderBy, skip: p.skip, take: p.take }), db.operator.count({ where })]);
      const flags = await operatorFlags(
        db,
        c.programme,
        rows.map((o) => o.id),
      );
      const enrolled = new Set(enrolledIds);
      sendList(
        res,
        'candidates',
        p.skip,
        rows.map((o) => ({ ...o, enrolled: enrolled.has(o.id), flags: flags.get(o.id) ?? [] })),
        total,
      );
    },
  );

  async function enrol(
    campaignId: string,
    rows: EnrolmentRow[],
    me: Parameters<typeof actorOf>[0],
    rowPath: (i: number) => string,
    lineOf?: (i: number) => number,
    /** The rows come from a filter that already left out whom the workflow has enrolled: ask it once. */
    workflowAsked = false,
  ) {
    const c = await loadCampaign(db, campaignId, me);
    requireRunner(me, c);
    const cases = await resolveEnrolment(db, {
      campaignId: c.id,
      jurisdictionId: c.jurisdictionId,
      tracks: tracksOfRules(c.def.rules),
      rows,
      rowPath,
      lineOf,
      ...(workflowAsked ? {} : { enrolledPerWorkflow: (ids: string[]) => enrolledPerWorkflow(client, c.workflowId, c.id, ids) }),
    });
    // Through the campaign's arrival shards (api/arrivals.ts); the rows are all checked above.
    return enrolCases(client, c.workflowId, cases, actorOf(me));
  }

  route(
    r,
    {
      method: 'post',
      path: '/campaigns/:id/cases',
      summary: 'Enrol operators (a list with tracks, or everyone matching a filter) while the enrolment stage is open; any bad row enrols nobody',
      tag: 'enrolment',
      roles: ['coordinator'],
      body: enrolBody,
    },
    async (req, res, me) => {
      const body = parseOr400(enrolBody, req.body);
      let rows: EnrolmentRow[] = body.operators ?? [];
      if (body.filter) {
        const c = await loadCampaign(db, String(req.params.id), me);
        requireRunner(me, c);
        const inside = [...(await jurisdictionSubtree(db, c.jurisdictionId))];
        const f = body.filter;
        // Not enrolled per the projection (a filter, not a list of ids: a province's launch enrols 100,000)…
        const candidates = await db.operator.findMany({
          where: {
            jurisdictionId: { in: inside.filter((j) => !f.jurisdictionId || j === f.jurisdictionId) },
            cases: { none: { campaignId: c.id } },
            ...(f.track ? { track: f.track } : {}),
            ...(f.q ? { OR: [{ name: { contains: f.q } }, { uscc: { contains: f.q.toUpperCase() } }] } : {}),
          },
          orderBy: { id: 'asc' },
          select: { id: true },
        });
        // …nor per the workflow, which the projection may lag a moment behind.
        const enrolled = await enrolledPerWorkflow(
          client,
          c.workflowId,
          c.id,
          candidates.map((o) => o.id),
        );
        const found = candidates.filter((o) => !enrolled.has(o.id));
        if (found.length === 0) throw badRequest('没有符合条件且尚未纳入的经营主体', 'no operator matches the filter that is not enrolled yet');
        rows = found.map((o) => ({ operatorId: o.id, ...(body.track ? { track: body.track } : {}) }));
      }
      const out = await enrol(String(req.params.id), rows, me, (i) => (body.filter ? `filter` : `operators.${i}`), undefined, !!body.filter);
      res.status(201);
      return out;
    },
  );

  // Columns (Chinese or English): 统一社会信用代码/uscc (or 经营主体编号/operatorId), 赛道/track (直播营销,
  // 社区团购 or the keys); 名称/name is ignored.
  const HEADERS: Record<string, keyof EnrolmentRow | null> = {
    统一社会信用代码: 'uscc',
    uscc: 'uscc',
    经营主体编号: 'operatorId',
    operatorid: 'operatorId',
    赛道: 'track',
    track: 'track',
    名称: null,
    name: null,
    经营主体名称: null,
  };
  route(
    r,
    {
      method: 'post',
      path: '/campaigns/:id/cases/import',
      summary:
        'Enrol from CSV or Excel (text/csv body, JSON {csv}, or JSON {xlsx}: the .xlsx as base64); every bad line is reported with its number and nothing is enrolled',
      tag: 'enrolment',
      roles: ['coordinator'],
      body: importBody,
    },
    async (req, res, me) => {
      const lines = await readImport(req, HEADERS, [['uscc', 'operatorId']]);
      const rows: EnrolmentRow[] = lines.map((l) => l.cells);
      const out = await enrol(
        String(req.params.id),
        rows,
        me,
        (i) => `line ${lines[i]!.line}`,
        (i) => lines[i]!.line,
      );
      res.status(201);
      return out;
    },
  );

  route(
    r,
    {
      method: 'get',
      path: '/campaigns/:id/successor',
      summary: 'Next year’s campaign proposed from this one: calendar moved a year, settings copied, title holders and flagged operators',
      tag: 'enrolment',
      roles: ['coordinator'],
    },
    async (req, _res, me) => {
      const c = await loadCampaign(db, String(req.params.id), me);
      requireRunner(me, c);
      const nextYear = (ms: number) => {
        const [y, m, d] = shanghaiDate(ms).split('-');
        const day = m === '02' && d === '29' ? '28' : d;
        return `${Number(y) + 1}-${m}-${day}`;
      };
      const [titles, filed] = await Promise.all([
        db.title.findMany({ where: { campaignId: c.id }, orderBy: { expiresAt: 'asc' } }),
        db.case.findMany({ where: { campaignId: c.id, excludedKind: 'filed' } }),
      ]);
      const ops = new Map(
        (await db.operator.findMany({ where: { id: { in: [...titles.map((t) => t.operatorId), ...filed.map((x) => x.operatorId)] } } })).map((o) => [o.id, o]),
      );
      const op = (id: string) => ({ operatorId: id, operatorName: ops.get(id)?.name ?? id, uscc: ops.get(id)?.uscc ?? '' });
      return {
        launch: {
          programme: c.programme,
          year: c.year + 1,
          jurisdictionId: c.jurisdictionId,
          name: c.name.replace(String(c.year), String(c.year + 1)),
          stages: c.def.stages.map((s) => ({ key: s.key, startsAt: nextYear(s.startsAt), dueAt: nextYear(s.dueAt) })),
          reminderLeadHours: c.def.reminderLeadMs / 3600_000,
          // A body POST /api/campaigns takes as it is: the kind's own settings (carryOverSettings).
          settings: carryOverSettings(c.def.kind, c.def.settings),
          previousCampaignId: c.id,
        },
        titleHolders: titles
          .filter((t) => t.status !== 'revoked')
          .map((t) => ({ ...op(t.operatorId), status: t.status, grantedAt: t.grantedAt, expiresAt: t.expiresAt, totalScore: t.totalScore })),
        flagged: [
          ...titles
            .filter((t) => t.status === 'revoked')
            .map((t) => ({
              ...op(t.operatorId),
              kind: 'revoked',
              ground: t.revokedGround,
              groundName: c.def.kind === 'staged_award' ? c.def.rules.revocationGrounds.find((g) => g.key === t.revokedGround)?.name : undefined,
              at: t.endedAt,
            })),
          ...filed.map((x) => ({ ...op(x.operatorId), kind: 'filed', reason: x.excludedReason })),
        ],
      };
    },
  );
  return r;
}

/** CSV imports take the raw body: text/csv is read as text (JSON bodies by express.json()). */
export const csvText = express.text({ type: ['text/csv', 'text/plain'], limit: '5mb' });
