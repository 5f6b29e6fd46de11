import type { ImportFile } from '../common/csv';
// The admin's calls of api/resources/users.ts that are not plain record edits. They go straight to the
// API (not through the data provider) so a temporary password never lands in react-admin's cache.
import type { Identifier } from 'react-admin';
import { API_URL, httpClient } from '../httpClient';
import type { Role, User } from '../types';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  jurisdictionId: string;
  phone?: string | null;
  email?: string | null;
  reason?: string;
}

/** A temporary password, shown once: the API keeps only its hash. */
export interface WithTemporaryPassword {
  temporaryPassword: string;
}

export interface ImportedUser extends WithTemporaryPassword {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  jurisdictionId: string;
}

export interface UserImportResult {
  created: number;
  users: ImportedUser[];
}

const segment = (id: Identifier) => encodeURIComponent(String(id));
const post = async <T>(path: string, body: unknown): Promise<T> =>
  (await httpClient(`${API_URL}${path}`, { method: 'POST', body: JSON.stringify(body) })).json as T;

/** POST /api/users (admin): 201 with the user and its temporary password. */
export const createUser = (body: NewUser) => post<User & WithTemporaryPassword>('/users', body);

/** PUT /api/users/:id {disabled, reason}: disabling ends the user's sessions at once. */
export const setUserDisabled = async (id: Identifier, disabled: boolean, reason: string): Promise<User> =>
  (await httpClient(`${API_URL}/users/${segment(id)}`, { method: 'PUT', body: JSON.stringify({ disabled, reason }) })).json as User;

/** POST /api/users/:id/reset-password: a new temporary password; the user's sessions end. */
export const resetPassword = (id: Identifier, reason: string) => post<WithTemporaryPassword>(`/users/${segment(id)}/reset-password`, { reason });

/** POST /api/users/import: all lines or none; each created user's temporary password, once. */
export const importUsers = (file: ImportFile) => post<UserImportResult>('/users/import', file);
