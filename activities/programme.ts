// Programmes defined as data: confirming a campaign's roster (kind 'list') by the
// threshold and/or quota of its definition, with each case's outcome in the audit trail citing the
// definition's clause (e.g. the Shanghai measures, seeds/shanghai-live-ecommerce-measures.txt).
import type { Prisma, PrismaClient } from '../prisma/generated/client.js';
import type { Actor } from '../domain/roles.js';
import { appendAudit, auditRosterPublished } from './audit.js';
import { chooseList } from './application.js';
import { rosterEntriesOf } from './award.js';
import { rosterId } from './award.js';
import { caseDecisionNotice } from './case.js';
import { dispatchDeliveries, insertNotifications, type Dispatch } from './notify.js';
import { operatorNotices, type OperatorEvent } from './operator-notice.js';

export function programmeActivities(db: PrismaClient, dispatch?: Dispatch) {
  return {
    /**
     * Refused (nothing written) while the rubric stage is open and a case's rubric task is not done yet;
     * otherwise the scored, non-vetoed cases are chosen (best first; ties at the quota all go in, as the
     * Zhoushan list), the roster is published and each case told. Cases never scored are not listed.
     */
    async confirmDefinedRoster(input: {
      campaignId: string;
      threshold?: number;
      quota?: number;
      actor: Actor;
      clause: string;
      rubricStageClosed: boolean;
      rosterName: string;
    }) {
      const id = rosterId(input.campaignId, 'list', 1);
      const { keys, ...out } = await db.$transaction(async (tx) => {
        const cases = await tx.case.findMany({ where: { campaignId: input.campaignId }, orderBy: { id: 'asc' } });
        if (!input.rubricStageClosed) {
          const rubric = await tx.task.findMany({ where: { campaignId: input.campaignId, type: 'rubric' }, select: { status: true, caseId: true } });
          const open = rubric.filter((t) => t.status === 'open').length;
          const missing = cases.filter((c) => !c.excludedKind && !rubric.some((t) => t.caseId === c.id)).length;
          if (open + missing > 0)
            return {
              refusal: `评分阶段未结束，尚有 ${open + missing} 件未评分 / the rubric stage is open and ${open + missing} case(s) are not scored yet`,
              rosterId: id,
              listed: [] as string[],
              notListed: [] as string[],
              keys: [] as string[],
            };
        }
        const scored = cases.filter((c) => !c.excludedKind && c.totalScore !== null);
        const chosen = chooseList(
          scored.map((c) => ({ ...c, totalScore: c.totalScore! })),
          input.threshold,
          input.quota,
        );
        const entries = await rosterEntriesOf(tx, chosen);
        const now = new Date();
        await tx.roster.createMany({
          skipDuplicates: true,
          data: [
            {
              id,
              campaignId: input.campaignId,
              kind: 'list',
              seq: 1,
              publishedAt: now,
              publishedById: input.actor.userId,
              entries: entries as unknown as Prisma.InputJsonValue,
            },
          ],
        });
        const listedIds = new Set(entries.map((e) => e.caseId));
        // Vetoed cases are already out (their workflows are over); the others hear the decision.
        const decided = cases.filter((c) => !c.excludedKind);
        const notices = [];
        const told: OperatorEvent[] = [];
        for (const c of decided) {
          const listed = listedIds.has(c.id);
          const action = listed ? 'case.listed' : 'case.not_listed';
          const key = `case:${c.id}:${listed ? 'listed' : 'not_listed'}`;
          await tx.case.update({ where: { id: c.id }, data: { currentStep: listed ? 'listed' : 'not_listed', proposed: listed, updatedAt: now } });
          const reason = listed ? `列入「${input.rosterName}」` : c.totalScore === null ? '未评分 / not scored' : undefined;
          await appendAudit(tx, {
            key,
            actor: input.actor,
            action,
            entityType: 'case',
            entityId: c.id,
            campaignId: input.campaignId,
            jurisdictionId: c.jurisdictionId,
            clause: input.clause,
            reason: reason ?? null,
            data: {
              totalScore: c.totalScore,
              threshold: input.threshold ?? null,
              quota: input.quota ?? null,
              rank: entries.find((e) => e.caseId === c.id)?.rank ?? null,
              rosterId: id,
            },
          });
          notices.push(await caseDecisionNotice(tx, key, c, action, reason));
          told.push({ key, action, caseId: c.id, reason });
        }
        notices.push(...(await operatorNotices(tx, told)));
        await auditRosterPublished(tx, {
          rosterId: id,
          actor: input.actor,
          campaignId: input.campaignId,
          clause: input.clause,
          data: { kind: 'list', name: input.rosterName, entries: entries.length, threshold: input.threshold ?? null, quota: input.quota ?? null },
        });
        const keys = await insertNotifications(tx, notices, now);
        return {
          refusal: null,
          rosterId: id,
          listed: entries.map((e) => e.caseId),
          notListed: decided.filter((c) => !listedIds.has(c.id)).map((c) => c.id),
          keys,
        };
      });
      await dispatchDeliveries(db, dispatch, keys);
      return out;
    },
  };
}
