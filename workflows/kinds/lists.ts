// The list that ends a campaign of scored cases, chosen by a threshold, a quota or both (择优):
//   - application (Zhoushan 六、（四）培育名单确认): once applications are closed and every one decided, the
//     city confirms the cultivation list; each listed room starts its life on the list (workflows/cultivation.ts);
//   - defined: the programme's roster, once its rubric stage has started and its scoring is done.
import { ParentClosePolicy, proxyActivities, setHandler, startChild } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { ACTIVITY_OPTIONS } from '../activity-options.js';
import { caseWorkflowId, listingWorkflowId } from '../ids.js';
import { REJECT, confirmListUpdate, listDecisionSignal } from '../messages.js';
import { CultivationWorkflow } from '../cultivation.js';
import { reject, type CampaignHost, type KindPart } from './host.js';

const acts = proxyActivities<Activities>(ACTIVITY_OPTIONS);

/** The checks of a list's threshold and quota (the same for every list). */
function checkChoice(threshold: number | undefined, quota: number | undefined): void {
  if (threshold === undefined && quota === undefined) throw reject(REJECT.invalid, '须设定分数线或名额 / set a threshold, a quota, or both');
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 100)) throw reject(REJECT.invalid, '分数线须在 0–100 之间 / threshold must be 0..100');
  if (quota !== undefined && !(Number.isInteger(quota) && quota >= 1)) throw reject(REJECT.invalid, '名额须为正整数 / quota must be a whole number ≥ 1');
}

/** Days the county has for a periodic evaluation, and the city for the removal it proposes. */
const EVALUATION_DAYS = 30;

export function installCultivationList(host: CampaignHost<'application'>): KindPart {
  const { def, stageFor } = host;
  const app = def.rules.application;
  let listConfirmed = false;
  let confirming = false;
  setHandler(
    confirmListUpdate,
    async ({ threshold, quota, actor }) => {
      confirming = true;
      const r = await acts.confirmCultivationList({ campaignId: def.campaignId, threshold, quota, actor, clause: app.clauses.listing });
      if (r.refusal) {
        confirming = false;
        throw reject(REJECT.conflict, r.refusal);
      }
      listConfirmed = true;
      for (const room of r.listed)
        await startChild(CultivationWorkflow, {
          workflowId: listingWorkflowId(room.caseId),
          args: [
            {
              listingId: room.caseId,
              clauses: app.clauses,
              // 七、（三）日常监测和评估: where the campaign sets a period (README "Periodic evaluation of listed rooms").
              ...(def.settings.evaluationPeriodMonths
                ? {
                    evaluation: {
                      periodMonths: def.settings.evaluationPeriodMonths,
                      campaignId: def.campaignId,
                      jurisdictionId: room.jurisdictionId,
                      cityJurisdictionId: def.jurisdictionId,
                      name: room.operatorName,
                      stageKey: def.stages[def.stages.length - 1]!.key,
                      days: EVALUATION_DAYS,
                      reminderLeadMs: def.reminderLeadMs,
                    },
                  }
                : {}),
            },
          ],
          // A listed room stays listed whatever becomes of this year's campaign.
          parentClosePolicy: ParentClosePolicy.ABANDON,
        });
      for (const caseId of [...r.listed.map((x) => x.caseId), ...r.notListed])
        await host.signalCase(caseWorkflowId(caseId), listDecisionSignal, { listed: r.listed.some((x) => x.caseId === caseId) });
      return { rosterId: `${def.campaignId}:cultivation:1`, listed: r.listed.length };
    },
    {
      validator: ({ threshold, quota }) => {
        const stage = stageFor(app.applicationStage);
        if (stage.status !== 'closed')
          throw reject(REJECT.conflict, `「${stage.name}」阶段结束后方可确认名单 / the list is confirmed after stage ${stage.key} has closed`);
        if (listConfirmed || confirming) throw reject(REJECT.conflict, '培育名单已确认 / the cultivation list is already confirmed');
        checkChoice(threshold, quota);
      },
    },
  );
  return { settled: () => true };
}

export function installDefinedRoster(host: CampaignHost<'defined'>): KindPart {
  const { def, stageFor } = host;
  const d = def.rules.defined;
  let listConfirmed = false;
  let confirming = false;
  setHandler(
    confirmListUpdate,
    async ({ threshold, quota, actor }) => {
      confirming = true;
      const r = await acts.confirmDefinedRoster({
        campaignId: def.campaignId,
        threshold,
        quota,
        actor,
        clause: d.clause,
        rubricStageClosed: stageFor(d.rubric.stageKey).status === 'closed',
        rosterName: d.roster.name,
      });
      if (r.refusal) {
        confirming = false;
        throw reject(REJECT.conflict, r.refusal);
      }
      listConfirmed = true;
      for (const caseId of [...r.listed, ...r.notListed])
        await host.signalCase(caseWorkflowId(caseId), listDecisionSignal, { listed: r.listed.includes(caseId) });
      return { rosterId: r.rosterId, listed: r.listed.length };
    },
    {
      validator: ({ threshold, quota }) => {
        // After the rubric stage has closed, or while it is open once every rubric task is done (the activity checks).
        const stage = stageFor(d.rubric.stageKey);
        if (stage.status === 'pending')
          throw reject(
            REJECT.conflict,
            `「${stage.name}」阶段尚未开始，不能确认名单 / the roster is confirmed once stage ${stage.key} has started and its scoring is done`,
          );
        if (listConfirmed || confirming) throw reject(REJECT.conflict, '名单已确认 / the roster is already confirmed');
        checkChoice(threshold, quota);
      },
    },
  );
  return { settled: () => true };
}
