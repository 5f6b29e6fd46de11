// Evidence files become a case's in the same transaction as the decision that carried them (DOMAIN.md
// "Evidence"): a task's completion (activities/task.ts), a title's revocation (activities/award.ts) and
// the files added to a task or case afterwards (api/evidence.ts).
import type { Prisma } from '../prisma/generated/client.js';
import type { Actor } from '../domain/roles.js';
import { appendAudit } from './audit.js';

/**
 * Binds the actor's own unbound uploads among `ids` to the case (and the task they came with) and audits
 * each with its SHA-256 (evidence.attached): what the next step or a court reviews can be shown to be
 * what was handed in. Only unbound uploads bind, so a retry binds and audits nothing twice. Returns the
 * files bound.
 */
export async function bindFiles(
  tx: Prisma.TransactionClient,
  ids: string[],
  actor: Actor,
  /** `clause`: the notice clause of the decision the files support, when they come with one. */
  on: { caseId: string; taskId?: string; campaignId: string; jurisdictionId: string; entityType: string; entityId: string; clause?: string },
): Promise<string[]> {
  if (!ids.length || !actor.userId) return [];
  const own = { id: { in: ids }, entryId: null, caseId: null, uploadedById: actor.userId };
  const files = await tx.attachment.findMany({ where: own, select: { id: true, filename: true, contentType: true, size: true, sha256: true } });
  await tx.attachment.updateMany({ where: { ...own, id: { in: files.map((f) => f.id) } }, data: { caseId: on.caseId, taskId: on.taskId ?? null } });
  for (const f of files)
    await appendAudit(tx, {
      key: `attachment:${f.id}:attached`,
      actor,
      action: 'evidence.attached',
      entityType: on.entityType,
      entityId: on.entityId,
      campaignId: on.campaignId,
      jurisdictionId: on.jurisdictionId,
      ...(on.clause ? { clause: on.clause } : {}),
      data: {
        attachmentId: f.id,
        filename: f.filename,
        contentType: f.contentType,
        size: f.size,
        sha256: f.sha256,
        caseId: on.caseId,
        ...(on.taskId ? { taskId: on.taskId } : {}),
      },
    });
  return files.map((f) => f.id);
}
