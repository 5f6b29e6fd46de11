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

/** Appends to the audit trail; a second call with the same key is a no-op (ON CONFLICT DO NOTHING). */
export async function appendAudit(tx: Tx, e: AuditEntry, at = new Date()): Promise<void> {
  await tx.auditEvent.createMany({
    skipDuplicates: true,
    data: [
      {
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
        // Staff acting for an operator (Actor.onBehalfOf): the entry says for whom, whatever the decision.
        data: e.actor.onBehalfOf ? { ...((e.data ?? {}) as Prisma.InputJsonObject), onBehalfOf: e.actor.onBehalfOf } : (e.data ?? {}),
      },
    ],
  });
}
