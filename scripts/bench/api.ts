// A thin client of the HTTP API for the bench: sign in, call, time.
export interface ApiSession {
  token: string;
  /** `timeoutMs` (60 s): how long the bench waits for the answer. */
  call(
    method: string,
    path: string,
    body?: unknown,
    timeoutMs?: number,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown; headers: Headers }>;
}

export async function signIn(apiUrl: string, username: string, password: string): Promise<ApiSession> {
  const call = async (method: string, p: string, body?: unknown, token?: string, timeoutMs = 60_000, headers: Record<string, string> = {}) => {
    const r = await fetch(`${apiUrl}/api${p}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: r.status, body: parsed, headers: r.headers };
  };
  const r = await call('POST', '/auth/login', { username, password });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  const token = (r.body as { token: string }).token;
  return { token, call: (method, p, body, timeoutMs, headers) => call(method, p, body, token, timeoutMs, headers) };
}

/** react-admin's list query string: ?sort=[…]&range=[…]&filter={…}. */
export function listPath(resource: string, q: { filter?: object; sort?: [string, 'ASC' | 'DESC']; range?: [number, number] }): string {
  const params = new URLSearchParams();
  if (q.sort) params.set('sort', JSON.stringify(q.sort));
  if (q.range) params.set('range', JSON.stringify(q.range));
  if (q.filter) params.set('filter', JSON.stringify(q.filter));
  return `/${resource}?${params}`;
}
