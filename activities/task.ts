import type { PrismaClient, Prisma } from '../prisma/generated/client.js';
import { OPERATOR_ROLE, SYSTEM_ACTOR, type Actor } from '../domain/roles.js';
import { evidenceRefs } from '../domain/evidence.js';
import { bindFiles } from './evidence.js';
import { appendAudit, aboutTask, auditInOne } from './audit.js';
import { lockStage, stageId } from './stage-lock.js';
import { dispatchDeliveries, insertNotifications, type Dispatch, type NotificationKind } from './notify.js';
import { operatorNotices, type OperatorEvent } from './operator-notice.js';
import { staffRoleFor } from '../domain/operator-notices.js';
import { recordCaseDecisionIn, updateCaseStepIn } from './case.js';
import { reviveTaskIn } from './correction.js';

/**
 * Completions the operator hears of though no decision activity records them: the station's review of its
 * self-check (changxing 四、（二）: accepted, or returned with the reason it must see) and an interview's
 * rectification order on a title (限期整改, with its deadline).
 */
function completionForOperator(task: { type: string; caseId: string | null }, result: unknown): Omit<OperatorEvent, 'key'> | undefined {
  const r = (result ?? {}) as { decision?: string; note?: string; rectifyBy?: string };
  if (!task.caseId) return undefined;
  if (task.type === 'self_check_review' && (r.decision === 'returned' || r.decision === 'accepted'))
    return { action: `self_check.${r.decision}`, caseId: task.caseId, reason: r.note };
  if (task.type === 'interview') return { action: 'title.rectification_ordered', caseId: task.caseId, reason: r.note, data: { rectifyBy: r.rectifyBy } };
  return undefined;
}

export interface NewTask {
  id: string;
  campaignId: string;
  stageKey: string;
  caseId: string | null;
  type: string;
  title: string;
  assigneeRole: string;
  jurisdictionId: string;
  dueAt: number;
  /** Due with its stage: the deadline is the stage's at creation and moves when the stage is extended. */
  followsStage?: boolean;
  /** Held from the start by this user (a 双随机 inspection's drawn inspector). */
  claimedById?: string;
  workflowId: string;
  details: Prisma.InputJsonValue;
  /** Also tell the assignees in-app (escalations do; routine case tasks show up in the inbox). */
  notify?: { kind: NotificationKind; title: string; body: string };
  /** The case's step once the task is open, in the same transaction (workflows/task-step.ts). */
  caseStep?: { caseId: string; currentStep: string };
}

export function taskActivities(db: PrismaClient, dispatch?: Dispatch) {
  return {
    async createTask(t: NewTask): Promise<void> {
      const keys = await db.$transaction((tx) => createTaskIn(tx, t));
      await dispatchDeliveries(db, dispatch, keys);
    },

    /** Projects a completion the owning workflow has accepted. Returns when it was recorded. */
    async recordTaskCompletion(input: {
      taskId: string;
      actor: Actor;
      result: Prisma.InputJsonValue;
      late: boolean;
      clause?: string;
      /** A task reopened by a correction is completed anew: its own key, so both completions are kept. */
      key?: string;
      /** Submitted unclaimed, so claimed by this completion (README "The task inbox"). */
      claimed?: boolean;
      /** What the workflow decided follows from it, written in the same transaction (workflows/follow-up.ts). */
      then?: FollowUp[];
    }): Promise<number> {
      const key = input.key ?? `task:${input.taskId}:completed`;
      // Its audit entries and its follow-up's are one statement (activities/audit.ts auditInOne).
      const { at, keys } = await db.$transaction((tx) =>
        auditInOne(tx, async () => {
          // A follow-up's new task locks its stage (createTaskIn). Taken first, as closeStage takes its locks
          // (the stage, then its tasks): after this task's row, a stage closing meanwhile would deadlock with it.
          for (const f of input.then ?? [])
            if (f.write === 'createTask' && f.input.followsStage) await lockStage(tx, stageId(f.input.campaignId, f.input.stageKey), 'share');
          const [updated] = await tx.task.updateManyAndReturn({
            where: { id: input.taskId, status: 'open' },
            // `late` is the owning workflow's word: a completion it took before it heard of the stage's close
            // is on time, even if closeStage had already marked the row overdue.
            data: { status: 'done', completedAt: new Date(), completedById: input.actor.userId, result: input.result, overdue: input.late },
          });
          // Not open: this activity is a retry of one that committed (the validator refuses a closed task).
          const task = updated ?? (await tx.task.findUniqueOrThrow({ where: { id: input.taskId } }));
          // The claim a completion made is audited with it, in this transaction: once the workflow has taken
          // the completion, neither entry depends on the API staying up. Housekeeping, so no clause.
          if (input.claimed)
            await appendAudit(
              tx,
              {
                key: `${key}:claimed`,
                actor: input.actor,
                action: 'task.claimed',
                entityType: 'task',
                entityId: input.taskId,
                campaignId: task.campaignId,
                jurisdictionId: task.jurisdictionId,
                data: { with: 'completion' },
              },
              task.completedAt!,
            );
          // Evidence the API checked (api/evidence.ts) becomes the case's with the completion: only the
          // completer's own unbound uploads, so a retry or a race binds nothing twice (DOMAIN.md "Evidence").
          const evidence = evidenceRefs(input.result).map((r) => r.id);
          if (task.caseId) await bindFiles(tx, evidence, input.actor, { ...aboutTask(task), caseId: task.caseId, taskId: task.id });
          await appendAudit(
            tx,
            {
              key,
              actor: input.actor,
              action: 'task.completed',
              entityType: 'task',
              entityId: input.taskId,
              campaignId: task.campaignId,
              jurisdictionId: task.jurisdictionId,
              clause: input.clause ?? null,
              data: { type: task.type, late: input.late, result: input.result },
            },
            task.completedAt!,
          );
          const told = completionForOperator(task, input.result);
          const keys = told ? await insertNotifications(tx, await operatorNotices(tx, [{ key, ...told }])) : [];
          for (const f of input.then ?? []) keys.push(...(await followUpIn(tx, f)));
          return { at: task.completedAt!.getTime(), keys };
        }),
      );
      await dispatchDeliveries(db, dispatch, keys);
      return at;
    },

    /** Work a workflow no longer needs (its title was revoked or expired) is cancelled, not left open. */
    async cancelOpenTasks(input: { workflowId: string; reason: string }): Promise<number> {
      return db.$transaction(async (tx) => {
        const open = await tx.task.findMany({ where: { workflowId: input.workflowId, status: 'open' } });
        await tx.task.updateMany({ where: { id: { in: open.map((t) => t.id) }, status: 'open' }, data: { status: 'cancelled', completedAt: new Date() } });
        for (const t of open)
          await appendAudit(tx, {
            key: `task:${t.id}:cancelled`,
            actor: SYSTEM_ACTOR,
            action: 'task.cancelled',
            ...aboutTask(t),
            reason: input.reason,
          });
        return open.length;
      });
    },
  };
}

/** createTask's writes in a transaction of the caller's; the keys of the notifications to deliver. */
export async function createTaskIn(tx: Prisma.TransactionClient, t: NewTask): Promise<string[]> {
  const now = new Date();
  const { notify, followsStage = false, caseStep, ...row } = t;
  let dueAt = new Date(t.dueAt);
  let overdue = false;
  if (followsStage) {
    const stage = await lockStage(tx, stageId(t.campaignId, t.stageKey), 'share');
    dueAt = stage.dueAt;
    overdue = stage.status === 'closed';
  }
  // A score task goes to the evaluation group that holds its dimension (changxing 四、（四）), if one does.
  const dimension = t.type === 'score' ? (t.details as { dimension?: string }).dimension : undefined;
  const group = dimension
    ? await tx.evaluationGroup.findFirst({ where: { campaignId: t.campaignId, dimensions: { has: dimension } }, select: { id: true } })
    : null;
  // An operator's own task names its operator: whose account decides who does it (api/acting-for.ts).
  const operatorId =
    t.assigneeRole === OPERATOR_ROLE && t.caseId
      ? ((await tx.case.findUnique({ where: { id: t.caseId }, select: { operatorId: true } }))?.operatorId ?? null)
      : null;
  await tx.task.createMany({
    skipDuplicates: true,
    data: [{ ...row, dueAt, followsStage, overdue, status: 'open', createdAt: now, evaluationGroupId: group?.id ?? null, operatorId }],
  });
  if (caseStep) await tx.case.update({ where: { id: caseStep.caseId }, data: { currentStep: caseStep.currentStep, updatedAt: now } });
  await appendAudit(tx, {
    key: `task:${t.id}:created`,
    actor: SYSTEM_ACTOR,
    action: 'task.created',
    ...aboutTask(t),
    data: { type: t.type, caseId: t.caseId, dueAt: dueAt.getTime() },
  });
  if (!notify) return [];
  return insertNotifications(
    tx,
    [
      {
        key: `task:${t.id}:created`,
        kind: notify.kind,
        recipientRole: staffRoleFor(t.assigneeRole),
        jurisdictionId: t.jurisdictionId,
        campaignId: t.campaignId,
        taskId: t.id,
        caseId: t.caseId,
        title: notify.title,
        body: notify.body,
      },
    ],
    now,
  );
}

/**
 * The writes a completion may be followed by, by the name of the activity that makes each alone: the
 * workflow takes them down instead of running them (workflows/follow-up.ts), and they are made here in
 * the completion's transaction, each as its activity makes it.
 */
const FOLLOW_UP_WRITES = {
  createTask: createTaskIn,
  recordCaseDecision: recordCaseDecisionIn,
  updateCaseStep: updateCaseStepIn,
  reviveTask: reviveTaskIn,
};
export type FollowUpWrites = { [K in keyof typeof FOLLOW_UP_WRITES]: (input: Parameters<(typeof FOLLOW_UP_WRITES)[K]>[1]) => Promise<void> };
export type FollowUp = {
  [K in keyof typeof FOLLOW_UP_WRITES]: { write: K; input: Parameters<(typeof FOLLOW_UP_WRITES)[K]>[1] };
}[keyof typeof FOLLOW_UP_WRITES];

function followUpIn(tx: Prisma.TransactionClient, f: FollowUp): Promise<string[]> {
  // Each name's input is its own function's (the FollowUp type pairs them).
  const write = FOLLOW_UP_WRITES[f.write] as (tx: Prisma.TransactionClient, input: FollowUp['input']) => Promise<string[]>;
  return write(tx, f.input);
}
