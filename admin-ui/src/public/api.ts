// The public pages' calls (api/public, README "Public pages and objections (公示与异议)"): plain fetches
// without the console's token, so a stale session of whoever opens the page never turns one into a 401.
import { i18nProvider } from '../i18n';
import type { Problem } from '../httpClient';

export type Bilingual = { zh: string; en: string };
export type PublicKind = 'publicity' | 'award' | 'red' | 'black' | 'cultivation' | 'list' | 'admission' | 'inspection';
export const PUBLIC_KINDS: PublicKind[] = ['publicity', 'award', 'red', 'black', 'cultivation', 'list', 'admission', 'inspection'];

export interface PublicRoster {
  id: string;
  kind: PublicKind;
  listName: Bilingual;
  campaignName: string;
  year: number;
  bureau: string;
  publishedAt: string;
  windowEndsAt: string | null;
  objectionsOpen: boolean;
  superseded: boolean;
  entryCount: number;
}

export interface PublicEntry {
  ref: number;
  operatorName: string;
  uscc: string;
  place: string;
  track: Bilingual | null;
  name?: string;
  ground?: string;
  since?: string;
}

export interface PublicRosterDetail extends PublicRoster {
  basis: string | null;
  contact: Bilingual;
  entries: PublicEntry[];
}

export interface PublicObjection {
  reference: string;
  status: 'open' | 'upheld' | 'dismissed';
  lodgedAt: string;
  resolvedAt: string | null;
  resolution: string | null;
  roster: { id: string; campaignName: string; bureau: string; publishedAt: string; windowEndsAt: string | null };
  entry: { ref: number; operatorName: string } | null;
  contact: Bilingual;
}

export interface ObjectionInput {
  name: string;
  contact: string;
  entryRef: number;
  reason: string;
  attachment?: { filename: string; contentType: string; dataBase64: string };
}

/** A refusal of the API in the page's language, with each field's problem. */
export class PublicProblem extends Error implements Problem {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Problem['fields'],
  ) {
    super(message);
  }
}

type ErrorBody = { messageZh?: string; messageEn?: string; message?: string; fields?: { path: string; messageZh: string; messageEn: string }[] };
const pick = (m: { messageZh?: string; messageEn?: string }, fallback: string) => (i18nProvider.getLocale() === 'en' ? m.messageEn : m.messageZh) || fallback;

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/public${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new PublicProblem(0, i18nProvider.translate('app.public.offline'), []);
  }
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const e = (data ?? {}) as ErrorBody;
    throw new PublicProblem(
      res.status,
      pick(e, e.message ?? res.statusText),
      (e.fields ?? []).map((f) => ({ path: f.path, message: pick(f, f.path) })),
    );
  }
  return data as T;
}

const enc = encodeURIComponent;

export const listRosters = (q: { kind?: PublicKind; year?: number; page: number; perPage: number }) => {
  const params = new URLSearchParams({ page: String(q.page), perPage: String(q.perPage) });
  if (q.kind) params.set('kind', q.kind);
  if (q.year) params.set('year', String(q.year));
  return call<{ items: PublicRoster[]; total: number; page: number; perPage: number }>('GET', `/rosters?${params.toString()}`);
};
export const getRoster = (id: string) => call<PublicRosterDetail>('GET', `/rosters/${enc(id)}`);
export const lodgeObjection = (rosterId: string, input: ObjectionInput) =>
  call<{ reference: string; lodgedAt: string; entry: { ref: number; operatorName: string } }>('POST', `/rosters/${enc(rosterId)}/objections`, input);
export const getObjection = (reference: string) => call<PublicObjection>('GET', `/objections/${enc(reference)}`);
