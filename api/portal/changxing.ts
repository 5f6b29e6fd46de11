// Changxing by the operator (长兴放心电商): the rectification order reaches the operator with its findings
// and deadline, and the operator hands in its proof before the deadline (长兴方案 四、（三）集中治理阶段：约谈、
// 行政指导，限期整改); staff may file the proof for an operator. The evidence of its self-check (四、（二）自查
// 自纠) and of its proofs is listed for the case; the verification task shows the proof of its round.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import type { Task } from '../../prisma/generated/client.js';
import { withKind, type CampaignDefinition } from '../../domain/campaign-definition.js';
import { MAX_PROOF_FILES } from '../../domain/evidence.js';
import { OPERATOR_ROLE, type Actor } from '../../domain/roles.js';
import { SELF_CHECK_AREAS } from '../../domain/self-check.js';
import { shanghaiDateTime } from '../../domain/time.js';
import { appendAudit } from '../../activities/audit.js';
import { conflict, parseOr400 } from '../errors.js';
import { route } from '../routes.js';
import { userNames } from '../user-names.js';
import { actorOf, caseInScope } from '../scope.js';
import { actingFor } from '../acting-for.js';
import { bindEvidence, checkEvidence, evidenceFiles, type EvidenceFile } from '../evidence.js';
import { operatorOf, ownCase } from './own.js';

const proofBody = z
  .object({
    round: z.number().int().min(1).max(99),
    note: z.string().trim().min(1, '请说明整改情况 / describe what was rectified').max(4000),
    attachmentIds: z.array(z.string().uuid()).max(MAX_PROOF_FILES, `最多 ${MAX_PROOF_FILES} 个文件 / at most ${MAX_PROOF_FILES} files`).default([]),
  })
  .strict();

interface OrderData {
  round?: number;
  measure?: 'interview' | 'guidance';
  rectifyBy?: number;
  findings?: { key: string; finding: string; description?: string }[];
  previousNote?: string;
}

export interface RectificationProofView {
  id: string;
  round: number;
  note: string;
  files: EvidenceFile[];
  submittedAt: Date;
  submittedBy: string;
  /** Filed by staff for the operator. */
  onBehalfOf: boolean;
}

/** The proofs handed in for a case (of one round, if given), oldest first, with their files. */
export async function rectificationProofs(db: PrismaClient, caseId: string, round?: number): Promise<RectificationProofView[]> {
  const rows = await db.rectificationProof.findMany({
    where: { caseId, ...(round ? { round } : {}) },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
  });
  const ids = rows.flatMap((p) => p.attachmentIds as string[]);
  const [files, nameOf] = await Promise.all([
    evidenceFiles(db, caseId, ids),
    userNames(
      db,
      rows.map((p) => p.submittedById),
    ),
  ]);
  return rows.map((p) => ({
    id: p.id,
    round: p.round,
    note: p.note,
    files: (p.attachmentIds as string[]).map((id) => files.find((f) => f.id === id)).filter((f): f is EvidenceFile => !!f),
    submittedAt: p.submittedAt,
    submittedBy: nameOf(p.submittedById) ?? '—',
    onBehalfOf: !!p.onBehalfOf,
  }));
}

/**
 * The rectification orders of a case, as recorded (`case.rectification_ordered`, one per round), each with
 * where it stands: `open` until its deadline (proof taken), then `verifying` (the verification task opens
 * at the deadline), then `passed` or `not_passed` by the verification's result.
 */
export async function rectificationOrders(db: PrismaClient, caseId: string, now = Date.now()) {
  const [events, verifications, proofs] = await Promise.all([
    db.auditEvent.findMany({ where: { entityType: 'case', entityId: caseId, action: 'case.rectification_ordered' }, orderBy: { id: 'asc' } }),
    db.task.findMany({ where: { caseId, type: 'verification' }, orderBy: { createdAt: 'asc' } }),
    rectificationProofs(db, caseId),
  ]);
  return events.map((e) => {
    const d = (e.data ?? {}) as OrderData;
    const round = d.round ?? 1;
    const v = verifications.find((t) => ((t.details ?? {}) as { round?: number }).round === round);
    const result = (v?.result ?? null) as { passed?: boolean; note?: string } | null;
    const state = v?.status === 'done' ? (result?.passed ? 'passed' : 'not_passed') : v || (d.rectifyBy ?? 0) <= now ? 'verifying' : 'open';
    return {
      round,
      measure: d.measure ?? null,
      rectifyBy: d.rectifyBy ?? null,
      findings: (d.findings ?? []).map((f) => {
        const area = SELF_CHECK_AREAS.find((x) => x.key === f.key);
        return { ...f, name: area?.name ?? f.key, nameEn: area?.nameEn ?? f.key };
      }),
      previousNote: d.previousNote ?? null,
      reason: e.reason,
      clause: e.clause,
      orderedAt: e.at,
      state: state as 'open' | 'verifying' | 'passed' | 'not_passed',
      verification: v?.status === 'done' ? { passed: !!result?.passed, note: result?.note ?? null, completedAt: v.completedAt } : null,
      proofs: proofs.filter((p) => p.round === round),
    };
  });
}

/** The clause a proof is filed under: the campaign's own wording of 限期整改. */
async function rectificationClause(db: PrismaClient, campaignId: string): Promise<string> {
  const k = await db.campaign.findUnique({ where: { id: campaignId }, select: { definition: true } });
  const def = k ? withKind(k.definition as unknown as CampaignDefinition) : undefined;
  return def?.kind === 'staged_award' ? def.rules.clauses.rectification : '长兴方案 四、（三）集中治理阶段（限期整改）';
}

/**
 * Files a proof against the case's open order of `round`, before its deadline; refused (409, nothing
 * recorded) when there is no such order, it is not the latest, or its deadline has passed.
 */
async function fileProof(db: PrismaClient, c: { id: string; campaignId: string; jurisdictionId: string; operatorId: string }, actor: Actor, body: unknown) {
  const b = parseOr400(proofBody, body);
  const orders = await rectificationOrders(db, c.id);
  const order = orders.find((o) => o.round === b.round);
  if (!order) {
    const open = orders.find((o) => o.state === 'open');
    throw conflict(
      open ? `没有第 ${b.round} 轮整改通知（当前为第 ${open.round} 轮）` : '当前没有待整改的通知，不能提交整改材料',
      open ? `there is no rectification order of round ${b.round} (the open one is round ${open.round})` : 'there is no open rectification order to answer',
    );
  }
  if (order.state !== 'open') {
    const by = order.rectifyBy ? shanghaiDateTime(order.rectifyBy) : '';
    throw conflict(
      `第 ${order.round} 轮整改期限（${by}）已过，不能再提交整改材料`,
      `the deadline of round ${order.round} (${by}, UTC+8) has passed: no more proof can be filed`,
    );
  }
  await checkEvidence(
    db,
    c.id,
    actor,
    b.attachmentIds.map((id, i) => ({ id, path: `attachmentIds.${i}` })),
  );
  const id = randomUUID();
  const now = new Date();
  const clause = await rectificationClause(db, c.campaignId);
  await db.$transaction(async (tx) => {
    await tx.rectificationProof.create({
      data: {
        id,
        caseId: c.id,
        round: b.round,
        note: b.note,
        attachmentIds: b.attachmentIds,
        submittedById: actor.userId!,
        onBehalfOf: actor.onBehalfOf?.operatorId ?? null,
        submittedAt: now,
      },
    });
    await bindEvidence(tx, b.attachmentIds, c.id, actor.userId);
    await appendAudit(
      tx,
      {
        key: `case:${c.id}:rectification_proof:${id}`,
        actor,
        action: 'case.rectification_proof_submitted',
        entityType: 'case',
        entityId: c.id,
        campaignId: c.campaignId,
        jurisdictionId: c.jurisdictionId,
        reason: b.note,
        clause,
        data: { proofId: id, round: b.round, attachmentIds: b.attachmentIds },
      },
      now,
    );
  });
  return (await rectificationProofs(db, c.id, b.round)).find((p) => p.id === id)!;
}

/** What the staff task page adds for Changxing's work: for whom, the evidence, the proof of the round. */
export async function taskExtras(db: PrismaClient, t: Task) {
  const out: Record<string, unknown> = {};
  const forWhom = await actingFor(db, t);
  if (forWhom) out.actingFor = forWhom;
  if (t.type === 'self_check' || t.type === 'self_check_review') out.evidenceFiles = await evidenceFiles(db, t.caseId);
  if (t.type === 'verification' && t.caseId) out.proofs = await rectificationProofs(db, t.caseId, ((t.details ?? {}) as { round?: number }).round ?? 1);
  return out;
}

const OPERATOR_ONLY = [OPERATOR_ROLE] as const;

export function portalChangxingRouter(db: PrismaClient): Router {
  const r = Router();

  route(
    r,
    {
      method: 'get',
      path: '/portal/cases/:id/rectification',
      summary: 'The rectification orders on one of the operator’s own cases: findings, deadline, state, verification, proofs handed in',
      tag: 'portal',
      roles: OPERATOR_ONLY,
    },
    async (req, _res, me) => {
      const c = await ownCase(db, me, String(req.params.id));
      const orders = await rectificationOrders(db, c.id);
      return { caseId: c.id, orders, openRound: orders.find((o) => o.state === 'open')?.round ?? null };
    },
  );

  route(
    r,
    {
      method: 'get',
      path: '/portal/cases/:id/evidence',
      summary: 'The evidence files on one of the operator’s own cases (self-check and rectification proofs): name, type, size, SHA-256',
      tag: 'portal',
      roles: OPERATOR_ONLY,
    },
    async (req, _res, me) => evidenceFiles(db, (await ownCase(db, me, String(req.params.id))).id),
  );

  route(
    r,
    {
      method: 'post',
      path: '/portal/cases/:id/rectification-proof',
      summary:
        'Hand in proof of rectification (note and files from POST /attachments) against the open order of its round, before the deadline (409 after it, or with no open order)',
      tag: 'portal',
      roles: OPERATOR_ONLY,
      body: proofBody,
    },
    async (req, res, me) => {
      const c = await ownCase(db, me, String(req.params.id));
      const o = await db.operator.findUniqueOrThrow({ where: { id: operatorOf(me) }, select: { name: true } });
      const proof = await fileProof(db, c, { userId: me.id, role: OPERATOR_ROLE, displayName: o.name }, req.body);
      res.status(201);
      return proof;
    },
  );
  return r;
}

/** Staff reading and filing rectification proof for an operator's case of their jurisdiction. */
export function rectificationProofRouter(db: PrismaClient): Router {
  const r = Router();

  route(
    r,
    {
      method: 'get',
      path: '/cases/:id/rectification',
      summary: 'A case’s rectification orders with their state and the proofs handed in per round',
      tag: 'cases',
    },
    async (req, _res, me) => {
      const c = await caseInScope(db, String(req.params.id), me);
      return { caseId: c.id, orders: await rectificationOrders(db, c.id) };
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/cases/:id/rectification-proof',
      summary: 'File proof of rectification for the case’s operator (one without an account, or who brought it in): audited as done for the operator',
      tag: 'cases',
      roles: ['county_officer', 'coordinator'],
      body: proofBody,
    },
    async (req, res, me) => {
      const c = await caseInScope(db, String(req.params.id), me);
      const o = await db.operator.findUniqueOrThrow({ where: { id: c.operatorId }, select: { id: true, name: true } });
      const proof = await fileProof(db, c, { ...actorOf(me), onBehalfOf: { operatorId: o.id, operatorName: o.name } }, req.body);
      res.status(201);
      return proof;
    },
  );
  return r;
}
