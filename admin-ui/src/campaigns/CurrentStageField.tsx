import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { CustomFieldProps } from '../common/fields';
import { useStageName } from '../common/programmes';
import { useLocalizedName } from '../common/useLocalizedName';
import type { Campaign } from '../types';

/** The campaign's current stage by name (from its own stages, else its programme). */
export const CurrentStageField = (_props: CustomFieldProps) => {
  const campaign = useRecordContext<Campaign>();
  const localized = useLocalizedName();
  const stageName = useStageName();
  if (!campaign?.currentStage) return null;
  const stage = campaign.stages?.find((s) => s.key === campaign.currentStage);
  return (
    <Typography component="span" variant="body2">
      {stage ? localized(stage) : stageName(campaign.currentStage, campaign.programme)}
    </Typography>
  );
};
