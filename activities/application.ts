// Application programmes (Zhoushan): the application on the case, deadlines of the county's pre-review,
// the city cultivation list (择优), and listed rooms' nomination, province answer, findings and removal.
import type { Prisma, PrismaClient, Task } from '../prisma/generated/client.js';
import { OPERATOR_ROLE, SYSTEM_ACTOR, type Actor } from '../domain/roles.js';
import { splitDocument } from '../domain/application-form.js';
import { shanghaiDateTime } from '../domain/time.js';
import { aboutCase, appendAudit, auditRosterPublished, aboutTask } from './audit.js';
import { rosterEntriesOf, rosterId } from './award.js';
import { dispatchDeliveries, insertNotifications, type Dispatch, type NewNotification } from './notify.js';
import { operatorNotices, type OperatorEvent } from './operator-notice.js';
import { staffRoleFor } from '../domain/operator-notices.js';
import { listingWorkflowId } from '../workflows/ids.js';

export interface ListedRoom {
  caseId: string;
  operatorId: string;
  operatorName: string;
  jurisdictionId: string;
  totalScore: number;
  rank: number;
}

/**
 * 择优: audited cases (no veto) at or above the threshold, best first; with a quota, the first `quota`
 * and every case tied with the last of them (a tie at the cut is not decided by chance or by name).
 * Rank is competition rank: 1, 2, 2, 4.
 */
export function chooseList<T extends { totalScore: number }>(candidates: T[], threshold?: number, quota?: number): (T & { rank: number })[] {
  const sorted = candidates.filter((c) => threshold === undefined || c.totalScore >= threshold).sort((a, b) => b.totalScore - a.totalScore);
  const ranked = sorted.map((c, i) => ({ ...c, rank: sorted.findIndex((x) => x.totalScore === c.totalScore) + 1, i }));
  if (quota === undefined || ranked.length <= quota) return ranked.map(({ i: _i, ...c }) => c as T & { rank: number });
  const cut = ranked[quota - 1]!.totalScore;
  return ranked.filter((c) => c.i < quota || c.totalScore === cut).map(({ i: _i, ...c }) => c as T & { rank: number });
}

/** A notice about a task (its task, case and campaign filled in) and the audit entry recording it. */
interface TaskNotice {
  key: string;
  action: string;
  clause?: string;
  data: Prisma.InputJsonObject;
  notice: Omit<NewNotification, 'key' | 'campaignId' | 'taskId' | 'caseId'>;
}

export function applicationActivities(db: PrismaClient, dispatch?: Dispatch) {
  /**
   * One notice about an open task and its audit entry, under one key, in one transaction: a retried
   * activity writes each once, and a task done meanwhile gets neither. Returns the notices written.
   */
  async function taskNotice(taskId: string, about: (t: Task, tx: Prisma.TransactionClient) => TaskNotice | Promise<TaskNotice>): Promise<number> {
    const keys = await db.$transaction(async (tx) => {
      const t = await tx.task.findUniqueOrThrow({ where: { id: taskId } });
      if (t.status !== 'open') return [];
      const n = await about(t, tx);
      await appendAudit(tx, { key: n.key, actor: SYSTEM_ACTOR, action: n.action, ...aboutTask(t), ...(n.clause ? { clause: n.clause } : {}), data: n.data });
      return insertNotifications(tx, [{ ...n.notice, key: n.key, campaignId: t.campaignId, taskId: t.id, caseId: t.caseId }]);
    });
    await dispatchDeliveries(db, dispatch, keys);
    return keys.length;
  }

  /**
   * An overdue task escalated (workflows/overdue.ts, workflows/title.ts): to the coordinators over it (a
   * station's task goes to its county, where they sit), or to the leaders of the jurisdiction above it (its
   * own, at the top).
   */
  function escalate(input: { taskId: string; clause: string }, to: 'coordinator' | 'leader'): Promise<number> {
    return taskNotice(input.taskId, async (t, tx) => {
      const j = await tx.jurisdiction.findUniqueOrThrow({ where: { id: t.jurisdictionId } });
      const over = to === 'leader' ? (j.parentId ?? j.id) : j.level === 'station' && j.parentId ? j.parentId : j.id;
      const title =
        to === 'leader'
          ? `逾期督办一周仍未办结：${t.title} / still open a week after its escalation: ${t.title}`
          : `逾期督办：${t.title} / overdue: ${t.title}`;
      return {
        key: `task:${t.id}:escalation:${to}`,
        action: 'task.escalated',
        clause: input.clause,
        data: { to, jurisdictionId: over, dueAt: t.dueAt.getTime() },
        notice: {
          kind: 'escalation',
          recipientRole: to,
          jurisdictionId: over,
          title,
          body: `${j.name}，截止 ${shanghaiDateTime(t.dueAt.getTime())} / due ${shanghaiDateTime(t.dueAt.getTime())}`,
        },
      };
    });
  }
  return {
    /**
     * The application as filed or resubmitted becomes the case's current one. With `version`, the
     * submission is also kept as that version (舟山方案 六、（二）: what the county reviews again after a
     * return) and the attachments it lists are bound to the case. Only this case's files and the
     * submitter's own unbound uploads are kept: an id learnt some other way binds nothing (OWASP ASVS 4.2.1;
     * the API has refused such ids already, this guards a completion that reached the workflow otherwise).
     * Returns the document as recorded (attachments as kept); idempotent on `key`.
     */
    async recordApplication(input: {
      key: string;
      caseId: string;
      action: string;
      form: Prisma.InputJsonValue;
      actor: Actor;
      clause: string;
      reason?: string;
      data?: Prisma.InputJsonValue;
      version?: number;
    }): Promise<Prisma.InputJsonValue> {
      return db.$transaction(async (tx) => {
        let doc = input.form;
        let versionData = {};
        const now = new Date();
        if (input.version !== undefined) {
          const { form, attachmentIds, statement } = splitDocument(input.form as Record<string, unknown>);
          const found = await tx.attachment.findMany({
            where: { id: { in: attachmentIds } },
            select: { id: true, entryId: true, caseId: true, uploadedById: true },
          });
          const kept = attachmentIds.filter((id) => {
            const a = found.find((f) => f.id === id);
            return !!a && !a.entryId && (a.caseId === input.caseId || (!a.caseId && a.uploadedById === input.actor.userId));
          });
          if (kept.length) await tx.attachment.updateMany({ where: { id: { in: kept }, entryId: null, caseId: null }, data: { caseId: input.caseId } });
          doc = { ...form, ...(kept.length ? { attachmentIds: kept } : {}), ...(statement ? { statement } : {}) } as Prisma.InputJsonValue;
          const c0 = await tx.case.findUniqueOrThrow({ where: { id: input.caseId }, select: { operatorId: true } });
          // Staff submitting is always for the operator (the officer filing on its behalf, or answering a return for it).
          const onBehalfOf = input.actor.role === OPERATOR_ROLE ? null : (input.actor.onBehalfOf?.operatorId ?? c0.operatorId);
          await tx.applicationVersion.createMany({
            skipDuplicates: true,
            data: [
              {
                caseId: input.caseId,
                version: input.version,
                form: form as Prisma.InputJsonValue,
                attachmentIds: kept,
                ...(statement ? { statement: statement as unknown as Prisma.InputJsonValue } : {}),
                submittedById: input.actor.userId!,
                onBehalfOf,
                submittedAt: now,
              },
            ],
          });
          versionData = {
            version: input.version,
            attachments: kept,
            ...(kept.length < attachmentIds.length ? { refusedAttachments: attachmentIds.filter((id) => !kept.includes(id)) } : {}),
          };
        }
        const c = await tx.case.update({ where: { id: input.caseId }, data: { application: doc, updatedAt: now } });
        await appendAudit(tx, {
          key: input.key,
          actor: input.actor,
          action: input.action,
          ...aboutCase(c),
          clause: input.clause,
          reason: input.reason ?? null,
          data: { ...((input.data ?? {}) as Prisma.InputJsonObject), ...versionData },
        });
        return doc;
      });
    },

    /** Its holder reminded before a task falls due (the campaign's reminder lead, workflows/overdue.ts); nothing once done. */
    async sendTaskReminder(input: { taskId: string; dueAt: number }): Promise<number> {
      return taskNotice(input.taskId, (t) => ({
        key: `task:${t.id}:reminder:${input.dueAt}`,
        action: 'task.due_reminder',
        data: { dueAt: input.dueAt },
        notice: {
          kind: 'reminder',
          recipientRole: staffRoleFor(t.assigneeRole),
          recipientUserId: t.claimedById,
          jurisdictionId: t.jurisdictionId,
          title: `即将到期：${t.title} / due soon: ${t.title}`,
          body: `截止 / due ${shanghaiDateTime(input.dueAt)}`,
        },
      }));
    },

    /**
     * The escalation chain's second step: a task still open a week after the coordinator was told goes to
     * the leaders of the jurisdiction above the task's (its own, at the top); nothing once done.
     */
    async escalateToLeaders(input: { taskId: string; clause: string }): Promise<number> {
      return escalate(input, 'leader');
    },

    /**
     * The escalation chain's first step for a task that has no escalation task of its own (a title's interview
     * or verification): the coordinators over it are told it is overdue; nothing once done.
     */
    async escalateToCoordinators(input: { taskId: string; clause: string }): Promise<number> {
      return escalate(input, 'coordinator');
    },

    /** A task past its own deadline: overdue in the projection and in the trail (the workflow escalates). */
    async markTaskOverdue(input: { taskId: string; clause: string }) {
      const keys = await db.$transaction(async (tx) => {
        const t = await tx.task.findUniqueOrThrow({ where: { id: input.taskId } });
        await tx.task.updateMany({ where: { id: t.id, status: 'open' }, data: { overdue: true } });
        await appendAudit(tx, {
          key: `task:${t.id}:overdue`,
          actor: SYSTEM_ACTOR,
          action: 'task.overdue',
          ...aboutTask(t),
          clause: input.clause,
          data: { dueAt: t.dueAt.getTime() },
        });
        return insertNotifications(tx, [
          {
            key: `task:${t.id}:overdue`,
            kind: 'overdue',
            recipientRole: staffRoleFor(t.assigneeRole),
            recipientUserId: t.claimedById,
            jurisdictionId: t.jurisdictionId,
            campaignId: t.campaignId,
            taskId: t.id,
            caseId: t.caseId,
            title: `已逾期：${t.title} / overdue: ${t.title}`,
            body: `截止 / due ${shanghaiDateTime(t.dueAt.getTime())}`,
          },
        ]);
      });
      await dispatchDeliveries(db, dispatch, keys);
    },

    /**
     * Confirms the city cultivation list: refused (nothing written) while an application is still with the
     * county or the city auditor; otherwise the chosen rooms are listed and the roster is published.
     */
    async confirmCultivationList(input: { campaignId: string; threshold?: number; quota?: number; actor: Actor; clause: string }) {
      const { keys, ...out } = await db.$transaction(async (tx) => {
        // Exclusive against an audit's correction (activities/correction.ts takes it shared): the list reads the
        // totals after any correction being recorded, and a correction after it sees the list published.
        await tx.$queryRaw`SELECT id FROM campaign WHERE id = ${input.campaignId} FOR UPDATE`;
        const pending = await tx.task.count({
          where: { campaignId: input.campaignId, status: 'open', type: { in: ['pre_review', 'resubmission', 'city_audit'] } },
        });
        if (pending > 0)
          return {
            refusal: `尚有 ${pending} 项初审或审核未完成，不能确认名单 / ${pending} pre-review or audit task(s) still open`,
            listed: [] as ListedRoom[],
            notListed: [] as string[],
            keys: [] as string[],
          };
        // Equal totals share a rank and are listed in case order (operator id), the same on every run.
        const audited = await tx.case.findMany({
          where: { campaignId: input.campaignId, excludedKind: null, totalScore: { not: null } },
          orderBy: { id: 'asc' },
        });
        const chosen = chooseList(
          audited.map((c) => ({ ...c, totalScore: c.totalScore! })),
          input.threshold,
          input.quota,
        );
        const now = new Date();
        const entries = await rosterEntriesOf(tx, chosen);
        const id = rosterId(input.campaignId, 'cultivation', 1);
        await tx.roster.createMany({
          skipDuplicates: true,
          data: [
            {
              id,
              campaignId: input.campaignId,
              kind: 'cultivation',
              seq: 1,
              publishedAt: now,
              publishedById: input.actor.userId,
              entries: entries as unknown as Prisma.InputJsonValue,
            },
          ],
        });
        await tx.listing.createMany({
          skipDuplicates: true,
          data: entries.map((e) => ({
            id: e.caseId,
            campaignId: input.campaignId,
            caseId: e.caseId,
            operatorId: e.operatorId,
            jurisdictionId: e.jurisdictionId,
            totalScore: e.totalScore ?? 0,
            rank: e.rank,
            listedAt: now,
            status: 'listed',
            nomination: 'none',
            workflowId: listingWorkflowId(e.caseId),
          })),
        });
        const listedIds = new Set(entries.map((e) => e.caseId));
        const told: OperatorEvent[] = [];
        for (const c of audited) {
          const listed = listedIds.has(c.id);
          told.push({ key: `case:${c.id}:${listed ? 'listed' : 'not_listed'}`, action: listed ? 'case.listed' : 'case.not_listed', caseId: c.id });
          await tx.case.update({ where: { id: c.id }, data: { currentStep: listed ? 'listed' : 'not_listed', proposed: listed, updatedAt: now } });
          await appendAudit(tx, {
            key: `case:${c.id}:${listed ? 'listed' : 'not_listed'}`,
            actor: input.actor,
            action: listed ? 'case.listed' : 'case.not_listed',
            entityType: 'case',
            entityId: c.id,
            campaignId: input.campaignId,
            jurisdictionId: c.jurisdictionId,
            clause: input.clause,
            data: {
              totalScore: c.totalScore,
              threshold: input.threshold ?? null,
              quota: input.quota ?? null,
              rank: entries.find((e) => e.caseId === c.id)?.rank ?? null,
            },
          });
        }
        await auditRosterPublished(tx, {
          rosterId: id,
          actor: input.actor,
          campaignId: input.campaignId,
          clause: input.clause,
          data: { kind: 'cultivation', entries: entries.length, threshold: input.threshold ?? null, quota: input.quota ?? null },
        });
        // The rooms hear the city's answer in their portal (the officers follow it on the roster).
        const keys = await insertNotifications(tx, await operatorNotices(tx, told), now);
        return {
          keys,
          refusal: null,
          listed: entries.map((e) => ({
            caseId: e.caseId,
            operatorId: e.operatorId,
            operatorName: e.operatorName,
            jurisdictionId: e.jurisdictionId,
            totalScore: e.totalScore ?? 0,
            rank: e.rank,
          })),
          notListed: audited.filter((c) => !listedIds.has(c.id)).map((c) => c.id),
        };
      });
      await dispatchDeliveries(db, dispatch, keys);
      return out;
    },

    /** A decision on a listed room (nomination, the province's answer, a monitoring finding, removal). */
    async recordListingEvent(input: {
      key: string;
      listingId: string;
      action: string;
      actor: Actor;
      clause: string;
      reason?: string;
      data?: Prisma.InputJsonValue;
      patch?: { nomination?: string; nominatedAt?: number; provinceAnsweredAt?: number; provinceNote?: string; finding?: boolean; removed?: boolean };
    }) {
      const keys = await db.$transaction(async (tx) => {
        const l = await tx.listing.findUniqueOrThrow({ where: { id: input.listingId } });
        const p = input.patch ?? {};
        const now = new Date();
        // Applied once: the audit key is the idempotency key for the patch as well.
        const fresh = (await tx.auditEvent.count({ where: { key: input.key } })) === 0;
        if (fresh && Object.keys(p).length) {
          await tx.listing.update({
            where: { id: l.id },
            data: {
              ...(p.nomination ? { nomination: p.nomination } : {}),
              ...(p.nominatedAt ? { nominatedAt: new Date(p.nominatedAt) } : {}),
              ...(p.provinceAnsweredAt ? { provinceAnsweredAt: new Date(p.provinceAnsweredAt), provinceNote: p.provinceNote ?? null } : {}),
              ...(p.finding ? { findings: { increment: 1 } } : {}),
              ...(p.removed ? { status: 'removed', removedAt: now, removedReason: input.reason ?? null, removedById: input.actor.userId } : {}),
            },
          });
          if (p.removed) await tx.case.update({ where: { id: l.caseId }, data: { currentStep: 'removed', updatedAt: now } });
          else if (p.nomination) await tx.case.update({ where: { id: l.caseId }, data: { currentStep: `nomination:${p.nomination}`, updatedAt: now } });
        }
        await appendAudit(
          tx,
          {
            key: input.key,
            actor: input.actor,
            action: input.action,
            entityType: 'case',
            entityId: l.caseId,
            campaignId: l.campaignId,
            jurisdictionId: l.jurisdictionId,
            clause: input.clause,
            reason: input.reason ?? null,
            data: input.data ?? {},
          },
          now,
        );
        return insertNotifications(tx, await operatorNotices(tx, [{ key: input.key, action: input.action, caseId: l.caseId, reason: input.reason }]), now);
      });
      await dispatchDeliveries(db, dispatch, keys);
    },
  };
}
