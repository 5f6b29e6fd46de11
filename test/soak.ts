// The soak: cycles of real work through the API while one part of the stack is killed and
// restarted, then proof that nothing was lost or doubled: every decision the API acknowledged is in the
// workflow, the projection and the audit trail exactly once, and the projections match the workflows.
// Used by test/fault.test.ts (one cycle per kind of fault) and `npm run soak` (N cycles).
import fc from 'fast-check';
import { SELF_CHECK_AREAS } from '../domain/self-check.js';
import { waitForConsistency, type Mismatch } from '../runtime/consistency.js';
import { compressedCalendar } from './helpers-campaign.js';
import type { Stack } from './process-stack.js';

export const FAULTS = ['worker', 'temporal', 'postgres', 'api'] as const;
export type Fault = (typeof FAULTS)[number];

export interface SoakResult {
  cycles: number;
  decisions: number;
  lost: number;
  duplicates: number;
  mismatches: Mismatch[];
  fuzzed: number;
  serverErrors: number;
  /** 5xx answers other than 503 (the API's "try again" while a part is down) during the workload. */
  unexpected: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// Two stations of 长兴, two operators each (prisma/seed.ts assigns stations round robin).
const OFFICERS: Record<string, string> = { '330522001': 'officer.zhicheng', '330522002': 'officer.taihu' };
const OPERATORS = ['op-cx-001', 'op-cx-007', 'op-cx-002', 'op-cx-008'];
const compliant = { areas: SELF_CHECK_AREAS.map((a) => ({ key: a.key, finding: 'compliant' })) };

export function summaryLine(r: SoakResult): string {
  return `soak: cycles=${r.cycles} decisions=${r.decisions} lost=${r.lost} duplicates=${r.duplicates} mismatches=${r.mismatches.length} fuzzed=${r.fuzzed} 5xx=${r.serverErrors}`;
}

export async function soak(
  stack: Stack,
  opts: { cycles: number; faults?: readonly Fault[]; fuzzPerCycle?: number; seed?: number; log?: (line: string) => void },
): Promise<SoakResult> {
  const faults = opts.faults ?? FAULTS;
  const log = opts.log ?? (() => {});
  const tokens: Record<string, string> = {};
  const unexpected: string[] = [];

  /** A request as a client would make it: retried while the system is down (network error, 503), never forever. */
  async function call(
    method: string,
    path: string,
    user: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: any; retried: boolean }> {
    let retried = false;
    const end = Date.now() + 120_000;
    for (;;) {
      try {
        if (!tokens[user]) {
          const r = await fetch(`${stack.apiUrl}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: user, password: 'demo1234' }),
            signal: AbortSignal.timeout(20_000),
          });
          if (r.status !== 200) throw new Error(`login ${r.status}`);
          tokens[user] = ((await r.json()) as { token: string }).token;
        }
        const r = await fetch(`${stack.apiUrl}/api${path}`, {
          method,
          headers: { authorization: `Bearer ${tokens[user]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        const text = await r.text();
        if (r.status >= 500) {
          if (r.status !== 503) unexpected.push(`${method} ${path} → ${r.status} ${text.slice(0, 200)}`);
          throw new Error(`HTTP ${r.status}`);
        }
        return { status: r.status, body: text ? JSON.parse(text) : undefined, retried };
      } catch (e) {
        if (Date.now() > end) throw new Error(`${method} ${path} kept failing: ${String(e)}`, { cause: e });
        retried = true;
        await sleep(500);
      }
    }
  }

  /**
   * Completes a task; a 409 after a retry means the first attempt was recorded. Returns whether it is
   * decided. `early`: answered once recorded (202, `Prefer: respond-async`), the workflow takes it later.
   */
  async function complete(taskId: string, user: string, result: unknown, early = false): Promise<boolean> {
    const r = await call('POST', `/tasks/${encodeURIComponent(taskId)}/complete`, user, result, early ? { prefer: 'respond-async' } : {});
    if (r.status === 200 || r.status === 202) return true;
    if (r.status === 409 && r.retried) return true;
    throw new Error(`completing ${taskId}: ${r.status} ${JSON.stringify(r.body)}`);
  }

  async function openTasks(campaignId: string, type: string, n: number): Promise<{ id: string; jurisdictionId: string }[]> {
    const end = Date.now() + 120_000;
    for (;;) {
      try {
        const t = await stack.db.task.findMany({ where: { campaignId, type, status: 'open' }, orderBy: { id: 'asc' } });
        if (t.length === n) return t;
      } catch {
        /* the database may be restarting */
      }
      if (Date.now() > end) throw new Error(`timed out waiting for ${n} ${type} tasks of ${campaignId}`);
      await sleep(300);
    }
  }

  async function inject(fault: Fault) {
    if (fault === 'worker') await stack.killWorker(800);
    else if (fault === 'temporal') await stack.restartTemporal(1000);
    else if (fault === 'postgres') await stack.restartPostgres(1000);
    else await stack.restartApi(300);
  }

  /** Runs the decisions one after another while the fault strikes at a random moment among them. */
  async function decideUnderFault(fault: Fault, decisions: (() => Promise<boolean>)[], rand: () => number): Promise<number> {
    const faultDone = sleep(Math.floor(rand() * 800)).then(() => inject(fault));
    let made = 0;
    for (const d of decisions) if (await d()) made++;
    await faultDone;
    return made;
  }

  const acknowledged: { taskId: string; user: string }[] = [];
  const campaigns: string[] = [];
  let fuzzed = 0;
  let serverErrors = 0;
  const rand = fc.sample(fc.integer({ min: 0, max: 1_000_000 }), { numRuns: opts.cycles * 4 + 4, seed: opts.seed ?? 42 }).map((n) => n / 1_000_000);
  let r = 0;
  const next = () => rand[r++ % rand.length]!;

  for (let cycle = 0; cycle < opts.cycles; cycle++) {
    const fault = faults[cycle % faults.length]!;
    log(`cycle ${cycle + 1}/${opts.cycles}: ${fault}`);
    const launched = await call('POST', '/campaigns', 'coord.changxing', {
      programme: 'changxing',
      year: 3000 + cycle,
      jurisdictionId: '330522',
      stages: compressedCalendar({ startInMs: 200, stageMs: [500, 600_000, 600_000, 600_000, 600_000], gapMs: 100 }),
      reminderLeadHours: 0,
      operatorIds: OPERATORS,
    });
    if (launched.status !== 201 && !(launched.status === 409 && launched.retried))
      throw new Error(`launch: ${launched.status} ${JSON.stringify(launched.body)}`);
    const campaignId = `changxing-330522-${3000 + cycle}`;
    campaigns.push(campaignId);

    // Self-checks, with the fault among them; then the station's review of each, which exists only if
    // the workflows carried on after the fault.
    const checks = await openTasks(campaignId, 'self_check', OPERATORS.length);
    await decideUnderFault(
      fault,
      // Every other one answered as soon as it is recorded: acknowledged before any workflow has it.
      checks.map((t, i) => async () => {
        const ok = await complete(t.id, OFFICERS[t.jurisdictionId]!, compliant, i % 2 === 1);
        if (ok) acknowledged.push({ taskId: t.id, user: OFFICERS[t.jurisdictionId]! });
        return ok;
      }),
      next,
    );
    const reviews = await openTasks(campaignId, 'self_check_review', OPERATORS.length);
    for (const t of reviews)
      if (await complete(t.id, OFFICERS[t.jurisdictionId]!, { decision: 'accepted' })) acknowledged.push({ taskId: t.id, user: OFFICERS[t.jurisdictionId]! });

    // Bad input, once the system is whole again: never a 5xx.
    const fuzz = await fuzzWrites(stack.apiUrl, tokens['coord.changxing']!, opts.fuzzPerCycle ?? 20, (opts.seed ?? 42) + cycle);
    fuzzed += fuzz.requests;
    serverErrors += fuzz.serverErrors.length;
    for (const e of fuzz.serverErrors) log(`5xx: ${e}`);
  }

  const mismatches = await waitForConsistency(stack.db, stack.client, campaigns, 90_000);
  for (const m of mismatches) log(`mismatch: ${JSON.stringify(m)}`);
  let lost = 0;
  let duplicates = 0;
  for (const a of acknowledged) {
    const t = await stack.db.task.findUnique({ where: { id: a.taskId } });
    const audits = await stack.db.auditEvent.count({ where: { entityId: a.taskId, action: 'task.completed' } });
    if (t?.status !== 'done' || audits === 0) {
      lost++;
      log(`lost: ${a.taskId}`);
    }
    if (audits > 1) duplicates++;
  }
  // One task per case, type and round: a retried activity or a replayed workflow made no second one.
  const perCase = await stack.db.task.groupBy({ by: ['caseId', 'type'], where: { campaignId: { in: campaigns } }, _count: { _all: true } });
  for (const g of perCase)
    if (g._count._all !== 1) {
      duplicates++;
      log(`duplicate tasks: ${g.caseId} ${g.type} × ${g._count._all}`);
    }
  return {
    cycles: opts.cycles,
    decisions: acknowledged.length,
    lost,
    duplicates,
    mismatches,
    fuzzed,
    serverErrors: serverErrors + unexpected.length,
    unexpected,
  };
}

/**
 * Garbage for every write operation of the API's own contract (/api/openapi.json): malformed JSON, wrong
 * types, odd strings, unknown ids. Counts 5xx answers.
 */
export async function fuzzWrites(apiUrl: string, token: string, perRoute: number, seed: number): Promise<{ requests: number; serverErrors: string[] }> {
  const doc = (await (await fetch(`${apiUrl}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  // The document's paths carry the /api prefix; requests add it back below.
  const writes = Object.entries(doc.paths)
    .flatMap(([p, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'delete'].includes(m))
        .map((method) => ({ method, path: p.replace(/^\/api(?=\/)/, '') })),
    )
    .filter((r) => !r.path.startsWith('/auth/'));
  if (writes.length === 0 || !writes.every((r) => doc.paths[`/api${r.path}`])) throw new Error('fuzzWrites: no write routes found in /api/openapi.json');
  const bodies = fc.sample(
    fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom(
        '{',
        '{"a":',
        '[1,2',
        '\u0000',
        '{"taskIds":"x"}',
        `{"reason":"${'长'.repeat(5000)}"}`,
        '{"userId":null}',
        '{"score":-1}',
        '{"points":{"a":101}}',
      ),
    ),
    { numRuns: perRoute * writes.length, seed },
  );
  const serverErrors: string[] = [];
  let i = 0;
  for (const route of writes) {
    for (let n = 0; n < perRoute; n++) {
      const path = route.path.replace(/\{[a-zA-Z]+\}|:[a-zA-Z]+/g, () => encodeURIComponent(n % 2 ? 'nope' : '\u202e%00'));
      const body = bodies[i++]!;
      const res = await fetch(`${apiUrl}/api${path}`, {
        method: route.method.toUpperCase(),
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(30_000),
      }).catch((e: Error) => ({ status: 599, text: async () => `${e} (${String((e as { cause?: unknown }).cause ?? 'no cause')})` }));
      if (res.status >= 500)
        serverErrors.push(`${route.method.toUpperCase()} ${path} ${JSON.stringify(body).slice(0, 80)} → ${res.status} ${(await res.text()).slice(0, 120)}`);
      // A route the server does not know (the catch-all's 404) means the fuzz is aiming at nothing.
      else if (res.status === 404 && (await res.text()).includes('接口 route')) serverErrors.push(`${route.method.toUpperCase()} ${path}: unknown route`);
    }
  }
  return { requests: i, serverErrors };
}
