import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Link, Stack, TextField, Typography } from '@mui/material';
import { useLogin, useTranslate } from 'react-admin';
import { ProblemAlert } from '../common/ProblemAlert';
import { problemOf, type Problem } from '../httpClient';
import { activateAccount } from './api';

/**
 * #/activate (no sign-in, no layout): the operator enters its 统一社会信用代码, the invitation code an
 * officer gave it, and its new password twice; then it is signed in with the credit code. The same page
 * serves after a forgotten password (a new invitation). The API has the last word on every rule.
 */
export const ActivatePage = () => {
  const translate = useTranslate();
  const login = useLogin();
  const [values, setValues] = useState({ uscc: '', code: '', password: '', repeat: '' });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (name: keyof typeof values) => ({
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    error: !!problem?.fields.some((f) => f.path === name),
    helperText: problem?.fields.find((f) => f.path === name)?.message,
  });
  const mismatch = values.repeat !== '' && values.repeat !== values.password;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setProblem(null);
    try {
      const uscc = values.uscc.trim().toUpperCase();
      await activateAccount({ uscc, code: values.code.trim(), password: values.password });
      await login({ username: uscc, password: values.password }, '/');
    } catch (error) {
      setProblem(problemOf(error));
      setBusy(false);
    }
  };
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'grey.100', display: 'flex', justifyContent: 'center', alignItems: { xs: 'flex-start', sm: 'center' }, p: 1.5 }}>
      <Card sx={{ width: '100%', maxWidth: 440 }} data-testid="portal-activate">
        <CardContent>
          <Typography variant="overline" color="text.secondary">
            {translate('app.portal.title')}
          </Typography>
          <Typography variant="h5" component="h1" sx={{ mb: 1 }}>
            {translate('app.portal.activate.title')}
          </Typography>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('app.portal.activate.intro')}
          </Typography>
          <form onSubmit={submit} noValidate>
            <Stack spacing={2}>
              <TextField
                label={translate('app.portal.uscc')}
                required
                autoComplete="username"
                slotProps={{ htmlInput: { maxLength: 18 } }}
                {...field('uscc')}
              />
              <TextField
                label={translate('app.portal.activate.code')}
                required
                autoComplete="one-time-code"
                {...field('code')}
                helperText={field('code').helperText ?? translate('app.portal.activate.code_help')}
              />
              <TextField
                type="password"
                label={translate('app.portal.activate.password')}
                required
                autoComplete="new-password"
                {...field('password')}
                helperText={field('password').helperText ?? translate('app.portal.activate.rules')}
              />
              <TextField
                type="password"
                label={translate('app.portal.activate.repeat')}
                required
                autoComplete="new-password"
                {...field('repeat')}
                error={mismatch}
                helperText={mismatch ? translate('app.portal.activate.mismatch') : undefined}
              />
              {problem && <ProblemAlert problem={problem} testId="portal-activate-problem" />}
              <Button
                type="submit"
                variant="contained"
                size="large"
                disabled={busy || !values.uscc || !values.code || !values.password || mismatch}
                data-testid="portal-activate-submit"
              >
                {busy ? <CircularProgress size={22} color="inherit" /> : translate('app.portal.activate.submit')}
              </Button>
              <Alert severity="info" icon={false}>
                <Link href="#/login">{translate('app.portal.activate.back')}</Link>
              </Alert>
            </Stack>
          </form>
        </CardContent>
      </Card>
    </Box>
  );
};
