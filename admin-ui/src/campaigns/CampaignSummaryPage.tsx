import type { ReactNode } from 'react';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Box, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title, useDataProvider, useParams, useTranslate } from 'react-admin';
import { useFormatDate } from '../common/fields';
import { PrintStyles } from '../common/PrintStyles';
import { PrintToolbar } from '../common/PrintToolbar';
import { useStageName } from '../common/programmes';
import { formatScore } from '../common/scores';
import type { AppDataProvider } from '../dataProvider';
import { errorMessage } from '../httpClient';
import type { CampaignSummaryReport } from '../types';

const Heading = ({ children }: { children: ReactNode }) => (
  <Typography variant="h6" sx={{ mt: 3, mb: 1, breakAfter: 'avoid' }}>
    {children}
  </Typography>
);

/** A plain table; the columns listed in `numeric` are right-aligned. */
const SimpleTable = ({ head, rows, numeric = [], testId }: { head: ReactNode[]; rows: ReactNode[][]; numeric?: number[]; testId?: string }) => {
  const align = (i: number) => (numeric.includes(i) ? 'right' : 'left');
  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          {head.map((cell, i) => (
            <TableCell key={i} align={align(i)} sx={{ fontWeight: 'bold' }}>
              {cell}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row, r) => (
          <TableRow key={r}>
            {row.map((cell, i) => (
              <TableCell key={i} align={align(i)}>
                {cell}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const Report = ({ report }: { report: CampaignSummaryReport }) => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const stageName = useStageName();
  const t = (key: string, options?: object) => translate(`app.summary.${key}`, options);
  const maxCount = Math.max(1, ...report.scoreDistribution.map((b) => b.count));
  return (
    <>
      <Typography variant="h5" align="center" data-testid="summary-title">
        {t('heading', { name: report.campaign.name })}
      </Typography>
      <Typography variant="body2" align="center" color="text.secondary">
        {t('generated', { date: formatDate(new Date().toISOString()) })}
      </Typography>

      <Heading>{t('stages')}</Heading>
      <SimpleTable
        testId="summary-stages"
        numeric={[4, 5, 6]}
        head={[
          translate('app.stage.name'),
          translate('resources.campaigns.fields.status'),
          translate('app.stage.startsAt'),
          translate('app.stage.dueAt'),
          translate('app.stage.done'),
          translate('app.stage.open'),
          translate('app.stage.overdue'),
        ]}
        rows={report.stages.map((s) => [
          stageName(s.key, report.campaign.programme) || s.name,
          translate(`app.stage.status.${s.status}`) + (s.closedEarly ? `（${translate('app.stage.closed_early')}）` : ''),
          formatDate(s.startsAt, false),
          formatDate(s.dueAt, false),
          s.done,
          s.open,
          s.overdue,
        ])}
      />

      <Heading>{t('cases')}</Heading>
      <SimpleTable
        testId="summary-cases"
        numeric={[0, 1, 2, 3, 4, 5]}
        head={[t('case.enrolled'), t('case.filed'), t('case.rectificationFailed'), t('case.objectionUpheld'), t('case.scored'), t('case.proposed')]}
        rows={[
          [
            report.cases.enrolled,
            report.cases.filed,
            report.cases.rectificationFailed,
            report.cases.objectionUpheld,
            report.cases.scored,
            report.cases.proposed,
          ],
        ]}
      />

      <Heading>{t('violations')}</Heading>
      <SimpleTable
        testId="summary-violations"
        numeric={[1, 2]}
        head={[translate('app.self_check.area'), t('minor'), t('serious')]}
        rows={report.violationsByArea.map((v) => [v.name, v.minor, v.serious])}
      />

      <Heading>{t('distribution')}</Heading>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {report.scoreStats
          ? t(report.campaign.threshold != null ? 'stats' : 'stats_no_threshold', {
              min: formatScore(report.scoreStats.min),
              max: formatScore(report.scoreStats.max),
              mean: formatScore(report.scoreStats.mean),
              threshold: formatScore(report.campaign.threshold),
              name: translate(`app.dashboard.threshold_kind.${report.campaign.thresholdKind ?? 'award'}`),
            })
          : t('no_scores')}
      </Typography>
      <SimpleTable
        testId="summary-distribution"
        numeric={[1]}
        head={[t('band'), t('count'), '']}
        rows={report.scoreDistribution.map((b) => [
          b.label,
          b.count,
          <Box
            sx={{
              height: 10,
              width: `${(b.count / maxCount) * 12}rem`,
              bgcolor: 'primary.main',
              printColorAdjust: 'exact',
              WebkitPrintColorAdjust: 'exact',
            }}
          />,
        ])}
      />

      <Heading>{t('titles')}</Heading>
      <Typography variant="body2">
        {(['active', 'revoked', 'expired'] as const).map((s) => `${translate(`app.titles.status.${s}`)} ${report.titles[s] ?? 0}`).join('　')}
      </Typography>

      <Heading>
        {t('award_list')}
        {report.awardPublishedAt && `（${t('published', { date: formatDate(report.awardPublishedAt, false) })}）`}
      </Heading>
      {report.awardList.length ? (
        <SimpleTable
          testId="summary-award"
          numeric={[0, 5]}
          head={[
            translate('app.roster.no'),
            translate('app.roster.operator'),
            translate('app.roster.uscc'),
            translate('app.roster.jurisdiction'),
            translate('app.roster.track'),
            translate('app.roster.total'),
          ]}
          rows={report.awardList.map((e, i) => [
            i + 1,
            e.operatorName,
            e.uscc,
            e.jurisdictionName,
            e.track ? translate(`app.operator.track.${e.track}`, { _: e.track }) : '',
            formatScore(e.totalScore),
          ])}
        />
      ) : (
        <Typography variant="body2" color="text.secondary">
          {t('no_award')}
        </Typography>
      )}
    </>
  );
};

/** 总结报告 (#/campaigns/:id/summary): the campaign's summary, printable on A4, and as CSV. */
export const CampaignSummaryPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data, isPending, error } = useQuery({
    queryKey: ['campaigns', 'summary', id],
    queryFn: () => dataProvider.campaignSummary(id),
    enabled: !!id,
  });
  return (
    <Box data-testid="campaign-summary">
      <Title title="app.summary.title" />
      <PrintStyles />
      <PrintToolbar
        back={{
          label: 'app.common.back',
          to: `/campaigns/${encodeURIComponent(id)}/show`,
          icon: <ArrowBackIcon />,
        }}
        download={{
          path: `/campaigns/${encodeURIComponent(id)}/summary`,
          filename: `${id}-summary`,
          testId: 'summary',
        }}
      />
      {isPending ? (
        <Loading />
      ) : error || !data ? (
        <Alert severity="error">{translate(errorMessage(error))}</Alert>
      ) : (
        <Card className="print-document">
          <CardContent>
            <Report report={data} />
          </CardContent>
        </Card>
      )}
    </Box>
  );
};
