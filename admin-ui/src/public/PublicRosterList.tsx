import { useEffect, useState } from 'react';
import { Alert, Box, Button, Card, CardActionArea, CardContent, Chip, CircularProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { listRosters, PUBLIC_KINDS, type PublicKind, type PublicRoster } from './api';
import { NO_PRINT, PublicFrame, shanghai, useWords } from './PublicFrame';

const PER_PAGE = 10;

/** The state of a list as its card says it: a 公示 open for objections, ended, or superseded. */
export const RosterState = ({ roster }: { roster: PublicRoster }) => {
  const translate = useTranslate();
  if (roster.kind === 'publicity' && roster.windowEndsAt)
    return roster.objectionsOpen ? (
      <Chip size="small" color="warning" label={translate('app.public.list.window_open', { date: shanghai(roster.windowEndsAt, true) })} />
    ) : (
      <Chip size="small" variant="outlined" label={translate('app.public.list.window_closed', { date: shanghai(roster.windowEndsAt, true) })} />
    );
  return roster.superseded ? <Chip size="small" variant="outlined" label={translate('app.public.list.superseded')} /> : null;
};

/**
 * #/public/rosters (no sign-in): every published list, newest first, as cards (one column on a phone),
 * filtered by kind and year, ten to a page.
 */
export const PublicRosterList = () => {
  const translate = useTranslate();
  const words = useWords();
  const [kind, setKind] = useState<PublicKind | ''>('');
  const [year, setYear] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: PublicRoster[]; total: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const validYear = /^\d{4}$/.test(year) ? Number(year) : undefined;

  useEffect(() => {
    let live = true;
    setProblem(null);
    listRosters({ kind: kind || undefined, year: validYear, page, perPage: PER_PAGE })
      .then((d) => live && setData(d))
      .catch((e: Error) => live && setProblem(e.message));
    return () => {
      live = false;
    };
  }, [kind, validYear, page]);

  const pages = data ? Math.max(1, Math.ceil(data.total / PER_PAGE)) : 1;
  return (
    <PublicFrame testId="public-rosters">
      <Stack direction="row" spacing={1} sx={{ mb: 2 }} className={NO_PRINT}>
        <TextField
          select
          size="small"
          label={translate('app.public.filter.kind')}
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as PublicKind | '');
            setPage(1);
          }}
          sx={{ flex: 2, bgcolor: 'background.paper' }}
          slotProps={{ htmlInput: { 'data-testid': 'public-filter-kind' } }}
        >
          <MenuItem value="">{translate('app.public.filter.all')}</MenuItem>
          {PUBLIC_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {translate(`app.public.kind.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          label={translate('app.public.filter.year')}
          value={year}
          onChange={(e) => {
            setYear(e.target.value.replace(/\D/g, '').slice(0, 4));
            setPage(1);
          }}
          sx={{ flex: 1, bgcolor: 'background.paper' }}
          slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'public-filter-year' } }}
        />
      </Stack>
      {problem && <Alert severity="error">{problem}</Alert>}
      {!data && !problem && <CircularProgress />}
      {data && data.items.length === 0 && <Alert severity="info">{translate('app.public.list.empty')}</Alert>}
      <Stack spacing={1.5}>
        {data?.items.map((r) => (
          <Card key={r.id} data-testid="public-roster-card" data-kind={r.kind}>
            <CardActionArea href={`#/public/rosters/${encodeURIComponent(r.id)}`}>
              <CardContent>
                <Typography variant="overline" color="text.secondary">
                  {r.bureau} · {r.year}
                </Typography>
                <Typography variant="h6" component="h2" sx={{ lineHeight: 1.3 }}>
                  {r.campaignName} {words(r.listName)}
                </Typography>
                <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap', alignItems: 'center' }}>
                  <Typography variant="body2" color="text.secondary">
                    {translate(r.kind === 'admission' ? 'app.public.list.as_of' : 'app.public.list.published', { date: shanghai(r.publishedAt) })}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    {translate('app.public.list.entries', { smart_count: r.entryCount })}
                  </Typography>
                  <RosterState roster={r} />
                </Stack>
              </CardContent>
            </CardActionArea>
          </Card>
        ))}
      </Stack>
      {data && pages > 1 && (
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mt: 2 }} className={NO_PRINT}>
          <Button disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            {translate('app.public.list.prev')}
          </Button>
          <Typography variant="body2">{translate('app.public.list.page', { page, pages })}</Typography>
          <Button disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
            {translate('app.public.list.next')}
          </Button>
        </Box>
      )}
      <Box sx={{ mt: 3 }} className={NO_PRINT}>
        <Button href="#/public/objections" variant="text">
          {translate('app.public.show.lookup')}
        </Button>
      </Box>
    </PublicFrame>
  );
};
