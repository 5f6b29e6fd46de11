import { Alert, Box } from '@mui/material';
import { Login, useTranslate } from 'react-admin';
import { LoginWays } from '../portal/LoginWays';
import { signedOutReason } from '../session';

const REASONS = new Set(['account_disabled', 'session_expired', 'logged_out_everywhere']);

/** Why the console signed the user out (the account disabled, the session expired…), until the next sign-in. */
const SignedOutNotice = () => {
  const translate = useTranslate();
  const reason = signedOutReason();
  if (!reason || !REASONS.has(reason)) return null;
  return (
    <Box sx={{ px: 2, maxWidth: 300 }}>
      <Alert severity={reason === 'account_disabled' ? 'error' : 'info'} data-testid="signed-out-notice" data-reason={reason}>
        {translate(`app.account.signed_out.${reason}`)}
      </Alert>
    </Box>
  );
};

/**
 * react-admin's sign-in page, with the reason of the last sign-out above the form, and two ways in: staff,
 * and operators with their 统一社会信用代码 (portal/LoginWays.tsx).
 */
export const LoginPage = () => (
  <Login>
    <SignedOutNotice />
    <LoginWays />
  </Login>
);
