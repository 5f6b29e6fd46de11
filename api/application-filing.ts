// Filing an application for a green live room (舟山方案 六、（二）组织申报), shared by the county officer filing
// on the operator's behalf (POST /campaigns/:id/applications) and the live room filing its own (POST
// /portal/applications): the eligibility rules of 三、培育对象 (every reason named in one 400, nothing
// stored), then the case handed to the campaign through its arrival shard, which refuses it (409) when
// the application stage is not open or the room has applied already.
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { PrismaClient } from '../prisma/db.js';
import type { ApplicationDocument } from '../domain/application-form.js';
import { caseIdOf } from '../domain/case.js';
import { eligibilityProblems, type EligibilityProblem } from '../domain/register.js';
import type { Actor } from '../domain/roles.js';
import { shanghaiDate } from '../domain/time.js';
import { fileApplicationUpdate, type FileApplicationInput } from '../workflows/messages.js';
import { sendArrival } from './arrivals.js';
import { jurisdictionSubtree } from './enrolment.js';
import { badRequest } from './errors.js';

type Operator = { id: string; name: string; uscc: string; jurisdictionId: string; registeredOn: Date; abnormalListed: boolean; dishonestListed: boolean };
type Campaign = { id: string; workflowId: string; jurisdictionId: string };

/** Why the operator may not apply to the campaign today (Asia/Shanghai: eligibility is judged on that date); empty if it may. */
export async function applicationProblems(db: PrismaClient, c: Campaign, o: Operator): Promise<EligibilityProblem[]> {
  const city = await db.jurisdiction.findUniqueOrThrow({ where: { id: c.jurisdictionId } });
  const inCity = (await jurisdictionSubtree(db, c.jurisdictionId)).has(o.jurisdictionId);
  return eligibilityProblems(
    { name: o.name, registeredOn: o.registeredOn.toISOString().slice(0, 10), abnormalListed: o.abnormalListed, dishonestListed: o.dishonestListed, inCity },
    shanghaiDate(Date.now()),
    city.name,
  );
}

/** Files the application: refused 400 with every eligibility reason, 409 from the campaign; the new case's id. */
export async function fileApplication(
  db: PrismaClient,
  client: Client,
  c: Campaign,
  o: Operator,
  document: ApplicationDocument,
  actor: Actor,
): Promise<{ caseId: string }> {
  const problems = await applicationProblems(db, c, o);
  if (problems.length)
    throw badRequest(
      `不符合申报条件：${problems.map((p) => p.messageZh).join('；')}`,
      `not eligible: ${problems.map((p) => p.messageEn).join('; ')}`,
      problems.map((p) => ({ path: `operatorId.${p.code}`, messageZh: p.messageZh, messageEn: p.messageEn })),
    );
  const seed = { caseId: caseIdOf(c.id, o.id), operatorId: o.id, operatorName: o.name, operatorUscc: o.uscc, jurisdictionId: o.jurisdictionId, track: null };
  const args: [FileApplicationInput] = [{ seed, form: document, actor }];
  const file = (h: WorkflowHandle, updateId: string) => h.executeUpdate(fileApplicationUpdate, { args, updateId });
  return sendArrival(client, c.workflowId, { toShard: file, toCampaign: file });
}
