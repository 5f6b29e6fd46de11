import { useSyncExternalStore } from 'react';
import { getUser, subscribeSession } from '../session';
import type { User } from '../types';

// getUser parses localStorage anew on every call: keep the snapshot stable while its text is the same.
let lastRaw: string | null = null;
let lastUser: User | null = null;
const snapshot = (): User | null => {
  const user = getUser();
  const raw = user ? JSON.stringify(user) : null;
  if (raw !== lastRaw) {
    lastRaw = raw;
    lastUser = user;
  }
  return lastUser;
};

/** The signed-in user as stored in the session, re-rendering when it changes (this tab or another). */
export const useSessionUser = (): User | null => useSyncExternalStore(subscribeSession, snapshot);

/** True while the user must replace a temporary password before doing anything else. */
export const useMustChangePassword = (): boolean => !!useSessionUser()?.mustChangePassword;
