import { Chip, Typography, type ChipProps } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { CustomFieldProps } from '../common/fields';
import { pickLanguage, type AppNotification, type NotificationKind } from './api';

const kindColors: Record<NotificationKind, ChipProps['color']> = {
  assignment: 'primary',
  reminder: 'warning',
  overdue: 'error',
  escalation: 'error',
  decision: 'success',
};

export const NotificationKindChip = ({ kind }: { kind: string }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant="outlined"
      color={kindColors[kind as NotificationKind] ?? 'default'}
      label={translate(`app.notifications.kind.${kind}`, { _: kind })}
    />
  );
};

export const KindField = (_props: CustomFieldProps) => {
  const record = useRecordContext<AppNotification>();
  return record ? <NotificationKindChip kind={record.kind} /> : null;
};

/** A "中文 / English" field in the UI language; bold while the notification is unread. */
export const BilingualField = ({ source }: CustomFieldProps) => {
  const record = useRecordContext<AppNotification>();
  const [locale] = useLocaleState();
  if (!record) return null;
  const value = record[source as 'title' | 'body'];
  return (
    <Typography component="span" variant="body2" sx={{ fontWeight: record.read ? 'normal' : 'bold' }}>
      {pickLanguage(value, locale)}
    </Typography>
  );
};

export const ReadField = (_props: CustomFieldProps) => {
  const record = useRecordContext<AppNotification>();
  const translate = useTranslate();
  if (!record) return null;
  return record.read ? (
    <Typography component="span" variant="body2" color="text.secondary">
      {translate('app.notifications.read')}
    </Typography>
  ) : (
    <Chip size="small" color="primary" label={translate('app.notifications.unread')} data-testid="notification-unread-chip" />
  );
};
