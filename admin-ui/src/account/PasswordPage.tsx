import { useEffect, useState } from 'react';
import { Alert, AlertTitle, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { Form, PasswordInput, SaveButton, Title, required, useLocation, useNavigate, useNotify, useTranslate, type Validator } from 'react-admin';
import { ProblemAlert } from '../common/ProblemAlert';
import { problemOf, type Problem } from '../httpClient';
import { updateUser } from '../session';
import { changePassword, MIN_PASSWORD_LENGTH } from './api';
import { useSessionUser } from './useSessionUser';

interface Values {
  oldPassword?: string;
  newPassword?: string;
  repeatPassword?: string;
}

const FIELDS = ['oldPassword', 'newPassword'] as const;

const sameAsNew: Validator = (value, values: Values) => (value && value !== values.newPassword ? 'app.password.mismatch' : undefined);

/**
 * 修改密码 (#/password): the current password, the new one twice. The rules are listed before typing;
 * every reason the API gives (domain/passwords.ts: length, the username, a common password, the same
 * as before) shows under the field it concerns. `forced`: the user signed in with a temporary password
 * and the layout shows nothing else until it is changed (api/routes.ts refuses every other call).
 */
export const PasswordPage = ({ forced = false }: { forced?: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const location = useLocation();
  const user = useSessionUser();
  const [problem, setProblem] = useState<Problem | null>(null);
  // A new form (blank inputs) after each change.
  const [round, setRound] = useState(0);

  // Whatever page was asked for, a forced change happens at #/password.
  useEffect(() => {
    if (forced && location.pathname !== '/password') navigate('/password', { replace: true });
  }, [forced, location.pathname, navigate]);

  const submit = async (values: Values) => {
    setProblem(null);
    try {
      const me = await changePassword({ oldPassword: values.oldPassword ?? '', newPassword: values.newPassword ?? '' });
      updateUser({ ...me, mustChangePassword: false });
      notify('app.password.changed', { type: 'success' });
      if (forced) navigate('/', { replace: true });
      else setRound((r) => r + 1);
      return undefined;
    } catch (error) {
      const p = problemOf(error);
      // Each field with all its reasons (the API may give several for the new password); anything
      // else (too many attempts, a network failure) above the button.
      const errors = Object.fromEntries(
        FIELDS.map((path) => [
          path,
          p.fields
            .filter((f) => f.path === path)
            .map((f) => f.message)
            .join('；'),
        ]).filter(([, message]) => message),
      );
      if (Object.keys(errors).length) return errors;
      setProblem(p);
      return undefined;
    }
  };

  return (
    <Box sx={{ mt: 2, maxWidth: '40rem' }} data-testid="password-page" data-forced={forced}>
      <Title title="app.password.title" />
      <Card>
        <CardContent>
          <Stack spacing={2}>
            {forced && (
              <Alert severity="warning" data-testid="password-forced">
                <AlertTitle>{translate('app.password.forced_title')}</AlertTitle>
                {translate('app.password.forced')}
              </Alert>
            )}
            <Box>
              <Typography variant="subtitle2">{translate('app.password.rules_title')}</Typography>
              <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="password-rules">
                <li>{translate('app.password.rule_length', { min: MIN_PASSWORD_LENGTH })}</li>
                <li>{translate('app.password.rule_username', { username: user?.username ?? '' })}</li>
                <li>{translate('app.password.rule_common')}</li>
                <li>{translate('app.password.rule_same')}</li>
              </Box>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                {translate('app.password.others_end')}
              </Typography>
            </Box>
            <Form key={round} onSubmit={(values: Values) => submit(values)}>
              <Stack spacing={1}>
                <PasswordInput
                  source="oldPassword"
                  label={forced ? 'app.password.temporary' : 'app.password.old'}
                  validate={required()}
                  autoComplete="current-password"
                  fullWidth
                />
                <PasswordInput source="newPassword" label="app.password.new" validate={required()} autoComplete="new-password" fullWidth />
                <PasswordInput source="repeatPassword" label="app.password.repeat" validate={[required(), sameAsNew]} autoComplete="new-password" fullWidth />
                <ProblemAlert problem={problem} onClose={() => setProblem(null)} testId="password-problem" />
                <Box>
                  <SaveButton label="app.password.submit" data-testid="password-save" alwaysEnable />
                </Box>
              </Stack>
            </Form>
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
};
