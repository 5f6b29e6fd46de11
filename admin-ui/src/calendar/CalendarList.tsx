import { Box, Chip, List, ListItemButton, ListItemIcon, ListItemText, ListSubheader, Typography } from '@mui/material';
import { LinkBase, useLocaleState, useTranslate } from 'react-admin';
import { shanghaiTime } from '../common/dates';
import { intlLocale, useFormatDate } from '../common/fields';
import { eventIcon, eventPath, isOverdue, useEventLabel } from './events';
import type { CalendarEvent } from './types';

/** The same events as the month view, grouped by day. */
export const CalendarList = ({ events, today }: { events: CalendarEvent[]; today: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const label = useEventLabel();
  const formatDate = useFormatDate();
  const dayTitle = new Intl.DateTimeFormat(intlLocale(locale), {
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    timeZone: 'UTC',
  });
  const days = [...new Set(events.map((e) => e.date))].sort();
  if (!days.length) {
    return (
      <Box data-testid="calendar-list">
        <Typography color="text.secondary" sx={{ p: 2 }}>
          {translate('app.calendar.no_events')}
        </Typography>
      </Box>
    );
  }
  return (
    <List data-testid="calendar-list" dense disablePadding>
      {days.map((day) => (
        <li key={day} data-testid={`calendar-list-day-${day}`}>
          <ul style={{ padding: 0 }}>
            <ListSubheader sx={{ bgcolor: 'background.default', lineHeight: '2.2rem' }}>
              {dayTitle.format(new Date(`${day}T00:00:00Z`))}
              {day === today && ` · ${translate('app.dashboard.today')}`}
            </ListSubheader>
            {events
              .filter((e) => e.date === day)
              .map((event) => (
                <ListItemButton
                  key={event.id}
                  component={LinkBase}
                  to={eventPath(event)}
                  data-testid="calendar-event"
                  data-event-id={event.id}
                  data-kind={event.kind}
                  data-campaign={event.campaignId}
                >
                  <ListItemIcon sx={{ minWidth: 36, color: isOverdue(event) ? 'error.main' : undefined }}>{eventIcon(event)}</ListItemIcon>
                  <ListItemText
                    primary={label(event)}
                    secondary={`${shanghaiTime(event.at)} · ${event.campaignName}`}
                    slotProps={{
                      primary: { color: isOverdue(event) ? 'error' : undefined },
                      secondary: { title: formatDate(event.at) },
                    }}
                  />
                  {isOverdue(event) && (
                    <Chip
                      size="small"
                      color="error"
                      label={translate('app.calendar.overdue', {
                        smart_count: event.overdue ?? 0,
                      })}
                    />
                  )}
                </ListItemButton>
              ))}
          </ul>
        </li>
      ))}
    </List>
  );
};
