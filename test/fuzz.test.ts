// Property-based fuzz of every write endpoint, from the route registry (api/routes.ts ROUTES):
// every POST/PUT/DELETE route has a spec here (the first test fails for a new route until it has one),
// with its path parameters filled by real ids of campaigns launched through the API, and a caller whose
// role and jurisdiction let the request reach validation.
//
// Generated bad input: malformed JSON, wrong types (fc.jsonValue / fc.anything), mutations of a valid body
// (one field set to a wrong type, an out-of-range number, a date outside any range, an invalid
// 统一社会信用代码, unicode edge cases: lone surrogates, NUL, RTL overrides, zero-width characters, emoji;
// a field dropped or an unknown one added, __proto__ included), non-JSON content types, unknown ids in the
// path, and ~2 MB bodies. Expected: a 4xx answer with messageZh and messageEn, never 5xx, never 2xx — and
// nothing changed in the database.
//
// "Clearly invalid" is decided by the route's own zod schema (ROUTES[].body) on what the server will parse,
// plus the text PostgreSQL cannot store (U+0000, unpaired surrogates); a generated body the schema accepts
// is not sent (the example bodies are valid but refused for state — the campaign's award is final, its
// enrolment closed, the task done — so the fixtures stay as they are). Routes without a body (claim,
// nominate, award, logout, read-all, DELETE webhook) are fuzzed with malformed JSON, huge bodies and
// unknown ids only: with a real id any body would be ignored and the action done.
//
// "Nothing changed": other suites share the database and run at the same time, so the fingerprint is
// scoped to what this file owns: its fuzzing users (created here, fuzz.* — every write a user makes is
// audited with the actor), the fixture campaigns (their tasks, cases, stages, rosters, objections, titles,
// listings, notifications and audit entries; the Lijiang registers' entries, batches, figures, scores,
// scoring runs and attachments, as row digests), attachments uploaded by the fuzzing users, the operator
// and the webhook the fuzz targets, and notification reads of the fuzzing users. Sessions are left out
// (login creates them).
//
// Lijiang applications (POST /campaigns/:id/intake-applications) take the form as z.unknown(): the real
// judge is the intake standard (domain/intake.ts checkIntakeForm), so "clearly invalid" is the route's
// schema or the standard. They are fuzzed against a campaign whose window opens only next year, so even an
// application that passes both is refused (409) and nothing is filed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { uniqueYear, waitFor } from './helpers.js';
import { clockOf, quietMs, startTimeSkippingHarness, type TimeHarness } from './helpers-time.js';
import { startApi, type Api } from './api-helpers.js';
import { calendarOpenAt } from './helpers-campaign.js';
import {
  changxingAwarded,
  fillPath,
  lijiangFiled,
  lijiangProduct,
  pathParams,
  routeKey,
  stopFixtures,
  zhoushanListed,
  type ChangxingFixture,
  type LijiangFixture,
  type ZhoushanFixture,
} from './helpers-fixtures.js';
import { APPLICATION_FORM } from './helpers-zhoushan.js';
import { shanghaiSpec } from './helpers-programmes.js';
import { operatorWithAccount } from './helpers-operators.js';
import type { PortalOperator } from './portal-helpers.js';
import { createApp } from '../api/app.js';
import { ROUTES, type RouteDoc } from '../api/routes.js';
import { isValidUscc } from '../domain/uscc.js';
import { checkIntakeForm } from '../domain/intake.js';
import { validScoringPeriod } from '../workflows/register-scoring.js';
import { BUILT_IN } from '../domain/programmes/index.js';
import { demoUscc } from '../prisma/seed.js';
import { shanghaiDate } from '../domain/time.js';
import type { Role } from '../domain/roles.js';
import { resultSchemaFor } from '../domain/task-forms.js';
import { SELF_CHECK_AREAS } from '../domain/self-check.js';
import { COMPLIANCE_STATEMENT } from '../domain/application-statement.js';
import { PUBLIC_OBJECTION_BODY_LIMIT } from '../api/public/objections.js';

// The registry is filled when an app is created: one with no live dependencies, for the test list.
createApp({ db: {} as never, client: {} as never, taskQueue: 'unused' });
const WRITE_ROUTES = [...new Map(ROUTES.filter((r) => r.method !== 'get').map((r) => [routeKey(r), r])).values()];

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_123);
const RUNS = Number(process.env.FUZZ_RUNS ?? 24);

let h: TimeHarness;
let api: Api;
let cx: ChangxingFixture;
let zs: ZhoushanFixture;
let lj: LijiangFixture;
/** An open interview task (after a complaint on the taihu title): its rectification deadline is checked by the title's workflow. */
let interviewTask: string;
const demoTokens = new Map<string, Promise<string>>();
const demoToken = (user: string) => {
  if (!demoTokens.has(user)) demoTokens.set(user, api.login(user));
  return demoTokens.get(user)!;
};

/** This file's own users: every write they make is audited under their id. */
const FUZZ_USERS: { username: string; role: Role; jurisdictionId: string }[] = [
  { username: 'fuzz.coord.changxing', role: 'coordinator', jurisdictionId: '330522' },
  { username: 'fuzz.auditor.changxing', role: 'auditor', jurisdictionId: '330522' },
  { username: 'fuzz.officer.changxing', role: 'county_officer', jurisdictionId: '330522' },
  { username: 'fuzz.admin.changxing', role: 'admin', jurisdictionId: '330522' },
  { username: 'fuzz.coord.zhoushan', role: 'coordinator', jurisdictionId: '330900' },
  { username: 'fuzz.auditor.zhoushan', role: 'auditor', jurisdictionId: '330900' },
  { username: 'fuzz.officer.zhoushan', role: 'county_officer', jurisdictionId: '330900' },
  { username: 'fuzz.coord.lijiang', role: 'coordinator', jurisdictionId: '530700' },
  { username: 'fuzz.auditor.lijiang', role: 'auditor', jurisdictionId: '530700' },
  { username: 'fuzz.officer.gucheng', role: 'county_officer', jurisdictionId: '530702' },
];
const fuzzId = (username: string) => `u-${username.replace(/\./g, '-')}`;
const tokens: Record<string, string> = {};
/** The operator PUT /operators/:id is fuzzed on, and the jurisdiction whose webhook is. */
const TARGET_OPERATOR = 'op-cx-030';
const WEBHOOK_J = '330522006';

/**
 * The operators' portal (README "The operators' portal"): operators of this file's own, registered fresh and
 * activated through the API (the demo's operators are shared with every suite, and an account changes what
 * their officers see), so that each portal route reaches its validation with an id the operator owns:
 * - cx: of 雉城所, enrolled in a Changxing campaign of this file whose self-check it has done (a valid
 *   completion is 409, as is a proof with no rectification order);
 * - zs: a live room of 定海 that has applied in a Zhoushan campaign of this file (a valid resubmission is
 *   409: it was not returned; a valid application to the fixture's closed campaign is 409);
 * - lj: an applicant of 古城 (a valid application to the Lijiang campaign whose window opens next year is 409);
 * - disabled: of 雉城所, its account disabled (a valid invitation is 409; disabling it again changes nothing).
 */
interface PortalFixture {
  cx: PortalOperator;
  zs: PortalOperator;
  lj: PortalOperator;
  disabled: PortalOperator;
  cxCampaignId: string;
  selfCheckTaskId: string;
  zsCampaignId: string;
  zsCaseId: string;
}
let portal: PortalFixture;
/** A USCC no operator has (valid check digit): activating with it is refused whatever the code. */
const UNREGISTERED_USCC = demoUscc('330522', 9_999_998);
const fuzzOperatorIds = () => [portal.cx.id, portal.zs.id, portal.lj.id, portal.disabled.id];
/** The portal accounts' user ids (their writes are audited under them). */
let portalAccountIds: string[] = [];
const selfCheckBody = () => ({ areas: SELF_CHECK_AREAS.map((a) => ({ key: a.key, finding: 'compliant' })) });

async function portalFixture(): Promise<PortalFixture> {
  const [officer, dinghai, gucheng] = await Promise.all([demoToken('officer.zhicheng'), demoToken('officer.dinghai'), demoToken('officer.gucheng')]);
  const stamp = Date.now().toString(36);
  const [cxOp, zsOp, ljOp, disabled] = await Promise.all([
    operatorWithAccount(api, officer, '330522001', `模糊测试门户商贸${stamp}`, { track: 'live_marketing' }),
    operatorWithAccount(api, dinghai, '330902', `模糊测试门户直播间${stamp}`, { kind: 'live_room' }),
    operatorWithAccount(api, gucheng, '530702', `模糊测试门户农产品${stamp}`),
    operatorWithAccount(api, officer, '330522001', `模糊测试停用商贸${stamp}`),
  ]);
  const off = await api.call('PUT', `/operators/${encodeURIComponent(disabled.id)}/account`, {
    token: officer,
    body: { disabled: true, reason: '模糊测试：停用的账号' },
  });
  expect(off.status, JSON.stringify(off.body)).toBe(200);
  const launch = async (user: string, body: object) => {
    const r = await api.call('POST', '/campaigns', { token: await demoToken(user), body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };
  const [cxCampaignId, zsCampaignId] = await Promise.all([
    launch('coord.changxing', {
      programme: 'changxing',
      year: await uniqueYear(h.db),
      jurisdictionId: '330522',
      stages: calendarOpenAt('self_check', quietMs(h), 'changxing', await clockOf(h)),
      reminderLeadHours: 0,
      operatorIds: [cxOp.id],
    }),
    launch('coord.zhoushan', {
      programme: 'zhoushan',
      year: await uniqueYear(h.db),
      jurisdictionId: '330900',
      stages: calendarOpenAt('application', quietMs(h), 'zhoushan', await clockOf(h)),
      reminderLeadHours: 0,
    }),
  ]);
  const task = await waitFor(
    () => h.db.task.findFirst({ where: { caseId: `${cxCampaignId}:${cxOp.id}`, type: 'self_check', status: 'open' } }),
    'the portal operator’s self-check',
  );
  const done = await api.call('POST', `/portal/tasks/${encodeURIComponent(task.id)}/complete`, { token: cxOp.token, body: selfCheckBody() });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  await waitFor(() => h.db.stage.findFirst({ where: { campaignId: zsCampaignId, key: 'application', status: 'open' } }), 'applications open');
  const filed = await api.call('POST', '/portal/applications', {
    token: zsOp.token,
    body: { campaignId: zsCampaignId, form: APPLICATION_FORM, complianceStatement: { version: COMPLIANCE_STATEMENT.version, signatory: '模糊测试' } },
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  await waitFor(() => h.db.task.findFirst({ where: { caseId: filed.body.caseId, type: 'pre_review', status: 'open' } }), 'the portal application’s pre-review');
  return { cx: cxOp, zs: zsOp, lj: ljOp, disabled, cxCampaignId, selfCheckTaskId: task.id, zsCampaignId, zsCaseId: filed.body.caseId };
}

let requests = 0;
let serverErrors = 0;
const statuses = new Map<number, number>();

beforeAll(async () => {
  h = await startTimeSkippingHarness();
  api = await startApi(h);
  const hash = (await h.db.user.findUniqueOrThrow({ where: { username: 'coord.changxing' } })).passwordHash;
  for (const u of FUZZ_USERS)
    await h.db.user.upsert({
      where: { id: fuzzId(u.username) },
      update: {},
      create: {
        id: fuzzId(u.username),
        username: u.username,
        displayName: `模糊测试 ${u.username}`,
        passwordHash: hash,
        role: u.role,
        jurisdictionId: u.jurisdictionId,
      },
    });
  [cx, zs, lj, portal] = await Promise.all([
    changxingAwarded(h, api, demoToken),
    zhoushanListed(h, api, demoToken),
    lijiangFiled(h, api, demoToken),
    portalFixture(),
  ]);
  portalAccountIds = (await h.db.user.findMany({ where: { operatorId: { in: fuzzOperatorIds() } }, select: { id: true } })).map((u) => u.id);
  const complaint = await api.call('POST', `/titles/${encodeURIComponent(cx.titleTaihu)}/complaints`, {
    token: await demoToken('officer.taihu'),
    body: { kind: 'complaint', description: '消费者投诉' },
  });
  expect(complaint.status, JSON.stringify(complaint.body)).toBe(201);
  interviewTask = complaint.body.id;
  for (const u of FUZZ_USERS) tokens[u.username] = await api.login(u.username);
  for (const k of ['cx', 'zs', 'lj'] as const) tokens[`operator.${k}`] = portal[k].token!;
  // The campaigns' last activities (escalations of the stages that closed on launch…) settle first.
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = JSON.stringify(await fingerprint());
    if (now === last) break;
    last = now;
    await new Promise((r) => setTimeout(r, 750));
  }
  console.log(`fuzz: seed=${SEED} runs per route=${RUNS} (FUZZ_SEED / FUZZ_RUNS to change)`);
}, 120_000);

afterAll(async () => {
  console.log(`fuzz: requests=${requests} 5xx=${serverErrors} statuses=${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
  if (h)
    await stopFixtures(
      h,
      [cx?.campaignId, zs?.campaignId, lj?.campaignId, lj?.pendingCampaignId, portal?.cxCampaignId, portal?.zsCampaignId].filter((x): x is string => !!x),
    );
  await api?.close();
  await h?.stop();
});

/** What this file owns in the database, as counts and row digests. */
async function fingerprint() {
  const users = [...FUZZ_USERS.map((u) => fuzzId(u.username)), ...portalAccountIds];
  const campaigns = [cx.campaignId, zs.campaignId, lj.campaignId, lj.pendingCampaignId, portal.cxCampaignId, portal.zsCampaignId];
  const entries = 'entry_id IN (SELECT id FROM register_entry WHERE campaign_id = ANY($2))';
  const cases = 'case_id IN (SELECT id FROM case_file WHERE campaign_id = ANY($2))';
  const digest = (table: string, where: string) =>
    `(SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM ${table} t WHERE ${where})`;
  const [row] = await h.db.$queryRawUnsafe<Record<string, string>[]>(
    `SELECT
       (SELECT count(*) || ':' || coalesce(max(id), 0) FROM audit_event WHERE actor_id = ANY($1)) AS audit_by_fuzz_users,
       (SELECT count(*) || ':' || coalesce(max(id), 0) FROM audit_event WHERE campaign_id = ANY($2)) AS audit_of_fixtures,
       ${digest('campaign', 'id = ANY($2) OR launched_by_id = ANY($1)')} AS campaign,
       ${digest('stage', 'campaign_id = ANY($2)')} AS stage,
       ${digest('case_file', 'campaign_id = ANY($2)')} AS case_file,
       ${digest('task', 'campaign_id = ANY($2)')} AS task,
       ${digest('roster', 'campaign_id = ANY($2)')} AS roster,
       ${digest('objection', 'campaign_id = ANY($2)')} AS objection,
       ${digest('title', 'campaign_id = ANY($2)')} AS title,
       ${digest('listing', 'campaign_id = ANY($2)')} AS listing,
       ${digest('notification', 'campaign_id = ANY($2) OR recipient_user_id = ANY($1)')} AS notification,
       ${digest('register_entry', 'campaign_id = ANY($2)')} AS register_entry,
       ${digest('intake_batch', 'campaign_id = ANY($2)')} AS intake_batch,
       ${digest('register_metric', `${entries} OR recorded_by_id = ANY($1)`)} AS register_metric,
       ${digest('register_score', entries)} AS register_score,
       ${digest('register_scoring_run', 'campaign_id = ANY($2)')} AS register_scoring_run,
       ${digest('attachment', `${entries} OR ${cases} OR uploaded_by_id = ANY($1)`)} AS attachment,
       ${digest('application_version', cases)} AS application_version,
       ${digest('rectification_proof', cases)} AS rectification_proof,
       (SELECT count(*)::text FROM notification_read WHERE user_id = ANY($1)) AS notification_read,
       ${digest('operator', 'id = $3 OR id = ANY($5)')} AS operator,
       ${digest('operator_invitation', 'operator_id = ANY($5)')} AS operator_invitation,
       ${digest('app_user', 'operator_id = ANY($5) OR username = $6')} AS portal_account,
       ${digest('webhook', 'jurisdiction_id = $4')} AS webhook`,
    users,
    campaigns,
    TARGET_OPERATOR,
    WEBHOOK_J,
    fuzzOperatorIds(),
    UNREGISTERED_USCC.toLowerCase(),
  );
  return row!;
}

// ——— Generators ———

/** Text PostgreSQL cannot store: U+0000 and unpaired UTF-16 surrogates. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const hasUnstorable = (v: unknown): boolean =>
  typeof v === 'string'
    ? UNSTORABLE.test(v)
    : v !== null && typeof v === 'object'
      ? Object.entries(v).some(([k, x]) => UNSTORABLE.test(k) || hasUnstorable(x))
      : false;

const EDGE = [
  '\u202e',
  '\u202d',
  '\u200f',
  '\u200b',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00a0',
  '\u3000',
  '\u2028',
  '👩‍👩‍👧‍👦',
  '🀄',
  '🇨🇳',
  'é',
  'e\u0301',
  'ﷺ',
  'א',
  '\t',
  '\r\n',
  '\\',
  '"',
  "'",
  '<script>alert(1)</script>',
  '${7*7}',
  '../../etc/passwd',
  '%00',
  "' OR '1'='1",
  '％',
  '１',
];
const UNSTORABLE_BITS = ['\u0000', '\ud800', '\udfff', '\ud83d', '\udc00', 'x\u0000y'];
const edgeString = fc
  .array(fc.oneof(fc.constantFrom(...EDGE), fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { minLength: 1, maxLength: 6 })
  .map((a) => a.join(''));
const unstorableString = fc.tuple(edgeString, fc.constantFrom(...UNSTORABLE_BITS), fc.oneof(edgeString, fc.constant(''))).map(([a, b, c]) => a + b + c);

const BAD_DATES = [
  '2024-02-30',
  '2023-02-29',
  '2024-13-01',
  '2024-00-10',
  '2024-01-32',
  '0000-01-01',
  '1899-12-31',
  '1970-01-01',
  '2000-01-01T00:00:00Z',
  '9999-12-31',
  '99999-01-01',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00Z',
  '2024-07-01T25:00:00Z',
  '2024-07-01T12:00',
  '2024-07-01T12:00:00+25:00',
  'tomorrow',
  'now',
  '',
  ' ',
  '２０２４-０１-０１',
  '2024-01-01\u200b',
  '\u202e2024-01-01',
  '2024/01/01',
  '20240101',
  'NaN',
  'Infinity',
  '1e10',
  '2024-1-1',
];
/** A registration date the register accepts (YYYY-MM-DD, a real day, 1900-01-01 to today). */
const plausibleDay = (d: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(d) &&
  !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
  new Date(`${d}T00:00:00Z`).toISOString().startsWith(d) &&
  d >= '1900-01-01' &&
  d <= shanghaiDate(Date.now());
const badDate = fc.oneof(
  fc.constantFrom(...BAD_DATES),
  fc.date({ noInvalidDate: true, max: new Date('2000-01-01') }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true, min: new Date('9000-01-01') }).map((d) => d.toISOString()),
);

const validUscc = fc.integer({ min: 1, max: 90_000 }).map((n) => demoUscc('330522', 5000 + n));
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const fullWidth = (s: string) => s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const badUscc = fc
  .oneof(
    fc.tuple(validUscc, fc.integer({ min: 1, max: 30 })).map(([u, k]) => u.slice(0, 17) + ALPHABET[(ALPHABET.indexOf(u[17]!) + k) % 31]),
    validUscc.map((u) => u.slice(0, 17)),
    validUscc.map((u) => `${u}0`),
    fc.tuple(validUscc, fc.constantFrom('I', 'O', 'S', 'V', 'Z', '-', ' ', '\u200b')).map(([u, c]) => u.slice(0, 9) + c + u.slice(10)),
    validUscc.map(fullWidth),
    fc.string({ minLength: 18, maxLength: 18 }),
    fc.stringMatching(/^[0-9A-Y]{18}$/),
  )
  .filter((u) => !isValidUscc(u.trim().toUpperCase()));

const nested = fc.integer({ min: 20, max: 400 }).map((n) => JSON.parse('['.repeat(n) + ']'.repeat(n)) as unknown);
const protoKey = JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":{"role":"admin"}}}') as object;
/** A value no field expects, or one outside its range. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    -0.5,
    1.5,
    101,
    100.001,
    12.345,
    -1e-9,
    1e308,
    -1e308,
    2 ** 53 + 1,
    '',
    ' ',
    '\t\n',
    [],
    {},
    [null],
    protoKey,
  ),
  fc.jsonValue({ maxDepth: 2 }),
  edgeString,
  unstorableString,
  badDate,
  badUscc,
  fc.integer({ min: 2001, max: 12_000 }).map((n) => 'x'.repeat(n)),
  nested,
);

/** Every path into a JSON value: ["a"], ["a", 0, "b"], … */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => [[...prefix, i], ...paths(x, [...prefix, i])]);
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [[...prefix, k], ...paths(x, [...prefix, k])]);
  return [];
}
function edit(v: unknown, path: (string | number)[], op: 'set' | 'delete' | 'add', value: unknown, key: string): unknown {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (op === 'set') parent[last] = value;
  else if (op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target))
      Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
    else parent[last] = value;
  }
  return copy;
}
/** One change to a valid body: a field set to a bad value, dropped, or an unknown one added. */
function mutations(example: object): fc.Arbitrary<unknown> {
  const all = paths(example);
  return fc.oneof(
    fc
      .record({
        path: fc.constantFrom(...all),
        op: fc.constantFrom<'set' | 'delete' | 'add'>('set', 'set', 'delete', 'add'),
        value: badValue,
        key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'total', 'id', 'role', 'admin', 'status'), fc.string({ maxLength: 8 })),
      })
      .map(({ path, op, value, key }) => edit(example, path, op, value, key)),
    fc
      .tuple(fc.oneof(fc.constantFrom('__proto__', 'total', 'id', 'actorId', 'status'), fc.string({ minLength: 1, maxLength: 8 })), badValue)
      .map(([k, value]) => {
        const copy = structuredClone(example) as Record<string, unknown>;
        Object.defineProperty(copy, k, { value, enumerable: true, configurable: true, writable: true });
        return copy;
      }),
    fc.constant([example]),
  );
}
/** Raw text that the JSON parser refuses (and that is not empty: an empty body is no body). */
const malformedJson = (example: unknown) =>
  fc
    .oneof(
      fc.constantFrom(
        '{',
        '[',
        '{"a":',
        "{'a':1}",
        '{"a":1,}',
        '{"a":1}}',
        '[1,2',
        'undefined',
        'NaN',
        'null',
        'true',
        '1',
        '"text"',
        '{"a":01}',
        '{"a":"\\x00"}',
        '{"a":"\\ud800',
        '\u0000',
        '{a:1}',
        '<xml/>',
        '{"a":1}{"b":2}',
      ),
      fc.integer({ min: 1, max: Math.max(1, JSON.stringify(example ?? {}).length - 1) }).map((n) => JSON.stringify(example ?? { a: 1 }).slice(0, n)),
      fc.string({ minLength: 1, maxLength: 40 }),
    )
    .filter((raw) => {
      if (!raw.trim() || raw.startsWith('\ufeff')) return false;
      try {
        const v = JSON.parse(raw) as unknown;
        return v === null || typeof v !== 'object'; // the API takes objects and arrays only
      } catch {
        return true;
      }
    });
const wrongTypes = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({ maxDepth: 2, withNullPrototype: true, withObjectString: true }),
  fc.array(fc.jsonValue({ maxDepth: 1 })),
  fc.dictionary(fc.string({ maxLength: 6 }), badValue, { maxKeys: 4 }),
);
const unknownId = fc
  .oneof(
    fc.constantFrom(
      '0',
      '-1',
      '99999999999999999999',
      '1e3',
      'null',
      'undefined',
      '%',
      'a/b',
      '*',
      ':id',
      '{id}',
      "' OR 1=1 --",
      '🦄',
      ' ',
      '\u202e',
      'x'.repeat(300),
      'changxing-330522-1999',
      'op-zz-001',
      '330522999',
    ),
    fc.string({ minLength: 1, maxLength: 24 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
  )
  .filter((id) => id !== '.' && id !== '..');

/** A CSV with at least one line that is wrong (bad 统一社会信用代码, bad date, unknown kind, junk, broken quotes). */
function badCsv(header: string, goodLine: string, ownBadLine?: fc.Arbitrary<string>) {
  const badLine =
    ownBadLine ??
    fc.oneof(
      badUscc
        .map((u) => u.replace(/[,"\n\r]/g, ''))
        .filter((u) => !isValidUscc(u.trim().toUpperCase()))
        .map((u) => goodLine.replace(/[0-9A-Z]{18}/, u)),
      badDate
        .map((d) => d.replace(/[,"\n\r]/g, '').trim() || 'x')
        .filter((d) => !plausibleDay(d))
        .map((d) => goodLine.replace(/\d{4}-\d{2}-\d{2}/, d)),
      fc.array(fc.oneof(edgeString, unstorableString), { minLength: 1, maxLength: 6 }).map((cells) => cells.map((c) => c.replace(/[,"\n\r]/g, '')).join(',')),
      fc.constantFrom('"unclosed,quote', 'a,"b"c"', '\u0000,\u0000'),
    );
  return fc
    .tuple(fc.array(badLine, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean())
    .map(([bad, withGood, junkHeader]) => [junkHeader ? `${header},多余列` : header, ...(withGood ? [goodLine] : []), ...bad].join('\n'));
}

// ——— Requests ———

interface FuzzRequest {
  kind: string;
  /** 'refuse' (default): 4xx with reasons; 'noop': 200 and nothing changed. */
  expect?: 'refuse' | 'noop';
  params?: Record<string, string>;
  body?: unknown;
  raw?: string;
  contentType?: string;
}
interface Target {
  user?: string;
  params?: Record<string, string>;
  /** A valid body, refused for state when sent as-is (or sent with unknown ids only). */
  example?: object;
}
interface Spec {
  targets: Target[];
  /** Known-invalid bodies the schema alone does not catch (bad dates in range of the type, bad codes…). */
  semantic?: fc.Arbitrary<unknown>;
  /** CSV routes: the bodies are CSV text (text/csv, or JSON { csv }). */
  csv?: fc.Arbitrary<string>;
  /** Overrides the schema as the judge of "clearly invalid" (given the body the server parses; undefined: none). */
  invalid?: (body: unknown) => boolean;
  /** Requests that are accepted but must change nothing (200): e.g. a whole record with nothing editable. */
  noop?: fc.Arbitrary<FuzzRequest>;
  /** Bytes of the huge bodies, over the route's own limit (default ~2 MB, over the JSON limit of 1 MB). */
  hugeBytes?: number;
}

const badProgrammeSpecs = fc.constantFrom(
  shanghaiSpec('changxing', { rubric: { ...shanghaiSpec('x').rubric, role: 'leader' } }),
  shanghaiSpec('changxing', { rubric: { ...shanghaiSpec('x').rubric, items: [{ key: 'a', name: '甲', nameEn: 'A', points: 90 }] } }),
  shanghaiSpec('changxing', { stages: [{ key: 'idle', name: '空', nameEn: 'Idle', durationDays: 5, taskTypes: [] }, ...shanghaiSpec('x').stages] }),
  shanghaiSpec('changxing', { roster: { name: '名单', nameEn: 'List' } }),
);

function specs(): Record<string, Spec> {
  const T = (user: string, params?: Record<string, string>, example?: object): Target => ({ user, params, example });
  const C = { id: cx.campaignId };
  const Z = { id: zs.campaignId };
  const L = { id: lj.campaignId };
  const grounds = BUILT_IN.changxing.revocationGrounds.map((g) => g.key);
  const opCsvHeader = '名称,统一社会信用代码,主体类型,辖区代码,注册日期';
  const editable = (b: unknown) =>
    b !== null && typeof b === 'object' && !Array.isArray(b)
      ? Object.fromEntries(
          Object.entries(b).filter(([k]) =>
            ['name', 'kind', 'jurisdictionId', 'registeredOn', 'track', 'platformAccounts', 'abnormalListed', 'dishonestListed'].includes(k),
          ),
        )
      : b;
  const route = (k: string) => WRITE_ROUTES.find((r) => routeKey(r) === k)!;
  const only = (b: object, keys: string[]) => Object.fromEntries(Object.entries(b).filter(([k]) => keys.includes(k)));
  // A line the import would take, and lines it must refuse (so no generated file imports anything).
  const userCsvHeader = '用户名,姓名,角色,辖区代码';
  const userCsvLine = 'fuzz.import.one,模糊测试,审核员,330522';
  const badUserLine = fc.oneof(
    edgeString.map((u) => `${u.replace(/[,"\n\r]/g, '')}!,模糊测试,审核员,330522`), // '!' is never in a username
    fc.constantFrom(
      'officer.zhicheng,重名,审核员,330522',
      'fuzz.import.two,越权,审核员,330900',
      'fuzz.import.three,无此辖区,审核员,999999',
      'fuzz.import.four,角色,局长,330522',
      'fuzz.import.five,,审核员,330522',
    ),
  );
  const orgCsvHeader = '代码,名称,上级代码,级别';
  const orgCsvLine = '330522961,模糊测试所,330522,基层所';
  const badOrgLine = fc.oneof(
    fc.constantFrom(
      '330522001,已存在,330522,基层所',
      '330522962,越权,330902,基层所',
      '330522963,无上级,339999,县区',
      '3305229,位数,330522,基层所',
      '330522964,级别,330522,乡镇',
      '330599001,不在本县,330522,基层所',
      '330522965,循环,330522966,基层所\n330522966,循环,330522965,基层所',
    ),
    edgeString.map((n) => `33052297${n.length % 10},${n.replace(/[,"\n\r]/g, '') || '名'},330522,${n.replace(/[,"\n\r]/g, '')}!`), // '!' is no level
  );
  const launchSpec: Spec = {
    targets: [
      T('fuzz.coord.changxing', undefined, {
        programme: 'changxing',
        year: cx.year,
        jurisdictionId: '330522',
        operatorIds: ['op-cx-001'],
        settings: { awardThreshold: 85 },
      }),
    ],
    semantic: fc.oneof(
      fc
        .record(
          {
            awardThreshold: fc.constantFrom(-1, 100.5, 101, 1e9, -0.01),
            titleValidity: fc.constantFrom('P-1Y', 'forever', 'PT0S', 'P1000Y', ''),
            publicityDays: fc.constantFrom(-1, 0, 1e6, 0.5),
          },
          { requiredKeys: [] },
        )
        .filter((s) => Object.keys(s).length > 0)
        .map((settings) => ({ programme: 'changxing', year: cx.year, jurisdictionId: '330522', settings })),
      fc
        .record({ department: fc.integer({ min: -1000, max: 1000 }), third_party: fc.integer({ min: -1000, max: 1000 }) })
        .filter((w) => w.department + w.third_party !== 70 || w.department < 0)
        .map((w) => ({ programme: 'changxing', year: cx.year, jurisdictionId: '330522', settings: { weights: { live_marketing: w } } })),
      fc.tuple(fc.constantFrom('mobilization', 'self_check', 'governance', 'evaluation', 'summary', 'nope'), badDate, fc.boolean()).map(([key, d, start]) => ({
        programme: 'changxing',
        year: cx.year,
        jurisdictionId: '330522',
        stages: [{ key, [start ? 'startsAt' : 'dueAt']: d }],
      })),
      fc.constantFrom('nope', 'zhoushan ', 'CHANGXING').map((programme) => ({ programme, year: cx.year, jurisdictionId: '330522' })),
      unknownId.map((jurisdictionId) => ({ programme: 'changxing', year: cx.year, jurisdictionId: jurisdictionId.slice(0, 50) })),
      fc
        .array(
          unknownId.map((x) => x.slice(0, 50)),
          { minLength: 1, maxLength: 3 },
        )
        .map((operatorIds) => ({ programme: 'changxing', year: cx.year, jurisdictionId: '330522', operatorIds })),
    ),
  };
  return {
    'POST /auth/login': {
      targets: [{ example: { username: 'fuzz.coord.changxing', password: 'not-the-password' } }],
      semantic: fc.record({ username: fc.oneof(edgeString, fc.constantFrom('fuzz.coord.zhoushan', 'fuzz.admin.changxing')), password: edgeString }),
    },
    // (Real usernames of this file only: failed sign-ins are counted per account in the shared database.)
    'POST /auth/password': { targets: [T('fuzz.officer.zhoushan', undefined, { oldPassword: 'not-the-password', newPassword: 'Fuzz-new-password-2026' })] },
    'POST /auth/logout-everywhere': { targets: [T('fuzz.auditor.lijiang')] },
    // Accounts: a taken username (409), and a fuzz user's own record edited with what it already holds.
    'POST /users': {
      targets: [
        T('fuzz.admin.changxing', undefined, { username: 'officer.zhicheng', displayName: '模糊测试', role: 'county_officer', jurisdictionId: '330522001' }),
      ],
    },
    'PUT /users/:id': {
      targets: [
        T(
          'fuzz.admin.changxing',
          { id: fuzzId('fuzz.auditor.changxing') },
          { displayName: '模糊测试 fuzz.auditor.changxing', role: 'auditor', jurisdictionId: '330522' },
        ),
      ],
      invalid: (b) =>
        b === undefined
          ? false
          : b !== null && typeof b === 'object' && !Array.isArray(b)
            ? !route('PUT /users/:id').body!.safeParse(only(b, ['displayName', 'role', 'jurisdictionId', 'phone', 'email', 'disabled', 'reason'])).success
            : true,
      noop: fc.oneof(
        fc.constant<FuzzRequest>({ kind: 'no-body', expect: 'noop' }),
        fc
          .dictionary(
            fc.oneof(fc.constantFrom('id', 'username', 'passwordHash', 'mustChangePassword', 'createdAt'), fc.string({ minLength: 1, maxLength: 6 })),
            fc.jsonValue({ maxDepth: 1 }),
            { maxKeys: 4 },
          )
          .filter(
            (b) => Object.keys(only(b, ['displayName', 'role', 'jurisdictionId', 'phone', 'email', 'disabled', 'reason'])).length === 0 && !hasUnstorable(b),
          )
          .map((body): FuzzRequest => ({ kind: 'nothing-editable', expect: 'noop', body })),
      ),
    },
    'POST /users/:id/reset-password': { targets: [T('fuzz.admin.changxing', { id: fuzzId('fuzz.auditor.changxing') }, { reason: '模糊测试' })] },
    'POST /users/import': {
      targets: [T('fuzz.admin.changxing', undefined, { csv: `${userCsvHeader}\n${userCsvLine}` })],
      csv: badCsv(userCsvHeader, userCsvLine, badUserLine),
    },
    // Organisation: an existing code (409); 煤山所 renamed to the name it has.
    'POST /jurisdictions': { targets: [T('fuzz.admin.changxing', undefined, { id: '330522001', name: '模糊测试所', level: 'station', parentId: '330522' })] },
    'PUT /jurisdictions/:id': {
      targets: [T('fuzz.admin.changxing', { id: WEBHOOK_J }, { name: '煤山市场监管所' })],
      invalid: (b) =>
        b !== null && typeof b === 'object' && !Array.isArray(b) ? !route('PUT /jurisdictions/:id').body!.safeParse(only(b, ['name', 'reason'])).success : true,
    },
    'POST /jurisdictions/import': {
      targets: [T('fuzz.admin.changxing', undefined, { csv: `${orgCsvHeader}\n${orgCsvLine}` })],
      csv: badCsv(orgCsvHeader, orgCsvLine, badOrgLine),
    },
    'POST /auth/logout': { targets: [T('fuzz.admin.changxing')] },
    // Valid launches of the fixture's year are 409: the campaign exists.
    'POST /campaigns': launchSpec,
    // The launch's preview checks the same body with the same reasons (api/campaign-launch.ts prepareLaunch).
    'POST /campaigns/launch-preview': launchSpec,
    'POST /campaigns/:id/stages/:key/close': { targets: [T('fuzz.coord.changxing', { ...C, key: 'evaluation' }, { reason: '模糊测试' })] },
    'POST /campaigns/:id/stages/:key/extend': {
      targets: [T('fuzz.coord.changxing', { ...C, key: 'evaluation' }, { dueAt: new Date(Date.now() + 3600_000).toISOString(), reason: '模糊测试' })],
      semantic: badDate.map((dueAt) => ({ dueAt, reason: '模糊测试' })),
    },
    // A preview changes nothing; bad dates (unparseable, past, more than a year on) are refused as the extension would be.
    'POST /campaigns/:id/stages/:key/extension-preview': {
      targets: [T('fuzz.coord.changxing', { ...C, key: 'evaluation' }, { dueAt: new Date(Date.now() + 3600_000).toISOString() })],
      semantic: badDate.map((dueAt) => ({ dueAt })),
    },
    // The fixture's tasks are done: a valid assignment or reminder of them is 409.
    'POST /tasks/assign': {
      targets: [T('fuzz.coord.changxing', undefined, { taskIds: [cx.taskZhicheng], userId: 'u-officer-zhicheng' })],
      semantic: fc.record({
        taskIds: fc
          .array(
            unknownId.map((x) => x.slice(0, 300)),
            { minLength: 1, maxLength: 3 },
          )
          .map((xs) => [...xs, cx.taskZhicheng]),
        userId: fc.oneof(
          unknownId.map((x) => x.slice(0, 100)),
          fc.constantFrom('u-officer-zhicheng', 'u-leader-changxing', 'u-officer-dinghai'),
        ),
      }),
    },
    'POST /tasks/remind': {
      targets: [T('fuzz.coord.changxing', undefined, { taskIds: [cx.taskZhicheng] })],
      semantic: fc
        .array(
          unknownId.map((x) => x.slice(0, 300)),
          { minLength: 1, maxLength: 3 },
        )
        .map((xs) => ({ taskIds: [cx.taskTaihu, ...xs] })),
    },
    'POST /tasks/:id/claim': { targets: [T('fuzz.auditor.changxing', { id: cx.taskZhicheng })] },
    // The fixture's task is done: a valid release or delegation of it is 409.
    'POST /tasks/:id/release': { targets: [T('fuzz.coord.changxing', { id: cx.taskZhicheng }, { reason: '模糊测试' })] },
    'POST /tasks/:id/delegate': {
      targets: [T('fuzz.coord.changxing', { id: cx.taskZhicheng }, { userId: 'u-officer-zhicheng', reason: '模糊测试' })],
      semantic: fc.record({ userId: fc.constantFrom('u-officer-zhicheng', 'u-officer-changxing'), reason: fc.constantFrom('', ' ', '\n') }),
    },
    // Done tasks: a valid result is 409; each type's form is fuzzed.
    'POST /tasks/:id/complete': {
      targets: [
        T('fuzz.auditor.changxing', { id: cx.taskZhicheng }, { score: 90, comment: '模糊测试' }),
        T(
          'fuzz.auditor.zhoushan',
          { id: zs.cityAuditTaskId },
          {
            points: Object.fromEntries(Object.entries(BUILT_IN.zhoushan.defaults.settings.criterionPoints).map(([k, v]) => [k, v])),
            vetoes: [],
            comment: '模糊测试',
          },
        ),
        T('fuzz.officer.zhoushan', { id: zs.preReviewTaskId }, { decision: 'return', reason: '模糊测试', missing: ['材料'] }),
        // Open: the example is only ever sent with unknown ids.
        T(
          'fuzz.officer.changxing',
          { id: interviewTask },
          { measure: 'interview', note: '模糊测试', rectifyBy: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) },
        ),
      ],
      semantic: fc.oneof(
        fc.constantFrom(-1, -0.01, 100.01, 101, 1e308, 12.345, 99.999).map((score) => ({ score })),
        fc.constantFrom(-1, 1.5, 1000).map((p) => ({ points: { lawful: p }, vetoes: [] })),
        // Past, malformed, or after the title expires.
        fc.tuple(fc.constantFrom('interview', 'guidance'), badDate).map(([measure, rectifyBy]) => ({ measure, note: '模糊测试', rectifyBy })),
      ),
    },
    // A score after its 公示 was published: a valid correction is 409 (nothing changes); each bad result is 400.
    'POST /tasks/:id/corrections': {
      targets: [T('fuzz.coord.changxing', { id: cx.taskZhicheng }, { reason: '模糊测试', result: { score: 80 } })],
      semantic: fc.oneof(
        fc.constantFrom(-1, -0.01, 100.01, 101, 1e308, 12.345).map((score) => ({ reason: '模糊测试', result: { score } })),
        fc.constantFrom({ decision: 'accepted' }, { score: 80, total: 100 }, {}).map((result) => ({ reason: '模糊测试', result })),
      ),
    },
    // Enrolment closed with the mobilization stage: a valid enrolment is 409.
    'POST /campaigns/:id/cases': {
      targets: [T('fuzz.coord.changxing', C, { operators: [{ operatorId: 'op-cx-007', track: 'live_marketing' }] })],
      semantic: fc.oneof(
        fc
          .array(
            badUscc.map((u) => ({ uscc: u.slice(0, 30) })),
            { minLength: 1, maxLength: 3 },
          )
          .map((operators) => ({ operators })),
        fc.constantFrom('外卖', 'live', '').map((track) => ({ operators: [{ operatorId: 'op-cx-007', track }] })),
      ),
    },
    'POST /campaigns/:id/cases/import': {
      targets: [T('fuzz.coord.changxing', C, { csv: `统一社会信用代码,赛道\n${demoUscc('330522', 7)},直播营销` })],
      csv: badCsv('统一社会信用代码,赛道', `${demoUscc('330522', 7)},直播营销`),
    },
    // The fixture's group: a second group for its dimension is refused, a member from another city too, and
    // every score is in already.
    'POST /campaigns/:id/evaluation-groups': {
      targets: [T('fuzz.coord.changxing', C, { name: '模糊测试组', external: true, dimensions: ['third_party'] })],
      semantic: fc.oneof(
        fc.constantFrom('', ' ', 'x'.repeat(61)).map((name) => ({ name, external: true, dimensions: ['industry'] })),
        fc.constantFrom<unknown[]>([], ['fun'], ['industry', 'industry']).map((dimensions) => ({ name: '模糊测试组', external: true, dimensions })),
        fc.constantFrom<unknown[]>([], ['u-officer-zhicheng'], ['nobody']).map((memberIds) => ({ name: '模糊测试组', dimensions: ['industry'], memberIds })),
      ),
    },
    'PUT /campaigns/:id/evaluation-groups/:groupId': {
      targets: [
        T(
          'fuzz.coord.changxing',
          { ...C, groupId: cx.groupId },
          { name: '第三方监测', external: true, dimensions: ['third_party'], memberIds: ['u-auditor-zhoushan'] },
        ),
      ],
      semantic: fc
        .constantFrom<unknown[]>([], ['fun'], ['third_party', 'third_party'])
        .map((dimensions) => ({ name: '第三方监测', external: true, dimensions })),
    },
    'DELETE /campaigns/:id/evaluation-groups/:groupId': { targets: [T('fuzz.coord.changxing', { ...C, groupId: cx.groupId })] },
    'POST /campaigns/:id/evaluation-groups/:groupId/scores': {
      targets: [T('fuzz.coord.changxing', { ...C, groupId: cx.groupId }, { csv: `统一社会信用代码,分数\n${demoUscc('330522', 1)},90` })],
      csv: badCsv('统一社会信用代码,分数,备注', `${demoUscc('330522', 1)},90,模糊测试`),
    },
    // The fixture inspects every case: even a good seed is refused.
    'POST /campaigns/:id/inspection-draw': {
      targets: [T('fuzz.coord.changxing', C, { seed: '模糊测试' })],
      semantic: fc.constantFrom('', ' ', 'x'.repeat(65), '<script>', 'a/b').map((seed) => ({ seed })),
    },
    // The award is final: a valid 公示, a new one superseding it, an objection or a resolution is 409.
    'POST /campaigns/:id/publicity': {
      targets: [T('fuzz.coord.changxing', C, { days: 5 })],
      semantic: fc.oneof(
        badDate.map((windowEndsAt) => ({ windowEndsAt })),
        fc.constantFrom(0, -1, 61, 1.5, 1e9).map((days) => ({ days })),
      ),
    },
    'POST /campaigns/:id/publicity/republish': {
      targets: [T('fuzz.coord.changxing', C, { reason: '模糊测试', days: 5 })],
      semantic: fc.oneof(
        badDate.map((windowEndsAt) => ({ reason: '模糊测试', windowEndsAt })),
        fc.constantFrom(0, -1, 61, 1.5, 1e9).map((days) => ({ reason: '模糊测试', days })),
        fc.constantFrom('', ' ', '\n').map((reason) => ({ reason, days: 5 })),
      ),
    },
    // Reads a 申报表 and files nothing: the example is a zip's first bytes, no workbook (400).
    'POST /intake-forms/read': { targets: [T('fuzz.auditor.lijiang', undefined, { register: 'product', xlsx: 'UEsDBBQAAAAIAA==' })] },
    'POST /campaigns/:id/objections': {
      targets: [T('fuzz.coord.changxing', C, { caseId: cx.caseZhicheng, source: '来信', content: '模糊测试' })],
      semantic: unknownId.map((caseId) => ({ caseId: caseId.slice(0, 200).trim() || 'x', source: '来信', content: '模糊测试' })),
    },
    // Rectification proof (api/portal/changxing.ts): neither case has a rectification order, so even a
    // valid proof is 409 and nothing is filed; the portal's by the operator on its own case.
    'POST /cases/:id/rectification-proof': { targets: [T('fuzz.officer.changxing', { id: cx.caseZhicheng }, { round: 1, note: '模糊测试' })] },
    'POST /portal/cases/:id/rectification-proof': {
      targets: [T('operator.cx', { id: `${portal.cxCampaignId}:${portal.cx.id}` }, { round: 1, note: '模糊测试' })],
    },
    // Comments and files (api/comments.ts, api/task-files.ts): a valid comment would be written, so the
    // example is only ever sent with unknown ids; files name attachments that do not exist (400, nothing bound).
    'POST /tasks/:id/comments': { targets: [T('fuzz.officer.changxing', { id: cx.taskZhicheng }, { body: '模糊测试' })] },
    'POST /cases/:id/comments': { targets: [T('fuzz.officer.changxing', { id: cx.caseZhicheng }, { body: '模糊测试' })] },
    'POST /tasks/:id/files': {
      targets: [T('fuzz.officer.changxing', { id: cx.taskZhicheng }, { attachmentIds: ['00000000-0000-4000-8000-000000000000'] })],
      semantic: fc.uuid().map((id) => ({ attachmentIds: [id] })),
    },
    'POST /cases/:id/files': {
      targets: [T('fuzz.officer.changxing', { id: cx.caseZhicheng }, { attachmentIds: ['00000000-0000-4000-8000-000000000000'] })],
      semantic: fc.uuid().map((id) => ({ attachmentIds: [id, id] })),
    },
    'POST /objections/:id/resolve': { targets: [T('fuzz.coord.changxing', { id: cx.objectionId }, { decision: 'upheld', resolution: '模糊测试' })] },
    // Public pages (no sign-in): the fixture's 公示 window is over, so a valid objection is 409. Its body
    // may carry a 5 MB file (api/public/objections.ts), so the huge bodies are over that limit.
    'POST /public/rosters/:id/objections': {
      targets: [
        { params: { id: cx.publicityRosterId }, example: { name: '模糊测试', contact: '13800138000', entryRef: 1, reason: '模糊测试的异议理由，十个字以上' } },
      ],
      hugeBytes: PUBLIC_OBJECTION_BODY_LIMIT + 1_000_000,
    },
    'PUT /campaigns/:id/public-contact': { targets: [T('fuzz.coord.changxing', C, { publicContact: '模糊测试' })] },
    'POST /campaigns/:id/award': { targets: [T('fuzz.coord.changxing', C)] },
    // Would revoke: only grounds the notice does not have.
    'POST /titles/:id/revoke': {
      targets: [T('fuzz.coord.changxing', { id: cx.titleZhicheng }, { ground: 'listed_dishonest', evidence: '模糊测试' })],
      semantic: fc
        .oneof(edgeString, fc.constantFrom('LISTED_DISHONEST', 'listed-dishonest', 'other', 'bad_attitude'))
        .filter((g) => !grounds.includes(g.trim()) && g.trim().length > 0 && g.trim().length <= 50)
        .map((ground) => ({ ground, evidence: '模糊测试' })),
    },
    'POST /titles/:id/complaints': { targets: [T('fuzz.coord.changxing', { id: cx.titleZhicheng }, { kind: 'complaint', description: '模糊测试' })] },
    'POST /campaigns/:id/rosters': { targets: [T('fuzz.coord.changxing', C, { kind: 'red' })] },
    // Applications are closed: a valid one is 409.
    'POST /campaigns/:id/applications': {
      targets: [T('fuzz.coord.zhoushan', Z, { operatorId: 'op-zs-002', form: APPLICATION_FORM })],
      semantic: fc.oneof(
        unknownId.map((operatorId) => ({ operatorId: operatorId.slice(0, 100), form: APPLICATION_FORM })),
        fc.constantFrom('op-cx-001', 'op-zs-001').map((operatorId) => ({ operatorId, form: APPLICATION_FORM })),
      ),
    },
    'POST /campaigns/:id/cultivation-list': {
      targets: [T('fuzz.coord.zhoushan', Z, { quota: 1 })],
      semantic: fc.oneof(
        fc.constantFrom(-1, 100.5, 101, 1e9).map((threshold) => ({ threshold })),
        fc.constantFrom(0, -1, 1.5, 1e6).map((quota) => ({ quota })),
      ),
    },
    // Zhoushan's campaign is not of a defined programme: a valid body is 409.
    'POST /campaigns/:id/roster': {
      targets: [T('fuzz.coord.zhoushan', Z, { quota: 1 })],
      semantic: fc.oneof(
        fc.constantFrom(-1, 100.5, 101, 1e9).map((threshold) => ({ threshold })),
        fc.constantFrom(0, -1, 1.5, 1e6).map((quota) => ({ quota })),
      ),
    },
    // A built-in's id: a valid definition is 409 (POST) or 403 (PUT): built-ins are code. The semantic bodies
    // pass the schema but break the rules (unknown role, points not adding up to 100, a stage without work).
    'POST /programmes': { targets: [T('fuzz.coord.changxing', undefined, shanghaiSpec('changxing'))], semantic: badProgrammeSpecs },
    'PUT /programmes/:id': { targets: [T('fuzz.coord.changxing', { id: 'changxing' }, shanghaiSpec('changxing'))], semantic: badProgrammeSpecs },
    'POST /listings/:id/nominate': { targets: [T('fuzz.coord.zhoushan', { id: zs.listingId })] },
    // Not nominated: a valid answer is 409.
    'POST /listings/:id/province-answer': { targets: [T('fuzz.coord.zhoushan', { id: zs.listingId }, { accepted: true, note: '模糊测试' })] },
    'POST /listings/:id/remove': { targets: [T('fuzz.coord.zhoushan', { id: zs.listingId }, { reason: '模糊测试' })] },
    'POST /listings/:id/findings': { targets: [T('fuzz.coord.zhoushan', { id: zs.listingId }, { description: '模糊测试', serious: false })] },
    // An admin: nothing is ever addressed to the admin role, so no id reads.
    'POST /notifications/read-all': { targets: [T('fuzz.admin.changxing')] },
    'POST /notifications/:id/read': { targets: [T('fuzz.admin.changxing', { id: '1' })] },
    'PUT /jurisdictions/:id/webhook': {
      targets: [T('fuzz.admin.changxing', { id: WEBHOOK_J }, { url: 'https://hooks.example.test/fuzz', secret: 'fuzz-secret-0123456789', enabled: true })],
      semantic: fc.record(
        {
          url: fc.constantFrom(
            'javascript:alert(1)',
            'ftp://x.test/h',
            'http://',
            'file:///etc/passwd',
            `http://${'a'.repeat(600)}.test`,
            'data:text/html,<b>x</b>',
            '//x.test/h',
            'x.test/h',
          ),
          secret: fc.oneof(
            fc.constant('short'),
            edgeString.filter((s) => s.length < 16),
          ),
        },
        { requiredKeys: ['url'] },
      ),
    },
    'DELETE /jurisdictions/:id/webhook': { targets: [T('fuzz.admin.changxing', { id: WEBHOOK_J })] },
    // op-cx-001's code: a valid registration is 409 (already registered).
    'POST /operators': {
      targets: [
        T('fuzz.coord.changxing', undefined, {
          name: '模糊测试主体',
          uscc: demoUscc('330522', 1),
          kind: 'enterprise',
          jurisdictionId: '330522001',
          registeredOn: '2020-01-01',
        }),
      ],
      semantic: fc.oneof(
        badUscc.map((uscc) => ({ name: '模糊测试主体', uscc, kind: 'enterprise', jurisdictionId: '330522001', registeredOn: '2020-01-01' })),
        badDate.map((registeredOn) => ({ name: '模糊测试主体', uscc: demoUscc('330522', 1), kind: 'enterprise', jurisdictionId: '330522001', registeredOn })),
        // A code not registered yet: only a date the register refuses keeps this from registering.
        fc
          .tuple(
            validUscc,
            badDate.filter((d) => !plausibleDay(d)),
          )
          .map(([uscc, registeredOn]) => ({ name: '模糊测试主体', uscc, kind: 'enterprise', jurisdictionId: '330522001', registeredOn })),
        fc
          .record({
            platform: fc.constantFrom('weibo', 'DOUYIN', ''),
            account: fc.constantFrom('', ' ', 'x'.repeat(101)),
            followers: fc.constantFrom(-1, 1.5, 'many'),
          })
          .map((a) => ({
            name: '模糊测试主体',
            uscc: demoUscc('330522', 1),
            kind: 'enterprise',
            jurisdictionId: '330522001',
            registeredOn: '2020-01-01',
            platformAccounts: [a],
          })),
      ),
    },
    // react-admin sends whole records: unknown keys are ignored, so the judge is the schema on the editable fields.
    'PUT /operators/:id': {
      targets: [T('fuzz.coord.changxing', { id: TARGET_OPERATOR }, { name: '模糊测试主体', kind: 'enterprise', registeredOn: '2020-01-01' })],
      semantic: badDate.filter((d) => !plausibleDay(d)).map((registeredOn) => ({ registeredOn })),
      invalid: (b) =>
        b === undefined
          ? false
          : b !== null && typeof b === 'object' && !Array.isArray(b)
            ? !route('PUT /operators/:id').body!.safeParse(editable(b)).success
            : true,
      noop: fc.oneof(
        fc.constant<FuzzRequest>({ kind: 'no-body', expect: 'noop' }),
        fc.constant<FuzzRequest>({ kind: 'xml-body', expect: 'noop', raw: '<operator><name>x</name></operator>', contentType: 'application/xml' }),
        fc
          .dictionary(
            fc.oneof(fc.constantFrom('id', 'uscc', 'createdAt', 'updatedAt', 'actorId'), fc.string({ minLength: 1, maxLength: 6 })),
            fc.jsonValue({ maxDepth: 1 }),
            { maxKeys: 4 },
          )
          .filter((b) => Object.keys(editable(b) as object).length === 0 && !hasUnstorable(b))
          .map((body): FuzzRequest => ({ kind: 'nothing-editable', expect: 'noop', body })),
      ),
    },
    // Without ?list= every body is 400; the list's own refusals are test/credit-lists.test.ts's.
    'POST /credit-lists/import': {
      targets: [T('fuzz.coord.changxing', undefined, { csv: `统一社会信用代码,列入日期\n${UNREGISTERED_USCC},2026-01-05` })],
      csv: badCsv('统一社会信用代码,列入日期', `${UNREGISTERED_USCC},2026-01-05`),
    },
    'POST /operators/import': {
      targets: [T('fuzz.coord.changxing', undefined, { csv: `${opCsvHeader}\n模糊测试主体,${demoUscc('330522', 1)},企业,330522001,2020-01-01` })],
      csv: badCsv(opCsvHeader, `模糊测试主体,${demoUscc('330522', 1)},企业,330522001,2020-01-01`),
    },
    // Lijiang registers. The window of this campaign opens next year: a valid application is 409.
    // The form is judged by the intake standard too; the semantic bodies pass it but name attachments that
    // do not exist or are another application's (400), or applicants that are unknown or outside 古城 (400/403).
    'POST /campaigns/:id/intake-applications': {
      targets: [
        T(
          'fuzz.officer.gucheng',
          { id: lj.pendingCampaignId },
          { operatorId: 'op-lj-003', form: lijiangProduct({ productName: '模糊测试玛咖片', category: 'primary_agricultural', grade: '一级' }) },
        ),
      ],
      invalid: (b) => !route('POST /campaigns/:id/intake-applications').body!.safeParse(b).success || !checkIntakeForm((b as { form?: unknown }).form).form,
      semantic: fc.oneof(
        fc
          .tuple(fc.uuid({ version: 4 }), fc.uuid({ version: 4 }))
          .map(([a, r]) => ({ operatorId: 'op-lj-003', form: lijiangProduct({ productName: '模糊测试', licences: [a], testReports: [r] }) })),
        fc.constantFrom('licences', 'testReports', 'materials').map((field) => ({
          operatorId: 'op-lj-003',
          form: lijiangProduct({ productName: '模糊测试', licences: [lj.reportId], testReports: [lj.licenceId], [field]: [lj.licenceId] }),
        })),
        fc
          .oneof(
            unknownId.map((x) => x.slice(0, 100).trim() || 'x'),
            fc.constantFrom('op-lj-002', 'op-lj-012', 'op-zs-001', 'op-cx-001'),
          )
          .map((operatorId) => ({ operatorId, form: lijiangProduct({ productName: '模糊测试', category: 'primary_agricultural', grade: '一级' }) })),
      ),
    },
    // A refused entry: valid figures are 409 (only filed entries are scored).
    'POST /register-entries/:id/metrics': {
      targets: [
        T('fuzz.auditor.lijiang', { id: lj.entryYulong }, { platformRating: 4.5, complaintRate: 0.5, findings: 0, violation: false, note: '模糊测试' }),
      ],
    },
    // Nothing is queued: a valid batch is 409; dates the schema takes but the deadline refuses are 400.
    'POST /campaigns/:id/intake-batches': {
      targets: [T('fuzz.auditor.lijiang', L, { reviewDueAt: shanghaiDate(Date.now() + 30 * 86_400_000) })],
      semantic: badDate.map((reviewDueAt) => ({ reviewDueAt })),
    },
    // Sets the period (audited): the example is only ever sent with unknown ids; periods under an hour or not ISO 8601 are 400.
    'PUT /campaigns/:id/register-scoring': {
      targets: [T('fuzz.coord.lijiang', L, { period: 'P1M' })],
      semantic: fc
        .oneof(fc.constantFrom('PT5M', 'PT59M', 'PT0S', 'P0D', 'P-1M', 'p1m', 'P1M ', '1 month', 'monthly', 'P', 'PT', 'P1.5M', 'PT3599S'), edgeString)
        .filter((p) => p.length >= 2 && p.length <= 40 && !validScoringPeriod(p))
        .map((period) => ({ period })),
    },
    // No body: with the real id a run is made, so only malformed JSON, huge bodies and unknown ids.
    'POST /campaigns/:id/register-scoring/run': { targets: [T('fuzz.auditor.lijiang', L)] },
    // A valid upload stores a file: only what the schema refuses is sent, and base64 that decodes to nothing (400).
    // Operators' accounts (api/portal/accounts.ts). The account is disabled: a valid invitation is 409 and
    // disabling it again changes nothing.
    'POST /operators/:id/invitations': { targets: [T('fuzz.officer.changxing', { id: portal.disabled.id }, { reason: '模糊测试' })] },
    'PUT /operators/:id/account': { targets: [T('fuzz.officer.changxing', { id: portal.disabled.id }, { disabled: true, reason: '模糊测试' })] },
    // No sign-in: a USCC nobody registered, so any code is refused (400, counted as a failed sign-in of that name only).
    'POST /portal/activate': {
      targets: [{ example: { uscc: UNREGISTERED_USCC, code: 'ABCD-EFGH-JKMN', password: 'Fuzz-portal-password-2026' } }],
      semantic: fc.record({ uscc: fc.oneof(edgeString, badUscc, fc.constant(UNREGISTERED_USCC)), code: edgeString, password: edgeString }),
    },
    // The operator's own self-check, done: a valid form is 409. The route takes the form of the task's type
    // (api/task-completion.ts), so that is the judge.
    // The route declares no body (its form depends on the task), so the bad forms are generated here.
    'POST /portal/tasks/:id/complete': {
      targets: [T('operator.cx', { id: portal.selfCheckTaskId }, selfCheckBody())],
      invalid: (b) => !resultSchemaFor('self_check', null)!.safeParse(b).success,
      semantic: fc.oneof(wrongTypes, mutations(selfCheckBody())).filter((b) => {
        const text = JSON.stringify(b);
        return text !== undefined && !hasUnstorable(JSON.parse(text)) && !resultSchemaFor('self_check', null)!.safeParse(JSON.parse(text)).success;
      }),
    },
    // Applications are closed in the fixture's campaign (409); the room's own application was not returned (409).
    'POST /portal/applications': {
      targets: [
        T('operator.zs', undefined, {
          campaignId: zs.campaignId,
          form: APPLICATION_FORM,
          complianceStatement: { version: COMPLIANCE_STATEMENT.version, signatory: '模糊测试' },
        }),
      ],
    },
    'POST /portal/applications/:id/resubmit': { targets: [T('operator.zs', { id: portal.zsCaseId }, { form: APPLICATION_FORM, supplied: '模糊测试' })] },
    // The window of this campaign opens next year: a valid application is 409. Judged by the route's schema,
    // the register agreeing, and the intake standard on the form as filed (api/portal/register.ts).
    'POST /portal/register/applications': {
      targets: [
        T('operator.lj', undefined, {
          campaignId: lj.pendingCampaignId,
          register: 'product',
          form: lijiangProduct({ productName: '模糊测试门户玛咖片', category: 'primary_agricultural', grade: '一级' }),
        }),
      ],
      invalid: (b) => {
        if (!route('POST /portal/register/applications').body!.safeParse(b).success) return true;
        const { register, form } = b as { register: string; form: Record<string, unknown> };
        return (form.register !== undefined && form.register !== register) || !checkIntakeForm({ ...form, register }).form;
      },
    },
    // Addressed to the operator's account by name: nothing is yet (no id reads), and read-all has no body.
    'POST /portal/notifications/read-all': { targets: [T('operator.cx')] },
    'POST /portal/notifications/:id/read': { targets: [T('operator.cx', { id: '1' })] },
    'POST /attachments': {
      targets: [
        T('fuzz.officer.gucheng', undefined, {
          filename: '模糊测试.pdf',
          contentType: 'application/pdf',
          dataBase64: Buffer.from('%PDF-1.4 fuzz').toString('base64'),
        }),
      ],
      semantic: fc
        .tuple(fc.constantFrom('=', '==', 'A', 'A=', 'A==', 'Q', '/', '+='), fc.constantFrom('application/pdf', 'image/png', 'text/plain'))
        .map(([dataBase64, contentType]) => ({ filename: '模糊测试.pdf', contentType, dataBase64 })),
    },
  };
}

/** The bodies one route is fuzzed with. */
function requestsFor(route: RouteDoc, spec: Spec): fc.Arbitrary<{ target: Target; req: FuzzRequest }> {
  const schema = route.body as z.ZodType | undefined;
  const names = pathParams(route.path);
  const invalid = (b: unknown) => {
    const text = JSON.stringify(b); // what is sent (undefined: no body)
    const v = text === undefined ? undefined : (JSON.parse(text) as unknown);
    if (hasUnstorable(v)) return true;
    if (spec.invalid) return spec.invalid(v);
    if (v === null || typeof v !== 'object') return true; // the JSON parser takes objects and arrays only
    return !!schema && !schema.safeParse(v).success;
  };
  return fc.constantFrom(...spec.targets).chain((target) => {
    const example = target.example;
    const withBody = !!schema;
    const options: fc.Arbitrary<FuzzRequest>[] = [malformedJson(example).map((raw) => ({ kind: 'malformed-json', raw, contentType: 'application/json' }))];
    if (names.length)
      options.push(
        fc
          .tuple(
            fc.subarray(names, { minLength: 1 }),
            fc.array(unknownId, { minLength: names.length, maxLength: names.length }),
            fc.oneof(fc.constant(example), wrongTypes),
          )
          .map(([which, ids, body]) => ({
            kind: 'unknown-id',
            params: Object.fromEntries(names.map((n, i) => [n, which.includes(n) ? ids[i]! : target.params![n]!])),
            body: body ?? undefined,
          })),
      );
    if (withBody && !spec.csv) {
      options.push(wrongTypes.filter(invalid).map((body) => ({ kind: 'wrong-type', body })));
      if (example)
        options.push(
          mutations(example)
            .filter(invalid)
            .map((body) => ({ kind: 'mutation', body })),
        );
      // Text is parsed as text (CSV imports) and refused by the schema; other types are not parsed (no body).
      const types = spec.invalid?.(undefined) === false ? ['text/plain', 'text/csv'] : ['text/plain', 'text/csv', 'application/xml'];
      options.push(
        fc
          .tuple(fc.oneof(edgeString, fc.constant(JSON.stringify(example ?? {}))), fc.constantFrom(...types))
          .map(([raw, contentType]) => ({ kind: 'not-json', raw, contentType })),
      );
    }
    if (spec.noop) options.push(spec.noop);
    if (spec.semantic) options.push(spec.semantic.map((body) => ({ kind: 'semantic', body })));
    if (spec.csv) {
      options.push(spec.csv.map((raw) => ({ kind: 'csv', raw, contentType: 'text/csv' })));
      options.push(spec.csv.map((csv) => ({ kind: 'csv-json', body: { csv } })));
      options.push(
        fc
          .oneof(wrongTypes, mutations(example!))
          .filter(invalid)
          .map((body) => ({ kind: 'wrong-type', body })),
      );
    }
    return fc.oneof(...options).map((req) => ({ target, req }));
  });
}

async function send(route: RouteDoc, target: Target, req: FuzzRequest) {
  requests++;
  const p = fillPath(route.path, req.params ?? target.params ?? {});
  const r = await api.call(route.method.toUpperCase(), p, {
    token: target.user ? tokens[target.user] : undefined,
    ...(req.raw !== undefined ? { rawBody: req.raw, contentType: req.contentType } : req.body !== undefined ? { body: req.body } : {}),
  });
  statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  if (r.status >= 500) serverErrors++;
  return r;
}
const describeReq = (route: RouteDoc, req: FuzzRequest) =>
  `${routeKey(route)} ${req.kind} ${JSON.stringify(req.params ?? {})} ${JSON.stringify(req.raw ?? req.body)?.slice(0, 300)}`;
function expectRefused(route: RouteDoc, req: FuzzRequest, r: { status: number; body: any }) {
  const what = `${describeReq(route, req)} → ${r.status} ${JSON.stringify(r.body)?.slice(0, 300)}`;
  expect(r.status, what).toBeGreaterThanOrEqual(400);
  expect(r.status, what).toBeLessThan(500);
  expect(typeof r.body?.messageZh === 'string' && r.body.messageZh.length > 0, `messageZh: ${what}`).toBe(true);
  expect(typeof r.body?.messageEn === 'string' && r.body.messageEn.length > 0, `messageEn: ${what}`).toBe(true);
}

describe('fuzz of every write endpoint', () => {
  it('has a spec for every POST, PUT and DELETE route', () => {
    const table = new Set(Object.keys(specs()));
    expect(WRITE_ROUTES.length).toBeGreaterThanOrEqual(31);
    expect(WRITE_ROUTES.map(routeKey).filter((k) => !table.has(k))).toEqual([]);
    expect([...table].filter((k) => !WRITE_ROUTES.some((r) => routeKey(r) === k))).toEqual([]);
  });

  it('refuses the Lijiang examples for state, so a valid body that slipped through would change nothing', async () => {
    const before = await fingerprint();
    const t = specs();
    for (const k of ['POST /campaigns/:id/intake-applications', 'POST /register-entries/:id/metrics', 'POST /campaigns/:id/intake-batches']) {
      const target = t[k]!.targets[0]!;
      const r = await api.call('POST', fillPath(WRITE_ROUTES.find((x) => routeKey(x) === k)!.path, target.params!), {
        token: tokens[target.user!],
        body: target.example,
      });
      expect(r.status, `${k} ${JSON.stringify(r.body)}`).toBe(409);
    }
    expect(await fingerprint()).toEqual(before);
  });

  WRITE_ROUTES.forEach((route, i) => {
    it(`${routeKey(route)}: bad input is refused with reasons, never 5xx, and changes nothing`, async () => {
      const spec = specs()[routeKey(route)];
      expect(spec, `no fuzz spec for ${routeKey(route)}`).toBeDefined();
      const before = await fingerprint();

      // ~2 MB: over the JSON limit (413), and as a CSV file (400: too many lines / unknown columns).
      const bytes = spec!.hugeBytes ?? 2_000_000;
      for (const target of spec!.targets) {
        const huge: FuzzRequest[] = [
          { kind: 'huge-json', raw: JSON.stringify({ ...(target.example ?? {}), padding: 'x'.repeat(bytes) }), contentType: 'application/json' },
          // U+202E is three bytes in UTF-8.
          { kind: 'huge-field', body: { ...(target.example ?? {}), reason: '\u202e'.repeat(Math.ceil((bytes * 1.05) / 3)) } },
        ];
        if (spec!.csv) huge.push({ kind: 'huge-csv', raw: `统一社会信用代码,赛道\n${`${'9'.repeat(18)},直播营销\n`.repeat(80_000)}`, contentType: 'text/csv' });
        for (const req of huge) {
          const r = await send(route, target, req);
          expectRefused(route, { kind: req.kind }, r);
          expect([400, 413], describeReq(route, { kind: req.kind })).toContain(r.status);
        }
      }

      await fc.assert(
        fc.asyncProperty(requestsFor(route, spec!), async ({ target, req }) => {
          const r = await send(route, target, req);
          if (req.expect === 'noop') expect(r.status, `${describeReq(route, req)} → ${r.status}`).toBe(200);
          else expectRefused(route, req, r);
        }),
        { seed: SEED + i, numRuns: RUNS },
      );
      expect(await fingerprint(), `database changed by ${routeKey(route)}`).toEqual(before);
    });
  });

  it('fuzzed every write route, without a single server error', () => {
    expect(serverErrors).toBe(0);
    expect(requests).toBeGreaterThanOrEqual(WRITE_ROUTES.length * RUNS);
  });
});
