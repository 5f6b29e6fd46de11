// Fault injection against the real stack as separate processes (issue #7): PostgreSQL, the Temporal dev
// server (SQLite file), the worker and the API. One cycle per kind of fault — kill -9 the worker, kill -9
// and restart the Temporal server on the same file, kill -9 and restart PostgreSQL, kill -9 and restart
// the API — each striking at a random moment while officers complete self-checks through the API.
// Afterwards every acknowledged decision is recorded exactly once, no task is lost or doubled, the
// workflows carried on (the reviews opened), and the projections match the workflows.
// `npm run soak -- --cycles N` runs the same for longer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './process-stack.js';
import { FAULTS, soak, summaryLine } from './soak.js';
import { checkConsistency } from '../runtime/consistency.js';

let stack: Stack;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'campaign-fault-'));
  stack = await startStack(dir);
}, 180_000);
afterAll(async () => {
  await stack?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('faults', () => {
  it('loses and doubles nothing when the worker, Temporal, PostgreSQL or the API is killed mid-work', async () => {
    const lines: string[] = [];
    const result = await soak(stack, { cycles: FAULTS.length, fuzzPerCycle: 3, seed: 7, log: (l) => lines.push(l) });
    console.log([...lines, summaryLine(result)].join('\n'));
    if (result.mismatches.length || result.lost || result.unexpected.length) console.log(stack.log.slice(-80).join('\n'));
    expect(result.unexpected).toEqual([]);
    expect(result.mismatches).toEqual([]);
    expect(result.lost).toBe(0);
    expect(result.duplicates).toBe(0);
    expect(result.serverErrors).toBe(0);
    // Four self-checks and their four reviews per cycle.
    expect(result.decisions).toBe(FAULTS.length * 8);
    expect(result.fuzzed).toBeGreaterThan(0);
  }, 600_000);

  it('has a consistency checker that notices a projection gone astray', async () => {
    const campaignId = 'changxing-330522-3000';
    const task = await stack.db.task.findFirstOrThrow({ where: { campaignId, type: 'self_check_review', status: 'done' } });
    const kase = await stack.db.case.findUniqueOrThrow({ where: { id: task.caseId! } });
    expect(await checkConsistency(stack.db, stack.client, [campaignId])).toEqual([]);
    await stack.db.task.update({ where: { id: task.id }, data: { status: 'open' } });
    await stack.db.case.update({ where: { id: kase.id }, data: { totalScore: 50 } });
    try {
      const found = await checkConsistency(stack.db, stack.client, [campaignId]);
      expect(found).toEqual([
        { entity: 'task', id: task.id, field: 'status', workflow: 'done', database: 'open' },
        { entity: 'case', id: kase.id, field: 'totalScore', workflow: null, database: 50 },
      ]);
    } finally {
      await stack.db.task.update({ where: { id: task.id }, data: { status: 'done' } });
      await stack.db.case.update({ where: { id: kase.id }, data: { totalScore: kase.totalScore } });
    }
    expect(await checkConsistency(stack.db, stack.client, [campaignId])).toEqual([]);
  });
});
