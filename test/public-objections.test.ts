// Public pages and objections (README "Public pages and objections (公示与异议)"), through the REST API on a
// real worker, dev server and database: published lists are read without a token and carry nothing
// unpublished or internal; during a 公示 window anyone lodges an objection (reference number), which reaches
// the coordinator's objections and must be resolved before the list is final; outside the window, or with
// a file that is not what it claims, nothing is stored; an address over its hourly budget gets 429; the
// outcome is read back by reference. The app trusts one proxy, so each test speaks from an address of its own.
import { randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.js';
import { startHarness, waitFor, type Harness } from './helpers.js';
import { apiClient, type Api } from './api-helpers.js';
import { lijiangFiled, stopFixtures, type LijiangFixture } from './helpers-fixtures.js';
import { base64, changxingInPublicity, PNG, type Publicity } from './helpers-public.js';

const LIMIT = 4;
const WINDOW_MS = 20_000;
let h: Harness;
let server: Server;
let url = '';
let staff: Pick<Api, 'call' | 'login'>;
const tokens: Record<string, string> = {};
let cx: Publicity;
let lj: LijiangFixture;
const net = `10.${randomInt(256)}.${randomInt(256)}`;
const address = (n: number) => `${net}.${n}`;

beforeAll(async () => {
  h = await startHarness();
  const saved = process.env.PUBLIC_OBJECTIONS_PER_ADDRESS;
  process.env.PUBLIC_OBJECTIONS_PER_ADDRESS = String(LIMIT);
  try {
    // Behind one proxy (TRUST_PROXY=1): req.ip is the X-Forwarded-For address the test names.
    const app = createApp({ db: h.db, client: h.env.client, taskQueue: h.taskQueue, trustProxy: 1 });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
  } finally {
    if (saved === undefined) delete process.env.PUBLIC_OBJECTIONS_PER_ADDRESS;
    else process.env.PUBLIC_OBJECTIONS_PER_ADDRESS = saved;
  }
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  staff = apiClient(url);
  for (const u of ['coord.changxing', 'auditor.changxing', 'coord.zhoushan', 'officer.gucheng', 'officer.yulong', 'auditor.lijiang', 'coord.lijiang'])
    tokens[u] = await staff.login(u);
  cx = await changxingInPublicity(h, staff.call, tokens['coord.changxing']!, tokens['auditor.changxing']!, WINDOW_MS);
}, 180_000);
afterAll(async () => {
  await stopFixtures(
    h,
    [cx?.campaignId, lj?.campaignId, lj?.pendingCampaignId].filter((x): x is string => !!x),
  );
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await h?.stop();
});

/** An anonymous request from client address `from` (no token, ever). */
async function anon(method: string, path: string, opts: { body?: unknown; from?: number; raw?: string } = {}) {
  const res = await fetch(`${url}/api${path}`, {
    method,
    headers: { 'x-forwarded-for': address(opts.from ?? 1), ...(opts.body !== undefined || opts.raw ? { 'content-type': 'application/json' } : {}) },
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : undefined };
}
const enc = encodeURIComponent;
const objectionPath = (rosterId: string) => `/public/rosters/${enc(rosterId)}/objections`;
/** This campaign's objections and the files sent under this suite's file names: other suites write rows meanwhile. */
const REFUSED_FILES = ['evidence.png', 'a.gif', 'big.pdf', '小票.png'];
const publicRows = () =>
  Promise.all([
    h.db.objection.count({ where: { campaignId: cx.campaignId } }),
    h.db.attachment.count({ where: { uploadedById: null, filename: { in: REFUSED_FILES } } }),
  ]);
const objection = (over: Record<string, unknown> = {}) => ({
  name: '王先生',
  contact: '13800138000',
  entryRef: 1,
  reason: '该店铺九月仍在销售过期食品，有购物小票为证。',
  ...over,
});
// What a public answer must never carry: internal ids (cases, operators, stations), scores, accounts.
const INTERNAL = /op-cx-|op-lj-|330522001|330522002|caseId|operatorId|jurisdictionId|totalScore|"score|lodgedById|publishedById|workflow|u-coord/;

describe('public lists', () => {
  it('lists and shows the published 公示 without a token, with only what a notice prints', async () => {
    const list = await anon('GET', `/public/rosters?year=${cx.year}`);
    expect(list.status, list.text).toBe(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, perPage: 20 });
    expect(list.body.items[0]).toMatchObject({
      id: cx.rosterId,
      kind: 'publicity',
      listName: { zh: '公示名单', en: 'publicity list' },
      bureau: '长兴县',
      objectionsOpen: true,
      superseded: false,
      entryCount: 2,
      windowEndsAt: new Date(cx.windowEndsAt).toISOString(),
    });
    const one = await anon('GET', `/public/rosters/${enc(cx.rosterId)}`);
    expect(one.status, one.text).toBe(200);
    expect(one.body.contact.zh).toContain('长兴县');
    expect(one.body.basis).toContain('长兴');
    expect(one.body.entries).toHaveLength(2);
    const ops = await h.db.operator.findMany({ where: { id: { in: ['op-cx-001', 'op-cx-002'] } }, orderBy: { id: 'asc' } });
    for (const [i, e] of one.body.entries.entries()) {
      expect(Object.keys(e).sort()).toEqual(['operatorName', 'place', 'ref', 'track', 'uscc']);
      expect(e.ref).toBe(i + 1);
      expect(ops.map((o) => o.uscc)).toContain(e.uscc);
    }
    expect(one.text).not.toMatch(INTERNAL);
    expect(list.text).not.toMatch(INTERNAL);
    // Filters and pages: a kind not published yet, a page past the end.
    expect((await anon('GET', `/public/rosters?year=${cx.year}&kind=award`)).body).toMatchObject({ total: 0, items: [] });
    expect((await anon('GET', `/public/rosters?year=${cx.year}&page=2`)).body).toMatchObject({ total: 1, items: [] });
    const bad = await anon('GET', '/public/rosters?kind=secret&perPage=500');
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['kind', 'perPage']);
    expect((await anon('GET', `/public/rosters/${enc(`${cx.campaignId}:award:1`)}`)).status).toBe(404);
  });
});

describe('objections from the public', () => {
  let reference = '';
  let objectionId = '';

  it('takes an objection during the window with a reference number; the coordinator sees it in /objections', async () => {
    const before = await h.db.auditEvent.count({ where: { campaignId: cx.campaignId, actorRole: 'public' } });
    const r = await anon('POST', objectionPath(cx.rosterId), {
      from: 2,
      body: objection({ entryRef: 2, attachment: { filename: '小票.png', contentType: 'image/png', dataBase64: base64(PNG) } }),
    });
    expect(r.status, r.text).toBe(201);
    reference = r.body.reference;
    expect(reference).toMatch(/^\d{2}-GS-\d{6}-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(r.body).toMatchObject({ status: 'open', entry: { ref: 2 } });
    expect(r.text).not.toMatch(INTERNAL);

    const row = await h.db.objection.findUniqueOrThrow({ where: { reference } });
    objectionId = row.id;
    const listed = (await h.db.roster.findUniqueOrThrow({ where: { id: cx.rosterId } })).entries as { caseId: string }[];
    expect(row).toMatchObject({ source: 'public', lodgedById: null, contactName: '王先生', contact: '13800138000', status: 'open', caseId: listed[1]!.caseId });
    expect(row.attachmentId).toBeTruthy();
    // In the coordinator's list, by its reference as a caller would quote it (lower case, O for 0).
    const quoted = reference.toLowerCase().replace(/0/g, 'o');
    const seen = await staff.call('GET', `/objections?filter=${enc(JSON.stringify({ campaignId: cx.campaignId, reference: quoted }))}`, {
      token: tokens['coord.changxing'],
    });
    expect(seen.body.map((o: { id: string }) => o.id)).toEqual([row.id]);
    expect(seen.body[0]).toMatchObject({ contactName: '王先生', reference });
    // Its file, for staff of the jurisdiction only.
    const file = await fetch(`${url}/api/attachments/${row.attachmentId}`, { headers: { authorization: `Bearer ${tokens['coord.changxing']}` } });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await staff.call('GET', `/attachments/${row.attachmentId}`, { token: tokens['coord.zhoushan'] })).status).toBe(403);
    // Audited as the public's, without the personal details.
    const audit = await h.db.auditEvent.findMany({ where: { campaignId: cx.campaignId, actorRole: 'public' }, orderBy: { id: 'asc' } });
    expect(audit.length - before).toBe(2);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['objection.lodged', 'objection.referenced']));
    expect(JSON.stringify(audit.map((a) => ({ ...a, id: String(a.id) })))).not.toContain('13800138000');
    // The workflow counts it: one open objection.
    const award = await staff.call('GET', `/campaigns/${enc(cx.campaignId)}/award`, { token: tokens['coord.changxing'] });
    expect(award.body.objections).toEqual({ open: 1 });
  });

  it('refuses a file that is not what it claims, an unknown entry and a non-publicity list, storing nothing', async () => {
    const [objections, files] = await publicRows();
    const fake = await anon('POST', objectionPath(cx.rosterId), {
      from: 3,
      body: objection({ attachment: { filename: 'evidence.png', contentType: 'image/png', dataBase64: base64('MZ this is an executable, not a picture') } }),
    });
    expect(fake.status).toBe(400);
    expect(fake.body.fields[0]).toMatchObject({ path: 'attachment.dataBase64' });
    expect(fake.body.messageZh).toContain('附件内容与声明的类型不符');
    const gif = await anon('POST', objectionPath(cx.rosterId), {
      from: 3,
      body: objection({ attachment: { filename: 'a.gif', contentType: 'image/gif', dataBase64: base64('GIF89a') } }),
    });
    expect(gif.status).toBe(400);
    const big = await anon('POST', objectionPath(cx.rosterId), {
      from: 3,
      body: objection({ attachment: { filename: 'big.pdf', contentType: 'application/pdf', dataBase64: base64(Buffer.alloc(5 * 1024 * 1024 + 1, 0x25)) } }),
    });
    expect(big.status, big.text.slice(0, 200)).toBe(400);
    const tooShort = await anon('POST', objectionPath(cx.rosterId), { from: 4, body: objection({ reason: '太差了', contact: 'nobody', entryRef: 3 }) });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['contact', 'reason']);
    const unknownEntry = await anon('POST', objectionPath(cx.rosterId), { from: 4, body: objection({ entryRef: 3 }) });
    expect(unknownEntry.status).toBe(400);
    expect(unknownEntry.body.fields).toEqual([expect.objectContaining({ path: 'entryRef' })]);
    expect((await anon('POST', objectionPath('no-such-list'), { from: 4, body: objection() })).status).toBe(404);
    expect(await publicRows()).toEqual([objections, files]);
  });

  it('answers 429 once an address has used its hourly budget, before reading the body; other addresses go on', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 1; i++) statuses.push((await anon('POST', objectionPath('no-such-list'), { from: 5, body: objection() })).status);
    expect(statuses).toEqual([...Array(LIMIT).fill(404), 429]);
    const refused = await anon('POST', objectionPath('no-such-list'), { from: 5, raw: '{"not json' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Express matches routes case-insensitively: another spelling of the path is the same route, counted alike.
    expect((await anon('POST', objectionPath('no-such-list').replace('objections', 'Objections'), { from: 5, body: objection() })).status).toBe(429);
    expect(refused.body.messageZh).toContain(`每小时最多提交 ${LIMIT} 件异议`);
    // Kept in PostgreSQL (every API process shares it), and another address is not affected.
    expect(await h.db.publicRateLimit.findUnique({ where: { key: `objection:${address(5)}` } })).toMatchObject({ points: LIMIT + 1 });
    expect((await anon('POST', objectionPath('no-such-list'), { from: 6, body: objection() })).status).toBe(404);
  });

  // While the 公示 window runs out: a Lijiang register campaign, whose list is made of its filed entries.
  it('shows a Lijiang 入库名单 of the filed entries only, and nothing of a campaign that published nothing', async () => {
    lj = await lijiangFiled(h, staff as Api, async (u) => tokens[u]!);
    const list = await anon('GET', `/public/rosters?year=${lj.year}`);
    expect(list.body.total, list.text).toBe(1);
    expect(list.body.items[0]).toMatchObject({ kind: 'admission', listName: { zh: '特色直播优质产品入库名单' }, bureau: '丽江市', entryCount: 1 });
    const one = await anon('GET', `/public/rosters/${enc(list.body.items[0].id)}`);
    expect(one.body.entries).toEqual([
      expect.objectContaining({ ref: 1, name: expect.any(String), operatorName: expect.any(String), place: '古城区', track: null }),
    ]);
    // The refused application (玉龙) is no part of any public list.
    const refused = await h.db.registerEntry.findUniqueOrThrow({ where: { id: lj.entryYulong } });
    expect(one.text).not.toContain(refused.name);
    expect(one.text).not.toMatch(INTERNAL);
    expect(JSON.stringify(one.body)).not.toContain(`LJ-${lj.year}-001`); // the centre's filing reference is its own
    // The second campaign has published nothing: it is not there at all.
    const pending = await h.db.campaign.findUniqueOrThrow({ where: { id: lj.pendingCampaignId } });
    expect((await anon('GET', `/public/rosters?year=${pending.year}`)).body.total).toBe(0);
  });

  it('after the window: refused with its dates and nothing stored; the list is final only once the objection is resolved', async () => {
    // The window ends by the clock: wait until the public page says objections are closed.
    await waitFor(
      async () => (await anon('GET', `/public/rosters/${enc(cx.rosterId)}`)).body.objectionsOpen === false,
      'the 公示 window to end',
      WINDOW_MS + 30_000,
    );
    const [objections, files] = await publicRows();
    const late = await anon('POST', objectionPath(cx.rosterId), {
      from: 7,
      body: objection({ attachment: { filename: '小票.png', contentType: 'image/png', dataBase64: base64(PNG) } }),
    });
    expect(late.status).toBe(409);
    expect(late.body.messageZh).toMatch(/^公示期为 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}，已结束/);
    expect(late.body.messageEn).toContain('the publicity period ran from');
    expect(await publicRows()).toEqual([objections, files]);

    const coord = { token: tokens['coord.changxing'] };
    const early = await staff.call('POST', `/campaigns/${enc(cx.campaignId)}/award`, coord);
    expect(early.status).toBe(409);
    expect(early.body.messageZh).toContain('尚有 1 件异议未处理');
    // Open meanwhile: looked up by its number, it is still open and says nothing of the outcome.
    const pending = await anon('GET', `/public/objections/${enc(reference)}`);
    expect(pending.body).toMatchObject({ reference, status: 'open', resolution: null, resolvedAt: null });

    const resolved = await staff.call('POST', `/objections/${enc(objectionId)}/resolve`, {
      ...coord,
      body: { decision: 'upheld', resolution: '经现场核查，情况属实，移出名单。' },
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    const award = await staff.call('POST', `/campaigns/${enc(cx.campaignId)}/award`, coord);
    expect(award.status, JSON.stringify(award.body)).toBe(201);
    expect(award.body.titles).toBe(1);

    // The award list is public now, without the entry the objection took off the list.
    const lists = await anon('GET', `/public/rosters?year=${cx.year}`);
    expect(lists.body.items.map((x: { kind: string; entryCount: number }) => [x.kind, x.entryCount]).sort()).toEqual([
      ['award', 1],
      ['publicity', 2],
    ]);
    expect((await anon('POST', objectionPath(`${cx.campaignId}:award:1`), { from: 8, body: objection() })).status).toBe(400);
  });

  it('shows the outcome by reference: upheld, the resolution and the dates, nothing personal', async () => {
    const r = await anon('GET', `/public/objections/${enc(reference.toLowerCase())}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({
      reference,
      status: 'upheld',
      resolution: '经现场核查，情况属实，移出名单。',
      entry: { ref: 2 },
      roster: { id: cx.rosterId, bureau: '长兴县' },
    });
    expect(Date.parse(r.body.resolvedAt)).toBeGreaterThan(Date.parse(r.body.lodgedAt));
    expect(r.text).not.toMatch(/王先生|13800138000|购物小票|小票\.png/);
    expect(r.text).not.toMatch(INTERNAL);
    const unknown = await anon('GET', `/public/objections/${enc(reference.replace(/-[0-9A-Z]{6}$/, '-ZZZZZZ'))}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.messageZh).toContain('异议编号');
  });
});
