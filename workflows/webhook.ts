// WebhookDeliveryWorkflow: one notification to one bureau's webhook. The POST is an activity retried with
// exponential backoff (1 s, 2 s, 4 s … capped at 10 min, 15 attempts ≈ 1.5 h); a receiver's 4xx or the
// last failure marks the delivery failed. Started by activities/notify.ts with a fixed id, so at most once.
import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { ACTIVITY_OPTIONS } from './activity-options.js';

const { postWebhook } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 15 },
});
const { markWebhookFailed } = proxyActivities<Activities>(ACTIVITY_OPTIONS);

export async function WebhookDeliveryWorkflow(input: { deliveryId: string }): Promise<{ delivered: boolean }> {
  try {
    await postWebhook(input);
    return { delivered: true };
  } catch (e) {
    const cause = e instanceof ActivityFailure ? e.cause : e;
    await markWebhookFailed({
      deliveryId: input.deliveryId,
      error: cause instanceof ApplicationFailure || cause instanceof Error ? cause.message : String(cause),
    });
    return { delivered: false };
  }
}
