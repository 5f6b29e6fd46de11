import { useState } from 'react';
import { Box, Link, Tab, Tabs } from '@mui/material';
import { LoginForm, PasswordInput, TextInput, required, useTranslate } from 'react-admin';

// The way in a device used last (an operator's phone opens on the operator's tab next time).
const WAY_KEY = 'campaign-cms.login-way';
type Way = 'staff' | 'operator';

/**
 * The sign-in form with its two ways in: staff with their username, and 经营主体登录 with the
 * 统一社会信用代码 (api/auth.ts lower-cases usernames, so the code is typed as printed) and a link to
 * #/activate for a first sign-in or a forgotten password.
 */
export const LoginWays = () => {
  const translate = useTranslate();
  const [way, setWay] = useState<Way>(() => (localStorage.getItem(WAY_KEY) === 'operator' ? 'operator' : 'staff'));
  const choose = (w: Way) => {
    localStorage.setItem(WAY_KEY, w);
    setWay(w);
  };
  return (
    <>
      <Tabs
        value={way}
        onChange={(_e, w: Way) => choose(w)}
        variant="fullWidth"
        sx={{ maxWidth: 300, '& .MuiTab-root': { px: 1, minWidth: 0, fontSize: '0.85rem', lineHeight: 1.3 } }}
      >
        <Tab value="staff" label={translate('app.portal.staff_login')} data-testid="login-way-staff" />
        <Tab
          value="operator"
          data-testid="login-way-operator"
          label={
            <span>
              {translate('app.portal.operator_login')}
              <br />
              <small>{translate('app.portal.operator_login_hint')}</small>
            </span>
          }
        />
      </Tabs>
      {way === 'staff' ? (
        <LoginForm />
      ) : (
        <>
          <LoginForm>
            <TextInput
              autoFocus
              source="username"
              label={translate('app.portal.uscc')}
              autoComplete="username"
              validate={required()}
              slotProps={{ htmlInput: { maxLength: 18, autoCapitalize: 'characters' } }}
            />
            <PasswordInput source="password" label={translate('ra.auth.password')} autoComplete="current-password" validate={required()} />
          </LoginForm>
          <Box sx={{ px: 2, pb: 2, maxWidth: 300 }}>
            <Link href="#/activate" variant="body2" data-testid="login-activate-link">
              {translate('app.portal.first_time')}
            </Link>
          </Box>
        </>
      )}
    </>
  );
};
