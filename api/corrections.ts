// Corrections (更正, DOMAIN.md "Correction": a later decision that amends a completed one, both kept): a
// coordinator or leader over the campaign's jurisdiction reopens a completed decision for its holder's role,
// or amends its result, with a reason. The owning workflow decides (correctTask Update, workflows/case.ts):
// it recomputes the total and proposal, and refuses once the 公示 is published, unless the score's correction
// asks for a new 公示 that supersedes the published one (`republish`). README "Corrections".
import { Router } from 'express';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { requireRunner } from './campaign-access.js';
import { publicityWindow, publicityWindowEnd } from './publicity-window.js';
import { z } from 'zod';
import type { PrismaClient } from '../prisma/db.js';
import { resultSchemaFor } from '../domain/task-forms.js';
import { CORRECTABLE_TASK_TYPES, isCorrectable } from '../domain/corrections.js';
import { correctTaskUpdate, republishPublicityUpdate } from '../workflows/messages.js';
import type { CampaignDefinition } from '../domain/campaign-definition.js';
import { publicityWindowRefusal } from '../domain/programmes/kinds/staged-award.js';
import { registerEntryWorkflowId } from '../workflows/ids.js';
import { badRequest, conflict, forbidden, fromTemporal, notFound, parseOr400 } from './errors.js';
import { route } from './routes.js';
import { actorOf, inScope } from './scope.js';

const reason = z.string().trim().min(1, '须说明更正理由 / a reason is required').max(1000);
export const correctionBody = z.union([
  z.object({ reason, reopen: z.literal(true) }).strict(),
  // The new result is checked against the task's own form below (400 with each problem).
  // `republish`: a score amended after the 公示 is published, then a new 公示 that supersedes it for `days`
  // (default: the campaign's setting) or until `windowEndsAt`, as POST /campaigns/{id}/publicity takes them
  // (changxing 四、（四）评价公示).
  z
    .object({
      reason,
      result: z.record(z.string(), z.unknown()),
      republish: publicityWindow.optional(),
    })
    .strict(),
]);

/** Who may correct: the campaign's coordinators (or a city's, above it) and its leaders. */
const CORRECTORS = ['coordinator', 'leader'] as const;

export function correctionsRouter(db: PrismaClient, client: Client): Router {
  const r = Router();
  route(
    r,
    {
      method: 'post',
      path: '/tasks/:id/corrections',
      summary:
        'Correct a completed decision (score, self-check review, inspection finding, pre-review, city audit, register intake review, filing) with a reason: reopen it for its holder’s role ({reason, reopen: true}) or amend its result ({reason, result}); totals and proposals are recomputed; 409 once the 公示 or the cultivation list is published, but for a score amended with a new 公示 that supersedes it ({reason, result, republish: {days | windowEndsAt}}), until the award is final',
      tag: 'tasks',
      roles: CORRECTORS,
      body: correctionBody,
    },
    async (req, res, me) => {
      const id = String(req.params.id);
      const t = await db.task.findUnique({ where: { id } });
      if (!t) throw notFound('任务 task', id);
      const campaign = await db.campaign.findUniqueOrThrow({ where: { id: t.campaignId } });
      if (!inScope(me, campaign.jurisdictionId))
        throw forbidden('只有活动所属辖区的统筹人员或领导可以更正', 'only coordinators or leaders over the campaign’s jurisdiction can correct its decisions');
      const body = parseOr400(correctionBody, req.body);
      const result = 'result' in body ? parseOr400(resultSchemaFor(t.type, t.details) ?? z.never(), body.result) : undefined;
      if (!isCorrectable(t.type))
        throw conflict(
          `此类任务的结论暂不能更正（可更正：评分、自查审核、检查、属地初审、市局审核、入库审核、入库备案）`,
          `a ${t.type} decision cannot be corrected (only ${CORRECTABLE_TASK_TYPES.join(', ')})`,
        );
      if (t.status !== 'done') throw conflict('任务尚未办结，无需更正', 'the task is not completed: nothing to correct');
      // A filing is corrected by its entry's workflow, which lives while the entry is in the register.
      if (t.type === 'filing' && t.caseId && (await db.registerEntry.findUnique({ where: { id: t.caseId } }))?.status !== 'filed')
        throw conflict(
          '该条目已不在库中（已清退），备案信息不能再更正',
          'the entry is no longer in the register (removed): its filing can no longer be corrected',
        );
      // A new 公示 after the score's correction: its window is checked before anything is corrected.
      // Publishing a 公示 is the campaign's coordinators' (POST /campaigns/{id}/publicity), not its leaders'.
      const asked = 'republish' in body ? body.republish : undefined;
      if (asked) requireRunner(me, campaign);
      const republish = asked ? await republishWindow(t.type, campaign, asked) : undefined;
      // A filed entry lives on in its RegisterEntryWorkflow (workflows/intake.ts): its filing is corrected there.
      const owner = t.type === 'filing' && t.caseId ? registerEntryWorkflowId(t.caseId) : t.workflowId;
      const corrected = await client.workflow
        .getHandle(owner)
        .executeUpdate(correctTaskUpdate, {
          args: [
            {
              taskId: t.id,
              actor: actorOf(me),
              reason: body.reason,
              ...('reopen' in body ? { reopen: true } : { result }),
              ...(republish ? { supersedesPublicity: true } : {}),
            },
          ],
        })
        .catch((e: unknown) => {
          // Filed a moment ago: the entry's workflow starts right after the filing is recorded (workflows/intake.ts).
          if (e instanceof WorkflowNotFoundError && owner !== t.workflowId)
            throw conflict('该条目正在办理入库，请稍后再试', 'the entry is being entered in the register: try again in a moment');
          // The case's workflow has ended: its list or outcome is final (a listed room lives on in its listing).
          if (e instanceof WorkflowNotFoundError)
            throw conflict(
              '该案件的流程已结束（名单或结果已确定），结论不能再更正；如需更改，须重新发布名单',
              'the case’s process has ended (its list or outcome is final): its decisions can no longer be corrected; a change needs a new publication of the list',
            );
          throw e;
        });
      // The campaign publishes the new 公示 (workflows/kinds/staged-award.ts). Should it refuse now (the award
      // made final in between, at the window's last moment), the corrected score stands and the 409 says so.
      const publicity = republish
        ? await client.workflow
            .getHandle(campaign.workflowId)
            .executeUpdate(republishPublicityUpdate, { args: [{ windowEndsAt: republish, actor: actorOf(me), reason: body.reason }] })
            .catch((e: unknown) => {
              const why = fromTemporal(e);
              throw conflict(
                `评分已更正，但新的公示未能发布${why ? `：${why.messageZh}` : ''}；可在「评价公示」中重新公示`,
                `the score is corrected, but the new 公示 could not be published${why ? `: ${why.messageEn}` : ''}; republish it on the campaign’s Award tab`,
              );
            })
        : undefined;
      res.status(201);
      return {
        ...corrected,
        task: await db.task.findUniqueOrThrow({ where: { id: t.id } }),
        ...(publicity ? { publicity: await db.roster.findUniqueOrThrow({ where: { id: publicity.rosterId }, omit: { entries: true } }) } : {}),
      };
    },
  );

  /** The new 公示's end (the end of the N-th day from today, Asia/Shanghai), or why there can be none. */
  async function republishWindow(type: string, campaign: { id: string; definition: unknown }, given: z.infer<typeof publicityWindow>): Promise<number> {
    const def = campaign.definition as CampaignDefinition;
    if (type !== 'score' || def.kind !== 'staged_award')
      throw conflict('只有长兴评价活动中评分的更正可以重新公示', 'only a score’s correction in a staged award can be followed by a new 公示');
    const windowEndsAt = publicityWindowEnd(given, def.settings.publicityDays, 'republish.windowEndsAt');
    const last = await db.stage.findFirst({ where: { campaignId: campaign.id }, orderBy: { seq: 'desc' } });
    const refusal = last && publicityWindowRefusal(windowEndsAt, Date.now(), last.dueAt.getTime());
    if (refusal) throw badRequest(refusal.zh, refusal.en, [{ path: 'republish', messageZh: refusal.zh, messageEn: refusal.en }]);
    return windowEndsAt;
  }
  return r;
}
