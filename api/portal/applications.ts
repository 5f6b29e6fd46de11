// A live room's own application (舟山方案 六、（二）组织申报: "按照自愿原则，由直播间运营者提出申请，属地市场监管
// 部门进行初步审查"): the campaigns it may apply to, filing with its attachments and the signed compliance
// statement, following it through the county pre-review, the city audit, the cultivation list and the
// province's answer, and answering a return for material by editing its form (a new version each time).
// Everything is the signed-in operator's own (api/portal/own.ts); filing shares its checks with the
// county officer's filing (api/application-filing.ts).
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { applicationFormSchema, splitDocument, type ApplicationDocument, type SignedStatement } from '../../domain/application-form.js';
import { COMPLIANCE_STATEMENT } from '../../domain/application-statement.js';
import { withKind, type CampaignDefinition, type CampaignDefinitionOf } from '../../domain/campaign-definition.js';
import { OPERATOR_ROLE, type Actor } from '../../domain/roles.js';
import { UNBOUND_UPLOAD_FILING_MS } from '../../activities/housekeeping.js';
import { applicationProblems, fileApplication } from '../application-filing.js';
import { definitionOfKind } from '../campaign-access.js';
import { badRequest, conflict, notFound, parseOr400, type FieldProblem } from '../errors.js';
import { route } from '../routes.js';
import type { Principal } from '../scope.js';
import { completeTask, completionAnswer } from '../task-completion.js';
import { stepOf } from '../resources/applications.js';
import { operatorOf, ownCase } from './own.js';
import { CASE_DECISIONS, stepText, type Text } from './readable.js';

const OPERATOR_ONLY = [OPERATOR_ROLE] as const;
const attachmentIds = () => z.array(z.string().uuid()).max(20);

const fileBody = z
  .object({
    campaignId: z.string().min(1).max(200),
    form: applicationFormSchema(),
    attachmentIds: attachmentIds().optional(),
    // The statement is the one shown (its version), signed by the legal representative by name.
    complianceStatement: z.object({ version: z.string().max(100), signatory: z.string().trim().min(1).max(50) }).strict(),
  })
  .strict();
const resubmitBody = z
  .object({ form: applicationFormSchema(), attachmentIds: attachmentIds().optional(), supplied: z.string().trim().min(1).max(2000).optional() })
  .strict();

/** The five steps of 六、实施步骤 as the live room follows them. */
const STEP_NAMES: { key: string; name: Text }[] = [
  { key: 'apply', name: { zh: '申报', en: 'Application' } },
  { key: 'pre_review', name: { zh: '县级预审', en: 'County pre-review' } },
  { key: 'city_audit', name: { zh: '市级审核', en: 'City audit' } },
  { key: 'list', name: { zh: '培育名单', en: 'Cultivation list' } },
  { key: 'province', name: { zh: '省级推荐', en: 'Provincial nomination' } },
];
type StepState = 'done' | 'current' | 'failed' | 'pending';

/** Where the application stands on those steps, from the case's step (api/resources/applications.ts stepOf) and its listing. */
export function applicationSteps(step: ReturnType<typeof stepOf>, nomination?: string): { key: string; name: Text; state: StepState }[] {
  const at: Record<ReturnType<typeof stepOf>, [number, StepState]> = {
    filed: [1, 'current'],
    pre_review: [1, 'current'],
    returned: [1, 'current'],
    rejected: [1, 'failed'],
    reported: [2, 'current'],
    vetoed: [2, 'failed'],
    audited: [3, 'current'],
    not_listed: [3, 'failed'],
    removed: [3, 'failed'],
    listed:
      nomination === 'accepted'
        ? [5, 'done']
        : nomination === 'pending'
          ? [4, 'current']
          : nomination === 'declined' || nomination === 'withdrawn'
            ? [4, 'failed']
            : [4, 'pending'],
  };
  const [index, state] = at[step];
  return STEP_NAMES.map((s, i) => ({ ...s, state: i < index ? 'done' : i === index ? state : 'pending' }));
}

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * The attachments a submission lists: each must exist, be given once, be this case's already (kept from a
 * previous version) or an unbound upload of the submitter's own, not about to be deleted (OWASP ASVS 4.2.1:
 * an id learnt some other way binds nothing). Every problem named in one 400; nothing is stored.
 */
async function checkAttachments(db: Db, ids: string[], caseId: string | null, actor: Actor): Promise<void> {
  if (!ids.length) return;
  const found = await db.attachment.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, filename: true, entryId: true, caseId: true, uploadedById: true, uploadedAt: true },
  });
  const problems: FieldProblem[] = [];
  ids.forEach((id, i) => {
    const a = found.find((f) => f.id === id);
    const say = (zh: string, en: string) => problems.push({ path: `attachmentIds.${i}`, messageZh: zh, messageEn: en });
    if (!a) return say(`附件 ${id} 不存在`, `attachment ${id} does not exist`);
    // Another's file is named by its id only: its name is not the caller's to learn.
    const known = a.uploadedById === actor.userId || a.caseId === caseId;
    const [zhName, enName] = known ? [`「${a.filename}」`, `"${a.filename}"`] : [` ${id} `, id];
    if (ids.indexOf(id) !== i) return say(`附件${zhName}重复`, `attachment ${enName} is listed twice`);
    if (a.entryId || (a.caseId && a.caseId !== caseId)) return say(`附件${zhName}已用于其他申报`, `attachment ${enName} belongs to another application`);
    if (a.caseId) return; // this application's already
    if (a.uploadedById !== actor.userId) return say(`附件 ${id} 不是您上传的`, `attachment ${id} was not uploaded by you`);
    if (a.uploadedAt.getTime() < Date.now() - UNBOUND_UPLOAD_FILING_MS)
      return say(`附件${zhName}上传已超过 23 小时，请重新上传`, `attachment ${enName} was uploaded over 23 hours ago: upload it again`);
  });
  if (problems.length)
    throw badRequest(
      `附件无效：${problems.map((p) => p.messageZh).join('；')}`,
      `invalid attachments: ${problems.map((p) => p.messageEn).join('; ')}`,
      problems,
    );
}

const attachmentInfo = (db: Db, ids: string[]) =>
  ids.length
    ? db.attachment
        .findMany({ where: { id: { in: ids } }, select: { id: true, filename: true, contentType: true, size: true, sha256: true, uploadedAt: true } })
        .then((rows) => ids.map((id) => rows.find((r) => r.id === id)).filter((r) => !!r))
    : Promise.resolve([]);

/** Application-kind campaigns only (Zhoushan and its like); 404 unknown, 400 of another kind. */
async function applicationCampaign(db: PrismaClient, id: string) {
  const c = await db.campaign.findUnique({ where: { id } });
  if (!c) throw notFound('活动 campaign', id);
  const def = withKind(c.definition as unknown as CampaignDefinition) as CampaignDefinition;
  return { ...c, def: definitionOfKind({ def }, 'application') as CampaignDefinitionOf<'application'> };
}

export function portalApplicationsRouter(db: PrismaClient, client: Client, taskQueue: string): Router {
  const r = Router();
  const operatorRow = (me: Principal) => db.operator.findUniqueOrThrow({ where: { id: operatorOf(me) } });
  const actorFor = async (me: Principal): Promise<Actor> => ({ userId: me.id, role: OPERATOR_ROLE, displayName: (await operatorRow(me)).name });

  route(
    r,
    {
      method: 'get',
      path: '/portal/applications/open-campaigns',
      summary:
        'Campaigns the live room may apply to now (an application programme of its city with the application stage open), whether it has applied, why it may not, the 培育准则 and the compliance statement to sign',
      tag: 'portal',
      roles: OPERATOR_ONLY,
    },
    async (_req, _res, me) => {
      const o = await operatorRow(me);
      const j = await db.jurisdiction.findUniqueOrThrow({ where: { id: o.jurisdictionId } });
      const covering = j.path.split('/').filter(Boolean);
      const campaigns = await db.campaign.findMany({
        where: { status: 'running', jurisdictionId: { in: covering } },
        orderBy: [{ year: 'desc' }, { id: 'asc' }],
      });
      const out = [];
      for (const row of campaigns) {
        const def = withKind(row.definition as unknown as CampaignDefinition) as CampaignDefinition;
        if (def.kind !== 'application') continue;
        const app = (def as CampaignDefinitionOf<'application'>).rules.application;
        const stage = await db.stage.findUnique({ where: { campaignId_key: { campaignId: row.id, key: app.applicationStage } } });
        if (!stage || stage.status !== 'open') continue;
        const applied = await db.case.findFirst({ where: { campaignId: row.id, operatorId: o.id }, select: { id: true } });
        const points = (def as CampaignDefinitionOf<'application'>).settings.criterionPoints ?? {};
        const [city, problems] = await Promise.all([db.jurisdiction.findUnique({ where: { id: row.jurisdictionId } }), applicationProblems(db, row, o)]);
        out.push({
          id: row.id,
          name: row.name,
          year: row.year,
          jurisdictionId: row.jurisdictionId,
          jurisdictionName: city?.name ?? row.jurisdictionId,
          stage: { key: stage.key, name: stage.name, nameEn: stage.nameEn, startsAt: stage.startsAt, dueAt: stage.dueAt },
          appliedCaseId: applied?.id ?? null,
          problems: problems.map((p) => ({ code: p.code, zh: p.messageZh, en: p.messageEn })),
          // 四、培育准则: what the city will judge (the 12 criteria and their points).
          criteria: app.rubric.map((g) => ({
            key: g.key,
            name: { zh: g.name, en: g.nameEn },
            criteria: g.criteria.map((c) => ({ key: c.key, name: { zh: c.name, en: c.nameEn }, points: points[c.key] ?? null })),
          })),
        });
      }
      return { statement: COMPLIANCE_STATEMENT, campaigns: out };
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/portal/applications',
      summary:
        'The live room files its own application (the form, its attachments, the signed compliance statement); refused 400 with every eligibility reason (nothing stored), 409 outside the application stage or when it has applied',
      tag: 'portal',
      roles: OPERATOR_ONLY,
      body: fileBody,
    },
    async (req, res, me) => {
      const o = await operatorRow(me);
      const body = parseOr400(fileBody, req.body);
      const c = await applicationCampaign(db, body.campaignId);
      if (body.complianceStatement.version !== COMPLIANCE_STATEMENT.version)
        throw conflict(
          `承诺书内容已更新（现为 ${COMPLIANCE_STATEMENT.version}），请重新阅读后签署`,
          `the compliance statement has changed (now ${COMPLIANCE_STATEMENT.version}): read it again and sign`,
        );
      const actor = await actorFor(me);
      const ids = body.attachmentIds ?? [];
      // Eligibility first, so an ineligible room hears every reason whatever its files.
      const problems = await applicationProblems(db, c, o);
      if (!problems.length) await checkAttachments(db, ids, null, actor);
      const statement: SignedStatement = {
        version: COMPLIANCE_STATEMENT.version,
        text: COMPLIANCE_STATEMENT.zh,
        signatory: body.complianceStatement.signatory,
        signedAt: new Date().toISOString(),
        signedById: me.id,
      };
      const document: ApplicationDocument = { ...body.form, ...(ids.length ? { attachmentIds: ids } : {}), statement };
      const out = await fileApplication(db, client, c, o, document, actor);
      res.status(201);
      return out;
    },
  );

  /** The operator's own application cases (of application-kind campaigns), newest first. */
  async function ownApplications(me: Principal, caseId?: string) {
    const all = await db.case.findMany({
      where: { operatorId: operatorOf(me), ...(caseId ? { id: caseId } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: 500,
    });
    const campaigns = (
      await db.campaign.findMany({
        where: { id: { in: [...new Set(all.map((c) => c.campaignId))] } },
        select: { id: true, name: true, year: true, definition: true },
      })
    ).filter((k) => withKind(k.definition as unknown as CampaignDefinition).kind === 'application');
    const cases = all.filter((c) => campaigns.some((k) => k.id === c.campaignId));
    const ids = cases.map((c) => c.id);
    const [listings, returns] = await Promise.all([
      db.listing.findMany({ where: { caseId: { in: ids } } }),
      db.task.findMany({ where: { caseId: { in: ids }, type: 'resubmission', status: 'open' } }),
    ]);
    return cases.map((c) => {
      const k = campaigns.find((x) => x.id === c.campaignId);
      const listing = listings.find((l) => l.caseId === c.id);
      const step = stepOf(c, listing);
      const form = (c.application ?? {}) as Record<string, unknown>;
      const open = returns.find((t) => t.caseId === c.id);
      return {
        c,
        listing,
        open,
        card: {
          id: c.id,
          campaignId: c.campaignId,
          campaignName: k?.name ?? c.campaignId,
          year: k?.year ?? null,
          liveRoomName: typeof form.liveRoomName === 'string' ? form.liveRoomName : null,
          step,
          stepText: stepText(c.currentStep),
          steps: applicationSteps(step, listing?.nomination),
          returned: open ? { taskId: open.id, dueAt: open.dueAt, reason: (open.details as { reason?: string }).reason ?? null } : null,
          totalScore: c.totalScore,
          updatedAt: c.updatedAt,
        },
      };
    });
  }

  route(
    r,
    {
      method: 'get',
      path: '/portal/applications',
      summary: 'The live room’s own applications as cards: campaign, step of 申报 → 县级预审 → 市级审核 → 培育名单 → 省级推荐, returned or not',
      tag: 'portal',
      roles: OPERATOR_ONLY,
    },
    async (_req, _res, me) => (await ownApplications(me)).map((a) => a.card),
  );

  route(
    r,
    {
      method: 'get',
      path: '/portal/applications/:id',
      summary:
        'One of the live room’s own applications: its steps, decisions with reasons (a return names the missing material), the score once the city has audited, the listing, the current form and its versions',
      tag: 'portal',
      roles: OPERATOR_ONLY,
    },
    async (req, _res, me) => {
      const c = await ownCase(db, me, String(req.params.id));
      const [a] = await ownApplications(me, c.id);
      if (!a) throw notFound('申报 application', c.id);
      const [trail, versions] = await Promise.all([
        db.auditEvent.findMany({
          where: { entityType: 'case', entityId: c.id, action: { in: Object.keys(CASE_DECISIONS) } },
          orderBy: { id: 'asc' },
          take: 500,
        }),
        db.applicationVersion.findMany({ where: { caseId: c.id }, orderBy: { version: 'asc' } }),
      ]);
      const doc = splitDocument((c.application ?? {}) as Record<string, unknown>);
      const parts = Array.isArray(c.scoreParts) ? (c.scoreParts as { dimension: string; name: string; score: number; weight: number }[]) : [];
      const l = a.listing;
      const details = (a.open?.details ?? {}) as { reason?: string; missing?: string[]; version?: number };
      return {
        ...a.card,
        returned: a.open
          ? {
              taskId: a.open.id,
              dueAt: a.open.dueAt,
              reason: details.reason ?? null,
              missing: details.missing ?? [],
              version: details.version ?? versions.length,
            }
          : null,
        decisions: trail.map((e) => {
          const data = (e.data ?? {}) as { missing?: unknown; version?: number; onBehalfOf?: unknown; round?: number };
          return {
            id: String(e.id),
            at: e.at,
            action: e.action,
            what: CASE_DECISIONS[e.action],
            reason: e.reason,
            missing: Array.isArray(data.missing) ? data.missing : [],
            version: data.version ?? null,
            byOperator: e.actorRole === OPERATOR_ROLE,
            onBehalfOf: !!data.onBehalfOf,
          };
        }),
        // The city's audit is given to the room once made: its points per criterion and the total.
        score:
          c.totalScore != null ? { total: c.totalScore, parts: parts.map((p) => ({ key: p.dimension, name: p.name, score: p.score, max: p.weight })) } : null,
        excluded: c.excludedKind ? { kind: c.excludedKind, reason: c.excludedReason } : null,
        listing: l
          ? { status: l.status, rank: l.rank, listedAt: l.listedAt, nomination: l.nomination, removedAt: l.removedAt, removedReason: l.removedReason }
          : null,
        application: { form: doc.form, attachments: await attachmentInfo(db, doc.attachmentIds), statement: doc.statement },
        versions: versions.map((v) => ({
          version: v.version,
          submittedAt: v.submittedAt,
          byOperator: v.onBehalfOf === null,
          attachments: (v.attachmentIds as string[]).length,
        })),
      };
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/portal/applications/:id/resubmit',
      summary:
        'Answer a return for material: the edited form and its attachments (and optionally what was supplied, in words) become the next version, and the application goes back to the county pre-review; 202 when recorded while the workflow service is unavailable (taken later, README "Completing a task"). 409 when not returned',
      tag: 'portal',
      roles: OPERATOR_ONLY,
      body: resubmitBody,
    },
    async (req, res, me) => {
      const c = await ownCase(db, me, String(req.params.id));
      const body = parseOr400(resubmitBody, req.body);
      const t = await db.task.findFirst({ where: { caseId: c.id, type: 'resubmission', status: 'open' }, orderBy: { createdAt: 'desc' } });
      if (!t) throw conflict('该申报未被退回，无需补充材料', 'this application has not been returned for material');
      const actor = await actorFor(me);
      await checkAttachments(db, body.attachmentIds ?? [], c.id, actor);
      const done = await completeTask({ db, client, taskQueue }, t, actor, body);
      // Recorded, and taken by the case once the workflow service answers again (README "Completing a task").
      return completionAnswer(res, done, { caseId: c.id, taskId: t.id });
    },
  );

  return r;
}
