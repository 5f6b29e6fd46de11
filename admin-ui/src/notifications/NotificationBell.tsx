import { useState } from 'react';
import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, Box, Divider, IconButton, List as MuiList, ListItemButton, Popover, Stack, Tooltip, Typography } from '@mui/material';
import { Link, useGetList, useLocaleState, useNavigate, useTranslate } from 'react-admin';
import { useFormatDate } from '../common/fields';
import { markRead, notificationLink, pickLanguage, type AppNotification } from './api';
import { useRefreshNotifications, useUnreadCount } from './hooks';
import { MarkAllReadButton } from './NotificationList';
import { NotificationKindChip } from './NotificationFields';

/** How many of the latest notifications the popover shows. */
const LATEST = 8;

const NotificationItem = ({ notification, onOpen }: { notification: AppNotification; onOpen: () => void }) => {
  const [locale] = useLocaleState();
  const formatDate = useFormatDate();
  const weight = notification.read ? 'normal' : 'bold';
  return (
    <ListItemButton
      data-testid="notification-item"
      data-notification={notification.id}
      data-read={notification.read ? 'true' : 'false'}
      onClick={onOpen}
      sx={{ display: 'block', bgcolor: notification.read ? undefined : 'action.hover' }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
        <NotificationKindChip kind={notification.kind} />
        <Typography variant="caption" color="text.secondary">
          {formatDate(notification.createdAt)}
        </Typography>
      </Stack>
      <Typography variant="body2" sx={{ fontWeight: weight }}>
        {pickLanguage(notification.title, locale)}
      </Typography>
      <Typography
        variant="body2"
        color="text.secondary"
        sx={{ overflow: 'hidden', textOverflow: 'ellipsis', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical' }}
      >
        {pickLanguage(notification.body, locale)}
      </Typography>
    </ListItemButton>
  );
};

/** The latest notifications; a click marks one read and opens its task / case / campaign. */
const LatestNotifications = ({ onClose }: { onClose: () => void }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const refreshNotifications = useRefreshNotifications();
  const { data, isPending, error } = useGetList<AppNotification>('notifications', {
    pagination: { page: 1, perPage: LATEST },
    sort: { field: 'id', order: 'DESC' },
    filter: {},
  });
  const open = async (notification: AppNotification) => {
    if (!notification.read) {
      try {
        await markRead(notification.id);
      } catch {
        // The page opens anyway; the badge shows what the API holds.
      }
      void refreshNotifications();
    }
    onClose();
    const link = notificationLink(notification);
    if (link) navigate(link);
  };
  if (isPending) {
    return (
      <Typography sx={{ p: 2 }} color="text.secondary">
        {translate('ra.page.loading')}
      </Typography>
    );
  }
  if (error) {
    return (
      <Typography sx={{ p: 2 }} color="error">
        {translate('ra.notification.http_error')}
      </Typography>
    );
  }
  if (!data?.length) {
    return (
      <Typography sx={{ p: 2 }} color="text.secondary">
        {translate('app.notifications.empty')}
      </Typography>
    );
  }
  return (
    <MuiList dense disablePadding data-testid="notification-latest">
      {data.map((n) => (
        <NotificationItem key={n.id} notification={n} onOpen={() => void open(n)} />
      ))}
    </MuiList>
  );
};

/** The app bar's bell: unread count (polled every 30 s) and a popover of the latest notifications. */
export const NotificationBell = () => {
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { data: unread = 0 } = useUnreadCount();
  const close = () => setAnchor(null);
  return (
    <>
      <Tooltip title={translate('app.notifications.title')}>
        <IconButton
          color="inherit"
          data-testid="notification-bell"
          aria-label={translate('app.notifications.title')}
          onClick={(event) => setAnchor(event.currentTarget)}
        >
          {/* Remounted at zero: MUI keeps showing the last number while a badge hides. */}
          <Badge
            key={unread > 0 ? 'unread' : 'none'}
            color="error"
            max={99}
            badgeContent={unread}
            invisible={unread === 0}
            slotProps={{ badge: { 'data-testid': 'notification-unread', 'data-count': unread } as object }}
          >
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={!!anchor}
        anchorEl={anchor}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { width: { xs: 'calc(100vw - 32px)', sm: 380 }, maxHeight: 560 }, 'data-testid': 'notification-popover' } as object }}
      >
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', px: 2, py: 1 }}>
          <Typography variant="subtitle1">
            {translate('app.notifications.title')}
            {unread > 0 && ` (${translate('app.notifications.unread_count', { smart_count: unread })})`}
          </Typography>
          <MarkAllReadButton testId="notification-read-all" />
        </Stack>
        <Divider />
        {anchor && <LatestNotifications onClose={close} />}
        <Divider />
        <Box sx={{ px: 2, py: 1, textAlign: 'center' }}>
          <Link to="/notifications" onClick={close} data-testid="notification-see-all">
            {translate('app.notifications.see_all')}
          </Link>
        </Box>
      </Popover>
    </>
  );
};
