// Completing a task: its form checked against the task's type, then the owning workflow's Update, which
// decides (it refuses a second completion even when two arrive at once). The staff inbox
// (api/resources/tasks.ts) and the operators' portal (api/portal/cases.ts) both complete through here.
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../prisma/db.js';
import type { Task } from '../prisma/generated/client.js';
import type { Actor } from '../domain/roles.js';
import { resultSchemaFor } from '../domain/task-forms.js';
import { completeTaskUpdate } from '../workflows/messages.js';
import { conflict, parseOr400 } from './errors.js';
import { evidenceRefs } from '../domain/evidence.js';
import { checkEvidence } from './evidence.js';
import { randomUUID } from 'node:crypto';

export async function completeTask(db: PrismaClient, client: Client, t: Task, actor: Actor, body: unknown): Promise<Task> {
  // A defined programme's form task (`form:<key>`) and rubric carry their form in details.
  const schema = resultSchemaFor(t.type, t.details);
  if (!schema) throw conflict(`任务类型 ${t.type} 不能在此办理`, `task type ${t.type} cannot be completed here`);
  const result = parseOr400(schema, body);
  if (t.status === 'done') throw conflict('任务已办结，不能重复提交', 'task is already completed');
  if (t.claimedById && t.claimedById !== actor.userId) throw conflict('任务已被他人认领', 'task is claimed by someone else');
  // Evidence ids (a self-check's photos and PDFs) are checked before anything is recorded (api/evidence.ts).
  await checkEvidence(db, t.caseId, actor, evidenceRefs(result));
  // Whoever completes a task holds it (README "The task inbox"): submitting an unclaimed task claims it for
  // the completer in the same decision. The claim is one conditional UPDATE, so a colleague's claim that
  // lands first wins (409 here, nothing sent to the workflow); if the workflow refuses the completion the
  // claim is given back, so a refused submission leaves the task as it was.
  const claiming = !t.claimedById && !!actor.userId;
  if (claiming) {
    const won = await db.task.updateMany({ where: { id: t.id, status: 'open', claimedById: null }, data: { claimedById: actor.userId } });
    if (won.count === 0) {
      const now = await db.task.findUniqueOrThrow({ where: { id: t.id } });
      if (now.status !== 'open') throw conflict('任务已办结，不能重复提交', 'task is already completed');
      if (now.claimedById !== actor.userId) throw conflict('任务已被他人认领', 'task is claimed by someone else');
    }
  }
  // The claim is audited by the workflow's projection of the completion, in its transaction
  // (activities/task.ts): the trail is append-only, and a refused submission leaves nothing behind
  // (test/fuzz.test.ts).
  try {
    await client.workflow
      .getHandle(t.workflowId)
      .executeUpdate(completeTaskUpdate, { args: [{ taskId: t.id, actor, result, ...(claiming ? { claimed: true } : {}) }] });
  } catch (e) {
    if (claiming) await db.task.updateMany({ where: { id: t.id, status: 'open', claimedById: actor.userId }, data: { claimedById: null } });
    throw e;
  }
  return db.task.findUniqueOrThrow({ where: { id: t.id } });
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
