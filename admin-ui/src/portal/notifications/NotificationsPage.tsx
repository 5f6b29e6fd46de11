import DoneAllIcon from '@mui/icons-material/DoneAll';
import NotificationsIcon from '@mui/icons-material/NotificationsOutlined';
import { Alert, Badge, Button, Card, CardActionArea, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Title, useLocaleState, useNavigate, useNotify, useTranslate } from 'react-admin';
import { shanghaiDay } from '../../common/dates';
import { errorMessage } from '../../httpClient';
import { pickLanguage } from '../../notifications/api';
import { Pending } from '../MyCasesPage';
import {
  markAllPortalNotificationsRead,
  markPortalNotificationRead,
  PORTAL_NOTIFICATIONS_KEY,
  PORTAL_UNREAD_POLL_MS,
  portalNotificationLink,
  portalNotifications,
  portalUnreadCount,
  type PortalNotification,
} from './api';

const KIND_COLOR = { returned: 'warning', order: 'error', reminder: 'info', decision: 'success' } as const;

/** The bell of the portal's tab bar (pages.tsx): the unread count, polled every 30 s. */
export const PortalNotificationBell = () => {
  const translate = useTranslate();
  const unread = useQuery({
    queryKey: [...PORTAL_NOTIFICATIONS_KEY, 'unread-count'],
    queryFn: portalUnreadCount,
    refetchInterval: PORTAL_UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
  });
  const n = unread.data ?? 0;
  return (
    <Badge
      badgeContent={n}
      color="error"
      max={99}
      data-testid="portal-notification-badge"
      data-unread={n}
      // Room for the count beside the tab's label.
      sx={{ mr: n ? 1 : 0 }}
      aria-label={translate('app.portal_notifications.unread', { smart_count: n })}
    >
      <NotificationsIcon fontSize="small" />
    </Badge>
  );
};

const NoticeCard = ({ n, onOpen }: { n: PortalNotification; onOpen: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Card data-testid="portal-notification" data-kind={n.kind} data-read={n.read ? 'true' : 'false'} sx={{ bgcolor: n.read ? undefined : 'action.hover' }}>
      <CardActionArea onClick={onOpen}>
        <CardContent>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
            <Chip size="small" color={KIND_COLOR[n.kind] ?? 'default'} label={translate(`app.portal_notifications.kind.${n.kind}`, { _: n.kind })} />
            <Typography variant="caption" color="text.secondary">
              {shanghaiDay(n.createdAt)}
            </Typography>
          </Stack>
          <Typography variant="body1" sx={{ fontWeight: n.read ? 'normal' : 'bold', overflowWrap: 'anywhere' }}>
            {pickLanguage(n.title, locale)}
          </Typography>
          {n.body && (
            <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {n.body
                .split('\n')
                .map((line) => pickLanguage(line, locale))
                .join('\n')}
            </Typography>
          )}
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

/** 消息通知: the operator's own notices, newest first; opening one marks it read and goes to its case or task. */
export const NotificationsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: PORTAL_NOTIFICATIONS_KEY });
  const list = useQuery({ queryKey: [...PORTAL_NOTIFICATIONS_KEY, 'list'], queryFn: portalNotifications, refetchInterval: PORTAL_UNREAD_POLL_MS });
  const all = useMutation({
    mutationFn: markAllPortalNotificationsRead,
    onSuccess: () => notify('app.portal_notifications.marked', { type: 'success' }),
    onError: (error) => notify(errorMessage(error), { type: 'error' }),
    onSettled: refresh,
  });
  const open = async (n: PortalNotification) => {
    if (!n.read) {
      try {
        await markPortalNotificationRead(n.id);
      } catch {
        // The page opens anyway; the badge shows what the API holds.
      }
      void refresh();
    }
    const link = portalNotificationLink(n);
    if (link) navigate(link);
  };
  const unread = (list.data ?? []).filter((n) => !n.read).length;
  return (
    <Stack spacing={1.5} data-testid="portal-notifications">
      <Title title="app.portal_notifications.title" />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h2" sx={{ flex: 1 }}>
          {translate('app.portal_notifications.title')}
        </Typography>
        {unread > 0 && (
          <Button startIcon={<DoneAllIcon />} onClick={() => all.mutate()} disabled={all.isPending} data-testid="portal-notifications-read-all">
            {translate('app.portal_notifications.mark_all')}
          </Button>
        )}
      </Stack>
      {!list.data ? (
        <Pending error={list.error} />
      ) : list.data.length === 0 ? (
        <Alert severity="info">{translate('app.portal_notifications.none')}</Alert>
      ) : (
        list.data.map((n) => <NoticeCard key={n.id} n={n} onOpen={() => void open(n)} />)
      )}
    </Stack>
  );
};
