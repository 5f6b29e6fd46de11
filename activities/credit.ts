// Credit lists that act (README "Credit lists"): what an operator's new listing on 经营异常名录 or 严重违法失信名单
// puts in question, found across the programmes, and each confirmed consequence applied by the workflow
// that owns it: the Changxing title revoked on ground 三、（6）, the case held out of an award not yet final,
// the Zhoushan room removed from its list, the Lijiang entry's 清退 proposed to its own review.
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { PrismaClient, Prisma } from '../prisma/generated/client.js';
import { withKind, type CampaignDefinition } from '../domain/campaign-definition.js';
import { SYSTEM_ACTOR, type Actor } from '../domain/roles.js';
import { shanghaiDate } from '../domain/time.js';
import { caseWorkflowId, listingWorkflowId, registerEntryWorkflowId, titleWorkflowId } from '../workflows/ids.js';
import { holdOutOfAwardUpdate, removalProposedSignal, removeListingUpdate, revokeTitleUpdate } from '../workflows/messages.js';
import { appendAudit } from './audit.js';
import type { Dispatch } from './notify.js';

export const CREDIT_LISTS = {
  abnormal: { zh: '经营异常名录', en: 'list of abnormal operations' },
  dishonest: { zh: '严重违法失信名单', en: 'list of seriously illegal and dishonest entities' },
} as const;
export type CreditList = keyof typeof CREDIT_LISTS;
/** Changxing 三、评定管理 取消称号情形（6）: 被列入经营异常名录或严重违法失信名单. */
export const CREDIT_REVOCATION_GROUND = 'listed_dishonest';

export type CreditAction = 'revoke_title' | 'hold_award' | 'remove_listing' | 'register_removal';
export interface CreditProposal {
  action: CreditAction;
  campaignId: string;
  /** The case it is about (a title's and a listing's id are their case's). */
  caseId: string;
  /** What it acts on: the title, case, listing or register entry. */
  targetId: string;
  clause: string;
  details: Record<string, string>;
  /** A proposal a person confirms; none where the owner holds its own review (a Lijiang entry's 清退). */
  task?: { title: string; role: 'county_officer' | 'coordinator'; jurisdictionId: string; stageKey: string; reminderLeadMs: number };
}

const definitionOf = (c: { definition: unknown }) => withKind(c.definition as CampaignDefinition) as CampaignDefinition;
const lastStage = (d: CampaignDefinition) => d.stages[d.stages.length - 1]!.key;

export function creditActivities(db: PrismaClient, dispatch?: Dispatch) {
  return {
    /** Every consequence of a new listing, as of now: one per title in force, case, listed room and filed entry. */
    async creditProposals({ listingId }: { listingId: string }): Promise<CreditProposal[]> {
      const l = await db.creditListing.findUniqueOrThrow({ where: { id: listingId } });
      const o = await db.operator.findUniqueOrThrow({ where: { id: l.operatorId } });
      const list = CREDIT_LISTS[l.list as CreditList];
      const listedOn = shanghaiDate(l.listedOn.getTime());
      const details = {
        operatorName: o.name,
        operatorUscc: o.uscc,
        list: l.list,
        listName: list.zh,
        listedOn,
        reason: l.reason ?? '',
        authority: l.authority ?? '',
      };
      const [titles, cases, listings, entries] = await Promise.all([
        db.title.findMany({ where: { operatorId: o.id } }),
        db.case.findMany({ where: { operatorId: o.id, excludedKind: null } }),
        db.listing.findMany({ where: { operatorId: o.id, status: 'listed' } }),
        db.registerEntry.findMany({ where: { operatorId: o.id, status: 'filed' } }),
      ]);
      const campaignIds = [...new Set([...titles, ...cases, ...listings, ...entries].map((x) => x.campaignId))];
      const [campaigns, awarded] = await Promise.all([
        db.campaign.findMany({ where: { id: { in: campaignIds } } }),
        db.roster.findMany({ where: { campaignId: { in: campaignIds }, kind: 'award' }, select: { campaignId: true } }),
      ]);
      const campaign = (id: string) => campaigns.find((c) => c.id === id)!;
      const out: CreditProposal[] = [];
      /** One consequence in one campaign; `to` names who decides it (none: its owner's own review does). */
      const raise = (
        c: (typeof campaigns)[number],
        d: CampaignDefinition,
        p: Pick<CreditProposal, 'action' | 'caseId' | 'targetId' | 'clause'>,
        to?: { what: string; role: 'county_officer' | 'coordinator'; jurisdictionId: string },
      ) =>
        out.push({
          ...p,
          campaignId: c.id,
          details: { ...details, campaignName: c.name },
          ...(to
            ? {
                task: {
                  title: `${to.what}：${o.name}（列入${list.zh}）`,
                  role: to.role,
                  jurisdictionId: to.jurisdictionId,
                  stageKey: lastStage(d),
                  reminderLeadMs: d.reminderLeadMs,
                },
              }
            : {}),
        });
      for (const t of titles.filter((x) => x.status === 'active')) {
        const c = campaign(t.campaignId);
        const d = definitionOf(c);
        if (d.kind !== 'staged_award') continue;
        const ground = d.rules.revocationGrounds.find((g) => g.key === CREDIT_REVOCATION_GROUND)?.name ?? CREDIT_REVOCATION_GROUND;
        raise(
          c,
          d,
          { action: 'revoke_title', caseId: t.caseId, targetId: t.id, clause: `${d.rules.clauses.revocation}（6）${ground}` },
          { what: '撤销称号建议', role: 'county_officer', jurisdictionId: t.jurisdictionId },
        );
      }
      for (const k of cases) {
        const c = campaign(k.campaignId);
        const d = definitionOf(c);
        // A staged award's case whose award is not yet final: the title would be granted to a listed operator.
        // One with a title (in force or not) has had its award.
        if (d.kind !== 'staged_award' || c.status !== 'running' || awarded.some((a) => a.campaignId === c.id) || titles.some((t) => t.caseId === k.id))
          continue;
        raise(
          c,
          d,
          { action: 'hold_award', caseId: k.id, targetId: k.id, clause: `${d.rules.clauses.award}；${d.rules.clauses.revocation}（6）` },
          { what: '暂停评定建议', role: 'coordinator', jurisdictionId: c.jurisdictionId },
        );
      }
      for (const x of listings) {
        const c = campaign(x.campaignId);
        const d = definitionOf(c);
        if (d.kind !== 'application') continue;
        raise(
          c,
          d,
          { action: 'remove_listing', caseId: x.caseId, targetId: x.id, clause: d.rules.application.clauses.removal },
          { what: '移出培育库建议', role: 'coordinator', jurisdictionId: c.jurisdictionId },
        );
      }
      for (const e of entries) {
        const c = campaign(e.campaignId);
        const d = definitionOf(c);
        if (d.kind === 'register') raise(c, d, { action: 'register_removal', caseId: e.id, targetId: e.id, clause: d.rules.intake.clauses.removal });
      }
      await db.$transaction(async (tx) => {
        // The listing has been looked into: a later import of it starts nothing again (api/resources/credit-lists.ts).
        await appendAudit(tx, {
          key: `credit_listing:${listingId}:examined`,
          actor: SYSTEM_ACTOR,
          action: 'credit.examined',
          entityType: 'operator',
          entityId: o.id,
          data: { listingId, proposals: out.length },
        });
        for (const p of out)
          await appendAudit(tx, {
            key: `credit:${listingId}:${p.action}:${p.targetId}:proposed`,
            actor: SYSTEM_ACTOR,
            action: 'credit.proposal_raised',
            entityType: 'operator',
            entityId: o.id,
            campaignId: p.campaignId,
            clause: p.clause,
            reason: `列入${list.zh}（${listedOn}${l.authority ? `，${l.authority}` : ''}）：${l.reason ?? ''}`,
            data: { listingId, action: p.action, targetId: p.targetId },
          });
      });
      return out;
    },

    /** A proposal decided: confirmed, applied by the workflow that owns its target (once); declined, recorded. */
    async applyCreditProposal(input: {
      listingId: string;
      proposal: CreditProposal;
      confirmed: boolean;
      reason?: string;
      actor?: Actor;
      taskId?: string;
    }): Promise<void> {
      const { listingId, proposal: p } = input;
      const actor = input.actor ?? SYSTEM_ACTOR;
      const l = await db.creditListing.findUniqueOrThrow({ where: { id: listingId } });
      const list = CREDIT_LISTS[l.list as CreditList];
      const because = `列入${list.zh}（${shanghaiDate(l.listedOn.getTime())}${l.authority ? `，${l.authority}` : ''}）：${l.reason ?? ''}`;
      let outcome: 'applied' | 'moot' | 'declined' = 'declined';
      let note = input.reason ?? '';
      // Off the list again before the decision: nothing follows from it any more.
      if (input.confirmed && l.removedOn) {
        outcome = 'moot';
        note = `已于 ${shanghaiDate(l.removedOn.getTime())} 移出${list.zh}`;
      } else if (input.confirmed) {
        if (!dispatch) throw new Error('a credit proposal is applied through the Temporal client (the worker passes it)');
        const wf = dispatch.client.workflow;
        try {
          if (p.action === 'revoke_title')
            await wf.getHandle(titleWorkflowId(p.targetId)).executeUpdate(revokeTitleUpdate, {
              args: [{ ground: CREDIT_REVOCATION_GROUND, evidence: `${because}${input.reason ? `。${input.reason}` : ''}`, actor }],
            });
          else if (p.action === 'hold_award' && (await titleOf(p.targetId)))
            // The award became final before the hold was confirmed: its title is what the listing now puts in
            // question, revoked on the same ground (三、（6）).
            await wf.getHandle(titleWorkflowId(p.targetId)).executeUpdate(revokeTitleUpdate, {
              args: [{ ground: CREDIT_REVOCATION_GROUND, evidence: `${because}${input.reason ? `。${input.reason}` : ''}`, actor }],
            });
          else if (p.action === 'hold_award')
            await wf.getHandle(caseWorkflowId(p.targetId)).executeUpdate(holdOutOfAwardUpdate, {
              args: [{ reason: `${because}${input.reason ? `。${input.reason}` : ''}`, clause: p.clause, actor, listingId }],
            });
          else if (p.action === 'remove_listing')
            await wf
              .getHandle(listingWorkflowId(p.targetId))
              .executeUpdate(removeListingUpdate, { args: [{ reason: `${because}${input.reason ? `。${input.reason}` : ''}`, actor }] });
          else
            await wf.getHandle(registerEntryWorkflowId(p.targetId)).signal(removalProposedSignal, {
              runId: `credit-${listingId}`,
              periodKey: 'credit',
              reasons: [{ code: 'credit_listed', zh: `列入${list.zh}：${l.reason ?? ''}`, en: `listed on the ${list.en}: ${l.reason ?? ''}` }],
            });
          outcome = 'applied';
        } catch (e) {
          if (!(e instanceof WorkflowUpdateFailedError || e instanceof WorkflowNotFoundError)) throw e;
          // Refused by its owner: already done (a retry of this very activity), or no longer possible.
          outcome = (await alreadyDone(p)) ? 'applied' : 'moot';
          if (outcome === 'moot') note = (e instanceof WorkflowUpdateFailedError ? e.cause?.message : undefined) ?? e.message;
        }
      }
      await db.$transaction((tx) =>
        appendAudit(tx, {
          key: `credit:${listingId}:${p.action}:${p.targetId}:${outcome}`,
          actor,
          action: `credit.proposal_${outcome}`,
          entityType: 'operator',
          entityId: l.operatorId,
          campaignId: p.campaignId,
          clause: p.clause,
          reason: note || because,
          data: { listingId, action: p.action, targetId: p.targetId, ...(input.taskId ? { taskId: input.taskId } : {}) } as Prisma.InputJsonObject,
        }),
      );
    },
  };

  /** The title granted to a case, still in force. */
  async function titleOf(caseId: string) {
    return db.title.findFirst({ where: { caseId, status: 'active' } });
  }

  async function alreadyDone(p: CreditProposal): Promise<boolean> {
    if (p.action === 'revoke_title') return (await db.title.findUnique({ where: { id: p.targetId } }))?.revokedGround === CREDIT_REVOCATION_GROUND;
    if (p.action === 'hold_award')
      return (
        (await db.case.findUnique({ where: { id: p.targetId } }))?.excludedKind === 'credit_listed' ||
        (await db.title.findFirst({ where: { caseId: p.targetId } }))?.revokedGround === CREDIT_REVOCATION_GROUND
      );
    if (p.action === 'remove_listing') return (await db.listing.findUnique({ where: { id: p.targetId } }))?.status === 'removed';
    return false;
  }
}
