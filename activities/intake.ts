// Side effects of the Lijiang registers: the entry's projection, review batches, decisions (admitted,
// refused, filed, removal proposed, removed, kept) and the dynamic scoring runs. Every write is keyed by
// its audit entry, so a retried activity changes nothing twice.
import type { Prisma, PrismaClient } from '../prisma/generated/client.js';
import type { Actor } from '../domain/roles.js';
import { entryScore, removalReasons, type Metrics, type Reason } from '../domain/intake.js';
import { shanghaiDate } from '../domain/time.js';
import { appendAudit } from './audit.js';
import { caseDecisionNotice } from './case.js';
import { dispatchDeliveries, insertNotifications, type Dispatch } from './notify.js';
import { operatorNotices } from './operator-notice.js';
import { registerEntryWorkflowId } from '../workflows/ids.js';

export const batchId = (campaignId: string, seq: number) => `${campaignId}:batch:${seq}`;

export interface EntryPatch {
  status?: 'admitted' | 'refused' | 'filed' | 'removed';
  refusedReason?: string;
  filingDate?: string;
  filingReference?: string;
  removalProposed?: boolean;
  removedReason?: string;
}

export function intakeActivities(db: PrismaClient, dispatch?: Dispatch) {
  return {
    /** The application as a register entry (queued), its attachments bound to it, in one transaction. */
    async projectRegisterEntry(input: {
      entryId: string;
      campaignId: string;
      operatorId: string;
      jurisdictionId: string;
      register: 'product' | 'influencer';
      name: string;
      identity: string;
      priority: number;
      priorityReasons: Reason[];
      flags: Reason[];
      form: Prisma.InputJsonValue;
      attachments: { id: string; field: string }[];
      workflowId: string;
      actor: Actor;
      clause: string;
    }): Promise<void> {
      await db.$transaction(async (tx) => {
        const created = await tx.registerEntry.createMany({
          skipDuplicates: true,
          data: [
            {
              id: input.entryId,
              campaignId: input.campaignId,
              register: input.register,
              identity: input.identity,
              name: input.name,
              operatorId: input.operatorId,
              jurisdictionId: input.jurisdictionId,
              status: 'queued',
              priority: input.priority,
              priorityReasons: input.priorityReasons as unknown as Prisma.InputJsonValue,
              flags: input.flags as unknown as Prisma.InputJsonValue,
              form: input.form,
              createdAt: new Date(),
              workflowId: input.workflowId,
            },
          ],
        });
        if (created.count === 0) return;
        // Only the filer's own uploads are bound (checked by the API too: api/intake-filing.ts).
        const uploader = input.actor.userId;
        if (uploader)
          for (const a of input.attachments)
            await tx.attachment.updateMany({ where: { id: a.id, entryId: null, uploadedById: uploader }, data: { entryId: input.entryId, field: a.field } });
        await appendAudit(tx, {
          key: `entry:${input.entryId}:filed`,
          actor: input.actor,
          action: 'intake.applied',
          entityType: 'case',
          entityId: input.entryId,
          campaignId: input.campaignId,
          jurisdictionId: input.jurisdictionId,
          clause: input.clause,
          data: { register: input.register, name: input.name, priority: input.priority, attachments: input.attachments.length },
        });
      });
    },

    /** Opens a review batch with the queued applications in review order. */
    async openIntakeBatch(input: {
      campaignId: string;
      seq: number;
      reviewDueAt: number;
      caseIds: string[];
      actor: Actor;
      clause: string;
    }): Promise<{ batchId: string }> {
      const id = batchId(input.campaignId, input.seq);
      await db.$transaction(async (tx) => {
        const c = await tx.campaign.findUniqueOrThrow({ where: { id: input.campaignId } });
        const created = await tx.intakeBatch.createMany({
          skipDuplicates: true,
          data: [
            {
              id,
              campaignId: input.campaignId,
              seq: input.seq,
              openedAt: new Date(),
              openedById: input.actor.userId,
              reviewDueAt: new Date(input.reviewDueAt),
              size: input.caseIds.length,
              status: 'open',
            },
          ],
        });
        if (created.count === 0) return;
        // The entry may not be projected yet if its workflow has not run its first activity: it is then
        // created later with status queued and picks up its batch from the signal (see projectRegisterEntry).
        await tx.registerEntry.updateMany({ where: { id: { in: input.caseIds }, status: 'queued' }, data: { batchId: id, status: 'in_review' } });
        await appendAudit(tx, {
          key: `batch:${id}:opened`,
          actor: input.actor,
          action: 'intake.batch_opened',
          entityType: 'intake_batch',
          entityId: id,
          campaignId: input.campaignId,
          jurisdictionId: c.jurisdictionId,
          clause: input.clause,
          data: { seq: input.seq, size: input.caseIds.length, reviewDueAt: input.reviewDueAt, order: input.caseIds },
        });
        const keys = await insertNotifications(tx, [
          {
            key: `batch:${id}:opened`,
            kind: 'assignment',
            recipientRole: 'auditor',
            jurisdictionId: c.jurisdictionId,
            campaignId: input.campaignId,
            title: `第${input.seq}批入库审核已开启（${input.caseIds.length} 件） / review batch ${input.seq} opened (${input.caseIds.length})`,
            body: `审核截止 / review due ${shanghaiDate(input.reviewDueAt)}`,
          },
        ]);
        await dispatchDeliveries(db, dispatch, keys);
      });
      return { batchId: id };
    },

    /** The entry's batch, for an entry projected after its batch was opened. */
    async assignEntryBatch(input: { entryId: string; batchId: string }): Promise<void> {
      await db.registerEntry.updateMany({ where: { id: input.entryId, status: 'queued' }, data: { batchId: input.batchId, status: 'in_review' } });
    },

    /**
     * A decision on an entry: the entry's row, the case's step (and exclusion when refused), the audit
     * entry citing its clause, and the notice to the county — once, whatever the retries.
     */
    async recordEntryDecision(input: {
      key: string;
      entryId: string;
      action: string;
      actor: Actor;
      clause: string;
      reason?: string;
      data?: Prisma.InputJsonValue;
      patch: EntryPatch;
      exclude?: boolean;
      batch?: { id: string };
    }): Promise<void> {
      const keys = await db.$transaction(async (tx) => {
        if ((await tx.auditEvent.count({ where: { key: input.key } })) > 0) return [];
        const e = await tx.registerEntry.findUniqueOrThrow({ where: { id: input.entryId } });
        const p = input.patch;
        const now = new Date();
        await tx.registerEntry.update({
          where: { id: e.id },
          data: {
            ...(p.status ? { status: p.status } : {}),
            ...(p.status === 'admitted' ? { admittedAt: now } : {}),
            ...(p.refusedReason !== undefined ? { refusedReason: p.refusedReason } : {}),
            ...(p.status === 'filed' ? { filedAt: now, filingDate: new Date(`${p.filingDate}T00:00:00Z`), filingReference: p.filingReference ?? null } : {}),
            // A corrected filing: its date and reference, the entry filed as before.
            ...(!p.status && p.filingDate ? { filingDate: new Date(`${p.filingDate}T00:00:00Z`), filingReference: p.filingReference ?? null } : {}),
            ...(p.removalProposed !== undefined ? { removalProposed: p.removalProposed } : {}),
            ...(p.status === 'removed' ? { removedAt: now, removedReason: p.removedReason ?? null } : {}),
          },
        });
        const c = await tx.case.update({
          where: { id: e.id },
          data: {
            updatedAt: now,
            ...(p.status ? { currentStep: p.status } : {}),
            ...(input.exclude ? { excludedKind: 'refused', excludedReason: input.reason ?? '', proposed: false } : {}),
          },
        });
        await appendAudit(
          tx,
          {
            key: input.key,
            actor: input.actor,
            action: input.action,
            entityType: 'case',
            entityId: e.id,
            campaignId: e.campaignId,
            jurisdictionId: e.jurisdictionId,
            reason: input.reason ?? null,
            clause: input.clause,
            data: input.data ?? {},
          },
          now,
        );
        // A batch is closed once every application in it is decided. Its row is locked first: two decisions
        // of one batch recorded at once would each count the other still in review, and neither close it.
        if (e.batchId && (p.status === 'admitted' || p.status === 'refused')) {
          await tx.$queryRaw`SELECT id FROM intake_batch WHERE id = ${e.batchId} FOR UPDATE`;
          if ((await tx.registerEntry.count({ where: { batchId: e.batchId, status: 'in_review' } })) === 0)
            await tx.intakeBatch.updateMany({ where: { id: e.batchId, status: 'open' }, data: { status: 'closed', closedAt: now } });
        }
        return insertNotifications(tx, [
          await caseDecisionNotice(tx, input.key, c, input.action, input.reason),
          ...(await operatorNotices(tx, [{ key: input.key, action: input.action, caseId: c.id, reason: input.reason, data: input.data }])),
        ]);
      });
      await dispatchDeliveries(db, dispatch, keys);
    },

    /**
     * One period of dynamic scoring: each filed entry with figures recorded since the previous run is
     * scored; averages are per register; removals are proposed by 第16条 (see domain/intake.ts).
     */
    async scoreRegisters(input: {
      campaignId: string;
      runId: string;
      periodKey: string;
      settings: { scoreWeights: { rating: number; complaints: number; findings: number }; complaintRateLimit: number; belowAverageMargin: number };
      actor: Actor;
      clause: string;
    }): Promise<{ runId: string; scored: number; proposals: { entryId: string; workflowId: string; score: number; average: number; reasons: Reason[] }[] }> {
      return db.$transaction(async (tx) => {
        const done = await tx.registerScoringRun.findUnique({ where: { id: input.runId } });
        if (done) {
          const scores = await tx.registerScore.findMany({ where: { runId: input.runId, proposed: true } });
          return {
            runId: input.runId,
            scored: done.scored,
            proposals: scores.map((s) => ({
              entryId: s.entryId,
              workflowId: registerEntryWorkflowId(s.entryId),
              score: s.score,
              average: s.average,
              reasons: s.reasons as unknown as Reason[],
            })),
          };
        }
        const previous = await tx.registerScoringRun.findFirst({ where: { campaignId: input.campaignId }, orderBy: { ranAt: 'desc' } });
        const since = previous?.ranAt ?? new Date(0);
        const entries = await tx.registerEntry.findMany({ where: { campaignId: input.campaignId, status: 'filed' }, orderBy: { id: 'asc' } });
        const scored: { entryId: string; register: string; metricId: bigint; m: Metrics; score: number; parts: Record<string, number> }[] = [];
        for (const e of entries) {
          const m = await tx.registerMetric.findFirst({
            where: { entryId: e.id, recordedAt: { gt: since } },
            orderBy: [{ recordedAt: 'desc' }, { id: 'desc' }],
          });
          if (!m) continue; // no figures this period: not scored, not proposed
          const metrics: Metrics = { platformRating: m.platformRating, complaintRate: m.complaintRate, findings: m.findings, violation: m.violation };
          scored.push({
            entryId: e.id,
            register: e.register,
            metricId: m.id,
            m: metrics,
            ...entryScore(metrics, input.settings.scoreWeights, input.settings.complaintRateLimit),
          });
        }
        const averages: Record<string, number> = {};
        for (const reg of new Set(scored.map((s) => s.register))) {
          const xs = scored.filter((s) => s.register === reg);
          averages[reg] = Math.round((xs.reduce((n, s) => n + s.score, 0) / xs.length) * 100) / 100;
        }
        const now = new Date();
        const c = await tx.campaign.findUniqueOrThrow({ where: { id: input.campaignId } });
        const proposals: { entryId: string; workflowId: string; score: number; average: number; reasons: Reason[] }[] = [];
        const rows = scored.map((s) => {
          const reasons = removalReasons(s.m, s.score, averages[s.register]!, input.settings);
          if (reasons.length)
            proposals.push({ entryId: s.entryId, workflowId: registerEntryWorkflowId(s.entryId), score: s.score, average: averages[s.register]!, reasons });
          return {
            id: `${s.entryId}:${input.periodKey}`,
            entryId: s.entryId,
            runId: input.runId,
            scoredAt: now,
            score: s.score,
            average: averages[s.register]!,
            parts: s.parts,
            metricId: s.metricId,
            proposed: reasons.length > 0,
            reasons: reasons as unknown as Prisma.InputJsonValue,
          };
        });
        await tx.registerScoringRun.create({
          data: {
            id: input.runId,
            campaignId: input.campaignId,
            periodKey: input.periodKey,
            ranAt: now,
            scored: scored.length,
            proposed: proposals.length,
            averages,
          },
        });
        await tx.registerScore.createMany({ data: rows });
        for (const s of scored) await tx.registerEntry.update({ where: { id: s.entryId }, data: { lastScore: s.score, lastScoredAt: now } });
        await appendAudit(
          tx,
          {
            key: `scoring:${input.runId}`,
            actor: input.actor,
            action: 'intake.scored',
            entityType: 'campaign',
            entityId: input.campaignId,
            campaignId: input.campaignId,
            jurisdictionId: c.jurisdictionId,
            clause: input.clause,
            data: { periodKey: input.periodKey, scored: scored.length, proposed: proposals.length, averages },
          },
          now,
        );
        return { runId: input.runId, scored: scored.length, proposals };
      });
    },

    async recordScoringPeriod(input: { campaignId: string; period: string; nextRunAt: number; actor: Actor; clause: string }): Promise<void> {
      const c = await db.campaign.findUniqueOrThrow({ where: { id: input.campaignId } });
      await appendAudit(db, {
        key: `scoring:${input.campaignId}:period:${input.nextRunAt}:${input.period}`,
        actor: input.actor,
        action: 'intake.scoring_period_set',
        entityType: 'campaign',
        entityId: input.campaignId,
        campaignId: input.campaignId,
        jurisdictionId: c.jurisdictionId,
        clause: input.clause,
        data: { period: input.period, nextRunAt: input.nextRunAt },
      });
    },
  };
}
