import type { Prisma } from '../prisma/generated/client.js';
import type { Actor } from '../domain/roles.js';

type Tx = Prisma.TransactionClient;

export interface AuditEntry {
  /** Deterministic per decision, so an activity retried after a crash records it once. */
  key: string;
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  campaignId?: string | null;
  jurisdictionId?: string | null;
  reason?: string | null;
  /** The notice clause the decision applies. */
  clause?: string | null;
  data?: Prisma.InputJsonValue;
}

/** An entry about a task: filed under the task, its campaign and its jurisdiction. */
export const aboutTask = (t: { id: string; campaignId: string; jurisdictionId: string }) => ({
  entityType: 'task',
  entityId: t.id,
  campaignId: t.campaignId,
  jurisdictionId: t.jurisdictionId,
});

/** An entry about a case: filed under the case, its campaign and its jurisdiction. */
export const aboutCase = (c: { id: string; campaignId: string; jurisdictionId: string }) => ({
  entityType: 'case',
  entityId: c.id,
  campaignId: c.campaignId,
  jurisdictionId: c.jurisdictionId,
});

/** Entries held back by `auditInOne` until its work is done, per transaction. */
const held = new WeakMap<Tx, Prisma.AuditEventCreateManyInput[]>();

/** Appends to the audit trail; a second call with the same key is a no-op (ON CONFLICT DO NOTHING). */
export async function appendAudit(tx: Tx, e: AuditEntry, at = new Date()): Promise<void> {
  const row = auditRow(e, at);
  const batch = held.get(tx);
  if (batch) batch.push(row);
  else await tx.auditEvent.createMany({ skipDuplicates: true, data: [row] });
}

/**
 * Runs `work` with its audit entries written together at its end, in one statement instead of one each
 * (a completion and its follow-up, activities/task.ts): the same rows in the same order, a round trip to
 * the database fewer per entry. Nothing in `work` may read the entries it wrote.
 */
export async function auditInOne<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
  if (held.has(tx)) return work();
  const batch: Prisma.AuditEventCreateManyInput[] = [];
  held.set(tx, batch);
  try {
    const r = await work();
    if (batch.length) await tx.auditEvent.createMany({ skipDuplicates: true, data: batch });
    return r;
  } finally {
    held.delete(tx);
  }
}

function auditRow(e: AuditEntry, at: Date): Prisma.AuditEventCreateManyInput {
  return {
    key: e.key,
    at,
    actorId: e.actor.userId,
    actorRole: e.actor.role,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    campaignId: e.campaignId ?? null,
    jurisdictionId: e.jurisdictionId ?? null,
    reason: e.reason ?? null,
    clause: e.clause ?? null,
    // Staff acting for an operator (Actor.onBehalfOf) or entering a group's decision (Actor.forGroup): the
    // entry says for whom, whatever the decision.
    data:
      e.actor.onBehalfOf || e.actor.forGroup
        ? {
            ...((e.data ?? {}) as Prisma.InputJsonObject),
            ...(e.actor.onBehalfOf ? { onBehalfOf: e.actor.onBehalfOf } : {}),
            ...(e.actor.forGroup ? { forGroup: e.actor.forGroup } : {}),
          }
        : (e.data ?? {}),
  };
}

/**
 * The audit entry of a roster made public (公示, award, cultivation or a defined programme's list): one key
 * per roster, so a retried publication is recorded once. `data` says which kind and what it held.
 */
export function auditRosterPublished(
  tx: Tx,
  r: { rosterId: string; actor: Actor; campaignId: string; clause: string; data: Prisma.InputJsonObject & { kind: string; entries: number } },
): Promise<void> {
  return appendAudit(tx, {
    key: `roster:${r.rosterId}:published`,
    actor: r.actor,
    action: 'roster.published',
    entityType: 'roster',
    entityId: r.rosterId,
    campaignId: r.campaignId,
    clause: r.clause,
    data: r.data,
  });
}
