import { readFileSync } from 'node:fs';
import { TASK_QUEUE_DEFAULT } from '../workflows/messages.js';

/** Everything a process needs to find the others, from the environment (secrets never in code). */
export interface Config {
  temporalAddress: string;
  temporalNamespace: string;
  taskQueue: string;
  databaseUrl?: string;
  port: number;
  /** The API's listening address: 127.0.0.1 for one machine, 0.0.0.0 behind a load balancer. */
  host: string;
  temporalUiUrl?: string;
  /** How to reach a Temporal cluster that needs TLS (self-hosted with mTLS, or Temporal Cloud). */
  temporalTls?: TemporalTls;
  /** A Temporal Cloud API key (sent as a bearer token; implies TLS). */
  temporalApiKey?: string;
  /**
   * Workflows a worker keeps in memory between tasks (WORKER_MAX_CACHED_WORKFLOWS; the SDK's default
   * follows the heap, about 2,300 here, and a 10,000-case launch then took the worker to 3.7 GB). An
   * evicted workflow is replayed from its history on its next task: less memory, more CPU.
   */
  workerMaxCachedWorkflows?: number;
  /**
   * How long a process stopping on SIGTERM waits for its work in flight (SHUTDOWN_GRACE_SECONDS,
   * default 10): a worker's running activities, the API's accepted requests. Past it the API cuts its
   * requests off; the worker asks its activities to cancel, which ours (no heartbeats) do not notice.
   */
  shutdownGraceMs: number;
}

export interface TemporalTls {
  clientCertPair?: { crt: Buffer; key: Buffer };
  serverRootCACertificate?: Buffer;
  serverNameOverride?: string;
}

/** A setting that cannot work as given: the process refuses to start, naming the variable. */
export class ConfigError extends Error {}

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
  const grace = env.SHUTDOWN_GRACE_SECONDS || '10';
  if (!/^\d+$/.test(grace) || Number(grace) < 1) throw new ConfigError(`SHUTDOWN_GRACE_SECONDS=${grace}: not a whole number of seconds ≥ 1`);
  const port = Number(env.PORT ?? 3000);
  if (!(Number.isInteger(port) && port > 0 && port < 65536)) throw new ConfigError(`PORT=${env.PORT}: not a port number`);
  return {
    temporalAddress: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE ?? TASK_QUEUE_DEFAULT,
    databaseUrl: env.DATABASE_URL || undefined,
    port,
    host: env.HOST || '127.0.0.1',
    temporalUiUrl: env.TEMPORAL_UI_URL,
    ...(tlsWanted ? { temporalTls: { ...(crt && key ? { clientCertPair: { crt, key } } : {}), ...(ca ? { serverRootCACertificate: ca } : {}), ...(serverName ? { serverNameOverride: serverName } : {}) } } : {}),
    ...(env.TEMPORAL_API_KEY ? { temporalApiKey: env.TEMPORAL_API_KEY } : {}),
    ...(cached ? { workerMaxCachedWorkflows: Number(cached) } : {}),
    shutdownGraceMs: Number(grace) * 1000,
  };
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
