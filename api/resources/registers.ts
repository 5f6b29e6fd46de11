// The Lijiang registers (特色直播优质产品 / 新媒体达人, seeds/lijiang-database-intake.txt): applications
// checked against the intake standard (every missing mandatory item listed), review batches, the entries
// with their attachments, scores and figures, and the dynamic scoring's period and runs.
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import { parseDeadline } from '../../domain/time.js';
import { openIntakeBatchUpdate, runScoringUpdate, scoringStateQuery, setScoringPeriodUpdate } from '../../workflows/messages.js';
import { registerScoringWorkflowId } from '../../workflows/intake-campaign.js';
import { validScoringPeriod } from '../../workflows/register-scoring.js';
import { loadCampaign } from '../campaign-access.js';
import { fileIntakeApplication, registerCampaign } from '../intake-filing.js';
import { readIntakeWorkbook } from '../intake-workbook.js';
import { xlsxBase64 } from '../spreadsheet.js';
import { badRequest, conflict, forbidden, notFound, parseOr400 } from '../errors.js';
import { boolFilter, idsFilter, idsWhere, parseList, sendList, textFilter } from '../list.js';
import { route } from '../routes.js';
import { userNames } from '../user-names.js';
import { inScope, type Principal } from '../scope.js';
import { actorOf } from './campaigns.js';

const applyBody = z.object({ operatorId: z.string().min(1).max(100), form: z.unknown() }).strict();
// A filled-in 申报表 (api/intake-workbook.ts).
const readFormBody = z.object({ register: z.enum(['product', 'influencer']), xlsx: xlsxBase64 }).strict();
const batchBody = z.object({ reviewDueAt: z.string().min(1).max(40) }).strict();
const metricsBody = z
  .object({
    platformRating: z.number().min(0).max(5),
    complaintRate: z.number().min(0).max(100),
    findings: z.number().int().min(0).max(1000),
    violation: z.boolean(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
const periodBody = z.object({ period: z.string().min(2).max(40) }).strict();

const STATUSES = ['queued', 'in_review', 'admitted', 'refused', 'filed', 'removed'] as const;

export function registersRouter(db: PrismaClient, client: Client): Router {
  const r = Router();

  /** A register campaign the user may see; its intake rules. */
  const loadRegisterCampaign = async (id: string, me: Principal) => registerCampaign(await loadCampaign(db, id, me));
  /** The office's and the centre's decisions belong to staff of the campaign's own jurisdiction. */
  const requireCityStaff = (me: Principal, c: { jurisdictionId: string }, roles: readonly string[]) => {
    if (!roles.includes(me.role) || !inScope(me, c.jurisdictionId))
      throw forbidden('只有本级中心或办公室人员可以操作', 'only the centre or its office (of the campaign’s jurisdiction) can do this');
  };

  route(
    r,
    {
      method: 'post',
      path: '/campaigns/:id/intake-applications',
      summary: 'File an application to a register (product or influencer) during the window; every missing mandatory item is listed',
      tag: 'registers',
      roles: ['coordinator', 'auditor', 'county_officer'],
      body: applyBody,
    },
    async (req, res, me) => {
      const c = await loadRegisterCampaign(String(req.params.id), me);
      const body = parseOr400(applyBody, req.body);
      const o = await db.operator.findUnique({ where: { id: body.operatorId } });
      if (!o)
        throw badRequest(`申报人 ${body.operatorId} 不在名录中`, `applicant ${body.operatorId} is not in the register`, [
          { path: 'operatorId', messageZh: '申报人不存在', messageEn: 'unknown operator' },
        ]);
      if (!inScope(me, o.jurisdictionId)) throw forbidden('只能为本辖区的申报人申报', 'you can only file for applicants of your own jurisdiction');
      const out = await fileIntakeApplication(db, client, c, o, body.form, actorOf(me));
      res.status(201);
      return out;
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/intake-forms/read',
      summary:
        'Read a filled-in Lijiang application form (申报表, .xlsx as base64; blanks at GET /import-templates/intake-{product|influencer}/xlsx) into the form POST /campaigns/{id}/intake-applications takes; files nothing. Lines that cannot be read are listed by row',
      tag: 'registers',
      roles: ['coordinator', 'auditor', 'county_officer'],
      body: readFormBody,
    },
    async (req) => {
      const body = parseOr400(readFormBody, req.body);
      return readIntakeWorkbook(body.register, Buffer.from(body.xlsx, 'base64'));
    },
  );

  const entryFilter = z.object({
    campaignId: z.string().max(200).optional(),
    register: z.enum(['product', 'influencer']).optional(),
    status: z.enum(STATUSES).optional(),
    batchId: z.string().max(200).optional(),
    removalProposed: boolFilter.optional(),
    jurisdictionId: z.string().max(50).optional(),
    q: textFilter.optional(),
    id: idsFilter.optional(),
  });
  const withNames = async <T extends { operatorId: string; batchId: string | null; filingDate: Date | null }>(rows: T[]) => {
    const ops = new Map(
      (await db.operator.findMany({ where: { id: { in: [...new Set(rows.map((x) => x.operatorId))] } }, select: { id: true, name: true } })).map((o) => [
        o.id,
        o.name,
      ]),
    );
    const batches = new Map(
      (await db.intakeBatch.findMany({ where: { id: { in: [...new Set(rows.flatMap((x) => (x.batchId ? [x.batchId] : [])))] } } })).map((b) => [b.id, b]),
    );
    return rows.map((x) => ({
      ...x,
      operatorName: ops.get(x.operatorId) ?? x.operatorId,
      batchSeq: x.batchId ? (batches.get(x.batchId)?.seq ?? null) : null,
      reviewDueAt: x.batchId ? (batches.get(x.batchId)?.reviewDueAt.getTime() ?? null) : null,
      filingDate: x.filingDate ? x.filingDate.toISOString().slice(0, 10) : null,
    }));
  };
  route(
    r,
    {
      method: 'get',
      path: '/register-entries',
      summary: 'Register entries (applications) within your scope; filters register, status, batch, removalProposed, q',
      tag: 'registers',
      list: true,
    },
    async (req, res, me) => {
      const p = parseList(req, entryFilter, ['id', 'priority', 'createdAt', 'filedAt', 'name', 'status', 'lastScore'], ['priority', 'DESC']);
      const f = p.filter;
      const where = {
        jurisdictionId: { in: me.subtree.filter((j) => !f.jurisdictionId || j === f.jurisdictionId) },
        ...(f.campaignId ? { campaignId: f.campaignId } : {}),
        ...(f.register ? { register: f.register } : {}),
        ...(f.status ? { status: f.status } : {}),
        ...(f.batchId ? { batchId: f.batchId } : {}),
        ...(f.removalProposed !== undefined ? { removalProposed: f.removalProposed } : {}),
        ...(f.q ? { name: { contains: f.q } } : {}),
        ...idsWhere(f.id),
      };
      // Equal priorities: first filed first, as the batch orders them.
      const orderBy = p.orderBy[0]!.priority ? [p.orderBy[0]!, { createdAt: 'asc' as const }, { id: 'asc' as const }] : p.orderBy;
      const [rows, total] = await Promise.all([db.registerEntry.findMany({ where, orderBy, skip: p.skip, take: p.take }), db.registerEntry.count({ where })]);
      sendList(res, 'register-entries', p.skip, await withNames(rows), total);
    },
  );

  const loadEntry = async (id: string, me: Principal) => {
    const e = await db.registerEntry.findUnique({ where: { id } });
    if (!e) throw notFound('入库申报 register entry', id);
    if (!inScope(me, e.jurisdictionId)) throw forbidden('该申报不在您的辖区', 'this entry is outside your jurisdiction');
    return e;
  };
  route(
    r,
    { method: 'get', path: '/register-entries/:id', summary: 'One entry with its attachments (SHA-256), scores and recorded figures', tag: 'registers' },
    async (req, _res, me) => {
      const e = await loadEntry(String(req.params.id), me);
      const [attachments, scores, metrics] = await Promise.all([
        db.attachment.findMany({
          where: { entryId: e.id },
          select: { id: true, filename: true, contentType: true, size: true, sha256: true, field: true, uploadedAt: true },
          orderBy: { uploadedAt: 'asc' },
        }),
        db.registerScore.findMany({ where: { entryId: e.id }, orderBy: { scoredAt: 'desc' } }),
        db.registerMetric.findMany({ where: { entryId: e.id }, orderBy: { recordedAt: 'desc' }, take: 100 }),
      ]);
      const nameOf = await userNames(
        db,
        metrics.map((m) => m.recordedById),
      );
      return {
        ...(await withNames([e]))[0],
        attachments,
        scores: scores.map((s) => ({
          periodKey: s.id.slice(e.id.length + 1),
          runId: s.runId,
          scoredAt: s.scoredAt,
          score: s.score,
          average: s.average,
          parts: s.parts,
          proposed: s.proposed,
          reasons: s.reasons,
        })),
        metrics: metrics.map((m) => ({ ...m, id: String(m.id), recordedBy: nameOf(m.recordedById) })),
      };
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/register-entries/:id/metrics',
      summary: 'Record a filed entry’s figures for dynamic scoring: platform rating (0–5), complaint rate (%), regulator findings, violation',
      tag: 'registers',
      roles: ['coordinator', 'auditor', 'county_officer'],
      body: metricsBody,
    },
    async (req, res, me) => {
      const e = await loadEntry(String(req.params.id), me);
      const body = parseOr400(metricsBody, req.body);
      if (e.status !== 'filed')
        throw conflict(`只有已备案入库的条目参与动态评分（当前：${e.status}）`, `only filed entries are scored (this one is ${e.status})`);
      const m = await db.registerMetric.create({
        data: {
          entryId: e.id,
          recordedAt: new Date(),
          recordedById: me.id,
          platformRating: body.platformRating,
          complaintRate: body.complaintRate,
          findings: body.findings,
          violation: body.violation,
          note: body.note ?? null,
        },
      });
      res.status(201);
      return { ...m, id: String(m.id) };
    },
  );

  // Batches (分批次审核入库)
  route(
    r,
    {
      method: 'post',
      path: '/campaigns/:id/intake-batches',
      summary: 'Open a review batch: every queued application, highest priority first, with the review deadline',
      tag: 'registers',
      roles: ['coordinator', 'auditor'],
      body: batchBody,
    },
    async (req, res, me) => {
      const c = await loadRegisterCampaign(String(req.params.id), me);
      requireCityStaff(me, c, c.intake.roles.batch);
      const body = parseOr400(batchBody, req.body);
      const reviewDueAt = parseDeadline(body.reviewDueAt);
      if (reviewDueAt === undefined)
        throw badRequest(`审核截止时间无效：${body.reviewDueAt}`, `invalid review deadline ${body.reviewDueAt} (YYYY-MM-DD or ISO 8601 with zone)`, [
          { path: 'reviewDueAt', messageZh: '日期无效', messageEn: 'invalid date' },
        ]);
      const out = await client.workflow.getHandle(c.workflowId).executeUpdate(openIntakeBatchUpdate, { args: [{ reviewDueAt, actor: actorOf(me) }] });
      res.status(201);
      return batchView(await db.intakeBatch.findUniqueOrThrow({ where: { id: out.batchId } }));
    },
  );

  const batchView = async (b: { id: string; openedById: string | null } & Record<string, unknown>) => {
    const [counts, opener] = await Promise.all([
      db.registerEntry.groupBy({ by: ['status'], where: { batchId: b.id }, _count: { _all: true } }),
      b.openedById ? db.user.findUnique({ where: { id: b.openedById }, select: { displayName: true } }) : null,
    ]);
    const n = (s: string[]) => counts.filter((x) => s.includes(x.status)).reduce((k, x) => k + x._count._all, 0);
    return {
      ...b,
      openedByName: opener?.displayName ?? null,
      inReview: n(['in_review']),
      reviewed: n(['admitted', 'refused', 'filed', 'removed']),
      admitted: n(['admitted', 'filed', 'removed']),
      refused: n(['refused']),
      filed: n(['filed', 'removed']),
    };
  };
  const batchFilter = z.object({ campaignId: z.string().max(200).optional(), status: z.enum(['open', 'closed']).optional(), id: idsFilter.optional() });
  route(
    r,
    { method: 'get', path: '/intake-batches', summary: 'Review batches of the register campaigns you can see', tag: 'registers', list: true },
    async (req, res, me) => {
      const p = parseList(req, batchFilter, ['id', 'seq', 'openedAt', 'reviewDueAt', 'status', 'size'], ['openedAt', 'DESC']);
      const f = p.filter;
      const visible = (await db.campaign.findMany({ where: { jurisdictionId: { in: [...me.subtree, ...me.ancestors] } }, select: { id: true } })).map(
        (c) => c.id,
      );
      const where = {
        campaignId: { in: visible.filter((id) => !f.campaignId || id === f.campaignId) },
        ...(f.status ? { status: f.status } : {}),
        ...idsWhere(f.id),
      };
      const [rows, total] = await Promise.all([
        db.intakeBatch.findMany({ where, orderBy: p.orderBy, skip: p.skip, take: p.take }),
        db.intakeBatch.count({ where }),
      ]);
      sendList(res, 'intake-batches', p.skip, await Promise.all(rows.map(batchView)), total);
    },
  );
  route(r, { method: 'get', path: '/intake-batches/:id', summary: 'One review batch with its counts', tag: 'registers' }, async (req, _res, me) => {
    const b = await db.intakeBatch.findUnique({ where: { id: String(req.params.id) } });
    if (!b) throw notFound('审核批次 batch', String(req.params.id));
    await loadCampaign(db, b.campaignId, me);
    return batchView(b);
  });

  // Dynamic scoring (动态评分, 附件1 第15条)
  const scoring = async (c: { id: string }) => {
    const [state, runs] = await Promise.all([
      client.workflow.getHandle(registerScoringWorkflowId(c.id)).query(scoringStateQuery),
      db.registerScoringRun.findMany({ where: { campaignId: c.id }, orderBy: { ranAt: 'desc' }, take: 50 }),
    ]);
    return { ...state, lastRuns: runs };
  };
  route(
    r,
    { method: 'get', path: '/campaigns/:id/register-scoring', summary: 'The dynamic scoring’s period, next run and recent runs', tag: 'registers' },
    async (req, _res, me) => {
      return scoring(await loadRegisterCampaign(String(req.params.id), me));
    },
  );
  route(
    r,
    {
      method: 'put',
      path: '/campaigns/:id/register-scoring',
      summary: 'Set the scoring period (ISO 8601, at least an hour, e.g. P1M) — the centre',
      tag: 'registers',
      roles: ['coordinator'],
      body: periodBody,
    },
    async (req, _res, me) => {
      const c = await loadRegisterCampaign(String(req.params.id), me);
      requireCityStaff(me, c, ['coordinator']);
      const body = parseOr400(periodBody, req.body);
      if (!validScoringPeriod(body.period))
        throw badRequest(
          `评分周期「${body.period}」无效（ISO 8601，至少 1 小时，如 P1M）`,
          `period "${body.period}" must be an ISO 8601 duration of at least an hour, such as P1M`,
          [{ path: 'period', messageZh: '周期无效', messageEn: 'invalid period' }],
        );
      await client.workflow
        .getHandle(registerScoringWorkflowId(c.id))
        .executeUpdate(setScoringPeriodUpdate, { args: [{ period: body.period, actor: actorOf(me) }] });
      return scoring(c);
    },
  );
  route(
    r,
    {
      method: 'post',
      path: '/campaigns/:id/register-scoring/run',
      summary: 'Score the registers now (a period ends early) — the centre or its office',
      tag: 'registers',
      roles: ['coordinator', 'auditor'],
    },
    async (req, res, me) => {
      const c = await loadRegisterCampaign(String(req.params.id), me);
      requireCityStaff(me, c, ['coordinator', 'auditor']);
      const out = await client.workflow.getHandle(registerScoringWorkflowId(c.id)).executeUpdate(runScoringUpdate, { args: [{ actor: actorOf(me) }] });
      res.status(201);
      return db.registerScoringRun.findUniqueOrThrow({ where: { id: out.runId } });
    },
  );
  return r;
}
