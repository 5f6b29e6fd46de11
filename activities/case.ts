import type { PrismaClient } from '../prisma/generated/client.js';
import { SYSTEM_ACTOR, type Actor } from '../domain/roles.js';
import { appendAudit } from './audit.js';

export interface CaseSeed {
  caseId: string;
  operatorId: string;
  operatorName: string;
  operatorUscc: string;
  jurisdictionId: string;
  track: string | null;
}

export function caseActivities(db: PrismaClient) {
  return {
    /** A case is one operator enrolled in a campaign (DOMAIN.md "Case"). */
    async projectCase(input: { campaignId: string; seed: CaseSeed; workflowId: string; actor: Actor }): Promise<void> {
      const now = new Date();
      const s = input.seed;
      await db.$transaction(async (tx) => {
        await tx.case.createMany({
          skipDuplicates: true,
          data: [{ id: s.caseId, campaignId: input.campaignId, operatorId: s.operatorId, jurisdictionId: s.jurisdictionId, track: s.track, status: 'active', currentStep: 'enrolled', workflowId: input.workflowId, createdAt: now, updatedAt: now }],
        });
        await appendAudit(tx, { key: `case:${s.caseId}:enrolled`, actor: input.actor, action: 'case.enrolled', entityType: 'case', entityId: s.caseId, campaignId: input.campaignId, jurisdictionId: s.jurisdictionId, data: { operatorId: s.operatorId, track: s.track } });
      });
    },

    async updateCaseStep(input: { caseId: string; currentStep: string; completed?: boolean }): Promise<void> {
      const c = await db.case.update({
        where: { id: input.caseId },
        data: { currentStep: input.currentStep, updatedAt: new Date(), ...(input.completed ? { status: 'completed' } : {}) },
      });
      if (input.completed) {
        await appendAudit(db, { key: `case:${input.caseId}:completed`, actor: SYSTEM_ACTOR, action: 'case.completed', entityType: 'case', entityId: input.caseId, campaignId: c.campaignId, jurisdictionId: c.jurisdictionId });
      }
    },
  };
}
