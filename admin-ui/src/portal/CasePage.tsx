import {
  Alert,
  Card,
  CardContent,
  Chip,
  List,
  ListItem,
  ListItemText,
  Stack,
  Step,
  StepContent,
  StepLabel,
  Stepper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useNavigate, useParams, useTranslate } from 'react-admin';
import { shanghaiDay } from '../common/dates';
import { portalCase, type PortalCase } from './api';
import { Pending } from './MyCasesPage';
import { BackButton, Section } from './PageParts';
import { PORTAL_CASE_SECTIONS } from './pages';
import { TaskCard } from './TasksPage';
import { useBilingual } from './useBilingual';

/** The campaign's stages as a vertical stepper, the current one open with its dates. */
const Stages = ({ record }: { record: PortalCase }) => {
  const translate = useTranslate();
  const words = useBilingual();
  const active = record.stages.findIndex((s) => s.current);
  return (
    <Stepper orientation="vertical" activeStep={active < 0 ? record.stages.length : active} data-testid="portal-case-stages">
      {record.stages.map((s) => (
        <Step key={s.key} completed={s.status === 'closed'} expanded>
          <StepLabel optional={<Typography variant="caption">{`${shanghaiDay(s.startsAt)} – ${shanghaiDay(s.dueAt)}`}</Typography>}>
            {words({ zh: s.name, en: s.nameEn })}
          </StepLabel>
          <StepContent>
            <Typography variant="caption" color="text.secondary">
              {translate(`app.portal.stage_status.${s.status}`)}
            </Typography>
          </StepContent>
        </Step>
      ))}
    </Stepper>
  );
};

const Decisions = ({ record }: { record: PortalCase }) => {
  const translate = useTranslate();
  const words = useBilingual();
  if (!record.decisions.length) return <Typography variant="body2">{translate('app.portal.no_decisions')}</Typography>;
  return (
    <List dense disablePadding>
      {[...record.decisions].reverse().map((d) => (
        <ListItem key={d.id} disableGutters divider>
          <ListItemText
            primary={
              <>
                {words(d.what, d.action)}
                {d.byOperator && <Chip size="small" sx={{ ml: 1 }} label={translate('app.portal.by_you')} />}
                {d.onBehalfOf && <Chip size="small" sx={{ ml: 1 }} color="info" label={translate('app.portal.on_your_behalf')} />}
              </>
            }
            secondary={[shanghaiDay(d.at), d.reason ? `${translate('app.portal.reason')}：${d.reason}` : null].filter(Boolean).join(' · ')}
          />
        </ListItem>
      ))}
    </List>
  );
};

const Score = ({ score }: { score: NonNullable<PortalCase['score']> }) => {
  const translate = useTranslate();
  return (
    <Table size="small" data-testid="portal-case-score">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.portal.dimension')}</TableCell>
          <TableCell align="right">{translate('app.portal.weight')}</TableCell>
          <TableCell align="right">{translate('app.portal.score')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {score.parts.map((p) => (
          <TableRow key={p.dimension}>
            <TableCell>{p.name}</TableCell>
            <TableCell align="right">{p.weight}%</TableCell>
            <TableCell align="right">{p.score}</TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell colSpan={2} sx={{ fontWeight: 'bold' }}>
            {translate('app.portal.score_total')}
          </TableCell>
          <TableCell align="right" sx={{ fontWeight: 'bold' }} data-testid="portal-case-total">
            {Math.floor(score.total * 100) / 100}
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
};

/** One of the operator's cases: where it stands, the stages, its tasks, the decisions given to it, score, title, listing. */
export const CasePage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const translate = useTranslate();
  const words = useBilingual();
  const navigate = useNavigate();
  const query = useQuery({ queryKey: ['portal', 'case', id], queryFn: () => portalCase(id) });
  const c = query.data;
  return (
    <Stack spacing={1.5}>
      <Title title="app.portal.my_cases" />
      <BackButton label="app.portal.back_to_cases" onClick={() => navigate('/')} />
      {!c ? (
        <Pending error={query.error} />
      ) : (
        <>
          <Card>
            <CardContent>
              <Typography variant="overline" color="text.secondary">
                {words(c.programmeName)} · {translate('app.portal.year', { year: c.year })}
              </Typography>
              <Typography variant="h5" component="h2" data-testid="portal-case-title">
                {c.campaignName}
              </Typography>
              {c.currentStep && (
                <Typography variant="body1" sx={{ mt: 1 }} data-testid="portal-case-step">
                  {translate('app.portal.current_step')}：<b>{words(c.currentStep)}</b>
                </Typography>
              )}
              {c.excluded && (
                <Alert severity="error" sx={{ mt: 1 }}>
                  {translate('app.portal.excluded')}
                  {c.excluded.reason ? `：${c.excluded.reason}` : ''}
                </Alert>
              )}
            </CardContent>
          </Card>
          {c.title && (
            <Alert severity={c.title.status === 'active' ? 'success' : 'warning'} data-testid="portal-case-title-held">
              {translate('app.portal.title_held')}：{words(c.programmeName)}（{translate(`app.portal.title_status.${c.title.status}`, { _: c.title.status })}，
              {translate('app.portal.title_valid', { date: shanghaiDay(c.title.expiresAt) })}）
            </Alert>
          )}
          {c.listing && (
            <Alert severity="success">
              {translate('app.portal.listing')}：{translate('app.portal.listing_rank', { rank: c.listing.rank })}
            </Alert>
          )}
          <Section title="app.portal.tasks" testId="portal-case-tasks">
            <Stack spacing={1}>
              {c.tasks.map((t) => (
                <TaskCard key={t.id} task={t} />
              ))}
            </Stack>
          </Section>
          {PORTAL_CASE_SECTIONS.map((Extra, i) => (
            <Extra key={i} record={c} />
          ))}
          <Section title="app.portal.decisions" testId="portal-case-decisions">
            <Decisions record={c} />
          </Section>
          {c.score && (
            <Section title="app.portal.score">
              <Score score={c.score} />
            </Section>
          )}
          <Section title="app.portal.stages">
            <Stages record={c} />
          </Section>
        </>
      )}
    </Stack>
  );
};
