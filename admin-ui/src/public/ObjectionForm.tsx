import { useRef, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, CircularProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useNavigate, useTranslate } from 'react-admin';
import { ProblemAlert } from '../common/ProblemAlert';
import type { Problem } from '../httpClient';
import { toBase64 } from '../common/upload';
import { lodgeObjection, PublicProblem, type PublicRosterDetail } from './api';
import { NO_PRINT } from './PublicFrame';

const MAX_BYTES = 5 * 1024 * 1024;
const TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

/**
 * The objection form of a 公示 (no sign-in): the entry by its 序号, who objects and how to reach them,
 * the reason and an optional file. The API has the last word (window, sizes, the file's real type, the
 * per-address limit); on success the page of the new objection shows its reference number.
 */
export const ObjectionForm = ({ roster, onCancel }: { roster: PublicRosterDetail; onCancel: () => void }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const fileInput = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState({ entryRef: '', name: '', contact: '', reason: '' });
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldProblem = (path: string) => problem?.fields.find((f) => f.path === path || f.path.startsWith(`${path}.`))?.message;
  const field = (name: keyof typeof values) => ({
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    error: !!fieldProblem(name),
    helperText: fieldProblem(name),
    fullWidth: true,
  });

  const choose = (f: File | undefined) => {
    setFileProblem(null);
    if (!f) return setFile(null);
    if (!TYPES.includes(f.type)) return setFileProblem(translate('app.public.form.file_type'));
    if (f.size > MAX_BYTES) return setFileProblem(translate('app.public.form.file_too_big'));
    setFile(f);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const out = await lodgeObjection(roster.id, {
        name: values.name,
        contact: values.contact,
        entryRef: Number(values.entryRef),
        reason: values.reason,
        ...(file ? { attachment: { filename: file.name, contentType: file.type, dataBase64: await toBase64(file) } } : {}),
      });
      navigate(`/public/objections/${encodeURIComponent(out.reference)}`, { state: { lodged: true } });
    } catch (error) {
      setProblem(error instanceof PublicProblem ? error : { message: String((error as Error).message), fields: [] });
      setBusy(false);
    }
  };

  return (
    <Card variant="outlined" className={NO_PRINT} sx={{ my: 2, borderColor: 'primary.main' }} data-testid="public-objection-form">
      <CardContent sx={{ px: { xs: 1.5, sm: 2 } }}>
        <Typography variant="h6" component="h2">
          {translate('app.public.form.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('app.public.form.intro')}
        </Typography>
        <form onSubmit={submit} noValidate>
          <Stack spacing={2}>
            <TextField
              select
              required
              label={translate('app.public.form.entry')}
              {...field('entryRef')}
              slotProps={{ htmlInput: { 'data-testid': 'objection-entry' } }}
            >
              {roster.entries.map((x) => (
                <MenuItem key={x.ref} value={String(x.ref)}>
                  {x.ref}. {x.operatorName}
                </MenuItem>
              ))}
            </TextField>
            <TextField required label={translate('app.public.form.name')} autoComplete="name" slotProps={{ htmlInput: { maxLength: 50 } }} {...field('name')} />
            <TextField
              required
              label={translate('app.public.form.contact')}
              autoComplete="tel"
              slotProps={{ htmlInput: { maxLength: 100, inputMode: 'email' } }}
              {...field('contact')}
            />
            <TextField
              required
              multiline
              minRows={4}
              label={translate('app.public.form.reason')}
              slotProps={{ htmlInput: { maxLength: 2000 } }}
              {...field('reason')}
              helperText={fieldProblem('reason') ?? `${translate('app.public.form.reason_help')} (${values.reason.trim().length}/2000)`}
            />
            <Box>
              <Typography variant="body2" sx={{ mb: 0.5 }}>
                {translate('app.public.form.attachment')}
              </Typography>
              <input
                ref={fileInput}
                type="file"
                accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                hidden
                data-testid="objection-file"
                onChange={(e) => choose(e.target.files?.[0])}
              />
              <Stack direction="row" spacing={1} alignItems="center">
                <Button variant="outlined" size="small" onClick={() => fileInput.current?.click()} sx={{ minHeight: 40 }}>
                  {translate('app.public.form.choose_file')}
                </Button>
                {file && (
                  <>
                    <Typography variant="body2" noWrap sx={{ minWidth: 0, flex: 1 }} data-testid="objection-file-name">
                      {file.name}
                    </Typography>
                    <Button
                      size="small"
                      onClick={() => {
                        setFile(null);
                        if (fileInput.current) fileInput.current.value = '';
                      }}
                    >
                      {translate('app.public.form.remove_file')}
                    </Button>
                  </>
                )}
              </Stack>
              {(fileProblem ?? fieldProblem('attachment')) && (
                <Alert severity="error" sx={{ mt: 1 }}>
                  {fileProblem ?? fieldProblem('attachment')}
                </Alert>
              )}
            </Box>
            <ProblemAlert problem={problem} testId="objection-problem" />
            {/* The actions at the bottom of the form, full width on a phone: always in reach of a thumb. */}
            <Stack direction={{ xs: 'column-reverse', sm: 'row' }} spacing={1} justifyContent="flex-end">
              <Button onClick={onCancel} disabled={busy} sx={{ minHeight: 44 }}>
                {translate('app.public.form.cancel')}
              </Button>
              <Button
                type="submit"
                variant="contained"
                disabled={busy}
                startIcon={busy ? <CircularProgress size={16} /> : undefined}
                sx={{ minHeight: 44 }}
                data-testid="objection-submit"
              >
                {translate(busy ? 'app.public.form.submitting' : 'app.public.form.submit')}
              </Button>
            </Stack>
          </Stack>
        </form>
      </CardContent>
    </Card>
  );
};
