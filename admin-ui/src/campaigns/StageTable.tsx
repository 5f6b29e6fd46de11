import { Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { useFormatDate } from '../common/fields';
import { useLocalizedName } from '../common/useLocalizedName';
import { canManageStages } from '../permissions';
import type { Campaign, Role } from '../types';
import { CloseStageButton, ExtendStageButton } from './StageActions';
import { StageStatusChip } from './StageStatusChip';
import { stageRows } from './stageRows';
import { useCampaignProgress } from './useCampaignProgress';

const Count = ({ value, tasks, alert = false, testId }: { value?: number; tasks?: number; alert?: boolean; testId?: string }) => {
  const translate = useTranslate();
  return (
    <TableCell align="right" sx={alert && value ? { color: 'error.main', fontWeight: 'bold' } : undefined} data-testid={testId}>
      {value ?? '—'}
      {tasks !== undefined && (
        <Typography component="div" variant="caption" color="text.disabled">
          {translate('app.stage.in_tasks', { smart_count: tasks })}
        </Typography>
      )}
    </TableCell>
  );
};

/** The campaign's stages with status, deadline and done / open (awaiting review) / overdue cases, the tasks beside. */
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
          <TableCell align="right">{translate('app.stage.done_cases')}</TableCell>
          <TableCell align="right">{translate('app.stage.open_cases')}</TableCell>
          <TableCell align="right">{translate('app.stage.review_cases')}</TableCell>
          <TableCell align="right">{translate('app.stage.overdue_cases')}</TableCell>
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
            {/* Counted in cases (a self-check and its review are one case), the tasks below in small print. */}
            <Count value={stage.cases?.done ?? stage.done} tasks={stage.cases ? stage.done : undefined} testId="stage-cases-done" />
            <Count value={stage.cases?.open ?? stage.open} tasks={stage.cases ? stage.open : undefined} testId="stage-cases-open" />
            <Count value={stage.cases?.awaitingReview} testId="stage-cases-review" />
            <Count value={stage.cases?.overdue ?? stage.overdue} tasks={stage.cases ? stage.overdue : undefined} alert testId="stage-cases-overdue" />
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
