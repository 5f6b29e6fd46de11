// The operator's notifications (api/portal/notifications.ts; README "Notifications to operators"): its own,
// addressed to its account, with its read state; the tab's badge polls the unread count.
import { API_URL, httpClient } from '../../httpClient';

export type PortalNotificationKind = 'returned' | 'order' | 'reminder' | 'decision';

export interface PortalNotification {
  id: string;
  createdAt: string;
  kind: PortalNotificationKind;
  campaignId: string | null;
  taskId: string | null;
  caseId: string | null;
  /** "中文 / English" */
  title: string;
  /** The reason staff recorded (and an order's deadline). */
  body: string;
  read: boolean;
}

/** Every query about the operator's notifications starts with this key. */
export const PORTAL_NOTIFICATIONS_KEY = ['portal', 'notifications'] as const;
/** How often the badge asks (as the staff console's bell). */
export const PORTAL_UNREAD_POLL_MS = 30_000;

const enc = encodeURIComponent;
const base = `${API_URL}/portal/notifications`;

export const portalNotifications = async () => (await httpClient(`${base}?sort=${enc('["id","DESC"]')}&range=${enc('[0,99]')}`)).json as PortalNotification[];
export const portalUnreadCount = async () => ((await httpClient(`${base}/unread-count`)).json as { unread: number }).unread;
export const markPortalNotificationRead = async (id: string) => (await httpClient(`${base}/${enc(id)}/read`, { method: 'POST', body: '{}' })).json;
export const markAllPortalNotificationsRead = async () =>
  ((await httpClient(`${base}/read-all`, { method: 'POST', body: '{}' })).json as { marked: number }).marked;

/**
 * Where a notice leads in the portal: a register application (its id is `<campaign>:<register>:…`,
 * api/intake-filing.ts) to its page, a task to the task, any other case to the case.
 */
export const portalNotificationLink = (n: Pick<PortalNotification, 'campaignId' | 'caseId' | 'taskId' | 'kind'>): string | null => {
  if (n.caseId && n.campaignId && /^(product|influencer):/.test(n.caseId.slice(n.campaignId.length + 1))) return `/register/${enc(n.caseId)}`;
  if (n.taskId && n.kind === 'reminder') return `/tasks/${enc(n.taskId)}`;
  if (n.caseId) return `/cases/${enc(n.caseId)}`;
  return null;
};
