import type { AuthProvider } from 'react-admin';
import { API_URL, httpClient } from './httpClient';
import { queryClient } from './queryClient';
import { clearSession, clearSignedOutReason, getToken, getUser, saveSession, type Session } from './session';

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const { json } = await httpClient(`${API_URL}/auth/login`, {
      method: 'POST',
      body: JSON.stringify({ username, password }),
    });
    saveSession(json as Session);
    clearSignedOutReason();
    // Nothing a previous session cached (its identity, kept 5 minutes by react-admin, or lists scoped to
    // its jurisdiction) may serve the user who signs in now on the same tab.
    queryClient.clear();
    // A temporary password (new account, or reset by an admin) is changed before anything else.
    if ((json as { mustChangePassword?: boolean }).mustChangePassword) return { redirectTo: '/password' };
    return undefined;
  },

  async logout() {
    if (getToken()) {
      // Best effort: the session is dropped locally even if the server call fails.
      await httpClient(`${API_URL}/auth/logout`, { method: 'POST' }).catch(() => undefined);
    }
    clearSession();
  },

  async checkAuth() {
    if (!getToken()) throw new Error('ra.auth.auth_check_error');
  },

  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      clearSession();
      throw error;
    }
    // 403 means "not in your role or jurisdiction": the caller shows the message, the session stays.
  },

  async getIdentity() {
    const user = getUser();
    if (!user) throw new Error('ra.auth.auth_check_error');
    return {
      id: user.id,
      fullName: user.displayName,
      role: user.role,
      jurisdictionId: user.jurisdictionId,
      jurisdictionName: user.jurisdictionName,
    };
  },

  async getPermissions() {
    return getUser()?.role;
  },
};
