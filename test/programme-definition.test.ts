// Programmes defined as data (DOMAIN.md Programme D) through the API, on Temporal's
// time-skipping test server (test/helpers-time.ts: the test moves the clock from stage to stage):
// definitions refused with every problem's path in Chinese and English; a Shanghai-style three-stage base
// evaluation (seeds/shanghai-live-ecommerce-measures.txt 一、（二）) defined, launched and run by the same
// engine with no code of its own: form tasks checked against their field lists, stages closed early, the
// rubric scored (total computed, a veto excludes), the roster confirmed by threshold; then a revision
// (version 2) while the campaign runs: the running campaign keeps version 1, a new launch takes version 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordHistory, uniqueYear, waitFor } from './helpers.js';
import { startTimeSkippingHarness, type TimeHarness } from './helpers-time.js';
import { startApi, type Api } from './api-helpers.js';
import { shanghaiSpec } from './helpers-programmes.js';

let h: TimeHarness;
let api: Api;
const tokens: Record<string, string> = {};
const token = async (u: string) => (tokens[u] ??= await api.login(u));
const started: string[] = [];
beforeAll(async () => {
  h = await startTimeSkippingHarness();
  api = await startApi(h);
});
afterAll(async () => {
  for (const id of started)
    await h.env.client.workflow
      .getHandle(`campaign-${id}`)
      .terminate('test done')
      .catch(() => {});
  await api?.close();
  await h?.stop();
});

const call = async (method: string, user: string, path: string, body?: unknown) => api.call(method, path, { token: await token(user), body });
const post = (user: string, path: string, body?: unknown) => call('POST', user, path, body);
const get = (user: string, path: string) => call('GET', user, path);
const enc = encodeURIComponent;
const iso = (ms: number) => new Date(ms).toISOString();
const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const paths = (r: { body: any }) => (r.body.fields ?? []).map((f: { path: string }) => f.path);

/** The county officer of a task's jurisdiction (defined form tasks for officers lie at the operator's county). */
async function officerOf(jurisdictionId: string) {
  const u = await h.db.user.findFirstOrThrow({ where: { role: 'county_officer', jurisdictionId } });
  return u.username;
}

describe('defining a programme', () => {
  it('refuses a definition with an unknown role, points not adding up to 100 or a stage without a task type, naming each field (400)', async () => {
    const base = shanghaiSpec(`sh_bad_${Date.now()}`);
    const cases: [object, string, RegExp][] = [
      [{ ...base, taskTypes: [{ ...base.taskTypes[0]!, role: 'inspector' }, base.taskTypes[1]] }, 'taskTypes.0.role', /unknown role "inspector"/],
      [
        { ...base, rubric: { ...base.rubric, items: base.rubric.items.map((x, i) => (i === 0 ? { ...x, points: 20 } : x)) } },
        'rubric.items',
        /add up to 100, not 90/,
      ],
      [{ ...base, stages: [{ ...base.stages[0]!, taskTypes: [] }, ...base.stages.slice(1)] }, 'stages.0.taskTypes', /has no task type/],
      [
        { ...base, stages: [...base.stages, { key: 'summary', name: '总结', nameEn: 'Summary', durationDays: 10, taskTypes: ['report'] }] },
        'stages.3.taskTypes.0',
        /unknown task type "report"/,
      ],
      [{ ...base, roster: { name: '名单', nameEn: 'List' } }, 'roster', /threshold, a quota/],
      [
        { ...base, taskTypes: [{ ...base.taskTypes[0]!, form: [{ key: 'x', label: '甲', labelEn: 'X', type: 'file', required: true }] }, base.taskTypes[1]] },
        'taskTypes.0.form.0.type',
        /bad field type "file"/,
      ],
      [{ ...base, stages: [base.stages[0], base.stages[0], base.stages[2]] }, 'stages.1.key', /duplicate stage key/],
    ];
    for (const [spec, path, en] of cases) {
      const r = await post('coord.zhoushan', '/programmes', spec);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(paths(r)).toContain(path);
      const f = r.body.fields.find((x: { path: string }) => x.path === path);
      expect(f.messageEn).toMatch(en);
      expect(f.messageZh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.body.messageZh).toMatch(/项目定义无效/);
    }
    // Nothing was stored; a built-in cannot be defined over nor edited; only coordinators and admins define.
    expect(await h.db.programmeDefinition.count({ where: { id: base.id } })).toBe(0);
    expect((await post('coord.zhoushan', '/programmes', shanghaiSpec('zhoushan'))).status).toBe(409);
    expect((await call('PUT', 'coord.zhoushan', '/programmes/zhoushan', shanghaiSpec('zhoushan'))).status).toBe(403);
    expect((await post('auditor.zhoushan', '/programmes', base)).status).toBe(403);
  });
});

describe('a Shanghai-style base evaluation run from its definition', () => {
  it('runs forms, rubric and roster by version 1 while a revision to version 2 applies to new launches only', async () => {
    const id = `sh_base_${Date.now()}`;
    const defined = await post('coord.zhoushan', '/programmes', shanghaiSpec(id));
    expect(defined.status, JSON.stringify(defined.body)).toBe(201);
    expect(defined.body).toMatchObject({ id, builtIn: false, version: 1, name: '上海直播电商基地评价' });
    expect(defined.body.stages.map((s: { key: string; defaultStart: string; defaultDue: string }) => [s.key, s.defaultStart, s.defaultDue])).toEqual([
      ['materials', '03-01', '03-30'],
      ['inspection', '03-31', '04-29'],
      ['evaluation', '04-30', '05-29'],
    ]);
    expect((await post('coord.zhoushan', '/programmes', shanghaiSpec(id))).status).toBe(409);
    const list = await get('leader.zhoushan', `/programmes?filter=${enc(JSON.stringify({ id: ['changxing', id] }))}`);
    expect(list.body.map((p: { id: string; builtIn: boolean; version: number | null }) => [p.id, p.builtIn, p.version])).toEqual([
      ['changxing', true, null],
      [id, false, 1],
    ]);
    expect((await h.db.auditEvent.findFirstOrThrow({ where: { key: `programme:${id}:v1` } })).action).toBe('programme.defined');

    // Launch version 1 for three operators of the city; the materials stage is open now.
    const year = await uniqueYear(h.db);
    const t0 = await h.now();
    const stages = [
      { key: 'materials', startsAt: iso(t0 - 500), dueAt: iso(t0 + 10 * DAY) },
      // Closing a stage early does not bring the next one forward (stages are dated): the test moves the
      // clock to each start.
      { key: 'inspection', startsAt: iso(t0 + 11 * DAY), dueAt: iso(t0 + 20 * DAY) },
      { key: 'evaluation', startsAt: iso(t0 + 21 * DAY), dueAt: iso(t0 + 60 * DAY) },
    ];
    const ops = ['op-zs-001', 'op-zs-002', 'op-zs-003'];
    const launched = await post('coord.zhoushan', '/campaigns', {
      programme: id,
      year,
      jurisdictionId: '330900',
      stages,
      reminderLeadHours: 0,
      operatorIds: ops,
    });
    expect(launched.status, JSON.stringify(launched.body)).toBe(201);
    const campaignId = launched.body.id as string;
    started.push(campaignId);
    const cid = enc(campaignId);
    const c1 = await h.db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect((c1.definition as any).programmeVersion).toBe(1);
    const caseOf = (op: string) => `${campaignId}:${op}`;
    const cases = await waitFor(async () => {
      const c = await h.db.case.findMany({ where: { campaignId } });
      return c.length === 3 && c;
    }, 'cases');
    expect(cases.map((c) => c.track)).toEqual([null, null, null]); // a defined programme has no tracks

    // (c) Revised while it runs: version 2 asks for a licence number and lists from 60 points.
    const v2spec = shanghaiSpec(id, { roster: { name: '市级直播基地名单', nameEn: 'City live-commerce base list', threshold: 60 } });
    v2spec.taskTypes[0]!.form.push({ key: 'licenceNo', label: '营业执照编号', labelEn: 'Business licence no.', type: 'text', required: true });
    const revised = await call('PUT', 'coord.zhoushan', `/programmes/${id}`, v2spec);
    expect(revised.status, JSON.stringify(revised.body)).toBe(200);
    expect(revised.body.version).toBe(2);
    expect((await call('PUT', 'coord.zhoushan', `/programmes/${id}`, { ...v2spec, id: 'other_id' })).status).toBe(400);
    const versions = await get('leader.zhoushan', `/programmes/${id}/versions`);
    expect(versions.body.map((v: { version: number; createdByName: string }) => v.version)).toEqual([2, 1]);
    expect(versions.body[0].createdByName).toBeTruthy();
    expect((await get('leader.zhoushan', `/programmes/${id}?version=1`)).body.spec.roster.threshold).toBe(80);
    expect((await get('leader.zhoushan', `/programmes/${id}`)).body.version).toBe(2);

    // 申报材料: one form task per case, at the operator's county, with the version-1 field list.
    const materials = await waitFor(async () => {
      const t = await h.db.task.findMany({ where: { campaignId, type: 'form:materials' }, orderBy: { id: 'asc' } });
      return t.length === 3 && t;
    }, 'materials tasks');
    for (const t of materials) {
      const c = await h.db.case.findUniqueOrThrow({ where: { id: t.caseId! } });
      expect(t.jurisdictionId).toBe(c.jurisdictionId);
      expect(t.assigneeRole).toBe('county_officer');
      expect((t.details as any).form.map((f: { key: string }) => f.key)).toEqual(['baseName', 'area', 'mcnCount', 'theme']);
    }
    const first = materials[0]!;
    const officer = await officerOf(first.jurisdictionId);
    // A required field missing: 400 naming it; an unknown choice too.
    const bad = await post(officer, `/tasks/${enc(first.id)}/complete`, { area: 1200, theme: '农产品' });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['baseName']);
    expect(bad.body.fields[0].messageZh).toMatch(/基地名称/);
    expect(bad.body.fields[0].messageEn).toMatch(/required field "Base name" is missing/);
    expect(paths(await post(officer, `/tasks/${enc(first.id)}/complete`, { baseName: '某基地', area: 1200, theme: '海鲜' }))).toEqual(['theme']);
    // Version 1's form is complete without version 2's licence number.
    for (const t of materials) {
      const r = await post(await officerOf(t.jurisdictionId), `/tasks/${enc(t.id)}/complete`, {
        baseName: `基地 ${t.caseId}`,
        area: 1500,
        mcnCount: 3,
        theme: '农产品',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    // The coordinator closes the stage early (existing API): nothing is overdue.
    const closed = await post('coord.zhoushan', `/campaigns/${cid}/stages/materials/close`, { reason: '材料已齐' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.overdueCount).toBe(0);
    // Too early for the roster: the rubric stage has not started.
    expect((await post('coord.zhoushan', `/campaigns/${cid}/roster`, {})).status).toBe(409);

    // 实地核查: the city auditor's form, at the campaign's jurisdiction, from the stage's start (not before).
    await h.skipTo(t0 + 11 * DAY - MINUTE);
    expect(await h.db.task.count({ where: { campaignId, type: 'form:site_check' } })).toBe(0);
    await h.skipTo(t0 + 11 * DAY);
    const checks = await waitFor(async () => {
      const t = await h.db.task.findMany({ where: { campaignId, type: 'form:site_check' }, orderBy: { id: 'asc' } });
      return t.length === 3 && t;
    }, 'site checks');
    expect(checks.every((t) => t.jurisdictionId === '330900' && t.assigneeRole === 'auditor')).toBe(true);
    expect(paths(await post('auditor.zhoushan', `/tasks/${enc(checks[0]!.id)}/complete`, { visitedOn: '2026-02-30', facilitiesOk: true }))).toEqual([
      'visitedOn',
    ]);
    for (const t of checks)
      expect((await post('auditor.zhoushan', `/tasks/${enc(t.id)}/complete`, { visitedOn: `${year}-03-15`, facilitiesOk: true })).status).toBe(200);
    expect((await post('coord.zhoushan', `/campaigns/${cid}/stages/inspection/close`, { reason: '核查完毕' })).status).toBe(200);

    // 综合评价: the rubric task (the spec's role: the city auditor), each item at most its points, the total
    // computed; a veto item excludes the case whatever its points.
    await h.skipTo(t0 + 21 * DAY - MINUTE);
    expect(await h.db.task.count({ where: { campaignId, type: 'rubric' } })).toBe(0);
    await h.skipTo(t0 + 21 * DAY);
    const rubric = await waitFor(async () => {
      const t = await h.db.task.findMany({ where: { campaignId, type: 'rubric' }, orderBy: { id: 'asc' } });
      return t.length === 3 && t;
    }, 'rubric tasks');
    const rubricOf = (op: string) => rubric.find((t) => t.caseId === caseOf(op))!;
    expect((rubricOf('op-zs-001').details as any).items.map((x: { key: string }) => x.key)).toEqual(['infrastructure', 'cluster', 'demonstration']);
    const over = await post('auditor.zhoushan', `/tasks/${enc(rubricOf('op-zs-001').id)}/complete`, {
      points: { infrastructure: 31, cluster: 40, demonstration: 30 },
      vetoes: [],
    });
    expect(over.status).toBe(400);
    expect(paths(over)).toEqual(['points.infrastructure']);
    expect(
      paths(await post('auditor.zhoushan', `/tasks/${enc(rubricOf('op-zs-001').id)}/complete`, { points: { infrastructure: 30, cluster: 40 }, vetoes: [] })),
    ).toEqual(['points.demonstration']);
    expect(
      (
        await post('officer.dinghai', `/tasks/${enc(rubricOf('op-zs-001').id)}/complete`, {
          points: { infrastructure: 30, cluster: 40, demonstration: 30 },
          vetoes: [],
        })
      ).status,
    ).toBe(403);
    const score = async (op: string, points: Record<string, number>, vetoes: string[] = []) => {
      const r = await post('auditor.zhoushan', `/tasks/${enc(rubricOf(op).id)}/complete`, { points, vetoes, comment: '综合评价' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    };
    await score('op-zs-001', { infrastructure: 28, cluster: 38, demonstration: 28 }); // 94
    // Scoring not done: the roster waits while the rubric stage is open.
    const early = await post('coord.zhoushan', `/campaigns/${cid}/roster`, {});
    expect(early.status, JSON.stringify(early.body)).toBe(409);
    expect(early.body.messageEn).toMatch(/not scored yet/);
    await score('op-zs-002', { infrastructure: 20, cluster: 30, demonstration: 20 }); // 70: under v1's 80, over v2's 60
    await score('op-zs-003', { infrastructure: 30, cluster: 40, demonstration: 30 }, ['serious_violation']); // 100, vetoed
    await waitFor(async () => (await h.db.case.count({ where: { campaignId, totalScore: { not: null } } })) === 3, 'totals');
    const vetoed = await h.db.case.findUniqueOrThrow({ where: { id: caseOf('op-zs-003') } });
    expect([vetoed.excludedKind, vetoed.totalScore, vetoed.proposed]).toEqual(['vetoed', 100, false]);
    expect((await h.db.case.findUniqueOrThrow({ where: { id: caseOf('op-zs-001') } })).totalScore).toBe(94);

    // The roster, by version 1's threshold (80) since none is given: every rubric task is done.
    const roster = await post('coord.zhoushan', `/campaigns/${cid}/roster`, {});
    expect(roster.status, JSON.stringify(roster.body)).toBe(201);
    expect(roster.body).toMatchObject({ id: `${campaignId}:list:1`, kind: 'list', seq: 1 });
    expect(roster.body.entries.map((e: { caseId: string; totalScore: number; rank: number }) => [e.caseId, e.totalScore, e.rank])).toEqual([
      [caseOf('op-zs-001'), 94, 1],
    ]);
    expect((await post('coord.zhoushan', `/campaigns/${cid}/roster`, {})).status).toBe(409);
    const listed = await get('leader.zhoushan', `/rosters?filter=${enc(JSON.stringify({ campaignId, kind: 'list' }))}`);
    expect(listed.body.map((x: { id: string }) => x.id)).toEqual([`${campaignId}:list:1`]);
    // Each case's outcome, in the projection and the trail (citing the definition's clause).
    await waitFor(async () => (await h.db.case.count({ where: { campaignId, status: 'completed' } })) === 3, 'cases completed');
    const steps = Object.fromEntries((await h.db.case.findMany({ where: { campaignId } })).map((c) => [c.operatorId, c.currentStep]));
    expect(steps).toEqual({ 'op-zs-001': 'listed', 'op-zs-002': 'not_listed', 'op-zs-003': 'vetoed' });
    // A defined case's history joins the ones the replay test keeps replaying (RECORD_HISTORIES=1).
    await recordHistory(h, `case-${caseOf('op-zs-001')}`, 'defined-case');
    const trail = await h.db.auditEvent.findMany({
      where: { campaignId, action: { in: ['case.listed', 'case.not_listed', 'case.audit_vetoed', 'roster.published'] } },
      orderBy: { id: 'asc' },
    });
    expect(trail.map((e) => e.action).sort()).toEqual(['case.audit_vetoed', 'case.listed', 'case.not_listed', 'roster.published']);
    expect(trail.every((e) => e.clause === shanghaiSpec(id).clause)).toBe(true);
    const c1After = await h.db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect([(c1After.definition as any).programmeVersion, (c1After.definition as any).rules.defined.roster.threshold]).toEqual([1, 80]);

    // A new launch takes version 2: its form asks for the licence number.
    const year2 = await uniqueYear(h.db);
    const t1 = await h.now();
    const launched2 = await post('coord.zhoushan', '/campaigns', {
      programme: id,
      year: year2,
      jurisdictionId: '330900',
      reminderLeadHours: 0,
      operatorIds: ['op-zs-005'],
      stages: [
        { key: 'materials', startsAt: iso(t1 - 500), dueAt: iso(t1 + 600_000) },
        { key: 'inspection', startsAt: iso(t1 + 601_000), dueAt: iso(t1 + 700_000) },
        { key: 'evaluation', startsAt: iso(t1 + 701_000), dueAt: iso(t1 + 800_000) },
      ],
    });
    expect(launched2.status, JSON.stringify(launched2.body)).toBe(201);
    const campaign2 = launched2.body.id as string;
    started.push(campaign2);
    const def2 = (await h.db.campaign.findUniqueOrThrow({ where: { id: campaign2 } })).definition as any;
    expect([def2.programmeVersion, def2.settings.listThreshold]).toEqual([2, 60]);
    const m2 = await waitFor(() => h.db.task.findFirst({ where: { campaignId: campaign2, type: 'form:materials' } }), 'v2 materials task');
    expect((m2.details as any).form.map((f: { key: string }) => f.key)).toContain('licenceNo');
    const o2 = await officerOf(m2.jurisdictionId);
    const missing = await post(o2, `/tasks/${enc(m2.id)}/complete`, { baseName: '新基地', area: 800, theme: '工业品' });
    expect(missing.status).toBe(400);
    expect(paths(missing)).toEqual(['licenceNo']);
    expect((await post(o2, `/tasks/${enc(m2.id)}/complete`, { baseName: '新基地', area: 800, theme: '工业品', licenceNo: '91310000MA1FL0001X' })).status).toBe(
      200,
    );
  });
});
