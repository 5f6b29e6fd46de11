import { Box, Typography, useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslate } from 'react-admin';
import type { ThresholdKind } from '../types';
import type { ScoreBucket } from './types';

/**
 * How many cases have a total in each score band, with the campaign's threshold (award, list or
 * roster) stated: bands wholly at or above it in green, the band it falls in in amber, the others
 * in blue.
 */
export const ScoreDistribution = ({
  buckets,
  threshold,
  thresholdKind,
}: {
  buckets: ScoreBucket[];
  threshold: number | null;
  thresholdKind: ThresholdKind | null;
}) => {
  const translate = useTranslate();
  const theme = useTheme();
  const colour = (b: ScoreBucket) =>
    threshold == null || b.to <= threshold ? theme.palette.primary.main : b.from >= threshold ? theme.palette.success.main : theme.palette.warning.main;
  const scored = buckets.reduce((sum, b) => sum + b.count, 0);
  return (
    <Box data-testid="dashboard-scores">
      <Typography variant="body2" color="text.secondary">
        {threshold != null
          ? translate('app.dashboard.scores_threshold', {
              name: translate(`app.dashboard.threshold_kind.${thresholdKind ?? 'award'}`),
              threshold,
              smart_count: scored,
            })
          : translate('app.dashboard.scores_total', { smart_count: scored })}
      </Typography>
      <BarChart
        height={220}
        hideLegend
        xAxis={[{ scaleType: 'band', data: buckets.map((b) => b.label), height: 28 }]}
        yAxis={[
          {
            width: 36,
            tickNumber: Math.min(Math.max(...buckets.map((b) => b.count), 1), 5),
            valueFormatter: (v: number) => (Number.isInteger(v) ? String(v) : ''),
          },
        ]}
        series={[
          {
            id: 'cases',
            label: translate('app.dashboard.cases_scored'),
            data: buckets.map((b) => b.count),
            colorGetter: ({ dataIndex }) => colour(buckets[dataIndex]!),
            barLabel: (item) => (item.value ? String(item.value) : null),
          },
        ]}
      />
    </Box>
  );
};
