// Query plans of the list endpoints at scale: on a database of its own with 100,000 tasks,
// 100,000 audit entries and 10,000 cases spread over two provinces' jurisdictions, every list filter the
// console uses is requested through the real API; the SQL Prisma sends is captured and EXPLAINed, and
// no plan may read a large table from end to end (Seq Scan). Timings are the benchmark's business
// (`npm run bench`), not this test's: the plan is what an index changes, and it cannot be flaky.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../prisma/generated/client.js';
import { createApp } from '../api/app.js';
import { startIsolatedHarness, type Harness } from './helpers.js';

let h: Harness;
let drop: () => Promise<void>;
let url: string;
let server: Server;
let base: string;
let sql: pg.Client;
let logged: PrismaClient;
const captured: { query: string; params: unknown[] }[] = [];
const BIG = ['task', 'audit_event', 'case_file'];

beforeAll(async () => {
  ({ harness: h, drop } = await startIsolatedHarness('campaign_plans'));
  // The file's own database: the shared server's URL with this harness's database name.
  const rows = await h.db.$queryRawUnsafe<{ db: string }[]>('SELECT current_database() AS db');
  const own = new URL(inject('databaseUrl'));
  own.pathname = `/${rows[0]!.db}`;
  url = own.toString();
  sql = new pg.Client({ connectionString: url });
  await sql.connect();
  await seed();
  logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }), log: [{ level: 'query', emit: 'event' }] });
  (logged as unknown as { $on(event: 'query', cb: (e: { query: string; params: string }) => void): void }).$on('query', (e) =>
    captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }),
  );
  const app = createApp({ db: logged, client: h.env.client, taskQueue: h.taskQueue, namespace: 'default' });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
}, 180_000);
afterAll(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await logged?.$disconnect();
  await sql?.end();
  await h?.stop();
  await drop?.();
});

/**
 * 100k tasks, 100k audit entries, 10k cases, generated in SQL over a province's worth of places: the seeded
 * counties and stations plus 20 more counties of 10 stations each, so that a county's or a station's
 * scope is the small share of the rows it is in production (a province running every county at once).
 */
async function seed() {
  await sql.query(`INSERT INTO jurisdiction (id, name, level, parent_id, path) VALUES ('pl', '规划市', 'city', NULL, '/pl/')`);
  await sql.query(
    `INSERT INTO jurisdiction (id, name, level, parent_id, path) SELECT 'pl-' || c, '规划县' || c, 'county', 'pl', '/pl/pl-' || c || '/' FROM generate_series(1, 20) c`,
  );
  await sql.query(
    `INSERT INTO jurisdiction (id, name, level, parent_id, path) SELECT 'pl-' || c || '-' || s, '规划所' || c || '-' || s, 'station', 'pl-' || c, '/pl/pl-' || c || '/pl-' || c || '-' || s || '/' FROM generate_series(1, 20) c, generate_series(1, 10) s`,
  );
  await sql.query(`INSERT INTO campaign (id, programme, name, year, jurisdiction_id, status, definition, workflow_id, launched_by_id, launched_at)
    VALUES ('plans-cx', 'changxing', 'plans', 2200, '330522', 'running', '{}', 'wf-plans-cx', 'u-coord-changxing', now()),
           ('plans-zs', 'zhoushan', 'plans', 2200, '330900', 'running', '{}', 'wf-plans-zs', 'u-coord-zhoushan', now())`);
  await sql.query(`
    WITH j AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS k FROM jurisdiction WHERE level <> 'city')
    INSERT INTO case_file (id, campaign_id, operator_id, jurisdiction_id, status, current_step, workflow_id, created_at, updated_at)
    SELECT 'plans-case-' || g, CASE WHEN j.id LIKE '3309%' THEN 'plans-zs' ELSE 'plans-cx' END, 'op-cx-001', j.id, 'active', 'enrolled', 'wf-plans-case-' || g, now(), now()
    FROM generate_series(1, 10000) g JOIN j ON j.n = g % j.k`);
  await sql.query(`
    WITH j AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS k FROM jurisdiction WHERE level <> 'city')
    INSERT INTO task (id, campaign_id, stage_key, case_id, operator_id, type, title, assignee_role, jurisdiction_id, status, overdue, due_at, workflow_id, created_at, details)
    SELECT 'plans-task-' || g, CASE WHEN j.id LIKE '3309%' THEN 'plans-zs' ELSE 'plans-cx' END,
           (ARRAY['self_check','rectification','evaluation'])[1 + g % 3], 'plans-case-' || (1 + g % 10000),
           CASE WHEN g % 5 = 4 THEN 'op-cx-001' END,
           (ARRAY['self_check','inspection','score'])[1 + g % 3], '任务 ' || g, (ARRAY['county_officer','auditor','county_officer','auditor','operator'])[1 + g % 5], j.id,
           CASE WHEN g % 4 = 0 THEN 'open' ELSE 'done' END, g % 17 = 0, now() + (g % 90) * interval '1 day', 'wf-plans-case-' || (1 + g % 10000), now() - (g % 300) * interval '1 minute', '{}'
    FROM generate_series(1, 100000) g JOIN j ON j.n = g % j.k`);
  await sql.query(`
    WITH j AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS k FROM jurisdiction WHERE level <> 'city')
    INSERT INTO audit_event (key, at, actor_role, action, entity_type, entity_id, campaign_id, jurisdiction_id, data)
    SELECT 'plans-audit-' || g, now() - g * interval '1 second', 'system', (ARRAY['task.created','task.completed','case.enrolled'])[1 + g % 3],
           CASE WHEN g % 3 = 2 THEN 'case' ELSE 'task' END, CASE WHEN g % 3 = 2 THEN 'plans-case-' || (1 + g % 10000) ELSE 'plans-task-' || g END,
           CASE WHEN j.id LIKE '3309%' THEN 'plans-zs' ELSE 'plans-cx' END, j.id, '{}'
    FROM generate_series(1, 100000) g JOIN j ON j.n = g % j.k`);
  // As autovacuum would have by then: statistics, and the visibility map index-only scans rely on.
  await sql.query('VACUUM ANALYZE');
}

async function login(username: string) {
  const r = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  return ((await r.json()) as { token: string }).token;
}

/** The plan's nodes that read a whole large table. */
function seqScans(plan: { 'Node Type': string; 'Relation Name'?: string; Plans?: unknown[] }): string[] {
  const here = plan['Node Type'] === 'Seq Scan' && BIG.includes(plan['Relation Name'] ?? '') ? [plan['Relation Name']!] : [];
  return [...here, ...((plan.Plans ?? []) as (typeof plan)[]).flatMap(seqScans)];
}

/** Every node of a plan, depth first. */
function nodes<P extends { Plans?: unknown[] }>(plan: P): P[] {
  return [plan, ...((plan.Plans ?? []) as P[]).flatMap((p) => nodes(p))];
}

const LISTS: { user: string; path: string }[] = [
  // The inbox: a station officer's and a county coordinator's open work, by due date; mine; overdue.
  { user: 'officer.zhicheng', path: '/tasks?filter={"status":"open"}' },
  { user: 'officer.zhicheng', path: '/tasks?filter={"status":"open","mine":true}' },
  { user: 'coord.changxing', path: '/tasks?filter={"status":"open"}&range=[500,524]' },
  { user: 'coord.changxing', path: '/tasks?filter={"status":"open","overdue":true}&sort=["createdAt","DESC"]' },
  { user: 'coord.changxing', path: '/tasks?filter={"campaignId":"plans-cx","stageKey":"self_check","status":"open"}' },
  { user: 'coord.changxing', path: '/tasks?filter={"jurisdictionId":"330522003","status":"done"}&sort=["completedAt","DESC"]' },
  { user: 'leader.zhoushan', path: '/tasks?filter={"type":"inspection"}' },
  { user: 'coord.changxing', path: '/tasks?filter={"status":"open","jurisdictionId":"330522"}&sort=["title","ASC"]' },
  // Cases of a campaign, per jurisdiction.
  { user: 'coord.changxing', path: '/cases?filter={"campaignId":"plans-cx"}' },
  { user: 'officer.dinghai', path: '/cases?filter={"campaignId":"plans-zs"}&range=[200,224]' },
  // The audit trail: newest first, of a case (with its tasks), of an entity, of a campaign.
  { user: 'coord.changxing', path: '/audit-events' },
  { user: 'coord.changxing', path: '/audit-events?filter={"caseId":"plans-case-7"}' },
  { user: 'officer.zhicheng', path: '/audit-events?filter={"campaignId":"plans-cx"}' },
];

describe('list query plans at 100,000 tasks', () => {
  it('reads no large table end to end for any list filter', async () => {
    const tokens: Record<string, string> = {};
    const problems: string[] = [];
    let explained = 0;
    for (const l of LISTS) {
      tokens[l.user] ??= await login(l.user);
      captured.length = 0;
      const r = await fetch(`${base}${l.path.replace(/\{.*\}|\[.*\]/g, (m) => encodeURIComponent(m))}`, {
        headers: { authorization: `Bearer ${tokens[l.user]}` },
      });
      expect(r.status, `${l.user} ${l.path}`).toBe(200);
      for (const q of captured.filter((c) => /^SELECT/i.test(c.query) && BIG.some((t) => c.query.includes(`"${t}"`)))) {
        const { rows } = await sql.query(`EXPLAIN (FORMAT JSON) ${q.query}`, q.params);
        const scans = seqScans((rows[0] as { 'QUERY PLAN': { Plan: Parameters<typeof seqScans>[0] }[] })['QUERY PLAN'][0]!.Plan);
        explained += 1;
        if (scans.length) problems.push(`${l.user} GET ${l.path}: Seq Scan on ${scans.join(', ')}\n    ${q.query.slice(0, 300)}`);
      }
    }
    expect(explained).toBeGreaterThanOrEqual(LISTS.length * 2); // rows and count for each
    expect(problems).toEqual([]);
  }, 120_000);

  it('counts a task list’s total from one index, in its order, stopping at the cap', async () => {
    // api/list.ts LIST_TOTAL_CAP: the count stops early only if nothing sorts the rows first and every
    // column it filters on is in the index (migration 20261205110000_task_list_counts.sql).
    const counted = [
      { user: 'officer.zhicheng', filter: { status: 'open' } },
      { user: 'coord.changxing', filter: { status: 'open' } },
      { user: 'coord.changxing', filter: { status: 'open', overdue: true } },
      { user: 'officer.zhicheng', filter: { status: 'open', overdue: true } },
      { user: 'coord.changxing', filter: { status: 'done', jurisdictionId: '330522003' } },
      { user: 'officer.zhicheng', filter: { status: 'open', type: 'inspection' } },
    ];
    const problems: string[] = [];
    for (const c of counted) {
      const token = await login(c.user);
      captured.length = 0;
      const r = await fetch(`${base}/tasks?filter=${encodeURIComponent(JSON.stringify(c.filter))}`, { headers: { authorization: `Bearer ${token}` } });
      expect(r.status).toBe(200);
      const count = captured.find((q) => /^SELECT COUNT/i.test(q.query) && q.query.includes('"task"'));
      expect(count, JSON.stringify(c)).toBeDefined();
      const { rows } = await sql.query(`EXPLAIN (FORMAT JSON) ${count!.query}`, count!.params);
      const plan = nodes((rows[0] as { 'QUERY PLAN': { Plan: { 'Node Type': string; 'Index Name'?: string; Plans?: unknown[] } }[] })['QUERY PLAN'][0]!.Plan);
      const shape = plan.map((n) => `${n['Node Type']}${n['Index Name'] ? ` ${n['Index Name']}` : ''}`);
      if (shape.some((n) => n === 'Sort' || n === 'Incremental Sort') || !shape.some((n) => n.startsWith('Index Only Scan')))
        problems.push(`${c.user} ${JSON.stringify(c.filter)}: ${shape.join(' → ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('pages by keyset: the next page after the last row seen, as deep as the offset gets, with the same rows', async () => {
    const token = await login('coord.changxing');
    const get = async (path: string) => {
      captured.length = 0;
      const r = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: r.status, body: (await r.json()) as { id: string | number }[] & { messageEn?: string }, next: r.headers.get('x-next-cursor') };
    };
    const enc = (o: unknown) => encodeURIComponent(JSON.stringify(o));
    for (const [list, sort] of [
      ['/audit-events', ['id', 'DESC']],
      ['/tasks', ['dueAt', 'ASC']],
      ['/tasks', ['createdAt', 'DESC']],
    ] as const) {
      const q = `sort=${enc(sort)}&filter=${enc(list === '/tasks' ? { status: 'open' } : {})}`;
      // Deeper in the list: the page after offset 500 by range, and the same page by the cursor of the one before.
      const before = await get(`${list}?${q}&range=${enc([475, 499])}`);
      const byRange = await get(`${list}?${q}&range=${enc([500, 524])}`);
      expect(before.next, list).toBeTruthy();
      const byCursor = await get(`${list}?${q}&range=${enc([0, 24])}&cursor=${before.next}`);
      expect(byCursor.status).toBe(200);
      expect(
        byCursor.body.map((x) => x.id),
        `${list} ${sort.join(' ')}`,
      ).toEqual(byRange.body.map((x) => x.id));
      // The keyset page skips nothing: its query has no offset to walk.
      const page = captured.find((c) => /^SELECT/i.test(c.query) && !/COUNT\(/.test(c.query))!;
      expect(Number(page.params.at(-1))).toBe(0);
    }
    expect((await get(`/audit-events?cursor=not-a-cursor`)).status).toBe(400);
    expect((await get(`/tasks?sort=${enc(['title', 'ASC'])}&cursor=${Buffer.from('["x","y"]').toString('base64url')}`)).status).toBe(400);
  });
});
