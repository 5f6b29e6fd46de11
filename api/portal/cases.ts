// The operators' portal (经营主体服务门户): an operator follows its own cases (stages, tasks, decisions given
// to it, score once published, title, listing) and does the tasks assigned to it. Everything loads through
// api/portal/own.ts, so another operator's case or task is 403 whatever the route.
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { OPERATOR_KINDS } from '../../domain/register.js';
import { OPERATOR_ROLE, type Actor } from '../../domain/roles.js';
import { loadProgramme } from '../programmes.js';
import { completeTask, completionAnswer, prefersAsync, submissionState } from '../task-completion.js';
import { forbidden } from '../errors.js';
import { idsFilter, idsWhere, parseList, sendList } from '../list.js';
import { route } from '../routes.js';
import type { Principal } from '../scope.js';
import { operatorOf, ownCase, ownTask } from './own.js';
import { CASE_DECISIONS, resultSummary, stepText, taskTypeName } from './readable.js';

const OPERATOR_ONLY = [OPERATOR_ROLE] as const;

/** A task's title without the operator's own name (the workflows write "自查自纠：<operator>"). */
const ownTitle = (title: string, operatorName: string) => (title.endsWith(`：${operatorName}`) ? title.slice(0, -operatorName.length - 1) : title);

const taskFilter = z.object({ status: z.enum(['open', 'done']).optional(), caseId: z.string().max(300).optional(), id: idsFilter.optional() });

export function portalCasesRouter(db: PrismaClient, client: Client, taskQueue: string): Router {
  const r = Router();
  const programmeNames = new Map<string, { zh: string; en: string }>();
  async function programmeName(id: string) {
    if (!programmeNames.has(id)) {
      const p = await loadProgramme(db, id);
      programmeNames.set(id, p ? { zh: p.programme.name, en: p.programme.nameEn } : { zh: id, en: id });
    }
    return programmeNames.get(id)!;
  }
  /** What the case list and the case page both say of a case first: its campaign, programme, year and status. */
  const caseHead = async (c: Prisma.CaseGetPayload<object>, k: Prisma.CampaignGetPayload<object>) => ({
    id: c.id,
    campaignId: k.id,
    campaignName: k.name,
    programme: k.programme,
    programmeName: await programmeName(k.programme),
    year: k.year,
    status: c.status,
  });
  const operatorName = async (me: Principal) => (await db.operator.findUniqueOrThrow({ where: { id: operatorOf(me) }, select: { name: true } })).name;

  /** An operator's task as its phone shows it: readable kind and title, its case's campaign, due date. */
  async function shownTasks(me: Principal, rows: Prisma.TaskGetPayload<object>[]) {
    const name = await operatorName(me);
    const campaigns = new Map(
      (await db.campaign.findMany({ where: { id: { in: [...new Set(rows.map((t) => t.campaignId))] } }, select: { id: true, name: true } })).map((c) => [
        c.id,
        c.name,
      ]),
    );
    return rows.map((t) => ({
      id: t.id,
      caseId: t.caseId,
      campaignId: t.campaignId,
      campaignName: campaigns.get(t.campaignId) ?? t.campaignId,
      type: t.type,
      typeName: taskTypeName(t.type),
      title: ownTitle(t.title, name),
      status: t.status,
      overdue: t.overdue,
      dueAt: t.dueAt,
      createdAt: t.createdAt,
      completedAt: t.completedAt,
      // The operator's own task: its form (details) and what it submitted; another's: the outcome only.
      ...(t.assigneeRole === OPERATOR_ROLE ? { mine: true, details: t.details, result: t.result } : { mine: false }),
      resultSummary: t.status === 'done' ? resultSummary(t.type, t.result) : null,
    }));
  }

  route(
    r,
    { method: 'get', path: '/portal/me', summary: 'The signed-in operator: name, USCC, kind, jurisdiction', tag: 'portal', roles: OPERATOR_ONLY },
    async (_req, _res, me) => {
      const o = await db.operator.findUniqueOrThrow({ where: { id: operatorOf(me) } });
      const j = await db.jurisdiction.findUnique({ where: { id: o.jurisdictionId }, select: { name: true } });
      const kind = OPERATOR_KINDS.find((k) => k.key === o.kind);
      return {
        id: o.id,
        name: o.name,
        uscc: o.uscc,
        kind: o.kind,
        kindName: kind ? { zh: kind.name, en: kind.nameEn } : { zh: o.kind, en: o.kind },
        track: o.track,
        jurisdictionId: o.jurisdictionId,
        jurisdictionName: j?.name ?? o.jurisdictionId,
        username: me.username,
      };
    },
  );

  route(
    r,
    {
      method: 'get',
      path: '/portal/cases',
      summary: 'The operator’s own cases, newest first: campaign, programme, current stage and step in words',
      tag: 'portal',
      roles: OPERATOR_ONLY,
    },
    async (_req, _res, me) => {
      const cases = await db.case.findMany({ where: { operatorId: operatorOf(me) }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: 200 });
      const campaigns = await db.campaign.findMany({ where: { id: { in: [...new Set(cases.map((c) => c.campaignId))] } } });
      const stages = await db.stage.findMany({ where: { campaignId: { in: campaigns.map((c) => c.id) } } });
      const openTasks = await db.task.groupBy({
        by: ['caseId'],
        where: { caseId: { in: cases.map((c) => c.id) }, status: 'open', assigneeRole: OPERATOR_ROLE },
        _count: { _all: true },
      });
      return Promise.all(
        cases.map(async (c) => {
          const k = campaigns.find((x) => x.id === c.campaignId)!;
          const stage = stages.find((s) => s.campaignId === k.id && s.key === k.currentStage);
          return {
            ...(await caseHead(c, k)),
            currentStage: stage
              ? { key: stage.key, name: stage.name, nameEn: stage.nameEn, startsAt: stage.startsAt, dueAt: stage.dueAt, status: stage.status }
              : null,
            currentStep: stepText(c.currentStep),
            openTasks: openTasks.find((t) => t.caseId === c.id)?._count._all ?? 0,
            updatedAt: c.updatedAt,
          };
        }),
      );
    },
  );

  route(
    r,
    {
      method: 'get',
      path: '/portal/cases/:id',
      summary: 'One of the operator’s own cases: stages, tasks, the decisions given to it, score once published, title, listing',
      tag: 'portal',
      roles: OPERATOR_ONLY,
    },
    async (req, _res, me) => {
      const c = await ownCase(db, me, String(req.params.id));
      const k = await db.campaign.findUniqueOrThrow({ where: { id: c.campaignId } });
      const [stages, tasks, title, listing, published] = await Promise.all([
        db.stage.findMany({ where: { campaignId: k.id }, orderBy: { seq: 'asc' } }),
        // The office's own workings (overdue escalations) are not the operator's business.
        db.task.findMany({
          where: { caseId: c.id, type: { not: 'escalation' }, status: { in: ['open', 'done'] } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        }),
        db.title.findUnique({ where: { caseId: c.id } }),
        db.listing.findUnique({ where: { caseId: c.id } }),
        // Scores are the operator's once the list is out for public scrutiny (公示) or final.
        db.roster.findFirst({ where: { campaignId: k.id, kind: { in: ['publicity', 'award', 'cultivation'] } }, select: { id: true } }),
      ]);
      const trail = await db.auditEvent.findMany({
        where: {
          OR: [
            { entityType: 'case', entityId: c.id, action: { in: Object.keys(CASE_DECISIONS) } },
            { entityType: 'title', entityId: c.id, action: { in: Object.keys(CASE_DECISIONS) } },
            { entityType: 'task', entityId: { in: tasks.map((t) => t.id) }, action: 'task.completed' },
          ],
        },
        orderBy: { id: 'asc' },
        take: 500,
      });
      const shown = await shownTasks(me, tasks);
      const parts = Array.isArray(c.scoreParts) ? (c.scoreParts as { dimension: string; name: string; score: number; weight: number }[]) : [];
      return {
        ...(await caseHead(c, k)),
        currentStep: stepText(c.currentStep),
        stages: stages.map((s) => ({
          key: s.key,
          name: s.name,
          nameEn: s.nameEn,
          startsAt: s.startsAt,
          dueAt: s.dueAt,
          status: s.status,
          current: s.key === k.currentStage,
        })),
        tasks: shown,
        decisions: trail.map((e) => {
          const task = e.entityType === 'task' ? shown.find((t) => t.id === e.entityId) : undefined;
          const data = (e.data ?? {}) as { onBehalfOf?: { operatorName: string } };
          return {
            id: e.id,
            at: e.at,
            action: e.action,
            what: task
              ? { zh: `${task.typeName.zh}：${task.resultSummary?.zh ?? '已办结'}`, en: `${task.typeName.en}: ${task.resultSummary?.en ?? 'done'}` }
              : CASE_DECISIONS[e.action],
            reason: e.reason,
            clause: e.clause,
            byOperator: e.actorRole === OPERATOR_ROLE,
            onBehalfOf: !!data.onBehalfOf,
          };
        }),
        score:
          published && c.totalScore != null
            ? { total: c.totalScore, parts: parts.map((p) => ({ dimension: p.dimension, name: p.name, score: p.score, weight: p.weight })) }
            : null,
        excluded: c.excludedKind ? { kind: c.excludedKind, reason: c.excludedReason } : null,
        title: title
          ? { status: title.status, grantedAt: title.grantedAt, expiresAt: title.expiresAt, endedAt: title.endedAt, totalScore: title.totalScore }
          : null,
        listing: listing
          ? { status: listing.status, rank: listing.rank, listedAt: listing.listedAt, nomination: listing.nomination, removedAt: listing.removedAt }
          : null,
      };
    },
  );

  route(
    r,
    {
      method: 'get',
      path: '/portal/tasks',
      summary: 'The operator’s own tasks (open by default; filter status, caseId), earliest due first',
      tag: 'portal',
      roles: OPERATOR_ONLY,
      list: true,
    },
    async (req, res, me) => {
      const p = parseList(req, taskFilter, ['dueAt', 'createdAt', 'id'], ['dueAt', 'ASC']);
      const cases = (await db.case.findMany({ where: { operatorId: operatorOf(me) }, select: { id: true } })).map((c) => c.id);
      const where: Prisma.TaskWhereInput = {
        caseId: { in: p.filter.caseId ? cases.filter((c) => c === p.filter.caseId) : cases },
        assigneeRole: OPERATOR_ROLE,
        status: p.filter.status ?? 'open',
        ...idsWhere(p.filter.id),
      };
      const [rows, total] = await Promise.all([db.task.findMany({ where, orderBy: p.orderBy, skip: p.skip, take: p.take }), db.task.count({ where })]);
      sendList(res, 'portal/tasks', p.skip, await shownTasks(me, rows), total);
    },
  );

  /** One of the operator's own tasks, assigned to it (the office's tasks on its case are read on the case). */
  async function myTask(me: Principal, id: string) {
    const t = await ownTask(db, me, id);
    if (t.assigneeRole !== OPERATOR_ROLE) throw forbidden('此任务由执法人员办理', 'this task is the officers’ to do');
    return t;
  }

  route(
    r,
    { method: 'get', path: '/portal/tasks/:id', summary: 'One of the operator’s own tasks', tag: 'portal', roles: OPERATOR_ONLY },
    async (req, _res, me) => {
      const [t] = await shownTasks(me, [await myTask(me, String(req.params.id))]);
      const submission = await submissionState(db, t!);
      return submission ? { ...t!, submission } : t;
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/portal/tasks/:id/complete',
      summary:
        'Complete one of the operator’s own tasks with its form (as /tasks/:id/complete: 200 once taken, 202 when recorded and sent later). 409 if already done',
      tag: 'portal',
      roles: OPERATOR_ONLY,
    },
    async (req, res, me) => {
      const t = await myTask(me, String(req.params.id));
      // completeTask checks the form first and then refuses a done task (409), as the staff route does.
      const actor: Actor = { userId: me.id, role: OPERATOR_ROLE, displayName: await operatorName(me) };
      const done = await completeTask({ db, client, taskQueue }, t, actor, req.body, { respondAsync: prefersAsync(req) });
      const [shown] = await shownTasks(me, [done.task]);
      return completionAnswer(res, done, shown!);
    },
  );

  return r;
}
