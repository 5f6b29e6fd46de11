// Side effects of the arrival shards (workflows/arrival-shard.ts): taking an arrival into the campaign,
// and the Lijiang review batches of a campaign whose applications are spread over shards. The database is
// where arrivals at different shards meet: one case per operator and campaign (the case row's key), and
// none once its stage is closed (the stage row's lock, which closing the stage takes too).
import type { Prisma, PrismaClient } from '../prisma/generated/client.js';
import type { Actor } from '../domain/roles.js';
import type { Reason } from '../domain/intake.js';
import type { IntakeEntrySeed } from '../workflows/messages.js';
import { caseWorkflowId } from '../workflows/ids.js';
import { appendAudit } from './audit.js';
import { enrolledCaseRows, type CaseSeed } from './case.js';
import { batchId, intakeActivities } from './intake.js';
import type { Dispatch } from './notify.js';
import { stageId } from './stage-lock.js';

/** Thrown inside the transaction when another shard took one of the cases meanwhile: nothing is written. */
class TakenMeanwhile extends Error {}

export function arrivalActivities(db: PrismaClient, dispatch?: Dispatch) {
  const intake = intakeActivities(db, dispatch);
  /** The review order of a batch: priority first (优先入库, 附件1 第17条), then first filed. */
  const reviewOrder: Prisma.RegisterEntryOrderByWithRelationInput[] = [{ priority: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }];

  return {
    /**
     * Takes arrivals into the campaign, or says why not: their stage no longer takes arrivals, or a case
     * is in the campaign already (filed through another shard). Taken, each case is projected with its
     * `case.enrolled` entry (its workflow then has nothing to write at start) and the campaign's count
     * and `campaign.cases_enrolled` entry follow, all in one transaction; a register application's entry
     * is projected after it. `key` (the shard's and the arrival's number) makes a retry a no-op.
     */
    async admitArrivals(input: {
      campaignId: string;
      key: string;
      stageKey: string;
      kind: 'enrolment' | 'application' | 'intake';
      seeds: CaseSeed[];
      actor: Actor;
      /** The campaign's enrolment entry's clause, and each case's. */
      clause: string;
      caseClause: string;
      /** Register applications: the entry, and the clause of its register (Lijiang 附件1/附件2). */
      entry?: IntakeEntrySeed;
      entryClause?: string;
    }): Promise<{ refused?: { duplicates?: string[]; stageStatus?: string }; caseCount: number; queued?: number }> {
      const auditKey = `campaign:${input.campaignId}:enrolled:${input.key}`;
      const ids = input.seeds.map((s) => s.caseId);
      let r: { refused?: { duplicates?: string[]; stageStatus?: string }; caseCount: number };
      try {
        r = await db.$transaction(async (tx) => {
          const done = await tx.auditEvent.findUnique({ where: { key: auditKey }, select: { data: true } });
          if (done) return { caseCount: (done.data as { caseCount: number }).caseCount };
          // Shared with other arrivals, exclusive with the stage's close (activities/stage-lock.ts).
          const [stage] = await tx.$queryRaw<
            { status: string; starts_at: Date }[]
          >`SELECT status, starts_at FROM stage WHERE id = ${stageId(input.campaignId, input.stageKey)} FOR SHARE`;
          if (!stage) throw new Error(`stage ${input.stageKey} of ${input.campaignId} is not projected`);
          const takes = stage.status !== 'closed' && (input.kind === 'enrolment' || stage.status === 'open' || Date.now() >= stage.starts_at.getTime());
          if (!takes) return { refused: { stageStatus: stage.status }, caseCount: 0 };
          const existing = await tx.case.findMany({ where: { id: { in: ids } }, select: { id: true } });
          if (existing.length) return { refused: { duplicates: existing.map((e) => e.id) }, caseCount: 0 };
          const now = new Date();
          const created = await tx.case.createMany({
            skipDuplicates: true,
            data: enrolledCaseRows(input.campaignId, input.seeds, now),
          });
          if (created.count !== ids.length) throw new TakenMeanwhile();
          await tx.auditEvent.createMany({
            skipDuplicates: true,
            data: input.seeds.map((s) => ({
              key: `case:${s.caseId}:enrolled`,
              at: now,
              actorId: input.actor.userId,
              actorRole: input.actor.role,
              action: 'case.enrolled',
              entityType: 'case',
              entityId: s.caseId,
              campaignId: input.campaignId,
              jurisdictionId: s.jurisdictionId,
              clause: input.caseClause,
              data: { operatorId: s.operatorId, track: s.track },
            })),
          });
          const c = await tx.campaign.update({ where: { id: input.campaignId }, data: { caseCount: { increment: ids.length } }, select: { caseCount: true } });
          await appendAudit(
            tx,
            {
              key: auditKey,
              actor: input.actor,
              action: 'campaign.cases_enrolled',
              entityType: 'campaign',
              entityId: input.campaignId,
              campaignId: input.campaignId,
              clause: input.clause,
              data: { added: ids, caseCount: c.caseCount },
            },
            now,
          );
          return { caseCount: c.caseCount };
        });
      } catch (e) {
        if (!(e instanceof TakenMeanwhile)) throw e;
        const existing = await db.case.findMany({ where: { id: { in: ids } }, select: { id: true } });
        return { refused: { duplicates: existing.map((x) => x.id) }, caseCount: 0 };
      }
      if (r.refused || !input.entry) return r;
      const s = input.seeds[0]!;
      const e = input.entry;
      await intake.projectRegisterEntry({
        entryId: s.caseId,
        campaignId: input.campaignId,
        operatorId: s.operatorId,
        jurisdictionId: s.jurisdictionId,
        ...e,
        priorityReasons: e.priorityReasons as Reason[],
        flags: e.flags as Reason[],
        form: e.form as Prisma.InputJsonValue,
        workflowId: caseWorkflowId(s.caseId),
        actor: input.actor,
        clause: input.entryClause ?? input.clause,
      });
      return { ...r, queued: await db.registerEntry.count({ where: { campaignId: input.campaignId, status: 'queued' } }) };
    },

    /**
     * Opens review batch `seq` with every application the database has queued, in review order; nothing
     * (no batch) when none is. A retry returns the batch the first attempt opened.
     */
    async openQueuedIntakeBatch(input: {
      campaignId: string;
      seq: number;
      reviewDueAt: number;
      actor: Actor;
      clause: string;
    }): Promise<{ batchId?: string; size: number }> {
      const id = batchId(input.campaignId, input.seq);
      const opened = await db.intakeBatch.findUnique({ where: { id }, select: { size: true } });
      if (opened) return { batchId: id, size: opened.size };
      const queued = await db.registerEntry.findMany({
        where: { campaignId: input.campaignId, status: 'queued', batchId: null },
        orderBy: reviewOrder,
        select: { id: true },
      });
      if (queued.length === 0) return { size: 0 };
      await intake.openIntakeBatch({ ...input, caseIds: queued.map((q) => q.id) });
      return { batchId: id, size: queued.length };
    },

    /** The places in batch `batchId` (1 = reviewed first) of those of `caseIds` it holds. */
    async intakeBatchRanks(input: { batchId: string; caseIds: string[] }): Promise<{ caseId: string; rank: number }[]> {
      const rows = await db.registerEntry.findMany({ where: { batchId: input.batchId }, orderBy: reviewOrder, select: { id: true } });
      const mine = new Set(input.caseIds);
      return rows.flatMap((r, i) => (mine.has(r.id) ? [{ caseId: r.id, rank: i + 1 }] : []));
    },
  };
}
