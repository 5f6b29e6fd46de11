import DoneAllIcon from '@mui/icons-material/DoneAll';
import MarkEmailReadIcon from '@mui/icons-material/MarkEmailRead';
import { Stack, Typography } from '@mui/material';
import { Button, NullableBooleanInput, SelectInput, useListContext, useLocaleState, useRecordContext, type RowClickFunction } from 'react-admin';
import { DateTimeField, useFormatDate } from '../common/fields';
import { campaignFilter } from '../common/filters';
import { RecordCard, ResponsiveDatagrid } from '../layout/CardList';
import { ResponsiveList } from '../layout/ResponsiveList';
import { NOTIFICATION_KINDS, markRead, notificationLink, pickLanguage, type AppNotification } from './api';
import { useMarkAllRead, useMarkRead, useRefreshNotifications } from './hooks';
import { BilingualField, KindField, NotificationKindChip, ReadField } from './NotificationFields';

const kindChoices = NOTIFICATION_KINDS.map((id) => ({ id, name: `app.notifications.kind.${id}` }));

// Only the filters the API takes: kind, campaignId, unread.
const notificationFilters = [
  <NullableBooleanInput key="unread" source="unread" alwaysOn trueLabel="app.notifications.unread" falseLabel="app.notifications.read" />,
  <SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn />,
  campaignFilter({ alwaysOn: false }),
];

/** 全部标为已读 (every notification of the user, not just this page). */
export const MarkAllReadButton = ({ testId = 'notifications-read-all' }: { testId?: string }) => {
  const { mutate, isPending } = useMarkAllRead();
  return (
    <Button label="app.notifications.mark_all_read" data-testid={testId} disabled={isPending} onClick={() => mutate()}>
      <DoneAllIcon />
    </Button>
  );
};

/** 标为已读: the selected rows. */
const BulkMarkReadButton = () => {
  const { selectedIds, onUnselectItems } = useListContext<AppNotification>();
  const { mutate, isPending } = useMarkRead();
  return (
    <Button
      label="app.notifications.mark_read"
      data-testid="notifications-bulk-read"
      disabled={isPending || selectedIds.length === 0}
      onClick={() => mutate(selectedIds, { onSuccess: () => onUnselectItems() })}
    >
      <MarkEmailReadIcon />
    </Button>
  );
};

/** A notification on a phone: kind and time, its title (bold while unread) and message; a tap opens it. */
const NotificationCard = () => {
  const record = useRecordContext<AppNotification>();
  const [locale] = useLocaleState();
  const formatDate = useFormatDate();
  if (!record) return null;
  return (
    <RecordCard testId="notification-card" highlighted={!record.read}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
        <NotificationKindChip kind={record.kind} />
        <Typography variant="caption" color="text.secondary">
          {formatDate(record.createdAt)}
        </Typography>
        <ReadField source="read" />
      </Stack>
      <Typography variant="body1" sx={{ fontWeight: record.read ? 'normal' : 'bold' }}>
        {pickLanguage(record.title, locale)}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ overflow: 'hidden', display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical' }}>
        {pickLanguage(record.body, locale)}
      </Typography>
    </RecordCard>
  );
};

/** A click on a row marks it read and opens what it is about (its task, else case, else campaign). */
const useRowClick = (): RowClickFunction => {
  const refreshNotifications = useRefreshNotifications();
  return async (id, _resource, row) => {
    const record = row as AppNotification;
    if (!record.read) {
      try {
        await markRead(id);
      } finally {
        void refreshNotifications();
      }
    }
    return notificationLink(record) ?? false;
  };
};

export const NotificationList = () => {
  const rowClick = useRowClick();
  return (
    <ResponsiveList
      title="app.notifications.title"
      filters={notificationFilters}
      inlineFilters={['unread']}
      actions={<MarkAllReadButton />}
      exporter={false}
      sort={{ field: 'id', order: 'DESC' }}
      perPage={25}
    >
      <ResponsiveDatagrid
        card={<NotificationCard />}
        cardsTestId="notification-cards"
        rowClick={rowClick}
        bulkActionButtons={<BulkMarkReadButton />}
        rowSx={(record) => ({
          '& td': { fontWeight: record.read ? 'normal' : 'bold' },
          ...(record.read ? {} : { bgcolor: 'action.hover' }),
        })}
      >
        <KindField source="kind" sortable={false} />
        <BilingualField source="title" sortable={false} />
        <BilingualField source="body" sortable={false} />
        <DateTimeField source="createdAt" />
        <ReadField source="read" sortable={false} />
      </ResponsiveDatagrid>
    </ResponsiveList>
  );
};
