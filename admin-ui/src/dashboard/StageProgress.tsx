import { Box, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { StageStatusChip } from '../campaigns/StageStatusChip';
import { useLocalizedName } from '../common/useLocalizedName';
import type { DashboardStage } from './types';

/**
 * One row per stage: done / open / overdue tasks (overdue ones are among the open ones) and a bar
 * of the share done.
 */
export const StageProgress = ({ stages }: { stages: DashboardStage[] }) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  return (
    <Stack spacing={1.5}>
      {stages.map((stage) => {
        const total = stage.done + stage.open;
        return (
          <Box key={stage.key} data-testid={`dashboard-stage-${stage.key}`}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5, flexWrap: 'wrap' }}>
              <Typography variant="body2" sx={{ flexGrow: 1, fontWeight: 500 }}>
                {localized(stage)}
              </Typography>
              <StageStatusChip stage={stage} />
              {stage.overdue > 0 && (
                <Chip
                  size="small"
                  color="error"
                  label={translate('app.dashboard.overdue_total', {
                    smart_count: stage.overdue,
                  })}
                />
              )}
            </Stack>
            <LinearProgress
              variant="determinate"
              value={total ? (stage.done / total) * 100 : 0}
              color={stage.overdue ? 'error' : 'primary'}
              sx={{ height: 6, borderRadius: 3 }}
            />
            <Stack direction="row" spacing={2} sx={{ mt: 0.5 }}>
              <Typography variant="caption" color="text.secondary">
                {translate('app.dashboard.done')} <span data-testid="stage-done">{stage.done}</span>
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {translate('app.dashboard.open')} <span data-testid="stage-open">{stage.open}</span>
              </Typography>
              <Typography variant="caption" color={stage.overdue ? 'error.main' : 'text.secondary'}>
                {translate('app.dashboard.overdue')} <span data-testid="stage-overdue">{stage.overdue}</span>
              </Typography>
            </Stack>
          </Box>
        );
      })}
    </Stack>
  );
};
