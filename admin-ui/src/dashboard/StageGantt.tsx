import { Box, useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { ChartsReferenceLine } from '@mui/x-charts/ChartsReferenceLine';
import type { AxisValueFormatterContext } from '@mui/x-charts/models';
import { useTranslate } from 'react-admin';
import { shanghaiTime } from '../common/dates';
import { useFormatDate } from '../common/fields';
import { useLocalizedName } from '../common/useLocalizedName';
import type { StageStatus } from '../types';
import type { DashboardStage } from './types';

const STATUSES: StageStatus[] = ['closed', 'open', 'pending'];
const DAY_MS = 86_400_000;

/** Bar colour of a stage by its status (the same meaning as StageStatusChip's colours). */
export const useStageStatusColor = () => {
  const theme = useTheme();
  return (status: StageStatus): string =>
    status === 'open' ? theme.palette.primary.main : status === 'closed' ? theme.palette.success.main : theme.palette.grey[400];
};

/**
 * A Gantt-like timeline: one horizontal bar per stage from its start to its deadline, coloured by
 * status, with today as a vertical line. Bars are stacked on a transparent offset bar (the time
 * from the first instant shown to the stage's start); the axis is milliseconds from that instant.
 */
export const StageGantt = ({ stages, today }: { stages: DashboardStage[]; today: string }) => {
  const theme = useTheme();
  const translate = useTranslate();
  const localized = useLocalizedName();
  const formatDate = useFormatDate();
  const statusColor = useStageStatusColor();
  if (!stages.length) return null;

  const now = Date.parse(today) || Date.now();
  const starts = stages.map((s) => Date.parse(s.startsAt));
  const dues = stages.map((s) => Date.parse(s.dueAt));
  const origin = Math.min(...starts, now);
  const span = Math.max(Math.max(...dues, now) - origin, 1);
  // A compressed calendar (minutes, not months) needs the time of day on the axis.
  const showTime = span < 3 * DAY_MS;
  const at = (offset: number) => new Date(origin + offset).toISOString();
  // Within one day the axis needs the time alone (the console's HH:mm, common/dates.ts).
  const tick = (offset: number) => (span < DAY_MS ? shanghaiTime(origin + offset) : formatDate(at(offset), showTime));
  const range = (i: number) => `${formatDate(stages[i]!.startsAt, showTime)} – ${formatDate(stages[i]!.dueAt, showTime)}`;

  return (
    <Box data-testid="dashboard-gantt" sx={{ width: '100%' }}>
      <BarChart
        layout="horizontal"
        height={Math.max(stages.length * 40 + 90, 160)}
        yAxis={[
          {
            scaleType: 'band',
            data: stages.map((s) => localized(s)),
            width: 96,
            categoryGapRatio: 0.35,
          },
        ]}
        xAxis={[
          {
            min: 0,
            max: span,
            domainLimit: 'strict',
            tickNumber: 6,
            valueFormatter: (value: number, context: AxisValueFormatterContext) =>
              context.location === 'tick' ? tick(value) : formatDate(at(value), showTime),
          },
        ]}
        series={[
          {
            id: 'offset',
            stack: 'gantt',
            color: 'transparent',
            data: starts.map((start) => start - origin),
            // Not a figure: left out of the tooltip and (without a label) of the legend.
            valueFormatter: () => null,
          },
          ...STATUSES.map((status) => ({
            id: status,
            stack: 'gantt',
            label: translate(`app.stage.status.${status}`, { _: status }),
            color: statusColor(status),
            data: stages.map((s, i) => (s.status === status ? Math.max(dues[i]! - starts[i]!, 0) : null)),
            valueFormatter: (value: number | null, { dataIndex }: { dataIndex: number }) => (value == null ? null : range(dataIndex)),
          })),
        ]}
        grid={{ vertical: true }}
        slotProps={{ legend: { position: { vertical: 'top', horizontal: 'end' } } }}
      >
        <ChartsReferenceLine
          x={now - origin}
          label={translate('app.dashboard.today')}
          labelAlign="start"
          lineStyle={{ stroke: theme.palette.error.main, strokeDasharray: '4 3', strokeWidth: 2 }}
          labelStyle={{ fill: theme.palette.error.main, fontSize: 12 }}
        />
      </BarChart>
    </Box>
  );
};
