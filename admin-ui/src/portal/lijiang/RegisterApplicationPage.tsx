import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Box, Button, Card, CardContent, List, ListItem, ListItemText, Stack, Step, StepLabel, Stepper, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useLocaleState, useNavigate, useParams, useTranslate } from 'react-admin';
import { shanghaiDay } from '../../common/dates';
import { ApplicationFormView } from '../../registers/ApplicationFormView';
import { formatBytes } from '../../registers/AttachmentInput';
import type { RegisterEntry } from '../../types';
import { Pending } from '../MyCasesPage';
import { myRegisterApplication, type MyRegisterApplicationView } from './api';
import { RegisterLine, WhereItStands } from './MyRegisterPage';

const STEPS = ['applied', 'review', 'admitted', 'filed'] as const;

/** 已申报 → 批次审核 → 予以入库 → 中心备案, one under the other; a refusal or a removal marks its step red. */
const Steps = ({ a }: { a: MyRegisterApplicationView }) => {
  const translate = useTranslate();
  const reached = { queued: 1, in_review: 1, admitted: 3, refused: 1, filed: 4, removed: 4 }[a.status];
  const failed = a.status === 'refused' ? 1 : a.status === 'removed' ? 3 : -1;
  return (
    <Stepper orientation="vertical" activeStep={reached} data-testid="lijiang-steps">
      {STEPS.map((s, i) => (
        <Step
          key={s}
          completed={i < reached && i !== failed}
          data-state={i === failed ? 'failed' : i < reached ? 'done' : i === reached ? 'current' : 'pending'}
        >
          <StepLabel error={i === failed}>{translate(`app.lijiang_portal.steps.${s}`)}</StepLabel>
        </Step>
      ))}
    </Stepper>
  );
};

/** One of the applicant's applications: where it stands, the office's decisions with their reasons, what was filed. */
export const RegisterApplicationPage = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [locale] = useLocaleState();
  const { id = '' } = useParams<{ id: string }>();
  const q = useQuery({ queryKey: ['portal', 'lijiang', 'application', id], queryFn: () => myRegisterApplication(id) });
  const a = q.data;
  return (
    <Stack spacing={1.5} data-testid="lijiang-application">
      <Title title="app.lijiang_portal.title" />
      <Button startIcon={<ArrowBackIcon />} onClick={() => navigate('/register')} sx={{ alignSelf: 'flex-start' }}>
        {translate('app.lijiang_portal.back')}
      </Button>
      {!a ? (
        <Pending error={q.error} />
      ) : (
        <>
          <Card>
            <CardContent>
              <RegisterLine a={a} />
              <Typography variant="h5" component="h2" sx={{ overflowWrap: 'anywhere' }}>
                {a.name}
              </Typography>
              <WhereItStands a={a} />
              <Steps a={a} />
              {a.priorityReasons.length > 0 && (
                <Alert severity="info" sx={{ mt: 1 }}>
                  {translate('app.lijiang_portal.priority')}：{a.priorityReasons.map((r) => (locale === 'en' ? r.en : r.zh)).join('；')}
                </Alert>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 'bold' }}>
                {translate('app.lijiang_portal.decisions')}
              </Typography>
              <List dense disablePadding data-testid="lijiang-decisions">
                {a.decisions.map((d) => (
                  <ListItem key={`${d.action}-${d.at}`} disableGutters data-action={d.action}>
                    <ListItemText
                      primary={`${shanghaiDay(d.at)} · ${locale === 'en' ? d.labelEn : d.labelZh}`}
                      secondary={d.reason ? `${translate('app.portal.reason')}：${d.reason}` : undefined}
                      secondaryTypographyProps={{ sx: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } }}
                    />
                  </ListItem>
                ))}
              </List>
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 'bold' }}>
                {translate('app.lijiang_portal.form')}
              </Typography>
              <Box sx={{ overflowX: 'auto' }}>
                <ApplicationFormView form={a.form as RegisterEntry['form']} />
              </Box>
              <Typography variant="subtitle2" sx={{ mt: 1.5 }}>
                {translate('app.lijiang_portal.attachments')}
              </Typography>
              {a.attachments.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  {translate('app.attachment.none')}
                </Typography>
              ) : (
                <List dense disablePadding data-testid="lijiang-attachments">
                  {a.attachments.map((f) => (
                    <ListItem key={f.id} disableGutters>
                      <ListItemText
                        primary={f.filename}
                        secondary={`${f.field ? translate(`app.register.field.${f.field}`, { _: f.field }) : ''} · ${formatBytes(f.size)}`}
                        primaryTypographyProps={{ sx: { overflowWrap: 'anywhere' } }}
                      />
                    </ListItem>
                  ))}
                </List>
              )}
            </CardContent>
          </Card>
        </>
      )}
    </Stack>
  );
};
