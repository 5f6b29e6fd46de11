// The product's own paths under load: a campaign launch's fan-out (launchCampaign → CampaignWorkflow →
// one CaseWorkflow per operator) and officers completing tasks through the API (POST
// /api/tasks/:id/complete → Update → CaseWorkflow → activity → projection).
import bcrypt from 'bcryptjs';
import type { Client } from '@temporalio/client';
import { launchCampaign, campaignWorkflowId } from '../../api/campaign-launch.js';
import { caseBatchWorkflowId } from '../../workflows/case-batch.js';
import { terminateCampaign } from '../../runtime/campaign-termination.js';
import { defineCampaign } from '../../domain/campaign-definition.js';
import { PROGRAMMES } from '../../domain/programmes/index.js';
import { SELF_CHECK_AREAS } from '../../domain/self-check.js';
import { shanghaiDate } from '../../domain/time.js';
import { usccCheckChar } from '../../domain/uscc.js';
import type { PrismaClient } from '../../prisma/db.js';
import { DEMO_JURISDICTIONS } from '../../prisma/seed.js';
import { signIn, type ApiSession } from './api.js';
import { BENCH_PASSWORD } from './stack.js';
import { latencySummary, pollUntil, sleep } from './util.js';

const DAY = 24 * 3600_000;
const COUNTY = '330522'; // 长兴县
const STATIONS = DEMO_JURISDICTIONS.filter((j) => j.parent === COUNTY).map((j) => j.id);
const WORDS = ['紫笋茶', '百叶龙', '银杏', '太湖鲜', '吊瓜子', '芦笋', '青梅', '湖羊', '白茶', '板栗', '杨梅', '螺蛳', '青虾', '稻米', '竹笋'];
const SUFFIX = ['电子商务有限公司', '直播间', '农产品商行', '社区团购服务部', '食品有限公司'];
const COORDINATOR = { userId: 'u-coord-changxing', role: 'coordinator' as const, displayName: '长兴县统筹' };

/** `count` Changxing operators in the county's stations, created in bulk (ids `op-<prefix>-NNNNN`). */
export async function createOperators(
  db: PrismaClient,
  prefix: string,
  count: number,
  /** The i-th operator's station: by default the stations in turn. */
  stationOf: (i: number) => string = (i) => STATIONS[i % STATIONS.length]!,
): Promise<string[]> {
  const ids: string[] = [];
  for (let from = 0; from < count; from += 5000) {
    const data = Array.from({ length: Math.min(5000, count - from) }, (_, k) => {
      const i = from + k;
      const first17 = `92${COUNTY}M${prefix.toUpperCase().slice(-1)}${String(i).padStart(7, '0')}`;
      const id = `op-${prefix}-${String(i + 1).padStart(5, '0')}`;
      ids.push(id);
      return {
        id,
        name: `长兴${WORDS[i % WORDS.length]}${SUFFIX[(i * 7) % SUFFIX.length]}（${prefix}${i + 1}）`,
        uscc: first17 + usccCheckChar(first17),
        kind: i % 3 === 0 ? 'live_room' : 'enterprise',
        jurisdictionId: stationOf(i),
        registeredOn: new Date(Date.UTC(2015 + (i % 9), i % 12, 1 + (i % 27))),
        track: i % 4 === 3 ? 'community_group_buying' : 'live_marketing',
        platformAccounts: [{ platform: ['douyin', 'kuaishou', 'wechat'][i % 3]!, account: `${prefix}_live_${i + 1}` }],
      };
    });
    await db.operator.createMany({ data });
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------------
// Fan-out

export interface FanoutResult {
  cases: number;
  started: number;
  projected: number;
  seconds: number;
  rate: number;
  capped: boolean;
  launchSeconds: number;
  counter: string;
  workflowStatus: string;
  /** History lengths (events) once the cases have started: the campaign's, and the first batch's. */
  histories: { campaign?: number; batch?: number; batches?: number };
  /** GET /api/campaigns/:id/progress as the coordinator, every 500 ms during the fan-out. */
  page: ReturnType<typeof latencySummary> & { started: number; errors: string[] };
  error?: string;
}

/**
 * Launches a Changxing campaign of `cases` operators through launchCampaign and counts its case
 * workflows (visibility) from the launch call until all are started or `capSeconds` have passed; then
 * terminates it and its cases (runtime/campaign-termination.ts) and waits for them to be closed.
 */
export async function fanout(
  client: Client,
  db: PrismaClient,
  taskQueue: string,
  opts: { cases: number; capSeconds: number; apiUrl: string; log: (l: string) => void },
): Promise<FanoutResult> {
  const year = new Date().getUTCFullYear() + 1; // the programme's default calendar, next year: no stage opens meanwhile
  const t = Date.now();
  const operatorIds = await createOperators(db, 'bf', opts.cases);
  opts.log(`created ${operatorIds.length} operators in ${COUNTY} in ${((Date.now() - t) / 1000).toFixed(1)} s (createMany)`);
  const r = defineCampaign(PROGRAMMES.changxing!, { year, jurisdictionId: COUNTY, name: `${year}年长兴放心电商（基准：启动）` });
  if (!r.definition) throw new Error(`fan-out campaign: ${JSON.stringify(r.problems)}`);
  const def = r.definition;
  const workflowId = campaignWorkflowId(def.campaignId);

  // Case workflows of this campaign: each carries its CampaignId (activities/case-start.ts).
  const counters = [
    { name: 'visibility: CampaignId + WorkflowType', query: `CampaignId = '${def.campaignId}' AND WorkflowType = 'CaseWorkflow'` },
    { name: 'visibility: WorkflowId prefix', query: `WorkflowType = 'CaseWorkflow' AND WorkflowId STARTS_WITH 'case-${def.campaignId}:'` },
  ];
  let counter: (typeof counters)[number] | undefined;
  for (const c of counters) {
    try {
      await client.workflow.count(c.query);
      counter = c;
      break;
    } catch {
      /* this server's visibility does not know it */
    }
  }
  const projectedCount = () => db.case.count({ where: { campaignId: def.campaignId } });
  const startedCount = async () => (counter ? (await client.workflow.count(counter.query)).count : await projectedCount());

  // The coordinator watches the campaign page meanwhile: it must answer from the projection throughout.
  const coordinator = await signIn(opts.apiUrl, 'coord.changxing', BENCH_PASSWORD);
  const pageSamples: number[] = [];
  const pageErrors: string[] = [];
  let pageStarted = 0;
  let watching = true;
  const watch = (async () => {
    while (watching) {
      const t = performance.now();
      // A request that fails outright is one of the page's errors, not the end of the bench.
      const r = await coordinator
        .call('GET', `/campaigns/${encodeURIComponent(def.campaignId)}/progress`)
        .catch((e: Error) => ({ status: 0, body: `${e.message}: ${String((e.cause as Error | undefined)?.message ?? '')}` }));
      if (r.status === 200) {
        pageSamples.push(performance.now() - t);
        pageStarted = Math.max(pageStarted, (r.body as { cases: { started: number } }).cases.started);
      } else if (r.status !== 404 && pageErrors.length < 3) pageErrors.push(`${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      await sleep(500);
    }
  })();

  const t0 = performance.now();
  let launchSeconds = NaN;
  let error: string | undefined;
  const launch = launchCampaign({ client, db, taskQueue, definition: def, actor: COORDINATOR, operatorIds }).then(
    () => void (launchSeconds = (performance.now() - t0) / 1000),
    (e: Error) => void (error = `launch failed: ${e.message.slice(0, 500)}`),
  );
  let lastLog = 0;
  let startedAt = 0;
  const { value: started, timedOut } = await pollUntil(
    async () => {
      const n = error ? -1 : await startedCount();
      if (n >= opts.cases && !startedAt) startedAt = performance.now();
      return n;
    },
    (n) => n < 0 || n >= opts.cases,
    {
      timeoutMs: opts.capSeconds * 1000,
      intervalMs: 500,
      onValue: (n) => {
        const s = (performance.now() - t0) / 1000;
        if (s - lastLog >= 10) {
          lastLog = s;
          opts.log(`  ${s.toFixed(0)} s: ${n} case workflows started (${(n / s).toFixed(1)}/s)`);
        }
      },
    },
  );
  const seconds = ((startedAt || performance.now()) - t0) / 1000;
  watching = false;
  await watch;
  await Promise.race([launch, sleep(1000)]);
  const projected = await projectedCount();
  let workflowStatus = 'never started';
  // No history grows with the number of cases: the campaign's holds one start per batch.
  const histories: { campaign?: number; batch?: number; batches?: number } = {};
  try {
    const d = await client.workflow.getHandle(workflowId).describe();
    workflowStatus = d.status.name;
    histories.campaign = d.historyLength;
    histories.batches = (await client.workflow.count(`RootWorkflowId = '${workflowId}' AND WorkflowType = 'CaseBatchWorkflow'`)).count;
    histories.batch = (await client.workflow.getHandle(caseBatchWorkflowId(def.campaignId, 1)).describe()).historyLength;
    await terminateCampaign(client, def.campaignId, 'npm run bench: fan-out measured');
  } catch (e) {
    if (!error) workflowStatus = `unknown (${(e as Error).message.slice(0, 200)})`;
  }
  if (counter && !error) {
    const running = `${counter.query} AND ExecutionStatus = 'Running'`;
    const { value, timedOut: slow } = await pollUntil(
      async () => (await client.workflow.count(running)).count,
      (n) => n === 0,
      { timeoutMs: 180_000, intervalMs: 1000 },
    );
    opts.log(
      slow ? `  ${value} case workflows still running 3 minutes after the campaign was terminated` : '  campaign terminated, its case workflows with it',
    );
  }
  const n = Math.max(0, started);
  return {
    cases: opts.cases,
    started: n,
    projected,
    seconds,
    rate: n / seconds,
    capped: timedOut,
    launchSeconds,
    counter: counter?.name ?? 'case_file rows',
    workflowStatus,
    histories,
    page: { ...latencySummary(pageSamples), started: pageStarted, errors: pageErrors },
    ...(error ? { error } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------
// Task completion through the API

/** A self-check body as an officer would send it: eight areas, one in five with an issue found and fixed. */
function selfCheckBody(i: number) {
  return {
    areas: SELF_CHECK_AREAS.map((a, k) =>
      i % 5 === 0 && k === i % 8
        ? { key: a.key, finding: 'issue', description: '直播间商品标签信息不全，已当场整改', fixed: true }
        : { key: a.key, finding: 'compliant' },
    ),
  };
}

/**
 * A campaign with its self-check stage open and `warmup` + `tasks` self-check tasks in the county's
 * stations, completed by `officers` station officers at once through POST /api/tasks/:id/complete. Each
 * officer takes the next open task of their station. The first `warmup` completions are untimed and their
 * decisions taken before the timed ones start, as the Flowable peer warms its JIT and caches with an
 * untimed batch of the same work first (../shared/peers/flowable/README.md).
 */
export async function completions(
  client: Client,
  db: PrismaClient,
  taskQueue: string,
  apiUrl: string,
  opts: {
    tasks: number;
    warmup: number;
    officers: number;
    log: (l: string) => void;
    /** Answered once recorded (202), as the console's officers may ask. */ early: boolean;
  },
) {
  const now = Date.now();
  const day = (offset: number) => shanghaiDate(now + offset * DAY);
  const year = Number(day(0).slice(0, 4));
  const hash = await bcrypt.hash(BENCH_PASSWORD, 10);
  const officers = Array.from({ length: opts.officers }, (_, i) => ({
    id: `u-bench-officer-${i + 1}`,
    username: `bench.officer.${i + 1}`,
    station: STATIONS[i % STATIONS.length]!,
  }));
  // Each station's tasks in proportion to its officers (20 over six stations are four at two of them),
  // so that no officer runs out of tasks while the others still work, as the peer's officers do not.
  const operatorIds = await createOperators(db, 'bc', opts.tasks + opts.warmup, (i) => officers[i % officers.length]!.station);
  await db.user.createMany({
    data: officers.map((o) => ({
      id: o.id,
      username: o.username,
      displayName: `基准执法员${o.id.slice(-2)}`,
      passwordHash: hash,
      role: 'county_officer',
      jurisdictionId: o.station,
    })),
  });

  const r = defineCampaign(PROGRAMMES.changxing!, {
    year,
    jurisdictionId: COUNTY,
    name: `${year}年长兴放心电商（基准：办理）`,
    stages: [
      { key: 'mobilization', startsAt: day(-20), dueAt: day(-8) },
      { key: 'self_check', startsAt: day(-7), dueAt: day(10) },
      { key: 'rectification', startsAt: day(11), dueAt: day(40) },
      { key: 'evaluation', startsAt: day(41), dueAt: day(70) },
      { key: 'summary', startsAt: day(71), dueAt: day(80) },
    ],
  });
  if (!r.definition) throw new Error(`completion campaign: ${JSON.stringify(r.problems)}`);
  const campaignId = r.definition.campaignId;
  const t0 = performance.now();
  await launchCampaign({ client, db, taskQueue, definition: r.definition, actor: COORDINATOR, operatorIds });
  const where = { campaignId, type: 'self_check', status: 'open' };
  const { value: open, timedOut } = await pollUntil(
    () => db.task.count({ where }),
    (n) => n >= opts.tasks + opts.warmup,
    { timeoutMs: 300_000, intervalMs: 500 },
  );
  opts.log(
    `campaign ${campaignId}: ${open} self-check tasks open ${((performance.now() - t0) / 1000).toFixed(1)} s after launch${timedOut ? ' (gave up waiting for the rest)' : ''}`,
  );

  const tasks = await db.task.findMany({ where, select: { id: true, jurisdictionId: true }, orderBy: { id: 'asc' } });
  const queues = new Map<string, string[]>(STATIONS.map((s) => [s, []]));
  for (const t of tasks) queues.get(t.jurisdictionId)?.push(t.id);
  const sessions: ApiSession[] = [];
  for (const o of officers) sessions.push(await signIn(apiUrl, o.username, BENCH_PASSWORD));

  const samples: number[] = [];
  const errors: string[] = [];
  let failed = 0;
  let seq = 0;
  /** The officers at once, each on their station's next task, until `count` are taken; each answer timed. */
  const round = async (count: number, took: string[]) => {
    const last = seq + count;
    await Promise.all(
      officers.map(async (o, k) => {
        const queue = queues.get(o.station)!;
        while (seq < last) {
          const id = queue.shift();
          if (!id) return;
          const i = seq++;
          const t = performance.now();
          const res = await sessions[k]!.call(
            'POST',
            `/tasks/${encodeURIComponent(id)}/complete`,
            selfCheckBody(i),
            undefined,
            opts.early ? { prefer: 'respond-async' } : {},
          );
          const elapsed = performance.now() - t;
          const b = res.body as { status?: string; submission?: { status: string } };
          const answered = res.status === 200 ? b.status === 'done' : res.status === 202 && b.submission?.status === 'pending';
          if (!answered) {
            failed++;
            if (errors.length < 5) errors.push(`${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
          } else {
            took.push(id);
            samples.push(elapsed);
          }
        }
      }),
    );
  };
  // Recorded, the decisions reach their workflows after the answers: wait until every one is taken (or
  // refused), and time each from recorded to taken (api/task-completion.ts).
  const settled = (ids: string[]) =>
    pollUntil(
      () => db.taskSubmission.findMany({ where: { taskId: { in: ids } }, select: { status: true, submittedAt: true, decidedAt: true } }),
      (xs) => xs.every((x) => x.status !== 'pending'),
      { timeoutMs: 300_000, intervalMs: 250 },
    );
  const warmedUp: string[] = [];
  const w0 = performance.now();
  await round(opts.warmup, warmedUp);
  const warm = await settled(warmedUp);
  opts.log(
    `warm-up (untimed): ${warmedUp.length} completions answered${failed ? ` (${failed} failed)` : ''} and ${warm.timedOut ? 'not all taken (gave up waiting)' : 'taken'} in ${((performance.now() - w0) / 1000).toFixed(1)} s`,
  );
  samples.length = 0;
  errors.length = 0;
  failed = 0;
  const timed: string[] = [];
  const t1 = performance.now();
  await round(opts.tasks, timed);
  const seconds = (performance.now() - t1) / 1000;
  const { value: subs } = await settled(timed);
  const applied = subs.filter((x) => x.status === 'applied' && x.decidedAt);
  const appliedLatency = latencySummary(applied.map((x) => x.decidedAt!.getTime() - x.submittedAt.getTime()));
  const lastTaken = Math.max(...applied.map((x) => x.decidedAt!.getTime()));
  const firstSubmitted = Math.min(...subs.map((x) => x.submittedAt.getTime()));
  const appliedRate = applied.length / ((lastTaken - firstSubmitted) / 1000);
  // The projection: every completion recorded, and the review task it opens.
  const done = await db.task.count({ where: { campaignId, type: 'self_check', status: 'done' } });
  const { value: reviews } = await pollUntil(
    () => db.task.count({ where: { campaignId, type: 'self_check_review' } }),
    (n) => n >= done,
    { timeoutMs: 60_000, intervalMs: 500 },
  );
  const sampledCases = [
    ...new Set(
      (
        await db.task.findMany({
          where: { campaignId, type: 'self_check', status: 'done' },
          select: { caseId: true },
          orderBy: { completedAt: 'desc' },
          // The last 200 taken: enough that one slow workflow task does not move the p50.
          take: 200,
        })
      ).map((t) => t.caseId!),
    ),
  ];
  const breakdown = await completionBreakdown(
    client,
    sampledCases.map((c) => `case-${c}`),
  );
  return {
    campaignId,
    tasks: tasks.length,
    ...latencySummary(samples),
    warmup: warmedUp.length,
    throughput: timed.length / seconds,
    applied: {
      ...appliedLatency,
      rate: appliedRate,
      pending: subs.filter((x) => x.status === 'pending').length,
      refused: subs.filter((x) => x.status === 'refused').length,
    },
    failed,
    errors,
    done,
    reviews,
    breakdown,
  };
}

// ---------------------------------------------------------------------------------------------------
// Where a completion's time goes, read from the case workflows' histories

const at = (t: { seconds?: unknown; nanos?: number | null } | null | undefined) => (t ? Number(t.seconds ?? 0) * 1000 + (t.nanos ?? 0) / 1e6 : NaN);

/** temporal.api.enums.v1.TaskQueueKind: the worker's own queue of the workflows it has cached. */
const TASK_QUEUE_KIND_STICKY = 2;

/**
 * For each case workflow: from its completion Update's acceptance to its completion, and within that the
 * activities' and workflow tasks' time in the queue (scheduled → started: waiting for a worker slot or
 * poll) and at work (started → completed).
 */
export async function completionBreakdown(client: Client, workflowIds: string[]) {
  const update: number[] = [];
  const actWait: number[] = [];
  const actRun: number[] = [];
  const wftWait: number[] = [];
  const wftRun: number[] = [];
  let localActs = 0;
  let sticky = 0;
  for (const id of workflowIds) {
    const events = (await client.workflow.getHandle(id).fetchHistory()).events ?? [];
    const accepted = events.find((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    const completed = events.find((e) => e.workflowExecutionUpdateCompletedEventAttributes);
    if (!accepted || !completed) continue;
    // From the workflow task that delivered the Update (its validator and handler run in it) to the
    // Update's completion.
    const i = events.indexOf(accepted);
    const delivered = events
      .slice(0, i)
      .reverse()
      .find((e) => e.workflowTaskScheduledEventAttributes);
    const from = at(delivered?.eventTime ?? accepted.eventTime);
    // On the worker's own (sticky) queue, to the workflow it has cached; otherwise to any poller, with the
    // whole history to replay.
    if (delivered?.workflowTaskScheduledEventAttributes?.taskQueue?.kind === TASK_QUEUE_KIND_STICKY) sticky++;
    const to = at(completed.eventTime);
    update.push(to - from);
    const byId = new Map(events.map((e) => [Number(e.eventId), e]));
    for (const e of events) {
      const t = at(e.eventTime);
      if (t < from - 1 || t > to + 1) continue;
      // A patch's marker is a marker too: only the local activities' count.
      if (e.markerRecordedEventAttributes?.markerName === 'core_local_activity') localActs++;
      const a = e.activityTaskStartedEventAttributes;
      if (a) actWait.push(t - at(byId.get(Number(a.scheduledEventId))?.eventTime));
      const c = e.activityTaskCompletedEventAttributes;
      if (c) actRun.push(t - at(byId.get(Number(c.startedEventId))?.eventTime));
      const ws = e.workflowTaskStartedEventAttributes;
      if (ws) wftWait.push(t - at(byId.get(Number(e.eventId) - 1)?.eventTime));
      const wc = e.workflowTaskCompletedEventAttributes;
      if (wc) wftRun.push(t - at(byId.get(Number(wc.startedEventId))?.eventTime));
    }
  }
  return {
    sampled: update.length,
    update: latencySummary(update),
    actWait: latencySummary(actWait),
    actRun: latencySummary(actRun),
    wftWait: latencySummary(wftWait),
    wftRun: latencySummary(wftRun),
    activitiesPerUpdate: actRun.length / Math.max(1, update.length),
    localActivitiesPerUpdate: localActs / Math.max(1, update.length),
    sticky,
  };
}
