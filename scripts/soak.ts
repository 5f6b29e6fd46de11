// npm run soak -- --cycles N: N kill/restart cycles (worker, Temporal, PostgreSQL, API in turn) against
// the whole stack as separate processes, with bad input fuzzed after each, then the consistency check.
// Ends with `soak: cycles=N decisions=N lost=N duplicates=N mismatches=N fuzzed=N 5xx=N`; exit 1 unless
// lost, duplicates, mismatches and 5xx are all 0.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startStack } from '../test/process-stack.js';
import { soak, summaryLine } from '../test/soak.js';

const { values } = parseArgs({
  options: {
    cycles: { type: 'string', default: process.env.SOAK_CYCLES ?? '8' },
    fuzz: { type: 'string', default: '20' },
    seed: { type: 'string', default: '42' },
    keep: { type: 'boolean', default: false },
  },
});
const cycles = Number(values.cycles);
if (!Number.isInteger(cycles) || cycles < 1) throw new Error('--cycles must be a whole number ≥ 1');
const dir = mkdtempSync(path.join(tmpdir(), 'campaign-soak-'));
console.log(`[soak] stack in ${dir}`);
const stack = await startStack(dir);
let code: number;
try {
  const started = Date.now();
  const r = await soak(stack, { cycles, fuzzPerCycle: Number(values.fuzz), seed: Number(values.seed), log: (l) => console.log(`[soak] ${l}`) });
  for (const u of r.unexpected) console.log(`[soak] unexpected: ${u}`);
  // What the API logged about them.
  if (r.unexpected.length) for (const l of stack.log.filter((x) => x.includes('[api!]'))) console.log(`[soak] ${l.slice(0, 1500)}`);
  console.log(`[soak] ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(summaryLine(r));
  code = r.lost || r.duplicates || r.mismatches.length || r.serverErrors ? 1 : 0;
} finally {
  await stack.stop();
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
