import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Divider,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useParams, useTranslate } from 'react-admin';
import { getRoster, type PublicEntry, type PublicRosterDetail } from './api';
import { ObjectionForm } from './ObjectionForm';
import { NO_PRINT, PublicFrame, shanghai, useWords } from './PublicFrame';
import { RosterState } from './PublicRosterList';

/** The columns a list prints: every list its 序号, operator and code and place; then what its kind adds. */
const columnsOf = (r: PublicRosterDetail): (keyof PublicEntry)[] => {
  const has = (k: keyof PublicEntry) => r.entries.some((e) => e[k] !== undefined && e[k] !== null);
  return ['ref', ...(has('name') ? ['name' as const] : []), 'operatorName', 'uscc', 'place', ...(['track', 'ground', 'since'] as const).filter(has)];
};

/**
 * #/public/rosters/:id (no sign-in): one published list as its notice prints: the issuing bureau, the
 * dates (the 公示 window), the notice clause, the objection contact and the entries. Printable (the
 * buttons and the form stay off paper); on a phone each entry is a card. During a 公示 the objection
 * form is one button away.
 */
export const PublicRosterShow = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const words = useWords();
  const [roster, setRoster] = useState<PublicRosterDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [objecting, setObjecting] = useState(false);

  useEffect(() => {
    let live = true;
    getRoster(id)
      .then((r) => live && setRoster(r))
      .catch((e: Error & { status?: number }) => live && setProblem(e.status === 404 ? translate('app.public.show.not_found') : e.message));
    return () => {
      live = false;
    };
  }, [id, translate]);

  if (problem)
    return (
      <PublicFrame testId="public-roster">
        <Alert severity="error">{problem}</Alert>
        <Button href="#/public/rosters" sx={{ mt: 2 }}>
          {translate('app.public.show.back')}
        </Button>
      </PublicFrame>
    );
  if (!roster)
    return (
      <PublicFrame testId="public-roster">
        <CircularProgress />
      </PublicFrame>
    );
  const publicity = roster.kind === 'publicity';
  const columns = columnsOf(roster);
  const cell = (e: PublicEntry, k: keyof PublicEntry) => (k === 'track' ? words(e.track) : String(e[k] ?? ''));
  return (
    <PublicFrame testId="public-roster">
      <Card sx={{ '@media print': { boxShadow: 'none', border: 'none' } }}>
        <CardContent sx={{ px: { xs: 1.5, sm: 3 } }}>
          {/* The bureau header, as the top of a printed notice. */}
          <Typography variant="subtitle1" align="center" sx={{ fontWeight: 600 }} data-testid="public-bureau">
            {roster.bureau}
          </Typography>
          <Typography
            variant="h5"
            component="h1"
            align="center"
            sx={{ mt: 0.5, mb: 1, fontSize: { xs: '1.25rem', sm: '1.5rem' } }}
            data-testid="public-roster-title"
          >
            {roster.campaignName} {words(roster.listName)}
          </Typography>
          <Box sx={{ display: 'flex', justifyContent: 'center', mb: 2 }} className={NO_PRINT}>
            <RosterState roster={roster} />
          </Box>
          <Box
            component="dl"
            sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, m: 0, '& dt': { color: 'text.secondary' }, '& dd': { m: 0 } }}
          >
            <dt>{translate('app.public.show.issuer')}</dt>
            <dd>{roster.bureau}</dd>
            <dt>{translate(roster.kind === 'admission' ? 'app.public.show.as_of' : 'app.public.show.published')}</dt>
            <dd data-testid="public-published">{shanghai(roster.publishedAt)}</dd>
            {publicity && roster.windowEndsAt && (
              <>
                <dt>{translate('app.public.show.window')}</dt>
                <dd data-testid="public-window">
                  {translate('app.public.show.window_range', { from: shanghai(roster.publishedAt, true), to: shanghai(roster.windowEndsAt, true) })}
                </dd>
              </>
            )}
            {roster.basis && (
              <>
                <dt>{translate('app.public.show.basis')}</dt>
                <dd>{roster.basis}</dd>
              </>
            )}
            <dt>{translate(publicity ? 'app.public.show.contact_objection' : 'app.public.show.contact')}</dt>
            <dd data-testid="public-contact">{words(roster.contact)}</dd>
          </Box>

          <Stack direction="row" spacing={1} useFlexGap sx={{ my: 2, flexWrap: 'wrap' }} className={NO_PRINT}>
            {publicity && roster.objectionsOpen && (
              <Button variant="contained" onClick={() => setObjecting(true)} data-testid="public-object" sx={{ minHeight: 44 }}>
                {translate('app.public.show.object')}
              </Button>
            )}
            <Button variant="outlined" onClick={() => window.print()} sx={{ minHeight: 44 }}>
              {translate('app.public.show.print')}
            </Button>
            <Button href="#/public/rosters" sx={{ minHeight: 44 }}>
              {translate('app.public.show.back')}
            </Button>
          </Stack>
          {publicity && !roster.objectionsOpen && (
            <Alert severity="info" sx={{ my: 2 }} className={NO_PRINT}>
              {translate('app.public.show.closed_notice')}
            </Alert>
          )}
          {objecting && <ObjectionForm roster={roster} onCancel={() => setObjecting(false)} />}

          <Divider sx={{ my: 2 }} />
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
            {translate('app.public.show.entries')} ({translate('app.public.list.entries', { smart_count: roster.entries.length })})
          </Typography>
          {/* A table on a screen wide enough and on paper; cards on a phone. */}
          <Table size="small" sx={{ display: { xs: 'none', sm: 'table' }, '@media print': { display: 'table' } }} data-testid="public-entries-table">
            <TableHead>
              <TableRow>
                {columns.map((k) => (
                  <TableCell key={k}>{translate(`app.public.field.${k}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {roster.entries.map((e) => (
                <TableRow key={e.ref}>
                  {columns.map((k) => (
                    <TableCell key={k} sx={k === 'uscc' ? { fontFamily: 'monospace', whiteSpace: 'nowrap' } : undefined}>
                      {cell(e, k)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Stack spacing={1} sx={{ display: { xs: 'flex', sm: 'none' }, '@media print': { display: 'none' } }} data-testid="public-entries-cards">
            {roster.entries.map((e) => (
              <Box key={e.ref} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }} data-testid="public-entry-card">
                <Typography variant="subtitle2">
                  {e.ref}. {e.name ? `${e.name} · ` : ''}
                  {e.operatorName}
                </Typography>
                {columns
                  .filter((k) => !['ref', 'name', 'operatorName'].includes(k))
                  .map((k) => (
                    <Typography key={k} variant="body2" color="text.secondary" sx={{ wordBreak: 'break-all' }}>
                      {translate('app.public.field_value', { label: translate(`app.public.field.${k}`), value: cell(e, k) })}
                    </Typography>
                  ))}
              </Box>
            ))}
          </Stack>
        </CardContent>
      </Card>
    </PublicFrame>
  );
};
