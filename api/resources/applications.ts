// Application programmes (Zhoushan 绿色直播间): filing an application for a registered live room (with the
// eligibility rules of 三、培育对象 explained when refused), counts per step per county, the city
// cultivation list, and listed rooms' nomination, the province's answer, findings and removal.
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import { applicationFormSchema } from '../../domain/application-form.js';
import { diffApplication } from '../../domain/application-versions.js';
import { confirmListUpdate, nominateUpdate, provinceAnswerUpdate, recordFindingUpdate, removeListingUpdate } from '../../workflows/messages.js';
import { applicationProblems, fileApplication } from '../application-filing.js';
import { definitionOfKind, loadCampaign, requireRunner } from '../campaign-access.js';
import { badRequest, forbidden, notFound, parseOr400 } from '../errors.js';
import { idsFilter, idsWhere, parseList, sendList } from '../list.js';
import { route } from '../routes.js';
import { withOperatorNames } from '../operator-names.js';
import { inScope, type Principal } from '../scope.js';
import { actorOf } from './campaigns.js';

const fileBody = z.object({ operatorId: z.string().max(100), form: applicationFormSchema() }).strict();
const listBody = z.object({ threshold: z.number().min(0).max(100).optional(), quota: z.number().int().min(1).max(10_000).optional() }).strict();
const answerBody = z.object({ accepted: z.boolean(), note: z.string().trim().min(1).max(2000) }).strict();
const findingBody = z.object({ description: z.string().trim().min(1).max(4000), serious: z.boolean() }).strict();
const removeBody = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();

export const STEPS = ['filed', 'pre_review', 'returned', 'rejected', 'reported', 'audited', 'vetoed', 'listed', 'not_listed', 'removed'] as const;
/** The step of the application process a case is at, from its projection. */
export function stepOf(
  c: { currentStep: string | null; excludedKind: string | null; totalScore: number | null },
  listing?: { status: string },
): (typeof STEPS)[number] {
  if (listing) return listing.status === 'removed' ? 'removed' : 'listed';
  if (c.excludedKind === 'rejected') return 'rejected';
  if (c.excludedKind === 'vetoed') return 'vetoed';
  if (c.currentStep === 'not_listed') return 'not_listed';
  if (c.totalScore !== null) return 'audited';
  if (c.currentStep === 'reported' || c.currentStep === 'city_audit:open') return 'reported';
  if (c.currentStep === 'returned' || c.currentStep === 'resubmission:open') return 'returned';
  if (c.currentStep === 'pre_review:open') return 'pre_review';
  return 'filed';
}

export function applicationsRouter(db: PrismaClient, client: Client): Router {
  const r = Router();

  route(
    r,
    {
      method: 'post',
      path: '/campaigns/:id/applications',
      summary: 'File an application for a registered live room (county officer on the operator’s behalf); refused with every eligibility reason',
      tag: 'applications',
      roles: ['county_officer', 'coordinator'],
      body: fileBody,
    },
    async (req, res, me) => {
      const c = await loadCampaign(db, String(req.params.id), me);
      definitionOfKind(c, 'application');
      const body = parseOr400(fileBody, req.body);
      const o = await db.operator.findUnique({ where: { id: body.operatorId } });
      if (!o)
        throw badRequest(`经营主体 ${body.operatorId} 不在名录中`, `operator ${body.operatorId} is not in the register`, [
          { path: 'operatorId', messageZh: '经营主体不存在', messageEn: 'unknown operator' },
        ]);
      if (!inScope(me, o.jurisdictionId)) throw forbidden('只能为本辖区的经营主体申报', 'you can only file for operators of your own jurisdiction');
      // Eligibility, then the campaign's arrival shard (api/application-filing.ts), as for the room's own filing.
      const out = await fileApplication(db, client, c, o, body.form, { ...actorOf(me), onBehalfOf: { operatorId: o.id, operatorName: o.name } });
      res.status(201);
      return out;
    },
  );

  route(
    r,
    {
      method: 'get',
      path: '/campaigns/:id/applications/eligibility/:operatorId',
      summary:
        'Whether an operator may apply to the campaign today, with every reason it may not (三、培育对象): the filing form asks as soon as the operator is picked',
      tag: 'applications',
      roles: ['county_officer', 'coordinator'],
    },
    async (req, _res, me) => {
      const c = await loadCampaign(db, String(req.params.id), me);
      definitionOfKind(c, 'application');
      const o = await db.operator.findUnique({ where: { id: String(req.params.operatorId) } });
      if (!o) throw notFound('经营主体 operator', String(req.params.operatorId));
      if (!inScope(me, o.jurisdictionId)) throw forbidden('只能为本辖区的经营主体申报', 'you can only file for operators of your own jurisdiction');
      const problems = await applicationProblems(db, c, o);
      return { eligible: problems.length === 0, problems: problems.map((p) => ({ code: p.code, messageZh: p.messageZh, messageEn: p.messageEn })) };
    },
  );

  route(
    r,
    {
      method: 'get',
      path: '/cases/:id/application-versions',
      summary:
        'Every version of a case’s application (1 when filed, n+1 at each resubmission after a return): who submitted it and for whom, its form, attachments and statement, and what changed from the previous version',
      tag: 'applications',
    },
    async (req, _res, me) => {
      const c = await db.case.findUnique({ where: { id: String(req.params.id) } });
      if (!c) throw notFound('案件 case', String(req.params.id));
      if (!inScope(me, c.jurisdictionId)) throw forbidden();
      const versions = await db.applicationVersion.findMany({ where: { caseId: c.id }, orderBy: { version: 'asc' } });
      const ids = [...new Set(versions.flatMap((v) => v.attachmentIds as string[]))];
      const [files, users] = await Promise.all([
        db.attachment.findMany({
          where: { id: { in: ids } },
          select: { id: true, filename: true, contentType: true, size: true, sha256: true, uploadedAt: true },
        }),
        db.user.findMany({ where: { id: { in: [...new Set(versions.map((v) => v.submittedById))] } }, select: { id: true, displayName: true, role: true } }),
      ]);
      const file = (id: string) => files.find((f) => f.id === id) ?? { id, filename: id };
      return versions.map((v, i) => {
        const prev = versions[i - 1];
        const at = (x: typeof v) => ({ form: x.form as Record<string, unknown>, attachmentIds: x.attachmentIds as string[] });
        const changes = prev ? diffApplication(at(prev), at(v)) : null;
        return {
          version: v.version,
          submittedAt: v.submittedAt,
          submittedBy: users.find((u) => u.id === v.submittedById) ?? { id: v.submittedById, displayName: v.submittedById, role: null },
          onBehalfOf: v.onBehalfOf,
          form: v.form,
          attachments: (v.attachmentIds as string[]).map(file),
          statement: v.statement,
          changes: changes && { ...changes, attachmentsAdded: changes.attachmentsAdded.map(file), attachmentsRemoved: changes.attachmentsRemoved.map(file) },
        };
      });
    },
  );

  route(
    r,
    { method: 'get', path: '/campaigns/:id/application-counts', summary: 'Applications per step per county (within your scope)', tag: 'applications' },
    async (req, _res, me) => {
      const c = await loadCampaign(db, String(req.params.id), me);
      const [cases, listings] = await Promise.all([
        db.case.findMany({
          where: { campaignId: c.id, jurisdictionId: { in: me.subtree } },
          select: { id: true, jurisdictionId: true, currentStep: true, excludedKind: true, totalScore: true },
        }),
        db.listing.findMany({ where: { campaignId: c.id }, select: { id: true, status: true, nomination: true } }),
      ]);
      const names = new Map(
        (await db.jurisdiction.findMany({ where: { id: { in: [...new Set(cases.map((x) => x.jurisdictionId))] } } })).map((j) => [j.id, j.name]),
      );
      const rows = new Map<string, Record<string, number>>();
      for (const x of cases) {
        const row = rows.get(x.jurisdictionId) ?? Object.fromEntries([...STEPS, 'total', 'nominated', 'provinceAccepted'].map((k) => [k, 0]));
        const l = listings.find((y) => y.id === x.id);
        row[stepOf(x, l)]! += 1;
        row.total! += 1;
        if (l && l.nomination !== 'none' && l.nomination !== 'withdrawn') row.nominated! += 1;
        if (l?.nomination === 'accepted') row.provinceAccepted! += 1;
        rows.set(x.jurisdictionId, row);
      }
      return {
        campaignId: c.id,
        steps: STEPS,
        counties: [...rows.entries()]
          .map(([jurisdictionId, counts]) => ({ jurisdictionId, name: names.get(jurisdictionId) ?? jurisdictionId, ...counts }))
          .sort((a, b) => a.jurisdictionId.localeCompare(b.jurisdictionId)),
      };
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/campaigns/:id/cultivation-list',
      summary: 'Confirm the city cultivation list (择优 by threshold and/or quota; ties at the quota all go in) once applications are closed and decided',
      tag: 'applications',
      roles: ['coordinator'],
      body: listBody,
    },
    async (req, res, me) => {
      const c = await loadCampaign(db, String(req.params.id), me);
      requireRunner(me, c);
      const body = parseOr400(listBody, req.body);
      const { settings } = definitionOfKind(c, 'application');
      const threshold = body.threshold ?? (body.quota === undefined ? settings.listThreshold : undefined);
      const quota = body.quota ?? (body.threshold === undefined ? settings.listQuota : undefined);
      const out = await client.workflow.getHandle(c.workflowId).executeUpdate(confirmListUpdate, { args: [{ threshold, quota, actor: actorOf(me) }] });
      res.status(201);
      return db.roster.findUniqueOrThrow({ where: { id: out.rosterId } });
    },
  );

  // Listed rooms
  const listingFilter = z.object({
    campaignId: z.string().optional(),
    status: z.enum(['listed', 'removed']).optional(),
    nomination: z.enum(['none', 'pending', 'accepted', 'declined', 'withdrawn']).optional(),
    jurisdictionId: z.string().optional(),
    id: idsFilter.optional(),
  });
  route(
    r,
    { method: 'get', path: '/listings', summary: 'Rooms on cultivation lists within your scope', tag: 'applications', list: true },
    async (req, res, me) => {
      const p = parseList(req, listingFilter, ['id', 'rank', 'totalScore', 'listedAt', 'status', 'nomination'], ['rank', 'ASC']);
      const f = p.filter;
      const where = {
        jurisdictionId: { in: me.subtree.filter((j) => !f.jurisdictionId || j === f.jurisdictionId) },
        ...(f.campaignId ? { campaignId: f.campaignId } : {}),
        ...(f.status ? { status: f.status } : {}),
        ...(f.nomination ? { nomination: f.nomination } : {}),
        ...idsWhere(f.id),
      };
      const [rows, total] = await Promise.all([db.listing.findMany({ where, orderBy: p.orderBy, skip: p.skip, take: p.take }), db.listing.count({ where })]);
      sendList(res, 'listings', p.skip, await withOperatorNames(db, rows), total);
    },
  );
  const loadListing = async (id: string, me: Principal) => {
    const l = await db.listing.findUnique({ where: { id } });
    if (!l) throw notFound('培育库主体 listing', id);
    if (!inScope(me, l.jurisdictionId)) throw forbidden('该主体不在您的辖区', 'this listing is outside your jurisdiction');
    return l;
  };
  route(r, { method: 'get', path: '/listings/:id', summary: 'One listed room', tag: 'applications' }, async (req, _res, me) => {
    return (await withOperatorNames(db, [await loadListing(String(req.params.id), me)]))[0];
  });

  /** Nomination, the province's answer and removal are the city's decisions. */
  const cityDecision = async (req: { params: Record<string, unknown> }, me: Principal) => {
    const l = await loadListing(String(req.params.id), me);
    requireRunner(me, await loadCampaign(db, l.campaignId, me));
    return l;
  };
  route(
    r,
    {
      method: 'post',
      path: '/listings/:id/nominate',
      summary: 'Nominate a listed room to the provincial list (city coordinator)',
      tag: 'applications',
      roles: ['coordinator'],
    },
    async (req, _res, me) => {
      const l = await cityDecision(req, me);
      await client.workflow.getHandle(l.workflowId).executeUpdate(nominateUpdate, { args: [{ actor: actorOf(me) }] });
      return db.listing.findUniqueOrThrow({ where: { id: l.id } });
    },
  );
  route(
    r,
    {
      method: 'post',
      path: '/listings/:id/province-answer',
      summary: 'Record the province’s answer to a nomination, whenever it arrives',
      tag: 'applications',
      roles: ['coordinator'],
      body: answerBody,
    },
    async (req, _res, me) => {
      const l = await cityDecision(req, me);
      const body = parseOr400(answerBody, req.body);
      await client.workflow.getHandle(l.workflowId).executeUpdate(provinceAnswerUpdate, { args: [{ ...body, actor: actorOf(me) }] });
      return db.listing.findUniqueOrThrow({ where: { id: l.id } });
    },
  );
  route(
    r,
    {
      method: 'post',
      path: '/listings/:id/remove',
      summary: 'Remove a room from the list (移出培育库) with the reason; withdraws a pending nomination',
      tag: 'applications',
      roles: ['coordinator'],
      body: removeBody,
    },
    async (req, _res, me) => {
      const l = await cityDecision(req, me);
      const body = parseOr400(removeBody, req.body);
      await client.workflow.getHandle(l.workflowId).executeUpdate(removeListingUpdate, { args: [{ ...body, actor: actorOf(me) }] });
      return db.listing.findUniqueOrThrow({ where: { id: l.id } });
    },
  );
  route(
    r,
    {
      method: 'post',
      path: '/listings/:id/findings',
      summary: 'Record a monitoring finding on a listed room; a serious violation removes it from the list',
      tag: 'applications',
      roles: ['county_officer', 'coordinator'],
      body: findingBody,
    },
    async (req, res, me) => {
      const l = await loadListing(String(req.params.id), me);
      const body = parseOr400(findingBody, req.body);
      await client.workflow.getHandle(l.workflowId).executeUpdate(recordFindingUpdate, { args: [{ ...body, actor: actorOf(me) }] });
      res.status(201);
      return db.listing.findUniqueOrThrow({ where: { id: l.id } });
    },
  );
  return r;
}
