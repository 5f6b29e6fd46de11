// Readiness of a process's dependencies, for GET /readyz on the API's port and the worker's metrics port
// (README "Operating"): each check answers within `timeoutMs` or counts as down, so a load balancer's
// probe never hangs on a database that stopped answering.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ConnectionLike } from '@temporalio/client';
import type { PrismaClient } from '../prisma/db.js';

export type Check = () => Promise<unknown>;
export interface Readiness {
  ok: boolean;
  status: 'ok' | 'unavailable';
  checks: Record<string, 'ok' | 'down'>;
  /** The names of the checks that failed, e.g. ["database"]. */
  down: string[];
}

export const PROBE_TIMEOUT_MS = 2000;

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

export async function readiness(checks: Record<string, Check>, timeoutMs = PROBE_TIMEOUT_MS): Promise<Readiness> {
  const names = Object.keys(checks);
  const results = await Promise.all(
    names.map((n) =>
      within(Promise.resolve().then(checks[n]!), timeoutMs).then(
        () => 'ok' as const,
        () => 'down' as const,
      ),
    ),
  );
  const out = Object.fromEntries(names.map((n, i) => [n, results[i]!]));
  const down = names.filter((n) => out[n] === 'down');
  return { ok: down.length === 0, status: down.length ? 'unavailable' : 'ok', checks: out, down };
}

export const databaseCheck =
  (db: PrismaClient): Check =>
  () =>
    db.$queryRawUnsafe('SELECT 1');

/** The frontend's GetSystemInfo under a gRPC deadline, as the SDK's own connection check does. */
export const temporalCheck =
  (connection: ConnectionLike, timeoutMs = PROBE_TIMEOUT_MS): Check =>
  () =>
    connection.withDeadline(Date.now() + timeoutMs, () => connection.workflowService.getSystemInfo({}));

/**
 * Whether a scrape may read /metrics: always when no METRICS_TOKEN is set, otherwise only with
 * `Authorization: Bearer <token>` (compared in constant time, OWASP ASVS 2.9).
 */
export function metricsAuthorized(authorization: string | undefined, token: string | undefined): boolean {
  if (!token) return true;
  const m = /^Bearer (.+)$/.exec(authorization ?? '');
  if (!m) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(m[1]!), digest(token));
}

/** The body of a refused scrape, in Chinese and English like the API's errors. */
export const METRICS_UNAUTHORIZED = {
  error: 'unauthenticated',
  message: '需要指标令牌 / a metrics token is required',
  messageZh: '需要指标令牌',
  messageEn: 'a metrics token is required',
};
