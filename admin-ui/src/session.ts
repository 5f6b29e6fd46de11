// The logged-in session lives in localStorage so it survives reloads and is shared between tabs.
import type { User } from './types';

const TOKEN_KEY = 'campaign-cms.token';
const EXPIRES_KEY = 'campaign-cms.expiresAt';
const USER_KEY = 'campaign-cms.user';

export interface Session {
  token: string;
  expiresAt?: string;
  user: User;
}

// Components follow the signed-in user (useSessionUser): this tab's changes fire SESSION_EVENT, other
// tabs' the browser's `storage` event.
const SESSION_EVENT = 'campaign-cms.session';
const changed = () => window.dispatchEvent(new Event(SESSION_EVENT));

export const saveSession = ({ token, expiresAt, user }: Session): void => {
  localStorage.setItem(TOKEN_KEY, token);
  if (expiresAt) localStorage.setItem(EXPIRES_KEY, expiresAt);
  else localStorage.removeItem(EXPIRES_KEY);
  localStorage.setItem(USER_KEY, JSON.stringify(user));
  changed();
};

export const clearSession = (): void => {
  [TOKEN_KEY, EXPIRES_KEY, USER_KEY].forEach((key) => localStorage.removeItem(key));
  changed();
};

/** Replaces the stored user (e.g. after the password change, or when the API asks for one). */
export const updateUser = (update: Partial<User>): void => {
  const user = getUser();
  if (!user) return;
  localStorage.setItem(USER_KEY, JSON.stringify({ ...user, ...update }));
  changed();
};

export const subscribeSession = (onChange: () => void): (() => void) => {
  window.addEventListener(SESSION_EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(SESSION_EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
};

/** True while the signed-in user still has a temporary password (everything else is refused until changed). */
export const mustChangePassword = (): boolean => !!getUser()?.mustChangePassword;

// Why the console last signed someone out (account_disabled, session_expired), for the sign-in page;
// per tab, and cleared by the next sign-in.
const SIGNED_OUT_KEY = 'campaign-cms.signedOut';
export const setSignedOutReason = (reason: string): void => sessionStorage.setItem(SIGNED_OUT_KEY, reason);
export const signedOutReason = (): string | null => sessionStorage.getItem(SIGNED_OUT_KEY);
export const clearSignedOutReason = (): void => sessionStorage.removeItem(SIGNED_OUT_KEY);

const isExpired = (): boolean => {
  const expiresAt = localStorage.getItem(EXPIRES_KEY);
  return expiresAt != null && Date.parse(expiresAt) <= Date.now();
};

export const getToken = (): string | null => (isExpired() ? null : localStorage.getItem(TOKEN_KEY));

export const getUser = (): User | null => {
  const raw = localStorage.getItem(USER_KEY);
  if (!raw || !getToken()) return null;
  try {
    return JSON.parse(raw) as User;
  } catch {
    return null;
  }
};
