// A comment thread on each task and case (README "Comments and files"): officers note what they saw or ask
// the next step, beside the decision. Staff read and write over the jurisdiction of the task or case, as
// they read the task or case itself; a case's operator reads and writes its own case's thread (through
// api/portal/own.ts), never a task's: the work of the office on a task stays the office's. Each comment is
// audited (comment.added) and never changed afterwards.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../prisma/db.js';
import type { Prisma } from '../prisma/generated/client.js';
import { OPERATOR_ROLE, ROLES } from '../domain/roles.js';
import { appendAudit } from '../activities/audit.js';
import { parseOr400 } from './errors.js';
import { route } from './routes.js';
import { actorOf, caseInScope, taskInScope, type Principal } from './scope.js';
import { ownCase } from './portal/own.js';

export const MAX_COMMENT_CHARS = 2000;

export const commentBody = z
  .object({
    body: z
      .string()
      .trim()
      .min(1, '请填写留言内容 / the comment is empty')
      .max(MAX_COMMENT_CHARS, `留言最多 ${MAX_COMMENT_CHARS} 字 / at most ${MAX_COMMENT_CHARS} characters`),
  })
  .strict();

export interface CommentView {
  id: string;
  body: string;
  /** The author's display name (an operator's account: the operator's name). */
  author: string;
  authorRole: string;
  createdAt: Date;
  /** On the case's thread: the task a comment was made on, by its title (null: on the case itself). */
  taskId: string | null;
  taskTitle: string | null;
}

type Db = PrismaClient | Prisma.TransactionClient;

/** Comments with their authors' and tasks' names, oldest first. */
export async function commentViews(db: Db, where: Prisma.CommentWhereInput): Promise<CommentView[]> {
  const rows = await db.comment.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  const [users, tasks] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...new Set(rows.map((c) => c.authorId))] } }, select: { id: true, displayName: true, role: true } }),
    db.task.findMany({ where: { id: { in: [...new Set(rows.flatMap((c) => (c.taskId ? [c.taskId] : [])))] } }, select: { id: true, title: true } }),
  ]);
  return rows.map((c) => {
    const u = users.find((x) => x.id === c.authorId);
    return {
      id: c.id,
      body: c.body,
      author: u?.displayName ?? '',
      authorRole: u?.role ?? '',
      createdAt: c.createdAt,
      taskId: c.taskId,
      taskTitle: c.taskId ? (tasks.find((t) => t.id === c.taskId)?.title ?? null) : null,
    };
  });
}

export function commentsRouter(db: PrismaClient): Router {
  const r = Router();

  async function readableCase(id: string, me: Principal) {
    if (me.role === OPERATOR_ROLE) return ownCase(db, me, id);
    return caseInScope(db, id, me);
  }

  async function add(
    me: Principal,
    input: unknown,
    on: { taskId: string | null; caseId: string | null; campaignId: string; jurisdictionId: string; entityType: 'task' | 'case'; entityId: string },
  ): Promise<CommentView> {
    const b = parseOr400(commentBody, input);
    const id = randomUUID();
    const now = new Date();
    await db.$transaction(async (tx) => {
      await tx.comment.create({ data: { id, taskId: on.taskId, caseId: on.caseId, body: b.body, authorId: me.id, createdAt: now } });
      await appendAudit(
        tx,
        {
          key: `comment:${id}:added`,
          actor: actorOf(me),
          action: 'comment.added',
          entityType: on.entityType,
          entityId: on.entityId,
          campaignId: on.campaignId,
          jurisdictionId: on.jurisdictionId,
          reason: b.body,
          data: { commentId: id, ...(on.taskId ? { taskId: on.taskId } : {}), ...(on.caseId ? { caseId: on.caseId } : {}) },
        },
        now,
      );
    });
    return (await commentViews(db, { id }))[0]!;
  }

  route(
    r,
    { method: 'get', path: '/tasks/:id/comments', summary: 'The comments on a task, oldest first (staff over the task’s jurisdiction)', tag: 'tasks' },
    async (req, _res, me) => {
      const t = await taskInScope(db, String(req.params.id), me);
      return commentViews(db, { taskId: t.id });
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/tasks/:id/comments',
      summary: 'Comment on a task (1..2000 characters; staff over the task’s jurisdiction, open or done; audited)',
      tag: 'tasks',
      body: commentBody,
    },
    async (req, res, me) => {
      const t = await taskInScope(db, String(req.params.id), me);
      const c = await add(me, req.body, {
        taskId: t.id,
        caseId: t.caseId,
        campaignId: t.campaignId,
        jurisdictionId: t.jurisdictionId,
        entityType: 'task',
        entityId: t.id,
      });
      res.status(201);
      return c;
    },
  );

  route(
    r,
    {
      method: 'get',
      path: '/cases/:id/comments',
      summary:
        'The comments on a case, oldest first: staff over the case see those on its tasks too (with the task’s title); the case’s operator sees the case’s own thread',
      tag: 'cases',
      roles: [...ROLES, OPERATOR_ROLE],
    },
    async (req, _res, me) => {
      const c = await readableCase(String(req.params.id), me);
      return commentViews(db, me.role === OPERATOR_ROLE ? { caseId: c.id, taskId: null } : { caseId: c.id });
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/cases/:id/comments',
      summary:
        'Comment on a case (1..2000 characters; staff over the case’s jurisdiction, or the case’s own operator; the operator reads this thread; audited)',
      tag: 'cases',
      roles: [...ROLES, OPERATOR_ROLE],
      body: commentBody,
    },
    async (req, res, me) => {
      const c = await readableCase(String(req.params.id), me);
      const out = await add(me, req.body, {
        taskId: null,
        caseId: c.id,
        campaignId: c.campaignId,
        jurisdictionId: c.jurisdictionId,
        entityType: 'case',
        entityId: c.id,
      });
      res.status(201);
      return out;
    },
  );
  return r;
}
