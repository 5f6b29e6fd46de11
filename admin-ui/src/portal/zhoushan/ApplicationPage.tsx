import { useState } from 'react';
import EditIcon from '@mui/icons-material/Edit';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  List,
  ListItem,
  ListItemText,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useNavigate, useParams, useTranslate } from 'react-admin';
import { shanghaiDay } from '../../common/dates';
import { ApplicationDetails } from '../../tasks/ApplicationDetails';
import { Pending } from '../MyCasesPage';
import { BackButton, Section } from '../PageParts';
import { useBilingual } from '../useBilingual';
import { myApplication, type ApplicationView } from './api';
import { ResubmitForm } from './ResubmitForm';
import { StepList } from './Steps';

/** This page's cards do not clip what they hold (overflow visible, as the returned card's). */
const VISIBLE = { overflow: 'visible' } as const;

/** A return for material: why, what to supply, by when; and the form to answer it. */
const Returned = ({ a }: { a: ApplicationView }) => {
  const translate = useTranslate();
  const [editing, setEditing] = useState(false);
  const r = a.returned!;
  return (
    <Card sx={{ overflow: 'visible' }} data-testid="zhoushan-returned">
      <CardContent>
        <Alert severity="warning" sx={{ mb: editing ? 2 : 0 }}>
          <AlertTitle>{translate('app.zhoushan_portal.returned_title')}</AlertTitle>
          {r.reason && <Typography variant="body2">{translate('app.zhoushan_portal.returned_reason', { reason: r.reason })}</Typography>}
          {!!r.missing?.length && (
            <>
              <Typography variant="body2" sx={{ mt: 1 }}>
                {translate('app.zhoushan_portal.returned_missing')}
              </Typography>
              <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="zhoushan-missing">
                {r.missing.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </Box>
            </>
          )}
          <Typography variant="body2" sx={{ mt: 1 }}>
            {translate('app.zhoushan_portal.returned_due', { date: shanghaiDay(r.dueAt) })}
          </Typography>
          {!editing && (
            <Button variant="contained" sx={{ mt: 1 }} startIcon={<EditIcon />} onClick={() => setEditing(true)} data-testid="zhoushan-edit">
              {translate('app.zhoushan_portal.edit')}
            </Button>
          )}
        </Alert>
        {editing && (
          <>
            <ResubmitForm application={a} onDone={() => setEditing(false)} />
            <Button sx={{ mt: 1 }} onClick={() => setEditing(false)}>
              {translate('app.zhoushan_portal.cancel_edit')}
            </Button>
          </>
        )}
      </CardContent>
    </Card>
  );
};

const Decisions = ({ a }: { a: ApplicationView }) => {
  const translate = useTranslate();
  const words = useBilingual();
  if (!a.decisions.length) return <Typography color="text.secondary">{translate('app.zhoushan_portal.no_decisions')}</Typography>;
  return (
    <List dense disablePadding data-testid="zhoushan-decisions">
      {a.decisions.map((d) => (
        <ListItem key={d.id} disableGutters alignItems="flex-start" data-action={d.action}>
          <ListItemText
            primary={
              <>
                {words(d.what, d.action)}
                {d.version != null && (
                  <Typography component="span" variant="caption" color="text.secondary">
                    {' '}
                    （{translate('app.zhoushan_portal.version', { version: d.version })}）
                  </Typography>
                )}
              </>
            }
            secondary={
              <>
                {shanghaiDay(d.at)}
                {d.reason && ` · ${d.reason}`}
                {d.missing.length > 0 && ` · ${translate('app.zhoushan_portal.missing', { items: d.missing.join('、') })}`}
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
};

const Score = ({ score }: { score: NonNullable<ApplicationView['score']> }) => {
  const translate = useTranslate();
  return (
    <Box data-testid="zhoushan-score">
      <Typography variant="h4" component="p" sx={{ mb: 1 }}>
        {translate('app.zhoushan_portal.score_total', { total: score.total })}
      </Typography>
      <Table size="small" sx={{ tableLayout: 'fixed', width: '100%' }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ px: 0.5 }}>{translate('app.zhoushan_portal.criterion')}</TableCell>
            <TableCell align="right" sx={{ px: 0.5, width: '6rem' }}>
              {translate('app.zhoushan_portal.points')}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {score.parts.map((p) => (
            <TableRow key={p.key}>
              <TableCell sx={{ px: 0.5 }}>{p.name}</TableCell>
              <TableCell align="right" sx={{ px: 0.5 }}>
                {p.score} / {p.max}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/**
 * One of the live room's applications: where it stands on 申报 → 县级预审 → 市级审核 → 培育名单 → 省级推荐,
 * a return to answer (edit the form), the decisions with their reasons, the city's score once audited,
 * the listing, and the application as it stands with its versions.
 */
export const ApplicationPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const translate = useTranslate();
  const words = useBilingual();
  const navigate = useNavigate();
  // Just filed: the case appears once the campaign has started it (a moment); until then, ask again.
  const q = useQuery({ queryKey: ['portal', 'zhoushan', 'application', id], queryFn: () => myApplication(id), retry: (n) => n < 10, retryDelay: 700 });
  const a = q.data;
  return (
    <Stack spacing={1.5} data-testid="zhoushan-application">
      <Title title="app.zhoushan_portal.menu" />
      <BackButton label="app.zhoushan_portal.menu" onClick={() => navigate('/applications')} />
      {!a ? (
        <Pending error={q.isFetching ? undefined : q.error} />
      ) : (
        <>
          <Card>
            <CardContent>
              <Typography variant="overline" color="text.secondary">
                {a.campaignName}
              </Typography>
              <Typography variant="h5" component="h2" data-testid="zhoushan-live-room">
                {a.liveRoomName ?? a.campaignName}
              </Typography>
              {a.stepText && (
                <Chip sx={{ mt: 1 }} size="small" color={a.returned ? 'warning' : 'primary'} label={words(a.stepText)} data-testid="zhoushan-step" />
              )}
              <StepList steps={a.steps} />
              {a.excluded && (
                <Alert severity="error" sx={{ mt: 1 }}>
                  {translate('app.zhoushan_portal.excluded', { reason: a.excluded.reason ?? a.excluded.kind })}
                </Alert>
              )}
            </CardContent>
          </Card>
          {a.returned && <Returned a={a} />}
          {a.listing && (
            <Section sx={VISIBLE} title="app.zhoushan_portal.listing" testId="zhoushan-listing">
              <Typography variant="body1">
                {a.listing.status === 'removed'
                  ? translate('app.zhoushan_portal.listing_removed', { reason: a.listing.removedReason ?? '' })
                  : translate('app.zhoushan_portal.listing_rank', { rank: a.listing.rank })}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {translate(`app.zhoushan_portal.nomination.${a.listing.nomination}`, { _: a.listing.nomination })}
              </Typography>
            </Section>
          )}
          {a.score && (
            <Section sx={VISIBLE} title="app.zhoushan_portal.score">
              <Score score={a.score} />
            </Section>
          )}
          <Section sx={VISIBLE} title="app.zhoushan_portal.decisions">
            <Decisions a={a} />
          </Section>
          <Section sx={VISIBLE} title="app.zhoushan_portal.application" testId="zhoushan-current-application">
            <ApplicationDetails
              application={{
                ...a.application.form,
                ...(a.application.statement ? { statement: a.application.statement } : {}),
                attachmentIds: a.application.attachments.map((f) => f.id),
              }}
              files={a.application.attachments}
            />
            <Typography variant="subtitle2" sx={{ mt: 2 }}>
              {translate('app.zhoushan_portal.versions')}
            </Typography>
            {a.versions.map((v) => (
              <Typography key={v.version} variant="body2" color="text.secondary" data-testid="zhoushan-version">
                {translate('app.zhoushan_portal.version_line', {
                  version: v.version,
                  date: shanghaiDay(v.submittedAt),
                  by: translate(v.byOperator ? 'app.zhoushan_portal.by_you' : 'app.zhoushan_portal.by_bureau'),
                })}
              </Typography>
            ))}
          </Section>
        </>
      )}
    </Stack>
  );
};
