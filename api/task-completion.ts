// Completing a task (README "Completing a task"). The form is checked against the task's type and the
// projection; then the decision is made durable — the claim it makes and a `task_submission` row, in one
// transaction — before anything is sent. It is then delivered to the owning workflow as its completion
// Update, whose id is the submission's: a second delivery (a retry, or the sweep after an API died) is the
// same Update, which Temporal answers once, and the workflow refuses a completion of a done task besides.
// The workflow stays the judge: it applies the decision (and projects it, activities/task.ts) or refuses.
//
// The caller hears the outcome (200, or the refusal as 4xx), or 202 as soon as the decision is durable:
// when it asks so (`Prefer: respond-async`, RFC 7240), when the workflow service is unavailable, or when
// the workflow has yet to catch up with a task it opened (`deliverSubmission`). A
// refusal after a 202 reaches the submitter as a notification and on the task page.
// The staff inbox (api/resources/tasks.ts) and the operators' portal (api/portal/cases.ts) both complete
// through here.
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import pLimit from 'p-limit';
import type { PrismaClient } from '../prisma/db.js';
import type { Prisma, Task, TaskSubmission } from '../prisma/generated/client.js';
import type { Actor } from '../domain/roles.js';
import { resultSchemaFor } from '../domain/task-forms.js';
import { completeTaskUpdate } from '../workflows/messages.js';
import { dispatchDeliveries, insertNotifications } from '../activities/notify.js';
import { completionDeliveries } from '../runtime/config.js';
import { HttpError, conflict, fromTemporal, parseOr400 } from './errors.js';
import { evidenceRefs } from '../domain/evidence.js';
import { checkEvidence } from './evidence.js';

/** How long a delivery holds its submission before the sweep may deliver it again. */
const LEASE_MS = 30_000;
/**
 * How long after its row was written a task its workflow does not know is taken for one the workflow has
 * yet to catch up with (a few workflow-task timeouts and sweeps), not refused at once.
 */
const CATCH_UP_MS = 5 * 60_000;
const openedLately = async (db: PrismaClient, taskId: string) => {
  const t = await db.task.findUnique({ where: { id: taskId }, select: { createdAt: true } });
  return !!t && Date.now() - t.createdAt.getTime() < CATCH_UP_MS;
};
/**
 * Deliveries of early-answered submissions in flight from this process (COMPLETION_DELIVERIES, 2); the
 * rest wait here, recorded. Fewer bound how fast decisions are taken (each waits for its Update's round
 * trip); more only wait in the worker and take the cores the next officer's answer needs (README
 * "Benchmarks", in flight against the workflow task's run).
 */
const deliveries = pLimit(completionDeliveries());

/** RFC 7240: the caller will take 202 as soon as the decision is recorded. */
export const prefersAsync = (req: Request) => /(?:^|[,;\s])respond-async\b/i.test(req.get('prefer') ?? '');

export interface Completion {
  task: Task;
  /** Set when the caller is answered before the workflow has taken the decision (202). */
  submission?: { id: string; status: 'pending'; submittedAt: Date };
}

/** A route's answer to a completion: `shown` as it is once taken, 202 with the submission once only recorded. */
export function completionAnswer<T extends object>(res: Response, done: Completion, shown: T): T | (T & { submission: Completion['submission'] }) {
  if (!done.submission) return shown;
  res.status(202);
  return { ...shown, submission: done.submission };
}

/** Where submissions are recorded and sent: the database, Temporal, and the task queue of the webhook deliveries. */
export interface Outbox {
  db: PrismaClient;
  client: Client;
  taskQueue: string;
}

export async function completeTask(o: Outbox, t: Task, actor: Actor, body: unknown, opts: { respondAsync?: boolean } = {}): Promise<Completion> {
  const { db } = o;
  // A defined programme's form task (`form:<key>`) and rubric carry their form in details.
  const schema = resultSchemaFor(t.type, t.details);
  if (!schema) throw conflict(`任务类型 ${t.type} 不能在此办理`, `task type ${t.type} cannot be completed here`);
  const result = parseOr400(schema, body);
  if (t.status === 'done') throw conflict('任务已办结，不能重复提交', 'task is already completed');
  if (t.claimedById && t.claimedById !== actor.userId) throw conflict('任务已被他人认领', 'task is claimed by someone else');
  // Evidence ids (a self-check's photos and PDFs) are checked before anything is recorded (api/evidence.ts).
  await checkEvidence(db, t.caseId, actor, evidenceRefs(result));
  const s = await submit(db, t, actor, result as Prisma.InputJsonValue, !!opts.respondAsync);
  // Recorded, not yet taken: the task as the submission left it (held by the submitter).
  const pending = (): Completion => ({
    task: { ...t, claimedById: t.claimedById ?? actor.userId },
    submission: { id: s.id, status: 'pending', submittedAt: s.submittedAt },
  });
  if (opts.respondAsync) {
    // Durable now: delivered meanwhile, a few at a time, and by the sweep if this process dies first.
    void deliveries(() => deliverSubmission(o, s)).catch(() => undefined);
    return pending();
  }
  const outcome = await deliverSubmission(o, s);
  if (outcome.kind === 'refused') throw outcome.error;
  if (outcome.kind === 'pending') {
    // Answered 202 after all (the workflow service is unavailable): from now on a refusal is told to the
    // submitter, not dropped. Settled meanwhile by the sweep, it is answered as it was settled.
    const told = await db.taskSubmission.updateMany({ where: { id: s.id, status: 'pending' }, data: { answeredEarly: true } });
    if (told.count === 1) return pending();
    const now = await db.taskSubmission.findUnique({ where: { id: s.id } });
    if (now?.status === 'refused') throw conflict(now.refusalZh ?? '提交未被受理', now.refusalEn ?? 'the submission was not taken');
  }
  return { task: await db.task.findUniqueOrThrow({ where: { id: t.id } }) };
}

/**
 * The decision, durable: the claim a submission of an unclaimed task makes (README "The task inbox":
 * whoever completes a task holds it; a colleague's claim that lands first wins) and the submission row, in
 * one statement (one round trip: the officer waits for nothing else). One submission at a time per task (a
 * partial unique index): a second meanwhile is 409.
 */
async function submit(db: PrismaClient, t: Task, actor: Actor, result: Prisma.InputJsonValue, answeredEarly: boolean): Promise<TaskSubmission> {
  const id = randomUUID();
  const at = new Date();
  const leaseUntil = new Date(at.getTime() + LEASE_MS);
  const me = actor.userId;
  let rows: { claimed: boolean }[];
  try {
    rows = await db.$queryRaw<{ claimed: boolean }[]>`
      WITH was AS (SELECT id, claimed_by_id FROM task WHERE id = ${t.id} AND status = 'open' FOR UPDATE),
      held AS (
        UPDATE task SET claimed_by_id = COALESCE(was.claimed_by_id, ${me}) FROM was
        WHERE task.id = was.id AND (was.claimed_by_id IS NULL OR was.claimed_by_id = ${me})
        RETURNING task.id, was.claimed_by_id IS NULL AND ${me}::text IS NOT NULL AS claimed)
      INSERT INTO task_submission (id, task_id, workflow_id, submitted_by_id, actor, result, claimed, answered_early, status, submitted_at, lease_until)
      SELECT ${id}, held.id, ${t.workflowId}, ${me}, ${JSON.stringify(actor)}::jsonb, ${JSON.stringify(result)}::jsonb, held.claimed, ${answeredEarly},
        'pending', ${at}, ${leaseUntil}
      FROM held
      RETURNING claimed`;
  } catch (e) {
    if (/task_submission_pending_idx|23505/.test(String((e as Error).message) + JSON.stringify((e as { meta?: unknown }).meta ?? {})))
      throw conflict('该任务已提交，正在办理，请稍后刷新', 'a decision on this task is already submitted and being processed');
    throw e;
  }
  if (!rows.length) {
    // Done meanwhile, or a colleague's claim landed first: nothing was written.
    const now = await db.task.findUniqueOrThrow({ where: { id: t.id } });
    if (now.status !== 'open') throw conflict('任务已办结，不能重复提交', 'task is already completed');
    throw conflict('任务已被他人认领', 'task is claimed by someone else');
  }
  return {
    id,
    taskId: t.id,
    workflowId: t.workflowId,
    submittedById: me,
    actor: actor as unknown as Prisma.JsonValue,
    result: result as Prisma.JsonValue,
    claimed: rows[0]!.claimed,
    answeredEarly,
    status: 'pending',
    submittedAt: at,
    leaseUntil,
    attempts: 0,
    decidedAt: null,
    refusalZh: null,
    refusalEn: null,
  };
}

export type Delivery = { kind: 'applied' } | { kind: 'refused'; error: HttpError } | { kind: 'pending'; error: unknown };

/**
 * Sends a submission to its workflow and records the outcome. A refusal is the workflow's (or the workflow
 * has ended); anything else (the service unavailable, the call timed out, a task just opened that the
 * workflow does not know yet) leaves the submission pending for the sweep, which sends the same Update again.
 */
export async function deliverSubmission(o: Outbox, s: TaskSubmission): Promise<Delivery> {
  const { db, client } = o;
  let outcome: Delivery;
  try {
    // Within the lease: an Update a workflow cannot take (its workflow task failing) would otherwise be
    // waited for without end, and hold the sweep with it.
    await client.withDeadline(Date.now() + LEASE_MS, () =>
      client.workflow.getHandle(s.workflowId).executeUpdate(completeTaskUpdate, {
        updateId: s.id,
        args: [{ taskId: s.taskId, actor: s.actor as unknown as Actor, result: s.result, ...(s.claimed ? { claimed: true } : {}) }],
      }),
    );
    outcome = { kind: 'applied' };
  } catch (e) {
    const refusal = fromTemporal(e);
    if (refusal?.status === 404 && (await openedLately(db, s.taskId))) {
      // The task's row exists (the submission was recorded against it) but its workflow does not know the
      // task yet: the workflow task that opened it, by a local activity, was lost with its worker and runs
      // again. Delivered again after the lease, as if the service were unavailable.
      await db.taskSubmission.updateMany({ where: { id: s.id, status: 'pending' }, data: { attempts: { increment: 1 } } });
      return { kind: 'pending', error: e };
    }
    if (refusal && refusal.status < 500) outcome = { kind: 'refused', error: refusal };
    // The handler itself failed: sent again it fails again (the Update's outcome is kept under its id).
    else if (e instanceof WorkflowUpdateFailedError)
      outcome = { kind: 'refused', error: conflict('流程未能办理此决定，请联系管理员', 'the workflow could not take this decision; ask an administrator') };
    else {
      await db.taskSubmission.updateMany({ where: { id: s.id, status: 'pending' }, data: { attempts: { increment: 1 } } });
      return { kind: 'pending', error: e };
    }
  }
  return settle(o, s, outcome);
}

async function settle(o: Outbox, s: TaskSubmission, outcome: Delivery): Promise<Delivery> {
  const { db } = o;
  const decidedAt = new Date();
  if (outcome.kind === 'refused') {
    // Taken before under this id, in a run that has since continued as new or ended: the workflow refuses
    // the "second" completion, but the projection shows it done by the submitter. (The task was open when
    // the submission was recorded, and no other submission of it could be on its way meanwhile.)
    const task = await db.task.findUniqueOrThrow({ where: { id: s.taskId } });
    if (task.status === 'done' && task.completedById === s.submittedById) outcome = { kind: 'applied' };
  }
  if (outcome.kind === 'applied') {
    await db.taskSubmission.updateMany({ where: { id: s.id, status: 'pending' }, data: { status: 'applied', decidedAt, attempts: { increment: 1 } } });
    return outcome;
  }
  if (outcome.kind !== 'refused') return outcome;
  const refusal = outcome.error;
  const keys = await db.$transaction(async (tx) => {
    // A caller who heard the refusal leaves nothing behind; one answered early finds it on the task page.
    const mine = s.answeredEarly
      ? await tx.taskSubmission.updateMany({
          where: { id: s.id, status: 'pending' },
          data: { status: 'refused', decidedAt, refusalZh: refusal.messageZh, refusalEn: refusal.messageEn, attempts: { increment: 1 } },
        })
      : await tx.taskSubmission.deleteMany({ where: { id: s.id, status: 'pending' } });
    if (mine.count === 0) return []; // settled by another delivery
    // The claim the submission made is given back, so a refused submission leaves the task as it was.
    if (s.claimed) await tx.task.updateMany({ where: { id: s.taskId, status: 'open', claimedById: s.submittedById }, data: { claimedById: null } });
    if (!s.answeredEarly || !s.submittedById) return [];
    const task = await tx.task.findUniqueOrThrow({ where: { id: s.taskId } });
    const actor = s.actor as unknown as Actor;
    return insertNotifications(tx, [
      {
        key: `task:${s.taskId}:submission:${s.id}:refused`,
        kind: 'decision',
        // The submitter by name: staff within their subtree (the task's jurisdiction is in it), an operator's account as itself.
        recipientRole: actor.role,
        recipientUserId: s.submittedById,
        jurisdictionId: task.jurisdictionId,
        campaignId: task.campaignId,
        taskId: task.id,
        caseId: task.caseId,
        title: `提交未被受理：${task.title} / submission not taken: ${task.title}`,
        body: `${refusal.messageZh} / ${refusal.messageEn}`,
      },
    ]);
  });
  await dispatchDeliveries(db, o, keys);
  return outcome;
}

/**
 * What the task page says of the last submission of an open task: still on its way to the workflow
 * (pending), or refused after its submitter was answered (with the workflow's reasons).
 */
export async function submissionState(db: PrismaClient, t: Pick<Task, 'id' | 'status'>) {
  if (t.status !== 'open') return undefined;
  const s = await db.taskSubmission.findFirst({ where: { taskId: t.id }, orderBy: { submittedAt: 'desc' } });
  if (!s || s.status === 'applied') return undefined;
  return {
    status: s.status,
    submittedAt: s.submittedAt,
    submittedById: s.submittedById,
    ...(s.status === 'refused' ? { refusalZh: s.refusalZh, refusalEn: s.refusalEn } : {}),
  };
}

/**
 * Delivers the submissions whose delivery has not settled within its lease (the API died, or the workflow
 * service was unavailable): each is leased again first, so several API processes share the work. Whoever
 * submitted it was answered 202, or lost the answer with the API: a refusal is told to them.
 */
export async function redeliverDue(o: Outbox, limit = 50): Promise<number> {
  const { db } = o;
  const leased = await db.$queryRaw<{ id: string }[]>`
    UPDATE task_submission SET lease_until = now() + ${`${LEASE_MS} milliseconds`}::interval, answered_early = true
    WHERE id IN (
      SELECT id FROM task_submission WHERE status = 'pending' AND lease_until <= now()
      ORDER BY lease_until LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  if (!leased.length) return 0;
  const due = await db.taskSubmission.findMany({ where: { id: { in: leased.map((r) => r.id) }, status: 'pending' }, orderBy: { submittedAt: 'asc' } });
  await Promise.all(due.map((s) => deliverSubmission(o, s).catch(() => undefined)));
  return due.length;
}

/** The API's sweep: every `everyMs`, what is due. Returns the stop. */
export function startRedelivery(o: Outbox, onError: (e: unknown) => void, everyMs = 5_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    redeliverDue(o)
      .catch(onError)
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * An audit entry of the inbox itself (claim, release, delegation): housekeeping, so it cites no notice
 * clause. Its key ends in a random UUID: the same person may claim, release and claim again, and each is
 * its own event (a key of ids alone would be skipped as a duplicate the second time).
 */
export function taskAudit(
  t: { id: string; campaignId: string; jurisdictionId: string },
  by: { id: string; role: string },
  action: string,
  reason?: string,
  data: Record<string, string | null> = {},
  at = new Date(),
) {
  return {
    key: `task:${t.id}:${action.replace('task.', '')}:${randomUUID()}`,
    at,
    actorId: by.id,
    actorRole: by.role,
    action,
    entityType: 'task',
    entityId: t.id,
    campaignId: t.campaignId,
    jurisdictionId: t.jurisdictionId,
    reason: reason ?? null,
    data,
  };
}
