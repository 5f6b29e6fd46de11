import { Stack, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { useFormatDate } from '../common/fields';
import { useLocalizedName } from '../common/useLocalizedName';
import { canManageStages } from '../permissions';
import type { Campaign, Role } from '../types';
import { CloseStageButton, ExtendStageButton } from './StageActions';
import { StageStatusChip } from './StageStatusChip';
import { stageRows } from './stageRows';
import { useCampaignProgress } from './useCampaignProgress';

const Count = ({ value, alert = false }: { value?: number; alert?: boolean }) => (
  <TableCell align="right" sx={alert && value ? { color: 'error.main', fontWeight: 'bold' } : undefined}>
    {value ?? '—'}
  </TableCell>
);

/** The campaign's stages with status, deadline and done/open/overdue task counts. */
export const StageTable = () => {
  const campaign = useRecordContext<Campaign>();
  const { data: progress } = useCampaignProgress(campaign?.id);
  const { permissions } = usePermissions<Role>();
  const translate = useTranslate();
  const localized = useLocalizedName();
  const formatDate = useFormatDate();
  if (!campaign) return null;
  const rows = stageRows(campaign.stages, progress?.stages);
  const withActions = canManageStages(permissions) && campaign.status === 'running';
  return (
    <Table size="small" data-testid="stage-table">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.stage.name')}</TableCell>
          <TableCell>{translate('resources.campaigns.fields.status')}</TableCell>
          <TableCell>{translate('app.stage.startsAt')}</TableCell>
          <TableCell>{translate('app.stage.dueAt')}</TableCell>
          <TableCell align="right">{translate('app.stage.done')}</TableCell>
          <TableCell align="right">{translate('app.stage.open')}</TableCell>
          <TableCell align="right">{translate('app.stage.overdue')}</TableCell>
          {withActions && <TableCell>{translate('app.stage.actions')}</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((stage) => (
          <TableRow key={stage.key} data-testid={`stage-${stage.key}`}>
            <TableCell>{localized(stage)}</TableCell>
            <TableCell>
              <StageStatusChip stage={stage} />
            </TableCell>
            <TableCell>{formatDate(stage.startsAt)}</TableCell>
            <TableCell>{formatDate(stage.dueAt)}</TableCell>
            <Count value={stage.done} />
            <Count value={stage.open} />
            <Count value={stage.overdue} alert />
            {withActions && (
              <TableCell>
                <Stack direction="row" spacing={1}>
                  {stage.status === 'open' && <CloseStageButton campaignId={campaign.id} stage={stage} />}
                  {stage.status !== 'closed' && <ExtendStageButton campaignId={campaign.id} stage={stage} />}
                </Stack>
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
