// The API contract fuzzed: schemathesis (PyPI, installed by scripts/schemathesis.sh) generates
// requests from GET /api/openapi.json, valid and invalid, and sends them to the real API on a real worker,
// Temporal dev server and PostgreSQL, signed in as a coordinator and, at the same time, as a county
// officer. The run fails on any 5xx, on a status code the document does not declare for the operation,
// on a content type it does not declare, and on a body that is not of the declared shape (for errors:
// the Error schema). Each pass has a time budget (CONTRACT_FUZZ_SECONDS, 30 s); the seed is printed and
// CONTRACT_FUZZ_SEED=<seed> replays it (as far as a time budget allows). Path parameters are drawn half the
// time from ids that exist; test/contract-fuzz-hooks.py keeps generated URLs under Node's 16 KB limit.
//
// Fuzzing changes what it reaches, legitimately: it edits operators, closes stages, completes tasks, marks
// notifications read. So this file gets a database of its own (migrated and seeded like the shared one)
// instead of the shared test database the other files use at the same time. Temporal's namespace is
// still shared, so nothing may start a workflow whose id another file could also start: the fixture
// campaign takes its year from the shared sequence, and PUT /jurisdictions/{id}/webhook is left out (its
// deliveries would start `webhook-<notification id>:<jurisdiction>` workflows, ids the other files' own
// database numbers the same way). POST /auth/logout and
// /auth/logout-everywhere are left out too: they would end the session in use.
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import pg from 'pg';
import { PROGRAMMES } from '../domain/programmes/index.js';
import { startIsolatedHarness, waitFor, type Harness } from './helpers.js';
import { compressedStages, startApi, type Api } from './api-helpers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ARTIFACTS = path.join(ROOT, 'test-artifacts/contract-fuzz');
const BUDGET_S = Number(process.env.CONTRACT_FUZZ_SECONDS ?? 30);
const SEED = Number(process.env.CONTRACT_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
// response_schema_conformance: success bodies are only declared as object or array, errors precisely.
const CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance'];
const EXCLUDED = ['postAuthLogout', 'postAuthLogoutEverywhere', 'putJurisdictionsByIdWebhook'];
const PASSES = [
  { user: 'coord.changxing', label: 'coordinator' },
  { user: 'officer.changxing', label: 'county officer' },
];

let h: Harness | undefined;
let api: Api | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
let schemathesis: Promise<string>;
const work = mkdtempSync(path.join(tmpdir(), 'contract-fuzz-'));
const children = new Set<ChildProcess>();

function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(p);
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('error', reject);
    p.on('close', (code) => {
      children.delete(p);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A year of the shared sequence (helpers.uniqueYear): campaign workflow ids are unique in the namespace. */
async function sharedUniqueYear(): Promise<number> {
  const c = new pg.Client({ connectionString: inject('databaseUrl') });
  await c.connect();
  try {
    return Number((await c.query<{ y: string }>(`SELECT nextval('test_campaign_year') AS y`)).rows[0]!.y);
  } finally {
    await c.end();
  }
}

const tokens: Record<string, string> = {};
const ids = new Set<string>([
  'changxing',
  'zhoushan',
  '330522',
  '330522001',
  '330900',
  'op-cx-001',
  'op-cx-002',
  'op-zs-001',
  'u-coord-changxing',
  'u-officer-zhicheng',
]);

beforeAll(async () => {
  // Installs on first use (about 20 s), while the harness starts; a path at once afterwards.
  schemathesis = run('bash', ['scripts/schemathesis.sh']).then((r) => {
    if (r.code !== 0) throw new Error(`scripts/schemathesis.sh failed:\n${r.stderr}`);
    return r.stdout.trim();
  });
  schemathesis.catch(() => {}); // awaited in the test
  ({ harness: h, drop: dropDatabase } = await startIsolatedHarness('campaign_fuzz'));
  api = await startApi(h);
  for (const p of PASSES) tokens[p.user] = await api.login(p.user);

  // Something for the ids to reach: a running campaign whose self-check stage is open, with its tasks.
  const launched = await api.call('POST', '/campaigns', {
    token: tokens['coord.changxing'],
    body: {
      programme: 'changxing',
      year: await sharedUniqueYear(),
      jurisdictionId: '330522',
      stages: compressedStages(600_000),
      reminderLeadHours: 0,
      operatorIds: ['op-cx-001', 'op-cx-007', 'op-cx-002'],
    },
  });
  expect(launched.status, JSON.stringify(launched.body)).toBe(201);
  const campaignId = launched.body.id as string;
  ids.add(campaignId);
  await waitFor(async () => (await h!.db.task.count({ where: { campaignId } })) === 3, 'the self-check tasks');
  const filter = encodeURIComponent(JSON.stringify({ campaignId }));
  for (const resource of ['tasks', 'cases', 'stages', 'audit-events', 'notifications']) {
    const list = await api.call('GET', `/${resource}?filter=${resource === 'notifications' ? '%7B%7D' : filter}&range=[0,2]`, {
      token: tokens['coord.changxing'],
    });
    for (const row of Array.isArray(list.body) ? list.body : []) ids.add(String(row.id));
  }
});

afterAll(async () => {
  for (const p of children) p.kill('SIGTERM');
  await api?.close();
  await h?.stop();
  await dropDatabase?.().catch((e) => console.warn('[contract-fuzz] could not drop the database:', e));
  rmSync(work, { recursive: true, force: true });
});

/** Path parameters are drawn, half the time, from ids that exist (the rest are generated). */
function configFile(): string {
  const list = (xs: Iterable<string>) => `[${[...xs].map((x) => JSON.stringify(x)).join(', ')}]`;
  const stageKeys = new Set(Object.values(PROGRAMMES).flatMap((p) => p.stages.map((s) => s.key)));
  const file = path.join(work, 'schemathesis.toml');
  writeFileSync(
    file,
    [
      `[dictionaries.ids]`,
      `values = ${list(ids)}`,
      `[dictionaries.stages]`,
      `values = ${list(stageKeys)}`,
      `[parameters]`,
      `"path.id" = { dictionary = "ids", probability = 0.5 }`,
      `"path.key" = { dictionary = "stages", probability = 0.5 }`,
      '',
    ].join('\n'),
  );
  return file;
}

interface Tally {
  operations: Set<string>;
  requests: number;
  byClass: Record<string, number>;
  serverErrors: string[];
}

/** Counts what was sent from the NDJSON event report. */
async function tally(dir: string): Promise<Tally> {
  const t: Tally = { operations: new Set(), requests: 0, byClass: {}, serverErrors: [] };
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.ndjson'))) {
    for await (const line of createInterface({ input: createReadStream(path.join(dir, f)) })) {
      if (!line.startsWith('{"ScenarioFinished"')) continue;
      const recorder = JSON.parse(line).ScenarioFinished.recorder as {
        label: string;
        interactions?: Record<string, { request: { method: string; uri: string }; response?: { status_code: number } | null }>;
      };
      for (const it of Object.values(recorder.interactions ?? {})) {
        t.operations.add(recorder.label);
        t.requests++;
        const status = it.response?.status_code;
        const cls = status ? `${String(status)[0]}xx` : 'no response';
        t.byClass[cls] = (t.byClass[cls] ?? 0) + 1;
        if (status && status >= 500) t.serverErrors.push(`${status} ${it.request.method} ${it.request.uri}`);
      }
    }
  }
  return t;
}

/** The FAILURES and ERRORS sections of schemathesis's report: per operation, what failed and the curl line. */
function problems(stdout: string): string[] {
  const out: string[] = [];
  const sections = stdout.split(/^={5,} (FAILURES|ERRORS|WARNINGS|SUMMARY) ={5,}$/m);
  for (let i = 1; i < sections.length; i += 2) {
    if (sections[i] !== 'FAILURES' && sections[i] !== 'ERRORS') continue;
    for (const block of sections[i + 1]!.split(/^_{3,} /m).slice(1)) {
      const [heading, ...lines] = block.split('\n');
      // A failure: its checks and what was expected; an error: its kind and the first lines of its message.
      const what =
        sections[i] === 'ERRORS'
          ? lines
              .map((l) => l.trim())
              .filter((l) => l && !l.startsWith('curl ') && !/^(Reproduce with|st replay|Need more help|Join our)/.test(l))
              .slice(0, 4)
          : lines.filter((l) => /^- ST\d+|^\s+(Received|Documented|Expected):/.test(l)).map((l) => l.trim());
      const curl = lines
        .filter((l) => l.trim().startsWith('curl '))
        .map((l) => (l.trim().length > 2000 ? `${l.trim().slice(0, 2000)} …(cut: the whole line is in ${ARTIFACTS})` : l.trim()));
      out.push([`${sections[i] === 'ERRORS' ? 'error' : 'failure'}: ${heading!.replace(/ _+$/, '')}`, ...what, ...curl].join('\n    '));
    }
  }
  return out;
}

// What the fuzzing found first: text PostgreSQL cannot store (U+0000 anywhere, a lone surrogate in a jsonb
// column) failed deep in a query with 500. Kept as fixed cases, since a run does not always draw them.
it('refuses text that cannot be stored with 400, wherever it comes in', async () => {
  const token = tokens['coord.changxing'];
  const cases: [string, string, unknown?][] = [
    ['GET', '/tasks/a%00b'],
    ['GET', '/campaigns/x%00'],
    ['GET', '/jurisdictions/%00/webhook'],
    ['GET', '/search?q=ab%00'],
    ['GET', `/operators?filter=${encodeURIComponent(JSON.stringify({ q: 'a\u0000' }))}`],
    ['POST', '/auth/login', { username: 'coord.changxing\u0000', password: 'x' }],
    ['POST', '/tasks/assign', { taskIds: ['\u0000'], userId: 'u-officer-zhicheng' }],
    ['PUT', '/operators/op-cx-003', { platformAccounts: [{ platform: 'douyin', account: 'a\ud800' }] }],
    ['PUT', '/operators/op-cx-003', { name: 'x\u0000' }],
  ];
  for (const [method, url, body] of cases) {
    const r = await api!.call(method, url, { token, body });
    expect([method, url, r.status, r.body?.error]).toEqual([method, url, 400, 'invalid_input']);
  }
  const kept = await api!.call('GET', '/operators/op-cx-003', { token });
  expect(kept.body).toMatchObject({ name: expect.not.stringContaining('\u0000'), platformAccounts: [{ account: expect.not.stringContaining('\ud800') }] });
});

it(
  'fuzzes /api/openapi.json as a coordinator and a county officer: no 5xx, and every status, content type and error body as documented',
  async () => {
    const cli = await schemathesis;
    const config = configFile();
    const started = Date.now();
    const results = await Promise.all(
      PASSES.map(async (p, i) => {
        const dir = path.join(work, `report-${i}`);
        const r = await run(
          cli,
          [
            '--config-file',
            config,
            'run',
            `${api!.url}/api/openapi.json`,
            '--header',
            `Authorization: Bearer ${tokens[p.user]}`,
            '--checks',
            CHECKS.join(','),
            ...EXCLUDED.flatMap((id) => ['--exclude-operation-id', id]),
            '--max-time',
            String(BUDGET_S),
            '--max-examples',
            '20',
            // Hypothesis's health checks judge generation (too slow under load, too many duplicate ids
            // filtered out once the fuzzing repeats), not the API.
            '--suppress-health-check',
            'all',
            '--workers',
            '1', // hypothesis's lambda descriptions are not thread-safe on Python 3.11
            '--request-timeout',
            '15',
            '--seed',
            String(SEED + i),
            '--generation-database',
            'none',
            '--report',
            'ndjson',
            '--report-dir',
            dir,
            '--no-color',
          ],
          { cwd: work, env: { ...process.env, SCHEMATHESIS_HOOKS: path.join(ROOT, 'test/contract-fuzz-hooks.py'), PYTHONDONTWRITEBYTECODE: '1' } },
        );
        return { ...p, ...r, tally: await tally(dir).catch(() => undefined) };
      }),
    );
    const seconds = Math.round((Date.now() - started) / 1000);

    const found: string[] = [];
    for (const r of results) {
      const t = r.tally;
      const classes = t
        ? Object.entries(t.byClass)
            .sort()
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')
        : 'no report';
      console.log(
        `[contract-fuzz] ${r.label} (${r.user}): ${t?.operations.size ?? 0} operations, ${t?.requests ?? 0} requests (${classes}); schemathesis exit ${r.code}`,
      );
      const listed = problems(r.stdout);
      found.push(...listed.map((x) => `${r.label}: ${x}`));
      // Anything else that made schemathesis fail (bad schema, crash) shows its own output.
      if (r.code !== 0) {
        mkdirSync(ARTIFACTS, { recursive: true });
        writeFileSync(path.join(ARTIFACTS, `${r.user}.txt`), `${r.stdout}\n${r.stderr}`);
        console.error(`[contract-fuzz] schemathesis's whole report: ${path.join(ARTIFACTS, `${r.user}.txt`)}`);
      }
      if (r.code !== 0 && listed.length === 0) found.push(`${r.label}: schemathesis exited ${r.code}\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-2000)}`);
      // not_a_server_error reports each failing operation once; the report has every 5xx response.
      if (t?.serverErrors.length)
        found.push(`${r.label}: ${t.serverErrors.length} responses were 5xx, e.g.\n    ${t.serverErrors.slice(0, 10).join('\n    ')}`);
    }
    const total = results.reduce((n, r) => n + (r.tally?.requests ?? 0), 0);
    console.log(
      `[contract-fuzz] ${new Set(results.flatMap((r) => [...(r.tally?.operations ?? [])])).size} operations, ${total} requests in ${seconds} s, seed ${SEED} (replay: CONTRACT_FUZZ_SEED=${SEED} npx vitest run test/contract-fuzz.test.ts)`,
    );
    if (found.length)
      console.error(`[contract-fuzz] ${found.length} problem(s) (in the curl lines, put a token where it says [Filtered]):\n${found.join('\n\n')}`);
    expect(found, found.join('\n\n')).toEqual([]);
    expect(total).toBeGreaterThan(200); // it did fuzz
  },
  // The budget, plus the first install of schemathesis when `npm test`'s setup has not done it.
  (BUDGET_S + 150) * 1000,
);
