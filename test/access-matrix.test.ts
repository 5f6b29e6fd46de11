// Access control matrix over EVERY route the API registers (api/routes.ts ROUTES): built from the
// registry, so a route added later fails the coverage check below until it has an entry here.
//
// 1. Roles: every non-public route refuses an anonymous or forged caller (401); a route that declares its
//    roles refuses every other role (403), whatever the jurisdiction.
// 2. Jurisdiction: every route with a path parameter has a fixture here: an entity of real campaigns
//    launched through the API, and the places whose users (of every role the route allows) lie outside it.
//    They get 403, or 404 where the API deliberately hides that the thing exists (POST
//    /notifications/:id/read: a notification is looked up among those addressed to you, so somebody else's
//    reads as unknown). A caller inside the jurisdiction gets anything but 401/403 (usually 200, or 400 on
//    a deliberately bad body so the check changes nothing), so each row can fail both ways.
//    Routes that take the jurisdiction from the body or the query (launch, bulk task actions, the operator
//    register) are checked the same way with bodies naming places outside; lists and aggregates filter by
//    scope instead of refusing, so they are checked for the absence of out-of-scope rows (and the presence
//    of in-scope ones).
// 3. Security basics: bcrypt hashes, login rate limit (extending test/api.test.ts), expired sessions,
//    security headers on /api and the console, the append-only audit trail (database trigger and code).
//    The API authenticates with bearer tokens, never cookies: login sets no cookie, so a browser never
//    attaches credentials by itself and CSRF does not apply.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from './helpers.js';
import { startTimeSkippingHarness, type TimeHarness } from './helpers-time.js';
import { startApi, type Api } from './api-helpers.js';
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
import { ROUTES, type RouteDoc } from '../api/routes.js';
import { ROLES, type Role } from '../domain/roles.js';
import { demoUscc } from '../prisma/seed.js';
import { shanghaiDate } from '../domain/time.js';

let h: TimeHarness;
let api: Api;
let uiDir: string;
let cx: ChangxingFixture;
let zs: ZhoushanFixture;
let lj: LijiangFixture;
/** Extra fixtures of this file: an open interview task at 雉城 (after a complaint), its notification, an audit entry at 雉城. */
let interviewTask: string;
let notificationId: string;
let auditZhicheng: string;
/** An attachment officer.gucheng uploaded but no application uses: only the uploader may read it. */
let unfiledAttachment: string;

const tokens = new Map<string, Promise<string>>();
const token = (user: string) => {
  if (!tokens.has(user)) tokens.set(user, api.login(user));
  return tokens.get(user)!;
};
const SLUG: Record<Role, string> = { coordinator: 'coord', county_officer: 'officer', auditor: 'auditor', leader: 'leader', admin: 'admin' };
const userOf = (role: Role, place: string) => `${SLUG[role]}.${place}`;
const placeOf = (user: string) => user.split('.')[1]!;

beforeAll(async () => {
  h = await startTimeSkippingHarness();
  uiDir = mkdtempSync(path.join(tmpdir(), 'matrix-ui-'));
  writeFileSync(
    path.join(uiDir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>console</title></head><body><div id="root"></div></body></html>',
  );
  api = await startApi(h, uiDir);
  [cx, zs, lj] = await Promise.all([changxingAwarded(h, api, token), zhoushanListed(h, api, token), lijiangFiled(h, api, token)]);
  const upload = await api.call('POST', '/attachments', {
    token: await token('officer.gucheng'),
    body: { filename: '矩阵.pdf', contentType: 'application/pdf', dataBase64: Buffer.from('%PDF-1.4 matrix').toString('base64') },
  });
  expect(upload.status, JSON.stringify(upload.body)).toBe(201);
  unfiledAttachment = upload.body.id;
  const complaint = await api.call('POST', `/titles/${encodeURIComponent(cx.titleZhicheng)}/complaints`, {
    token: await token('officer.zhicheng'),
    body: { kind: 'complaint', description: '消费者投诉售后不到位' },
  });
  expect(complaint.status, JSON.stringify(complaint.body)).toBe(201);
  interviewTask = complaint.body.id;
  notificationId = String(
    (await waitFor(() => h.db.notification.findFirst({ where: { taskId: interviewTask, recipientRole: 'county_officer' } }), 'interview notification')).id,
  );
  auditZhicheng = String((await h.db.auditEvent.findFirstOrThrow({ where: { campaignId: cx.campaignId, jurisdictionId: '330522001' } })).id);
}, 120_000);
afterAll(async () => {
  if (h)
    await stopFixtures(
      h,
      [cx?.campaignId, zs?.campaignId, lj?.campaignId, lj?.pendingCampaignId].filter((x): x is string => !!x),
    );
  await api?.close();
  await h?.stop();
  if (uiDir) rmSync(uiDir, { recursive: true, force: true });
});

/** The registry, once per route (createApp registers into a module-level array). */
const routes = (): RouteDoc[] => [...new Map(ROUTES.map((r) => [routeKey(r), r])).values()];

interface Expect {
  user: string;
  /** Statuses that pass; a refusal row expects [403] (or [404]). */
  status: number[];
  body?: unknown;
  params?: Record<string, string>;
  query?: string;
}
interface ParamCase {
  params: Record<string, string>;
  /** Places whose users, in every role the route allows, lie outside the entity's jurisdiction. */
  outside: string[];
  /** Further outsiders by name (e.g. an officer of a sibling county filing for another county's operator). */
  outsideUsers?: string[];
  /** What outsiders get: 403, or 404 where the API hides existence. */
  refused?: 403 | 404;
  /** A body that would be accepted inside (so only the jurisdiction can refuse it). */
  body?: unknown;
  inside: Expect;
}
interface Check {
  user: string;
  path: string;
  /** Returns what is wrong, or undefined. */
  verdict: (r: { status: number; body: any; headers: Headers }) => string | undefined;
}

const q = (filter: object, extra = '') => `?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;
const ids = (rows: { id: string }[]) => rows.map((r) => String(r.id));
const CX_OUT = ['zhoushan', 'dinghai'];
/** A Changxing campaign's own decisions: outside its county, and below it (a station's coordinator sees the campaign but does not run it). */
const CX_RUN_OUT = ['zhoushan', 'dinghai', 'zhicheng'];
const ZHICHENG_OUT = ['taihu', 'zhoushan', 'dinghai'];
const ZS_OUT = ['changxing', 'huzhou', 'zhicheng'];
const ZS_RUN_OUT = ['changxing', 'huzhou', 'dinghai'];
const DINGHAI_OUT = ['putuo', 'changxing', 'huzhou'];
const WEBHOOK_J = '330522006'; // 煤山所: no other suite sets a webhook here (the console's webhook test uses 泗安所)
const ZS_USCC = demoUscc('330902', 100); // op-zs-001
/** Outside the Lijiang city (530700) entirely. */
const LJ_OUT = ['zhoushan', 'dinghai', 'changxing', 'zhicheng'];
/** An entry of 古城区 (530702): 玉龙县 (530721) is a sibling county. */
const GUCHENG_OUT = ['yulong', ...LJ_OUT];
const YULONG_OUT = ['gucheng', ...LJ_OUT];
/** The office's and the centre's decisions (batches, scoring): the counties see the campaign but do not run it. */
const LJ_RUN_OUT = ['gucheng', 'yulong', ...LJ_OUT];

function paramTable(): Record<string, ParamCase[]> {
  const C = { id: cx.campaignId };
  const Z = { id: zs.campaignId };
  const stageC = { id: cx.campaignId, key: 'evaluation' };
  const later = `${cx.year + 1}-01-01`;
  const L = { id: lj.campaignId };
  const metrics = { platformRating: 4.5, complaintRate: 0.5, findings: 0, violation: false };
  // A valid application, but the same product as the filed entry: were the scope check missing, it is 409, nothing filed.
  const duplicate = { operatorId: 'op-lj-001', form: lijiangProduct({ category: 'primary_agricultural', grade: '一级' }) };
  const ok = (user: string, status = [200], body?: unknown): Expect => ({ user, status, body });
  return {
    'GET /campaigns/:id': [
      { params: C, outside: CX_OUT, inside: ok('officer.zhicheng') },
      { params: Z, outside: ZS_OUT, inside: ok('officer.dinghai') },
    ],
    'GET /campaigns/:id/progress': [{ params: C, outside: CX_OUT, inside: ok('leader.changxing') }],
    // Not a defined programme's campaign: inside, a valid body is 409.
    'POST /campaigns/:id/roster': [{ params: Z, outside: ZS_RUN_OUT, body: { quota: 1 }, inside: ok('coord.zhoushan', [409], { quota: 1 }) }],
    'POST /campaigns/:id/stages/:key/close': [{ params: stageC, outside: CX_RUN_OUT, body: { reason: '矩阵' }, inside: ok('coord.changxing', [400], {}) }],
    'POST /campaigns/:id/stages/:key/extend': [
      { params: stageC, outside: CX_RUN_OUT, body: { dueAt: later, reason: '矩阵' }, inside: ok('coord.changxing', [400], { reason: '矩阵' }) },
    ],
    'POST /campaigns/:id/stages/:key/extension-preview': [
      { params: stageC, outside: CX_RUN_OUT, body: { dueAt: later }, inside: ok('coord.changxing', [400], {}) },
    ],
    'GET /stages/:id': [{ params: { id: cx.stageId }, outside: CX_OUT, inside: ok('officer.taihu') }],
    'GET /tasks/:id': [
      { params: { id: cx.taskZhicheng }, outside: ZHICHENG_OUT, inside: ok('officer.zhicheng') },
      { params: { id: zs.preReviewTaskId }, outside: DINGHAI_OUT, inside: ok('officer.dinghai') },
      // A city task is not a county's business.
      { params: { id: zs.cityAuditTaskId }, outside: ['dinghai', 'putuo', 'changxing'], inside: ok('auditor.zhoushan') },
    ],
    'POST /tasks/:id/claim': [
      { params: { id: interviewTask }, outside: ZHICHENG_OUT, inside: ok('officer.zhicheng', [200]) },
      { params: { id: zs.preReviewTaskId }, outside: DINGHAI_OUT, inside: ok('officer.dinghai', [409]) },
    ],
    // The fixture's task is done: inside, releasing or delegating it is 409.
    'POST /tasks/:id/release': [{ params: { id: cx.taskZhicheng }, outside: ZHICHENG_OUT, body: {}, inside: ok('officer.zhicheng', [409], {}) }],
    'POST /tasks/:id/delegate': [
      {
        params: { id: cx.taskZhicheng },
        outside: ZHICHENG_OUT,
        body: { userId: 'u-officer-zhicheng', reason: '矩阵' },
        inside: ok('coord.changxing', [409], { userId: 'u-officer-zhicheng', reason: '矩阵' }),
      },
    ],
    'POST /tasks/:id/complete': [
      { params: { id: cx.taskZhicheng }, outside: ZHICHENG_OUT, body: { score: 90 }, inside: ok('auditor.changxing', [400], { score: 101 }) },
      {
        params: { id: zs.cityAuditTaskId },
        outside: ['dinghai', 'changxing'],
        body: { points: {}, vetoes: [] },
        inside: ok('auditor.zhoushan', [400], { points: { lawful: -1 }, vetoes: [] }),
      },
    ],
    // Corrections: the campaign's coordinators and leaders; inside, a correction without its reason is 400.
    'POST /tasks/:id/corrections': [
      {
        params: { id: cx.taskZhicheng },
        outside: CX_RUN_OUT,
        body: { reason: '矩阵', reopen: true },
        inside: ok('coord.changxing', [400], { reason: '', reopen: true }),
      },
    ],
    'GET /campaigns/:id/candidates': [{ params: C, outside: CX_OUT, inside: ok('coord.changxing') }],
    'POST /campaigns/:id/cases': [
      { params: C, outside: CX_RUN_OUT, body: { operators: [{ operatorId: 'op-cx-007' }] }, inside: ok('coord.changxing', [400], { operators: [] }) },
    ],
    'POST /campaigns/:id/cases/import': [
      {
        params: C,
        outside: CX_RUN_OUT,
        body: { csv: `统一社会信用代码,赛道\n${demoUscc('330522', 7)},直播营销` },
        inside: ok('coord.changxing', [400], { csv: 'bogus,columns\n1,2' }),
      },
    ],
    'GET /campaigns/:id/successor': [{ params: C, outside: CX_RUN_OUT, inside: ok('coord.changxing') }],
    'GET /campaigns/:id/award': [{ params: C, outside: CX_OUT, inside: ok('leader.changxing') }],
    'POST /campaigns/:id/publicity': [{ params: C, outside: CX_RUN_OUT, body: { days: 5 }, inside: ok('coord.changxing', [400], { days: 0 }) }],
    'POST /campaigns/:id/publicity/republish': [
      { params: C, outside: CX_RUN_OUT, body: { reason: '更正后重新公示', days: 5 }, inside: ok('coord.changxing', [400], { reason: '', days: 5 }) },
    ],
    'PUT /campaigns/:id/public-contact': [
      { params: C, outside: CX_RUN_OUT, body: { publicContact: '矩阵' }, inside: ok('coord.changxing', [400], { publicContact: 5 }) },
    ],
    'POST /campaigns/:id/objections': [
      { params: C, outside: CX_RUN_OUT, body: { caseId: cx.caseZhicheng, source: '来信', content: '矩阵' }, inside: ok('coord.changxing', [400], {}) },
    ],
    // Evaluation groups (README "Evaluation groups"): anyone over the campaign sees them; its coordinators form
    // them; a third party's scores are imported by them or the group's members (no auditor here is one).
    'GET /campaigns/:id/evaluation-groups': [{ params: C, outside: CX_OUT, inside: ok('officer.taihu') }],
    'GET /campaigns/:id/evaluation-groups/candidates': [{ params: C, outside: CX_RUN_OUT, inside: ok('coord.changxing') }],
    'POST /campaigns/:id/evaluation-groups': [
      { params: C, outside: CX_RUN_OUT, body: { name: '矩阵', dimensions: ['industry'] }, inside: ok('coord.changxing', [400], { name: '', dimensions: [] }) },
    ],
    'PUT /campaigns/:id/evaluation-groups/:groupId': [
      {
        params: { ...C, groupId: cx.groupId },
        outside: CX_RUN_OUT,
        body: { name: '第三方监测', external: true, dimensions: ['third_party'] },
        inside: ok('coord.changxing', [400], { name: '第三方监测', dimensions: 'third_party' }),
      },
    ],
    // It has scored: the coordinator gets 409, never 403.
    'DELETE /campaigns/:id/evaluation-groups/:groupId': [{ params: { ...C, groupId: cx.groupId }, outside: CX_RUN_OUT, inside: ok('coord.changxing', [409]) }],
    'POST /campaigns/:id/evaluation-groups/:groupId/scores': [
      {
        params: { ...C, groupId: cx.groupId },
        outside: CX_RUN_OUT,
        body: { csv: `统一社会信用代码,分数\n${demoUscc('330522', 1)},90` },
        inside: ok('coord.changxing', [400], { csv: 'bogus,columns\n1,2' }),
      },
    ],
    'GET /campaigns/:id/score-imports': [{ params: C, outside: CX_OUT, inside: ok('leader.changxing') }],
    'GET /campaigns/:id/score-imports/:importId': [{ params: { ...C, importId: cx.scoreImportId }, outside: CX_OUT, inside: ok('officer.zhicheng') }],
    // 双随机 (README "Random inspections"): the fixture inspects every case, so its coordinator's draw is 400.
    'GET /campaigns/:id/inspection-draw': [{ params: C, outside: CX_OUT, inside: ok('officer.zhicheng') }],
    'POST /campaigns/:id/inspection-draw': [{ params: C, outside: CX_RUN_OUT, body: { seed: '矩阵' }, inside: ok('coord.changxing', [400], { seed: '矩阵' }) }],
    'GET /objections/:id': [{ params: { id: cx.objectionId }, outside: ZHICHENG_OUT, inside: ok('officer.zhicheng') }],
    'POST /objections/:id/resolve': [
      {
        params: { id: cx.objectionId },
        outside: [...ZHICHENG_OUT, 'zhicheng'],
        body: { decision: 'dismissed', resolution: '矩阵' },
        inside: ok('coord.changxing', [400], { decision: 'maybe', resolution: '矩阵' }),
      },
    ],
    // Already final: the coordinator gets 409, never 403.
    'POST /campaigns/:id/award': [{ params: C, outside: CX_RUN_OUT, inside: ok('coord.changxing', [409]) }],
    'GET /titles/:id': [{ params: { id: cx.titleZhicheng }, outside: ZHICHENG_OUT, inside: ok('officer.zhicheng') }],
    'POST /titles/:id/revoke': [
      {
        params: { id: cx.titleZhicheng },
        outside: ZHICHENG_OUT,
        body: { ground: 'listed_dishonest', evidence: '矩阵' },
        inside: ok('officer.zhicheng', [400], { ground: 'listed_dishonest' }),
      },
    ],
    'POST /titles/:id/complaints': [
      {
        params: { id: cx.titleZhicheng },
        outside: ZHICHENG_OUT,
        body: { kind: 'complaint', description: '矩阵' },
        inside: ok('officer.zhicheng', [400], { kind: 'rumour', description: '矩阵' }),
      },
    ],
    'GET /rosters/:id': [
      { params: { id: cx.publicityRosterId }, outside: CX_OUT, inside: ok('officer.taihu') },
      { params: { id: zs.cultivationRosterId }, outside: ZS_OUT, inside: ok('leader.zhoushan') },
    ],
    'GET /rosters/:id/csv': [{ params: { id: cx.publicityRosterId }, outside: CX_OUT, inside: ok('leader.changxing') }],
    'GET /rosters/:id/xlsx': [{ params: { id: cx.publicityRosterId }, outside: CX_OUT, inside: ok('leader.changxing') }],
    'POST /campaigns/:id/rosters': [{ params: C, outside: CX_RUN_OUT, body: { kind: 'red' }, inside: ok('coord.changxing', [400], { kind: 'green' }) }],
    'GET /campaigns/:id/summary': [{ params: C, outside: CX_OUT, inside: ok('leader.changxing') }],
    'GET /campaigns/:id/summary/csv': [{ params: C, outside: CX_OUT, inside: ok('leader.changxing') }],
    'GET /campaigns/:id/summary/xlsx': [{ params: C, outside: CX_OUT, inside: ok('leader.changxing') }],
    'POST /campaigns/:id/applications': [
      {
        params: Z,
        outside: ZS_OUT,
        outsideUsers: ['officer.putuo', 'coord.putuo'],
        body: { operatorId: 'op-zs-001', form: APPLICATION_FORM },
        inside: ok('officer.dinghai', [400], { operatorId: 'op-zs-001' }),
      },
    ],
    'GET /campaigns/:id/application-counts': [{ params: Z, outside: ZS_OUT, inside: ok('leader.zhoushan') }],
    'POST /campaigns/:id/cultivation-list': [{ params: Z, outside: ZS_RUN_OUT, body: { quota: 1 }, inside: ok('coord.zhoushan', [400], { quota: 0 }) }],
    'GET /listings/:id': [{ params: { id: zs.listingId }, outside: DINGHAI_OUT, inside: ok('officer.dinghai') }],
    'POST /listings/:id/nominate': [{ params: { id: zs.listingId }, outside: [...DINGHAI_OUT, 'dinghai'], inside: ok('coord.zhoushan', [200, 409]) }],
    'POST /listings/:id/province-answer': [
      {
        params: { id: zs.listingId },
        outside: [...DINGHAI_OUT, 'dinghai'],
        body: { accepted: false, note: '矩阵' },
        inside: ok('coord.zhoushan', [400], { accepted: 'yes', note: '矩阵' }),
      },
    ],
    'POST /listings/:id/remove': [
      { params: { id: zs.listingId }, outside: [...DINGHAI_OUT, 'dinghai'], body: { reason: '矩阵' }, inside: ok('coord.zhoushan', [400], {}) },
    ],
    'POST /listings/:id/findings': [
      {
        params: { id: zs.listingId },
        outside: DINGHAI_OUT,
        body: { description: '矩阵', serious: false },
        inside: ok('officer.dinghai', [400], { description: '矩阵' }),
      },
    ],
    'GET /cases/:id': [
      { params: { id: cx.caseZhicheng }, outside: ZHICHENG_OUT, inside: ok('officer.zhicheng') },
      { params: { id: zs.caseId }, outside: DINGHAI_OUT, inside: ok('officer.dinghai') },
    ],
    'GET /cases/:id/timeline': [{ params: { id: cx.caseZhicheng }, outside: ZHICHENG_OUT, inside: ok('officer.zhicheng') }],
    // Rectification proof filed for an operator (api/portal/changxing.ts): the inside call's body is bad (400), nothing is filed.
    'GET /cases/:id/rectification': [{ params: { id: cx.caseZhicheng }, outside: ZHICHENG_OUT, inside: ok('officer.zhicheng') }],
    'POST /cases/:id/rectification-proof': [
      {
        params: { id: cx.caseZhicheng },
        outside: ZHICHENG_OUT,
        body: { round: 1, note: '矩阵' },
        inside: ok('officer.zhicheng', [400], { round: 0, note: '' }),
      },
    ],
    'GET /cases/:id/application-versions': [{ params: { id: zs.caseId }, outside: DINGHAI_OUT, inside: ok('officer.dinghai') }],
    // Eligibility asked when the operator is picked (api/resources/applications.ts): scoped by the operator.
    'GET /campaigns/:id/applications/eligibility/:operatorId': [
      { params: { id: zs.campaignId, operatorId: 'op-zs-001' }, outside: DINGHAI_OUT, inside: ok('officer.dinghai') },
    ],
    // Comments and files (api/comments.ts, api/task-files.ts): scoped like the task or case; the inside
    // writes carry a bad body (400), so nothing is written.
    'GET /tasks/:id/comments': [{ params: { id: cx.taskZhicheng }, outside: ZHICHENG_OUT, inside: ok('officer.zhicheng') }],
    'POST /tasks/:id/comments': [
      { params: { id: cx.taskZhicheng }, outside: ZHICHENG_OUT, body: { body: '矩阵' }, inside: ok('officer.zhicheng', [400], { body: '' }) },
    ],
    'GET /cases/:id/comments': [{ params: { id: cx.caseZhicheng }, outside: ZHICHENG_OUT, inside: ok('officer.zhicheng') }],
    'POST /cases/:id/comments': [
      { params: { id: cx.caseZhicheng }, outside: ZHICHENG_OUT, body: { body: '矩阵' }, inside: ok('officer.zhicheng', [400], { body: '' }) },
    ],
    'GET /tasks/:id/files': [{ params: { id: cx.taskZhicheng }, outside: ZHICHENG_OUT, inside: ok('officer.zhicheng') }],
    'POST /tasks/:id/files': [
      {
        params: { id: cx.taskZhicheng },
        outside: ZHICHENG_OUT,
        body: { attachmentIds: [unfiledAttachment] },
        inside: ok('officer.zhicheng', [400], { attachmentIds: [] }),
      },
    ],
    'GET /cases/:id/files': [{ params: { id: cx.caseZhicheng }, outside: ZHICHENG_OUT, inside: ok('officer.zhicheng') }],
    'POST /cases/:id/files': [
      {
        params: { id: cx.caseZhicheng },
        outside: ZHICHENG_OUT,
        body: { attachmentIds: [unfiledAttachment] },
        inside: ok('officer.zhicheng', [400], { attachmentIds: [] }),
      },
    ],
    'GET /tasks/:id/previous-steps': [
      { params: { id: cx.taskZhicheng }, outside: ZHICHENG_OUT, inside: ok('officer.zhicheng') },
      { params: { id: zs.cityAuditTaskId }, outside: ['dinghai', 'changxing', 'huzhou'], inside: ok('auditor.zhoushan') },
    ],
    'GET /audit-events/:id': [{ params: { id: auditZhicheng }, outside: ZHICHENG_OUT, inside: ok('officer.zhicheng') }],
    // Deliberately 404: notifications are looked up among those addressed to the caller.
    'POST /notifications/:id/read': [{ params: { id: notificationId }, outside: ZHICHENG_OUT, refused: 404, inside: ok('officer.zhicheng') }],
    'GET /jurisdictions/:id/webhook': [{ params: { id: WEBHOOK_J }, outside: ['taihu', 'zhoushan', 'dinghai'], inside: ok('coord.changxing', [404]) }],
    'PUT /jurisdictions/:id/webhook': [
      {
        params: { id: WEBHOOK_J },
        outside: ['taihu', 'zhoushan', 'dinghai'],
        body: { url: 'https://hooks.example.test/matrix', secret: 'matrix-secret-0123456789' },
        inside: ok('admin.changxing', [400], { url: 'ftp://hooks.example.test/matrix' }),
      },
    ],
    'DELETE /jurisdictions/:id/webhook': [{ params: { id: WEBHOOK_J }, outside: ['taihu', 'zhoushan', 'dinghai'], inside: ok('admin.changxing', [404]) }],
    'PUT /operators/:id': [
      {
        params: { id: 'op-cx-001' },
        outside: ZHICHENG_OUT,
        body: { kind: 'live_room' },
        inside: ok('officer.zhicheng', [400], { registeredOn: '2024-02-30' }),
      },
    ],
    'GET /jurisdictions/:id': [
      { params: { id: '330522001' }, outside: ZHICHENG_OUT, inside: ok('officer.zhicheng') },
      { params: { id: '330902' }, outside: ['putuo', 'changxing'], inside: ok('leader.zhoushan') },
    ],
    'GET /users/:id': [{ params: { id: 'u-officer-zhicheng' }, outside: ZHICHENG_OUT, inside: ok('leader.changxing') }],
    // Account changes: the inside calls carry a bad field (400), so nothing changes.
    'PUT /users/:id': [{ params: { id: 'u-officer-zhicheng' }, outside: ZHICHENG_OUT, body: { phone: '12345' }, inside: ok('admin.changxing', [400]) }],
    'POST /users/:id/reset-password': [
      { params: { id: 'u-officer-zhicheng' }, outside: ZHICHENG_OUT, body: { reason: '' }, inside: ok('admin.zhicheng', [400]) },
    ],
    // A jurisdiction is renamed from above it: its own admin is refused too.
    'PUT /jurisdictions/:id': [
      { params: { id: '330522001' }, outside: ZHICHENG_OUT, outsideUsers: ['admin.zhicheng'], body: { name: '' }, inside: ok('admin.changxing', [400]) },
    ],
    // Operators' portal accounts (api/portal/accounts.ts): the inside calls carry a bad field (400), so no
    // invitation is made and no account disabled.
    'POST /operators/:id/invitations': [
      { params: { id: 'op-cx-001' }, outside: ZHICHENG_OUT, body: {}, inside: ok('officer.zhicheng', [400], { reason: 'x'.repeat(501) }) },
    ],
    'GET /operators/:id/invitations': [{ params: { id: 'op-cx-001' }, outside: ZHICHENG_OUT, inside: ok('officer.zhicheng') }],
    'PUT /operators/:id/account': [
      { params: { id: 'op-cx-001' }, outside: ZHICHENG_OUT, body: { disabled: true, reason: '矩阵' }, inside: ok('admin.zhicheng', [400], { disabled: true }) },
    ],
    'GET /operators/:id/credit-listings': [{ params: { id: 'op-cx-001' }, outside: ZHICHENG_OUT, inside: ok('officer.zhicheng') }],
    'GET /operators/:id': [
      { params: { id: 'op-cx-001' }, outside: ZHICHENG_OUT, inside: ok('officer.zhicheng') },
      { params: { id: 'op-zs-001' }, outside: DINGHAI_OUT, inside: ok('coord.zhoushan') },
    ],
    // Lijiang registers. A county officer files for applicants of the county only (玉龙 sees the city's campaign, not 古城's applicant).
    'POST /campaigns/:id/intake-applications': [
      { params: L, outside: GUCHENG_OUT, body: duplicate, inside: ok('officer.gucheng', [400], { operatorId: 'op-lj-001', form: { register: 'product' } }) },
    ],
    'GET /register-entries/:id': [
      { params: { id: lj.entryGucheng }, outside: GUCHENG_OUT, inside: ok('officer.gucheng') },
      { params: { id: lj.entryYulong }, outside: YULONG_OUT, inside: ok('officer.yulong') },
    ],
    'POST /register-entries/:id/metrics': [
      { params: { id: lj.entryGucheng }, outside: GUCHENG_OUT, body: metrics, inside: ok('auditor.lijiang', [400], { ...metrics, platformRating: 6 }) },
      // Refused, not filed: a county inside gets 409 for valid figures.
      { params: { id: lj.entryYulong }, outside: YULONG_OUT, body: metrics, inside: ok('officer.yulong', [409]) },
    ],
    'POST /campaigns/:id/intake-batches': [
      {
        params: L,
        outside: LJ_RUN_OUT,
        body: { reviewDueAt: shanghaiDate(Date.now() + 200 * 86_400_000) },
        inside: ok('auditor.lijiang', [400], { reviewDueAt: 'tomorrow' }),
      },
    ],
    'GET /intake-batches/:id': [{ params: { id: lj.batchId }, outside: LJ_OUT, inside: ok('officer.yulong') }],
    'GET /campaigns/:id/register-scoring': [{ params: L, outside: LJ_OUT, inside: ok('leader.lijiang') }],
    'PUT /campaigns/:id/register-scoring': [
      { params: L, outside: LJ_RUN_OUT, body: { period: 'P1M' }, inside: ok('coord.lijiang', [400], { period: 'PT5M' }) },
    ],
    // No figures are recorded here: the run scores nobody and proposes nothing.
    'POST /campaigns/:id/register-scoring/run': [{ params: L, outside: LJ_RUN_OUT, inside: ok('auditor.lijiang', [201]) }],
    'GET /attachments/:id': [
      { params: { id: lj.licenceId }, outside: GUCHENG_OUT, inside: ok('auditor.lijiang') },
      // Not filed yet: the uploader's alone, even within the jurisdiction.
      {
        params: { id: unfiledAttachment },
        outside: GUCHENG_OUT,
        outsideUsers: ['coord.gucheng', 'leader.gucheng', 'auditor.lijiang', 'coord.lijiang'],
        inside: ok('officer.gucheng'),
      },
    ],
  };
}

/** Routes whose jurisdiction comes from the body or the query: refused for a place outside, accepted inside. */
function bodyScoped(): Record<string, { outside: Expect[]; inside: Expect[] }> {
  const refuse = (user: string, body?: unknown, query?: string): Expect => ({ user, status: [403], body, query });
  const launchCx = { programme: 'changxing', year: cx.year, jurisdictionId: '330522' };
  const fresh = { name: '矩阵测试主体', uscc: demoUscc('330522', 990), kind: 'enterprise', jurisdictionId: '330522001', registeredOn: '2020-01-01' };
  const bulk = { taskIds: [cx.taskZhicheng], userId: 'u-officer-zhicheng' };
  const idsQuery = `?ids=${encodeURIComponent(cx.taskZhicheng)}`;
  const officerAt = (jurisdictionId: string) => ({ username: 'matrix.officer', displayName: '矩阵', role: 'county_officer', jurisdictionId });
  const station = { id: '330522951', name: '矩阵所', level: 'station', parentId: '330522' };
  return {
    // Inside: the same launch is a conflict (the campaign of that year exists), so scope let it through.
    'POST /campaigns': {
      outside: [
        refuse('coord.zhoushan', launchCx),
        refuse('coord.zhicheng', launchCx),
        refuse('coord.changxing', { programme: 'zhoushan', year: zs.year, jurisdictionId: '330900' }),
      ],
      inside: [{ user: 'coord.changxing', status: [409], body: launchCx }],
    },
    // The launch's preview: the same checks, so the same refusals (and the same conflict inside).
    'POST /campaigns/launch-preview': {
      outside: [
        refuse('coord.zhoushan', launchCx),
        refuse('coord.zhicheng', launchCx),
        refuse('coord.changxing', { programme: 'zhoushan', year: zs.year, jurisdictionId: '330900' }),
      ],
      inside: [{ user: 'coord.changxing', status: [409], body: launchCx }],
    },
    'POST /tasks/assign': {
      outside: [refuse('coord.zhoushan', bulk), refuse('officer.taihu', bulk)],
      inside: [{ user: 'coord.changxing', status: [409], body: bulk }],
    },
    'POST /tasks/remind': {
      outside: [
        refuse('coord.zhoushan', { taskIds: bulk.taskIds }),
        refuse('officer.taihu', { taskIds: bulk.taskIds }),
        refuse('leader.zhoushan', { taskIds: bulk.taskIds }),
        refuse('leader.taihu', { taskIds: bulk.taskIds }),
      ],
      inside: [{ user: 'leader.changxing', status: [409], body: { taskIds: bulk.taskIds } }],
    },
    'GET /tasks/assignees': {
      outside: [refuse('coord.zhoushan', undefined, idsQuery), refuse('officer.taihu', undefined, idsQuery)],
      inside: [{ user: 'officer.zhicheng', status: [409], query: idsQuery }],
    },
    // Inside: the username is taken / the code exists (409), so scope let it through and nothing changed.
    'POST /users': {
      outside: [refuse('admin.taihu', officerAt('330522001')), refuse('admin.zhoushan', officerAt('330522001')), refuse('admin.zhicheng', officerAt('330522'))],
      inside: [{ user: 'admin.changxing', status: [409], body: { ...officerAt('330522001'), username: 'officer.zhicheng' } }],
    },
    'POST /jurisdictions': {
      outside: [
        refuse('admin.taihu', station),
        refuse('admin.zhoushan', station),
        refuse('admin.changxing', { id: '330530', name: '矩阵县', level: 'county', parentId: '330500' }),
      ],
      inside: [{ user: 'admin.changxing', status: [409], body: { ...station, id: '330522001' } }],
    },
    'POST /operators': {
      outside: [refuse('officer.taihu', fresh), refuse('officer.dinghai', fresh), refuse('coord.zhoushan', fresh)],
      inside: [{ user: 'officer.zhicheng', status: [409], body: { ...fresh, uscc: demoUscc('330522', 1) } }],
    },
  };
}

/** Register imports of an operator of 泗安所 (330522005): refused outside it, accepted by its officer. */
const OPERATOR_IMPORT_OUTSIDE = ['officer.taihu', 'coord.zhoushan', 'officer.dinghai'];
/** Users and jurisdictions placed outside the admin's subtree: the line is named (accepted inside: test/accounts.test.ts). */
const OTHER_IMPORTS: [string, string, string][] = [
  ['/users/import', '用户名,姓名,角色,辖区代码\nmatrix.import,矩阵,审核员,330522001', 'admin.taihu'],
  ['/users/import', '用户名,姓名,角色,辖区代码\nmatrix.import,矩阵,审核员,330522001', 'admin.zhoushan'],
  ['/jurisdictions/import', '代码,名称,上级代码,级别\n330522952,矩阵所,330522,基层所', 'admin.taihu'],
  ['/jurisdictions/import', '代码,名称,上级代码,级别\n330522952,矩阵所,330522,基层所', 'admin.zhoushan'],
];
const IMPORT_CHECKS = 2 * OPERATOR_IMPORT_OUTSIDE.length + 1 + OTHER_IMPORTS.length;

/** The CSV imports (register, users, jurisdictions) refuse out-of-scope lines with a reason per line (400, nothing imported). */
async function importChecks(): Promise<string[]> {
  const failures: string[] = [];
  const op = await h.db.operator.findFirstOrThrow({ where: { jurisdictionId: '330522005' }, orderBy: { id: 'asc' } });
  const csv = `名称,统一社会信用代码,主体类型,辖区代码,注册日期\n${op.name},${op.uscc},${op.kind},${op.jurisdictionId},${op.registeredOn.toISOString().slice(0, 10)}`;
  for (const user of OPERATOR_IMPORT_OUTSIDE) {
    const r = await api.call('POST', '/operators/import', { token: await token(user), body: { csv } });
    if (r.status !== 400 || !JSON.stringify(r.body.fields ?? []).includes('outside your jurisdiction'))
      failures.push(`POST /operators/import as ${user}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
  }
  // A credit list names operators nationwide: an importer's lines outside their jurisdiction are counted and left alone.
  for (const user of OPERATOR_IMPORT_OUTSIDE) {
    const r = await api.call('POST', '/credit-lists/import?list=abnormal', {
      token: await token(user),
      body: { csv: `统一社会信用代码,列入日期\n${op.uscc},2026-01-05` },
    });
    if (r.status !== 201 || r.body.outOfScope !== 1 || r.body.listed !== 0)
      failures.push(`POST /credit-lists/import as ${user}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
  }
  const inside = await api.call('POST', '/operators/import', { token: await token('officer.sian'), body: { csv } });
  if (inside.status !== 201) failures.push(`POST /operators/import as officer.sian: ${inside.status} ${JSON.stringify(inside.body).slice(0, 200)}`);
  for (const [path, text, user] of OTHER_IMPORTS) {
    const r = await api.call('POST', path, { token: await token(user), body: { csv: text } });
    if (r.status !== 400 || !JSON.stringify(r.body.fields ?? []).includes('outside your jurisdiction'))
      failures.push(`POST ${path} as ${user}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
  }
  return failures;
}

/** Lists and aggregates: they filter by scope, so out-of-scope rows must be absent and in-scope ones present. */
function listChecks(): Record<string, Check[]> {
  const today = Date.now();
  const has = (xs: string[], x: string, what: string) => (xs.includes(x) ? undefined : `${what} missing ${x} (got ${xs.join(',')})`);
  const lacks = (xs: string[], x: string, what: string) => (xs.includes(x) ? `${what} shows out-of-scope ${x}` : undefined);
  const all = (rows: any[], pred: (r: any) => boolean, what: string, nonEmpty = true) =>
    nonEmpty && rows.length === 0
      ? `${what}: no rows`
      : rows.filter((r) => !pred(r)).map((r) => `${what}: out-of-scope row ${JSON.stringify(r).slice(0, 120)}`)[0];
  const ok = (r: { status: number }) => (r.status === 200 ? undefined : `status ${r.status}`);
  const both = (r: { status: number; body: any }, ...fs: ((b: any) => string | undefined)[]) => ok(r) ?? fs.map((f) => f(r.body)).find(Boolean);
  const range = '&range=[0,999]';
  return {
    'GET /campaigns': [
      {
        user: 'coord.zhoushan',
        path: `/campaigns${q({ id: [cx.campaignId, zs.campaignId] })}`,
        verdict: (r) =>
          both(
            r,
            (b) => lacks(ids(b), cx.campaignId, 'campaigns'),
            (b) => has(ids(b), zs.campaignId, 'campaigns'),
          ),
      },
      {
        user: 'officer.zhicheng',
        path: `/campaigns${q({ id: [cx.campaignId, zs.campaignId] })}`,
        verdict: (r) =>
          both(
            r,
            (b) => lacks(ids(b), zs.campaignId, 'campaigns'),
            (b) => has(ids(b), cx.campaignId, 'campaigns'),
          ),
      },
    ],
    'GET /stages': [
      {
        user: 'coord.zhoushan',
        path: `/stages${q({ campaignId: cx.campaignId })}`,
        verdict: (r) => both(r, (b) => (b.length ? `stages of ${cx.campaignId} shown` : undefined)),
      },
      {
        user: 'coord.zhoushan',
        path: `/stages${q({ campaignId: zs.campaignId })}`,
        verdict: (r) => both(r, (b) => (b.length ? undefined : 'own stages missing')),
      },
    ],
    'GET /tasks': [
      {
        user: 'officer.taihu',
        path: `/tasks${q({ campaignId: cx.campaignId }, range)}`,
        verdict: (r) =>
          both(
            r,
            (b) => all(b, (t) => t.jurisdictionId === '330522002', 'tasks'),
            (b) => lacks(ids(b), cx.taskZhicheng, 'tasks'),
          ),
      },
      {
        user: 'officer.dinghai',
        path: `/tasks${q({ campaignId: zs.campaignId }, range)}`,
        verdict: (r) =>
          both(
            r,
            (b) => has(ids(b), zs.preReviewTaskId, 'tasks'),
            (b) => lacks(ids(b), zs.cityAuditTaskId, 'tasks'),
          ),
      },
    ],
    'GET /campaigns/:id/candidates': [
      {
        user: 'officer.zhicheng',
        path: `/campaigns/${encodeURIComponent(cx.campaignId)}/candidates?range=[0,999]`,
        verdict: (r) => both(r, (b) => all(b, (o) => o.jurisdictionId === '330522001', 'candidates')),
      },
    ],
    'GET /objections': [
      {
        user: 'officer.taihu',
        path: `/objections${q({ campaignId: cx.campaignId })}`,
        verdict: (r) => both(r, (b) => lacks(ids(b), cx.objectionId, 'objections')),
      },
      {
        user: 'officer.zhicheng',
        path: `/objections${q({ campaignId: cx.campaignId })}`,
        verdict: (r) => both(r, (b) => has(ids(b), cx.objectionId, 'objections')),
      },
    ],
    'GET /titles': [
      {
        user: 'officer.taihu',
        path: `/titles${q({ campaignId: cx.campaignId })}`,
        verdict: (r) => both(r, (b) => (ids(b).join() === cx.titleTaihu ? undefined : `titles ${ids(b)}`)),
      },
      {
        user: 'coord.zhoushan',
        path: `/titles${q({ campaignId: cx.campaignId })}`,
        verdict: (r) => both(r, (b) => (b.length ? 'Changxing titles shown to Zhoushan' : undefined)),
      },
    ],
    'GET /rosters': [
      {
        user: 'coord.zhoushan',
        path: `/rosters${q({ campaignId: cx.campaignId })}`,
        verdict: (r) => both(r, (b) => (b.length ? 'Changxing rosters shown to Zhoushan' : undefined)),
      },
      {
        user: 'officer.taihu',
        path: `/rosters${q({ campaignId: cx.campaignId })}`,
        verdict: (r) => both(r, (b) => has(ids(b), cx.publicityRosterId, 'rosters')),
      },
    ],
    'GET /listings': [
      { user: 'officer.putuo', path: `/listings${q({ campaignId: zs.campaignId })}`, verdict: (r) => both(r, (b) => lacks(ids(b), zs.listingId, 'listings')) },
      { user: 'coord.changxing', path: `/listings${q({ id: zs.listingId })}`, verdict: (r) => both(r, (b) => lacks(ids(b), zs.listingId, 'listings')) },
      { user: 'officer.dinghai', path: `/listings${q({ campaignId: zs.campaignId })}`, verdict: (r) => both(r, (b) => has(ids(b), zs.listingId, 'listings')) },
    ],
    'GET /cases': [
      {
        user: 'officer.taihu',
        path: `/cases${q({ campaignId: cx.campaignId })}`,
        verdict: (r) => both(r, (b) => (ids(b).join() === cx.caseTaihu ? undefined : `cases ${ids(b)}`)),
      },
      {
        user: 'coord.changxing',
        path: `/cases${q({ id: [zs.caseId, cx.caseZhicheng] })}`,
        verdict: (r) =>
          both(
            r,
            (b) => lacks(ids(b), zs.caseId, 'cases'),
            (b) => has(ids(b), cx.caseZhicheng, 'cases'),
          ),
      },
    ],
    'GET /audit-events': [
      {
        user: 'officer.taihu',
        path: `/audit-events${q({ campaignId: cx.campaignId }, range)}`,
        verdict: (r) => both(r, (b) => all(b, (e) => e.jurisdictionId === '330522002', 'audit-events')),
      },
      {
        user: 'coord.zhoushan',
        path: `/audit-events${q({ campaignId: cx.campaignId })}`,
        verdict: (r) => both(r, (b) => (b.length ? 'Changxing audit shown to Zhoushan' : undefined)),
      },
    ],
    'GET /notifications': [
      {
        user: 'officer.taihu',
        path: `/notifications${range.replace('&', '?')}`,
        verdict: (r) =>
          both(
            r,
            (b) => all(b, (n) => n.jurisdictionId === '330522002' && n.recipientRole === 'county_officer', 'notifications', false),
            (b) => lacks(ids(b), notificationId, 'notifications'),
          ),
      },
      {
        user: 'officer.zhicheng',
        path: `/notifications${range.replace('&', '?')}`,
        verdict: (r) => both(r, (b) => has(ids(b), notificationId, 'notifications')),
      },
    ],
    'GET /notifications/unread-count': ['officer.taihu', 'officer.zhicheng', 'coord.zhoushan'].map((user) => ({
      user,
      path: '/notifications/unread-count',
      // Same scope as the list: the badge counts what the list shows unread.
      verdict: (r) => ok(r) ?? (typeof r.body.unread === 'number' ? undefined : 'no count'),
    })),
    'GET /dashboard': [
      {
        user: 'coord.zhoushan',
        path: '/dashboard',
        verdict: (r) =>
          both(
            r,
            (b) => lacks(ids(b.campaigns), cx.campaignId, 'dashboard'),
            (b) => has(ids(b.campaigns), zs.campaignId, 'dashboard'),
          ),
      },
      {
        user: 'officer.zhicheng',
        path: '/dashboard',
        verdict: (r) =>
          both(
            r,
            (b) => lacks(ids(b.campaigns), zs.campaignId, 'dashboard'),
            (b) => has(ids(b.campaigns), cx.campaignId, 'dashboard'),
          ),
      },
    ],
    'GET /calendar': [
      {
        user: 'coord.zhoushan',
        path: `/calendar?from=${shanghaiDate(today - 2 * 86_400_000)}&to=${shanghaiDate(today + 30 * 86_400_000)}`,
        verdict: (r) =>
          both(
            r,
            (b) =>
              lacks(
                b.events.map((e: any) => e.campaignId),
                cx.campaignId,
                'calendar',
              ),
            (b) =>
              has(
                b.events.map((e: any) => e.campaignId),
                zs.campaignId,
                'calendar',
              ),
          ),
      },
    ],
    'GET /search': [
      {
        user: 'coord.changxing',
        path: `/search?q=${ZS_USCC}`,
        verdict: (r) => both(r, (b) => (b.operators.length + b.cases.length ? 'Zhoushan operators found from Changxing' : undefined)),
      },
      { user: 'coord.zhoushan', path: `/search?q=${ZS_USCC}`, verdict: (r) => both(r, (b) => has(ids(b.operators), 'op-zs-001', 'search')) },
      {
        user: 'officer.taihu',
        path: '/search?q=cx_live_1',
        verdict: (r) =>
          both(
            r,
            (b) => all(b.operators, (o) => o.jurisdictionId === '330522002', 'search'),
            (b) => all(b.cases, (c) => c.jurisdictionId === '330522002', 'search cases', false),
          ),
      },
    ],
    // No delivery can be promised here: only absence is checked.
    'GET /webhook-deliveries': [
      {
        user: 'coord.zhoushan',
        path: `/webhook-deliveries${q({ jurisdictionId: '330522' })}`,
        verdict: (r) => both(r, (b) => (b.length ? 'Changxing deliveries shown to Zhoushan' : undefined)),
      },
      {
        user: 'admin.taihu',
        path: `/webhook-deliveries${range.replace('&', '?')}`,
        verdict: (r) => both(r, (b) => all(b, (d) => d.webhookJurisdictionId === '330522002', 'deliveries', false)),
      },
    ],
    'GET /jurisdictions': [
      {
        user: 'officer.taihu',
        path: `/jurisdictions${range.replace('&', '?')}`,
        verdict: (r) =>
          both(
            r,
            (b) => all(b, (j) => ['330522002', '330522', '330500'].includes(j.id), 'jurisdictions'),
            (b) => has(ids(b), '330522002', 'jurisdictions'),
          ),
      },
    ],
    'GET /users': [
      {
        user: 'leader.taihu',
        path: `/users${range.replace('&', '?')}`,
        verdict: (r) => both(r, (b) => all(b, (u) => u.jurisdictionId === '330522002', 'users')),
      },
      {
        user: 'coord.changxing',
        path: `/users${q({ jurisdictionId: '330900' })}`,
        verdict: (r) => both(r, (b) => (b.length ? 'Zhoushan users shown to Changxing' : undefined)),
      },
    ],
    'GET /operators': [
      {
        user: 'officer.taihu',
        path: `/operators${q({ id: ['op-cx-001', 'op-zs-001'] })}`,
        verdict: (r) => both(r, (b) => (b.length ? `operators ${ids(b)}` : undefined)),
      },
      {
        user: 'officer.zhicheng',
        path: `/operators${q({ id: ['op-cx-001', 'op-zs-001'] })}`,
        verdict: (r) => both(r, (b) => (ids(b).join() === 'op-cx-001' ? undefined : `operators ${ids(b)}`)),
      },
    ],
    'GET /register-entries': [
      {
        user: 'officer.yulong',
        path: `/register-entries${q({ campaignId: lj.campaignId })}`,
        verdict: (r) =>
          both(
            r,
            (b) => lacks(ids(b), lj.entryGucheng, 'register-entries'),
            (b) => has(ids(b), lj.entryYulong, 'register-entries'),
          ),
      },
      {
        user: 'officer.gucheng',
        path: `/register-entries${q({ campaignId: lj.campaignId })}`,
        verdict: (r) =>
          both(
            r,
            (b) => lacks(ids(b), lj.entryYulong, 'register-entries'),
            (b) => has(ids(b), lj.entryGucheng, 'register-entries'),
          ),
      },
      // The jurisdiction filter narrows the scope, never widens it.
      {
        user: 'officer.yulong',
        path: `/register-entries${q({ jurisdictionId: '530702' })}`,
        verdict: (r) => both(r, (b) => (b.length ? `entries of 530702 shown to 玉龙: ${ids(b)}` : undefined)),
      },
      {
        user: 'coord.zhoushan',
        path: `/register-entries${q({ id: [lj.entryGucheng, lj.entryYulong] })}`,
        verdict: (r) => both(r, (b) => (b.length ? 'Lijiang entries shown to Zhoushan' : undefined)),
      },
      {
        user: 'leader.lijiang',
        path: `/register-entries${q({ campaignId: lj.campaignId })}`,
        verdict: (r) =>
          both(
            r,
            (b) => has(ids(b), lj.entryGucheng, 'register-entries'),
            (b) => has(ids(b), lj.entryYulong, 'register-entries'),
          ),
      },
    ],
    'GET /intake-batches': [
      {
        user: 'coord.changxing',
        path: `/intake-batches${q({ campaignId: lj.campaignId })}`,
        verdict: (r) => both(r, (b) => (b.length ? 'Lijiang batches shown to Changxing' : undefined)),
      },
      {
        user: 'coord.zhoushan',
        path: `/intake-batches${q({ id: [lj.batchId] })}`,
        verdict: (r) => both(r, (b) => lacks(ids(b), lj.batchId, 'intake-batches')),
      },
      {
        user: 'officer.gucheng',
        path: `/intake-batches${q({ campaignId: lj.campaignId })}`,
        verdict: (r) => both(r, (b) => has(ids(b), lj.batchId, 'intake-batches')),
      },
    ],
    // Figures within scope: a station sees its own cases only in the summary's award list.
    'GET /campaigns/:id/summary': [
      {
        user: 'officer.taihu',
        path: `/campaigns/${encodeURIComponent(cx.campaignId)}/summary`,
        verdict: (r) => both(r, (b) => all(b.awardList, (e) => e.jurisdictionId === '330522002', 'award list')),
      },
    ],
  };
}

/** Routes with nothing jurisdictional to check, and why. */
const UNSCOPED: Record<string, string> = {
  'GET /health': 'public',
  'GET /openapi.json': 'public',
  'POST /auth/login': 'public',
  // README "Public pages and objections (公示与异议)": published lists only, the same for everyone (test/public-objections.test.ts).
  'GET /public/rosters': 'public',
  'GET /public/rosters/:id': 'public',
  'POST /public/rosters/:id/objections': 'public: anyone may object during a 公示 window',
  'GET /public/objections/:reference': 'public: by its unguessable reference, nothing personal',
  'POST /auth/logout': 'ends the caller’s own session',
  'GET /auth/me': 'the caller’s own user',
  'GET /operator-kinds': 'reference data, the same for everyone',
  'POST /intake-forms/read': 'reads the file it is sent into a form; stores and files nothing',
  'GET /import-templates/:name/xlsx': 'blank templates, the same for everyone who may import (roles per template: test/spreadsheets.test.ts)',
  'GET /programmes': 'programme definitions, the same for everyone',
  'GET /programmes/:id': 'programme definitions, the same for everyone',
  'GET /programmes/:id/versions': 'programme definitions, the same for everyone',
  'POST /programmes': 'programme definitions are shared by every jurisdiction (coordinators and admins define them; roles checked above)',
  'PUT /programmes/:id':
    'a defined programme is revised only from its own jurisdiction or above, others copy it (test/accounts.test.ts); built-ins are read-only',
  'POST /auth/password': 'changes the caller’s own password',
  'POST /auth/logout-everywhere': 'ends the caller’s own sessions',
  'POST /notifications/read-all': 'marks only the caller’s own read state, of notifications addressed to them',
  'POST /portal/activate': 'public: the invitation code is the credential (test/portal-accounts.test.ts)',
  // An operator's own, loaded through api/portal/own.ts; staff roles are refused above. Operator against
  // operator, on every portal route, in test/portal-accounts.test.ts.
  'GET /portal/me': 'the signed-in operator itself',
  'GET /portal/cases': 'the signed-in operator’s own cases',
  'GET /portal/cases/:id': 'an operator’s own case (test/portal-accounts.test.ts)',
  'GET /portal/tasks': 'the signed-in operator’s own tasks',
  'GET /portal/tasks/:id': 'an operator’s own task (test/portal-accounts.test.ts)',
  'POST /portal/tasks/:id/complete': 'an operator’s own task (test/portal-accounts.test.ts)',
  // Changxing by the operator (api/portal/changxing.ts); another operator's case: test/portal-changxing.test.ts.
  'GET /portal/cases/:id/rectification': 'an operator’s own case (test/portal-changxing.test.ts)',
  'GET /portal/cases/:id/evidence': 'an operator’s own case (test/portal-changxing.test.ts)',
  'POST /portal/cases/:id/rectification-proof': 'an operator’s own case (test/portal-changxing.test.ts)',
  // A live room's own application (api/portal/applications.ts); another operator's: test/portal-zhoushan.test.ts.
  'GET /portal/applications/open-campaigns': 'campaigns taking applications where the signed-in operator is registered',
  'POST /portal/applications': 'the signed-in operator files for itself, never for another (no operator in the body)',
  'GET /portal/applications': 'the signed-in operator’s own applications',
  'GET /portal/applications/:id': 'an operator’s own application (test/portal-zhoushan.test.ts)',
  'POST /portal/applications/:id/resubmit': 'an operator’s own application (test/portal-zhoushan.test.ts)',
  // The Lijiang applicant's own register applications (api/portal/register.ts); another operator's: test/portal-lijiang.test.ts.
  'GET /portal/register/open-campaigns': 'register campaigns taking applications where the signed-in operator is registered',
  'POST /portal/register/applications': 'the signed-in operator files for itself, never for another (no operator in the body)',
  'GET /portal/register/applications': 'the signed-in operator’s own applications',
  'GET /portal/register/applications/:id': 'an operator’s own application (test/portal-lijiang.test.ts)',
  // The operator's notices, addressed to its account by name (api/portal/notifications.ts; test/portal-notifications.test.ts).
  'GET /portal/notifications': 'notifications addressed to the signed-in operator’s account',
  'GET /portal/notifications/unread-count': 'notifications addressed to the signed-in operator’s account',
  'POST /portal/notifications/read-all': 'marks only the caller’s own read state, of notifications addressed to it',
  'POST /portal/notifications/:id/read': 'a notification addressed to the signed-in operator; another’s is 404 (test/portal-notifications.test.ts)',
  'POST /attachments':
    'an upload belongs to no jurisdiction until an application uses it (which checks the applicant’s scope); until then only its uploader may read it (GET /attachments/:id, checked above)',
};
/** Checked by a test of its own below (the CSV import judges the jurisdiction line by line). */
const CUSTOM = ['POST /operators/import', 'POST /users/import', 'POST /jurisdictions/import', 'POST /credit-lists/import'];

async function call(e: Expect, route: RouteDoc, params: Record<string, string> = {}) {
  const p = fillPath(route.path, params) + (e.query ?? '');
  return api.call(route.method.toUpperCase(), p, { token: await token(e.user), body: e.body });
}
const refusalShape = (r: { body: any }) =>
  typeof r.body?.messageZh === 'string' && typeof r.body?.messageEn === 'string'
    ? undefined
    : `error without messageZh/messageEn: ${JSON.stringify(r.body).slice(0, 100)}`;
const placeholders = (r: RouteDoc) => Object.fromEntries(pathParams(r.path).map((n) => [n, 'x']));

// Each part of the matrix is listed from the tables before it is run, so the matrix's size is known
// without running it (the size check below holds when it runs alone, e.g. with -t).
interface Planned {
  r: RouteDoc;
  e: Expect;
  params: Record<string, string>;
  /** The inside call of a jurisdiction row: any of e.status passes, refusal shape not checked. */
  inside?: boolean;
}
/** Every non-public route, anonymous and with a forged token (401). */
const anonymousPlan = (): { r: RouteDoc; auth: string | undefined; params: Record<string, string> }[] => {
  const params = paramTable();
  return routes()
    .filter((x) => x.roles !== 'public')
    .flatMap((r) => [undefined, 'forged-token'].map((auth) => ({ r, auth, params: params[routeKey(r)]?.[0]?.params ?? placeholders(r) })));
};
/** Every role a route does not declare, inside the jurisdiction (403). */
const rolePlan = (): Planned[] => {
  const params = paramTable();
  return routes()
    .filter((x) => Array.isArray(x.roles))
    .flatMap((r) => {
      const fx = params[routeKey(r)]?.[0];
      const place = fx ? placeOf(fx.inside.user) : 'changxing';
      // The bad body of the inside call: were the role check missing, nothing would change.
      return ROLES.filter((x) => !(r.roles as readonly Role[]).includes(x)).map((role) => ({
        r,
        e: { user: userOf(role, place), status: [403], body: r.method === 'get' ? undefined : (fx?.inside.body ?? {}) },
        params: fx?.params ?? placeholders(r),
      }));
    });
};
/** Every path-parameter fixture: each outsider in every role the route allows, then the inside call. */
const jurisdictionPlan = (): Planned[] => {
  const table = paramTable();
  return routes().flatMap((r) => {
    // Staff roles only: an operator is no jurisdiction's (its own cases and files: test/portal-accounts.test.ts).
    const allowed: readonly Role[] = Array.isArray(r.roles) ? ROLES.filter((x) => (r.roles as readonly string[]).includes(x)) : ROLES;
    return (table[routeKey(r)] ?? []).flatMap((c) => {
      const refused = c.refused ?? 403;
      const outsiders = [...c.outside.flatMap((place) => allowed.map((role) => userOf(role, place))), ...(c.outsideUsers ?? [])];
      return [
        ...outsiders.map((user) => ({ r, e: { user, status: [refused], body: c.body }, params: c.params })),
        { r, e: { ...c.inside, body: c.inside.body ?? c.body }, params: c.params, inside: true },
      ];
    });
  });
};
/** Routes scoped by their body or query: the outside and inside calls of bodyScoped(). */
const bodyPlan = (): Planned[] => {
  const table = bodyScoped();
  return routes().flatMap((r) => {
    const t = table[routeKey(r)];
    return t ? [...t.outside, ...t.inside].map((e) => ({ r, e, params: {} })) : [];
  });
};
const listPlan = () => Object.entries(listChecks()).flatMap(([k, list]) => list.map((c) => ({ k, c })));
/** Users whose unread badge is compared with the list. */
const BADGE_USERS = ['officer.taihu', 'officer.zhicheng'];

describe('access control matrix', () => {
  it('has an entry for every route in ROUTES (a new route fails here until it is covered)', () => {
    const all = routes();
    expect(all.length).toBeGreaterThanOrEqual(78);
    const params = paramTable();
    const body = bodyScoped();
    const lists = listChecks();
    const missing: string[] = [];
    for (const r of all) {
      const k = routeKey(r);
      if (pathParams(r.path).length > 0 && !params[k] && !UNSCOPED[k]) missing.push(`${k}: path parameter without a jurisdiction fixture`);
      if (r.list && !lists[k] && !UNSCOPED[k]) missing.push(`${k}: list without a scope check`);
      if (!params[k] && !body[k] && !lists[k] && !UNSCOPED[k] && !CUSTOM.includes(k)) missing.push(`${k}: no matrix entry`);
    }
    const known = new Set(all.map(routeKey));
    const stale = [...Object.keys(params), ...Object.keys(body), ...Object.keys(lists), ...Object.keys(UNSCOPED), ...CUSTOM].filter((k) => !known.has(k));
    expect(missing).toEqual([]);
    expect(stale).toEqual([]);
  });

  it('refuses anonymous and forged callers on every non-public route (401)', async () => {
    const failures: string[] = [];
    for (const { r, auth, params } of anonymousPlan()) {
      const res = await api.call(r.method.toUpperCase(), fillPath(r.path, params), { token: auth, body: r.method === 'get' ? undefined : {} });
      if (res.status !== 401 || refusalShape(res)) failures.push(`${routeKey(r)} ${auth ? 'forged' : 'anonymous'}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses every role a route does not declare (403), inside the jurisdiction', async () => {
    const failures: string[] = [];
    const plan = rolePlan();
    for (const { r, e, params } of plan) {
      const res = await call(e, r, params);
      if (res.status !== 403 || refusalShape(res)) failures.push(`${routeKey(r)} as ${e.user}: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
    expect(plan.length).toBeGreaterThan(60);
  });

  it('refuses callers outside the jurisdiction of a path parameter (403, or 404 where hidden) and lets those inside through', async () => {
    const failures: string[] = [];
    for (const { r, e, params, inside } of jurisdictionPlan()) {
      const res = await call(e, r, params);
      if (inside) {
        if (!e.status.includes(res.status))
          failures.push(
            `${routeKey(r)} ${JSON.stringify(params)} inside as ${e.user}: ${res.status} (want ${e.status}) ${JSON.stringify(res.body).slice(0, 160)}`,
          );
      } else if (!e.status.includes(res.status) || refusalShape(res))
        failures.push(`${routeKey(r)} ${JSON.stringify(params)} as ${e.user}: ${res.status} (want ${e.status}) ${JSON.stringify(res.body).slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses bodies and queries that name a place outside the caller’s jurisdiction', async () => {
    const failures: string[] = [];
    for (const { r, e } of bodyPlan()) {
      const res = await call(e, r);
      if (!e.status.includes(res.status) || (res.status >= 400 && refusalShape(res)))
        failures.push(`${routeKey(r)} as ${e.user}: ${res.status} (want ${e.status}) ${JSON.stringify(res.body).slice(0, 160)}`);
    }
    failures.push(...(await importChecks()));
    expect(failures).toEqual([]);
  });

  it('leaves out-of-scope rows out of lists and aggregates', async () => {
    const failures: string[] = [];
    for (const { k, c } of listPlan()) {
      const res = await api.call('GET', c.path, { token: await token(c.user) });
      const wrong = c.verdict(res);
      if (wrong) failures.push(`${k} ${c.path} as ${c.user}: ${wrong}`);
    }
    // The badge counts exactly what the centre lists as unread, in the same scope.
    // (Other suites may notify these users meanwhile: a few tries.)
    for (const user of BADGE_USERS) {
      let seen = '';
      for (let i = 0; i < 5 && seen !== 'same'; i++) {
        const unread = (await api.call('GET', '/notifications/unread-count', { token: await token(user) })).body.unread;
        const listed = (await api.call('GET', `/notifications${q({ unread: true })}`, { token: await token(user) })).headers.get('content-range');
        seen = listed?.endsWith(`/${unread}`) ? 'same' : `unread-count ${unread} vs list ${listed}`;
      }
      if (seen !== 'same') failures.push(`${user}: ${seen}`);
    }
    expect(failures).toEqual([]);
  });

  it('names in Chinese every column of the console’s list exports (admin-ui/src/common/exportTable.ts)', async () => {
    // The lists' 导出 and 导出 Excel write these records under the list's column names; a field the console's
    // messages do not name would go out under its API name. Loaded as messages.test.ts loads the catalogue.
    const exportTable = '../admin-ui/src/common/exportTable.ts';
    const { tableOf } = (await import(exportTable)) as { tableOf: (records: object[], resource: string) => { header: string[] } };
    const lists: [resource: string, path: string, user: string][] = [
      ['campaigns', '/campaigns', 'coord.changxing'],
      ['cases', '/cases', 'coord.changxing'],
      ['tasks', '/tasks', 'coord.changxing'],
      ['titles', '/titles', 'coord.changxing'],
      ['objections', '/objections', 'coord.changxing'],
      ['rosters', '/rosters', 'coord.changxing'],
      ['listings', '/listings', 'coord.zhoushan'],
      // The influencer register lists the same entry fields (admin-ui/src/registers/messages.ts entryFields).
      ['product-register', `/register-entries${q({ register: 'product' })}`, 'coord.lijiang'],
      ['operators', '/operators', 'coord.changxing'],
      ['jurisdictions', '/jurisdictions', 'coord.changxing'],
      ['audit-events', '/audit-events', 'coord.changxing'],
    ];
    const failures: string[] = [];
    for (const [resource, path, user] of lists) {
      const res = await api.call('GET', `${path}${path.includes('?') ? '&' : '?'}range=${encodeURIComponent('[0,99]')}`, { token: await token(user) });
      const rows = (Array.isArray(res.body) ? res.body : []) as object[];
      if (res.status !== 200 || !rows.length) failures.push(`${resource}: ${res.status} with ${rows.length} rows`);
      const unnamed = tableOf(rows, resource).header.filter((h) => /^[A-Za-z_][\w.]*$/.test(h));
      if (unnamed.length) failures.push(`${resource}: ${unnamed.join(', ')}`);
    }
    expect(failures, failures.join('; ')).toEqual([]);
  });

  it('is a matrix of more than 500 checks (counted from the tables, whichever tests run)', () => {
    const checks =
      anonymousPlan().length + rolePlan().length + jurisdictionPlan().length + bodyPlan().length + IMPORT_CHECKS + listPlan().length + BADGE_USERS.length;
    console.log(`access matrix: ${checks} checks over ${routes().length} routes`);
    expect(checks).toBeGreaterThan(500);
  });
});

describe('security basics', () => {
  it('stores passwords as bcrypt hashes and never returns them', async () => {
    const users = await h.db.$queryRawUnsafe<{ username: string; password_hash: string }[]>('SELECT username, password_hash FROM app_user');
    expect(users.length).toBeGreaterThan(0);
    expect(users.filter((u) => !/^\$2[aby]\$\d\d\$/.test(u.password_hash) || u.password_hash.includes('demo1234')).map((u) => u.username)).toEqual([]);
    const list = await api.call('GET', '/users?range=[0,999]', { token: await token('admin.huzhou') });
    const me = await api.call('GET', '/auth/me', { token: await token('admin.huzhou') });
    // (mustChangePassword is a flag, not a password.)
    for (const text of [JSON.stringify(list.body), JSON.stringify(me.body)])
      expect(text.replace(/"mustChangePassword":(true|false)/g, '')).not.toMatch(/password|\$2[aby]\$/i);
  });

  it('uses bearer tokens, not cookies: login sets no cookie (so CSRF does not apply)', async () => {
    const r = await api.call('POST', '/auth/login', { body: { username: 'leader.shengsi', password: 'demo1234' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('set-cookie')).toBeNull();
    expect(typeof r.body.token).toBe('string');
    // A cookie carrying a valid token is not a credential.
    const res = await fetch(`${api.url}/api/auth/me`, { headers: { cookie: `token=${r.body.token}; session=${r.body.token}` } });
    expect(res.status).toBe(401);
  });

  it('rate-limits guessing per user: even the right password is refused once blocked, other users are not', async () => {
    // (test/api.test.ts checks the 429 after ten failures; this checks what the block means.)
    let last = 0;
    for (let i = 0; i < 11; i++) last = (await api.call('POST', '/auth/login', { body: { username: 'auditor.shengsi', password: `guess-${i}` } })).status;
    expect(last).toBe(429);
    const right = await api.call('POST', '/auth/login', { body: { username: 'auditor.shengsi', password: 'demo1234' } });
    expect(right.status).toBe(429);
    expect(right.body).toMatchObject({ messageZh: expect.stringContaining('15 分钟'), messageEn: expect.stringContaining('15 minutes') });
    expect(right.body.token).toBeUndefined();
    // Unknown usernames are limited the same way (no hint that they do not exist).
    for (let i = 0; i < 11; i++) last = (await api.call('POST', '/auth/login', { body: { username: 'nobody.nowhere', password: `guess-${i}` } })).status;
    expect(last).toBe(429);
    expect((await api.call('POST', '/auth/login', { body: { username: 'coord.shengsi', password: 'demo1234' } })).status).toBe(200);
  });

  it('refuses an expired session (401)', async () => {
    const t = await api.login('officer.shengsi');
    expect((await api.call('GET', '/auth/me', { token: t })).status).toBe(200);
    const hash = createHash('sha256').update(t).digest('hex');
    expect(await h.db.$executeRawUnsafe(`UPDATE session SET expires_at = now() - interval '1 minute' WHERE token_hash = $1`, hash)).toBe(1);
    const r = await api.call('GET', '/auth/me', { token: t });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ error: 'session_expired', messageZh: expect.any(String), messageEn: expect.any(String) });
    expect((await api.call('GET', '/tasks', { token: t })).status).toBe(401);
  });

  it('sends security headers on the API and on the console', async () => {
    for (const url of [`${api.url}/api/health`, `${api.url}/api/tasks`, `${api.url}/`, `${api.url}/some/console/route`]) {
      const res = await fetch(url);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(!!res.headers.get('x-frame-options') || /frame-ancestors/.test(csp), `${url}: x-frame-options or frame-ancestors`).toBe(true);
      expect(res.headers.get('x-powered-by'), url).toBeNull();
    }
    const index = await fetch(`${api.url}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="root">');
    expect(index.headers.get('content-security-policy'), 'CSP on the console').toBeTruthy();
  });

  it('keeps the audit trail append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    class Rollback extends Error {}
    // Each attempt runs in a transaction rolled back in any case: were the trigger missing, nothing is lost.
    const attempt = async (sql: string) => {
      try {
        await h.db.$transaction(async (tx) => {
          await tx.$executeRawUnsafe(sql);
          throw new Rollback('statement was accepted');
        });
      } catch (e) {
        return e as Error;
      }
      throw new Error('unreachable');
    };
    const before = await h.db.auditEvent.count();
    for (const sql of [
      `UPDATE audit_event SET reason = 'tampered' WHERE id = (SELECT max(id) FROM audit_event)`,
      `DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)`,
      'TRUNCATE audit_event',
    ]) {
      const e = await attempt(sql);
      expect(e, sql).not.toBeInstanceOf(Rollback);
      expect(String(e.message), sql).toMatch(/append-only/);
    }
    expect(await h.db.auditEvent.count()).toBeGreaterThanOrEqual(before);
  });

  it('has no code path that updates or deletes audit events', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|js|mjs)$/.test(name)) files.push(p);
      }
    };
    for (const d of ['api', 'activities', 'workflows']) walk(path.join(root, d));
    expect(files.length).toBeGreaterThan(20);
    const forbidden = /auditEvent\s*\.\s*(update|updateMany|delete|deleteMany|upsert)\b|(UPDATE|DELETE\s+FROM|TRUNCATE)\s+(TABLE\s+)?"?audit_event/i;
    const hits = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ f, i, line }))
        .filter((x) => forbidden.test(x.line))
        .map((x) => `${path.relative(root, x.f)}:${x.i + 1}: ${x.line.trim()}`),
    );
    expect(hits).toEqual([]);
    // No route writes audit events other than by appending: every route that touches them is a GET.
    expect(routes().filter((r) => r.path.startsWith('/audit-events') && r.method !== 'get')).toEqual([]);
  });
});
