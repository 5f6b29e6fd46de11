import AssignmentIcon from '@mui/icons-material/AssignmentOutlined';
import FlagIcon from '@mui/icons-material/Flag';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import type { ChipProps } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { campaignPath, taskListPath } from '../dashboard/links';
import type { CalendarEvent } from './types';

/** Where an event leads: the open tasks it counts, or the campaign of a stage event. */
export const eventPath = (event: CalendarEvent): string =>
  event.kind === 'tasks_due'
    ? taskListPath({
        campaignId: event.campaignId,
        stageKey: event.stageKey,
        type: event.taskType,
        jurisdictionId: event.jurisdictionId,
        status: 'open',
      })
    : campaignPath(event.campaignId);

export const isOverdue = (event: CalendarEvent): boolean => (event.overdue ?? 0) > 0;

/** The short text of an event ("自查自纠截止", "自查自纠 3 项到期 · 雉城所"). */
export const useEventLabel = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (event: CalendarEvent): string => {
    const stage = (locale === 'en' && event.stageNameEn) || event.stageName;
    if (event.kind === 'tasks_due') {
      const type = event.taskType ? translate(`app.task.type.${event.taskType}`, { _: event.taskType }) : stage;
      const text = translate('app.calendar.tasks_due', { type, smart_count: event.count ?? 0 });
      return event.jurisdictionName ? `${text} · ${event.jurisdictionName}` : text;
    }
    return translate(`app.calendar.${event.kind}`, { stage });
  };
};

export const eventIcon = (event: CalendarEvent) =>
  event.kind === 'tasks_due' ? <AssignmentIcon /> : event.kind === 'stage_due' ? <FlagIcon /> : <PlayArrowIcon />;

/** Overdue work in red; deadlines filled while their stage is open; starts and task groups outlined. */
export const eventChipStyle = (event: CalendarEvent): Pick<ChipProps, 'color' | 'variant'> =>
  isOverdue(event)
    ? { color: 'error', variant: 'filled' }
    : event.kind === 'stage_due'
      ? { color: 'primary', variant: event.status === 'open' ? 'filled' : 'outlined' }
      : event.kind === 'stage_start'
        ? { color: 'info', variant: 'outlined' }
        : { color: 'warning', variant: 'outlined' };
