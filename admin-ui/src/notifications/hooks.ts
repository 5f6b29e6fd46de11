import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNotify } from 'react-admin';
import { errorMessage } from '../httpClient';
import { fetchUnreadCount, markAllRead, markRead, NOTIFICATIONS_KEY, UNREAD_COUNT_KEY } from './api';

/** How often the app-bar badge asks for the unread count. */
export const UNREAD_POLL_MS = 30_000;

/** The unread count, polled every 30 s (and refetched whenever something is marked read). */
export const useUnreadCount = () =>
  useQuery({
    queryKey: UNREAD_COUNT_KEY,
    queryFn: fetchUnreadCount,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
  });

/** Refreshes everything about notifications: the badge, the bell's popover and the list page. */
export const useRefreshNotifications = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [NOTIFICATIONS_KEY] });
};

/** Marks notifications read (one call per id: the API has no bulk route but read-all). */
export const useMarkRead = () => {
  const refreshNotifications = useRefreshNotifications();
  const notify = useNotify();
  return useMutation({
    mutationFn: (ids: (string | number)[]) => Promise.all(ids.map(markRead)),
    onSettled: () => refreshNotifications(),
    onError: (error) => notify(errorMessage(error), { type: 'error' }),
  });
};

export const useMarkAllRead = () => {
  const refreshNotifications = useRefreshNotifications();
  const notify = useNotify();
  return useMutation({
    mutationFn: markAllRead,
    onSuccess: (marked) => notify('app.notifications.marked', { type: 'success', messageArgs: { smart_count: marked } }),
    onSettled: () => refreshNotifications(),
    onError: (error) => notify(errorMessage(error), { type: 'error' }),
  });
};
