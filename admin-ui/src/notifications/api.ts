// Notifications of the API (api/README.md "Resources", notifications): the app-bar badge, the bell's
// popover and the list.
import type { RaRecord } from 'react-admin';
import { API_URL, httpClient } from '../httpClient';

export type NotificationKind = 'assignment' | 'reminder' | 'overdue' | 'escalation' | 'decision';

export const NOTIFICATION_KINDS: NotificationKind[] = ['assignment', 'reminder', 'overdue', 'escalation', 'decision'];

export interface AppNotification extends RaRecord<string | number> {
  key: string;
  createdAt: string;
  kind: NotificationKind;
  recipientRole: string;
  recipientUserId: string | null;
  jurisdictionId: string;
  campaignId: string | null;
  taskId: string | null;
  caseId: string | null;
  /** "中文 / English" */
  title: string;
  /** "中文 / English" */
  body: string;
  read: boolean;
}

/** Every query about notifications starts with this key: invalidating it refreshes the badge and the lists. */
export const NOTIFICATIONS_KEY = 'notifications';
export const UNREAD_COUNT_KEY = [NOTIFICATIONS_KEY, 'unread-count'] as const;

const segment = (id: string | number) => encodeURIComponent(String(id));

export const fetchUnreadCount = async (): Promise<number> => ((await httpClient(`${API_URL}/notifications/unread-count`)).json as { unread: number }).unread;

export const markRead = async (id: string | number): Promise<AppNotification> =>
  (await httpClient(`${API_URL}/notifications/${segment(id)}/read`, { method: 'POST', body: '{}' })).json as AppNotification;

export const markAllRead = async (): Promise<number> =>
  ((await httpClient(`${API_URL}/notifications/read-all`, { method: 'POST', body: '{}' })).json as { marked: number }).marked;

/** Where a notification leads: its task, else its case, else its campaign (null: nowhere). */
export const notificationLink = (n: Pick<AppNotification, 'taskId' | 'caseId' | 'campaignId'>): string | null => {
  if (n.taskId) return `/tasks/${encodeURIComponent(n.taskId)}/show`;
  if (n.caseId) return `/cases/${encodeURIComponent(n.caseId)}/show`;
  if (n.campaignId) return `/campaigns/${encodeURIComponent(n.campaignId)}/show`;
  return null;
};

/** The half of a "中文 / English" text in the UI language (the whole text if it has no " / "). */
export const pickLanguage = (text: string | null | undefined, locale: string): string => {
  if (!text) return '';
  const cut = text.indexOf(' / ');
  if (cut < 0) return text;
  return locale === 'en' ? text.slice(cut + 3) : text.slice(0, cut);
};
