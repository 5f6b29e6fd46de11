import { Alert, Box, Card, CardActionArea, CardContent, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useNavigate, useTranslate } from 'react-admin';
import { shanghaiDay } from '../common/dates';
import { errorMessage } from '../httpClient';
import { portalCases, type PortalCaseRow } from './api';
import { useBilingual } from './useBilingual';

/** Loading, or the API's refusal, as the portal's pages show it. */
export const Pending = ({ error }: { error?: unknown }) => {
  const translate = useTranslate();
  if (error) return <Alert severity="error">{translate(errorMessage(error), { _: errorMessage(error) })}</Alert>;
  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', py: 4 }} aria-label={translate('app.portal.loading')}>
      <CircularProgress size={28} />
    </Box>
  );
};

const CaseCard = ({ c }: { c: PortalCaseRow }) => {
  const translate = useTranslate();
  const words = useBilingual();
  const navigate = useNavigate();
  return (
    <Card data-testid="portal-case-card" data-case-id={c.id}>
      <CardActionArea onClick={() => navigate(`/cases/${encodeURIComponent(c.id)}`)}>
        <CardContent>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
            <Typography variant="overline" color="text.secondary" sx={{ flex: 1, lineHeight: 1.4 }}>
              {words(c.programmeName)} · {translate('app.portal.year', { year: c.year })}
            </Typography>
            <Chip size="small" color={c.status === 'active' ? 'primary' : 'default'} label={translate(`app.portal.case_status.${c.status}`)} />
          </Stack>
          <Typography variant="h6" component="h2" sx={{ lineHeight: 1.3, mb: 1 }}>
            {c.campaignName}
          </Typography>
          {c.currentStage && (
            <Typography variant="body2">
              {translate('app.portal.current_stage')}：<b>{words({ zh: c.currentStage.name, en: c.currentStage.nameEn })}</b>（
              {translate('app.portal.stage_due', { date: shanghaiDay(c.currentStage.dueAt) })}）
            </Typography>
          )}
          {c.currentStep && (
            <Typography variant="body2" data-testid="portal-case-step">
              {translate('app.portal.current_step')}：{words(c.currentStep)}
            </Typography>
          )}
          {c.openTasks > 0 && (
            <Chip
              sx={{ mt: 1 }}
              size="small"
              color="warning"
              label={translate('app.portal.open_tasks', { smart_count: c.openTasks })}
              data-testid="portal-case-open-tasks"
            />
          )}
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

/** 我的案件: the operator's cases as cards, newest first (the portal's home page). */
export const MyCasesPage = () => {
  const translate = useTranslate();
  const cases = useQuery({ queryKey: ['portal', 'cases'], queryFn: portalCases });
  return (
    <Stack spacing={1.5}>
      <Title title="app.portal.my_cases" />
      <Typography variant="h5" component="h2">
        {translate('app.portal.my_cases')}
      </Typography>
      {!cases.data ? (
        <Pending error={cases.error} />
      ) : cases.data.length === 0 ? (
        <Alert severity="info">{translate('app.portal.no_cases')}</Alert>
      ) : (
        cases.data.map((c) => <CaseCard key={c.id} c={c} />)
      )}
    </Stack>
  );
};
