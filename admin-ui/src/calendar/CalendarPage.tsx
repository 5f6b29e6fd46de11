import CalendarViewMonthIcon from '@mui/icons-material/CalendarViewMonth';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ViewListIcon from '@mui/icons-material/ViewList';
import { Alert, Box, Button, Card, CardContent, IconButton, LinearProgress, Stack, ToggleButton, ToggleButtonGroup, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useLocaleState, useStore, useTranslate } from 'react-admin';
import { shanghaiDay } from '../common/dates';
import { intlLocale } from '../common/fields';
import { errorMessage } from '../httpClient';
import { CalendarList } from './CalendarList';
import { CalendarMonth } from './CalendarMonth';
import { addMonths, monthWeeks } from './days';
import { useCalendar } from './useCalendar';

type View = 'month' | 'list';

/**
 * 截止日历 (#/calendar): stage starts and deadlines and open tasks falling due, as a month (weeks
 * from Monday, today outlined, overdue in red) or as a list by day. Each event links to its work.
 */
export const CalendarPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const today = shanghaiDay(new Date());
  const [month, setMonth] = useState(today.slice(0, 7));
  const [view, setView] = useStore<View>('calendar.view', 'month');
  const weeks = monthWeeks(month);
  const from = weeks[0]![0]!;
  const to = weeks[weeks.length - 1]![6]!;
  const { data, isFetching, error } = useCalendar(from, to);
  const events = data?.events ?? [];
  const monthTitle = new Intl.DateTimeFormat(intlLocale(locale), {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));

  return (
    <Card sx={{ mt: 2, mb: 4 }}>
      <Title title="app.calendar.title" />
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
          <Tooltip title={translate('app.calendar.previous')}>
            <IconButton aria-label={translate('app.calendar.previous')} data-testid="calendar-previous" onClick={() => setMonth(addMonths(month, -1))}>
              <ChevronLeftIcon />
            </IconButton>
          </Tooltip>
          <Typography variant="h6" data-testid="calendar-title" sx={{ minWidth: '9rem', textAlign: 'center' }}>
            {monthTitle}
          </Typography>
          <Tooltip title={translate('app.calendar.next')}>
            <IconButton aria-label={translate('app.calendar.next')} data-testid="calendar-next" onClick={() => setMonth(addMonths(month, 1))}>
              <ChevronRightIcon />
            </IconButton>
          </Tooltip>
          <Button size="small" onClick={() => setMonth(today.slice(0, 7))} disabled={month === today.slice(0, 7)}>
            {translate('app.calendar.this_month')}
          </Button>
          <Box sx={{ flexGrow: 1 }} />
          <ToggleButtonGroup size="small" exclusive value={view} onChange={(_, value: View | null) => value && setView(value)}>
            <ToggleButton value="month" data-testid="calendar-view-month">
              <CalendarViewMonthIcon fontSize="small" sx={{ mr: 0.5 }} />
              {translate('app.calendar.month_view')}
            </ToggleButton>
            <ToggleButton value="list" data-testid="calendar-view-list">
              <ViewListIcon fontSize="small" sx={{ mr: 0.5 }} />
              {translate('app.calendar.list_view')}
            </ToggleButton>
          </ToggleButtonGroup>
        </Stack>
        <Box sx={{ height: 4, mb: 1 }}>{isFetching && <LinearProgress />}</Box>
        {error ? (
          <Alert severity="error">{translate(errorMessage(error))}</Alert>
        ) : view === 'list' ? (
          <CalendarList events={events} today={today} />
        ) : (
          <CalendarMonth month={month} weeks={weeks} today={today} events={events} />
        )}
      </CardContent>
    </Card>
  );
};
