// Delivering a 双随机 draw to the cases (workflows/inspection-draw.ts): a signal per case, through the
// Temporal client, so the campaign's own history does not grow with its cases.
import { heartbeat } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { PrismaClient } from '../prisma/generated/client.js';
import type { DrawResult } from '../domain/inspection-draw.js';
import { inspectionDrawnSignal } from '../workflows/messages.js';
import { caseWorkflowId } from '../workflows/ids.js';
import type { Dispatch } from './notify.js';

const CHUNK = 50;

export function inspectionDrawActivities(db: PrismaClient, dispatch?: Dispatch) {
  /** Every case of the draw in a fixed order: the drawn, then the rest. */
  async function outcomes(campaignId: string) {
    const d = await db.inspectionDraw.findUniqueOrThrow({ where: { campaignId } });
    const r = d.result as unknown as DrawResult;
    return {
      seed: d.seed,
      list: [...r.drawn.map((x) => ({ caseId: x.caseId, inspectors: x.inspectors })), ...r.notDrawn.map((caseId) => ({ caseId, inspectors: [] as string[] }))],
    };
  }
  return {
    async drawChunks({ campaignId }: { campaignId: string }): Promise<number> {
      return Math.ceil((await outcomes(campaignId)).list.length / CHUNK);
    },
    async tellCasesOfDraw({ campaignId, chunk }: { campaignId: string; chunk: number }): Promise<void> {
      if (!dispatch) throw new Error('a draw is delivered through the Temporal client (the worker passes it)');
      const { seed, list } = await outcomes(campaignId);
      const part = list.slice(chunk * CHUNK, (chunk + 1) * CHUNK);
      const users = await db.user.findMany({ where: { id: { in: part.flatMap((p) => p.inspectors) } }, select: { id: true, displayName: true } });
      for (const [i, p] of part.entries()) {
        const inspectors = p.inspectors.map((id) => ({ userId: id, displayName: users.find((u) => u.id === id)?.displayName ?? id }));
        try {
          await dispatch.client.workflow.getHandle(caseWorkflowId(p.caseId)).signal(inspectionDrawnSignal, { drawn: inspectors.length > 0, inspectors, seed });
        } catch (e) {
          // A case that has ended (its campaign is over) has nothing left to inspect.
          if (!(e instanceof WorkflowNotFoundError)) throw e;
        }
        heartbeat(i);
      }
    },
  };
}
