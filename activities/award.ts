// The award end of a campaign: the 公示 list, objections to it, the final award list and the titles it
// grants, and the end of a title (revoked or expired). Every write is keyed, so a retried activity
// records its decision once.
import type { Prisma, PrismaClient } from '../prisma/generated/client.js';
import type { Actor } from '../domain/roles.js';
import { addDuration, parseDuration } from '../domain/duration.js';
import { shanghaiDate } from '../domain/time.js';
import { appendAudit, auditRosterPublished } from './audit.js';
import { bindFiles } from './evidence.js';
import { caseDecisionNotice } from './case.js';
import { dispatchDeliveries, insertNotifications, type Dispatch } from './notify.js';
import { operatorNotices } from './operator-notice.js';

export interface RosterEntry {
  caseId: string;
  operatorId: string;
  operatorName: string;
  uscc: string;
  jurisdictionId: string;
  jurisdictionName: string;
  track: string | null;
  totalScore: number | null;
  /** Why the entry is on a black list (ground or violation), or a note. */
  ground?: string;
  groundName?: string;
  since?: string;
}

export interface GrantedTitle {
  titleId: string;
  caseId: string;
  operatorId: string;
  operatorName: string;
  jurisdictionId: string;
  grantedAt: number;
  expiresAt: number;
}

export const rosterId = (campaignId: string, kind: string, seq: number) => `${campaignId}:${kind}:${seq}`;
export { titleWorkflowId } from '../workflows/ids.js';
import { titleWorkflowId } from '../workflows/ids.js';

/**
 * Cases as roster entries: each with its operator's name and 统一社会信用代码 and its place's name, and
 * its rank when the list has one (the Zhoushan cultivation list, a defined programme's roster).
 */
export async function rosterEntriesOf<
  C extends { id: string; operatorId: string; jurisdictionId: string; totalScore: number | null; track?: string | null; rank?: number },
>(tx: Prisma.TransactionClient, cases: C[]): Promise<(RosterEntry & Pick<C, 'rank'>)[]> {
  const operators = new Map((await tx.operator.findMany({ where: { id: { in: cases.map((c) => c.operatorId) } } })).map((o) => [o.id, o]));
  const names = new Map((await tx.jurisdiction.findMany({ where: { id: { in: cases.map((c) => c.jurisdictionId) } } })).map((j) => [j.id, j.name]));
  return cases.map((c) => ({
    caseId: c.id,
    operatorId: c.operatorId,
    operatorName: operators.get(c.operatorId)?.name ?? c.operatorId,
    uscc: operators.get(c.operatorId)?.uscc ?? '',
    jurisdictionId: c.jurisdictionId,
    jurisdictionName: names.get(c.jurisdictionId) ?? c.jurisdictionId,
    track: c.track ?? null,
    totalScore: c.totalScore,
    ...(c.rank !== undefined ? { rank: c.rank } : {}),
  })) as (RosterEntry & Pick<C, 'rank'>)[];
}

/** The cases matching `where` as roster entries, best score first. */
async function entriesOf(tx: Prisma.TransactionClient, where: Prisma.CaseWhereInput): Promise<RosterEntry[]> {
  return rosterEntriesOf(tx, await tx.case.findMany({ where, orderBy: [{ totalScore: 'desc' }, { id: 'asc' }] }));
}

export function awardActivities(db: PrismaClient, dispatch?: Dispatch) {
  return {
    /**
     * Publishes the 公示 list: every case proposed for the title (total at or above the threshold, not
     * excluded). Refused (nothing written) while a case still lacks its total: the list must be complete.
     */
    /** `supersedes`: the 公示 this one replaces after a score's correction (its reason kept in the audit). */
    async publishPublicity(input: {
      campaignId: string;
      seq: number;
      windowEndsAt: number;
      actor: Actor;
      clause: string;
      supersedes?: { rosterId: string; reason: string };
    }) {
      return db.$transaction(async (tx) => {
        // Exclusive against a score's correction (activities/correction.ts takes it shared): the list is read
        // after any correction being recorded, and a correction after it sees the list published.
        await tx.$queryRaw`SELECT id FROM campaign WHERE id = ${input.campaignId} FOR UPDATE`;
        const unscored = await tx.case.count({ where: { campaignId: input.campaignId, excludedKind: null, totalScore: null } });
        if (unscored > 0)
          return {
            refusal: `尚有 ${unscored} 个案件未完成评分，不能公示 / ${unscored} case(s) still lack a total`,
            rosterId: null,
            entries: [] as RosterEntry[],
          };
        // A case with a violation still being rectified may yet fail: the list waits for its verification.
        // (An inspection never carried out does not hold the list up: it is overdue and escalated.)
        const verifying = (
          await tx.task.findMany({
            where: { campaignId: input.campaignId, status: 'open', type: 'verification', caseId: { not: null } },
            select: { caseId: true },
          })
        ).map((t) => t.caseId!);
        const unfinished = await tx.case.count({
          where: { campaignId: input.campaignId, proposed: true, OR: [{ currentStep: { startsWith: 'rectifying:' } }, { id: { in: verifying } }] },
        });
        if (unfinished > 0)
          return {
            refusal: `尚有 ${unfinished} 个拟授予案件的整改未经复查，不能公示 / ${unfinished} proposed case(s) are still rectifying`,
            rosterId: null,
            entries: [] as RosterEntry[],
          };
        const id = rosterId(input.campaignId, 'publicity', input.seq);
        const entries = await entriesOf(tx, { campaignId: input.campaignId, proposed: true, excludedKind: null });
        await tx.roster.createMany({
          skipDuplicates: true,
          data: [
            {
              id,
              campaignId: input.campaignId,
              kind: 'publicity',
              seq: input.seq,
              publishedAt: new Date(),
              publishedById: input.actor.userId,
              windowEndsAt: new Date(input.windowEndsAt),
              entries: entries as unknown as Prisma.InputJsonValue,
            },
          ],
        });
        const stored = await tx.roster.findUniqueOrThrow({ where: { id } });
        await auditRosterPublished(tx, {
          rosterId: id,
          actor: input.actor,
          campaignId: input.campaignId,
          clause: input.clause,
          data: {
            kind: 'publicity',
            entries: entries.length,
            windowEndsAt: input.windowEndsAt,
            ...(input.supersedes ? { supersedes: input.supersedes.rosterId, reason: input.supersedes.reason } : {}),
          },
        });
        return { refusal: null, rosterId: id, entries: stored.entries as unknown as RosterEntry[] };
      });
    },

    async lodgeObjection(input: {
      objectionId: string;
      campaignId: string;
      caseId: string;
      rosterId: string;
      source: string;
      content: string;
      actor: Actor;
      clause: string;
    }) {
      await db.$transaction(async (tx) => {
        const c = await tx.case.findUniqueOrThrow({ where: { id: input.caseId } });
        await tx.objection.createMany({
          skipDuplicates: true,
          data: [
            {
              id: input.objectionId,
              campaignId: input.campaignId,
              caseId: input.caseId,
              rosterId: input.rosterId,
              jurisdictionId: c.jurisdictionId,
              lodgedAt: new Date(),
              // No user for an objection from the public (source 'public', api/public/objections.ts).
              lodgedById: input.actor.userId,
              source: input.source,
              content: input.content,
              status: 'open',
            },
          ],
        });
        await appendAudit(tx, {
          key: `objection:${input.objectionId}:lodged`,
          actor: input.actor,
          action: 'objection.lodged',
          entityType: 'case',
          entityId: input.caseId,
          campaignId: input.campaignId,
          jurisdictionId: c.jurisdictionId,
          clause: input.clause,
          reason: input.content,
          data: { objectionId: input.objectionId, source: input.source },
        });
      });
    },

    /** Upheld: the case leaves the list with the reason. Dismissed: it stays. Either way it is recorded. */
    async resolveObjection(input: { objectionId: string; decision: 'upheld' | 'dismissed'; resolution: string; actor: Actor; clause: string }) {
      const keys = await db.$transaction(async (tx) => {
        const o = await tx.objection.findUniqueOrThrow({ where: { id: input.objectionId } });
        await tx.objection.updateMany({
          where: { id: o.id, status: 'open' },
          data: { status: input.decision, resolvedAt: new Date(), resolvedById: input.actor.userId, resolution: input.resolution },
        });
        if (input.decision === 'upheld')
          await tx.case.updateMany({
            where: { id: o.caseId, excludedKind: null },
            data: { excludedKind: 'objection_upheld', excludedReason: input.resolution, proposed: false, updatedAt: new Date() },
          });
        await appendAudit(tx, {
          key: `objection:${o.id}:resolved`,
          actor: input.actor,
          action: `objection.${input.decision}`,
          entityType: 'case',
          entityId: o.caseId,
          campaignId: o.campaignId,
          jurisdictionId: o.jurisdictionId,
          clause: input.clause,
          reason: input.resolution,
          data: { objectionId: o.id },
        });
        // Upheld, the operator leaves the list: it hears why (README "Notifications to operators").
        return insertNotifications(
          tx,
          await operatorNotices(tx, [{ key: `objection:${o.id}:resolved`, action: `objection.${input.decision}`, caseId: o.caseId, reason: input.resolution }]),
        );
      });
      await dispatchDeliveries(db, dispatch, keys);
    },

    /**
     * The final award list: the 公示 list less the cases removed since. Each gets its title, valid for the
     * campaign's titleValidity from the grant (changxing 三、评定管理: 有效期为一年).
     */
    async grantTitles(input: { campaignId: string; publicityRosterId: string; titleValidity: string; actor: Actor; clause: string }): Promise<GrantedTitle[]> {
      const validity = parseDuration(input.titleValidity);
      if (!validity) throw new Error(`invalid titleValidity ${input.titleValidity}`);
      const { keys, granted } = await db.$transaction(async (tx) => {
        // Exclusive against a score's correction for a new 公示 (activities/correction.ts takes it shared): that
        // correction sees the award list, or the award sees the corrected score.
        await tx.$queryRaw`SELECT id FROM campaign WHERE id = ${input.campaignId} FOR UPDATE`;
        const publicity = await tx.roster.findUniqueOrThrow({ where: { id: input.publicityRosterId } });
        const listed = (publicity.entries as unknown as RosterEntry[]).map((e) => e.caseId);
        const entries = await entriesOf(tx, { id: { in: listed }, proposed: true, excludedKind: null });
        const now = Date.now();
        const expiresAt = addDuration(now, validity);
        await tx.title.createMany({
          skipDuplicates: true,
          data: entries.map((e) => ({
            id: e.caseId,
            campaignId: input.campaignId,
            caseId: e.caseId,
            operatorId: e.operatorId,
            jurisdictionId: e.jurisdictionId,
            totalScore: e.totalScore ?? 0,
            grantedAt: new Date(now),
            expiresAt: new Date(expiresAt),
            status: 'active',
            workflowId: titleWorkflowId(e.caseId),
          })),
        });
        const id = rosterId(input.campaignId, 'award', 1);
        await tx.roster.createMany({
          skipDuplicates: true,
          data: [
            {
              id,
              campaignId: input.campaignId,
              kind: 'award',
              seq: 1,
              publishedAt: new Date(now),
              publishedById: input.actor.userId,
              entries: entries as unknown as Prisma.InputJsonValue,
            },
          ],
        });
        await auditRosterPublished(tx, {
          rosterId: id,
          actor: input.actor,
          campaignId: input.campaignId,
          clause: input.clause,
          data: { kind: 'award', entries: entries.length, publicity: input.publicityRosterId },
        });
        const titles = await tx.title.findMany({ where: { id: { in: entries.map((e) => e.caseId) } } });
        const notices = [];
        for (const t of titles) {
          const c = await tx.case.update({ where: { id: t.caseId }, data: { currentStep: 'title:granted', updatedAt: new Date() } });
          await appendAudit(tx, {
            key: `title:${t.id}:granted`,
            actor: input.actor,
            action: 'title.granted',
            entityType: 'case',
            entityId: t.caseId,
            campaignId: input.campaignId,
            jurisdictionId: t.jurisdictionId,
            clause: input.clause,
            data: { grantedAt: t.grantedAt.getTime(), expiresAt: t.expiresAt.getTime(), totalScore: t.totalScore },
          });
          notices.push(
            await caseDecisionNotice(tx, `title:${t.id}:granted`, c, 'title.granted', `有效期至 / valid until ${shanghaiDate(t.expiresAt.getTime())}`),
          );
        }
        notices.push(
          ...(await operatorNotices(
            tx,
            titles.map((t) => ({
              key: `title:${t.id}:granted`,
              action: 'title.granted',
              caseId: t.caseId,
              reason: `有效期至 / valid until ${shanghaiDate(t.expiresAt.getTime())}`,
            })),
          )),
        );
        const keys = await insertNotifications(tx, notices);
        const granted = titles.map((t) => ({
          titleId: t.id,
          caseId: t.caseId,
          operatorId: t.operatorId,
          operatorName: entries.find((e) => e.caseId === t.caseId)?.operatorName ?? t.operatorId,
          jurisdictionId: t.jurisdictionId,
          grantedAt: t.grantedAt.getTime(),
          expiresAt: t.expiresAt.getTime(),
        }));
        return { keys, granted };
      });
      await dispatchDeliveries(db, dispatch, keys);
      return granted;
    },

    /** A title ends: revoked on one of the notice's grounds (with evidence and who), or expired. */
    async endTitle(input: {
      titleId: string;
      status: 'revoked' | 'expired';
      ground?: string;
      evidence?: string;
      /** Files of the revocation's evidence (checked by the API): the case's from this transaction on. */
      attachmentIds?: string[];
      actor: Actor;
      clause: string;
    }) {
      const keys = await db.$transaction(async (tx) => {
        const t = await tx.title.findUniqueOrThrow({ where: { id: input.titleId } });
        await tx.title.updateMany({
          where: { id: t.id, status: 'active' },
          data: {
            status: input.status,
            endedAt: new Date(),
            revokedGround: input.ground ?? null,
            revokedEvidence: input.evidence ?? null,
            revokedById: input.status === 'revoked' ? input.actor.userId : null,
          },
        });
        const c = await tx.case.update({ where: { id: t.caseId }, data: { currentStep: `title:${input.status}`, updatedAt: new Date() } });
        await appendAudit(tx, {
          key: `title:${t.id}:${input.status}`,
          actor: input.actor,
          action: `title.${input.status}`,
          entityType: 'case',
          entityId: t.caseId,
          campaignId: t.campaignId,
          jurisdictionId: t.jurisdictionId,
          clause: input.clause,
          reason: input.evidence ?? null,
          data: { ground: input.ground ?? null },
        });
        const on = { caseId: t.caseId, campaignId: t.campaignId, jurisdictionId: t.jurisdictionId, entityType: 'title', entityId: t.id, clause: input.clause };
        await bindFiles(tx, input.attachmentIds ?? [], input.actor, on);
        return input.status === 'revoked'
          ? insertNotifications(tx, [
              await caseDecisionNotice(tx, `title:${t.id}:revoked`, c, 'title.revoked', input.evidence),
              ...(await operatorNotices(tx, [{ key: `title:${t.id}:revoked`, action: 'title.revoked', caseId: t.caseId, reason: input.evidence }])),
            ])
          : [];
      });
      await dispatchDeliveries(db, dispatch, keys);
    },

    /** Any other decision on a title (complaint received, rectification outcome), for the trail. */
    async recordTitleEvent(input: {
      key: string;
      titleId: string;
      action: string;
      actor: Actor;
      clause: string;
      reason?: string;
      data?: Prisma.InputJsonValue;
    }) {
      const t = await db.title.findUniqueOrThrow({ where: { id: input.titleId } });
      await appendAudit(db, {
        key: input.key,
        actor: input.actor,
        action: input.action,
        entityType: 'case',
        entityId: t.caseId,
        campaignId: t.campaignId,
        jurisdictionId: t.jurisdictionId,
        clause: input.clause,
        reason: input.reason ?? null,
        data: input.data ?? {},
      });
    },
  };
}
