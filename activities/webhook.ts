// Outgoing webhooks: one POST per delivery, signed with the bureau's secret. Temporal retries
// a failed attempt with backoff (workflows/webhook.ts); every attempt is recorded on the delivery. Each
// attempt checks the target again (activities/webhook-target.ts: DNS may have changed since it was saved)
// and posts to the address it checked; a redirect is not followed.
import { createHmac } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import type { PrismaClient } from '../prisma/generated/client.js';
import { checkWebhookTarget, postToCheckedAddress } from './webhook-target.js';

export const SIGNATURE_HEADER = 'x-campaign-signature';
export const TIMESTAMP_HEADER = 'x-campaign-timestamp';
export const DELIVERY_HEADER = 'x-campaign-delivery';

/** `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`: the timestamp is signed so a capture cannot be replayed later. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * A receiver's answer that another attempt will not change (bad request, gone…); 408 and 429 are worth
 * retrying. A redirect too: it is never followed (it could lead inside the network), so the bureau must
 * set the final URL.
 */
const permanent = (status: number) => (status >= 300 && status < 400) || (status >= 400 && status < 500 && status !== 408 && status !== 429);

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
        notification: {
          id: String(n.id),
          kind: n.kind,
          title: n.title,
          body: n.body,
          jurisdictionId: n.jurisdictionId,
          recipientRole: n.recipientRole,
          recipientUserId: n.recipientUserId,
          campaignId: n.campaignId,
          taskId: n.taskId,
          caseId: n.caseId,
          createdAt: n.createdAt.toISOString(),
        },
      });
      const timestamp = Math.floor(Date.now() / 1000);
      const { attempts } = await db.webhookDelivery.update({ where: { id: d.id }, data: { attempts: { increment: 1 }, url: hook.url } });
      const target = await checkWebhookTarget(hook.url);
      if (!target.ok) {
        const refused = `refused: ${target.messageEn}`.slice(0, 500);
        await db.webhookDelivery.update({ where: { id: d.id }, data: { lastStatus: null, lastError: refused } });
        throw ApplicationFailure.nonRetryable(`webhook target ${refused}`, 'WebhookTargetRefused');
      }
      let status = 0;
      let error: string | null = null;
      try {
        if (target.unresolved) throw new Error(`cannot resolve ${target.host} (${target.unresolved})`);
        const headers = {
          'content-type': 'application/json',
          [DELIVERY_HEADER]: d.id,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(hook.secret, timestamp, body),
        };
        status = await postToCheckedAddress(new URL(hook.url), target.address, headers, body, 10_000);
        if (status >= 300 && status < 400) error = `HTTP ${status}: redirects are not followed (set the final URL)`;
        else if (status < 200 || status >= 300) error = `HTTP ${status}`;
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
      await db.webhookDelivery.updateMany({
        where: { id: input.deliveryId, status: 'pending' },
        data: { status: 'failed', lastError: input.error.slice(0, 500) },
      });
    },
  };
}
