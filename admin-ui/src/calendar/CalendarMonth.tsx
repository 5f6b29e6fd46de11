import { Box, Button, Chip, Paper, Stack, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { LinkBase, useLocaleState, useTranslate } from 'react-admin';
import { intlLocale, useFormatDate } from '../common/fields';
import { eventChipStyle, eventIcon, eventPath, useEventLabel } from './events';
import type { CalendarEvent } from './types';

const weekdayNames = (locale: string) => {
  const format = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
};

export const EventChip = ({ event }: { event: CalendarEvent }) => {
  const label = useEventLabel();
  const formatDate = useFormatDate();
  const text = label(event);
  return (
    <Tooltip title={`${event.campaignName} · ${text} · ${formatDate(event.at)}`}>
      <Chip
        size="small"
        clickable
        component={LinkBase}
        to={eventPath(event)}
        icon={eventIcon(event)}
        label={text}
        {...eventChipStyle(event)}
        data-testid="calendar-event"
        data-event-id={event.id}
        data-kind={event.kind}
        data-campaign={event.campaignId}
        sx={{
          maxWidth: '100%',
          height: 'auto',
          minHeight: 24,
          justifyContent: 'flex-start',
          fontSize: '0.72rem',
          // Long labels (task groups with their jurisdiction) wrap rather than vanish.
          '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 },
        }}
      />
    </Tooltip>
  );
};

/** A busy day shows its first events and a button for the rest (the list view shows them all too). */
const SHOWN = 6;

const DayEvents = ({ events }: { events: CalendarEvent[] }) => {
  const translate = useTranslate();
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? events : events.slice(0, SHOWN);
  return (
    <Stack spacing={0.25} sx={{ alignItems: 'flex-start' }}>
      {shown.map((event) => (
        <EventChip key={event.id} event={event} />
      ))}
      {events.length > shown.length && (
        <Button size="small" data-testid="calendar-more" onClick={() => setExpanded(true)} sx={{ minWidth: 0, p: 0, px: 0.5, fontSize: '0.72rem' }}>
          {translate('app.calendar.more', { smart_count: events.length - shown.length })}
        </Button>
      )}
    </Stack>
  );
};

/** A month as weeks (Monday first); each day lists its events as chips; today is outlined. */
export const CalendarMonth = ({ month, weeks, today, events }: { month: string; weeks: string[][]; today: string; events: CalendarEvent[] }) => {
  const [locale] = useLocaleState();
  const byDay = new Map<string, CalendarEvent[]>();
  events.forEach((e) => byDay.set(e.date, [...(byDay.get(e.date) ?? []), e]));
  return (
    <Box data-testid="calendar-month">
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 0.5 }}>
        {weekdayNames(locale).map((name, i) => (
          <Typography key={name} variant="caption" color={i >= 5 ? 'text.disabled' : 'text.secondary'} sx={{ textAlign: 'center', fontWeight: 600 }}>
            {name}
          </Typography>
        ))}
        {weeks.flat().map((day) => {
          const inMonth = day.startsWith(month);
          const isToday = day === today;
          const dayEvents = byDay.get(day) ?? [];
          return (
            <Paper
              key={day}
              variant="outlined"
              data-testid={`calendar-day-${day}`}
              data-today={isToday || undefined}
              sx={{
                minHeight: 96,
                p: 0.5,
                overflow: 'hidden',
                bgcolor: inMonth ? 'background.paper' : 'action.hover',
                ...(isToday && { borderColor: 'primary.main', borderWidth: 2 }),
              }}
            >
              <Typography
                variant="caption"
                component="div"
                color={isToday ? 'primary' : inMonth ? 'text.primary' : 'text.disabled'}
                sx={{ fontWeight: isToday ? 700 : 400, mb: 0.25 }}
              >
                {Number(day.slice(8))}
              </Typography>
              <DayEvents events={dayEvents} />
            </Paper>
          );
        })}
      </Box>
    </Box>
  );
};
