import type { ReactNode } from 'react';
import { Box, Paper, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { DashboardCounts } from './types';

/** Always shown; the other counts only once they are not zero (a programme uses some of them only). */
const ALWAYS: (keyof DashboardCounts)[] = ['cases', 'openTasks', 'overdueTasks'];
const ORDER: (keyof DashboardCounts)[] = ['cases', 'applications', 'openTasks', 'overdueTasks', 'scored', 'proposed', 'excluded', 'titles', 'listed'];

export const StatTile = ({
  label,
  value,
  colour,
  testId,
  caption,
}: {
  label: string;
  value: ReactNode;
  colour?: string;
  testId?: string;
  caption?: ReactNode;
}) => (
  <Paper variant="outlined" sx={{ px: 1.5, py: 1, minWidth: '7rem' }} data-testid={testId}>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography variant="h5" component="div" color={colour} data-value>
      {value}
    </Typography>
    {caption && (
      <Typography variant="caption" color="text.secondary" component="div">
        {caption}
      </Typography>
    )}
  </Paper>
);

/** Case, award and list counts of a campaign as small tiles. */
export const CountTiles = ({ counts }: { counts: DashboardCounts }) => {
  const translate = useTranslate();
  const keys = ORDER.filter((k) => ALWAYS.includes(k) || (counts[k] ?? 0) > 0);
  return (
    <Box data-testid="dashboard-counts" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
      {keys.map((key) => (
        <StatTile
          key={key}
          testId={`dashboard-count-${key}`}
          label={translate(`app.dashboard.counts.${key}`)}
          value={counts[key] ?? 0}
          colour={key === 'overdueTasks' && counts[key] > 0 ? 'error.main' : undefined}
        />
      ))}
    </Box>
  );
};
