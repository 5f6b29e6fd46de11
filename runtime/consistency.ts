// The consistency checker: do the database projections say what the workflows hold?
// Workflows are the source of truth; the projections are written by activities a moment later, so a
// check on a moving system is retried until it settles (waitForConsistency).
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../prisma/db.js';
import { campaignProgressQuery, caseProgressQuery } from '../workflows/messages.js';

export interface Mismatch {
  entity: 'campaign' | 'stage' | 'case' | 'task' | 'audit';
  id: string;
  field: string;
  workflow: unknown;
  database: unknown;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

async function statusOf(client: Client, workflowId: string): Promise<string> {
  return (await client.workflow.getHandle(workflowId).describe()).status.name;
}

/** Compares each campaign's workflows (campaign and cases) with its rows, and every done task with its audit entry. */
export async function checkConsistency(db: PrismaClient, client: Client, campaignIds: string[]): Promise<Mismatch[]> {
  const out: Mismatch[] = [];
  const differ = (m: Mismatch) => out.push(m);
  for (const campaignId of campaignIds) {
    const c = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    const status = await statusOf(client, c.workflowId);
    const ownTasks = await db.task.findMany({ where: { workflowId: c.workflowId } });
    if (status === 'RUNNING') {
      const p = await client.workflow.getHandle(c.workflowId).query(campaignProgressQuery);
      const stages = await db.stage.findMany({ where: { campaignId } });
      for (const s of p.stages) {
        const row = stages.find((x) => x.key === s.key);
        if (row?.status !== s.status) differ({ entity: 'stage', id: `${campaignId}:${s.key}`, field: 'status', workflow: s.status, database: row?.status });
        if (row && row.dueAt.getTime() !== s.dueAt) differ({ entity: 'stage', id: row.id, field: 'dueAt', workflow: s.dueAt, database: row.dueAt.getTime() });
      }
      const open = ownTasks.filter((t) => t.status === 'open').map((t) => t.id);
      if (!sameSet(p.openTasks, open)) differ({ entity: 'campaign', id: campaignId, field: 'open escalations', workflow: p.openTasks, database: open });
    } else if (status === 'COMPLETED' && c.status !== 'completed')
      differ({ entity: 'campaign', id: campaignId, field: 'status', workflow: status, database: c.status });

    for (const k of await db.case.findMany({ where: { campaignId }, orderBy: { id: 'asc' } })) {
      const tasks = await db.task.findMany({ where: { workflowId: k.workflowId } });
      const caseStatus = await statusOf(client, k.workflowId);
      if (caseStatus !== 'RUNNING') {
        if (caseStatus === 'COMPLETED' && k.status !== 'completed')
          differ({ entity: 'case', id: k.id, field: 'status', workflow: caseStatus, database: k.status });
        continue;
      }
      const p = await client.workflow.getHandle(k.workflowId).query(caseProgressQuery);
      if (
        !sameSet(
          p.tasks.map((t) => t.id),
          tasks.map((t) => t.id),
        )
      )
        differ({ entity: 'case', id: k.id, field: 'task ids', workflow: p.tasks.map((t) => t.id), database: tasks.map((t) => t.id) });
      for (const t of p.tasks) {
        const row = tasks.find((x) => x.id === t.id);
        if (!row) continue;
        if (row.status !== t.status) differ({ entity: 'task', id: t.id, field: 'status', workflow: t.status, database: row.status });
        if (row.overdue !== t.overdue) differ({ entity: 'task', id: t.id, field: 'overdue', workflow: t.overdue, database: row.overdue });
      }
      if ((p.excluded?.kind ?? null) !== k.excludedKind)
        differ({ entity: 'case', id: k.id, field: 'excluded', workflow: p.excluded?.kind ?? null, database: k.excludedKind });
      const total = p.totalE4 === undefined ? null : p.totalE4 / 10_000;
      if (total !== k.totalScore && !(total !== null && k.totalScore !== null && Math.abs(total - k.totalScore) < 1e-9))
        differ({ entity: 'case', id: k.id, field: 'totalScore', workflow: total, database: k.totalScore });
    }

    // A decision acknowledged to its submitter but not yet taken by its workflow (api/task-completion.ts):
    // the projection is ahead of the workflow until the sweep delivers it.
    const pending = await db.$queryRaw<{ task_id: string }[]>`
      SELECT s.task_id FROM task_submission s JOIN task t ON t.id = s.task_id WHERE s.status = 'pending' AND t.campaign_id = ${campaignId}`;
    for (const s of pending) differ({ entity: 'task', id: s.task_id, field: 'submission', workflow: 'not yet taken', database: 'pending' });

    // Every decision on a task is in the audit trail exactly once (its key makes a second write a no-op).
    const done = await db.task.findMany({ where: { campaignId, status: 'done' }, select: { id: true } });
    const audited = await db.auditEvent.groupBy({ by: ['entityId'], where: { campaignId, action: 'task.completed' }, _count: { _all: true } });
    for (const t of done) {
      const n = audited.find((a) => a.entityId === t.id)?._count._all ?? 0;
      if (n !== 1) differ({ entity: 'audit', id: t.id, field: 'task.completed entries', workflow: 1, database: n });
    }
  }
  return out;
}

/** Checks until the projections agree with the workflows or `timeoutMs` passes; returns what still differs. */
export async function waitForConsistency(db: PrismaClient, client: Client, campaignIds: string[], timeoutMs = 60_000): Promise<Mismatch[]> {
  const end = Date.now() + timeoutMs;
  let last: Mismatch[];
  for (;;) {
    try {
      last = await checkConsistency(db, client, campaignIds);
      if (!last.length) return last;
    } catch (e) {
      // A query needs a worker and a server: after a restart they may still be coming up.
      last = [{ entity: 'campaign', id: campaignIds.join(','), field: 'check failed', workflow: String(e), database: null }];
    }
    if (Date.now() > end) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
}
