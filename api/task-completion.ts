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

export async function completeTask(db: PrismaClient, client: Client, t: Task, actor: Actor, body: unknown): Promise<Task> {
  // A defined programme's form task (`form:<key>`) and rubric carry their form in details.
  const schema = resultSchemaFor(t.type, t.details);
  if (!schema) throw conflict(`任务类型 ${t.type} 不能在此办理`, `task type ${t.type} cannot be completed here`);
  const result = parseOr400(schema, body);
  if (t.status === 'done') throw conflict('任务已办结，不能重复提交', 'task is already completed');
  if (t.claimedById && t.claimedById !== actor.userId) throw conflict('任务已被他人认领', 'task is claimed by someone else');
  // Evidence ids (a self-check's photos and PDFs) are checked before anything is recorded (api/evidence.ts).
  await checkEvidence(db, t.caseId, actor, evidenceRefs(result));
  await client.workflow.getHandle(t.workflowId).executeUpdate(completeTaskUpdate, { args: [{ taskId: t.id, actor, result }] });
  return db.task.findUniqueOrThrow({ where: { id: t.id } });
}
