import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { TASK_QUEUE_DEFAULT } from '../workflows/messages.js';

/** Everything a process needs to find the others, from the environment (secrets never in code). */
export interface Config {
  temporalAddress: string;
  temporalNamespace: string;
  taskQueue: string;
  databaseUrl?: string;
  /**
   * The owner role, which applies the migrations (DATABASE_MIGRATION_URL). Set, DATABASE_URL's role is
   * an application role with data rights only, granted to it after each migration: it cannot disable the
   * audit trail's trigger nor drop a table (README "Production profile").
   */
  databaseMigrationUrl?: string;
  /** DATABASE_URL's role, granted those data rights when DATABASE_MIGRATION_URL is set. */
  databaseAppRole?: string;
  port: number;
  /** The API's listening address: 127.0.0.1 for one machine, 0.0.0.0 behind a load balancer. */
  host: string;
  temporalUiUrl?: string;
  /** How to reach a Temporal cluster that needs TLS (self-hosted with mTLS, or Temporal Cloud). */
  temporalTls?: TemporalTls;
  /** A Temporal Cloud API key (sent as a bearer token; implies TLS). */
  temporalApiKey?: string;
  /**
   * Workflows a worker keeps in memory between tasks (WORKER_MAX_CACHED_WORKFLOWS; by default
   * `defaultMaxCachedWorkflows` of the workflow thread's heap). An evicted workflow is replayed from its
   * history on its next task: less memory, more CPU.
   */
  workerMaxCachedWorkflows?: number;
  /**
   * The V8 heap limit of the worker's workflow thread in MiB (WORKFLOW_THREAD_HEAP_MB, default 1024, or
   * V8's own where that is smaller; 0 leaves V8's own, about a quarter of the machine's memory up to 4
   * GiB). V8 grows a heap towards its limit before collecting: under a 10,000-case launch the thread's
   * heap reached 630 MiB with 90–150 MiB live. The default cache is sized from it, up to 600
   * (`defaultMaxCachedWorkflows`).
   */
  workflowThreadHeapMb: number;
  /**
   * How long a process stopping on SIGTERM waits for its work in flight (SHUTDOWN_GRACE_SECONDS,
   * default 10): a worker's running activities, the API's accepted requests. Past it the API cuts its
   * requests off; the worker asks its activities to cancel, which ours (no heartbeats) do not notice.
   */
  shutdownGraceMs: number;
  /** Proxies in front of the API whose X-Forwarded-For is believed (TRUST_PROXY, default 0): the client address the sign-in limiter counts. */
  trustProxy: number;
  /** In-house hosts a webhook may reach although they are internal (WEBHOOK_ALLOW_HOSTS; activities/webhook-target.ts). */
  webhookAllowHosts: string[];
  /** The level of the JSON log lines (LOG_LEVEL, default info; README "Operating"). */
  logLevel: LogLevelName;
  /** The worker's port for /metrics, /livez and /readyz (METRICS_PORT, default 9464; 0 takes any free port). */
  metricsPort: number;
  /** A bearer token that /metrics then requires (METRICS_TOKEN); unset, /metrics is open: keep it off public networks. */
  metricsToken?: string;
}

/** pino's levels; LOG_LEVEL takes any of them in either case (it used to take the SDK's WARN, INFO…). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export interface TemporalTls {
  clientCertPair?: { crt: Buffer; key: Buffer };
  serverRootCACertificate?: Buffer;
  serverNameOverride?: string;
}

/** A setting that cannot work as given: the process refuses to start, naming the variable. */
export class ConfigError extends Error {}

/** The role a PostgreSQL URL signs in as (the URL itself is never echoed: it holds a password). */
function pgRole(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name}: not a URL (postgresql://user:password@host:5432/db)`);
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') throw new ConfigError(`${name}: not a postgresql:// URL`);
  if (!url.username) throw new ConfigError(`${name}: names no user (postgresql://user:password@host:5432/db)`);
  return decodeURIComponent(url.username);
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env, read: (path: string) => Buffer = (p) => readFileSync(p)): Config {
  const file = (name: string) => {
    const p = env[name];
    if (!p) return undefined;
    try {
      return read(p);
    } catch (e) {
      throw new ConfigError(`${name}=${p}: cannot read the file (${(e as Error).message})`);
    }
  };
  const crt = file('TEMPORAL_TLS_CERT');
  const key = file('TEMPORAL_TLS_KEY');
  if (!!crt !== !!key) throw new ConfigError('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together (mTLS needs the client certificate and its key)');
  const ca = file('TEMPORAL_TLS_CA');
  const serverName = env.TEMPORAL_TLS_SERVER_NAME || undefined;
  const tlsWanted = !!(crt || ca || serverName || env.TEMPORAL_TLS === 'true');
  const cached = env.WORKER_MAX_CACHED_WORKFLOWS;
  if (cached !== undefined && cached !== '' && !/^\d+$/.test(cached)) throw new ConfigError(`WORKER_MAX_CACHED_WORKFLOWS=${cached}: not a whole number`);
  const threadHeapMb = wholeNumber(env, 'WORKFLOW_THREAD_HEAP_MB', 1024);
  if (threadHeapMb !== 0 && threadHeapMb < 600) throw new ConfigError(`WORKFLOW_THREAD_HEAP_MB=${threadHeapMb}: below 600 MiB (or 0 for V8's own limit)`);
  const grace = env.SHUTDOWN_GRACE_SECONDS || '10';
  if (!/^\d+$/.test(grace) || Number(grace) < 1) throw new ConfigError(`SHUTDOWN_GRACE_SECONDS=${grace}: not a whole number of seconds ≥ 1`);
  const trustProxy = wholeNumber(env, 'TRUST_PROXY', 0);
  wholeNumber(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 50); // read by api/auth.ts; checked here so a typo stops the start
  wholeNumber(env, 'PUBLIC_OBJECTIONS_PER_ADDRESS', 10); // read by api/public/objections.ts, likewise
  passwordHashCost(env); // read by api/auth.ts, likewise
  completionDeliveries(env); // read by api/task-completion.ts, likewise
  workerNice(env); // read by npm start (runtime/start.ts) when it starts the worker
  const webhookAllow = webhookAllowHosts(env); // read again where a webhook is saved or posted; checked here so a typo stops the start
  const migrationUrl = env.DATABASE_MIGRATION_URL || undefined;
  let appRole: string | undefined;
  if (migrationUrl) {
    if (!env.DATABASE_URL) throw new ConfigError('DATABASE_MIGRATION_URL needs DATABASE_URL: the application role the owner grants data rights to');
    const owner = pgRole('DATABASE_MIGRATION_URL', migrationUrl);
    appRole = pgRole('DATABASE_URL', env.DATABASE_URL);
    if (owner === appRole)
      throw new ConfigError(
        `DATABASE_MIGRATION_URL and DATABASE_URL both sign in as "${owner}": give the application a role of its own, or leave DATABASE_MIGRATION_URL unset`,
      );
  }
  const port = Number(env.PORT ?? 3000);
  if (!(Number.isInteger(port) && port > 0 && port < 65536)) throw new ConfigError(`PORT=${env.PORT}: not a port number`);
  const logLevel = (env.LOG_LEVEL || 'info').toLowerCase() as LogLevelName;
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL=${env.LOG_LEVEL}: not one of ${LOG_LEVELS.join(', ')}`);
  const metricsPort = env.METRICS_PORT || '9464';
  if (!/^\d+$/.test(metricsPort) || Number(metricsPort) > 65535)
    throw new ConfigError(`METRICS_PORT=${metricsPort}: not a port number (0 takes any free port)`);
  // A bearer token short enough to guess protects nothing (OWASP ASVS 2.9: secrets of ≥ 128 bits).
  if (env.METRICS_TOKEN !== undefined && env.METRICS_TOKEN !== '' && env.METRICS_TOKEN.length < 16)
    throw new ConfigError('METRICS_TOKEN: shorter than 16 characters');
  return {
    temporalAddress: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE ?? TASK_QUEUE_DEFAULT,
    databaseUrl: env.DATABASE_URL || undefined,
    ...(migrationUrl ? { databaseMigrationUrl: migrationUrl, databaseAppRole: appRole } : {}),
    port,
    host: env.HOST || '127.0.0.1',
    temporalUiUrl: env.TEMPORAL_UI_URL,
    ...(tlsWanted
      ? {
          temporalTls: {
            ...(crt && key ? { clientCertPair: { crt, key } } : {}),
            ...(ca ? { serverRootCACertificate: ca } : {}),
            ...(serverName ? { serverNameOverride: serverName } : {}),
          },
        }
      : {}),
    ...(env.TEMPORAL_API_KEY ? { temporalApiKey: env.TEMPORAL_API_KEY } : {}),
    ...(cached ? { workerMaxCachedWorkflows: Number(cached) } : {}),
    workflowThreadHeapMb: threadHeapMb,
    shutdownGraceMs: Number(grace) * 1000,
    trustProxy,
    webhookAllowHosts: webhookAllow,
    logLevel,
    metricsPort: Number(metricsPort),
    ...(env.METRICS_TOKEN ? { metricsToken: env.METRICS_TOKEN } : {}),
  };
}

/**
 * bcrypt's cost for every password hashed (the seed, create-admin, the API): BCRYPT_COST, 10 by default
 * (OWASP Password Storage: ≥ 10), at most 15. Only a test run (NODE_ENV=test, as vitest sets it) may go
 * lower, down to bcrypt's minimum of 4: the suite signs in some thousand times, ~0.1 s of CPU each at 10.
 */
export function passwordHashCost(env: NodeJS.ProcessEnv = process.env): number {
  const cost = wholeNumber(env, 'BCRYPT_COST', 10);
  const floor = env.NODE_ENV === 'test' ? 4 : 10;
  if (cost < floor || cost > 15)
    throw new ConfigError(`BCRYPT_COST=${cost}: not between ${floor} and 15${floor > 4 ? ' (below 10 only for tests, NODE_ENV=test)' : ''}`);
  return cost;
}

/**
 * COMPLETION_DELIVERIES: how many early-answered task decisions one API process sends to their workflows
 * at a time (README "Completing a task"); the rest wait, recorded. The worker takes them one after another
 * (one is about 17.5 ms of its time here), so N in flight each wait about N times that in it, and take
 * the cores the officers' answers need. 2 let one decision's transaction overlap the other's activation:
 * the workflow task ran 26–28 ms and the answers' p95 was 92–110 ms, against 85–92 ms and 117–156 ms with
 * 8; 2 take a burst's decisions a fifth slower (README "Benchmarks", in flight against the run).
 */
export function completionDeliveries(env: NodeJS.ProcessEnv = process.env): number {
  const n = wholeNumber(env, 'COMPLETION_DELIVERIES', 2);
  if (n < 1 || n > 512) throw new ConfigError(`COMPLETION_DELIVERIES=${n}: not between 1 and 512`);
  return n;
}

/**
 * WORKER_NICE: the worker's scheduling priority when npm start (or the bench) runs it on the same machine
 * as the API and PostgreSQL (`nice -n`, 0 = as the rest, 19 = last; default 5). Interactive requests then
 * get the cores first and the worker's background work (delivering decisions, fan-out) takes what is
 * left: at 20 officers the answer p95 went from 220 to 154 ms with the worker taking decisions as fast as
 * before (README "Benchmarks"). A deployment with the worker on its own host has nothing to yield to.
 */
export function workerNice(env: NodeJS.ProcessEnv = process.env): number {
  const n = wholeNumber(env, 'WORKER_NICE', 5);
  if (n > 19) throw new ConfigError(`WORKER_NICE=${n}: not between 0 and 19`);
  return n;
}

/**
 * The workflow thread's heap limit in MiB that the worker sets (`WORKFLOW_THREAD_HEAP_MB`, never above V8's
 * own `ownMb`), or undefined when it leaves V8's: told 0, or the operator gave a heap flag of their own on
 * the command line (`execArgv`) or in NODE_OPTIONS, which then holds for the thread too.
 */
export function workflowThreadHeapLimitMb(wantedMb: number, ownMb: number, execArgv: string[], nodeOptions = ''): number | undefined {
  const own = [...execArgv, ...nodeOptions.split(/\s+/)].some((a) => /^--max[-_](?:old[-_]space|heap)[-_]size/.test(a));
  if (!wantedMb || own) return undefined;
  return Math.min(wantedMb, ownMb);
}

/**
 * `node ARGS…` at the worker's priority (WORKER_NICE), as a command, its arguments and its environment for
 * spawn. The environment caps glibc's malloc arenas at 2 unless MALLOC_ARENA_MAX is set: the SDK's Rust
 * threads each took an arena of their own (up to 8 per core), and freed memory stayed in them. Through a
 * 10,000-case launch the worker's malloc'd memory went from about 550 to 460 MiB (README "Deploying").
 */
export function workerCommand(args: string[], env: NodeJS.ProcessEnv = process.env): [string, string[], NodeJS.ProcessEnv] {
  const nice = workerNice(env);
  const withArenas = { ...env, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX || '2' };
  return nice > 0 && process.platform !== 'win32'
    ? ['nice', ['-n', String(nice), process.execPath, ...args], withArenas]
    : [process.execPath, args, withArenas];
}

/** A variable holding a whole number ≥ 0, or its default when unset. */
export function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  if (!/^\d+$/.test(v)) throw new ConfigError(`${name}=${v}: not a whole number`);
  return Number(v);
}

/** Options for Connection.connect / NativeConnection.connect: address, TLS and API key as configured. */
export function temporalConnectionOptions(cfg: Config): { address: string; tls?: TemporalTls | true; apiKey?: string } {
  return {
    address: cfg.temporalAddress,
    // An API key is only accepted over TLS (Temporal Cloud); the system's root CAs verify the server.
    ...(cfg.temporalTls ? { tls: cfg.temporalTls } : cfg.temporalApiKey ? { tls: true as const } : {}),
    ...(cfg.temporalApiKey ? { apiKey: cfg.temporalApiKey } : {}),
  };
}

/**
 * WEBHOOK_ALLOW_HOSTS: comma-separated host names or IP addresses that a webhook may reach although they
 * are loopback, private or otherwise internal (the SSRF guard, activities/webhook-target.ts). Names are
 * lower-cased without a trailing dot, IPv6 without brackets; an entry that is neither is refused.
 */
export function webhookAllowHosts(env: NodeJS.ProcessEnv = process.env): string[] {
  const out: string[] = [];
  for (const raw of (env.WEBHOOK_ALLOW_HOSTS ?? '').split(',')) {
    const entry = raw
      .trim()
      .toLowerCase()
      .replace(/^\[(.*)\]$/, '$1')
      .replace(/\.$/, '');
    if (!entry) continue;
    const name = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/.test(entry);
    // "127.1" or "2130706433" would pass as names, yet a URL reads them as 127.0.0.1: an address is written in full.
    if (isIP(entry) === 0 && (!name || /^[0-9.]+$/.test(entry) || /^0x[0-9a-f]+$/.test(entry)))
      throw new ConfigError(
        `WEBHOOK_ALLOW_HOSTS: "${raw.trim()}" is neither a host name nor an IP address written in full (comma-separated, no scheme or port)`,
      );
    out.push(entry);
  }
  return out;
}

/**
 * How many workflows a worker caches by default: 0.85 MiB of its workflow thread's heap each, after 512
 * MiB kept for the work in flight and for garbage V8 has not collected yet, and at most 600 (600 with the
 * thread's default 1,024 MiB, WORKFLOW_THREAD_HEAP_MB). Each cached workflow instantiates its own copy of
 * the bundle's modules, less what runtime/bundle-workflows.ts WORKFLOW_PRELOAD_MODULES shares. Measured
 * (README "Deploying"): with 605 cached in a 1,024 MiB thread, the thread's used heap stayed under 220 MiB
 * (garbage included) through `npm run bench -- --applications 4000` and through a 10,000-case launch; an
 * open application takes about 0.3 MiB. Before zod was preloaded, the SDK's default (≈ 2,300) ran the
 * thread out of a 4 GiB heap at about 1,470 open applications: hence the cap.
 */
export function defaultMaxCachedWorkflows(heapLimitBytes: number): number {
  return Math.max(10, Math.min(600, Math.floor((heapLimitBytes / 2 ** 20 - 512) / 0.85)));
}
