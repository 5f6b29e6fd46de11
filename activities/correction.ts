// Corrections (DOMAIN.md "Correction": a later decision that amends a completed one, both kept; "Nothing is
// deleted; corrections are new entries"). The owning workflow decides a correction (its correctTask Update)
// and records it here in one transaction: the task row reopened or given its new result, the case's total
// and proposal recomputed by the workflow, work that followed from the old decision cancelled, and a
// `task.corrected` audit entry with the reason, the result before and after. The original `task.completed`
// entry stays as it was.
import { Prisma, type PrismaClient } from '../prisma/generated/client.js';
import type { Actor } from '../domain/roles.js';
import { shanghaiDateTime } from '../domain/time.js';
import { appendAudit, aboutTask } from './audit.js';

/**
 * What a correction may no longer change once it is public: the scores of a published 公示 (changxing 四、（四）),
 * the audits behind a confirmed cultivation list (zhoushan 六、（四）). A list is superseded by a new
 * publication, never edited: `superseding` is a score's correction made for a new 公示, allowed while the
 * published one is not yet final (no award list).
 */
export type CorrectionGuard = 'publicity' | 'superseding' | 'cultivation';

export interface CorrectionRecord {
  taskId: string;
  /** The task's correction number (1, 2 …): part of the audit key, so a retried activity records it once. */
  seq: number;
  actor: Actor;
  reason: string;
  clause?: string;
  /** Reopened for its holder's role (overdue when its stage has closed), or amended with `result`. */
  reopen: boolean;
  result?: Prisma.InputJsonValue;
  overdue?: boolean;
  guard?: CorrectionGuard;
  /** The workflow's time of the correction: a `superseding` one must fall within the 公示's window. */
  at?: number;
  /** The case's score as the workflow recomputed it (null: no total until the reopened task is done again). */
  score?: { totalScore: number | null; parts: Prisma.InputJsonValue | null; proposed: boolean };
  currentStep?: string;
  /** Open follow-up work of the old decision (a returned self-check's next round) that no longer applies. */
  cancelTaskIds?: string[];
}

export function correctionActivities(db: PrismaClient) {
  return {
    /** Records a correction, or returns why it is refused (nothing written then). */
    async recordCorrection(input: CorrectionRecord): Promise<{ refusal: string | null; before: unknown }> {
      return db.$transaction(async (tx) => {
        const task = await tx.task.findUniqueOrThrow({ where: { id: input.taskId } });
        // A share lock on the campaign: the 公示 and the cultivation list take it exclusively (activities/award.ts
        // publishPublicity, activities/application.ts confirmCultivationList), so a correction and a
        // publication happen one after the other, never interleaved.
        await tx.$queryRaw`SELECT id FROM campaign WHERE id = ${task.campaignId} FOR SHARE`;
        const key = `task:${task.id}:corrected:${input.seq}`;
        const done = await tx.auditEvent.findUnique({ where: { key } });
        if (done) return { refusal: null, before: (done.data as { before?: unknown }).before ?? null }; // a retry
        if (input.guard === 'publicity') {
          const published = await tx.roster.findFirst({ where: { campaignId: task.campaignId, kind: 'publicity' }, orderBy: { seq: 'desc' } });
          // A score may still be corrected together with a new 公示 (the dialog's 更正后重新公示).
          const how =
            task.type === 'score'
              ? ['；评分可勾选「更正后重新公示」，随更正发布新的公示名单', '; a score can be corrected with a new 公示 (republish)']
              : ['', ''];
          if (published)
            return {
              refusal: `「公示」名单已于 ${shanghaiDateTime(published.publishedAt.getTime())} 发布，其中的结论不能再更正${how[0]} / the 公示 list was published on ${shanghaiDateTime(published.publishedAt.getTime())} (UTC+8): its decisions can no longer be corrected${how[1]}`,
              before: null,
            };
        }
        if (input.guard === 'superseding') {
          const [published, award] = await Promise.all(
            (['publicity', 'award'] as const).map((kind) => tx.roster.findFirst({ where: { campaignId: task.campaignId, kind }, orderBy: { seq: 'desc' } })),
          );
          if (!published)
            return {
              refusal: '「公示」名单尚未发布：直接更正即可，无需重新公示 / the 公示 list is not published yet: correct without republishing',
              before: null,
            };
          if (award)
            return {
              refusal: `授予名单已于 ${shanghaiDateTime(award.publishedAt.getTime())} 确定，评分不能再更正；称号按撤销程序办理 / the award list became final on ${shanghaiDateTime(award.publishedAt.getTime())} (UTC+8): scores can no longer be corrected; a title is withdrawn by revocation`,
              before: null,
            };
          // Within the window only: the award is made once it is over (staged-award.ts), so the two never cross.
          const ends = published.windowEndsAt?.getTime() ?? 0;
          if ((input.at ?? Date.now()) >= ends)
            return {
              refusal: `公示期已于 ${shanghaiDateTime(ends)} 结束，评分不能再更正 / the publicity window ended on ${shanghaiDateTime(ends)} (UTC+8): scores can no longer be corrected`,
              before: null,
            };
        }
        if (input.guard === 'cultivation') {
          const list = await tx.roster.findFirst({ where: { campaignId: task.campaignId, kind: 'cultivation' }, orderBy: { seq: 'desc' } });
          if (list)
            return {
              refusal: `培育名单已于 ${shanghaiDateTime(list.publishedAt.getTime())} 确认发布，审核结论不能再更正 / the cultivation list was published on ${shanghaiDateTime(list.publishedAt.getTime())} (UTC+8): its audits can no longer be corrected`,
              before: null,
            };
        }
        const before = task.result;
        await tx.task.update({
          where: { id: task.id },
          data: input.reopen
            ? // Open again for its holder's role: unclaimed, no result, until someone completes it anew.
              { status: 'open', completedAt: null, completedById: null, claimedById: null, result: Prisma.DbNull, overdue: input.overdue ?? task.overdue }
            : { result: input.result ?? {} },
        });
        if (input.cancelTaskIds?.length) {
          const open = await tx.task.findMany({ where: { id: { in: input.cancelTaskIds }, status: 'open' } });
          await tx.task.updateMany({ where: { id: { in: open.map((t) => t.id) }, status: 'open' }, data: { status: 'cancelled', completedAt: new Date() } });
          for (const t of open)
            await appendAudit(tx, {
              // Per correction: a task revived and cancelled again is a second entry (stable on retry).
              key: `task:${t.id}:cancelled:${input.taskId}:${input.seq}`,
              actor: input.actor,
              action: 'task.cancelled',
              ...aboutTask(t),
              reason: input.reason,
              data: { correctionOf: task.id },
            });
        }
        if (task.caseId && (input.score || input.currentStep))
          await tx.case.update({
            where: { id: task.caseId },
            data: {
              updatedAt: new Date(),
              ...(input.currentStep ? { currentStep: input.currentStep } : {}),
              ...(input.score
                ? {
                    totalScore: input.score.totalScore,
                    scoreParts: input.score.parts ?? Prisma.DbNull,
                    proposed: input.score.proposed,
                  }
                : {}),
            },
          });
        await appendAudit(tx, {
          key,
          actor: input.actor,
          action: 'task.corrected',
          ...aboutTask(task),
          reason: input.reason,
          clause: input.clause ?? null,
          data: {
            type: task.type,
            caseId: task.caseId,
            seq: input.seq,
            kind: input.reopen ? 'reopened' : 'amended',
            before: before ?? null,
            after: input.reopen ? null : (input.result ?? null),
            ...(input.score ? { totalScore: input.score.totalScore, proposed: input.score.proposed } : {}),
          } as Prisma.InputJsonValue,
        });
        return { refusal: null, before };
      });
    },

    /**
     * Follow-up work a correction cancelled, needed again after all (a self-check review corrected to
     * "returned" once more): the same task opens again rather than a second one of the same round.
     */
    async reviveTask(input: RevivedTask): Promise<void> {
      await db.$transaction((tx) => reviveTaskIn(tx, input));
    },
  };
}

export interface RevivedTask {
  taskId: string;
  seq: number;
  actor: Actor;
  reason?: string;
  overdue: boolean;
}

/** reviveTask's writes in a transaction of the caller's. */
export async function reviveTaskIn(tx: Prisma.TransactionClient, input: RevivedTask): Promise<string[]> {
  const task = await tx.task.findUniqueOrThrow({ where: { id: input.taskId } });
  await tx.task.updateMany({
    where: { id: task.id, status: 'cancelled' },
    data: { status: 'open', completedAt: null, completedById: null, claimedById: null, overdue: input.overdue },
  });
  await appendAudit(tx, {
    key: `task:${task.id}:revived:${input.seq}`,
    actor: input.actor,
    action: 'task.reopened',
    ...aboutTask(task),
    reason: input.reason,
  });
  return [];
}
