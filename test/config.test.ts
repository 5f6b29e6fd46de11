// Process configuration from the environment (runtime/config.ts): how a worker or API process finds a
// Temporal cluster with TLS or an API key (self-hosted mTLS, Temporal Cloud), and refusals that name
// the variable instead of failing later with a TLS handshake error.
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  completionDeliveries,
  configFromEnv,
  defaultMaxCachedWorkflows,
  workflowThreadHeapLimitMb,
  passwordHashCost,
  temporalConnectionOptions,
  workerCommand,
} from '../runtime/config.js';

const files: Record<string, string> = { '/etc/t/client.pem': 'CERT', '/etc/t/client.key': 'KEY', '/etc/t/ca.pem': 'CA' };
const read = (p: string) => {
  if (!(p in files)) throw new Error('ENOENT');
  return Buffer.from(files[p]!);
};

describe('configuration from the environment', () => {
  it('defaults to the local dev server without TLS, listening on loopback', () => {
    const c = configFromEnv({}, read);
    expect(c).toMatchObject({ temporalAddress: '127.0.0.1:7233', temporalNamespace: 'default', port: 3000, host: '127.0.0.1' });
    expect(temporalConnectionOptions(c)).toEqual({ address: '127.0.0.1:7233' });
  });

  it('connects with mTLS from certificate, key and CA files (self-hosted cluster)', () => {
    const c = configFromEnv(
      {
        TEMPORAL_ADDRESS: 'temporal.prov.gov.cn:7233',
        TEMPORAL_NAMESPACE: 'zj-campaigns',
        TEMPORAL_TLS_CERT: '/etc/t/client.pem',
        TEMPORAL_TLS_KEY: '/etc/t/client.key',
        TEMPORAL_TLS_CA: '/etc/t/ca.pem',
        TEMPORAL_TLS_SERVER_NAME: 'temporal',
        HOST: '0.0.0.0',
      },
      read,
    );
    const o = temporalConnectionOptions(c);
    expect(o.address).toBe('temporal.prov.gov.cn:7233');
    expect(o.tls).toMatchObject({ serverNameOverride: 'temporal' });
    const tls = o.tls as { clientCertPair: { crt: Buffer; key: Buffer }; serverRootCACertificate: Buffer };
    expect([tls.clientCertPair.crt.toString(), tls.clientCertPair.key.toString(), tls.serverRootCACertificate.toString()]).toEqual(['CERT', 'KEY', 'CA']);
    expect(c.host).toBe('0.0.0.0');
    expect(c.temporalNamespace).toBe('zj-campaigns');
  });

  it('uses an API key over TLS with the system CAs (Temporal Cloud)', () => {
    const o = temporalConnectionOptions(configFromEnv({ TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_API_KEY: 'k-123' }, read));
    expect(o).toEqual({ address: 'ns.acct.tmprl.cloud:7233', tls: true, apiKey: 'k-123' });
  });

  it('refuses a certificate without its key, an unreadable file and a bad port, naming the variable', () => {
    expect(() => configFromEnv({ TEMPORAL_TLS_CERT: '/etc/t/client.pem' }, read)).toThrow(ConfigError);
    expect(() => configFromEnv({ TEMPORAL_TLS_CERT: '/etc/t/client.pem' }, read)).toThrow(/TEMPORAL_TLS_KEY/);
    expect(() => configFromEnv({ TEMPORAL_TLS_CA: '/nope.pem' }, read)).toThrow(/TEMPORAL_TLS_CA=\/nope.pem/);
    expect(() => configFromEnv({ PORT: 'http' }, read)).toThrow(/PORT=http/);
    expect(() => configFromEnv({ WORKER_MAX_CACHED_WORKFLOWS: '2k' }, read)).toThrow(/WORKER_MAX_CACHED_WORKFLOWS=2k/);
  });

  it('hashes passwords at bcrypt cost 10 by default, up to 15, and below 10 only in a test run', () => {
    expect(passwordHashCost({})).toBe(10);
    expect(passwordHashCost({ BCRYPT_COST: '12' })).toBe(12);
    expect(passwordHashCost({ BCRYPT_COST: '4', NODE_ENV: 'test' })).toBe(4);
    for (const env of [{ BCRYPT_COST: '4' }, { BCRYPT_COST: '9', NODE_ENV: 'production' }, { BCRYPT_COST: '16' }, { BCRYPT_COST: 'ten' }])
      expect(() => configFromEnv(env, read)).toThrow(/BCRYPT_COST/);
  });

  it('runs the worker at nice 5 by default (0: as the rest) and sends 16 decisions at a time; refuses anything else', () => {
    expect(workerCommand(['w.js'], {})).toEqual(['nice', ['-n', '5', process.execPath, 'w.js'], { MALLOC_ARENA_MAX: '2' }]);
    expect(workerCommand(['w.js'], { WORKER_NICE: '0', MALLOC_ARENA_MAX: '4' })).toEqual([
      process.execPath,
      ['w.js'],
      { WORKER_NICE: '0', MALLOC_ARENA_MAX: '4' },
    ]);
    expect(completionDeliveries({})).toBe(2);
    expect(completionDeliveries({ COMPLETION_DELIVERIES: '4' })).toBe(4);
    for (const env of [{ WORKER_NICE: '20' }, { WORKER_NICE: '-1' }, { COMPLETION_DELIVERIES: '0' }, { COMPLETION_DELIVERIES: 'many' }])
      expect(() => configFromEnv(env, read)).toThrow(new RegExp(Object.keys(env)[0]!));
  });

  it('takes the shutdown grace in whole seconds, 10 by default, and refuses anything else', () => {
    expect(configFromEnv({}, read).shutdownGraceMs).toBe(10_000);
    expect(configFromEnv({ SHUTDOWN_GRACE_SECONDS: '30' }, read).shutdownGraceMs).toBe(30_000);
    for (const bad of ['0', '1.5', '10s', '-1']) expect(() => configFromEnv({ SHUTDOWN_GRACE_SECONDS: bad }, read)).toThrow(/SHUTDOWN_GRACE_SECONDS/);
  });

  it('takes the owner’s URL for migrations apart from the application role’s, and refuses one that cannot work', () => {
    const c = configFromEnv(
      {
        DATABASE_URL: 'postgresql://campaign_app:s3cret@pg.internal:5432/campaign',
        DATABASE_MIGRATION_URL: 'postgresql://campaign_owner:0wner@pg.internal:5432/campaign',
      },
      read,
    );
    expect(c).toMatchObject({ databaseMigrationUrl: 'postgresql://campaign_owner:0wner@pg.internal:5432/campaign', databaseAppRole: 'campaign_app' });
    expect(configFromEnv({ DATABASE_URL: 'postgres://app%2Drole:x@h/db', DATABASE_MIGRATION_URL: 'postgres://owner:y@h/db' }, read).databaseAppRole).toBe(
      'app-role',
    );
    const single = configFromEnv({ DATABASE_URL: 'postgresql://campaign:x@h/db' }, read);
    expect([single.databaseMigrationUrl, single.databaseAppRole]).toEqual([undefined, undefined]);
    expect(() => configFromEnv({ DATABASE_MIGRATION_URL: 'postgresql://owner:y@h/db' }, read)).toThrow(/DATABASE_MIGRATION_URL needs DATABASE_URL/);
    expect(() => configFromEnv({ DATABASE_URL: 'postgresql://campaign:x@h/db', DATABASE_MIGRATION_URL: 'postgresql://campaign:y@h/db' }, read)).toThrow(
      /both sign in as "campaign"/,
    );
    expect(() => configFromEnv({ DATABASE_URL: 'postgresql://h/db', DATABASE_MIGRATION_URL: 'postgresql://owner:y@h/db' }, read)).toThrow(
      /DATABASE_URL: names no user/,
    );
    expect(() => configFromEnv({ DATABASE_URL: 'postgresql://app:x@h/db', DATABASE_MIGRATION_URL: 'owner:s3cret@h/db' }, read)).toThrow(ConfigError);
    // The message names the variable, never the URL: it holds a password.
    expect(() => configFromEnv({ DATABASE_URL: 'postgresql://app:x@h/db', DATABASE_MIGRATION_URL: 'mysql://owner:s3cret@h/db' }, read)).toThrow(
      /^DATABASE_MIGRATION_URL: not a postgresql:\/\/ URL$/,
    );
  });

  it('trusts as many proxies as TRUST_PROXY says (none by default) and checks the per-address sign-in limit', () => {
    expect(configFromEnv({}, read).trustProxy).toBe(0);
    expect(configFromEnv({ TRUST_PROXY: '2' }, read).trustProxy).toBe(2);
    expect(() => configFromEnv({ TRUST_PROXY: 'yes' }, read)).toThrow(/TRUST_PROXY=yes/);
    expect(() => configFromEnv({ LOGIN_MAX_FAILURES_PER_ADDRESS: '-3' }, read)).toThrow(/LOGIN_MAX_FAILURES_PER_ADDRESS/);
  });

  it('bounds the worker’s workflow cache when told to, and by its workflow thread’s heap otherwise (0.85 MiB each, at most 600)', () => {
    expect(configFromEnv({ WORKER_MAX_CACHED_WORKFLOWS: '500' }, read).workerMaxCachedWorkflows).toBe(500);
    expect(configFromEnv({}, read).workerMaxCachedWorkflows).toBeUndefined();
    // The thread's default 1,024 MiB, and Node's own 4 GiB here: 600, not the SDK's 2,300 that once ran out
    // of heap at ~1,470 open applications.
    expect(defaultMaxCachedWorkflows(1024 * 2 ** 20)).toBe(600);
    expect(defaultMaxCachedWorkflows(4144 * 2 ** 20)).toBe(600);
    expect(defaultMaxCachedWorkflows(768 * 2 ** 20)).toBe(301);
    expect(defaultMaxCachedWorkflows(256 * 2 ** 20)).toBe(10);
  });

  it('limits the workflow thread’s heap to 1,024 MiB unless told otherwise (0: V8’s own), and refuses a limit too small to run in', () => {
    expect(configFromEnv({}, read).workflowThreadHeapMb).toBe(1024);
    expect(configFromEnv({ WORKFLOW_THREAD_HEAP_MB: '2048' }, read).workflowThreadHeapMb).toBe(2048);
    expect(configFromEnv({ WORKFLOW_THREAD_HEAP_MB: '0' }, read).workflowThreadHeapMb).toBe(0);
    expect(() => configFromEnv({ WORKFLOW_THREAD_HEAP_MB: '256' }, read)).toThrow(/WORKFLOW_THREAD_HEAP_MB=256/);
    expect(() => configFromEnv({ WORKFLOW_THREAD_HEAP_MB: '1g' }, read)).toThrow(/WORKFLOW_THREAD_HEAP_MB=1g/);
    // The worker sets it only below V8's own, and never over the operator's own heap flag.
    expect(workflowThreadHeapLimitMb(1024, 4144, [])).toBe(1024);
    expect(workflowThreadHeapLimitMb(1024, 512, [])).toBe(512);
    expect(workflowThreadHeapLimitMb(0, 4144, [])).toBeUndefined();
    expect(workflowThreadHeapLimitMb(1024, 4144, ['--max-old-space-size=2048'])).toBeUndefined();
    expect(workflowThreadHeapLimitMb(1024, 4144, ['--max_old_space_size=2048'])).toBeUndefined();
    expect(workflowThreadHeapLimitMb(1024, 4144, [], '--enable-source-maps --max-heap-size=3000')).toBeUndefined();
    expect(workflowThreadHeapLimitMb(1024, 4144, ['--import', 'tsx'], '--enable-source-maps')).toBe(1024);
  });

  it('takes the log level (info by default, either case), the worker’s metrics port (9464) and an optional metrics token, and refuses anything else', () => {
    expect(configFromEnv({}, read)).toMatchObject({ logLevel: 'info', metricsPort: 9464 });
    expect(configFromEnv({}, read).metricsToken).toBeUndefined();
    expect(configFromEnv({ LOG_LEVEL: 'WARN', METRICS_PORT: '0', METRICS_TOKEN: 'prometheus-scrape-0001' }, read)).toMatchObject({
      logLevel: 'warn',
      metricsPort: 0,
      metricsToken: 'prometheus-scrape-0001',
    });
    expect(configFromEnv({ LOG_LEVEL: 'debug', METRICS_PORT: '9100' }, read)).toMatchObject({ logLevel: 'debug', metricsPort: 9100 });
    for (const bad of ['verbose', 'warning', '3']) expect(() => configFromEnv({ LOG_LEVEL: bad }, read)).toThrow(new RegExp(`LOG_LEVEL=${bad}`));
    for (const bad of ['http', '65536', '-1', '9464.5']) expect(() => configFromEnv({ METRICS_PORT: bad }, read)).toThrow(/METRICS_PORT/);
    expect(() => configFromEnv({ METRICS_TOKEN: 'short' }, read)).toThrow(/METRICS_TOKEN/);
  });

  it('reads the webhook allow-list (WEBHOOK_ALLOW_HOSTS): names and full IP addresses, normalised; refuses anything else, naming the variable', () => {
    expect(configFromEnv({}, read).webhookAllowHosts).toEqual([]);
    expect(configFromEnv({ WEBHOOK_ALLOW_HOSTS: ' Hooks.Bureau.Internal. , 10.0.0.5,[::1],fd00::7,, ' }, read).webhookAllowHosts).toEqual([
      'hooks.bureau.internal',
      '10.0.0.5',
      '::1',
      'fd00::7',
    ]);
    for (const bad of ['http://hooks.internal', 'hooks.internal:8080', '127.1', '2130706433', '0x7f000001', 'bad host', '-x.internal'])
      expect(() => configFromEnv({ WEBHOOK_ALLOW_HOSTS: `ok.internal,${bad}` }, read), bad).toThrow(/WEBHOOK_ALLOW_HOSTS/);
  });
});
