// Notifications: written in the same transaction as the change they report, keyed so a retried
// activity writes each once; each then goes to the webhooks of its jurisdiction and the jurisdictions
// above it, one WebhookDeliveryWorkflow per delivery (Temporal retries the POST with backoff).
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Prisma, PrismaClient } from '../prisma/generated/client.js';

type Tx = Prisma.TransactionClient;

/** `returned` and `order` reach operators only (activities/operator-notice.ts). */
export type NotificationKind = 'assignment' | 'reminder' | 'overdue' | 'escalation' | 'decision' | 'returned' | 'order';

export interface NewNotification {
  /** Deterministic per event ("task:<id>:created", "reminder:<stage>:<due>:<jurisdiction>:<role>"). */
  key: string;
  kind: NotificationKind;
  recipientRole: string;
  /** One user (an assignment to a named officer); otherwise everyone with the role in the jurisdiction's subtree. */
  recipientUserId?: string | null;
  jurisdictionId: string;
  campaignId?: string | null;
  taskId?: string | null;
  caseId?: string | null;
  /** "中文 / English". */
  title: string;
  body: string;
}

/** Where webhook deliveries are started: the worker's (or API's) client and the campaign task queue. */
export interface Dispatch {
  client: Client;
  taskQueue: string;
}

export { webhookWorkflowId } from '../workflows/ids.js';
import { webhookWorkflowId } from '../workflows/ids.js';

/**
 * Inserts the notifications (a key seen before is skipped) and a pending delivery for every enabled
 * webhook of their jurisdiction or an ancestor. Returns the keys, for `dispatchDeliveries` after commit.
 */
export async function insertNotifications(tx: Tx, rows: NewNotification[], now = new Date()): Promise<string[]> {
  if (!rows.length) return [];
  await tx.notification.createMany({
    skipDuplicates: true,
    data: rows.map((n) => ({
      key: n.key,
      createdAt: now,
      kind: n.kind,
      recipientRole: n.recipientRole,
      recipientUserId: n.recipientUserId ?? null,
      jurisdictionId: n.jurisdictionId,
      campaignId: n.campaignId ?? null,
      taskId: n.taskId ?? null,
      caseId: n.caseId ?? null,
      title: n.title,
      body: n.body,
    })),
  });
  const keys = rows.map((n) => n.key);
  // A webhook covers its jurisdiction's subtree: the notification's jurisdiction path ("/city/county/")
  // starts with the webhook's.
  await tx.$executeRaw`
    INSERT INTO webhook_delivery (id, notification_id, webhook_jurisdiction_id, url, status, attempts, created_at)
    SELECT n.id::text || ':' || w.jurisdiction_id, n.id, w.jurisdiction_id, w.url, 'pending', 0, ${now}
    FROM notification n
    JOIN jurisdiction nj ON nj.id = n.jurisdiction_id
    JOIN webhook w ON w.enabled
    JOIN jurisdiction wj ON wj.id = w.jurisdiction_id AND starts_with(nj.path, wj.path)
    WHERE n.key = ANY(${keys})
    ON CONFLICT (id) DO NOTHING`;
  return keys;
}

/**
 * Starts the delivery workflow of every pending delivery of these notifications. Idempotent: a delivery's
 * workflow id is fixed and a second start is refused, so a retried activity never posts twice.
 */
export async function dispatchDeliveries(db: PrismaClient, dispatch: Dispatch | undefined, keys: string[]): Promise<number> {
  if (!dispatch || !keys.length) return 0;
  const pending = await db.webhookDelivery.findMany({
    where: {
      status: 'pending',
      notificationId: { in: (await db.notification.findMany({ where: { key: { in: keys } }, select: { id: true } })).map((n) => n.id) },
    },
    select: { id: true },
  });
  return startDeliveries(
    dispatch,
    pending.map((d) => d.id),
  );
}

/** Every delivery still pending (at worker start: one whose start was cut short by a crash). */
export async function dispatchPendingDeliveries(db: PrismaClient, dispatch: Dispatch): Promise<number> {
  const pending = await db.webhookDelivery.findMany({ where: { status: 'pending' }, select: { id: true } });
  return startDeliveries(
    dispatch,
    pending.map((d) => d.id),
  );
}

async function startDeliveries(dispatch: Dispatch, ids: string[]): Promise<number> {
  let started = 0;
  for (const deliveryId of ids) {
    try {
      await dispatch.client.workflow.start('WebhookDeliveryWorkflow', {
        workflowId: webhookWorkflowId(deliveryId),
        taskQueue: dispatch.taskQueue,
        args: [{ deliveryId }],
        // A delivery runs once: a finished one is not started again by a late retry.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      started++;
    } catch (e) {
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
    }
  }
  return started;
}
