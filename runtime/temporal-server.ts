import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import { freePort } from '../prisma/embedded.js';
import { SEARCH_ATTRIBUTES } from '../workflows/messages.js';

const SCRIPT = fileURLToPath(new URL('../scripts/temporal-cli.sh', import.meta.url));

/** Path of a working `temporal` CLI (scripts/temporal-cli.sh finds, installs or builds one). */
export function temporalCli(): string {
  const out = execFileSync('bash', [SCRIPT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').pop()!;
}

export interface DevServer {
  address: string;
  uiUrl?: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const SA_TYPE_NAMES: Record<string, string> = {
  KEYWORD: 'Keyword',
  TEXT: 'Text',
  INT: 'Int',
  DOUBLE: 'Double',
  BOOL: 'Bool',
  DATETIME: 'Datetime',
  KEYWORD_LIST: 'KeywordList',
};

/**
 * `temporal server start-dev`, with the search attributes the workflows use registered at start.
 * With `dbFile` the server persists to SQLite (npm start); without, it is in memory (tests).
 */
export async function startDevServer(opts: { port: number; uiPort?: number; dbFile?: string; log?: (line: string) => void }): Promise<DevServer> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--namespace', 'default', '--log-level', 'warn'];
  if (opts.uiPort) args.push('--ui-port', String(opts.uiPort));
  else args.push('--headless');
  if (opts.dbFile) args.push('--db-filename', opts.dbFile);
  for (const sa of SEARCH_ATTRIBUTES) args.push('--search-attribute', `${sa.name}=${SA_TYPE_NAMES[sa.type] ?? sa.type}`);
  const child = spawn(temporalCli(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = opts.log ?? (() => {});
  child.stdout!.on('data', (b: Buffer) => log(b.toString()));
  child.stderr!.on('data', (b: Buffer) => log(b.toString()));
  const address = `127.0.0.1:${opts.port}`;
  let exited = false;
  child.on('exit', () => (exited = true));
  // Never outlive the process that started us, even when it crashes before its own cleanup.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`temporal dev server exited during start (args: ${args.join(' ')})`);
    try {
      const conn = await Connection.connect({ address, connectTimeout: 1000 });
      await conn.workflowService.getSystemInfo({});
      await conn.close();
      break;
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`temporal dev server did not answer on ${address}: ${String(e)}`, { cause: e });
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  return {
    address,
    uiUrl: opts.uiPort ? `http://127.0.0.1:${opts.uiPort}` : undefined,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/**
 * A dev server on a free port (tests): a port found free can be taken by another process before the
 * server binds it, so a failed start is tried again on another port (three attempts).
 */
export async function startDevServerOnFreePort(opts: Omit<Parameters<typeof startDevServer>[0], 'port'>): Promise<DevServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startDevServer({ ...opts, port: await freePort() });
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}
