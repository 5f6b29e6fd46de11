// Files on every task and case, and what the next step sees of the one before (README "Comments and files").
// A file is uploaded first (POST /attachments: size and content checked, SHA-256 computed), then bound here
// or by a completion that names it (api/evidence.ts checks it first, activities/task.ts binds it); each
// binding is audited with the file's SHA-256, so what was reviewed can be shown to be what was uploaded.
import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../prisma/db.js';
import type { Task } from '../prisma/generated/client.js';
import { MAX_TASK_FILES } from '../domain/evidence.js';
import { parseOr400 } from './errors.js';
import { route } from './routes.js';
import { userNames } from './user-names.js';
import { actorOf, caseInScope, taskInScope, type Principal } from './scope.js';
import { bindAudited, checkEvidence } from './evidence.js';
import { ATTACHMENT_TYPES } from './resources/attachments.js';
import { commentViews, type CommentView } from './comments.js';

const bindBody = z
  .object({
    attachmentIds: z
      .array(z.string().uuid())
      .min(1, '请选择文件 / choose a file')
      .max(MAX_TASK_FILES, `一次最多 ${MAX_TASK_FILES} 个文件 / at most ${MAX_TASK_FILES} files at once`),
  })
  .strict();

/** Staff who upload files (POST /attachments) may attach them; leaders and admins read. */
const ATTACHING = ['coordinator', 'auditor', 'county_officer'] as const;

export interface CaseFileView {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: Date;
  uploadedBy: string | null;
  /** The task it was handed in with (null: on the case itself, or a rectification proof's). */
  taskId: string | null;
  taskTitle: string | null;
}

async function fileViews(db: PrismaClient, where: { caseId: string; taskId?: string }): Promise<CaseFileView[]> {
  const rows = await db.attachment.findMany({
    where,
    select: { id: true, filename: true, contentType: true, size: true, sha256: true, uploadedAt: true, uploadedById: true, taskId: true },
    orderBy: [{ uploadedAt: 'asc' }, { id: 'asc' }],
  });
  const [nameOf, tasks] = await Promise.all([
    userNames(
      db,
      rows.map((a) => a.uploadedById),
    ),
    db.task.findMany({ where: { id: { in: [...new Set(rows.flatMap((a) => (a.taskId ? [a.taskId] : [])))] } }, select: { id: true, title: true } }),
  ]);
  return rows.map(({ uploadedById, ...a }) => ({
    ...a,
    uploadedBy: nameOf(uploadedById),
    taskTitle: a.taskId ? (tasks.find((t) => t.id === a.taskId)?.title ?? null) : null,
  }));
}

/**
 * The step whose conclusion the next one builds on (README "Comments and files"): the city audit reads the
 * county's pre-review (舟山方案 六、（二）), a verification the inspection or interview that ordered the
 * rectification and any earlier round (长兴方案 四、（三）), a pre-review the live room's resubmission. (A
 * self-check review and a resubmission already show what they answer: the submitted self-check, the return.)
 */
const PREVIOUS: Record<string, string[]> = {
  city_audit: ['pre_review'],
  verification: ['inspection', 'interview', 'verification'],
  pre_review: ['resubmission'],
};

export interface PreviousStep {
  id: string;
  type: string;
  title: string;
  details: unknown;
  result: unknown;
  completedAt: Date | null;
  completedByName: string | null;
  files: CaseFileView[];
  comments: CommentView[];
}

/** For each kind of step this one follows, the latest of the case's done before this task opened. */
export async function previousSteps(db: PrismaClient, t: Task): Promise<PreviousStep[]> {
  const types = PREVIOUS[t.type];
  if (!types || !t.caseId) return [];
  const done = await db.task.findMany({
    where: { caseId: t.caseId, type: { in: types }, status: 'done', id: { not: t.id }, completedAt: { lte: t.createdAt } },
    orderBy: [{ completedAt: 'desc' }, { id: 'desc' }],
  });
  const latest = types.flatMap((type) => done.filter((d) => d.type === type).slice(0, 1));
  const nameOf = await userNames(
    db,
    latest.map((d) => d.completedById),
  );
  return Promise.all(
    latest.map(async (d) => ({
      id: d.id,
      type: d.type,
      title: d.title,
      details: d.details,
      result: d.result,
      completedAt: d.completedAt,
      completedByName: nameOf(d.completedById),
      files: await fileViews(db, { caseId: t.caseId!, taskId: d.id }),
      comments: await commentViews(db, { taskId: d.id }),
    })),
  );
}

export function taskFilesRouter(db: PrismaClient): Router {
  const r = Router();

  /** Checks every id (400 with a reason each, nothing bound), then binds them all and audits each with its SHA-256. */
  async function attach(me: Principal, body: unknown, on: { caseId: string | null; taskId?: string; campaignId: string; jurisdictionId: string }) {
    const b = parseOr400(bindBody, body);
    const actor = actorOf(me);
    await checkEvidence(
      db,
      on.caseId,
      actor,
      b.attachmentIds.map((id, i) => ({ id, path: `attachmentIds.${i}` })),
      ATTACHMENT_TYPES,
    );
    await bindAudited(db, b.attachmentIds, actor, {
      caseId: on.caseId!,
      ...(on.taskId ? { taskId: on.taskId } : {}),
      campaignId: on.campaignId,
      jurisdictionId: on.jurisdictionId,
      entityType: on.taskId ? 'task' : 'case',
      entityId: on.taskId ?? on.caseId!,
    });
  }

  route(
    r,
    {
      method: 'get',
      path: '/tasks/:id/files',
      summary: 'The files handed in with a task (its form’s evidence, files attached to it): name, type, size, who, when',
      tag: 'tasks',
    },
    async (req, _res, me) => {
      const t = await taskInScope(db, String(req.params.id), me);
      return t.caseId ? fileViews(db, { caseId: t.caseId, taskId: t.id }) : [];
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/tasks/:id/files',
      summary:
        'Attach your own uploads (POST /attachments) to a task of a case, open or done: each checked first (400 with a reason each, nothing attached), each audited with its SHA-256',
      tag: 'tasks',
      roles: ATTACHING,
      body: bindBody,
    },
    async (req, res, me) => {
      const t = await taskInScope(db, String(req.params.id), me);
      await attach(me, req.body, { caseId: t.caseId, taskId: t.id, campaignId: t.campaignId, jurisdictionId: t.jurisdictionId });
      res.status(201);
      return t.caseId ? fileViews(db, { caseId: t.caseId, taskId: t.id }) : [];
    },
  );

  route(
    r,
    {
      method: 'get',
      path: '/cases/:id/files',
      summary: 'Every file on a case (its tasks’ evidence, rectification proofs, files attached to the case), with the task each came with',
      tag: 'cases',
    },
    async (req, _res, me) => fileViews(db, { caseId: (await caseInScope(db, String(req.params.id), me)).id }),
  );

  route(
    r,
    {
      method: 'post',
      path: '/cases/:id/files',
      summary:
        'Attach your own uploads (POST /attachments) to a case: each checked first (400 with a reason each, nothing attached), each audited with its SHA-256',
      tag: 'cases',
      roles: ATTACHING,
      body: bindBody,
    },
    async (req, res, me) => {
      const c = await caseInScope(db, String(req.params.id), me);
      await attach(me, req.body, { caseId: c.id, campaignId: c.campaignId, jurisdictionId: c.jurisdictionId });
      res.status(201);
      return fileViews(db, { caseId: c.id });
    },
  );

  route(
    r,
    {
      method: 'get',
      path: '/tasks/:id/previous-steps',
      summary:
        'What the step before this one concluded, with its files and comments (city audit: the pre-review; verification: the inspection or interview and earlier rounds; pre-review: the resubmission)',
      tag: 'tasks',
    },
    async (req, _res, me) => previousSteps(db, await taskInScope(db, String(req.params.id), me)),
  );
  return r;
}
