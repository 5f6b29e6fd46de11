import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { CampaignDefinition } from '../domain/campaign-definition.js';
import { tracksOfRules } from '../domain/programmes/kinds/index.js';
import type { Actor } from '../domain/roles.js';
import type { PrismaClient } from '../prisma/db.js';
import type { CampaignWorkflow, CampaignInput, LaunchEnrolmentRef } from '../workflows/campaign.js';
import { SA_CAMPAIGN_ID, SA_CURRENT_STAGE, SA_JURISDICTION, SA_PROGRAMME, launchedUpdate } from '../workflows/messages.js';
import type { z } from 'zod';
import { defineCampaign } from '../domain/campaign-definition.js';
import { PROGRAMMES } from '../domain/programmes/index.js';
import { carryOverSettings } from '../domain/programmes/kinds/index.js';
import { badRequest, conflict, forbidden } from './errors.js';
import { jurisdictionSubtree, resolveEnrolment } from './enrolment.js';
import { loadProgramme } from './programmes.js';
import { inScope, type Principal } from './scope.js';
import type { launchBody } from './resources/campaigns.js';

export { campaignWorkflowId } from '../workflows/ids.js';
import { campaignWorkflowId } from '../workflows/ids.js';
import { inSlices } from '../domain/slices.js';

type LaunchBody = z.infer<typeof launchBody>;

/**
 * Levels a campaign is run from: a county or a city (or above) launches it, its stations carry it out
 * (api/README.md, POST /api/campaigns/launch-preview; the notices are issued by a county or city bureau: changxing 一、, 舟山 一、,
 * 丽江公告). A station is never offered as a campaign's jurisdiction.
 */
export const LAUNCH_LEVELS = ['province', 'city', 'county'];

/** "2026 年长兴县放心电商…" or, for a campaign not named, its programme and year: how a person names it. */
const campaignTitle = (c: { name: string; year: number }) => (c.name.includes(String(c.year)) ? c.name : `${c.year} 年${c.name}`);

/**
 * Everything a launch checks before it starts anything, shared by the launch and its preview (so the
 * preview refuses what the launch would refuse, with the same reasons): the programme, the jurisdiction
 * (one that can run a campaign, in the coordinator's scope), last year's campaign, the definition, a
 * campaign of that programme, place and year not already launched, and the operators it enrols.
 */
export async function prepareLaunch(db: PrismaClient, body: LaunchBody, me: Principal) {
  // A built-in programme, or a defined one at its latest version (recorded as the definition's programmeVersion).
  const programme = (await loadProgramme(db, body.programme))?.programme;
  if (!programme)
    throw badRequest(`未知项目「${body.programme}」`, `unknown programme "${body.programme}"`, [
      {
        path: 'programme',
        messageZh: '未知项目',
        messageEn: `unknown programme (built in: ${Object.keys(PROGRAMMES).join(', ')}; or one defined at /programmes)`,
      },
    ]);
  const j = await db.jurisdiction.findUnique({ where: { id: body.jurisdictionId } });
  if (!j)
    throw badRequest(`辖区 ${body.jurisdictionId} 不存在`, `jurisdiction ${body.jurisdictionId} does not exist`, [
      { path: 'jurisdictionId', messageZh: '辖区不存在', messageEn: 'unknown jurisdiction' },
    ]);
  if (!inScope(me, body.jurisdictionId)) throw forbidden('只能在本辖区内启动活动', 'you can only launch campaigns in your own jurisdiction');
  if (!LAUNCH_LEVELS.includes(j.level))
    throw badRequest(
      `「${j.name}」是基层所，不能作为活动的辖区：活动由县（区）或市局启动`,
      `${j.name} is a station: a campaign is launched by a county or city`,
      [{ path: 'jurisdictionId', messageZh: `「${j.name}」不能启动活动（须为县区或市）`, messageEn: `${j.name} cannot run a campaign (a county or city can)` }],
    );
  let settings = body.settings;
  if (body.previousCampaignId) {
    const prev = await db.campaign.findUnique({ where: { id: body.previousCampaignId } });
    if (!prev || prev.programme !== body.programme || prev.jurisdictionId !== body.jurisdictionId || prev.year >= body.year)
      throw badRequest(
        '上一年度活动无效（须为同一项目、同一辖区、更早年度）',
        'previousCampaignId must be an earlier campaign of the same programme and jurisdiction',
        [{ path: 'previousCampaignId', messageZh: '上一年度活动无效', messageEn: 'invalid previous campaign' }],
      );
    // Last year's settings, with what the coordinator changed on top (each kind merges its own: weights per track…).
    settings = carryOverSettings(programme.kind, (prev.definition as unknown as CampaignDefinition).settings, body.settings);
  }
  const defined = defineCampaign(programme, { ...body, settings });
  if (!defined.definition)
    throw badRequest(
      `活动定义无效：${defined.problems.map((p) => p.messageZh).join('；')}`,
      `invalid campaign definition: ${defined.problems.map((p) => p.messageEn).join('; ')}`,
      defined.problems,
    );
  const def = defined.definition;
  const existing = await db.campaign.findUnique({ where: { id: def.campaignId } });
  if (existing) throw duplicate(existing, j.name);
  const cases = await enrolmentOf(db, def, body.operatorIds);
  return { definition: def, jurisdiction: j, cases };
}

/** One campaign per programme, jurisdiction and year: the one there is named as people name it. */
const duplicate = (c: { name: string; year: number }, jurisdictionName: string) =>
  conflict(
    `「${campaignTitle(c)}」已经启动（${jurisdictionName}每个项目每年一次）`,
    `"${campaignTitle(c)}" has already been launched (one per programme, jurisdiction and year in ${jurisdictionName})`,
  );

/** The operators a launch enrols: those given, else the jurisdiction's whole register; none for a programme entered by application. */
async function enrolmentOf(db: PrismaClient, def: CampaignDefinition, operatorIds?: string[]) {
  // Application and register programmes enrol by application, one case per application.
  const byApplication = def.kind === 'application' || def.kind === 'register';
  if (byApplication && operatorIds)
    throw badRequest('本项目由经营主体逐一申报，启动时不纳入经营主体', 'this programme enrols by application: launch it without operatorIds', [
      { path: 'operatorIds', messageZh: '不适用', messageEn: 'not applicable' },
    ]);
  // Without a list, the whole register of the jurisdiction is enrolled (each with its registered track).
  const rows = byApplication
    ? []
    : operatorIds
      ? [...new Set(operatorIds)].map((operatorId) => ({ operatorId }))
      : (
          await db.operator.findMany({
            where: { jurisdictionId: { in: [...(await jurisdictionSubtree(db, def.jurisdictionId))] } },
            orderBy: { id: 'asc' },
            select: { id: true },
          })
        ).map((o) => ({ operatorId: o.id }));
  return rows.length === 0
    ? []
    : await resolveEnrolment(db, {
        campaignId: def.campaignId,
        jurisdictionId: def.jurisdictionId,
        tracks: tracksOfRules(def.rules),
        rows,
        rowPath: (i) => `operatorIds.${i}`,
      });
}

/**
 * What a launch would do, changing nothing: the campaign's name, its calendar (each stage's dates) and the
 * operators it enrols, counted per jurisdiction by name; refused with the launch's own reasons.
 */
export async function previewLaunch(db: PrismaClient, body: LaunchBody, me: Principal) {
  const { definition: def, jurisdiction, cases } = await prepareLaunch(db, body, me);
  const names = new Map(
    (await db.jurisdiction.findMany({ where: { id: { in: [...new Set(cases.map((c) => c.jurisdictionId))] } } })).map((j) => [j.id, j.name]),
  );
  const perJurisdiction = new Map<string, number>();
  for (const c of cases) perJurisdiction.set(c.jurisdictionId, (perJurisdiction.get(c.jurisdictionId) ?? 0) + 1);
  return {
    name: def.name,
    programme: def.programme,
    kind: def.kind,
    year: def.year,
    jurisdictionId: def.jurisdictionId,
    jurisdictionName: jurisdiction.name,
    stages: def.stages.map((s) => ({ key: s.key, name: s.name, nameEn: s.nameEn, startsAt: new Date(s.startsAt), dueAt: new Date(s.dueAt) })),
    /** Application and register programmes enrol no one at launch: operators apply. */
    byApplication: def.kind === 'application' || def.kind === 'register',
    operators: cases.length,
    operatorsByJurisdiction: [...perJurisdiction]
      .map(([jurisdictionId, count]) => ({ jurisdictionId, name: names.get(jurisdictionId) ?? jurisdictionId, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh')),
  };
}

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
  /** Operators per stored enrolment page (ENROLMENT_PAGE_SIZE unless a test says). */
  enrolmentPageSize?: number;
  /** The enrolment prepareLaunch already checked (else it is worked out here). */
  cases?: Awaited<ReturnType<typeof enrolmentOf>>;
}) {
  const { db, definition: def } = opts;
  const j = await db.jurisdiction.findUnique({ where: { id: def.jurisdictionId } });
  if (!j)
    throw badRequest(`辖区 ${def.jurisdictionId} 不存在`, `jurisdiction ${def.jurisdictionId} does not exist`, [
      { path: 'jurisdictionId', messageZh: '辖区不存在', messageEn: 'unknown jurisdiction' },
    ]);
  const existing = await db.campaign.findUnique({ where: { id: def.campaignId } });
  if (existing) throw duplicate(existing, j.name);
  const cases = opts.cases ?? (await enrolmentOf(db, def, opts.operatorIds));
  const workflowId = campaignWorkflowId(def.campaignId);
  // The operators by reference, stored before the start: the campaign reads them in pages, and its batches
  // read the seeds (a province's launch named in the input would pass Temporal's 2 MB payload limit).
  const enrolment = await storeEnrolment(db, def.campaignId, cases, opts.enrolmentPageSize ?? ENROLMENT_PAGE_SIZE);
  const input: CampaignInput = {
    definition: def,
    ...(enrolment ? { enrolment } : {}),
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
    if (e instanceof WorkflowExecutionAlreadyStartedError || (e as Error)?.cause instanceof WorkflowExecutionAlreadyStartedError) {
      // Not started: nothing will read this launch's enrolment.
      if (enrolment) await db.launchEnrolment.deleteMany({ where: { launchId: enrolment.launchId } });
      throw duplicate(def, j.name);
    }
    throw e;
  }
}

/** Operators per stored enrolment page: 10,000 ids of 21 characters make about 250 KB, one activity result each. */
export const ENROLMENT_PAGE_SIZE = 10_000;

/** Stores a launch's operators in pages, in one transaction; none for a launch that enrols nobody. */
async function storeEnrolment(
  db: PrismaClient,
  campaignId: string,
  cases: { operatorId: string }[],
  pageSize: number,
): Promise<LaunchEnrolmentRef | undefined> {
  if (cases.length === 0) return undefined;
  const launchId = randomUUID();
  const pages = inSlices(
    cases.map((c) => c.operatorId),
    pageSize,
  ).map((operatorIds, page) => ({ launchId, page, campaignId, operatorIds }));
  await db.launchEnrolment.createMany({ data: pages });
  return { launchId, pages: pages.length, operators: cases.length };
}
