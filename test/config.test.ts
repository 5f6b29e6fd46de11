// Process configuration from the environment (runtime/config.ts): how a worker or API process finds a
// Temporal cluster with TLS or an API key (self-hosted mTLS, Temporal Cloud), and refusals that name
// the variable instead of failing later with a TLS handshake error.
import { describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv, temporalConnectionOptions } from '../runtime/config.js';

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
    const c = configFromEnv({ TEMPORAL_ADDRESS: 'temporal.prov.gov.cn:7233', TEMPORAL_NAMESPACE: 'zj-campaigns', TEMPORAL_TLS_CERT: '/etc/t/client.pem', TEMPORAL_TLS_KEY: '/etc/t/client.key', TEMPORAL_TLS_CA: '/etc/t/ca.pem', TEMPORAL_TLS_SERVER_NAME: 'temporal', HOST: '0.0.0.0' }, read);
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

  it('takes the shutdown grace in whole seconds, 10 by default, and refuses anything else', () => {
    expect(configFromEnv({}, read).shutdownGraceMs).toBe(10_000);
    expect(configFromEnv({ SHUTDOWN_GRACE_SECONDS: '30' }, read).shutdownGraceMs).toBe(30_000);
    for (const bad of ['0', '1.5', '10s', '-1']) expect(() => configFromEnv({ SHUTDOWN_GRACE_SECONDS: bad }, read)).toThrow(/SHUTDOWN_GRACE_SECONDS/);
  });

  it('bounds the worker’s workflow cache when told to, and leaves the SDK’s default otherwise', () => {
    expect(configFromEnv({ WORKER_MAX_CACHED_WORKFLOWS: '500' }, read).workerMaxCachedWorkflows).toBe(500);
    expect(configFromEnv({}, read).workerMaxCachedWorkflows).toBeUndefined();
  });
});
