import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { stageStatusColors } from '../choices';
import type { StageRow } from './stageRows';

export const StageStatusChip = ({ stage }: { stage: Pick<StageRow, 'status' | 'closedEarly'> }) => {
  const translate = useTranslate();
  const label = translate(`app.stage.status.${stage.status}`, { _: stage.status });
  return (
    <Chip
      size="small"
      color={stageStatusColors[stage.status] ?? 'default'}
      label={stage.closedEarly ? `${label} · ${translate('app.stage.closed_early')}` : label}
    />
  );
};
