// `npm run bench -- --peer flowable`: the same workload on Flowable 7.2 (../shared/peers/flowable/run.sh,
// its README says what is and is not comparable), run after this system's stack has stopped so the two
// never share the machine. Its last line, `peer: engine=… key=value …`, is parsed for the side-by-side.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './stack.js';

/** Where the peer's runner is: FLOWABLE_PEER_RUN, or the shared checkout beside this one. */
export const flowablePeerRun = () => process.env.FLOWABLE_PEER_RUN || path.resolve(ROOT, '..', 'shared', 'peers', 'flowable', 'run.sh');

export type PeerFigures = Record<string, string>;

/** Runs the peer with this run's sizes; its output goes to `log` line by line. Resolves to its last line's figures. */
export async function runFlowablePeer(opts: {
  cases: number;
  completions: number;
  officers: number;
  /** Its untimed warm-up batch: half of it HTTP completions, as ours (`--warmup`) are. */
  warmup: number;
  log: (l: string) => void;
}): Promise<PeerFigures> {
  const script = flowablePeerRun();
  if (!existsSync(script)) throw new Error(`no Flowable peer at ${script} (set FLOWABLE_PEER_RUN)`);
  const args = [
    '--cases',
    String(opts.cases),
    '--completions',
    String(opts.completions),
    '--officers',
    String(opts.officers),
    '--warmup',
    String(Math.max(4, opts.warmup)),
  ];
  opts.log(`running ${script} ${args.join(' ')}`);
  const child = spawn('bash', [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let last = '';
  let partial = '';
  const take = (b: Buffer) => {
    const lines = (partial + b.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const l of lines) {
      if (l.startsWith('peer: ')) last = l;
      opts.log(l);
    }
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (partial) take(Buffer.from('\n'));
  if (!last) throw new Error(`the Flowable peer printed no "peer:" line (exit ${code})`);
  return Object.fromEntries([...last.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
}
