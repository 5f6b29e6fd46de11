// Evidence on a case (DOMAIN.md "Evidence: a file on a task or case"): the ids an operator's self-check
// (长兴方案 四、（二）) or rectification proof (四、（三）) carries are checked here before anything is recorded,
// every problem named in one 400; the completion's activity (activities/task.ts) or the proof's insert
// then binds them to the case, so the operator and the staff over the case can read them.
import type { PrismaClient } from '../prisma/db.js';
import type { Prisma } from '../prisma/generated/client.js';
import type { Actor } from '../domain/roles.js';
import { EVIDENCE_TYPES, type EvidenceRef } from '../domain/evidence.js';
import { UNBOUND_UPLOAD_FILING_MS } from '../activities/housekeeping.js';
import { bindFiles } from '../activities/evidence.js';
import { badRequest, type FieldProblem } from './errors.js';

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Each id must exist, be an image or a PDF, and be either this case's already (a returned self-check
 * handed in again) or an unbound upload of the actor's own — the operator's, or the officer's acting for it
 * (OWASP ASVS 4.2.1: an id learnt some other way binds nothing). Otherwise 400 with a reason per id.
 */
export async function checkEvidence(
  db: Db,
  caseId: string | null,
  actor: Actor,
  refs: EvidenceRef[],
  /** What a form's evidence may be; a file attached to a task or case as such may be any uploadable type (README "Comments and files"). */
  allowed: readonly string[] = EVIDENCE_TYPES,
): Promise<void> {
  if (!refs.length) return;
  if (!caseId)
    throw badRequest(
      '此任务不能附加证据文件',
      'this task takes no evidence files',
      refs.map((r) => ({ path: r.path, messageZh: '不能附加文件', messageEn: 'no files here' })),
    );
  const found = await db.attachment.findMany({
    where: { id: { in: [...new Set(refs.map((r) => r.id))] } },
    select: { id: true, filename: true, contentType: true, entryId: true, caseId: true, uploadedById: true, uploadedAt: true },
  });
  const problems: FieldProblem[] = [];
  refs.forEach((r, i) => {
    const a = found.find((f) => f.id === r.id);
    const say = (zh: string, en: string) => problems.push({ path: r.path, messageZh: zh, messageEn: en });
    if (!a) return say(`证据文件 ${r.id} 不存在`, `evidence file ${r.id} does not exist`);
    // Another's file is named by its id only: its name is not the caller's to learn.
    const known = a.uploadedById === actor.userId || a.caseId === caseId;
    const [zhName, enName] = known ? [`「${a.filename}」`, `"${a.filename}"`] : [` ${r.id} `, r.id];
    if (refs.findIndex((x) => x.id === r.id) !== i) return say(`证据文件${zhName}重复提交`, `evidence file ${enName} is given twice`);
    if (a.entryId || (a.caseId && a.caseId !== caseId)) return say(`证据文件${zhName}已用于其他案件或申报`, `evidence file ${enName} is attached elsewhere`);
    if (!allowed.includes(a.contentType))
      return say(`证据文件${zhName}须为图片（JPEG、PNG、WebP）或 PDF`, `evidence file ${enName} must be an image (JPEG, PNG, WebP) or a PDF`);
    if (a.caseId === caseId) return; // already this case's evidence
    if (a.uploadedById !== actor.userId) return say(`证据文件 ${r.id} 不是您上传的`, `evidence file ${r.id} was not uploaded by you`);
    // Unused uploads are deleted a day after upload (README "Housekeeping"): one about to go is refused now.
    if (a.uploadedAt.getTime() < Date.now() - UNBOUND_UPLOAD_FILING_MS)
      return say(`证据文件${zhName}上传已超过 23 小时，请重新上传`, `evidence file ${enName} was uploaded over 23 hours ago: upload it again`);
  });
  if (problems.length)
    throw badRequest(
      `证据文件无效：${problems.map((p) => p.messageZh).join('；')}`,
      `invalid evidence files: ${problems.map((p) => p.messageEn).join('; ')}`,
      problems,
    );
}

/** Binds checked uploads to the case (and the task or proof that first carried them); idempotent. */
export async function bindEvidence(db: Db, ids: string[], caseId: string, uploader: string | null, taskId?: string): Promise<number> {
  if (!ids.length || !uploader) return 0;
  const r = await db.attachment.updateMany({
    where: { id: { in: ids }, entryId: null, caseId: null, uploadedById: uploader },
    data: { caseId, ...(taskId ? { taskId } : {}) },
  });
  return r.count;
}

export interface EvidenceFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: Date;
}

/** What the console needs to show files of a case (a thumbnail for an image, a link otherwise); ids not of the case are left out. */
export async function evidenceFiles(db: Db, caseId: string | null, ids?: string[]): Promise<EvidenceFile[]> {
  if (!caseId) return [];
  return db.attachment.findMany({
    where: { caseId, ...(ids ? { id: { in: ids } } : {}) },
    select: { id: true, filename: true, contentType: true, size: true, sha256: true, uploadedAt: true },
    orderBy: [{ uploadedAt: 'asc' }, { id: 'asc' }],
  });
}

/** bindFiles (activities/evidence.ts) in a transaction of its own: files added to a task or case after its decision. */
export async function bindAudited(
  db: PrismaClient,
  ids: string[],
  actor: Actor,
  on: { caseId: string; taskId?: string; campaignId: string; jurisdictionId: string; entityType: string; entityId: string },
): Promise<string[]> {
  if (!ids.length || !actor.userId) return [];
  return db.$transaction((tx) => bindFiles(tx, ids, actor, on));
}
