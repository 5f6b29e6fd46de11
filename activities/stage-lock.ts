import type { Prisma } from '../prisma/generated/client.js';

export const stageId = (campaignId: string, key: string) => `${campaignId}:${key}`;

/**
 * Locks a stage row for the rest of the transaction. Creating a stage's task (shared lock) and
 * extending or closing the stage (exclusive lock) thereby happen in one order or the other, never
 * interleaved: a task created while its stage is being extended gets the new deadline, and a task
 * created after its stage closed is born overdue, as the case workflow already records it.
 */
export async function lockStage(tx: Prisma.TransactionClient, id: string, mode: 'share' | 'update') {
  const rows =
    mode === 'update'
      ? await tx.$queryRaw<{ status: string; due_at: Date }[]>`SELECT status, due_at FROM stage WHERE id = ${id} FOR UPDATE`
      : await tx.$queryRaw<{ status: string; due_at: Date }[]>`SELECT status, due_at FROM stage WHERE id = ${id} FOR SHARE`;
  const row = rows[0];
  if (!row) throw new Error(`stage ${id} is not projected`);
  return { status: row.status, dueAt: row.due_at };
}
