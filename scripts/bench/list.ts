// The task list at scale: `count` task rows inserted by SQL with a realistic spread over the seeded
// jurisdictions (stations, counties, cities), statuses, types and deadlines, then GET /api/tasks with
// jurisdiction and status filters, several pages and sorts, as a county officer (Changxing) and a city coordinator (Zhoushan).
import pg from 'pg';
import { listPath, signIn } from './api.js';
import { BENCH_PASSWORD } from './stack.js';
import { latencySummary, percentile } from './util.js';

const CAMPAIGNS = [
  { id: 'bench-list-changxing-a', programme: 'changxing', jurisdiction: '330522', year: 2001 },
  { id: 'bench-list-changxing-b', programme: 'changxing', jurisdiction: '330522', year: 2002 },
  { id: 'bench-list-zhoushan', programme: 'zhoushan', jurisdiction: '330900', year: 2002 },
  { id: 'bench-list-lijiang', programme: 'lijiang', jurisdiction: '530700', year: 2002 },
];

/**
 * Inserts the rows in one statement per 50,000 (generate_series), then VACUUM ANALYZE (as autovacuum would
 * soon after a bulk load). Of every 100 tasks: 55 at the six Changxing stations, 5 at the county,
 * 25 at the four Zhoushan districts, 2 at the city, 12 at the two Lijiang counties, 1 at the city;
 * 35 % open (a fifth of those overdue), 65 % done; deadlines over a year around today.
 */
export async function insertTasks(url: string, count: number): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const k of CAMPAIGNS)
      await c.query(
        `INSERT INTO campaign (id, programme, name, year, jurisdiction_id, status, current_stage, definition, workflow_id, launched_by_id, launched_at, case_count)
         VALUES ($1, $2, $3, $4, $5, 'running', 'self_check', '{}', $6, 'u-admin-huzhou', now(), 0) ON CONFLICT DO NOTHING`,
        [k.id, k.programme, `基准列表 ${k.id}`, k.year, k.jurisdiction, `campaign-${k.id}`],
      );
    const t0 = Date.now();
    await c.query('SELECT setseed(0.42)');
    for (let from = 0; from < count; from += 50_000) {
      await c.query(
        `WITH r AS (
           SELECT g, random() AS a, random() AS b, random() AS d, (random() * 1000)::int AS n
           FROM generate_series($1::int, $2::int) g
         ), placed AS (
           SELECT r.*,
             CASE
               WHEN a < 0.55 THEN '33052200' || (1 + floor(a / 0.55 * 6))::int
               WHEN a < 0.60 THEN '330522'
               WHEN a < 0.85 THEN (ARRAY['330902', '330903', '330921', '330922'])[1 + floor((a - 0.60) / 0.25 * 4)::int]
               WHEN a < 0.87 THEN '330900'
               WHEN a < 0.99 THEN (ARRAY['530702', '530721'])[1 + floor((a - 0.87) / 0.12 * 2)::int]
               ELSE '530700'
             END AS jurisdiction,
             CASE WHEN a < 0.60 THEN (CASE WHEN g % 2 = 0 THEN 'bench-list-changxing-a' ELSE 'bench-list-changxing-b' END)
                  WHEN a < 0.87 THEN 'bench-list-zhoushan' ELSE 'bench-list-lijiang' END AS campaign,
             CASE WHEN b < 0.35 THEN 'open' ELSE 'done' END AS status,
             (ARRAY['self_check', 'self_check_review', 'inspection', 'verification', 'score', 'pre_review', 'intake_review', 'escalation'])[1 + (g % 8)] AS type,
             now() - interval '180 days' + d * interval '360 days' AS due
           FROM r
         )
         INSERT INTO task (id, campaign_id, stage_key, case_id, type, title, assignee_role, jurisdiction_id, status, overdue, due_at, follows_stage, workflow_id, created_at, completed_at, details)
         SELECT 'bench-list-task-' || g, campaign, 'self_check', NULL, type,
                (ARRAY['自查自纠', '自查审核', '检查', '整改复查', '评分', '属地初审', '入库审核', '逾期督办'])[1 + (g % 8)] || '：' ||
                (ARRAY['紫笋茶', '百叶龙', '银杏', '太湖鲜', '带鱼', '黄鱼', '玛咖', '雪桃'])[1 + (n % 8)] ||
                (ARRAY['电子商务有限公司', '直播间', '农产品商行', '社区团购服务部'])[1 + (n % 4)] || n,
                CASE WHEN type IN ('score', 'intake_review') THEN 'auditor' WHEN type = 'escalation' THEN 'coordinator' ELSE 'county_officer' END,
                jurisdiction, status, status = 'open' AND b < 0.07, due, true, 'case-bench-list-' || g,
                due - interval '30 days', CASE WHEN status = 'done' THEN due - interval '30 days' + d * interval '25 days' END, '{}'
         FROM placed`,
        [from + 1, Math.min(count, from + 50_000)],
      );
    }
    await c.query('VACUUM ANALYZE task');
    return (Date.now() - t0) / 1000;
  } finally {
    await c.end();
  }
}

interface Query {
  name: string;
  filter: object;
  sort: [string, 'ASC' | 'DESC'];
  range: [number, number];
}

/** The lists each persona opens: the inbox, by jurisdiction and status, sorted several ways, first and later pages. */
function queries(persona: 'county_officer' | 'city_coordinator'): Query[] {
  // The officer is at the Changxing county (stations below); the coordinator at Zhoushan city (districts below).
  const station = persona === 'county_officer' ? '330522003' : '330903';
  const county = persona === 'county_officer' ? '330522' : '330902';
  const page = (n: number): [number, number] => [n * 25, n * 25 + 24];
  const q: Query[] = [
    { name: 'open, by deadline', filter: { status: 'open' }, sort: ['dueAt', 'ASC'], range: page(0) },
    { name: 'open, by deadline, page 2', filter: { status: 'open' }, sort: ['dueAt', 'ASC'], range: page(1) },
    { name: 'open in a station, by deadline', filter: { status: 'open', jurisdictionId: station }, sort: ['dueAt', 'ASC'], range: page(0) },
    { name: 'open in a station, page 10', filter: { status: 'open', jurisdictionId: station }, sort: ['dueAt', 'ASC'], range: page(9) },
    { name: 'done in a station, latest first', filter: { status: 'done', jurisdictionId: station }, sort: ['completedAt', 'DESC'], range: page(0) },
    { name: 'done, newest first', filter: { status: 'done' }, sort: ['createdAt', 'DESC'], range: page(0) },
    { name: 'done, newest first, page 100', filter: { status: 'done' }, sort: ['createdAt', 'DESC'], range: page(99) },
    { name: 'open and overdue', filter: { status: 'open', overdue: true }, sort: ['dueAt', 'ASC'], range: page(0) },
    { name: 'open at the county, by title', filter: { status: 'open', jurisdictionId: county }, sort: ['title', 'ASC'], range: page(0) },
    { name: 'open of a type, by type', filter: { status: 'open', type: 'inspection' }, sort: ['jurisdictionId', 'ASC'], range: page(0) },
  ];
  if (persona === 'county_officer') q.push({ name: 'my inbox', filter: { status: 'open', mine: true }, sort: ['dueAt', 'ASC'], range: page(0) });
  else q.push({ name: 'open at the city', filter: { status: 'open', jurisdictionId: '330900' }, sort: ['dueAt', 'ASC'], range: page(0) });
  return q;
}

export interface ListResult {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** `total`: the largest counted total; `over`: the API's bound when some list was more than it counts. */
  byPersona: { persona: string; username: string; p50: number; p95: number; total: number; over: number }[];
  slowest: { name: string; persona: string; p95: number }[];
  errors: string[];
}

/** `rounds` rounds of every query of both personas, one request at a time; the first round is a warm-up. */
export async function measureList(apiUrl: string, rounds: number): Promise<ListResult> {
  const personas = [
    { persona: 'county_officer' as const, username: 'officer.changxing' },
    { persona: 'city_coordinator' as const, username: 'coord.zhoushan' },
  ];
  const all: number[] = [];
  const errors: string[] = [];
  const byPersona: ListResult['byPersona'] = [];
  const perQuery = new Map<string, number[]>();
  for (const p of personas) {
    const s = await signIn(apiUrl, p.username, BENCH_PASSWORD);
    const mine: number[] = [];
    let total = 0;
    let over = 0;
    for (let round = 0; round <= rounds; round++) {
      for (const q of queries(p.persona)) {
        const t = performance.now();
        const r = await s.call('GET', listPath('tasks', q));
        const elapsed = performance.now() - t;
        if (r.status !== 200) {
          if (errors.length < 5) errors.push(`${p.username} ${q.name}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
          continue;
        }
        // Beyond the API's count cap the total is `*` and X-Total-Exceeds says the bound (api/list.ts).
        const exceeds = Number(r.headers.get('x-total-exceeds') ?? 0);
        if (exceeds) over = Math.max(over, exceeds);
        total = Math.max(total, Number(/\/(\d+)$/.exec(r.headers.get('content-range') ?? '')?.[1] ?? 0));
        if (round === 0) continue;
        mine.push(elapsed);
        all.push(elapsed);
        const key = `${p.persona}: ${q.name}`;
        perQuery.set(key, [...(perQuery.get(key) ?? []), elapsed]);
      }
    }
    byPersona.push({ persona: p.persona, username: p.username, p50: percentile(mine, 50), p95: percentile(mine, 95), total, over });
  }
  const slowest = [...perQuery.entries()]
    .map(([key, v]) => ({ persona: key.split(': ')[0]!, name: key.split(': ').slice(1).join(': '), p95: percentile(v, 95) }))
    .sort((a, b) => b.p95 - a.p95)
    .slice(0, 3);
  const s = latencySummary(all);
  return { samples: s.n, p50: s.p50, p95: s.p95, p99: s.p99, max: s.max, byPersona, slowest, errors };
}
