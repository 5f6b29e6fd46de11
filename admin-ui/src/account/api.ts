// The signed-in user's own account (api/auth.ts): change the password, sign out on every device.
import { API_URL, httpClient } from '../httpClient';
import type { User } from '../types';

/** POST /api/auth/password: answers the user (mustChangePassword now false); the other sessions end. */
export const changePassword = async (body: { oldPassword: string; newPassword: string }): Promise<User> =>
  (await httpClient(`${API_URL}/auth/password`, { method: 'POST', body: JSON.stringify(body) })).json as User;

/** POST /api/auth/logout-everywhere: ends every session of the user, this one included. */
export const logoutEverywhere = async (): Promise<void> => {
  await httpClient(`${API_URL}/auth/logout-everywhere`, { method: 'POST' });
};

// The rules of domain/passwords.ts, shown before typing (OWASP ASVS 2.1.1, 2.1.7); the API has the last word.
export const MIN_PASSWORD_LENGTH = 10;
