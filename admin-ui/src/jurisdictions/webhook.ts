// The jurisdiction's 推送接口 (api/README.md "Resources", webhooks): one webhook per jurisdiction, for
// an admin or a coordinator of that jurisdiction; the secret is never returned.
import { HttpError, type Identifier } from 'react-admin';
import { API_URL, httpClient } from '../httpClient';
import type { Jurisdiction, Role } from '../types';

export interface Webhook {
  jurisdictionId: string;
  url: string;
  enabled: boolean;
  secretSet: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookBody {
  url: string;
  secret?: string;
  enabled: boolean;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export const SECRET_MIN_LENGTH = 16;

const path = (id: Identifier) => `${API_URL}/jurisdictions/${encodeURIComponent(String(id))}/webhook`;

/** The webhook, or null when the jurisdiction has none (404). */
export const fetchWebhook = async (id: Identifier, signal?: AbortSignal): Promise<Webhook | null> => {
  try {
    return (await httpClient(path(id), { signal })).json as Webhook;
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return null;
    throw error;
  }
};

export const saveWebhook = async (id: Identifier, body: WebhookBody): Promise<Webhook> =>
  (await httpClient(path(id), { method: 'PUT', body: JSON.stringify(body) })).json as Webhook;

export const deleteWebhook = async (id: Identifier): Promise<void> => {
  await httpClient(path(id), { method: 'DELETE' });
};

/** Admins, and coordinators for their own jurisdiction (and below: the API has the last word). */
export const canManageWebhook = (role: Role | undefined, myJurisdictionId: string | undefined, jurisdiction: Pick<Jurisdiction, 'id' | 'path'> | undefined) =>
  role === 'admin' ||
  (role === 'coordinator' &&
    !!myJurisdictionId &&
    !!jurisdiction &&
    (jurisdiction.id === myJurisdictionId || (jurisdiction.path ?? '').includes(`/${myJurisdictionId}/`)));
