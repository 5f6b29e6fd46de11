// The longest event history of every workflow type in the bench's run (README "Bounded histories"): every
// execution on the bench's task queue, each one described (the visibility store's historyLength of
// a running workflow is the one it had at its last visibility update, not its current one).
import type { Client } from '@temporalio/client';
import { pool } from './util.js';

export interface HistoryCensus {
  /** Per workflow type, longest first: how many runs, and the longest history with its workflow id. */
  byType: { type: string; runs: number; max: number; workflowId: string }[];
  max: number;
  errors: string[];
}

/** Temporal's hard limit; the bench's target is none above 10,000 (issue "bounded histories"). */
export const HISTORY_TARGET = 10_000;

export async function historyCensus(client: Client, taskQueue: string, opts: { concurrency?: number } = {}): Promise<HistoryCensus> {
  const runs: { workflowId: string; runId: string; type: string }[] = [];
  for await (const w of client.workflow.list({ query: `TaskQueue = '${taskQueue}'` })) runs.push({ workflowId: w.workflowId, runId: w.runId, type: w.type });
  const lengths = new Array<number>(runs.length).fill(0);
  const errors: string[] = [];
  await pool(runs.length, opts.concurrency ?? 32, async (i) => {
    const r = runs[i]!;
    try {
      lengths[i] = (await client.workflow.getHandle(r.workflowId, r.runId).describe()).historyLength;
    } catch (e) {
      if (errors.length < 5) errors.push(`${r.workflowId}: ${(e as Error).message.slice(0, 200)}`);
    }
  });
  const types = new Map<string, { type: string; runs: number; max: number; workflowId: string }>();
  runs.forEach((r, i) => {
    const t = types.get(r.type) ?? { type: r.type, runs: 0, max: -1, workflowId: '' };
    t.runs++;
    if (lengths[i]! > t.max) Object.assign(t, { max: lengths[i]!, workflowId: r.workflowId });
    types.set(r.type, t);
  });
  const byType = [...types.values()].sort((a, b) => b.max - a.max);
  return { byType, max: byType[0]?.max ?? 0, errors };
}
