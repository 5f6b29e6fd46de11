import type { Prisma } from '../prisma/generated/client.js';

export const stageId = (campaignId: string, key: string) => `${campaignId}:${key}`;

/** The stages each transaction holds a shared lock on, as it read them. */
const shared = new WeakMap<Prisma.TransactionClient, Map<string, { status: string; dueAt: Date }>>();

/**
 * Locks a stage row for the rest of the transaction. Creating a stage's task (shared lock) and
 * extending or closing the stage (exclusive lock) thereby happen in one order or the other, never
 * interleaved: a task created while its stage is being extended gets the new deadline, and a task
 * created after its stage closed is born overdue, as the case workflow already records it.
 * A shared lock the transaction holds already is not asked for again: while it is held nobody changes
 * the row (a completion and its follow-up's new task in one transaction, activities/task.ts).
 */
export async function lockStage(tx: Prisma.TransactionClient, id: string, mode: 'share' | 'update') {
  const held = mode === 'share' ? shared.get(tx)?.get(id) : undefined;
  if (held) return held;
  const rows =
    mode === 'update'
      ? await tx.$queryRaw<{ status: string; due_at: Date }[]>`SELECT status, due_at FROM stage WHERE id = ${id} FOR UPDATE`
      : await tx.$queryRaw<{ status: string; due_at: Date }[]>`SELECT status, due_at FROM stage WHERE id = ${id} FOR SHARE`;
  const row = rows[0];
  if (!row) throw new Error(`stage ${id} is not projected`);
  const locked = { status: row.status, dueAt: row.due_at };
  if (mode === 'share') shared.set(tx, (shared.get(tx) ?? new Map()).set(id, locked));
  return locked;
}
