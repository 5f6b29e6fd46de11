import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useRecordContext, useTranslate } from 'react-admin';
import type { Campaign } from '../types';
import { useCampaignProgress } from './useCampaignProgress';

/** Link to the overdue open tasks of one jurisdiction in this campaign. */
const overdueTasksPath = (campaignId: string, jurisdictionId: string) =>
  `/tasks?${new URLSearchParams({
    filter: JSON.stringify({ campaignId, jurisdictionId, status: 'open', overdue: true }),
  })}`;

export const OverdueByJurisdiction = () => {
  const campaign = useRecordContext<Campaign>();
  const { data: progress } = useCampaignProgress(campaign?.id);
  const translate = useTranslate();
  if (!campaign || !progress) return null;
  const rows = progress.overdueByJurisdiction.filter((row) => row.overdue > 0).sort((a, b) => b.overdue - a.overdue);
  if (!rows.length) {
    return <Typography color="text.secondary">{translate('app.campaign.no_overdue')}</Typography>;
  }
  return (
    <Table size="small" data-testid="overdue-by-jurisdiction">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.jurisdictions.name', { smart_count: 1 })}</TableCell>
          <TableCell align="right">{translate('app.stage.overdue')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.jurisdictionId}>
            <TableCell>{row.name}</TableCell>
            <TableCell align="right">
              <Link to={overdueTasksPath(campaign.id, row.jurisdictionId)}>{row.overdue}</Link>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
