// npm run bench: how close the system comes to the engine's limit on this machine, in one
// run on a stack it starts itself (Temporal CLI dev server, PostgreSQL, the worker and the API as
// separate processes) and stops again, also on Ctrl-C. With TEMPORAL_ADDRESS set it uses that Temporal
// instead of a dev server (bash scripts/temporal-server.sh run -- npm run bench: one persisted in PostgreSQL):
//   1. raw no-op workflow start rate (and how fast the worker completes them): the engine's limit;
//   2. cases started per second while a --cases campaign launches, and its ratio to (1);
//   3. task completion latency through the API at --officers concurrent officers, against a raw Update;
//   4. GET /api/tasks p95 at --tasks task rows, on the embedded and (if given) the external PostgreSQL;
//   5. peak RSS of the worker and the API;
//   7. the longest event history of every workflow type the run created (none may exceed 10,000);
//   8. with --peer flowable, the same workload on Flowable 7.2 once this stack has stopped.
// With --applications N it runs step 6 instead of 1–4: N Zhoushan applications and N/2 Lijiang register
// applications filed through the API into one campaign each (scripts/bench/arrivals.ts), then 5 and 7.
// Ends with `bench: start_rate=N fanout_rate=N fanout_ratio=N completion_p95_ms=N update_p95_ms=N
// completion_rate=N update_rate=N list_p95_ms=N max_history_events=N worker_peak_mb=N` (with
// --applications: `bench: applications=N application_rate=N intakes=N intake_rate=N filing_p95_ms=N
// page_p95_ms=N max_history_events=N worker_peak_mb=N`). With --peer flowable, step 8 runs the Flowable
// peer once this stack has stopped (scripts/bench/peer.ts) and the line adds `peer_completion_p95_ms=N
// peer_completion_rate=N peer_fanout_rate=N`.
// Exit 0 when every step ran (a missed target is reported, not an error; --strict makes it exit 1).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { createPrisma } from '../prisma/db.js';
import { startDevServerOnFreePort } from '../runtime/temporal-server.js';
import { prepareNamespace } from '../runtime/temporal-setup.js';
import { configFromEnv, temporalConnectionOptions } from '../runtime/config.js';
import { completions, fanout } from './bench/campaigns.js';
import { rawStartRate, rawUpdateRoundTrip } from './bench/engine.js';
import { insertTasks, measureList, type ListResult } from './bench/list.js';
import { arrivals, type ArrivalsResult } from './bench/arrivals.js';
import { HISTORY_TARGET, historyCensus } from './bench/histories.js';
import { embeddedDatabase, freshDatabase, ROOT, RssMonitor, spawnNode, startApi, startExternalPostgres, waitForWorker, type Database } from './bench/stack.js';
import { Cleanup, ms, round } from './bench/util.js';
import { runFlowablePeer, type PeerFigures } from './bench/peer.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    tasks: { type: 'string', default: '100000' },
    raw: { type: 'string' },
    concurrency: { type: 'string', default: '32' },
    officers: { type: 'string', default: '20' },
    completions: { type: 'string' },
    warmup: { type: 'string', default: '250' },
    answer: { type: 'string', default: 'recorded' },
    'fanout-cap': { type: 'string', default: '120' },
    'list-rounds': { type: 'string', default: '10' },
    'external-pg': { type: 'boolean', default: false },
    'temporal-db': { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
    applications: { type: 'string' },
    intakes: { type: 'string' },
    'filing-concurrency': { type: 'string', default: '16' },
    'shard-size': { type: 'string' },
    peer: { type: 'string' },
  },
});
if (values.help) {
  console.log(`npm run bench -- [options]
  --cases N         cases in the fan-out campaign (10000)
  --tasks N         task rows for the list benchmark (100000)
  --raw N           no-op workflows for the raw start rate (default: --cases, between 1000 and 3000)
  --concurrency N   start calls in flight for the raw start rate (32)
  --officers N      concurrent officers completing tasks (20)
  --completions N   self-check tasks they complete (default: --cases / 25, between 100 and 400)
  --warmup N        untimed completions first, their decisions taken before the timed ones (250: as
                    many as the Flowable peer's untimed HTTP completions; the peer gets --warmup 2N,
                    at least 4, its own minimum); 0 times every completion, the first ones cold
  --answer WHEN     when an officer is answered: recorded (202 once the decision is durable, Prefer:
                    respond-async; the default) or taken (200 once the case workflow has taken it)
  --fanout-cap S    stop measuring the fan-out after S seconds and report the partial count (120)
  --list-rounds N   rounds of the list queries per persona (10, after one warm-up round)
  --external-pg     also run the list benchmark on Debian's PostgreSQL (scripts/external-postgres.sh)
  --temporal-db     the dev server persists to SQLite (as npm start does) instead of memory
                    (TEMPORAL_ADDRESS=host:port: no dev server but that Temporal, in a namespace of
                    the run's own, and TEMPORAL_TLS_… as the worker reads them)
  --strict          exit 1 when a target is missed
  --keep            keep the temp dir
  --applications N  instead of steps 1–4: file N Zhoushan applications and --intakes Lijiang register
                    applications (default N/2) through the API, one campaign each (step 6)
  --filing-concurrency N  applications in flight at once (16)
  --shard-size N    cases per arrival shard (default: the engine's, ARRIVAL_SHARD_SIZE)
  --peer flowable   then run the same workload on Flowable 7.2 (../shared/peers/flowable/run.sh, or
                    FLOWABLE_PEER_RUN) once this stack has stopped, and print the ratios ours / Flowable
Environment: DATABASE_URL (run on a fresh database of that server; the list benchmark also runs on the embedded one).
Quick check: npm run bench -- --cases 500 --tasks 5000`);
  process.exit(0);
}
const int = (name: string, v: string | undefined, min: number) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
  return n;
};
if (values.peer !== undefined && values.peer !== 'flowable') throw new Error(`--peer ${values.peer}: the only peer is flowable`);
const cases = int('cases', values.cases, 1);
const taskRows = int('tasks', values.tasks, 100);
const raw = values.raw ? int('raw', values.raw, 10) : Math.min(3000, Math.max(1000, cases));
const concurrency = int('concurrency', values.concurrency, 1);
const officers = int('officers', values.officers, 1);
const completionTasks = values.completions
  ? int('completions', values.completions, officers * 2)
  : Math.max(officers * 2, Math.min(400, Math.max(100, Math.round(cases / 25))));
const warmup = int('warmup', values.warmup, 0);
const answerWhen = values.answer;
if (answerWhen !== 'recorded' && answerWhen !== 'taken') {
  console.error(`--answer must be recorded or taken (got ${answerWhen})`);
  process.exit(2);
}
const fanoutCap = int('fanout-cap', values['fanout-cap'], 5);
const listRounds = int('list-rounds', values['list-rounds'], 1);
const applications = values.applications ? int('applications', values.applications, 1) : undefined;
const intakes = applications === undefined ? 0 : values.intakes ? int('intakes', values.intakes, 0) : Math.ceil(applications / 2);
const filingConcurrency = int('filing-concurrency', values['filing-concurrency'], 1);
const shardSize = values['shard-size'] ? int('shard-size', values['shard-size'], 1) : undefined;

// The issue's goals (README "Benchmarks"): the worker's run of a completion's workflow task, and its peak
// memory through the launch and the completions, are targets as the answers are.
const TARGETS = { fanoutRatio: 0.5, completionP95: 150, listP95: 50, wftRunP50: 30, workerPeakMb: 1024 };
const log = (l: string) => console.log(`[bench] ${l}`);
/** The run's figures: the last line printed (after the peer's, with --peer) and what the peer is compared with. */
let lastLine = '';
let ours: Record<string, number> = {};
const cleanup = new Cleanup();
const dir = mkdtempSync(path.join(tmpdir(), 'campaign-bench-'));
chmodSync(dir, 0o755); // as root, PostgreSQL runs as the `postgres` user and must reach its data dir
if (!values.keep) cleanup.add('temp dir', () => rmSync(dir, { recursive: true, force: true }));

let interrupted = false;
/**
 * Stops everything the bench started, then exits: on a signal, or on an error nothing awaited. A
 * progress watcher's failed request once ended the bench by Node's default and left its embedded
 * PostgreSQL running.
 */
function stopAll(why: string, code: number): void {
  if (interrupted) return;
  interrupted = true;
  log(`${why}: stopping everything the bench started…`);
  // Calls in flight fail as their connections close: that must not cut the cleanup short.
  process.on('uncaughtException', () => {});
  process.on('unhandledRejection', () => {});
  void cleanup.run(log).then(() => {
    log('stopped');
    process.exit(code);
  });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(signal, 130));
process.on('uncaughtException', (e) => stopAll(`uncaught exception: ${e.stack ?? String(e)}`, 1));
process.on('unhandledRejection', (e) => stopAll(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`, 1));

const verdict = (ok: boolean, what: string) => `${ok ? 'met' : 'MISSED'} target ${what}`;

async function main(): Promise<number> {
  const started = Date.now();
  log(`${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}; temp dir ${dir}`);
  const load = () => loadavg()[0]!;
  const busy = () => (load() > cpus().length ? ` — the machine is busy with other work (load above ${cpus().length} CPUs): the figures are low` : '');
  log(`load average ${load().toFixed(1)}${busy()}`);
  log(
    `cases=${cases} tasks=${taskRows} raw=${raw} concurrency=${concurrency} officers=${officers} completions=${completionTasks} warmup=${warmup} fanout-cap=${fanoutCap}s`,
  );

  // PostgreSQL: a fresh database on DATABASE_URL's server, or an embedded server.
  const external = process.env.DATABASE_URL;
  const main: Database = external
    ? await freshDatabase(external, `campaign_bench_${Date.now()}_${process.pid}`, cleanup, 'external')
    : await embeddedDatabase(path.join(dir, 'pg'), cleanup);
  log(`database: ${main.label}`);

  // Temporal: the cluster at TEMPORAL_ADDRESS (a self-hosted one: scripts/temporal-server.sh) with a
  // namespace of the run's own, prepared like a deployment's (runtime/temporal-setup.ts) and deleted
  // after: campaign and case ids repeat from run to run, and the bench counts workflows by id. Otherwise
  // a dev server of the bench's own.
  const given = process.env.TEMPORAL_ADDRESS;
  const namespace = given ? `campaign-bench-${Date.now()}` : 'default';
  // The TLS and API-key settings a deployment gives its worker and API apply to the bench's own calls.
  const connectTo = (address: string) =>
    Connection.connect(given ? temporalConnectionOptions(configFromEnv({ ...process.env, TEMPORAL_ADDRESS: address })) : { address });
  let temporalAddress: string;
  if (given) {
    if (values['temporal-db']) log('--temporal-db is ignored: TEMPORAL_ADDRESS names the Temporal to use');
    temporalAddress = given;
    const setup = await connectTo(given);
    await prepareNamespace(setup, namespace, log, 1);
    const { serverVersion } = await setup.workflowService.getSystemInfo({});
    cleanup.add(`namespace ${namespace}`, async () => {
      await setup.operatorService.deleteNamespace({ namespace }).catch((e: Error) => log(`  could not delete namespace ${namespace}: ${e.message}`));
      await setup.close();
    });
    log(`Temporal at ${given} (TEMPORAL_ADDRESS), server ${serverVersion || '?'}, namespace ${namespace} (deleted after)`);
  } else {
    const temporal = await startDevServerOnFreePort({ ...(values['temporal-db'] ? { dbFile: path.join(dir, 'temporal.db') } : {}), log: () => {} });
    cleanup.add('Temporal dev server', () => temporal.stop());
    temporalAddress = temporal.address;
    log(`Temporal dev server on ${temporal.address} (${values['temporal-db'] ? 'SQLite file' : 'in memory'})`);
  }

  const taskQueue = 'campaigns-bench';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: main.url,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: namespace,
    TEMPORAL_TASK_QUEUE: taskQueue,
  };
  delete env.WORKFLOW_BUNDLE_PATH; // the worker has its workflows bundled at start, as under npm start
  // …the production workflows and the bench's own (workflows/bench/): only this worker bundles those.
  env.WORKER_WORKFLOWS_PATH = path.join(ROOT, 'workflows/bench/index.ts');
  env.METRICS_PORT ??= '0'; // the worker's /metrics on any free port: one under npm start may hold 9464
  const rss = new RssMonitor();
  const worker = spawnNode('worker', 'runtime/worker-main.ts', env, cleanup);
  rss.watch('worker', worker.pid);
  const api = await startApi('api', env, cleanup);
  rss.watch('api', api.pid);
  rss.start();
  const connection = await connectTo(temporalAddress);
  cleanup.add('client connection', () => connection.close());
  const client = new Client({ connection, namespace });
  await waitForWorker(connection, namespace, taskQueue, worker);
  const db = createPrisma(main.url, { poolSize: 4 });
  cleanup.add('bench database client', () => db.$disconnect());
  log(`worker (pid ${worker.pid}) and API (pid ${api.pid}, ${api.url}) up after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  rss.mark();
  log(
    `  RSS after start-up: ${rss
      .report()
      .map((p) => `${p.name} ${p.loadPeakMb.toFixed(0)} MB`)
      .join(', ')}`,
  );

  const results: Record<string, number> = {};
  const missed: string[] = [];
  const failedSteps: string[] = [];
  const step = async (name: string, fn: () => Promise<void>) => {
    if (interrupted) return;
    // --applications runs the arrivals (6) instead of steps 1–4; the history census (7) runs always.
    if (applications !== undefined ? /^[1-4][a-z]?\./.test(name) : name.startsWith('6.')) return;
    const t = Date.now();
    log(`— ${name}`);
    try {
      await fn();
    } catch (e) {
      if (interrupted) return;
      failedSteps.push(name);
      log(`${name} FAILED: ${(e as Error).stack ?? e}`);
      for (const p of [worker, api]) if (p.exited) log(`${p.name} has exited; its last lines:\n${p.log.slice(-20).join('\n')}`);
    }
    log(`  (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  };

  await step(`1. raw start rate: ${raw} no-op workflows, ${concurrency} start calls in flight`, async () => {
    const r = await rawStartRate(client, taskQueue, { count: raw, concurrency, capSeconds: fanoutCap, log: (l) => log(`  ${l}`) });
    results.startRate = r.startRate;
    results.completeRate = r.completeRate;
    log(
      `  start rate ${r.startRate.toFixed(1)} workflows/s; the worker completed ${r.completed} in ${r.completeSeconds.toFixed(1)} s from the first start: ${r.completeRate.toFixed(1)} workflows/s${r.completed < r.started ? ` — CAPPED ${fanoutCap} s after the last start, partial count` : ''}`,
    );
    for (const e of r.errors) log(`  start error: ${e}`);
  });

  await step(`3a. raw Update round-trip: ${completionTasks} Updates to tiny workflows, ${officers} at once`, async () => {
    const r = await rawUpdateRoundTrip(client, taskQueue, { count: completionTasks, concurrency: officers, warmup: officers });
    results.rawUpdateP95 = r.p95;
    results.rawUpdateRate = r.throughput;
    log(
      `  p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms, p99 ${ms(r.p99)} ms, max ${ms(r.max)} ms (${r.n} Updates after ${officers} warm-up, ${r.throughput.toFixed(0)}/s)`,
    );
    for (const e of r.errors) log(`  error: ${e}`);
  });

  await step(`3b. task completion through the API: ${completionTasks} self-checks, ${officers} officers at once`, async () => {
    const early = answerWhen === 'recorded';
    const r = await completions(client, db, taskQueue, api.url, { tasks: completionTasks, warmup, officers, early, log: (l) => log(`  ${l}`) });
    results.completionP95 = r.p95;
    results.completionRate = r.throughput;
    results.appliedP95 = r.applied.p95;
    results.appliedRate = r.applied.rate;
    log(
      early
        ? `  POST /api/tasks/:id/complete (Prefer: respond-async) → check → submission recorded → 202; then → Update → CaseWorkflow → activities → projection:`
        : `  POST /api/tasks/:id/complete → check → submission recorded → Update → CaseWorkflow → activities → projection → 200:`,
    );
    log(
      `  answered: p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms, p99 ${ms(r.p99)} ms, max ${ms(r.max)} ms (${r.n} completions after ${r.warmup} warm-up, ${r.throughput.toFixed(1)}/s; ${r.failed} failed)`,
    );
    log(
      `  taken by the workflow, from recorded: p50 ${ms(r.applied.p50)} ms, p95 ${ms(r.applied.p95)} ms, max ${ms(r.applied.max)} ms; ${r.applied.rate.toFixed(1)}/s from the first recorded to the last taken (${r.applied.n} taken, ${r.applied.refused} refused, ${r.applied.pending} still pending)`,
    );
    if (r.applied.pending || r.applied.refused) failedSteps.push(`${r.applied.pending + r.applied.refused} recorded completions not taken`);
    log(`  projection: ${r.done} self-checks done, ${r.reviews} review tasks opened`);
    const b = r.breakdown;
    log(
      `  inside the workflow (histories of ${b.sampled} cases, p50/p95): workflow task delivering the Update → Update completed ${ms(b.update.p50)}/${ms(b.update.p95)} ms with ${b.activitiesPerUpdate.toFixed(1)} activities and ${b.localActivitiesPerUpdate.toFixed(1)} local activities;`,
    );
    log(
      `    activity queue ${ms(b.actWait.p50)}/${ms(b.actWait.p95)} ms, run ${ms(b.actRun.p50)}/${ms(b.actRun.p95)} ms; workflow task queue ${ms(b.wftWait.p50)}/${ms(b.wftWait.p95)} ms, run ${ms(b.wftRun.p50)}/${ms(b.wftRun.p95)} ms; ${b.sticky} of ${b.sampled} Updates delivered on the worker's sticky queue`,
    );
    if (results.rawUpdateP95 !== undefined && results.rawUpdateRate !== undefined) {
      const p95Ratio = r.p95 / results.rawUpdateP95;
      const rateRatio = r.throughput / results.rawUpdateRate;
      log(`  ${verdict(p95Ratio <= 1.3, `answer p95 ≤ 1.3 × the raw Update's`)} (${p95Ratio.toFixed(2)} × ${ms(results.rawUpdateP95)} ms)`);
      log(`  ${verdict(rateRatio >= 0.75, `completions per second ≥ 0.75 × the raw Update's`)} (${rateRatio.toFixed(2)} × ${ms(results.rawUpdateRate)}/s)`);
      if (p95Ratio > 1.3) missed.push('completion vs raw Update p95');
      if (rateRatio < 0.75) missed.push('completion vs raw Update rate');
    }
    results.wftRunP50 = b.wftRun.p50;
    const runOk = b.wftRun.p50 <= TARGETS.wftRunP50;
    if (!runOk) missed.push('completion workflow task run');
    log(`  ${verdict(runOk, `the workflow task's run p50 ≤ ${TARGETS.wftRunP50} ms`)} (${ms(b.wftRun.p50)} ms)`);
    for (const e of r.errors) log(`  error: ${e}`);
    if (r.failed) failedSteps.push(`${r.failed} completions failed`);
    const ok = r.p95 <= TARGETS.completionP95;
    if (!ok) missed.push('completion');
    log(`  ${verdict(ok, `completion p95 ≤ ${TARGETS.completionP95} ms`)} (${ms(r.p95)} ms)`);
  });

  await step(`2. fan-out: launching a ${cases}-case Changxing campaign (measured for at most ${fanoutCap} s)`, async () => {
    const r = await fanout(client, db, taskQueue, { cases, capSeconds: fanoutCap, apiUrl: api.url, log: (l) => log(`  ${l}`) });
    results.fanoutRate = r.rate;
    if (r.error) log(`  ${r.error}`);
    log(
      `  ${r.started}/${r.cases} case workflows started in ${r.seconds.toFixed(1)} s: ${r.rate.toFixed(1)} cases/s${r.capped ? ` — CAPPED at ${fanoutCap} s, partial count` : ''}`,
    );
    log(
      `  histories: the campaign's ${r.histories.campaign ?? '?'} events for ${r.histories.batches ?? '?'} launch batches; batch 1's ${r.histories.batch ?? '?'} events (Temporal's limit: 51,200)`,
    );
    log(
      `  the campaign page meanwhile (GET /api/campaigns/:id/progress every 0.5 s): ${r.page.n} answers, p50 ${ms(r.page.p50)} ms, p95 ${ms(r.page.p95)} ms, max ${ms(r.page.max)} ms; it showed up to ${r.page.started} cases started${r.page.errors.length ? `; errors: ${r.page.errors.join(' | ')}` : ''}`,
    );
    log(
      `  counted by ${r.counter}; ${r.projected} case_file rows projected by then; launchCampaign returned after ${Number.isFinite(r.launchSeconds) ? `${r.launchSeconds.toFixed(1)} s` : 'n/a'}; CampaignWorkflow ${r.workflowStatus === 'RUNNING' ? 'was running (terminated after)' : r.workflowStatus}`,
    );
    if (results.startRate) {
      results.fanoutRatio = r.rate / results.startRate;
      const ok = results.fanoutRatio >= TARGETS.fanoutRatio;
      if (!ok) missed.push('fan-out');
      log(`  ratio to the raw start rate: ${results.fanoutRatio.toFixed(3)}; ${verdict(ok, `fan-out ≥ ${TARGETS.fanoutRatio * 100} % of the raw start rate`)}`);
      // The server accepts starts faster than one worker can run even empty workflows: that is the other ceiling.
      if (results.completeRate)
        log(
          `  (and ${(r.rate / results.completeRate).toFixed(3)} of the rate at which the worker completed the no-op workflows, ${results.completeRate.toFixed(1)}/s)`,
        );
    }
  });

  // The list on the stack's own database, then on the other PostgreSQL (embedded ↔ external) if there is one.
  const listTargets: { db: Database; apiUrl: string }[] = [{ db: main, apiUrl: api.url }];
  await step('4. list: preparing the other PostgreSQL', async () => {
    let other: Database | undefined;
    if (external) other = await embeddedDatabase(path.join(dir, 'pg-list'), cleanup);
    else if (values['external-pg']) {
      const base = await startExternalPostgres(cleanup, log);
      if (base) other = await freshDatabase(base, `campaign_bench_list_${process.pid}`, cleanup, 'external (Debian)');
    } else log('  no external PostgreSQL (set DATABASE_URL or pass --external-pg): the list benchmark runs on the embedded one only');
    if (!other) return;
    const listApi = await startApi('api (list, other PostgreSQL)', { ...env, DATABASE_URL: other.url }, cleanup);
    rss.watch('api (list, other PostgreSQL)', listApi.pid);
    listTargets.push({ db: other, apiUrl: listApi.url });
    log(`  ${other.label}: API pid ${listApi.pid}`);
  });
  const listResults: { label: string; r: ListResult }[] = [];
  for (const t of listTargets)
    await step(`4. list API at ${taskRows} tasks on ${t.db.label}`, async () => {
      const secs = await insertTasks(t.db.url, taskRows);
      log(`  inserted ${taskRows} task rows by SQL in ${secs.toFixed(1)} s (then VACUUM ANALYZE, as autovacuum would)`);
      const r = await measureList(t.apiUrl, listRounds);
      listResults.push({ label: t.db.label, r });
      log(`  GET /api/tasks: p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms, p99 ${ms(r.p99)} ms, max ${ms(r.max)} ms (${r.samples} requests after a warm-up round)`);
      for (const p of r.byPersona) {
        const scope = p.over ? `more than ${p.over} tasks in scope (not counted beyond)` : `${p.total} tasks in scope at most`;
        log(`    ${p.persona} (${p.username}, ${scope}): p50 ${ms(p.p50)} ms, p95 ${ms(p.p95)} ms`);
      }
      log(`    slowest: ${r.slowest.map((s) => `${s.persona} "${s.name}" p95 ${ms(s.p95)} ms`).join('; ')}`);
      for (const e of r.errors) log(`    error: ${e}`);
      if (r.errors.length) failedSteps.push(`list errors on ${t.db.label}`);
      const ok = r.p95 <= TARGETS.listP95;
      if (!ok) missed.push(`list (${t.db.label})`);
      log(`  ${verdict(ok, `list p95 ≤ ${TARGETS.listP95} ms`)} on ${t.db.label} (${ms(r.p95)} ms)`);
    });
  if (listResults.length) results.listP95 = Math.max(...listResults.map((x) => x.r.p95));

  let arrived: ArrivalsResult | undefined;
  await step(
    `6. arrivals: ${applications} Zhoushan applications and ${intakes} Lijiang register applications through the API, ${filingConcurrency} at once`,
    async () => {
      arrived = await arrivals(client, db, taskQueue, api.url, {
        applications: applications!,
        intakes,
        concurrency: filingConcurrency,
        shardSize,
        log: (l) => log(`  ${l}`),
      });
      const p = arrived.page;
      log(
        `  the campaign pages meanwhile (GET /api/campaigns/:id and …/progress, every 0.5 s): ${p.n} answers, p50 ${ms(p.p50)} ms, p95 ${ms(p.p95)} ms, max ${ms(p.max)} ms${p.errors.length ? `; errors: ${p.errors.join(' | ')}` : ''}`,
      );
      for (const f of [arrived.applications, arrived.intakes]) for (const e of f.errors) log(`  ${f.programme} error: ${e}`);
      if (arrived.applications.failed || arrived.intakes.failed || p.errors.length) failedSteps.push('arrivals');
    },
  );

  let maxHistory = NaN;
  await step('7. histories: the longest event history of every workflow type in this run', async () => {
    const c = await historyCensus(client, taskQueue);
    maxHistory = c.max;
    for (const t of c.byType) log(`  ${t.type.padEnd(24)} ${String(t.runs).padStart(6)} runs, longest ${String(t.max).padStart(6)} events (${t.workflowId})`);
    for (const e of c.errors) log(`  describe error: ${e}`);
    const ok = c.max <= HISTORY_TARGET;
    if (!ok) missed.push('history');
    log(`  ${verdict(ok, `no history above ${HISTORY_TARGET} events`)} (longest ${c.max}; Temporal's limit 51,200)`);
  });

  rss.stop();
  if (interrupted) return 130;
  log('— 5. peak RSS (VmHWM, start-up included; and the largest VmRSS sampled once the stack was up)');
  for (const p of rss.report()) log(`  ${p.name} (pid ${p.pid}): peak ${p.peakMb.toFixed(0)} MB, under the benchmarks ${p.loadPeakMb.toFixed(0)} MB`);
  const peak = (name: string) => rss.report().find((p) => p.name === name)?.peakMb ?? NaN;
  // No reading (the worker's /proc status unread) is a miss, not a pass.
  const workerMb = peak('worker');
  const memoryOk = workerMb > 0 && workerMb <= TARGETS.workerPeakMb;
  if (!memoryOk) missed.push('worker memory');
  log(`  ${verdict(memoryOk, `worker peak ≤ ${TARGETS.workerPeakMb} MB`)} (${workerMb > 0 ? `${workerMb.toFixed(0)} MB` : 'n/a'})`);

  log(`— summary (${((Date.now() - started) / 1000).toFixed(0)} s; load average ${load().toFixed(1)} on ${cpus().length} CPUs${busy()})`);
  if (arrived) {
    const [a, i] = [arrived.applications, arrived.intakes];
    log(
      `  applications ${a.filed} at ${ms(a.rate)}/s (p95 ${ms(a.latency.p95)} ms) · register applications ${i.filed} at ${ms(i.rate)}/s (p95 ${ms(i.latency.p95)} ms) · campaign page p95 ${ms(arrived.page.p95)} ms · longest history ${maxHistory} events (target ≤ ${HISTORY_TARGET}) · RSS worker ${workerMb.toFixed(0)} MB, API ${peak('api').toFixed(0)} MB`,
    );
  } else
    log(
      `  raw start rate ${ms(results.startRate ?? NaN)}/s · fan-out ${ms(results.fanoutRate ?? NaN)} cases/s (${results.fanoutRatio !== undefined ? `${(results.fanoutRatio * 100).toFixed(1)} %` : 'n/a'}, target ≥ 50 %) · completion p95 ${ms(results.completionP95 ?? NaN)} ms (target ≤ 150, raw Update ${ms(results.rawUpdateP95 ?? NaN)}), its workflow task's run p50 ${ms(results.wftRunP50 ?? NaN)} ms (target ≤ 30) · list p95 ${ms(results.listP95 ?? NaN)} ms (target ≤ 50) · RSS worker ${workerMb.toFixed(0)} MB (target ≤ 1024), API ${peak('api').toFixed(0)} MB`,
    );
  if (missed.length) log(`  MISSED targets: ${missed.join(', ')}`);
  else if (!failedSteps.length) log('  every target met');
  if (failedSteps.length) log(`  FAILED: ${failedSteps.join('; ')}`);
  const a = arrived;
  lastLine = a
    ? `bench: applications=${a.applications.filed} application_rate=${round(a.applications.rate)} intakes=${a.intakes.filed} intake_rate=${round(a.intakes.rate)} filing_p95_ms=${round(Math.max(a.applications.latency.p95, a.intakes.latency.p95))} page_p95_ms=${round(a.page.p95)} max_history_events=${maxHistory} worker_peak_mb=${round(workerMb, 0)}`
    : `bench: start_rate=${round(results.startRate ?? NaN)} fanout_rate=${round(results.fanoutRate ?? NaN)} fanout_ratio=${round(results.fanoutRatio ?? NaN, 3)} completion_p95_ms=${round(results.completionP95 ?? NaN)} update_p95_ms=${round(results.rawUpdateP95 ?? NaN)} completion_rate=${round(results.completionRate ?? NaN)} applied_p95_ms=${round(results.appliedP95 ?? NaN)} applied_rate=${round(results.appliedRate ?? NaN)} update_rate=${round(results.rawUpdateRate ?? NaN)} list_p95_ms=${round(results.listP95 ?? NaN)} wft_run_p50_ms=${round(results.wftRunP50 ?? NaN)} max_history_events=${maxHistory} worker_peak_mb=${round(workerMb, 0)}`;
  ours = results;
  return failedSteps.length || (values.strict && missed.length) ? 1 : 0;
}

/**
 * Runs the peer after this stack has stopped and prints the ratios (ours / Flowable). Its fields go on the
 * last line; a peer that fails, or (with --strict) a target missed against it, makes the run exit 1.
 */
async function peerRun(): Promise<{ fields: string; failed: boolean }> {
  if (values.peer !== 'flowable') return { fields: '', failed: false };
  if (values.applications) {
    log('— peer: the Flowable peer runs the case workload, not --applications: skipped');
    return { fields: '', failed: false };
  }
  log('— 8. peer: the same workload on Flowable 7.2 (its README: what compares and what does not)');
  let f: PeerFigures;
  try {
    f = await runFlowablePeer({ cases, completions: completionTasks, officers, warmup: warmup * 2, log: (l) => log(`  [peer] ${l}`) });
  } catch (e) {
    log(`  peer FAILED: ${(e as Error).message}`);
    return { fields: '', failed: true };
  }
  const theirs = (k: string) => Number(f[k]);
  const ratio = (x: number | undefined, y: number) => (x !== undefined && Number.isFinite(x) && y > 0 ? (x / y).toFixed(2) : 'n/a');
  log(
    `  ours / Flowable: completion p95 ${ms(ours.completionP95 ?? NaN)} / ${ms(theirs('completion_p95_ms'))} ms = ${ratio(ours.completionP95, theirs('completion_p95_ms'))} (lower is better) · completions ${ms(ours.completionRate ?? NaN)} / ${ms(theirs('completion_rate'))} per s = ${ratio(ours.completionRate, theirs('completion_rate'))} · fan-out ${ms(ours.fanoutRate ?? NaN)} / ${ms(theirs('fanout_rate'))} cases/s = ${ratio(ours.fanoutRate, theirs('fanout_rate'))} (higher is better)`,
  );
  const ahead = (ours.completionP95 ?? Infinity) < theirs('completion_p95_ms') && (ours.completionRate ?? 0) > theirs('completion_rate');
  log(`  ${ahead ? 'met' : 'MISSED'} target ahead of Flowable on completion p95 and throughput at ${officers} officers`);
  return {
    fields: ` peer_completion_p95_ms=${round(theirs('completion_p95_ms'))} peer_completion_rate=${round(theirs('completion_rate'))} peer_fanout_rate=${round(theirs('fanout_rate'))}`,
    failed: values.strict && !ahead,
  };
}

let code = 1;
try {
  code = await main();
} catch (e) {
  log(`FAILED: ${(e as Error).stack ?? e}`);
} finally {
  await cleanup.run(log); // after Ctrl-C: the same run the signal started, awaited
}
if (!interrupted && lastLine) {
  const peer = await peerRun();
  if (peer.failed) code = 1;
  console.log(lastLine + peer.fields);
}
process.exit(interrupted ? 130 : code);
