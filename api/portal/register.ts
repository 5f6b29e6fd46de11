// The Lijiang registers by the applicant (seeds/lijiang-database-intake.txt 附件1 第17条, 附件2 第8条:
// 申报人自主自愿提出申请，提交相关资料): the applicant signed in to the portal sees the register campaigns
// taking applications where it is registered, files its own product or influencer application (the same
// checks and refusals as staff filing for it, api/intake-filing.ts), and follows each application of its
// own: the batch review's decision with its reasons, admission, filing (备案) with the centre, removal.
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { withKind, type CampaignDefinition } from '../../domain/campaign-definition.js';
import { decisionLabel } from '../../domain/decisions.js';
import { loadCampaign } from '../campaign-access.js';
import { badRequest, notFound, parseOr400 } from '../errors.js';
import { fileIntakeApplication, registerCampaign } from '../intake-filing.js';
import { parseList, sendList } from '../list.js';
import { route } from '../routes.js';
import { actorOf, type Principal } from '../scope.js';
import { operatorOf, ownCase } from './own.js';

const REGISTERS = ['product', 'influencer'] as const;
const STATUSES = ['queued', 'in_review', 'admitted', 'refused', 'filed', 'removed'] as const;

const applyBody = z
  .object({
    campaignId: z.string().min(1).max(200),
    register: z.enum(REGISTERS),
    /** The intake form of the register (domain/intake.ts); its `register`, when given, must agree. */
    form: z.record(z.string(), z.unknown()),
    /** Uploads (POST /attachments, by this account) added to the form's introductory materials (附件1 第9条). */
    attachmentIds: z.array(z.string().uuid()).max(20).optional(),
  })
  .strict();

/** What the applicant sees of the review (the office's decisions, not its working notes or scores). */
const DECISIONS = ['intake.applied', 'intake.admitted', 'intake.refused', 'intake.filed', 'intake.removed'];
const APPLIED = { zh: '已提交申报', en: 'application filed' };

export function portalRegisterRouter(db: PrismaClient, client: Client): Router {
  const r = Router();

  /** The operator of the signed-in account, as registered. */
  const applicant = async (me: Principal) => {
    const id = operatorOf(me);
    const o = await db.operator.findUnique({ where: { id } });
    if (!o) throw notFound('经营主体 operator', id);
    return o;
  };
  /**
   * Where the applicant is registered and every jurisdiction above it: a campaign run there takes its
   * applications (the city's registers take the applicants of its counties).
   */
  const reach = async (o: { jurisdictionId: string }) => {
    const j = await db.jurisdiction.findUniqueOrThrow({ where: { id: o.jurisdictionId }, select: { path: true } });
    return j.path.split('/').filter(Boolean);
  };
  /** The window stage, told by the calendar as the campaign takes arrivals (workflows/arrival-shard.ts takesArrivals). */
  const windowOpen = (s: { status: string; startsAt: Date; dueAt: Date } | undefined, now: number) =>
    !!s && s.status !== 'closed' && (s.status === 'open' || now >= s.startsAt.getTime()) && now < s.dueAt.getTime();

  route(
    r,
    {
      method: 'get',
      path: '/portal/register/open-campaigns',
      summary: 'The register campaigns taking applications now where you are registered, with their registers and window (applicant)',
      tag: 'portal',
      roles: ['operator'],
    },
    async (_req, _res, me) => {
      const o = await applicant(me);
      // A campaign that has ended takes no more applications, whatever its calendar said.
      const rows = await db.campaign.findMany({ where: { jurisdictionId: { in: await reach(o) }, status: 'running' }, orderBy: { launchedAt: 'desc' } });
      const registers = rows
        .map((c) => ({ c, def: withKind(c.definition as unknown as CampaignDefinition) as CampaignDefinition }))
        .filter((x) => x.def.kind === 'register');
      if (!registers.length) return [];
      const now = Date.now();
      const [stages, jurisdictions, mine] = await Promise.all([
        db.stage.findMany({ where: { campaignId: { in: registers.map((x) => x.c.id) } } }),
        db.jurisdiction.findMany({ where: { id: { in: registers.map((x) => x.c.jurisdictionId) } }, select: { id: true, name: true } }),
        db.registerEntry.groupBy({ by: ['campaignId'], where: { operatorId: o.id, campaignId: { in: registers.map((x) => x.c.id) } }, _count: { _all: true } }),
      ]);
      return registers.flatMap(({ c, def }) => {
        if (def.kind !== 'register') return [];
        const intake = def.rules.intake;
        const w = stages.find((s) => s.campaignId === c.id && s.key === intake.windowStage);
        if (!windowOpen(w, now)) return [];
        return [
          {
            id: c.id,
            name: c.name,
            year: c.year,
            jurisdictionId: c.jurisdictionId,
            jurisdictionName: jurisdictions.find((j) => j.id === c.jurisdictionId)?.name ?? c.jurisdictionId,
            windowStartsAt: w!.startsAt,
            windowDueAt: w!.dueAt,
            registers: intake.registers,
            priorityFollowers: def.settings.priorityFollowers,
            applied: mine.find((m) => m.campaignId === c.id)?._count._all ?? 0,
          },
        ];
      });
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/portal/register/applications',
      summary:
        'File your own application to a register (product or influencer) during its window: the checks and refusals of staff filing (every missing mandatory item listed)',
      tag: 'portal',
      roles: ['operator'],
      body: applyBody,
    },
    async (req, res, me) => {
      const body = parseOr400(applyBody, req.body);
      const o = await applicant(me);
      if (body.form.register !== undefined && body.form.register !== body.register)
        throw badRequest(`申报表的库别与所选「${body.register}」不一致`, `the form's register does not match "${body.register}"`, [
          { path: 'form.register', messageZh: '库别不一致', messageEn: 'register mismatch' },
        ]);
      // The campaign as a staff member of the applicant's own jurisdiction would see it: run there or above.
      const c = registerCampaign(await loadCampaign(db, body.campaignId, { ...me, subtree: [], ancestors: await reach(o) }));
      const materials = body.form.materials;
      const form = {
        ...body.form,
        register: body.register,
        ...(body.attachmentIds?.length ? { materials: [...(Array.isArray(materials) ? materials : []), ...body.attachmentIds] } : {}),
      };
      const out = await fileIntakeApplication(db, client, c, o, form, actorOf(me));
      res.status(201);
      return out;
    },
  );

  const listFilter = z.object({ campaignId: z.string().max(200).optional(), register: z.enum(REGISTERS).optional(), status: z.enum(STATUSES).optional() });
  /** An entry as its applicant follows it. */
  const views = async (rows: Prisma.RegisterEntryGetPayload<object>[]) => {
    const [campaigns, batches] = await Promise.all([
      db.campaign.findMany({ where: { id: { in: [...new Set(rows.map((e) => e.campaignId))] } }, select: { id: true, name: true } }),
      db.intakeBatch.findMany({ where: { id: { in: [...new Set(rows.flatMap((e) => (e.batchId ? [e.batchId] : [])))] } } }),
    ]);
    return rows.map((e) => {
      const b = batches.find((x) => x.id === e.batchId);
      return {
        id: e.id,
        campaignId: e.campaignId,
        campaignName: campaigns.find((c) => c.id === e.campaignId)?.name ?? e.campaignId,
        register: e.register,
        name: e.name,
        status: e.status,
        createdAt: e.createdAt,
        priority: e.priority,
        priorityReasons: e.priorityReasons,
        batchSeq: b?.seq ?? null,
        reviewDueAt: b?.reviewDueAt ?? null,
        admittedAt: e.admittedAt,
        refusedReason: e.refusedReason,
        filedAt: e.filedAt,
        filingDate: e.filingDate ? e.filingDate.toISOString().slice(0, 10) : null,
        filingReference: e.filingReference,
        removedAt: e.removedAt,
        removedReason: e.removedReason,
      };
    });
  };

  route(
    r,
    {
      method: 'get',
      path: '/portal/register/applications',
      summary: 'Your own register applications and where each stands (filters campaignId, register, status)',
      tag: 'portal',
      roles: ['operator'],
      list: true,
    },
    async (req, res, me) => {
      const p = parseList(req, listFilter, ['createdAt', 'name', 'status'], ['createdAt', 'DESC']);
      const where = { operatorId: operatorOf(me), ...p.filter };
      const [rows, total] = await Promise.all([
        db.registerEntry.findMany({ where, orderBy: p.orderBy, skip: p.skip, take: p.take }),
        db.registerEntry.count({ where }),
      ]);
      sendList(res, 'applications', p.skip, await views(rows), total);
    },
  );

  route(
    r,
    {
      method: 'get',
      path: '/portal/register/applications/:id',
      summary: 'One of your applications: its form, attachments (SHA-256), the review decisions with their reasons, admission, filing and removal',
      tag: 'portal',
      roles: ['operator'],
    },
    async (req, _res, me) => {
      const id = String(req.params.id);
      // Another operator's is 403 and an unknown one 404, as for every portal route (own.ts).
      await ownCase(db, me, id);
      const e = await db.registerEntry.findUnique({ where: { id } });
      if (!e) throw notFound('入库申报 application', id);
      const [attachments, trail] = await Promise.all([
        db.attachment.findMany({
          where: { entryId: e.id },
          select: { id: true, filename: true, contentType: true, size: true, sha256: true, field: true, uploadedAt: true },
          orderBy: { uploadedAt: 'asc' },
        }),
        db.auditEvent.findMany({ where: { entityId: e.id, action: { in: DECISIONS } }, orderBy: { id: 'asc' } }),
      ]);
      return {
        ...(await views([e]))[0],
        form: e.form,
        attachments,
        // Who decided stays with staff: the applicant sees the decision, its date and its reason.
        decisions: trail.map((a) => {
          const label = a.action === 'intake.applied' ? APPLIED : decisionLabel(a.action);
          return { action: a.action, at: a.at, labelZh: label.zh, labelEn: label.en, reason: a.reason, clause: a.clause };
        }),
      };
    },
  );
  return r;
}
