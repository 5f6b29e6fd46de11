import { fetchUtils, HttpError } from 'react-admin';
import { i18nProvider } from './i18n';
import { getToken } from './session';
import type { ApiErrorBody } from './types';

export const API_URL = '/api';

const isApiErrorBody = (body: unknown): body is ApiErrorBody =>
    typeof body === 'object' && body !== null && 'message' in body;

/**
 * Picks the API's message in the current UI language, and turns `fields` into the
 * `body.errors` map (keyed by field path) that react-admin forms show under each input.
 */
const localize = (error: unknown): unknown => {
    if (!(error instanceof HttpError) || !isApiErrorBody(error.body)) return error;
    const body = error.body;
    const zh = i18nProvider.getLocale() === 'zh';
    const pick = (m: { messageZh?: string; messageEn?: string }, fallback: string) =>
        (zh ? m.messageZh : m.messageEn) || fallback;
    const message = pick(body, body.message || error.message);
    const errors = body.fields?.length
        ? Object.fromEntries(body.fields.map(f => [f.path, pick(f, message)]))
        : undefined;
    return new HttpError(message, error.status, errors ? { ...body, errors } : body);
};

export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
    const token = getToken();
    try {
        return await fetchUtils.fetchJson(url, {
            ...options,
            user: token ? { authenticated: true, token: `Bearer ${token}` } : undefined,
        });
    } catch (error) {
        throw localize(error);
    }
};

/** The message to show for a failed call, already in the UI language. */
export const errorMessage = (error: unknown): string =>
    error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
