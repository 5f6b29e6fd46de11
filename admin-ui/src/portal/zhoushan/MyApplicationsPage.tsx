import PostAddIcon from '@mui/icons-material/PostAdd';
import { Alert, Button, Card, CardActionArea, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useNavigate, useTranslate } from 'react-admin';
import { shanghaiDay } from '../../common/dates';
import { Pending } from '../MyCasesPage';
import { myApplications, openCampaigns, type ApplicationCard } from './api';
import { StepBar } from './Steps';

const Card1 = ({ a }: { a: ApplicationCard }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  return (
    <Card data-testid="zhoushan-application-card" data-case-id={a.id}>
      <CardActionArea onClick={() => navigate(`/applications/${encodeURIComponent(a.id)}`)}>
        <CardContent>
          <Typography variant="overline" color="text.secondary" sx={{ lineHeight: 1.4 }}>
            {a.campaignName}
          </Typography>
          <Typography variant="h6" component="h2" sx={{ lineHeight: 1.3, mb: 1 }}>
            {a.liveRoomName ?? a.campaignName}
          </Typography>
          <StepBar steps={a.steps} />
          {a.returned && (
            <Chip
              sx={{ mt: 1 }}
              size="small"
              color="warning"
              data-testid="zhoushan-card-returned"
              label={`${translate('app.zhoushan_portal.returned_title')} · ${translate('app.zhoushan_portal.returned_due', { date: shanghaiDay(a.returned.dueAt) })}`}
            />
          )}
          {a.totalScore != null && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              {translate('app.zhoushan_portal.score')}：{translate('app.zhoushan_portal.score_total', { total: a.totalScore })}
            </Typography>
          )}
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

/** 我的申报: the live room's applications as cards, and the way to a new one while a campaign takes them. */
export const MyApplicationsPage = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const list = useQuery({ queryKey: ['portal', 'zhoushan', 'applications'], queryFn: myApplications });
  const open = useQuery({ queryKey: ['portal', 'zhoushan', 'open-campaigns'], queryFn: openCampaigns });
  const canApply = (open.data?.campaigns ?? []).some((c) => !c.appliedCaseId);
  return (
    <Stack spacing={1.5} data-testid="zhoushan-applications">
      <Title title="app.zhoushan_portal.my_applications" />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h2" sx={{ flex: 1 }}>
          {translate('app.zhoushan_portal.my_applications')}
        </Typography>
        {canApply && (
          <Button variant="contained" startIcon={<PostAddIcon />} onClick={() => navigate('/applications/new')} data-testid="zhoushan-apply-button">
            {translate('app.zhoushan_portal.apply')}
          </Button>
        )}
      </Stack>
      {!list.data ? (
        <Pending error={list.error} />
      ) : list.data.length === 0 ? (
        <Alert severity="info">{translate(canApply ? 'app.zhoushan_portal.none' : 'app.zhoushan_portal.no_open')}</Alert>
      ) : (
        list.data.map((a) => <Card1 key={a.id} a={a} />)
      )}
    </Stack>
  );
};
