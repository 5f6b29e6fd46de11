import type { PrismaClient } from '../prisma/generated/client.js';
import type { CampaignDefinition } from '../domain/campaign-definition.js';
import type { Actor } from '../domain/roles.js';
import { SYSTEM_ACTOR } from '../domain/roles.js';
import { shanghaiDateTime } from '../domain/time.js';
import type { StageShift } from '../domain/calendar.js';
import { appendAudit } from './audit.js';
import { lockStage, stageId } from './stage-lock.js';
import { dispatchDeliveries, insertNotifications, type Dispatch } from './notify.js';
import { operatorAccounts } from './operator-notice.js';
import { isOperatorTask, OPERATOR_TASK_TYPES, staffRoleFor } from '../domain/operator-notices.js';
import { OPERATOR_ROLE } from '../domain/roles.js';
import type { Prisma } from '../prisma/generated/client.js';

/**
 * The stage reminder's word to each operator with an account whose own work in the stage is still open
 * (its self-check, material it must supply): one per task and deadline (README "Notifications to operators").
 */
async function operatorReminders(
  tx: Prisma.TransactionClient,
  stage: { id: string; name: string; nameEn: string },
  input: { campaignId: string; stageKey: string; dueAt: number },
  due: string,
) {
  const open = (
    await tx.task.findMany({
      where: {
        campaignId: input.campaignId,
        stageKey: input.stageKey,
        status: 'open',
        caseId: { not: null },
        OR: [{ type: { in: [...OPERATOR_TASK_TYPES] } }, { assigneeRole: OPERATOR_ROLE }],
      },
      select: { id: true, type: true, assigneeRole: true, title: true, caseId: true, jurisdictionId: true, dueAt: true },
    })
  ).filter(isOperatorTask);
  if (!open.length) return [];
  const cases = new Map(
    (await tx.case.findMany({ where: { id: { in: open.map((t) => t.caseId!) } }, select: { id: true, operatorId: true, jurisdictionId: true } })).map((c) => [
      c.id,
      c,
    ]),
  );
  const accounts = await operatorAccounts(
    tx,
    [...cases.values()].map((c) => c.operatorId),
  );
  return open.flatMap((t) => {
    const c = cases.get(t.caseId!);
    const userId = c && accounts.get(c.operatorId);
    if (!c || !userId) return [];
    const dueAt = t.dueAt.getTime() < input.dueAt ? shanghaiDateTime(t.dueAt.getTime()) : due;
    return [
      {
        key: `operator:reminder:${stage.id}:${input.dueAt}:${t.id}`,
        kind: 'reminder' as const,
        recipientRole: OPERATOR_ROLE,
        recipientUserId: userId,
        jurisdictionId: c.jurisdictionId,
        campaignId: input.campaignId,
        taskId: t.id,
        caseId: c.id,
        title: `「${stage.name}」即将截止：${t.title} / "${stage.nameEn}" is due soon`,
        body: `截止时间 ${dueAt} / due ${dueAt}`,
      },
    ];
  });
}

export function campaignActivities(db: PrismaClient, dispatch?: Dispatch) {
  return {
    /** Writes the campaign and its stage calendar (first thing a CampaignWorkflow does). */
    async projectCampaign(input: { definition: CampaignDefinition; actor: Actor; caseCount: number; workflowId: string }): Promise<void> {
      const d = input.definition;
      await db.$transaction(async (tx) => {
        await tx.campaign.createMany({
          skipDuplicates: true,
          data: [
            {
              id: d.campaignId,
              programme: d.programme,
              name: d.name,
              year: d.year,
              jurisdictionId: d.jurisdictionId,
              status: 'running',
              definition: d as object,
              workflowId: input.workflowId,
              launchedById: input.actor.userId!,
              launchedAt: new Date(),
              caseCount: input.caseCount,
            },
          ],
        });
        await tx.stage.createMany({
          skipDuplicates: true,
          data: d.stages.map((s) => ({
            id: stageId(d.campaignId, s.key),
            campaignId: d.campaignId,
            key: s.key,
            seq: s.seq,
            name: s.name,
            nameEn: s.nameEn,
            startsAt: new Date(s.startsAt),
            dueAt: new Date(s.dueAt),
            status: 'pending',
          })),
        });
        await appendAudit(tx, {
          key: `campaign:${d.campaignId}:launched`,
          actor: input.actor,
          action: 'campaign.launched',
          entityType: 'campaign',
          entityId: d.campaignId,
          campaignId: d.campaignId,
          jurisdictionId: d.jurisdictionId,
          data: { caseCount: input.caseCount, stages: d.stages.map((s) => ({ key: s.key, startsAt: s.startsAt, dueAt: s.dueAt })) },
        });
      });
    },

    async openStage(input: { campaignId: string; stageKey: string }): Promise<void> {
      const id = stageId(input.campaignId, input.stageKey);
      await db.$transaction(async (tx) => {
        await tx.stage.updateMany({ where: { id, status: 'pending' }, data: { status: 'open', openedAt: new Date() } });
        await tx.campaign.update({ where: { id: input.campaignId }, data: { currentStage: input.stageKey } });
        await appendAudit(tx, {
          key: `stage:${id}:opened`,
          actor: SYSTEM_ACTOR,
          action: 'stage.opened',
          entityType: 'stage',
          entityId: id,
          campaignId: input.campaignId,
        });
      });
    },

    /**
     * Reminds whoever still has open work in the stage, once per deadline (a new deadline after an
     * extension gets its own reminder). One notification per jurisdiction and role with open tasks.
     */
    async sendStageReminder(input: { campaignId: string; stageKey: string; dueAt: number }): Promise<number> {
      const id = stageId(input.campaignId, input.stageKey);
      const { keys, recipients } = await db.$transaction(async (tx) => {
        const groups = await tx.task.groupBy({
          by: ['jurisdictionId', 'assigneeRole'],
          where: { campaignId: input.campaignId, stageKey: input.stageKey, status: 'open' },
          _count: { _all: true },
        });
        const stage = await tx.stage.findUniqueOrThrow({ where: { id } });
        const due = shanghaiDateTime(input.dueAt);
        const now = new Date();
        const keys = await insertNotifications(
          tx,
          groups.map((g) => ({
            key: `reminder:${id}:${input.dueAt}:${g.jurisdictionId}:${g.assigneeRole}`,
            kind: 'reminder' as const,
            recipientRole: staffRoleFor(g.assigneeRole),
            jurisdictionId: g.jurisdictionId,
            campaignId: input.campaignId,
            title: `「${stage.name}」即将截止 / "${stage.nameEn}" is due soon`,
            body: `尚有 ${g._count._all} 项待办，截止时间 ${due} / ${g._count._all} open task(s), due ${due}`,
          })),
          now,
        );
        keys.push(...(await insertNotifications(tx, await operatorReminders(tx, stage, input, due), now)));
        await tx.stage.update({ where: { id }, data: { reminderSentAt: now } });
        await appendAudit(tx, {
          key: `stage:${id}:reminder:${input.dueAt}`,
          actor: SYSTEM_ACTOR,
          action: 'stage.reminder_sent',
          entityType: 'stage',
          entityId: id,
          campaignId: input.campaignId,
          data: { dueAt: input.dueAt, recipients: groups.length },
        });
        return { keys, recipients: groups.length };
      });
      await dispatchDeliveries(db, dispatch, keys);
      return recipients;
    },

    /**
     * Closes a stage (at its deadline, or early by a coordinator). Open work is never dropped: every
     * open task of the stage is marked overdue (DOMAIN.md "work left open at a deadline is marked overdue
     * and escalated"). Returns the overdue counts so the workflow can escalate.
     */
    async closeStage(input: { campaignId: string; stageKey: string; early: boolean; reason?: string; actor: Actor; clause?: string }) {
      const id = stageId(input.campaignId, input.stageKey);
      const { keys, ...closed } = await db.$transaction(async (tx) => {
        await lockStage(tx, id, 'update');
        await tx.task.updateMany({
          where: { campaignId: input.campaignId, stageKey: input.stageKey, status: 'open', overdue: false },
          data: { overdue: true },
        });
        const byJurisdiction = await tx.task.groupBy({
          by: ['jurisdictionId'],
          where: { campaignId: input.campaignId, stageKey: input.stageKey, status: 'open', overdue: true },
          _count: { _all: true },
          orderBy: { jurisdictionId: 'asc' },
        });
        const overdueCount = byJurisdiction.reduce((n, g) => n + g._count._all, 0);
        // Whoever holds the overdue work hears of it (the coordinator gets the escalation task).
        const holders = await tx.task.groupBy({
          by: ['jurisdictionId', 'assigneeRole'],
          where: { campaignId: input.campaignId, stageKey: input.stageKey, status: 'open', overdue: true },
          _count: { _all: true },
        });
        const stage = await tx.stage.findUniqueOrThrow({ where: { id } });
        const keys = await insertNotifications(
          tx,
          holders.map((g) => ({
            key: `overdue:${id}:${g.jurisdictionId}:${g.assigneeRole}`,
            kind: 'overdue' as const,
            recipientRole: staffRoleFor(g.assigneeRole),
            jurisdictionId: g.jurisdictionId,
            campaignId: input.campaignId,
            title: `「${stage.name}」已截止，${g._count._all} 项逾期 / "${stage.nameEn}" closed with ${g._count._all} task(s) overdue`,
            body: `逾期事项已上报统筹人员督办 / overdue work has been escalated to the coordinator`,
          })),
        );
        await tx.stage.updateMany({
          where: { id, status: { not: 'closed' } },
          data: { status: 'closed', closedAt: new Date(), closedEarly: input.early, overdueCount },
        });
        await appendAudit(tx, {
          key: `stage:${id}:closed`,
          actor: input.actor,
          action: input.early ? 'stage.closed_early' : 'stage.deadline_passed',
          clause: input.clause ?? null,
          entityType: 'stage',
          entityId: id,
          campaignId: input.campaignId,
          reason: input.reason ?? null,
          data: { overdueCount },
        });
        return { keys, overdueCount, byJurisdiction: byJurisdiction.map((g) => ({ jurisdictionId: g.jurisdictionId, count: g._count._all })) };
      });
      await dispatchDeliveries(db, dispatch, keys);
      return closed;
    },

    /**
     * A stage's new deadline and, when it reaches the next stage, the later stages it moves (domain/calendar.ts
     * planExtension: `calendar` is the whole calendar before and after). Open tasks that follow their stage's
     * deadline move with their stage; one audit event on the extended stage holds the clause and the whole
     * calendar, and each moved stage records its own move.
     */
    async extendStage(input: {
      campaignId: string;
      stageKey: string;
      dueAt: number;
      previousDueAt: number;
      reason: string;
      actor: Actor;
      clause?: string;
      calendar?: StageShift[];
    }): Promise<void> {
      const id = stageId(input.campaignId, input.stageKey);
      const later = (input.calendar ?? []).filter((s) => s.moved && s.key !== input.stageKey);
      await db.$transaction(async (tx) => {
        // The extended stage first, then the later ones in calendar order: one lock order for every extension.
        await lockStage(tx, id, 'update');
        for (const s of later) await lockStage(tx, stageId(input.campaignId, s.key), 'update');
        await tx.stage.update({ where: { id }, data: { dueAt: new Date(input.dueAt) } });
        // Only tasks that follow the stage's deadline move with it; a task with a deadline of its own
        // (an escalation, a rectification verification) keeps it.
        const tasksMoved: Record<string, number> = {};
        const moveTasks = async (stageKey: string, dueAt: number) => {
          const r = await tx.task.updateMany({
            where: { campaignId: input.campaignId, stageKey, status: 'open', followsStage: true },
            data: { dueAt: new Date(dueAt) },
          });
          tasksMoved[stageKey] = r.count;
        };
        await moveTasks(input.stageKey, input.dueAt);
        for (const s of later) {
          await tx.stage.update({ where: { id: stageId(input.campaignId, s.key) }, data: { startsAt: new Date(s.to.startsAt), dueAt: new Date(s.to.dueAt) } });
          await moveTasks(s.key, s.to.dueAt);
          await appendAudit(tx, {
            key: `stage:${stageId(input.campaignId, s.key)}:moved:${input.stageKey}:${input.dueAt}`,
            actor: input.actor,
            action: 'stage.moved',
            clause: input.clause ?? null,
            entityType: 'stage',
            entityId: stageId(input.campaignId, s.key),
            campaignId: input.campaignId,
            reason: input.reason,
            data: { by: input.stageKey, from: s.from, to: s.to, tasksMoved: tasksMoved[s.key] },
          });
        }
        await appendAudit(tx, {
          key: `stage:${id}:extended:${input.dueAt}`,
          actor: input.actor,
          action: 'stage.extended',
          clause: input.clause ?? null,
          entityType: 'stage',
          entityId: id,
          campaignId: input.campaignId,
          reason: input.reason,
          data: {
            from: input.previousDueAt,
            to: input.dueAt,
            ...(input.calendar
              ? {
                  shiftMs: input.dueAt - input.previousDueAt,
                  calendar: input.calendar.map((s) => ({ key: s.key, name: s.name, from: s.from, to: s.to, moved: s.moved })),
                }
              : {}),
            tasksMoved,
          },
        });
      });
    },

    /** Operators enrolled after launch (动员部署): the campaign's case count and who enrolled them. */
    async recordEnrolment(input: { campaignId: string; caseCount: number; added: string[]; actor: Actor; clause: string }): Promise<void> {
      await db.$transaction(async (tx) => {
        await tx.campaign.update({ where: { id: input.campaignId }, data: { caseCount: input.caseCount } });
        await appendAudit(tx, {
          key: `campaign:${input.campaignId}:enrolled:${input.caseCount}`,
          actor: input.actor,
          action: 'campaign.cases_enrolled',
          entityType: 'campaign',
          entityId: input.campaignId,
          campaignId: input.campaignId,
          clause: input.clause,
          data: { added: input.added, caseCount: input.caseCount },
        });
      });
    },

    async completeCampaign(input: { campaignId: string }): Promise<void> {
      await db.$transaction(async (tx) => {
        await tx.campaign.updateMany({
          where: { id: input.campaignId, status: 'running' },
          data: { status: 'completed', completedAt: new Date(), currentStage: null },
        });
        await appendAudit(tx, {
          key: `campaign:${input.campaignId}:completed`,
          actor: SYSTEM_ACTOR,
          action: 'campaign.completed',
          entityType: 'campaign',
          entityId: input.campaignId,
          campaignId: input.campaignId,
        });
      });
    },
  };
}
