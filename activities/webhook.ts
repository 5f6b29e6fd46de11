// Outgoing webhooks (issue #6): one POST per delivery, signed with the bureau's secret. Temporal retries
// a failed attempt with backoff (workflows/webhook.ts); every attempt is recorded on the delivery.
import { createHmac } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import type { PrismaClient } from '../prisma/generated/client.js';

export const SIGNATURE_HEADER = 'x-campaign-signature';
export const TIMESTAMP_HEADER = 'x-campaign-timestamp';
export const DELIVERY_HEADER = 'x-campaign-delivery';

/** `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`: the timestamp is signed so a capture cannot be replayed later. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** A receiver's answer that another attempt will not change (bad request, gone…); 408 and 429 are worth retrying. */
const permanent = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

export function webhookActivities(db: PrismaClient) {
  return {
    async postWebhook(input: { deliveryId: string }): Promise<{ status: number; attempts: number }> {
      const d = await db.webhookDelivery.findUniqueOrThrow({ where: { id: input.deliveryId } });
      if (d.status !== 'pending') return { status: d.lastStatus ?? 0, attempts: d.attempts };
      const hook = await db.webhook.findUnique({ where: { jurisdictionId: d.webhookJurisdictionId } });
      if (!hook || !hook.enabled) {
        await db.webhookDelivery.update({ where: { id: d.id }, data: { status: 'failed', lastError: 'webhook removed or disabled' } });
        return { status: 0, attempts: d.attempts };
      }
      const n = await db.notification.findUniqueOrThrow({ where: { id: d.notificationId } });
      const body = JSON.stringify({
        deliveryId: d.id,
        jurisdictionId: d.webhookJurisdictionId,
        notification: { id: String(n.id), kind: n.kind, title: n.title, body: n.body, jurisdictionId: n.jurisdictionId, recipientRole: n.recipientRole, recipientUserId: n.recipientUserId, campaignId: n.campaignId, taskId: n.taskId, caseId: n.caseId, createdAt: n.createdAt.toISOString() },
      });
      const timestamp = Math.floor(Date.now() / 1000);
      const { attempts } = await db.webhookDelivery.update({ where: { id: d.id }, data: { attempts: { increment: 1 }, url: hook.url } });
      let status = 0;
      let error: string | null = null;
      try {
        const res = await fetch(hook.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [DELIVERY_HEADER]: d.id, [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: signWebhook(hook.secret, timestamp, body) },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        status = res.status;
        await res.body?.cancel();
        if (!res.ok) error = `HTTP ${res.status}`;
      } catch (e) {
        error = (e as Error).message;
      }
      if (!error) {
        await db.webhookDelivery.update({ where: { id: d.id }, data: { status: 'delivered', lastStatus: status, lastError: null, deliveredAt: new Date() } });
        return { status, attempts };
      }
      await db.webhookDelivery.update({ where: { id: d.id }, data: { lastStatus: status || null, lastError: error.slice(0, 500) } });
      if (permanent(status)) throw ApplicationFailure.nonRetryable(`webhook refused the delivery: ${error}`, 'WebhookRefused');
      throw ApplicationFailure.retryable(`webhook delivery failed: ${error}`, 'WebhookFailed');
    },

    /** Retries exhausted or refused: the delivery is failed (the bureau sees it with its last error). */
    async markWebhookFailed(input: { deliveryId: string; error: string }): Promise<void> {
      await db.webhookDelivery.updateMany({ where: { id: input.deliveryId, status: 'pending' }, data: { status: 'failed', lastError: input.error.slice(0, 500) } });
    },
  };
}
