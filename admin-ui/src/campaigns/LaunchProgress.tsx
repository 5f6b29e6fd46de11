import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Campaign } from '../types';
import { useCampaignProgress } from './useCampaignProgress';

/**
 * A large launch starts its cases in batches: until every enrolled case has started, the
 * overview says how far it is, from the projection, and refreshes itself.
 */
export const LaunchProgress = () => {
  const campaign = useRecordContext<Campaign>();
  const { data: progress } = useCampaignProgress(campaign?.id, { refetchWhileLaunching: true });
  const translate = useTranslate();
  if (!progress || progress.cases.started >= progress.cases.enrolled) return null;
  const { started, enrolled } = progress.cases;
  return (
    <Box sx={{ my: 1 }} data-testid="launch-progress">
      <Typography variant="body2">{translate('app.campaign.launching', { started, enrolled })}</Typography>
      <LinearProgress variant="determinate" value={(100 * started) / Math.max(1, enrolled)} />
    </Box>
  );
};
