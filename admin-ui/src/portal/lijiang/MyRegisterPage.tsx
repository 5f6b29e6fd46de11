import { Alert, Button, Card, CardActionArea, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useNavigate, useTranslate } from 'react-admin';
import { shanghaiDay } from '../../common/dates';
import { Pending } from '../MyCasesPage';
import { myRegisterApplications, openRegisterCampaigns, type ApplicationStatus, type MyRegisterApplication, type OpenRegisterCampaign } from './api';

const enc = encodeURIComponent;

/** The status as a chip: green once admitted or filed, red when refused or removed. */
export const StatusChip = ({ status }: { status: ApplicationStatus }) => {
  const translate = useTranslate();
  const color = status === 'filed' || status === 'admitted' ? 'success' : status === 'refused' || status === 'removed' ? 'error' : 'primary';
  return <Chip size="small" color={color} label={translate(`app.register.status.${status}`)} data-testid="lijiang-status" data-status={status} />;
};

/** One line saying where the application stands (its batch, its admission, filing, refusal or removal). */
/** Which register and campaign an application is for, and its status: the top line of its card and of its page. */
export const RegisterLine = ({ a }: { a: Pick<MyRegisterApplication, 'register' | 'campaignName' | 'status'> }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
      <Typography variant="overline" color="text.secondary" sx={{ flex: 1, lineHeight: 1.4, minWidth: 0 }} noWrap>
        {translate(`app.register.register.${a.register}`)} · {a.campaignName}
      </Typography>
      <StatusChip status={a.status} />
    </Stack>
  );
};

export const WhereItStands = ({ a }: { a: MyRegisterApplication }) => {
  const translate = useTranslate();
  const line =
    a.status === 'removed'
      ? translate('app.lijiang_portal.removed_because', { date: shanghaiDay(a.removedAt!), reason: a.removedReason ?? '' })
      : a.status === 'refused'
        ? translate('app.lijiang_portal.refused_because', { reason: a.refusedReason ?? '' })
        : a.status === 'filed'
          ? translate('app.lijiang_portal.filed_on', { date: a.filingDate ?? '', reference: a.filingReference ?? '' })
          : a.status === 'admitted'
            ? translate('app.lijiang_portal.admitted_on', { date: shanghaiDay(a.admittedAt!) })
            : a.batchSeq != null
              ? `${translate('app.lijiang_portal.batch', { seq: a.batchSeq })} · ${translate('app.lijiang_portal.review_due', { date: shanghaiDay(a.reviewDueAt!) })}`
              : translate('app.register.status.queued');
  return (
    <Typography variant="body2" color={a.status === 'refused' || a.status === 'removed' ? 'error' : 'text.primary'} data-testid="lijiang-stands">
      {line}
    </Typography>
  );
};

const ApplicationCard = ({ a }: { a: MyRegisterApplication }) => {
  const navigate = useNavigate();
  return (
    <Card data-testid="lijiang-application-card" data-entry-id={a.id}>
      <CardActionArea onClick={() => navigate(`/register/${enc(a.id)}`)}>
        <CardContent>
          <RegisterLine a={a} />
          <Typography variant="h6" component="h2" sx={{ lineHeight: 1.3, mb: 0.5, overflowWrap: 'anywhere' }}>
            {a.name}
          </Typography>
          <WhereItStands a={a} />
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

const OpenCampaignCard = ({ c }: { c: OpenRegisterCampaign }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  return (
    <Card variant="outlined" data-testid="lijiang-open-campaign" data-campaign-id={c.id}>
      <CardContent>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 'bold', lineHeight: 1.3 }}>
          {c.name}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {c.jurisdictionName} · {translate('app.lijiang_portal.window', { from: shanghaiDay(c.windowStartsAt), until: shanghaiDay(c.windowDueAt) })}
        </Typography>
        {c.applied > 0 && <Typography variant="body2">{translate('app.lijiang_portal.applied', { smart_count: c.applied })}</Typography>}
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mt: 1.5 }}>
          {c.registers.map((r) => (
            <Button
              key={r.key}
              variant="contained"
              fullWidth
              onClick={() => navigate(`/register/apply/${enc(c.id)}/${r.key}`)}
              data-testid={`lijiang-apply-${r.key}`}
            >
              {translate(`app.lijiang_portal.apply.${r.key}`)}
            </Button>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
};

/** 我的入库申报: the applicant's applications as cards, and the registers taking applications where it is registered. */
export const MyRegisterPage = () => {
  const translate = useTranslate();
  const list = useQuery({ queryKey: ['portal', 'lijiang', 'applications'], queryFn: myRegisterApplications });
  const open = useQuery({ queryKey: ['portal', 'lijiang', 'open-campaigns'], queryFn: openRegisterCampaigns });
  return (
    <Stack spacing={1.5} data-testid="lijiang-applications">
      <Title title="app.lijiang_portal.title" />
      <Typography variant="h5" component="h2">
        {translate('app.lijiang_portal.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('app.lijiang_portal.intro')}
      </Typography>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 'bold', pt: 1 }}>
        {translate('app.lijiang_portal.open_campaigns')}
      </Typography>
      {!open.data ? (
        <Pending error={open.error} />
      ) : open.data.length === 0 ? (
        <Alert severity="info">{translate('app.lijiang_portal.no_open')}</Alert>
      ) : (
        open.data.map((c) => <OpenCampaignCard key={c.id} c={c} />)
      )}
      {!list.data ? (
        <Pending error={list.error} />
      ) : list.data.length === 0 ? (
        <Alert severity="info">{translate('app.lijiang_portal.none')}</Alert>
      ) : (
        list.data.map((a) => <ApplicationCard key={a.id} a={a} />)
      )}
    </Stack>
  );
};
