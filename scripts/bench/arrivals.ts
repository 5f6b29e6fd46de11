// Arrivals at running campaigns (README "Bounded histories"): Zhoushan applications and Lijiang register
// applications filed through the API (POST /api/campaigns/:id/applications and …/intake-applications →
// api/arrivals.ts → the campaign's arrival shard → one case workflow each), into one campaign each, with
// the campaign page watched meanwhile. Then the coordinator closes each campaign's stage (the news goes
// through every shard to every case) and Lijiang's office opens one review batch of everything filed.
// What it is for: no workflow's history may grow with the number of arrivals (scripts/bench/histories.ts).
import type { Client } from '@temporalio/client';
import { launchCampaign } from '../../api/campaign-launch.js';
import { defineCampaign, type CampaignDefinition } from '../../domain/campaign-definition.js';
import { BUILT_IN } from '../../domain/programmes/index.js';
import type { Actor } from '../../domain/roles.js';
import { shanghaiDate } from '../../domain/time.js';
import { usccCheckChar } from '../../domain/uscc.js';
import type { PrismaClient } from '../../prisma/db.js';
import { signIn, type ApiSession } from './api.js';
import { BENCH_PASSWORD } from './stack.js';
import { latencySummary, pollUntil, pool, sleep } from './util.js';

const DAY = 86_400_000;
const ZHOUSHAN_COUNTIES = ['330902', '330903', '330921', '330922'];
const LIJIANG_COUNTIES = ['530702', '530721'];
const ZS_COORDINATOR: Actor = { userId: 'u-coord-zhoushan', role: 'coordinator', displayName: '舟山市统筹' };
const LJ_COORDINATOR: Actor = { userId: 'u-coord-lijiang', role: 'coordinator', displayName: '丽江市统筹' };

/** A Zhoushan application form (domain/application-form.ts). */
const applicationForm = (i: number) => ({
  liveRoomName: `基准直播间${i + 1}`,
  address: `舟山市定海区基准路 ${i + 1} 号`,
  contactName: '王某',
  contactPhone: '0580-1234567',
  platformAccounts: [{ platform: 'douyin', account: `bench_zs_${i + 1}`, followers: 1000 + i }],
  mainCategories: ['水产品'],
  streamerCount: 2,
  certifiedStreamers: 1,
  annualSalesWan: 100,
  contentRetentionYears: 3,
  complianceStatement: true,
});
/** A Lijiang product application (domain/intake.ts): every third one a time-honoured brand, reviewed first. */
const productForm = (i: number) => ({
  register: 'product',
  productName: `基准产品${i + 1}`,
  category: i % 3 === 0 ? 'time_honoured' : 'primary_agricultural',
  ...(i % 3 === 0 ? {} : { grade: '一级果' }),
  specifications: '5 kg / 箱',
  executionStandard: 'GB/T 13607',
  dropshipping: true,
  liveLinks: [{ platform: 'douyin', url: `https://v.douyin.com/bench${i + 1}/` }],
  shipping: '顺丰冷链，48 小时内发货',
  dailyVolume: 300,
  serviceHours: i % 3 === 0 ? { daysPerWeek: 7, hoursPerDay: 12 } : { daysPerWeek: 6, hoursPerDay: 10 },
});

/** `count` operators in `counties`, registered years ago and on no list (eligible everywhere), in bulk. */
async function createOperators(db: PrismaClient, prefix: string, letter: string, counties: string[], count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let from = 0; from < count; from += 5000) {
    const data = Array.from({ length: Math.min(5000, count - from) }, (_, k) => {
      const i = from + k;
      const county = counties[i % counties.length]!;
      const first17 = `92${county}M${letter}${String(i).padStart(7, '0')}`;
      const id = `op-${prefix}-${String(i + 1).padStart(5, '0')}`;
      ids.push(id);
      return {
        id,
        name: `基准${prefix === 'za' ? '直播间' : '申报人'}（${prefix}${i + 1}）`,
        uscc: first17 + usccCheckChar(first17),
        kind: 'live_room',
        jurisdictionId: county,
        registeredOn: new Date(Date.UTC(2015 + (i % 5), i % 12, 1 + (i % 27))),
      };
    });
    await db.operator.createMany({ data });
  }
  return ids;
}

export interface FilingResult {
  programme: string;
  campaignId: string;
  workflowId: string;
  filed: number;
  failed: number;
  /** Failures by answer (HTTP status, or 0 for no answer): a busy 503 is not a lost one. */
  failures: Record<string, number>;
  seconds: number;
  rate: number;
  latency: ReturnType<typeof latencySummary>;
  errors: string[];
}

export interface ArrivalsResult {
  applications: FilingResult;
  intakes: FilingResult;
  /** GET /api/campaigns/:id and …/progress as each coordinator, every 500 ms while filing. */
  page: ReturnType<typeof latencySummary> & { errors: string[] };
  reviewsOpened: number;
  batchSeconds: number;
}

async function launch(client: Client, db: PrismaClient, taskQueue: string, def: CampaignDefinition, actor: Actor, stageKey: string, shardSize?: number) {
  const { workflowId } = await launchCampaign({ client, db, taskQueue, definition: def, actor, ...(shardSize ? { arrivalShardSize: shardSize } : {}) });
  await pollUntil(
    () => db.stage.findFirst({ where: { campaignId: def.campaignId, key: stageKey, status: 'open' } }),
    (s) => !!s,
    { timeoutMs: 60_000 },
  );
  return workflowId;
}

/** Failures by answer, e.g. " (503: 12, no answer: 3)"; nothing when none failed. */
const byAnswer = (f: Record<string, number>) => {
  const parts = Object.entries(f).map(([status, n]) => `${status === '0' ? 'no answer' : status}: ${n}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
};

/** Files `count` arrivals through the API, `concurrency` at once, logging every 10 s. */
async function file(
  programme: string,
  campaignId: string,
  workflowId: string,
  count: number,
  concurrency: number,
  post: (i: number) => Promise<{ status: number; body: unknown }>,
  log: (l: string) => void,
): Promise<FilingResult> {
  const samples: number[] = [];
  const errors: string[] = [];
  let failed = 0;
  const failures: Record<string, number> = {};
  let lastLog = 0;
  const t0 = performance.now();
  await pool(count, concurrency, async (i) => {
    const t = performance.now();
    const r = await post(i).catch((e: Error) => ({ status: 0, body: e.message }));
    if (r.status === 201) samples.push(performance.now() - t);
    else {
      failed++;
      failures[r.status] = (failures[r.status] ?? 0) + 1;
      if (errors.length < 5) {
        errors.push(`${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
        log(`  ${programme} #${i + 1} failed: ${errors.at(-1)}`);
      }
    }
    const s = (performance.now() - t0) / 1000;
    if (s - lastLog >= 10) {
      lastLog = s;
      log(`  ${s.toFixed(0)} s: ${samples.length} ${programme} filed (${(samples.length / s).toFixed(1)}/s), ${failed} failed`);
    }
  });
  const seconds = (performance.now() - t0) / 1000;
  return {
    programme,
    campaignId,
    workflowId,
    filed: samples.length,
    failed,
    failures,
    seconds,
    rate: samples.length / seconds,
    latency: latencySummary(samples),
    errors,
  };
}

export async function arrivals(
  client: Client,
  db: PrismaClient,
  taskQueue: string,
  apiUrl: string,
  opts: { applications: number; intakes: number; concurrency: number; shardSize?: number; log: (l: string) => void },
): Promise<ArrivalsResult> {
  const { log } = opts;
  const now = Date.now();
  const year = new Date(now).getUTCFullYear();
  const t = Date.now();
  const [zsOps, ljOps] = [
    await createOperators(db, 'za', 'A', ZHOUSHAN_COUNTIES, opts.applications),
    await createOperators(db, 'lb', 'B', LIJIANG_COUNTIES, opts.intakes),
  ];
  log(`created ${zsOps.length} Zhoushan and ${ljOps.length} Lijiang operators in ${((Date.now() - t) / 1000).toFixed(1)} s (createMany)`);

  // Zhoushan: the survey lies just behind, applications are open for a day, the audit and the list follow.
  const at = (ms: number) => new Date(now + ms).toISOString();
  const zs = defineCampaign(BUILT_IN.zhoushan, {
    year,
    jurisdictionId: '330900',
    name: `${year}年舟山绿色直播间（基准：申报）`,
    reminderLeadHours: 0,
    stages: [
      { key: 'survey', startsAt: at(-3000), dueAt: at(-2000) },
      { key: 'application', startsAt: at(-1000), dueAt: at(DAY) },
      { key: 'audit', startsAt: at(DAY + 1000), dueAt: at(2 * DAY) },
      { key: 'confirmation', startsAt: at(2 * DAY + 1000), dueAt: at(3 * DAY) },
    ],
  });
  const lj = defineCampaign(BUILT_IN.lijiang, {
    year,
    jurisdictionId: '530700',
    name: `${year}年丽江入库（基准：申报）`,
    reminderLeadHours: 0,
    stages: [{ key: 'intake', startsAt: at(300), dueAt: shanghaiDate(now + 400 * DAY) }],
  });
  if (!zs.definition || !lj.definition) throw new Error(`arrival campaigns: ${JSON.stringify([zs.problems, lj.problems])}`);
  const [zsWorkflow, ljWorkflow] = [
    await launch(client, db, taskQueue, zs.definition, ZS_COORDINATOR, 'application', opts.shardSize),
    await launch(client, db, taskQueue, lj.definition, LJ_COORDINATOR, 'intake', opts.shardSize),
  ];
  const zsId = zs.definition.campaignId;
  const ljId = lj.definition.campaignId;
  log(`launched ${zsId} (applications open) and ${ljId} (window open)${opts.shardSize ? `, shards of ${opts.shardSize}` : ''}`);

  const [zsCoord, ljCoord, ljAuditor]: ApiSession[] = [
    await signIn(apiUrl, 'coord.zhoushan', BENCH_PASSWORD),
    await signIn(apiUrl, 'coord.lijiang', BENCH_PASSWORD),
    await signIn(apiUrl, 'auditor.lijiang', BENCH_PASSWORD),
  ];
  const enc = encodeURIComponent;

  // The campaign pages, read from the projection, must answer throughout.
  const pageSamples: number[] = [];
  const pageErrors: string[] = [];
  let watching = true;
  const watch = (async () => {
    for (let k = 0; watching; k++) {
      const [s, id] = k % 2 === 0 ? [zsCoord!, zsId] : [ljCoord!, ljId];
      for (const p of [`/campaigns/${enc(id)}`, `/campaigns/${enc(id)}/progress`]) {
        const t1 = performance.now();
        const r = await s.call('GET', p).catch((e: Error) => ({ status: 0, body: e.message }));
        if (r.status === 200) pageSamples.push(performance.now() - t1);
        else if (pageErrors.length < 5) pageErrors.push(`${p}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      }
      await sleep(500);
    }
  })();

  const applications = await file(
    'applications',
    zsId,
    zsWorkflow,
    zsOps.length,
    opts.concurrency,
    (i) => zsCoord!.call('POST', `/campaigns/${enc(zsId)}/applications`, { operatorId: zsOps[i], form: applicationForm(i) }),
    log,
  );
  log(
    `  ${applications.filed} Zhoushan applications in ${applications.seconds.toFixed(1)} s (${applications.rate.toFixed(1)}/s), p50 ${applications.latency.p50.toFixed(0)} ms, p95 ${applications.latency.p95.toFixed(0)} ms; ${applications.failed} failed${byAnswer(applications.failures)}`,
  );
  const intakes = await file(
    'intakes',
    ljId,
    ljWorkflow,
    ljOps.length,
    opts.concurrency,
    (i) => ljCoord!.call('POST', `/campaigns/${enc(ljId)}/intake-applications`, { operatorId: ljOps[i], form: productForm(i) }),
    log,
  );
  log(
    `  ${intakes.filed} Lijiang applications in ${intakes.seconds.toFixed(1)} s (${intakes.rate.toFixed(1)}/s), p50 ${intakes.latency.p50.toFixed(0)} ms, p95 ${intakes.latency.p95.toFixed(0)} ms; ${intakes.failed} failed${byAnswer(intakes.failures)}`,
  );
  watching = false;
  await watch;

  // The stage news reaches every case through its shard: the application stage and the window close.
  // Closing marks every open task of the stage overdue and waits for the news to reach the shards: with
  // thousands of cases that takes minutes on a busy worker, so the API answers 202 once the campaign has
  // accepted the close (api/README.md), and the stage's row says when it is done.
  for (const [s, id, stage, reason] of [
    [zsCoord!, zsId, 'application', '申报截止（基准）'],
    [ljCoord!, ljId, 'intake', '本轮征集结束（基准）'],
  ] as const) {
    const t1 = performance.now();
    // 503: the campaign has not taken the close yet (a worker busy with the previous close): asked again,
    // as the console's user would; a close it took meanwhile answers 409 and its row says when it is done.
    let r = await s.call('POST', `/campaigns/${enc(id)}/stages/${stage}/close`, { reason });
    for (let n = 1; r.status === 503 && n < 10; n++) {
      log(`  closing ${stage} of ${id}: 503 (not taken yet), again`);
      await sleep(5000);
      r = await s.call('POST', `/campaigns/${enc(id)}/stages/${stage}/close`, { reason });
      if (r.status === 409) r = { ...r, status: 202 };
    }
    if (r.status !== 200 && r.status !== 202) throw new Error(`closing ${stage} of ${id}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    const answered = (performance.now() - t1) / 1000;
    if (r.status === 202)
      await pollUntil(
        () => db.stage.findFirst({ where: { campaignId: id, key: stage, status: 'closed' } }),
        (x) => !!x,
        { timeoutMs: 15 * 60_000, intervalMs: 1000 },
      );
    log(`  closed ${stage} of ${id} in ${((performance.now() - t1) / 1000).toFixed(1)} s (answered ${r.status} after ${answered.toFixed(1)} s)`);
  }
  // One review batch of everything filed: the shards place their cases (the batch's order is the
  // database's). Measured until every shard has passed its places on (its history stops growing); the
  // cases then open their reviews at their own pace.
  let reviewsOpened = 0;
  let batchSeconds = 0;
  if (intakes.filed) {
    const t2 = performance.now();
    const b = await ljAuditor!.call('POST', `/campaigns/${enc(ljId)}/intake-batches`, { reviewDueAt: shanghaiDate(now + 30 * DAY) }, 15 * 60_000);
    if (b.status !== 201) throw new Error(`review batch: ${b.status} ${JSON.stringify(b.body).slice(0, 300)}`);
    const { timedOut } = await settled(client, `arrival-shard-${ljId}-`);
    batchSeconds = (performance.now() - t2) / 1000;
    reviewsOpened = await db.task.count({ where: { campaignId: ljId, type: 'intake_review' } });
    log(
      `  review batch of ${(b.body as { size: number }).size}: passed on by every shard after ${batchSeconds.toFixed(0)} s${timedOut ? ' (gave up waiting)' : ''}; ${reviewsOpened} review tasks open by then`,
    );
  }
  const { timedOut: slow } = await settled(client, `arrival-shard-${zsId}-`);
  if (slow) log('  the Zhoushan shards were still passing the close on after 10 minutes');
  return { applications, intakes, page: { ...latencySummary(pageSamples), errors: pageErrors }, reviewsOpened, batchSeconds };
}

/** Waits (10 minutes at most) until no shard whose id starts with `prefix` has had a new event for 5 s. */
async function settled(client: Client, prefix: string): Promise<{ timedOut: boolean }> {
  const ids: string[] = [];
  for await (const w of client.workflow.list({ query: `WorkflowType = 'ArrivalShardWorkflow' AND WorkflowId STARTS_WITH '${prefix}'` })) ids.push(w.workflowId);
  const lengths = () => Promise.all(ids.map(async (id) => (await client.workflow.getHandle(id).describe()).historyLength));
  const deadline = Date.now() + 10 * 60_000;
  for (let last = await lengths(); ;) {
    await sleep(5000);
    const now = await lengths();
    if (now.every((n, i) => n === last[i])) return { timedOut: false };
    if (Date.now() > deadline) return { timedOut: true };
    last = now;
  }
}
