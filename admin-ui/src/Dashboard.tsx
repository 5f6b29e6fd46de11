import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import { Alert, Box, Button, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { LinkBase, Loading, Title, usePermissions, useTranslate } from 'react-admin';
import { LeaderSummary } from './dashboard/LeaderSummary';
import { MyTasksCard } from './dashboard/MyTasksCard';
import { useDashboard } from './dashboard/useDashboard';
import { errorMessage } from './httpClient';
import type { Role } from './types';

// The charts (@mui/x-charts) load in their own chunk, after the console itself.
const CampaignCard = lazy(() => import('./dashboard/CampaignCard').then((m) => ({ default: m.CampaignCard })));

/** Roles that work tasks themselves see their own open-task count first. */
const WORKS_TASKS: Role[] = ['county_officer', 'auditor'];

/**
 * The leader's and coordinator's view (GET /api/dashboard): first one row per running campaign, most
 * urgent first and those not yet started last (the leader's first screen); below, each started
 * campaign's card with its stage timeline, progress per stage in cases, overdue work per
 * jurisdiction, next deadline, scores and counts.
 */
export const Dashboard = () => {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<Role>();
  const { data, isPending, error } = useDashboard();
  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title="app.dashboard.title" />
      <Stack spacing={2}>
        {role && WORKS_TASKS.includes(role) && <MyTasksCard />}
        <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
          <Button component={LinkBase} to="/calendar" startIcon={<CalendarMonthIcon />}>
            {translate('app.calendar.menu')}
          </Button>
        </Stack>
        {isPending ? (
          <Loading />
        ) : error ? (
          <Alert severity="error">{translate(errorMessage(error))}</Alert>
        ) : !data?.campaigns.length ? (
          <Card>
            <CardContent>
              <Typography color="text.secondary">{translate('app.dashboard.no_running')}</Typography>
            </CardContent>
          </Card>
        ) : (
          <>
            <LeaderSummary campaigns={data.campaigns} />
            <Typography variant="subtitle1" color="text.secondary" sx={{ pt: 1 }}>
              {translate('app.dashboard.details')}
            </Typography>
            <Suspense fallback={<LinearProgress />}>
              {data.campaigns
                .filter((campaign) => !campaign.notStarted)
                .map((campaign) => (
                  <CampaignCard key={campaign.id} campaign={campaign} today={data.today} />
                ))}
            </Suspense>
          </>
        )}
      </Stack>
    </Box>
  );
};
