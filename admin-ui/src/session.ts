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

export const saveSession = ({ token, expiresAt, user }: Session): void => {
    localStorage.setItem(TOKEN_KEY, token);
    if (expiresAt) localStorage.setItem(EXPIRES_KEY, expiresAt);
    else localStorage.removeItem(EXPIRES_KEY);
    localStorage.setItem(USER_KEY, JSON.stringify(user));
};

export const clearSession = (): void => {
    [TOKEN_KEY, EXPIRES_KEY, USER_KEY].forEach(key => localStorage.removeItem(key));
};

const isExpired = (): boolean => {
    const expiresAt = localStorage.getItem(EXPIRES_KEY);
    return expiresAt != null && Date.parse(expiresAt) <= Date.now();
};

export const getToken = (): string | null =>
    isExpired() ? null : localStorage.getItem(TOKEN_KEY);

export const getUser = (): User | null => {
    const raw = localStorage.getItem(USER_KEY);
    if (!raw || !getToken()) return null;
    try {
        return JSON.parse(raw) as User;
    } catch {
        return null;
    }
};
