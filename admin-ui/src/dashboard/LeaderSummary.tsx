import { Box, Card, CardHeader, Chip, Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { useFormatDate } from '../common/fields';
import { useLocalizedName } from '../common/useLocalizedName';
import { campaignPath, taskListPath } from './links';
import type { DashboardCampaign } from './types';

/** The campaign's detail card further down the page (started campaigns only). */
export const cardAnchor = (id: string) => `campaign-card-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

const Figure = ({ value, testId, colour }: { value: number; testId: string; colour?: string }) => (
  <Typography component="span" variant="body2" data-testid={testId} color={colour} sx={{ fontWeight: 500 }}>
    {value}
  </Typography>
);

/**
 * The leader's first screen: one row per campaign in scope, most urgent first (the API's order), with its
 * current stage, the days left in it, its cases done / open (those waiting on a reviewer said so) /
 * overdue, the late cases by jurisdiction, the next deadline and its open escalations; campaigns not
 * yet started below, as 未开始.
 */
export const LeaderSummary = ({ campaigns }: { campaigns: DashboardCampaign[] }) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  const formatDate = useFormatDate();
  return (
    <Card data-testid="leader-summary">
      <CardHeader title={translate('app.dashboard.summary.title')} titleTypographyProps={{ variant: 'h6' }} sx={{ pb: 0 }} />
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.dashboard.summary.campaign')}</TableCell>
              <TableCell>{translate('app.dashboard.summary.stage')}</TableCell>
              <TableCell align="right">{translate('app.dashboard.summary.days_left')}</TableCell>
              <TableCell align="right">{translate('app.dashboard.summary.done')}</TableCell>
              <TableCell align="right">{translate('app.dashboard.summary.open')}</TableCell>
              <TableCell align="right">{translate('app.dashboard.summary.overdue')}</TableCell>
              <TableCell>{translate('app.dashboard.summary.overdue_by_jurisdiction')}</TableCell>
              <TableCell>{translate('app.dashboard.summary.next_deadline')}</TableCell>
              <TableCell align="right">{translate('app.dashboard.summary.escalations')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {campaigns.map((c) => (
              <TableRow
                key={c.id}
                data-testid={`summary-row-${c.id}`}
                data-not-started={c.notStarted ? 'true' : undefined}
                sx={c.notStarted ? { '& td': { color: 'text.secondary' } } : undefined}
              >
                <TableCell>
                  <Link to={campaignPath(c.id)} data-testid="summary-name">
                    {c.name}
                  </Link>
                </TableCell>
                <TableCell data-testid="summary-stage">
                  {c.notStarted ? (
                    <Chip size="small" label={translate('app.dashboard.summary.not_started')} data-testid="summary-not-started" />
                  ) : c.current ? (
                    <MuiLink href={`#${cardAnchor(c.id)}`} underline="hover" color="inherit">
                      {localized(c.current)}
                    </MuiLink>
                  ) : (
                    translate('app.dashboard.summary.between_stages')
                  )}
                </TableCell>
                <TableCell align="right" data-testid="summary-days">
                  {c.notStarted && c.startsAt
                    ? translate('app.dashboard.summary.starts_on', { date: formatDate(c.startsAt, false) })
                    : c.current
                      ? c.current.daysLeft < 0
                        ? translate('app.dashboard.summary.past_due', { smart_count: -c.current.daysLeft })
                        : c.current.daysLeft === 0
                          ? translate('app.dashboard.summary.due_today')
                          : translate('app.dashboard.days', { smart_count: c.current.daysLeft })
                      : '—'}
                </TableCell>
                <TableCell align="right">
                  <Figure value={c.cases.done} testId="summary-done" />
                </TableCell>
                <TableCell align="right">
                  <Figure value={c.cases.open} testId="summary-open" />
                  {c.cases.awaitingReview > 0 && (
                    <Typography component="div" variant="caption" color="warning.main" data-testid="summary-review">
                      {translate('app.dashboard.summary.awaiting_review', { smart_count: c.cases.awaitingReview })}
                    </Typography>
                  )}
                </TableCell>
                <TableCell align="right">
                  <Figure value={c.cases.overdue} testId="summary-overdue" colour={c.cases.overdue ? 'error.main' : undefined} />
                </TableCell>
                <TableCell data-testid="summary-overdue-by-jurisdiction">
                  {c.overdueCasesByJurisdiction.length
                    ? c.overdueCasesByJurisdiction.map((j) => (
                        <Box key={j.jurisdictionId} component="span" sx={{ mr: 1, whiteSpace: 'nowrap' }} data-jurisdiction={j.jurisdictionId}>
                          <Link to={taskListPath({ campaignId: c.id, jurisdictionId: j.jurisdictionId, status: 'open', overdue: true })}>
                            {translate('app.dashboard.summary.jurisdiction_cases', { name: j.name, smart_count: j.cases })}
                          </Link>
                        </Box>
                      ))
                    : '—'}
                </TableCell>
                <TableCell data-testid="summary-next">
                  {c.nextDeadline
                    ? `${formatDate(c.nextDeadline.at, false)} · ${
                        c.nextDeadline.days <= 0 ? translate('app.dashboard.today') : translate('app.dashboard.days', { smart_count: c.nextDeadline.days })
                      }`
                    : '—'}
                </TableCell>
                <TableCell align="right">
                  {c.escalations > 0 ? (
                    <Link to={taskListPath({ campaignId: c.id, type: 'escalation', status: 'open' })} data-testid="summary-escalations">
                      {c.escalations}
                    </Link>
                  ) : (
                    <span data-testid="summary-escalations">0</span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Card>
  );
};
