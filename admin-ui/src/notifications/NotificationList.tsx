import DoneAllIcon from '@mui/icons-material/DoneAll';
import MarkEmailReadIcon from '@mui/icons-material/MarkEmailRead';
import { Button, Datagrid, FilterButton, List, NullableBooleanInput, SelectInput, TopToolbar, useListContext, type RowClickFunction } from 'react-admin';
import { DateTimeField } from '../common/fields';
import { campaignFilter } from '../common/filters';
import { NOTIFICATION_KINDS, markRead, notificationLink, type AppNotification } from './api';
import { useMarkAllRead, useMarkRead, useRefreshNotifications } from './hooks';
import { BilingualField, KindField, ReadField } from './NotificationFields';

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

const NotificationActions = () => (
  <TopToolbar>
    <FilterButton />
    <MarkAllReadButton />
  </TopToolbar>
);

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
    <List title="app.notifications.title" filters={notificationFilters} actions={<NotificationActions />} sort={{ field: 'id', order: 'DESC' }} perPage={25}>
      <Datagrid
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
      </Datagrid>
    </List>
  );
};
