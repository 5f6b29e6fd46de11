import { Box, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { StageStatusChip } from '../campaigns/StageStatusChip';
import { useLocalizedName } from '../common/useLocalizedName';
import type { CaseCounts, DashboardOtherWork, DashboardStage } from './types';

/** A stage's (or other work's) figures in cases: the bar of the share done, and who the open cases wait on. */
const ProgressRow = ({
  testId,
  title,
  chip,
  counts,
  caption,
}: {
  testId: string;
  title: string;
  chip?: React.ReactNode;
  counts: CaseCounts;
  caption?: string;
}) => {
  const translate = useTranslate();
  const total = counts.done + counts.open;
  return (
    <Box data-testid={testId}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5, flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ flexGrow: 1, fontWeight: 500 }}>
          {title}
        </Typography>
        {chip}
        {counts.awaitingReview > 0 && (
          <Chip
            size="small"
            color="warning"
            variant="outlined"
            label={translate('app.dashboard.summary.awaiting_review', { smart_count: counts.awaitingReview })}
          />
        )}
        {counts.overdue > 0 && <Chip size="small" color="error" label={translate('app.dashboard.overdue_total', { smart_count: counts.overdue })} />}
      </Stack>
      <LinearProgress
        variant="determinate"
        value={total ? (counts.done / total) * 100 : 0}
        color={counts.overdue ? 'error' : 'primary'}
        sx={{ height: 6, borderRadius: 3 }}
      />
      <Stack direction="row" spacing={2} sx={{ mt: 0.5, flexWrap: 'wrap' }}>
        <Typography variant="caption" color="text.secondary">
          {translate('app.dashboard.done')} <span data-testid="stage-done">{counts.done}</span>
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {translate('app.dashboard.open')} <span data-testid="stage-open">{counts.open}</span>
        </Typography>
        <Typography variant="caption" color={counts.awaitingReview ? 'warning.main' : 'text.secondary'}>
          {translate('app.dashboard.awaiting_review')} <span data-testid="stage-review">{counts.awaitingReview}</span>
        </Typography>
        <Typography variant="caption" color={counts.overdue ? 'error.main' : 'text.secondary'}>
          {translate('app.dashboard.overdue')} <span data-testid="stage-overdue">{counts.overdue}</span>
        </Typography>
        {caption && (
          <Typography variant="caption" color="text.disabled" data-testid="stage-tasks">
            {caption}
          </Typography>
        )}
      </Stack>
    </Box>
  );
};

/**
 * One row per stage, counted in cases: done (all its work in the stage done), in progress (among them
 * those waiting on a reviewer) and overdue, with the same stage in tasks below in small print; then the
 * work outside the calendar (a register's reviews).
 */
export const StageProgress = ({ stages, otherWork = [] }: { stages: DashboardStage[]; otherWork?: DashboardOtherWork[] }) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  return (
    <Stack spacing={1.5}>
      {stages.map((stage) => (
        <ProgressRow
          key={stage.key}
          testId={`dashboard-stage-${stage.key}`}
          title={localized(stage)}
          chip={<StageStatusChip stage={stage} />}
          counts={stage}
          caption={stage.tasks.done + stage.tasks.open > 0 ? translate('app.dashboard.tasks_caption', stage.tasks) : undefined}
        />
      ))}
      {otherWork.map((work) => (
        <ProgressRow
          key={work.key}
          testId={`dashboard-other-${work.key}`}
          title={`${localized(work)}（${translate('app.dashboard.other_work')}）`}
          counts={work}
        />
      ))}
    </Stack>
  );
};
