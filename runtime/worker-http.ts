// The worker's port (METRICS_PORT, README "Operating"): GET /metrics, /livez and /readyz. The Temporal
// SDK's Prometheus exporter owns a port of its own and answers nothing else, so it listens on loopback
// only and /metrics here passes its text on, followed by this process's own (heap, event loop, GC).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { Logger } from './logging.js';
import { metricsAuthorized, METRICS_UNAUTHORIZED, readiness, type Check } from './probes.js';

export interface WorkerHttp {
  server: Server;
  /** The port it listens on (METRICS_PORT=0 takes any free one). */
  port: number;
  close(): Promise<void>;
}

export async function startWorkerHttp(opts: {
  host: string;
  port: number;
  /** The SDK exporter's address (http://127.0.0.1:<port>/metrics). */
  sdkMetricsUrl: string;
  /** Database and Temporal; the worker itself is ready only while RUNNING. */
  checks: Record<string, Check>;
  metricsToken?: string;
  logger: Logger;
}): Promise<WorkerHttp> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const send = (res: import('node:http').ServerResponse, status: number, type: string, body: string) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) =>
    send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'method_not_allowed' });
    if (path === '/livez') return json(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      void readiness(opts.checks).then((r) => json(res, r.ok ? 200 : 503, { status: r.status, ...r.checks, down: r.down }));
      return;
    }
    if (path === '/metrics') {
      if (!metricsAuthorized(req.headers.authorization, opts.metricsToken)) {
        res.setHeader('WWW-Authenticate', 'Bearer');
        return json(res, 401, METRICS_UNAUTHORIZED);
      }
      void (async () => {
        try {
          const sdk = await fetch(opts.sdkMetricsUrl, { signal: AbortSignal.timeout(5000) });
          if (!sdk.ok) throw new Error(`the SDK exporter answered ${sdk.status}`);
          send(res, 200, registry.contentType, `${(await sdk.text()).trimEnd()}\n${await registry.metrics()}`);
        } catch (err) {
          opts.logger.warn({ err }, 'the Temporal SDK metrics exporter did not answer');
          send(res, 503, 'text/plain; charset=utf-8', 'Temporal SDK metrics unavailable\n');
        }
      })();
      return;
    }
    json(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A free port on loopback, for the SDK's exporter (which must be told a port, and takes no 0). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
