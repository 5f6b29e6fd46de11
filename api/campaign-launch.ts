import { WithStartWorkflowOperation, WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { CampaignDefinition } from '../domain/campaign-definition.js';
import { tracksOfRules } from '../domain/programmes/kinds/index.js';
import type { Actor } from '../domain/roles.js';
import type { PrismaClient } from '../prisma/db.js';
import type { CampaignWorkflow, CampaignInput } from '../workflows/campaign.js';
import { SA_CAMPAIGN_ID, SA_CURRENT_STAGE, SA_JURISDICTION, SA_PROGRAMME, launchedUpdate } from '../workflows/messages.js';
import { badRequest, conflict } from './errors.js';
import { jurisdictionSubtree, resolveEnrolment } from './enrolment.js';

export { campaignWorkflowId } from '../workflows/ids.js';
import { campaignWorkflowId } from '../workflows/ids.js';

/**
 * Enrols the operators and starts the CampaignWorkflow. Uses Update-with-Start so the call returns only
 * once the workflow has written the campaign's projection: the console can show it straight away.
 * Only operators registered in the campaign's jurisdiction can be enrolled (changxing notice 一、培育对象:
 * "实际注册和运营在本县").
 */
export async function launchCampaign(opts: {
  client: Client;
  db: PrismaClient;
  taskQueue: string;
  definition: CampaignDefinition;
  actor: Actor;
  operatorIds?: string[];
  batchSize?: number;
  arrivalShardSize?: number;
}) {
  const { db, definition: def } = opts;
  const j = await db.jurisdiction.findUnique({ where: { id: def.jurisdictionId } });
  if (!j)
    throw badRequest(`辖区 ${def.jurisdictionId} 不存在`, `jurisdiction ${def.jurisdictionId} does not exist`, [
      { path: 'jurisdictionId', messageZh: '辖区不存在', messageEn: 'unknown jurisdiction' },
    ]);
  if (await db.campaign.findUnique({ where: { id: def.campaignId } }))
    throw conflict(`活动 ${def.campaignId} 已经启动（每个辖区每年一次）`, `campaign ${def.campaignId} already exists (one per jurisdiction and year)`);
  // Application and register programmes enrol by application, one case per application.
  const byApplication = def.kind === 'application' || def.kind === 'register';
  if (byApplication && opts.operatorIds)
    throw badRequest('本项目由经营主体逐一申报，启动时不纳入经营主体', 'this programme enrols by application: launch it without operatorIds', [
      { path: 'operatorIds', messageZh: '不适用', messageEn: 'not applicable' },
    ]);
  // Without a list, the whole register of the jurisdiction is enrolled (each with its registered track).
  const rows = byApplication
    ? []
    : opts.operatorIds
      ? [...new Set(opts.operatorIds)].map((operatorId) => ({ operatorId }))
      : (
          await db.operator.findMany({
            where: { jurisdictionId: { in: [...(await jurisdictionSubtree(db, def.jurisdictionId))] } },
            orderBy: { id: 'asc' },
            select: { id: true },
          })
        ).map((o) => ({ operatorId: o.id }));
  const cases =
    rows.length === 0
      ? []
      : await resolveEnrolment(db, {
          campaignId: def.campaignId,
          jurisdictionId: def.jurisdictionId,
          tracks: tracksOfRules(def.rules),
          rows,
          rowPath: (i) => `operatorIds.${i}`,
        });
  const workflowId = campaignWorkflowId(def.campaignId);
  // Ids only: the batches read the seeds (a 10,000-case launch would not fit Temporal's 2 MB payload limit).
  const input: CampaignInput = {
    definition: def,
    operatorIds: cases.map((c) => c.operatorId),
    launchedBy: opts.actor,
    ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
    ...(opts.arrivalShardSize ? { arrivalShardSize: opts.arrivalShardSize } : {}),
  };
  try {
    const startWorkflowOperation = new WithStartWorkflowOperation<typeof CampaignWorkflow>('CampaignWorkflow', {
      workflowId,
      taskQueue: opts.taskQueue,
      args: [input],
      // A second launch of the same campaign is refused, never merged into the first.
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
      typedSearchAttributes: [
        { key: SA_CAMPAIGN_ID, value: def.campaignId },
        { key: SA_PROGRAMME, value: def.programme },
        { key: SA_JURISDICTION, value: def.jurisdictionId },
        { key: SA_CURRENT_STAGE, value: 'launching' },
      ],
    });
    const r = await opts.client.workflow.executeUpdateWithStart(launchedUpdate, { startWorkflowOperation });
    return { ...r, workflowId };
  } catch (e) {
    if (e instanceof WorkflowExecutionAlreadyStartedError || (e as Error)?.cause instanceof WorkflowExecutionAlreadyStartedError)
      throw conflict(`活动 ${def.campaignId} 已经启动（每个辖区每年一次）`, `campaign ${def.campaignId} already exists (one per jurisdiction and year)`);
    throw e;
  }
}
