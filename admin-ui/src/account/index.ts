export { AccountUserMenu } from './AccountMenu';
export { LoginPage } from './LoginPage';
export { PasswordPage } from './PasswordPage';
export { useMustChangePassword, useSessionUser } from './useSessionUser';
