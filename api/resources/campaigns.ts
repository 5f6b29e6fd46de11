// Campaigns and their stages: launch, read, progress, close a stage early, extend a deadline.
import { Router } from 'express';
import { WorkflowUpdateStage, type Client } from '@temporalio/client';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import { PROGRAMMES, type ProgrammeKind } from '../../domain/programmes/index.js';
import { anySettingsInput } from '../../domain/programmes/kinds/index.js';
import { parseDeadline } from '../../domain/time.js';
import { closeStageUpdate, confirmListUpdate, extendStageUpdate } from '../../workflows/messages.js';
import { launchCampaign, prepareLaunch, previewLaunch } from '../campaign-launch.js';
import { previewExtension } from '../extension-preview.js';
import { loadCampaign as loadOne, requireRunner, visibleJurisdictions } from '../campaign-access.js';
import { HttpError, badRequest, conflict, forbidden, notFound, parseOr400 } from '../errors.js';
import { idsFilter, idsWhere, parseList, sendList, textFilter } from '../list.js';
import { caseProgress, overdueByJurisdiction, stageCounts } from '../progress.js';
import { route } from '../routes.js';
import { actorOf, inScope, type Principal } from '../scope.js';

export { actorOf };

const dateText = z.string().trim().max(40);
export const launchBody = z
  .object({
    programme: z.string().max(50),
    year: z.number().int().min(2000).max(9999),
    jurisdictionId: z.string().max(50),
    name: z.string().trim().min(1).max(100).optional(),
    stages: z
      .array(z.object({ key: z.string().max(50), startsAt: dateText.optional(), dueAt: dateText.optional() }).strict())
      .max(20)
      .optional(),
    reminderLeadHours: z.number().min(0).max(720).optional(),
    operatorIds: z.array(z.string().max(50)).min(1).max(10_000).optional(),
    /** The programme kind's own settings (domain/programmes/kinds/<kind>.ts), checked strictly against the programme's kind at launch. */
    settings: anySettingsInput().optional(),
    /** Next year's run of a campaign: its settings are copied unless given. */
    previousCampaignId: z.string().max(100).optional(),
  })
  .strict();
/** How long POST …/close waits for the close to finish before answering 202 (a `Prefer: wait=N` header asks for less). */
const STAGE_CLOSE_WAIT_MS = 20_000;
/** `p`'s outcome, or 'waiting' when it has none after `ms` (it goes on; a rejection after that is dropped). */
async function within<T>(ms: number, p: Promise<T>): Promise<T | 'waiting'> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<'waiting'>((r) => (timer = setTimeout(() => r('waiting'), ms)));
  p.catch(() => undefined);
  return Promise.race([p, waited]).finally(() => clearTimeout(timer));
}
/** RFC 7240's `wait` preference, in ms, never above `max`. */
function preferredWaitMs(prefer: string | undefined, max: number): number {
  const seconds = /(?:^|[,;\s])wait\s*=\s*"?(\d+)/i.exec(prefer ?? '')?.[1];
  return seconds === undefined ? max : Math.min(max, Number(seconds) * 1000);
}
const closeBody = z.object({ reason: z.string().trim().min(1).max(500) }).strict();
const extendBody = z.object({ dueAt: dateText, reason: z.string().trim().min(1).max(500) }).strict();
const previewBody = z.object({ dueAt: dateText }).strict();
const rosterBody = z.object({ threshold: z.number().min(0).max(100).optional(), quota: z.number().int().min(1).max(10_000).optional() }).strict();

export function campaignsRouter(db: PrismaClient, client: Client, taskQueue: string): Router {
  const r = Router();

  // `kind` beside the record's fields: the console picks a campaign's tabs by it, also from a list row
  // (which omits the definition).
  const loadCampaign = async (id: string, me: Principal) => {
    const { def, ...c } = await loadOne(db, id, me);
    return { ...c, kind: def.kind };
  };
  /** A list row's kind, without its definition: a built-in's, else the programme is a defined one (POST /campaigns launches nothing else). */
  const kindOfProgramme = (programme: string): ProgrammeKind => PROGRAMMES[programme]?.kind ?? 'defined';
  /** Campaigns with their stages, in one stage query however many campaigns. */
  async function withStages<T extends { id: string }>(campaigns: T[]) {
    const stages = await db.stage.findMany({ where: { campaignId: { in: campaigns.map((c) => c.id) } }, orderBy: { seq: 'asc' } });
    return campaigns.map((c) => ({ ...c, stages: stages.filter((s) => s.campaignId === c.id) }));
  }
  const withStagesOne = async <T extends { id: string }>(c: T) => (await withStages([c]))[0]!;

  const filter = z.object({
    status: z.enum(['running', 'completed']).optional(),
    programme: z.string().optional(),
    jurisdictionId: z.string().optional(),
    year: z.coerce.number().int().optional(),
    q: textFilter.optional(),
    id: idsFilter.optional(),
  });
  route(r, { method: 'get', path: '/campaigns', summary: 'Campaigns you can see', tag: 'campaigns', list: true }, async (req, res, me) => {
    const p = parseList(req, filter, ['id', 'name', 'year', 'status', 'programme', 'launchedAt', 'jurisdictionId'], ['launchedAt', 'DESC']);
    const f = p.filter;
    const where = {
      jurisdictionId: { in: visibleJurisdictions(me).filter((j) => !f.jurisdictionId || j === f.jurisdictionId) },
      ...(f.status ? { status: f.status } : {}),
      ...(f.programme ? { programme: f.programme } : {}),
      ...(f.year ? { year: f.year } : {}),
      ...(f.q ? { name: { contains: f.q } } : {}),
      ...idsWhere(f.id),
    };
    const [rows, total] = await Promise.all([
      db.campaign.findMany({ where, orderBy: p.orderBy, skip: p.skip, take: p.take, omit: { definition: true } }),
      db.campaign.count({ where }),
    ]);
    sendList(res, 'campaigns', p.skip, await withStages(rows.map((c) => ({ ...c, kind: kindOfProgramme(c.programme) }))), total);
  });

  route(r, { method: 'get', path: '/campaigns/:id', summary: 'One campaign with its stages', tag: 'campaigns' }, async (req, _res, me) =>
    withStagesOne(await loadCampaign(String(req.params.id), me)),
  );

  route(
    r,
    {
      method: 'post',
      path: '/campaigns',
      summary: 'Launch a campaign from a programme (enrols operators, starts the workflow)',
      tag: 'campaigns',
      roles: ['coordinator'],
      body: launchBody,
    },
    async (req, res, me) => {
      const body = parseOr400(launchBody, req.body);
      // The same checks as POST /campaigns/launch-preview (api/campaign-launch.ts).
      const prepared = await prepareLaunch(db, body, me);
      await launchCampaign({
        client,
        db,
        taskQueue,
        definition: prepared.definition,
        actor: actorOf(me),
        operatorIds: body.operatorIds,
        cases: prepared.cases,
      });
      res.status(201);
      return withStagesOne({ ...(await db.campaign.findUniqueOrThrow({ where: { id: prepared.definition.campaignId } })), kind: prepared.definition.kind });
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/campaigns/launch-preview',
      summary:
        'What POST /campaigns would do with this body, changing nothing: the calendar (each stage’s dates) and how many operators it enrols, per jurisdiction; 400/403/409 with the launch’s own reasons',
      tag: 'campaigns',
      roles: ['coordinator'],
      body: launchBody,
    },
    async (req, _res, me) => previewLaunch(db, parseOr400(launchBody, req.body), me),
  );

  route(
    r,
    {
      method: 'get',
      path: '/campaigns/:id/progress',
      summary:
        'Per-stage done/open/overdue task counts, the same in cases (cases: done, open, overdue, awaitingReview), and overdue work by jurisdiction (within your scope)',
      tag: 'campaigns',
    },
    async (req, _res, me) => {
      const c = await loadCampaign(String(req.params.id), me);
      const stages = await db.stage.findMany({ where: { campaignId: c.id }, orderBy: { seq: 'asc' } });
      const [counts, inCases] = await Promise.all([stageCounts(db, [c.id], me.subtree), caseProgress(db, [c.id], me.subtree)]);
      // While a large launch fans out the page answers from the projection: cases started so
      // far against those enrolled, counted campaign-wide (a launch's progress, not anyone's work).
      const started = await db.case.count({ where: { campaignId: c.id } });
      return {
        campaignId: c.id,
        status: c.status,
        currentStage: c.currentStage,
        cases: { enrolled: c.caseCount, started },
        stages: stages.map((s) => ({
          key: s.key,
          name: s.name,
          nameEn: s.nameEn,
          status: s.status,
          startsAt: s.startsAt,
          dueAt: s.dueAt,
          ...counts(c.id, s.key),
          // The same stage in cases, those waiting on a reviewer apart (api/progress.ts caseProgress).
          cases: (({ escalations: _e, tasks: _t, ...x }) => x)(inCases.stage(c.id, s.key)),
        })),
        overdueByJurisdiction: await overdueByJurisdiction(db, c.id, me.subtree),
      };
    },
  );

  async function stageAction(req: { params: Record<string, unknown> }, me: Principal) {
    const c = await loadCampaign(String(req.params.id), me);
    if (!inScope(me, c.jurisdictionId))
      throw forbidden('只有本级统筹人员可以调整阶段', 'only coordinators of the campaign’s jurisdiction can change its stages');
    const stage = await db.stage.findUnique({ where: { campaignId_key: { campaignId: c.id, key: String(req.params.key) } } });
    if (!stage) throw notFound('阶段 stage', String(req.params.key));
    return { c, stage };
  }

  route(
    r,
    {
      method: 'post',
      path: '/campaigns/:id/stages/:key/close',
      summary:
        'Close an open stage early (reason required; open work becomes overdue and is escalated); 200 with the closed stage, or 202 with `closing: true` when closing outlasts 20 s (or `Prefer: wait=N`); 503 when the campaign has not taken the close within 20 s',
      tag: 'campaigns',
      roles: ['coordinator'],
      body: closeBody,
    },
    async (req, res, me) => {
      const { c, stage } = await stageAction(req, me);
      const body = parseOr400(closeBody, req.body);
      // Closing marks every open task of the stage overdue and tells every case: for a stage of ten
      // thousand applications that outlasts any HTTP timeout. Once the campaign has accepted the close it
      // happens whatever becomes of this request, so after a bounded wait the answer is 202 with the stage
      // as it stands (`closing: true`), and the stage's status tells when it is done.
      // The campaign's acceptance is waited for first: behind a close of thousands of cases a worker may
      // take minutes to run the campaign's validator. Not accepted within 20 s, the answer is 503 (nothing
      // acknowledged: asked again, the close is done once, or refused as already under way).
      const accepted = await within(
        STAGE_CLOSE_WAIT_MS,
        client.workflow.getHandle(c.workflowId).startUpdate(closeStageUpdate, {
          args: [{ stageKey: stage.key, reason: body.reason, actor: actorOf(me) }],
          waitForStage: WorkflowUpdateStage.ACCEPTED,
        }),
      );
      if (accepted === 'waiting')
        throw new HttpError(
          503,
          'busy',
          '流程服务繁忙，结束阶段的请求尚未受理；请稍后刷新查看，必要时再试',
          'the workflow service is busy and has not yet taken the close: reload later, and try again if need be',
        );
      const outcome = await within(
        preferredWaitMs(req.get('prefer'), STAGE_CLOSE_WAIT_MS),
        accepted.result().then(
          () => true as const,
          (e: unknown) => e,
        ),
      );
      if (outcome !== true && outcome !== 'waiting') throw outcome;
      const row = await db.stage.findUniqueOrThrow({ where: { id: stage.id } });
      if (outcome === true) return row;
      res.status(202);
      return { ...row, closing: true };
    },
  );

  /** A new deadline as the coordinator wrote it: a bare date is the end of that day (Asia/Shanghai), and in the future. */
  function newDeadline(text: string): number {
    const dueAt = parseDeadline(text);
    if (dueAt === undefined)
      throw badRequest(`截止时间无效：${text}`, `invalid deadline ${text} (YYYY-MM-DD or ISO 8601 with zone)`, [
        { path: 'dueAt', messageZh: '日期格式无效', messageEn: 'invalid date' },
      ]);
    if (dueAt <= Date.now())
      throw badRequest('新的截止时间必须在将来', 'the new deadline must be in the future', [
        { path: 'dueAt', messageZh: '必须晚于当前时间', messageEn: 'must be in the future' },
      ]);
    return dueAt;
  }

  route(
    r,
    {
      method: 'post',
      path: '/campaigns/:id/stages/:key/extend',
      summary: 'Extend a stage deadline (reason required; later stages it reaches move by as much, their open tasks with them; a pinned date is never moved)',
      tag: 'campaigns',
      roles: ['coordinator'],
      body: extendBody,
    },
    async (req, _res, me) => {
      const { c, stage } = await stageAction(req, me);
      const body = parseOr400(extendBody, req.body);
      const dueAt = newDeadline(body.dueAt);
      await client.workflow
        .getHandle(c.workflowId)
        .executeUpdate(extendStageUpdate, { args: [{ stageKey: stage.key, dueAt, reason: body.reason, actor: actorOf(me) }] });
      return db.stage.findUniqueOrThrow({ where: { id: stage.id } });
    },
  );

  // The coordinator sees the calendar an extension gives before confirming it: nothing changes here.
  route(
    r,
    {
      method: 'post',
      path: '/campaigns/:id/stages/:key/extension-preview',
      summary:
        'Preview an extension: every stage’s dates before and after, and the open tasks that move (refused as the extension would be: a pinned date with the latest deadline allowed)',
      tag: 'campaigns',
      roles: ['coordinator'],
      body: previewBody,
    },
    async (req, _res, me) => {
      const { stage } = await stageAction(req, me);
      const body = parseOr400(previewBody, req.body);
      const dueAt = newDeadline(body.dueAt);
      return previewExtension(db, await loadOne(db, stage.campaignId, me), stage.key, dueAt);
    },
  );

  // A defined programme's roster: by the definition's threshold and/or quota unless given,
  // once the rubric stage has closed or every rubric task is done (the campaign workflow decides).
  route(
    r,
    {
      method: 'post',
      path: '/campaigns/:id/roster',
      summary: 'Confirm the roster of a campaign of a defined programme (threshold and/or quota; ties at the quota all go in)',
      tag: 'campaigns',
      roles: ['coordinator'],
      body: rosterBody,
    },
    async (req, res, me) => {
      const c = await loadOne(db, String(req.params.id), me);
      requireRunner(me, c);
      const body = parseOr400(rosterBody, req.body);
      if (c.def.kind !== 'defined')
        throw conflict(
          '本活动的项目不是自定义项目，没有此名单 / 请使用该项目的名单功能',
          'this campaign’s programme is not a defined one: use its own list or award routes',
        );
      const threshold = body.threshold ?? (body.quota === undefined ? c.def.settings.listThreshold : undefined);
      const quota = body.quota ?? (body.threshold === undefined ? c.def.settings.listQuota : undefined);
      const out = await client.workflow.getHandle(c.workflowId).executeUpdate(confirmListUpdate, { args: [{ threshold, quota, actor: actorOf(me) }] });
      res.status(201);
      return db.roster.findUniqueOrThrow({ where: { id: out.rosterId } });
    },
  );

  const stageFilter = z.object({ campaignId: z.string().optional(), status: z.enum(['pending', 'open', 'closed']).optional() });
  route(r, { method: 'get', path: '/stages', summary: 'Stages of campaigns you can see', tag: 'campaigns', list: true }, async (req, res, me) => {
    const p = parseList(req, stageFilter, ['seq', 'dueAt', 'startsAt', 'status', 'campaignId'], ['seq', 'ASC']);
    const visible = (await db.campaign.findMany({ where: { jurisdictionId: { in: visibleJurisdictions(me) } }, select: { id: true } })).map((x) => x.id);
    const where = {
      campaignId: { in: visible.filter((id) => !p.filter.campaignId || id === p.filter.campaignId) },
      ...(p.filter.status ? { status: p.filter.status } : {}),
    };
    const [rows, total] = await Promise.all([db.stage.findMany({ where, orderBy: p.orderBy, skip: p.skip, take: p.take }), db.stage.count({ where })]);
    sendList(res, 'stages', p.skip, rows, total);
  });
  route(r, { method: 'get', path: '/stages/:id', summary: 'One stage', tag: 'campaigns' }, async (req, _res, me) => {
    const s = await db.stage.findUnique({ where: { id: String(req.params.id) } });
    if (!s) throw notFound('阶段 stage', String(req.params.id));
    await loadCampaign(s.campaignId, me);
    return s;
  });
  return r;
}
