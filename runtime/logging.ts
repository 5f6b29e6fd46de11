// Structured logs (README "Operating"): one JSON object a line on stdout, from pino, at LOG_LEVEL. The
// API's lines and the activity lines a request caused carry the same `requestId`.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { pino, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';
import { DefaultLogger, type LogEntry, type LogLevel as SdkLogLevel } from '@temporalio/worker';
import type { LogLevelName } from './config.js';

export type { Logger } from 'pino';

/** A process's logger: `service` (api, worker) on every line; `destination` for tests (stdout otherwise). */
export function createLogger(opts: { service: string; level?: LogLevelName; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      base: { service: opts.service, pid: process.pid, hostname: hostname() },
      timestamp: stdTimeFunctions.isoTime,
      // "level":"info" rather than 30: readable without pino-pretty, and what log shippers expect.
      formatters: { level: (label) => ({ level: label }) },
      // A session token or cookie never reaches a log line (OWASP ASVS 7.1.1).
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    },
    opts.destination,
  );
}

/** For code given no logger (in-process tests): nothing is written. */
export const silentLogger: Logger = pino({ level: 'silent' });

/**
 * The request being served (API) or the activity running (worker), across its awaits: read by the
 * Temporal client interceptor that puts the request id into the calls the request causes.
 */
export const requestContext = new AsyncLocalStorage<{ requestId?: string }>();

// A caller's id is taken as is only when it is short and plain: it goes into every log line and into
// Temporal headers (log injection, OWASP ASVS 7.3.1).
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The X-Request-Id a caller sent, if it is safe to reuse; otherwise a new UUID. */
export function requestIdFrom(header: unknown): string {
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

const SDK_LEVEL: Record<SdkLogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * The Temporal SDK's runtime logger, writing through `logger`. The SDK's own INFO lines (bundler, worker
 * lifecycle) drowned the console of `npm start`, so they are let through only at LOG_LEVEL=debug or trace.
 */
export function sdkLogger(logger: Logger): DefaultLogger {
  const level: SdkLogLevel = logger.level === 'trace' ? 'TRACE' : logger.level === 'debug' ? 'DEBUG' : 'WARN';
  return new DefaultLogger(level, (entry: LogEntry) => {
    const { meta, message } = entry;
    logger[SDK_LEVEL[entry.level]]({ sdk: true, ...(meta ?? {}) }, message);
  });
}
