// A third party's imported scores (changxing 四、（四）第三方监测), delivered to the cases: each line is the
// completion of the case's score task, entered for the group (Actor.forGroup), so the audit records it
// as the party's decision. The lines were validated whole by the API before the import was acknowledged
// (api/resources/evaluation-groups.ts); a case that refuses its line meanwhile (its task reopened,
// cancelled, or scored by hand since) is recorded against the line, and the rest go on.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { heartbeat } from '@temporalio/activity';
import type { PrismaClient, Prisma } from '../prisma/generated/client.js';
import type { Actor } from '../domain/roles.js';
import { completeTaskUpdate } from '../workflows/messages.js';
import { appendAudit } from './audit.js';
import type { Dispatch } from './notify.js';

export interface ImportedScoreLine {
  /** The line as the user sees it in Excel (or the CSV's line). */
  line: number;
  taskId: string;
  workflowId: string;
  operatorName: string;
  uscc: string;
  score: number;
  remark?: string;
}
export interface RefusedLine {
  line: number;
  operatorName: string;
  messageZh: string;
  messageEn: string;
}

/** Lines per activity: a chunk's Updates finish well inside its timeout, and progress is saved after each. */
export const SCORE_IMPORT_CHUNK = 25;
const AT_ONCE = 4;

/** The import's totals so far, from its per-chunk progress. */
export function importProgress(progress: unknown): { delivered: number; refused: RefusedLine[] } {
  const chunks = Object.values((progress ?? {}) as Record<string, { delivered: number; refused: RefusedLine[] }>);
  return {
    delivered: chunks.reduce((n, c) => n + c.delivered, 0),
    refused: chunks.flatMap((c) => c.refused).sort((a, b) => a.line - b.line),
  };
}

export function scoreImportActivities(db: PrismaClient, dispatch?: Dispatch) {
  return {
    async scoreImportChunks({ importId }: { importId: string }): Promise<number> {
      const i = await db.scoreImport.findUniqueOrThrow({ where: { id: importId }, select: { lines: true } });
      return Math.ceil(i.lines / SCORE_IMPORT_CHUNK);
    },

    /** Delivers one chunk. Retried whole after a crash: a line this import already delivered is not sent again. */
    async deliverImportedScores({ importId, chunk }: { importId: string; chunk: number }): Promise<void> {
      if (!dispatch) throw new Error('score imports need the Temporal client (the worker passes it)');
      const imp = await db.scoreImport.findUniqueOrThrow({ where: { id: importId } });
      const group = await db.evaluationGroup.findUniqueOrThrow({ where: { id: imp.groupId } });
      const importer = await db.user.findUniqueOrThrow({ where: { id: imp.importedById } });
      const actor: Actor = {
        userId: importer.id,
        role: importer.role as Actor['role'],
        displayName: importer.displayName,
        forGroup: { groupId: group.id, groupName: group.name, importId },
      };
      const lines = (imp.rows as unknown as ImportedScoreLine[]).slice(chunk * SCORE_IMPORT_CHUNK, (chunk + 1) * SCORE_IMPORT_CHUNK);
      const refused: RefusedLine[] = [];
      let delivered = 0;
      const deliver = async (l: ImportedScoreLine) => {
        if (await deliveredBefore(l.taskId, importId)) return void delivered++;
        try {
          await dispatch.client.workflow
            .getHandle(l.workflowId)
            .executeUpdate(completeTaskUpdate, { args: [{ taskId: l.taskId, actor, result: { score: l.score, ...(l.remark ? { comment: l.remark } : {}) } }] });
          delivered++;
        } catch (e) {
          if (!(e instanceof WorkflowUpdateFailedError)) throw e; // the server or the case is unreachable: retried
          // A completion that raced a retry of this very chunk is this import's own.
          if (await deliveredBefore(l.taskId, importId)) return void delivered++;
          const msg = e.cause?.message ?? e.message;
          const cut = msg.indexOf(' / ');
          refused.push({
            line: l.line,
            operatorName: l.operatorName,
            messageZh: cut > 0 ? msg.slice(0, cut) : `案件拒绝了该分数：${msg}`,
            messageEn: cut > 0 ? msg.slice(cut + 3) : msg,
          });
        }
      };
      for (let i = 0; i < lines.length; i += AT_ONCE) {
        await Promise.all(lines.slice(i, i + AT_ONCE).map(deliver));
        heartbeat(i);
      }
      // Progress, once per chunk, under the chunk's own key: a retried chunk is counted once.
      const entry = JSON.stringify({ [chunk]: { delivered, refused } });
      await db.$executeRaw`UPDATE score_import SET progress = progress || ${entry}::jsonb WHERE id = ${importId}`;
    },

    async finishScoreImport({ importId }: { importId: string }): Promise<void> {
      await db.$transaction(async (tx) => {
        const imp = await tx.scoreImport.findUniqueOrThrow({ where: { id: importId } });
        if (imp.status === 'done') return;
        const group = await tx.evaluationGroup.findUniqueOrThrow({ where: { id: imp.groupId } });
        const importer = await tx.user.findUniqueOrThrow({ where: { id: imp.importedById } });
        await tx.scoreImport.update({ where: { id: importId }, data: { status: 'done', finishedAt: new Date() } });
        const { delivered, refused } = importProgress(imp.progress);
        await appendAudit(tx, {
          key: `score_import:${importId}:finished`,
          actor: {
            userId: importer.id,
            role: importer.role as Actor['role'],
            displayName: importer.displayName,
            forGroup: { groupId: group.id, groupName: group.name, importId },
          },
          action: 'score_import.finished',
          entityType: 'score_import',
          entityId: importId,
          campaignId: imp.campaignId,
          data: { dimension: imp.dimension, lines: imp.lines, delivered, refused: refused.length, fileName: imp.fileName } as Prisma.InputJsonObject,
        });
      });
    },
  };

  /** Whether this import's completion of the task is already recorded (its projection names the import). */
  async function deliveredBefore(taskId: string, importId: string): Promise<boolean> {
    const hit = await db.auditEvent.findFirst({
      where: { entityType: 'task', entityId: taskId, action: 'task.completed', data: { path: ['forGroup', 'importId'], equals: importId } },
      select: { id: true },
    });
    return !!hit;
  }
}
