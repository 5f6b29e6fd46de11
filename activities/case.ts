import type { Prisma, PrismaClient } from '../prisma/generated/client.js';
import { ApplicationFailure } from '@temporalio/activity';
import { caseIdOf, trackKeyOf } from '../domain/case.js';
import type { Named } from '../domain/programmes/index.js';
import { SYSTEM_ACTOR, type Actor } from '../domain/roles.js';
import { aboutCase, appendAudit } from './audit.js';
import { decisionLabel } from '../domain/decisions.js';
import { dispatchDeliveries, insertNotifications, type Dispatch, type NewNotification } from './notify.js';
import { operatorNotices } from './operator-notice.js';
import { caseWorkflowId } from '../workflows/ids.js';

/** The case rows of operators joining a campaign (at launch or later), enrolled and not yet started. */
export const enrolledCaseRows = (campaignId: string, seeds: CaseSeed[], now: Date) =>
  seeds.map((s) => ({
    id: s.caseId,
    campaignId,
    operatorId: s.operatorId,
    jurisdictionId: s.jurisdictionId,
    track: s.track,
    status: 'active',
    currentStep: 'enrolled',
    workflowId: caseWorkflowId(s.caseId),
    createdAt: now,
    updatedAt: now,
  }));

export interface CaseSeed {
  caseId: string;
  operatorId: string;
  operatorName: string;
  operatorUscc: string;
  jurisdictionId: string;
  track: string | null;
}

/** A decision on a case, told to the officers of its jurisdiction. */
export async function caseDecisionNotice(
  tx: Prisma.TransactionClient,
  key: string,
  c: { id: string; campaignId: string; jurisdictionId: string; operatorId: string },
  action: string,
  reason?: string | null,
): Promise<NewNotification> {
  const op = await tx.operator.findUnique({ where: { id: c.operatorId }, select: { name: true } });
  const name = op?.name ?? c.operatorId;
  const label = decisionLabel(action);
  return {
    key: `decision:${key}`,
    kind: 'decision',
    recipientRole: 'county_officer',
    jurisdictionId: c.jurisdictionId,
    campaignId: c.campaignId,
    caseId: c.id,
    title: `「${name}」${label.zh} / ${name}: ${label.en}`,
    body: reason ?? '',
  };
}

export function caseActivities(db: PrismaClient, dispatch?: Dispatch) {
  return {
    /**
     * One launch batch: reads its operators and projects their cases, each with its
     * `case.enrolled` audit entry, in one transaction, so that a case workflow started by the batch has
     * nothing to write at start. A batch carries its 200 operator ids only (its input stays far below
     * Temporal's 2 MB payload limit); the API resolved and checked these operators when it launched, and
     * each keeps its registered track, as the API resolved it. A retry is a no-op.
     */
    async projectLaunchBatch(input: { campaignId: string; tracks: Named[]; operatorIds: string[]; actor: Actor; clause: string }): Promise<CaseSeed[]> {
      const rows = await db.operator.findMany({
        where: { id: { in: input.operatorIds } },
        select: { id: true, name: true, uscc: true, jurisdictionId: true, track: true },
      });
      const byId = new Map(rows.map((o) => [o.id, o]));
      const missing = input.operatorIds.filter((id) => !byId.has(id));
      // Operators are never deleted, so this is a launch from another database: nothing to retry.
      if (missing.length) throw ApplicationFailure.nonRetryable(`operators not in the register: ${missing.slice(0, 10).join(', ')}`, 'OperatorsMissing');
      const seeds: CaseSeed[] = input.operatorIds.map((id) => {
        const o = byId.get(id)!;
        return {
          caseId: caseIdOf(input.campaignId, o.id),
          operatorId: o.id,
          operatorName: o.name,
          operatorUscc: o.uscc,
          jurisdictionId: o.jurisdictionId,
          track: trackKeyOf(input.tracks, undefined, o.track) ?? null,
        };
      });
      const now = new Date();
      await db.$transaction([
        db.case.createMany({
          skipDuplicates: true,
          data: enrolledCaseRows(input.campaignId, seeds, now),
        }),
        db.auditEvent.createMany({
          skipDuplicates: true,
          data: seeds.map((s) => ({
            key: `case:${s.caseId}:enrolled`,
            at: now,
            actorId: input.actor.userId,
            actorRole: input.actor.role,
            action: 'case.enrolled',
            entityType: 'case',
            entityId: s.caseId,
            campaignId: input.campaignId,
            jurisdictionId: s.jurisdictionId,
            clause: input.clause,
            data: { operatorId: s.operatorId, track: s.track },
          })),
        }),
      ]);
      return seeds;
    },

    /** A case is one operator enrolled in a campaign (DOMAIN.md "Case"). */
    async projectCase(input: { campaignId: string; seed: CaseSeed; workflowId: string; actor: Actor; clause?: string }): Promise<void> {
      const now = new Date();
      const s = input.seed;
      await db.$transaction(async (tx) => {
        await tx.case.createMany({
          skipDuplicates: true,
          data: [
            {
              id: s.caseId,
              campaignId: input.campaignId,
              operatorId: s.operatorId,
              jurisdictionId: s.jurisdictionId,
              track: s.track,
              status: 'active',
              currentStep: 'enrolled',
              workflowId: input.workflowId,
              createdAt: now,
              updatedAt: now,
            },
          ],
        });
        await appendAudit(tx, {
          key: `case:${s.caseId}:enrolled`,
          actor: input.actor,
          action: 'case.enrolled',
          entityType: 'case',
          entityId: s.caseId,
          campaignId: input.campaignId,
          jurisdictionId: s.jurisdictionId,
          clause: input.clause ?? null,
          data: { operatorId: s.operatorId, track: s.track },
        });
      });
    },

    /**
     * A decision on a case (rectification ordered, filed, excluded, scored): the audit entry with its
     * clause, and the case's projection in the same transaction. `key` makes a retry a no-op.
     */
    async recordCaseDecision(input: CaseDecision): Promise<void> {
      const keys = await db.$transaction((tx) => recordCaseDecisionIn(tx, input));
      await dispatchDeliveries(db, dispatch, keys);
    },

    async updateCaseStep(input: CaseStep): Promise<void> {
      await updateCaseStepIn(db, input);
    },
  };
}

export interface CaseDecision {
  key: string;
  caseId: string;
  action: string;
  actor: Actor;
  clause: string;
  reason?: string;
  data?: Prisma.InputJsonValue;
  currentStep?: string;
  exclude?: { kind: string; reason: string };
  score?: { totalScore: number; parts: Prisma.InputJsonValue; proposed: boolean };
}

/** recordCaseDecision's writes in a transaction of the caller's; the keys of the notifications to deliver. */
export async function recordCaseDecisionIn(tx: Prisma.TransactionClient, input: CaseDecision): Promise<string[]> {
  // A score's proposal depends on whether the case is out of the award, and an exclusion withdraws it: the
  // row is locked before it is read, so a hold-out (README "Credit lists") and a case's last score recorded
  // at once cannot leave it proposed though excluded.
  if (input.score || input.exclude) await tx.$executeRaw`SELECT 1 FROM case_file WHERE id = ${input.caseId} FOR UPDATE`;
  const c = await tx.case.findUniqueOrThrow({ where: { id: input.caseId } });
  await tx.case.update({
    where: { id: input.caseId },
    data: {
      updatedAt: new Date(),
      ...(input.currentStep ? { currentStep: input.currentStep } : {}),
      // Out of the award: never proposed again, whatever its score.
      ...(input.exclude && !c.excludedKind ? { excludedKind: input.exclude.kind, excludedReason: input.exclude.reason, proposed: false } : {}),
      ...(input.score
        ? { totalScore: input.score.totalScore, scoreParts: input.score.parts, proposed: input.score.proposed && !c.excludedKind && !input.exclude }
        : {}),
    },
  });
  await appendAudit(tx, {
    key: input.key,
    actor: input.actor,
    action: input.action,
    ...aboutCase(c),
    reason: input.reason ?? null,
    clause: input.clause,
    data: input.data ?? {},
  });
  // Work overdue at a stage deadline is told once per station by closeStage, not once per case.
  if (input.action === 'case.task_overdue') return [];
  return insertNotifications(tx, [
    await caseDecisionNotice(tx, input.key, c, input.action, input.reason),
    ...(await operatorNotices(tx, [{ key: input.key, action: input.action, caseId: c.id, reason: input.reason, data: input.data }])),
  ]);
}

export interface CaseStep {
  caseId: string;
  currentStep: string;
  completed?: boolean;
}

/** updateCaseStep's writes, in a transaction of the caller's or (alone) as two statements. */
export async function updateCaseStepIn(tx: Prisma.TransactionClient, input: CaseStep): Promise<string[]> {
  const c = await tx.case.update({
    where: { id: input.caseId },
    data: { currentStep: input.currentStep, updatedAt: new Date(), ...(input.completed ? { status: 'completed' } : {}) },
  });
  if (input.completed)
    await appendAudit(tx, {
      key: `case:${input.caseId}:completed`,
      actor: SYSTEM_ACTOR,
      action: 'case.completed',
      ...aboutCase(c),
    });
  return [];
}
