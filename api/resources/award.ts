// The award end of a campaign: the 公示 list and objections to it, the final award, titles (revocation,
// complaints) and roster publications (公示, award, 红黑榜) with CSV exports.
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { csvDocument } from '../csv-export.js';
import { KIND_NAMES } from '../public/rosters.js';
import { sendXlsx, xlsxDocument, type SheetColumn } from '../spreadsheet.js';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import type { RosterEntry } from '../../activities/award.js';
import { PROGRAMMES, type StagedAwardProgramme } from '../../domain/programmes/index.js';
import {
  awardProgressQuery,
  finalizeAwardUpdate,
  lodgeObjectionUpdate,
  publishPublicityUpdate,
  republishPublicityUpdate,
  reportComplaintUpdate,
  resolveObjectionUpdate,
  revokeTitleUpdate,
} from '../../workflows/messages.js';
import { definitionOfKind, loadCampaign, requireRunner, visibleJurisdictions } from '../campaign-access.js';
import { conflict, forbidden, notFound, parseOr400 } from '../errors.js';
import { idsFilter, idsWhere, parseList, sendList } from '../list.js';
import { publishRedOrBlack, rosterPublishing } from '../../activities/roster-publication.js';
import { route } from '../routes.js';
import { withOperatorNames } from '../operator-names.js';
import { checkEvidence } from '../evidence.js';
import { MAX_TASK_FILES } from '../../domain/evidence.js';
import { inScope, type Principal } from '../scope.js';
import { actorOf } from './campaigns.js';
import { recordObjectionDetails } from '../public/objections.js';
import { userNames } from '../user-names.js';
import { newObjectionReference, normalizeReference } from '../public/reference.js';
import { publicityWindow, publicityWindowEnd, republishBody } from '../publicity-window.js';

const text = (max: number) => z.string().trim().min(1).max(max);
// Whom to reply to, when the objector gave it (a letter's sender, a caller's number): kept for staff only.
const objectionBody = z
  .object({ caseId: text(200), source: text(200), content: text(2000), contactName: text(50).optional(), contact: text(100).optional() })
  .strict();
const resolveBody = z.object({ decision: z.enum(['upheld', 'dismissed']), resolution: text(2000) }).strict();
// The revocation's evidence in words, and files (photos, PDFs from POST /attachments) bound to the title's case.
const revokeBody = z
  .object({
    ground: text(50),
    evidence: text(4000),
    attachmentIds: z.array(z.string().uuid()).max(MAX_TASK_FILES, `最多 ${MAX_TASK_FILES} 个文件 / at most ${MAX_TASK_FILES} files`).optional(),
  })
  .strict();
const complaintBody = z.object({ kind: z.enum(['complaint', 'public_opinion']), description: text(4000) }).strict();
const rosterBody = z.object({ kind: z.enum(['red', 'black']) }).strict();

export function awardRouter(db: PrismaClient, client: Client): Router {
  const r = Router();
  /** A staged award's campaign (公示, objections, the award and its lists belong to that kind), run by this coordinator. */
  const runCampaign = async (id: string, me: Principal) => {
    const c = await loadCampaign(db, id, me);
    requireRunner(me, c);
    return { ...c, def: definitionOfKind(c, 'staged_award') };
  };

  route(
    r,
    { method: 'get', path: '/campaigns/:id/award', summary: 'Where the award stands: the 公示 window, objections, the final list, titles', tag: 'award' },
    async (req, _res, me) => {
      const loaded = await loadCampaign(db, String(req.params.id), me);
      const c = { ...loaded, def: definitionOfKind(loaded, 'staged_award') };
      const [rosters, objections, titles, proposed, scored] = await Promise.all([
        db.roster.findMany({ where: { campaignId: c.id, kind: { in: ['publicity', 'award'] } }, orderBy: { seq: 'desc' }, omit: { entries: true } }),
        db.objection.groupBy({ by: ['status'], where: { campaignId: c.id }, _count: { _all: true } }),
        db.title.groupBy({ by: ['status'], where: { campaignId: c.id }, _count: { _all: true } }),
        db.case.count({ where: { campaignId: c.id, proposed: true } }),
        db.case.count({ where: { campaignId: c.id, totalScore: { not: null } } }),
      ]);
      return {
        campaignId: c.id,
        threshold: c.def.settings.awardThreshold,
        titleValidity: c.def.settings.titleValidity,
        publicityDays: c.def.settings.publicityDays,
        scored,
        proposed,
        publicity: rosters.find((x) => x.kind === 'publicity') ?? null,
        award: rosters.find((x) => x.kind === 'award') ?? null,
        objections: Object.fromEntries(objections.map((o) => [o.status, o._count._all])),
        titles: Object.fromEntries(titles.map((t) => [t.status, t._count._all])),
        rosterPublishing: await rosterPublishing(db, c),
      };
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/campaigns/:id/publicity',
      summary: 'Publish the 公示 list (cases at or above the threshold) for `days` (default: the campaign setting) or until `windowEndsAt`',
      tag: 'award',
      roles: ['coordinator'],
      body: publicityWindow,
    },
    async (req, res, me) => {
      const c = await runCampaign(String(req.params.id), me);
      // N days of publicity: until the end of the N-th day from today (Asia/Shanghai).
      const windowEndsAt = publicityWindowEnd(parseOr400(publicityWindow, req.body), c.def.settings.publicityDays);
      const p = await client.workflow.getHandle(c.workflowId).executeUpdate(publishPublicityUpdate, { args: [{ windowEndsAt, actor: actorOf(me) }] });
      res.status(201);
      return db.roster.findUniqueOrThrow({ where: { id: p.rosterId } });
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/campaigns/:id/publicity/republish',
      summary:
        'Publish a new 公示 that supersedes the published one, with a reason, for `days` (default: the campaign setting) or until `windowEndsAt`: after a score corrected since the 公示, while the award is not final',
      tag: 'award',
      roles: ['coordinator'],
      body: republishBody,
    },
    async (req, res, me) => {
      const c = await runCampaign(String(req.params.id), me);
      const { reason, ...window } = parseOr400(republishBody, req.body);
      const windowEndsAt = publicityWindowEnd(window, c.def.settings.publicityDays);
      // The campaign decides (workflows/kinds/staged-award.ts): refused before the first 公示 and once final.
      const p = await client.workflow.getHandle(c.workflowId).executeUpdate(republishPublicityUpdate, { args: [{ windowEndsAt, actor: actorOf(me), reason }] });
      res.status(201);
      return db.roster.findUniqueOrThrow({ where: { id: p.rosterId } });
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/campaigns/:id/objections',
      summary: 'Record an objection (异议) to a case on the 公示 list, during the window',
      tag: 'award',
      roles: ['coordinator'],
      body: objectionBody,
    },
    async (req, res, me) => {
      const c = await runCampaign(String(req.params.id), me);
      const { contactName, contact, ...body } = parseOr400(objectionBody, req.body);
      const { objectionId } = await client.workflow.getHandle(c.workflowId).executeUpdate(lodgeObjectionUpdate, { args: [{ ...body, actor: actorOf(me) }] });
      // Every objection has a reference number its lodger can look the outcome up by (api/public/reference.ts).
      const reference = await newObjectionReference(db);
      res.status(201);
      return recordObjectionDetails(db, objectionId, actorOf(me), { reference, contactName: contactName ?? null, contact: contact ?? null });
    },
  );

  const objectionFilter = z.object({
    campaignId: z.string().optional(),
    caseId: z.string().optional(),
    status: z.enum(['open', 'upheld', 'dismissed']).optional(),
    // A caller quoting the number the public page gave them.
    reference: z.string().max(40).transform(normalizeReference).optional(),
    source: z.string().max(200).optional(),
    id: idsFilter.optional(),
  });
  route(r, { method: 'get', path: '/objections', summary: 'Objections to 公示 lists within your scope', tag: 'award', list: true }, async (req, res, me) => {
    const p = parseList(req, objectionFilter, ['id', 'lodgedAt', 'status', 'resolvedAt'], ['lodgedAt', 'DESC']);
    const f = p.filter;
    const where = {
      jurisdictionId: { in: me.subtree },
      ...(f.campaignId ? { campaignId: f.campaignId } : {}),
      ...(f.caseId ? { caseId: f.caseId } : {}),
      ...(f.status ? { status: f.status } : {}),
      ...(f.reference ? { reference: f.reference } : {}),
      ...(f.source ? { source: f.source } : {}),
      ...idsWhere(f.id),
    };
    const [rows, total] = await Promise.all([db.objection.findMany({ where, orderBy: p.orderBy, skip: p.skip, take: p.take }), db.objection.count({ where })]);
    sendList(res, 'objections', p.skip, await withPeople(rows), total);
  });
  const loadObjection = async (id: string, me: Principal) => {
    const o = await db.objection.findUnique({ where: { id } });
    if (!o) throw notFound('异议 objection', id);
    if (!inScope(me, o.jurisdictionId)) throw forbidden();
    return o;
  };
  /** Who lodged and who resolved each objection, by name. */
  const withPeople = async <T extends { lodgedById: string | null; resolvedById: string | null }>(rows: T[]) => {
    const nameOf = await userNames(
      db,
      rows.flatMap((o) => [o.lodgedById, o.resolvedById]),
    );
    return rows.map((o) => ({ ...o, lodgedByName: nameOf(o.lodgedById), resolvedByName: nameOf(o.resolvedById) }));
  };
  route(
    r,
    { method: 'get', path: '/objections/:id', summary: 'One objection', tag: 'award' },
    async (req, _res, me) => (await withPeople([await loadObjection(String(req.params.id), me)]))[0],
  );
  route(
    r,
    {
      method: 'post',
      path: '/objections/:id/resolve',
      summary: 'Resolve an objection: upheld (the case leaves the list, with the reason) or dismissed',
      tag: 'award',
      roles: ['coordinator'],
      body: resolveBody,
    },
    async (req, _res, me) => {
      const o = await loadObjection(String(req.params.id), me);
      const c = await runCampaign(o.campaignId, me);
      const body = parseOr400(resolveBody, req.body);
      await client.workflow.getHandle(c.workflowId).executeUpdate(resolveObjectionUpdate, { args: [{ objectionId: o.id, ...body, actor: actorOf(me) }] });
      return db.objection.findUniqueOrThrow({ where: { id: o.id } });
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/campaigns/:id/award',
      summary: 'Make the list final once the 公示 window is over and every objection is resolved: grants the titles',
      tag: 'award',
      roles: ['coordinator'],
    },
    async (req, res, me) => {
      const c = await runCampaign(String(req.params.id), me);
      const out = await client.workflow.getHandle(c.workflowId).executeUpdate(finalizeAwardUpdate, { args: [{ actor: actorOf(me) }] });
      res.status(201);
      return { ...out, award: await client.workflow.getHandle(c.workflowId).query(awardProgressQuery) };
    },
  );

  // Titles
  const titleFilter = z.object({
    campaignId: z.string().optional(),
    status: z.enum(['active', 'revoked', 'expired']).optional(),
    jurisdictionId: z.string().optional(),
    operatorId: z.string().optional(),
    id: idsFilter.optional(),
  });
  const withNames = async <T extends { operatorId: string; campaignId: string; revokedById: string | null }>(rows: T[]) => {
    const camps = await db.campaign.findMany({ where: { id: { in: rows.map((t) => t.campaignId) } }, select: { id: true, name: true } });
    const nameOf = await userNames(
      db,
      rows.map((t) => t.revokedById),
    );
    return (await withOperatorNames(db, rows)).map((t) => ({
      ...t,
      campaignName: camps.find((x) => x.id === t.campaignId)?.name,
      revokedByName: nameOf(t.revokedById),
    }));
  };
  route(
    r,
    { method: 'get', path: '/titles', summary: 'Granted titles within your scope (active, revoked, expired)', tag: 'titles', list: true },
    async (req, res, me) => {
      const p = parseList(req, titleFilter, ['id', 'grantedAt', 'expiresAt', 'status', 'totalScore'], ['expiresAt', 'ASC']);
      const f = p.filter;
      const where = {
        jurisdictionId: { in: me.subtree.filter((j) => !f.jurisdictionId || j === f.jurisdictionId) },
        ...(f.campaignId ? { campaignId: f.campaignId } : {}),
        ...(f.status ? { status: f.status } : {}),
        ...(f.operatorId ? { operatorId: f.operatorId } : {}),
        ...idsWhere(f.id),
      };
      const [rows, total] = await Promise.all([db.title.findMany({ where, orderBy: p.orderBy, skip: p.skip, take: p.take }), db.title.count({ where })]);
      sendList(res, 'titles', p.skip, await withNames(rows), total);
    },
  );
  const loadTitle = async (id: string, me: Principal) => {
    const t = await db.title.findUnique({ where: { id } });
    if (!t) throw notFound('称号 title', id);
    if (!inScope(me, t.jurisdictionId)) throw forbidden('该称号不属于您的辖区', 'this title is outside your jurisdiction');
    return t;
  };
  route(r, { method: 'get', path: '/titles/:id', summary: 'One title, with the grounds it can be revoked on', tag: 'titles' }, async (req, _res, me) => {
    const t = (await withNames([await loadTitle(String(req.params.id), me)]))[0]!;
    const c = await loadCampaign(db, t.campaignId, me).catch(() => undefined);
    // Titles come from staged awards only; one whose campaign is out of view shows Changxing's grounds.
    return {
      ...t,
      revocationGrounds: c?.def.kind === 'staged_award' ? c.def.rules.revocationGrounds : (PROGRAMMES.changxing as StagedAwardProgramme).revocationGrounds,
    };
  });
  route(
    r,
    {
      method: 'post',
      path: '/titles/:id/revoke',
      summary: 'Revoke a title at once on one of the notice’s six grounds, with evidence',
      tag: 'titles',
      roles: ['county_officer', 'coordinator'],
      body: revokeBody,
    },
    async (req, _res, me) => {
      const t = await loadTitle(String(req.params.id), me);
      const { attachmentIds = [], ...body } = parseOr400(revokeBody, req.body);
      if (t.status !== 'active') throw conflict(`称号已${t.status === 'revoked' ? '撤销' : '到期'}`, `the title is already ${t.status}`);
      // Files are checked before the workflow decides, and bound in the revocation's own transaction
      // (activities/award.ts endTitle): a revocation never stands without its files.
      const actor = actorOf(me);
      await checkEvidence(
        db,
        t.caseId,
        actor,
        attachmentIds.map((id, i) => ({ id, path: `attachmentIds.${i}` })),
      );
      await client.workflow
        .getHandle(t.workflowId)
        .executeUpdate(revokeTitleUpdate, { args: [{ ...body, ...(attachmentIds.length ? { attachmentIds } : {}), actor }] });
      return (await withNames([await db.title.findUniqueOrThrow({ where: { id: t.id } })]))[0];
    },
  );
  route(
    r,
    {
      method: 'post',
      path: '/titles/:id/complaints',
      summary: 'Record a complaint or negative public opinion on a titled operator: opens an interview task with a rectification deadline',
      tag: 'titles',
      roles: ['county_officer', 'coordinator'],
      body: complaintBody,
    },
    async (req, res, me) => {
      const t = await loadTitle(String(req.params.id), me);
      const body = parseOr400(complaintBody, req.body);
      if (t.status !== 'active') throw conflict(`称号已${t.status === 'revoked' ? '撤销' : '到期'}`, `the title is already ${t.status}`);
      const { taskId } = await client.workflow.getHandle(t.workflowId).executeUpdate(reportComplaintUpdate, { args: [{ ...body, actor: actorOf(me) }] });
      res.status(201);
      return db.task.findUniqueOrThrow({ where: { id: taskId } });
    },
  );

  // Rosters: dated, immutable publications; the newest of a kind supersedes the older ones.
  const rosterFilter = z.object({
    campaignId: z.string().optional(),
    kind: z.enum(['publicity', 'award', 'red', 'black', 'cultivation', 'list', 'inspection']).optional(),
    id: idsFilter.optional(),
  });
  const visibleCampaignIds = async (me: Principal) =>
    (await db.campaign.findMany({ where: { jurisdictionId: { in: visibleJurisdictions(me) } }, select: { id: true } })).map((x) => x.id);
  const withSuperseded = async <T extends { campaignId: string; kind: string; seq: number }>(rows: T[]) => {
    const latest = await db.roster.groupBy({ by: ['campaignId', 'kind'], where: { campaignId: { in: rows.map((x) => x.campaignId) } }, _max: { seq: true } });
    return rows.map((x) => ({ ...x, superseded: (latest.find((l) => l.campaignId === x.campaignId && l.kind === x.kind)?._max.seq ?? x.seq) > x.seq }));
  };
  route(
    r,
    { method: 'get', path: '/rosters', summary: 'Published rosters (公示, award, red and black lists) of campaigns you can see', tag: 'rosters', list: true },
    async (req, res, me) => {
      const p = parseList(req, rosterFilter, ['id', 'publishedAt', 'kind', 'seq'], ['publishedAt', 'DESC']);
      const f = p.filter;
      const visible = await visibleCampaignIds(me);
      const where = {
        campaignId: { in: visible.filter((id) => !f.campaignId || id === f.campaignId) },
        ...(f.kind ? { kind: f.kind } : {}),
        ...idsWhere(f.id),
      };
      const [rows, total] = await Promise.all([db.roster.findMany({ where, orderBy: p.orderBy, skip: p.skip, take: p.take }), db.roster.count({ where })]);
      sendList(res, 'rosters', p.skip, await withSuperseded(rows), total);
    },
  );
  const loadRoster = async (id: string, me: Principal) => {
    const x = await db.roster.findUnique({ where: { id } });
    if (!x) throw notFound('名单 roster', id);
    await loadCampaign(db, x.campaignId, me);
    return (await withSuperseded([x]))[0]!;
  };
  route(r, { method: 'get', path: '/rosters/:id', summary: 'One roster publication with its entries', tag: 'rosters' }, async (req, _res, me) =>
    loadRoster(String(req.params.id), me),
  );
  /** A roster's lines as its CSV and its workbook show them. */
  const rosterTable = (x: { entries: unknown }): { columns: SheetColumn[]; rows: unknown[][] } => ({
    columns: [
      { header: '序号', type: 'number', width: 6 },
      { header: '经营主体', width: 36 },
      { header: '统一社会信用代码', width: 22 },
      { header: '辖区', width: 18 },
      { header: '赛道' },
      { header: '总分', type: 'number' },
      { header: '依据/说明', width: 30 },
      { header: '日期', type: 'day', width: 12 },
    ],
    rows: (x.entries as RosterEntry[]).map((e, i) => [
      i + 1,
      e.operatorName,
      e.uscc,
      e.jurisdictionName,
      e.track ?? '',
      e.totalScore ?? '',
      e.groundName ?? e.ground ?? '',
      e.since ?? '',
    ]),
  });
  route(r, { method: 'get', path: '/rosters/:id/csv', summary: 'A roster as CSV (UTF-8 with BOM, opens in Excel)', tag: 'rosters' }, async (req, res, me) => {
    const x = await loadRoster(String(req.params.id), me);
    const t = rosterTable(x);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${x.id}.csv`)}`);
    res.send(csvDocument([t.columns.map((c) => c.header), ...t.rows]));
  });
  route(r, { method: 'get', path: '/rosters/:id/xlsx', summary: 'A roster as an Excel workbook (.xlsx)', tag: 'rosters' }, async (req, res, me) => {
    const x = await loadRoster(String(req.params.id), me);
    const name = `${KIND_NAMES[x.kind as keyof typeof KIND_NAMES]?.zh ?? '名单'} 第${x.seq}期`;
    sendXlsx(res, `${x.id}.xlsx`, await xlsxDocument([{ name, ...rosterTable(x) }]));
  });

  // 红黑榜 (四、工作要求（三）): red = titles in force; black = titles revoked and cases filed, each with its ground.
  route(
    r,
    {
      method: 'post',
      path: '/campaigns/:id/rosters',
      summary:
        'Publish the red list (titles in force) or the black list (revoked titles, filed cases) as of now; 409 when the programme does not allow it now (once the award is final; Changxing also while 总结提升 is open; GET /campaigns/:id/award rosterPublishing says which) or when the entries are those of the current list of that kind',
      tag: 'rosters',
      roles: ['coordinator'],
      body: rosterBody,
    },
    async (req, res, me) => {
      const c = await runCampaign(String(req.params.id), me);
      const { kind } = parseOr400(rosterBody, req.body);
      const when = await rosterPublishing(db, c);
      if (!when.allowed) throw conflict(when.messageZh, when.messageEn);
      const out = await publishRedOrBlack(db, c, kind, actorOf(me));
      if ('refusal' in out) throw conflict(out.refusal.zh, out.refusal.en);
      res.status(201);
      return (await withSuperseded([out.roster]))[0];
    },
  );
  return r;
}
