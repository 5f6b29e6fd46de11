// The staged award's part of the campaign (Changxing 四、（四）评价公示, 三、评定管理): the proposed list is
// published for a window (公示), objections are lodged and resolved during it, and once it is over with
// every objection resolved the list is final and each title starts its year (workflows/title.ts).
import { ParentClosePolicy, patched, proxyActivities, setHandler, startChild } from '@temporalio/workflow';
import { shanghaiDateTime } from '../../domain/time.js';
import { publicityWindowRefusal } from '../../domain/programmes/kinds/staged-award.js';
import type { Activities } from '../../activities/index.js';
import type { Actor } from '../../domain/roles.js';
import { ACTIVITY_OPTIONS } from '../activity-options.js';
import { rosterScheduleWorkflowId, titleWorkflowId } from '../ids.js';
import {
  REJECT,
  awardProgressQuery,
  finalizeAwardUpdate,
  lodgeObjectionUpdate,
  publishPublicityUpdate,
  republishPublicityUpdate,
  resolveObjectionUpdate,
  type AwardProgress,
  type PublicityState,
} from '../messages.js';
import { TitleWorkflow } from '../title.js';
import { RosterScheduleWorkflow } from '../roster-schedule.js';
import { reject, type CampaignHost, type KindPart } from './host.js';

const acts = proxyActivities<Activities>(ACTIVITY_OPTIONS);

export function installAward(host: CampaignHost<'staged_award'>): KindPart {
  const { def, stages, stageFor } = host;
  const rules = def.rules;
  let publicity: PublicityState | undefined;
  let publishing = false;
  const objections: AwardProgress['objections'] = [];
  let finalized = false;
  let titles = 0;

  setHandler(awardProgressQuery, () => ({ publicity, objections, finalized, titles }));

  /**
   * Publishes the 公示 (seq 1), or a new one superseding the last. `publishing` is set before any await, so a
   * concurrent request, or the award, is refused meanwhile; a refusal writes nothing, and once published
   * `publicity` refuses a second first one.
   */
  async function publish(windowEndsAt: number, actor: Actor, supersedes?: { rosterId: string; reason: string }): Promise<PublicityState> {
    publishing = true;
    try {
      const seq = (publicity?.seq ?? 0) + 1;
      const r = await acts.publishPublicity({
        campaignId: def.campaignId,
        seq,
        windowEndsAt,
        actor,
        clause: rules.clauses.publicity,
        ...(supersedes ? { supersedes } : {}),
      });
      if (r.refusal) throw reject(REJECT.conflict, r.refusal);
      publicity = { rosterId: r.rosterId!, seq, windowEndsAt, caseIds: r.entries.map((e) => e.caseId) };
      return publicity;
    } finally {
      publishing = false;
    }
  }

  // 公示 (四、（四）): the proposed list is published for a window; objections are lodged during it and
  // must all be resolved before the list becomes final.
  setHandler(publishPublicityUpdate, ({ windowEndsAt, actor }) => publish(windowEndsAt, actor), {
    validator: ({ windowEndsAt }) => {
      // Normally during 评价公示; after it too (late scores), while the campaign runs.
      const stage = stageFor(rules.scoringStage);
      if (stage.status === 'pending') throw reject(REJECT.conflict, `「${stage.name}」阶段尚未开始 / stage ${stage.key} has not started`);
      if (publicity || publishing) throw reject(REJECT.conflict, '公示名单已发布 / the publicity list is already published');
      checkWindow(windowEndsAt);
    },
  });

  const checkWindow = (windowEndsAt: number) => {
    const refusal = publicityWindowRefusal(windowEndsAt, Date.now(), stages[stages.length - 1]!.dueAt);
    if (refusal) throw reject(REJECT.invalid, `${refusal.zh} / ${refusal.en}`);
  };

  // A score corrected after the 公示 (README "Corrections"): the list is not edited but published anew,
  // superseding the last one, with a window of its own for objections; the award waits for it. Objections
  // to the earlier list stay to be resolved.
  setHandler(republishPublicityUpdate, ({ windowEndsAt, actor, reason }) => publish(windowEndsAt, actor, { rosterId: publicity!.rosterId, reason }), {
    validator: ({ windowEndsAt }) => {
      if (!publicity) throw reject(REJECT.conflict, '尚未公示 / nothing has been published yet');
      if (finalized) throw reject(REJECT.conflict, '名单已确定 / the award list is already final');
      if (publishing) throw reject(REJECT.conflict, '公示名单正在发布，请稍后再试 / a 公示 list is being published: try again');
      checkWindow(windowEndsAt);
    },
  });

  setHandler(
    lodgeObjectionUpdate,
    async ({ caseId, source, content, actor }) => {
      const objectionId = `${def.campaignId}:objection:${objections.length + 1}`;
      objections.push({ id: objectionId, caseId, status: 'open' });
      await acts.lodgeObjection({
        objectionId,
        campaignId: def.campaignId,
        caseId,
        rosterId: publicity!.rosterId,
        source,
        content,
        actor,
        clause: rules.clauses.publicity,
      });
      return { objectionId };
    },
    {
      validator: ({ caseId, content }) => {
        if (!publicity) throw reject(REJECT.conflict, '尚未公示 / nothing has been published yet');
        if (finalized || Date.now() >= publicity.windowEndsAt) throw reject(REJECT.conflict, '公示期已结束，不再受理异议 / the publicity window has ended');
        if (!publicity.caseIds.includes(caseId)) throw reject(REJECT.invalid, '该案件不在公示名单上 / the case is not on the publicity list');
        if (!content.trim()) throw reject(REJECT.invalid, '须填写异议内容 / the objection needs its content');
      },
    },
  );

  setHandler(
    resolveObjectionUpdate,
    async ({ objectionId, decision, resolution, actor }) => {
      const o = objections.find((x) => x.id === objectionId)!;
      o.status = decision;
      await acts.resolveObjection({ objectionId, decision, resolution, actor, clause: rules.clauses.publicity });
      return { objectionId, status: decision };
    },
    {
      validator: ({ objectionId, decision, resolution }) => {
        const o = objections.find((x) => x.id === objectionId);
        if (!o) throw reject(REJECT.notFound, `异议 ${objectionId} 不存在 / unknown objection`);
        if (o.status !== 'open') throw reject(REJECT.conflict, `异议已处理（${o.status}） / the objection is already ${o.status}`);
        if (decision !== 'upheld' && decision !== 'dismissed') throw reject(REJECT.invalid, 'decision: upheld | dismissed');
        if (!resolution.trim()) throw reject(REJECT.invalid, '须说明处理理由 / a reason is required');
      },
    },
  );

  // The list is final once the window is over and every objection is resolved: titles are granted.
  setHandler(
    finalizeAwardUpdate,
    async ({ actor }) => {
      finalized = true;
      const granted = await acts.grantTitles({
        campaignId: def.campaignId,
        publicityRosterId: publicity!.rosterId,
        titleValidity: def.settings.titleValidity,
        actor,
        clause: rules.clauses.award,
      });
      for (const t of granted) {
        await startChild(TitleWorkflow, {
          workflowId: titleWorkflowId(t.caseId),
          args: [
            {
              ...t,
              campaignId: def.campaignId,
              rules: { revocationGrounds: rules.revocationGrounds, clauses: rules.clauses },
              settings: { maxRectificationRounds: def.settings.maxRectificationRounds, verificationDays: def.settings.verificationDays },
              reminderLeadMs: def.reminderLeadMs,
            },
          ],
          // A title lives its year whatever becomes of the campaign that granted it.
          parentClosePolicy: ParentClosePolicy.ABANDON,
        });
      }
      titles = granted.length;
      return { titles };
    },
    {
      validator: (_input: { actor: Actor }) => {
        if (!publicity) throw reject(REJECT.conflict, '尚未公示 / nothing has been published yet');
        if (finalized) throw reject(REJECT.conflict, '名单已确定 / the award list is already final');
        if (publishing) throw reject(REJECT.conflict, '公示名单正在重新发布，请稍后再试 / the 公示 list is being republished: try again');
        if (Date.now() < publicity.windowEndsAt)
          throw reject(REJECT.conflict, `公示期至 ${shanghaiDateTime(publicity.windowEndsAt)} 结束 / the publicity window is still open`);
        const open = objections.filter((o) => o.status === 'open').length;
        if (open) throw reject(REJECT.conflict, `尚有 ${open} 件异议未处理 / ${open} objection(s) still open`);
      },
    },
  );

  // A 公示 once published is seen through to its final list before the campaign ends.
  return {
    settled: () => !publicity || finalized,
    // 四、工作要求（三）定期公示: the lists' own schedule, left running when the campaign completes (its titles live on).
    async afterProjection() {
      const periodMonths = def.settings.rosterPeriodMonths;
      if (!periodMonths || !patched('scheduled-rosters')) return;
      await startChild(RosterScheduleWorkflow, {
        workflowId: rosterScheduleWorkflowId(def.campaignId),
        args: [{ campaignId: def.campaignId, periodMonths }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    },
  };
}
