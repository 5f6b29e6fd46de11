// Filing an application to a Lijiang register (seeds/lijiang-database-intake.txt 附件1 第17条, 附件2 第8条):
// the form checked against the intake standard (every missing mandatory item listed in one 400), its
// attachments checked, a second application for the same product or account refused, the review priority
// computed, and the application handed to the campaign's workflow. Used by the API and the demo.
import { createHash } from 'node:crypto';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { PrismaClient } from '../prisma/db.js';
import type { CampaignDefinition } from '../domain/campaign-definition.js';
import { checkIntakeForm, entryIdentity, entryName, flagsOf, formAttachments, priorityOf, type Reason } from '../domain/intake.js';
import type { Actor } from '../domain/roles.js';
import { fileIntakeApplicationUpdate } from '../workflows/messages.js';
import { UNBOUND_UPLOAD_FILING_MS } from '../activities/housekeeping.js';
import { badRequest, conflict, forbidden } from './errors.js';
import { definitionOfKind } from './campaign-access.js';
import { sendArrival } from './arrivals.js';

/** A campaign of a register programme, with its intake rules; any other programme is a 400 (staff and applicants alike). */
export function registerCampaign<C extends { id: string; def: CampaignDefinition }>(c: C) {
  if (c.def.kind !== 'register') throw badRequest(`活动 ${c.id} 不是入库项目`, `campaign ${c.id} is not a register programme`);
  return { ...c, intake: c.def.rules.intake };
}

/**
 * Files the application of operator `o` (the staff route checked that `o` is in the filer's jurisdiction,
 * the applicants' portal that `o` is the signed-in applicant itself); `actor` is the filer, whose own
 * uploads alone the application may use.
 */
export async function fileIntakeApplication(
  db: PrismaClient,
  client: Client,
  c: { id: string; workflowId: string; def: CampaignDefinition },
  o: { id: string; name: string; uscc: string; jurisdictionId: string },
  input: unknown,
  actor: Actor,
): Promise<{ entryId: string; caseId: string; queued: number; priority: number; priorityReasons: Reason[]; flags: Reason[] }> {
  const checked = checkIntakeForm(input);
  if (!checked.form) {
    const missing = checked.problems.map((p) => p.messageZh).join('；');
    throw badRequest(
      `申报材料不符合入库标准：${missing}`,
      `the application does not meet the intake standard: ${checked.problems.map((p) => p.messageEn).join('; ')}`,
      checked.problems,
    );
  }
  const form = checked.form;
  const attachments = formAttachments(form);
  if (attachments.length) {
    const found = await db.attachment.findMany({
      where: { id: { in: attachments.map((a) => a.id) } },
      select: { id: true, entryId: true, uploadedById: true, uploadedAt: true },
    });
    // An upload is its uploader's until an application uses it (GET /attachments/:id shows it to no one
    // else): another user's id, however learnt, binds nothing (OWASP ASVS 4.2.1, insecure direct object reference).
    const foreign = found.find((f) => f.uploadedById !== actor.userId);
    if (foreign)
      throw forbidden(
        `附件 ${foreign.id} 不是您上传的，不能用于申报`,
        `attachment ${foreign.id} was uploaded by another user and cannot be used in your application`,
      );
    const problems = attachments.flatMap((a, i) => {
      const f = found.find((x) => x.id === a.id);
      if (!f) return [{ path: `form.${a.field}`, messageZh: `附件 ${a.id} 不存在`, messageEn: `attachment ${a.id} does not exist` }];
      if (f.entryId)
        return [{ path: `form.${a.field}`, messageZh: `附件 ${a.id} 已用于其他申报`, messageEn: `attachment ${a.id} belongs to another application` }];
      // Unused uploads are deleted a day after upload (README "Housekeeping"): one about to go is refused
      // now rather than bound by the workflow after it is gone.
      if (f.uploadedAt.getTime() < Date.now() - UNBOUND_UPLOAD_FILING_MS)
        return [
          {
            path: `form.${a.field}`,
            messageZh: `附件 ${a.id} 上传已超过 23 小时，请重新上传`,
            messageEn: `attachment ${a.id} was uploaded over 23 hours ago: upload it again`,
          },
        ];
      if (attachments.findIndex((x) => x.id === a.id) !== i)
        return [{ path: `form.${a.field}`, messageZh: `附件 ${a.id} 重复`, messageEn: `attachment ${a.id} given twice` }];
      return [];
    });
    if (problems.length)
      throw badRequest(
        `附件无效：${problems.map((p) => p.messageZh).join('；')}`,
        `invalid attachments: ${problems.map((p) => p.messageEn).join('; ')}`,
        problems,
      );
  }
  const identity = entryIdentity(form);
  const existing = await db.registerEntry.findFirst({ where: { campaignId: c.id, register: form.register, operatorId: o.id, identity } });
  if (existing)
    throw conflict(
      `「${o.name}」已申报「${existing.name}」（${existing.status}）`,
      `${o.name} has already applied for "${existing.name}" (${existing.status})`,
    );
  const { priority, reasons } = priorityOf(form, definitionOfKind(c, 'register').settings.priorityFollowers);
  // One case per applicant and product (or primary account): the same one twice, even at once, is one id.
  const caseId = `${c.id}:${form.register}:${o.id}:${createHash('sha256').update(identity).digest('hex').slice(0, 10)}`;
  const seed = { caseId, operatorId: o.id, operatorName: o.name, operatorUscc: o.uscc, jurisdictionId: o.jurisdictionId, track: form.register };
  const entry = { register: form.register, name: entryName(form), identity, priority, priorityReasons: reasons, flags: flagsOf(form), form, attachments };
  // Through the campaign's arrival shard (api/arrivals.ts): refused 409 outside the window or the same application twice.
  const file = (h: WorkflowHandle, updateId: string) => h.executeUpdate(fileIntakeApplicationUpdate, { args: [{ seed, entry, actor }], updateId });
  const out = await sendArrival(client, c.workflowId, { toShard: file, toCampaign: file });
  return { entryId: out.caseId, caseId: out.caseId, queued: out.queued, priority, priorityReasons: reasons, flags: entry.flags };
}
