import type { ReactNode } from 'react';
import { Box, Card, CardContent, CardHeader, Chip, Grid, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { useProgrammeName } from '../common/programmes';
import { CountTiles } from './CountTiles';
import { cardAnchor } from './LeaderSummary';
import { campaignPath } from './links';
import { NextDeadline } from './NextDeadline';
import { OverdueByJurisdiction } from './OverdueByJurisdiction';
import { ScoreDistribution } from './ScoreDistribution';
import { StageGantt } from './StageGantt';
import { StageProgress } from './StageProgress';
import type { DashboardCampaign } from './types';

const Block = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};

/** One running campaign in detail, below the summary: figures, stage timeline, progress per stage in cases, overdue work, scores. */
export const CampaignCard = ({ campaign, today }: { campaign: DashboardCampaign; today: string }) => {
  const translate = useTranslate();
  const programmeName = useProgrammeName();
  const overdue = campaign.counts.overdueTasks;
  return (
    <Card data-testid={`dashboard-campaign-${campaign.id}`} id={cardAnchor(campaign.id)} sx={{ scrollMarginTop: 64 }}>
      <CardHeader
        title={<Link to={campaignPath(campaign.id)}>{campaign.name || `${programmeName(campaign.programme)} ${campaign.year}`}</Link>}
        subheader={`${programmeName(campaign.programme)} · ${campaign.year}`}
        action={overdue > 0 && <Chip color="error" label={translate('app.dashboard.overdue_total', { smart_count: overdue })} />}
      />
      <CardContent>
        <Grid container spacing={3}>
          <Grid size={12}>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
              <NextDeadline deadline={campaign.nextDeadline} />
              <CountTiles counts={campaign.counts} />
            </Box>
          </Grid>
          <Grid size={12}>
            <Block title="app.dashboard.timeline">
              <StageGantt stages={campaign.stages} today={today} />
            </Block>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <Block title="app.dashboard.stage_progress">
              <StageProgress stages={campaign.stages} otherWork={campaign.otherWork} />
            </Block>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <Block title="app.dashboard.overdue_by_jurisdiction">
              <OverdueByJurisdiction campaignId={campaign.id} rows={campaign.overdueByJurisdiction} />
            </Block>
          </Grid>
          {campaign.scoreDistribution && (
            <Grid size={{ xs: 12, md: 6 }}>
              <Block title="app.dashboard.score_distribution">
                <ScoreDistribution buckets={campaign.scoreDistribution} threshold={campaign.threshold} thresholdKind={campaign.thresholdKind} />
              </Block>
            </Grid>
          )}
        </Grid>
      </CardContent>
    </Card>
  );
};
