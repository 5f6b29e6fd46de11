import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { useLocation, useNavigate, useParams, useTranslate } from 'react-admin';
import { getObjection, type PublicObjection } from './api';
import { NO_PRINT, PublicFrame, shanghai, useWords } from './PublicFrame';

const STATUS_COLOR = { open: 'warning', upheld: 'success', dismissed: 'default' } as const;

/** Look up by number: the form on #/public/objections, and above the result on #/public/objections/:reference. */
const LookupForm = ({ initial = '' }: { initial?: string }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const reference = value.trim();
    if (reference) navigate(`/public/objections/${encodeURIComponent(reference)}`);
  };
  return (
    <form onSubmit={submit} className={NO_PRINT}>
      <Stack direction="row" spacing={1} sx={{ mb: 2 }}>
        <TextField
          size="small"
          fullWidth
          label={translate('app.public.objection.lookup_label')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          sx={{ bgcolor: 'background.paper' }}
          slotProps={{ htmlInput: { maxLength: 40, autoCapitalize: 'characters', 'data-testid': 'objection-lookup' } }}
        />
        <Button type="submit" variant="contained" sx={{ flexShrink: 0 }}>
          {translate('app.public.objection.lookup')}
        </Button>
      </Stack>
    </form>
  );
};

/**
 * #/public/objections/:reference (no sign-in): an objection's status and, once decided, the outcome with
 * the bureau's reasons and the dates; nothing about who lodged it. Right after lodging, the page says so
 * and shows the reference number large, to be written down or printed.
 */
export const PublicObjectionPage = () => {
  const { reference = '' } = useParams();
  const translate = useTranslate();
  const words = useWords();
  const lodged = !!(useLocation().state as { lodged?: boolean } | null)?.lodged;
  const [objection, setObjection] = useState<PublicObjection | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!reference) return;
    let live = true;
    setObjection(null);
    setProblem(null);
    getObjection(reference)
      .then((o) => live && setObjection(o))
      .catch((e: Error & { status?: number }) => live && setProblem(e.status === 404 ? translate('app.public.objection.not_found') : e.message));
    return () => {
      live = false;
    };
  }, [reference, translate]);

  return (
    <PublicFrame testId="public-objection">
      <Typography variant="h5" component="h1" sx={{ mb: 2, fontSize: { xs: '1.25rem', sm: '1.5rem' } }}>
        {translate(lodged ? 'app.public.objection.lodged_title' : 'app.public.objection.title')}
      </Typography>
      {!lodged && <LookupForm key={reference} initial={reference} />}
      {problem && (
        <Alert severity="error" data-testid="objection-not-found">
          {problem}
        </Alert>
      )}
      {reference && !objection && !problem && <CircularProgress />}
      {objection && (
        <Card>
          <CardContent sx={{ px: { xs: 1.5, sm: 3 } }}>
            {lodged && (
              <Alert severity="success" sx={{ mb: 2 }} data-testid="objection-lodged">
                {translate('app.public.objection.lodged_intro')}
              </Alert>
            )}
            <Typography variant="overline" color="text.secondary">
              {translate('app.public.objection.reference')}
            </Typography>
            <Typography
              variant="h4"
              component="p"
              sx={{ fontFamily: 'monospace', fontSize: { xs: '1.6rem', sm: '2.1rem' }, wordBreak: 'break-all', mb: 1 }}
              data-testid="objection-reference"
            >
              {objection.reference}
            </Typography>
            <Chip color={STATUS_COLOR[objection.status]} label={translate(`app.public.objection.status.${objection.status}`)} data-testid="objection-status" />
            <Typography variant="body2" sx={{ mt: 1 }}>
              {translate(`app.public.objection.status_help.${objection.status}`)}
            </Typography>
            <Box
              component="dl"
              sx={{
                display: 'grid',
                gridTemplateColumns: 'auto 1fr',
                columnGap: 2,
                rowGap: 0.5,
                mt: 2,
                mb: 0,
                '& dt': { color: 'text.secondary' },
                '& dd': { m: 0 },
              }}
            >
              <dt>{translate('app.public.objection.list')}</dt>
              <dd>
                {objection.roster.bureau} {objection.roster.campaignName} {translate('app.public.kind.publicity')}
              </dd>
              {objection.entry && (
                <>
                  <dt>{translate('app.public.objection.entry')}</dt>
                  <dd>
                    {objection.entry.ref}. {objection.entry.operatorName}
                  </dd>
                </>
              )}
              <dt>{translate('app.public.objection.lodged_at')}</dt>
              <dd>{shanghai(objection.lodgedAt, true)}</dd>
              {objection.resolvedAt && (
                <>
                  <dt>{translate('app.public.objection.resolved_at')}</dt>
                  <dd data-testid="objection-resolved-at">{shanghai(objection.resolvedAt, true)}</dd>
                </>
              )}
              {objection.resolution && (
                <>
                  <dt>{translate('app.public.objection.resolution')}</dt>
                  <dd data-testid="objection-resolution" style={{ whiteSpace: 'pre-wrap' }}>
                    {objection.resolution}
                  </dd>
                </>
              )}
              <dt>{translate('app.public.show.contact')}</dt>
              <dd>{words(objection.contact)}</dd>
            </Box>
            <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 2, flexWrap: 'wrap' }} className={NO_PRINT}>
              <Button variant="outlined" onClick={() => window.print()} sx={{ minHeight: 44 }}>
                {translate('app.public.show.print')}
              </Button>
              <Button href={`#/public/rosters/${encodeURIComponent(objection.roster.id)}`} sx={{ minHeight: 44 }}>
                {translate('app.public.objection.back_to_list')}
              </Button>
            </Stack>
          </CardContent>
        </Card>
      )}
    </PublicFrame>
  );
};
