import { fetchUtils, HttpError } from 'react-admin';
import { i18nProvider } from './i18n';
import { getToken, setSignedOutReason, signedOutReason, updateUser } from './session';
import type { ApiErrorBody } from './types';

export const API_URL = '/api';

const isApiErrorBody = (body: unknown): body is ApiErrorBody => typeof body === 'object' && body !== null && 'message' in body;

/** A message of the API in the UI language (Chinese unless the UI is in English). */
export const pick = (m: { messageZh?: string; messageEn?: string }, fallback: string) =>
  (i18nProvider.getLocale() === 'en' ? m.messageEn : m.messageZh) || fallback;

/**
 * Picks the API's message in the current UI language, and turns `fields` into the
 * `body.errors` map (keyed by field path) that react-admin forms show under each input.
 */
const localize = (error: unknown): unknown => {
  if (!(error instanceof HttpError) || !isApiErrorBody(error.body)) return error;
  const body = error.body;
  const message = pick(body, body.message || error.message);
  const errors = body.fields?.length ? Object.fromEntries(body.fields.map((f) => [f.path, pick(f, message)])) : undefined;
  return new HttpError(message, error.status, errors ? { ...body, errors } : body);
};

/**
 * What the API says about the session itself, whichever call it answers: a temporary password still
 * unchanged (403 password_change_required: the layout then shows only the password page), or a
 * session ended because the account was disabled or it expired (401: authProvider.checkError signs
 * out, and the sign-in page says why).
 */
const noteSession = (error: unknown) => {
  if (!(error instanceof HttpError) || !isApiErrorBody(error.body)) return;
  if (error.status === 403 && error.body.error === 'password_change_required') updateUser({ mustChangePassword: true });
  // The first refusal of a disabled account ends its sessions: calls in flight beside it then read
  // session_expired, which must not hide the reason.
  if (error.status === 401 && error.body.error === 'account_disabled') setSignedOutReason(error.body.error);
  if (error.status === 401 && error.body.error === 'session_expired' && !signedOutReason()) setSignedOutReason(error.body.error);
};

export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
  const token = getToken();
  try {
    return await fetchUtils.fetchJson(url, {
      ...options,
      user: token ? { authenticated: true, token: `Bearer ${token}` } : undefined,
    });
  } catch (error) {
    if (token) noteSession(error);
    throw localize(error);
  }
};

/** The message to show for a failed call, already in the UI language. */
export const errorMessage = (error: unknown): string => (error instanceof Error && error.message ? error.message : 'ra.notification.http_error');

/** A failed call as shown to the user: the message and every field / line problem the API listed. */
export interface Problem {
  message: string;
  fields: { path: string; row?: number; message: string }[];
}

export const problemOf = (error: unknown): Problem => {
  const body = error instanceof HttpError ? error.body : undefined;
  const fields = isApiErrorBody(body) ? (body.fields ?? []) : [];
  return {
    message: errorMessage(error),
    fields: fields.map((f) => ({ path: f.path, row: f.row, message: pick(f, f.path) })),
  };
};

/**
 * Downloads a file the API serves only with the bearer token (CSV exports): fetches it with the
 * token and saves the blob under the name the API gives in Content-Disposition.
 */
export const downloadFile = async (path: string, fallbackName: string): Promise<void> => {
  const token = getToken();
  const response = await fetch(`${API_URL}${path}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    const message = isApiErrorBody(body) ? pick(body, body.message) : response.statusText;
    throw new HttpError(message, response.status, body);
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
