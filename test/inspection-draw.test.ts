// 双随机 inspections (README "Random inspections"; domain/inspection-draw.ts), through the REST API on
// Temporal's time-skipping test server: a campaign set to draw half its cases is drawn once with a fixed
// seed; the same seed on the recorded inputs selects the same cases and inspectors again, in whatever order
// the inputs come; drawn cases open their inspection held by the first inspector (never of the case's own
// station), who sees and completes it though it lies at another station; the others skip it; the draw is
// published as a list; a second draw, a draw by an auditor and a draw of a campaign that inspects every
// case are refused and change nothing. The cases' histories replay.
import { describe, expect, inject, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { uniqueYear, waitFor } from './helpers.js';
import { apiSuite } from './helpers-api-suite.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { DRAW_METHOD, drawInspections, type DrawInput, type DrawResult } from '../domain/inspection-draw.js';
import { SELF_CHECK_AREAS } from '../domain/self-check.js';

const suite = apiSuite(['coord.changxing', 'auditor.changxing', 'officer.zhicheng']);

const DAY = 86_400_000;
const enc = encodeURIComponent;
const OPERATORS = ['op-cx-001', 'op-cx-002', 'op-cx-003', 'op-cx-004'];

async function launch(settings: object) {
  const r = await suite.api.call('POST', '/campaigns', {
    token: suite.tokens['coord.changxing']!,
    body: {
      programme: 'changxing',
      year: await uniqueYear(suite.h.db),
      jurisdictionId: '330522',
      stages: calendarOpenAt('rectification', 60 * DAY, 'changxing', await suite.h.now()),
      reminderLeadHours: 0,
      operatorIds: OPERATORS,
      settings,
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const id = r.body.id as string;
  await waitFor(() => suite.h.db.stage.findFirst({ where: { campaignId: id, key: 'rectification', status: 'open' } }), 'the inspection stage open');
  return id;
}

describe('双随机 inspections', () => {
  it('the draw is pure: the same seed and inputs, in any order, draw the same cases and inspectors', () => {
    const input: DrawInput = {
      seed: '2026-lottery-07',
      sharePercent: 50,
      avoidOwnStation: true,
      cases: ['a', 'b', 'c', 'd', 'e'].map((x, i) => ({ caseId: `c-${x}`, stationId: `s${i % 2}` })),
      pool: ['p1', 'p2', 'p3', 'p4'].map((u, i) => ({ userId: u, jurisdictionId: i < 2 ? 's0' : 's1' })),
    };
    const once = drawInspections(input);
    expect(once.method).toBe(DRAW_METHOD);
    expect(once.drawn).toHaveLength(3); // ⌈50 % of 5⌉
    expect(drawInspections({ ...input, cases: [...input.cases].reverse(), pool: [...input.pool].reverse() })).toEqual(once);
    for (const d of once.drawn) {
      const station = input.cases.find((c) => c.caseId === d.caseId)!.stationId;
      expect(d.inspectors).toHaveLength(2);
      expect(d.inspectors.every((u) => input.pool.find((p) => p.userId === u)!.jurisdictionId !== station)).toBe(true);
    }
    // Another seed, another draw (for these inputs).
    expect(drawInspections({ ...input, seed: '2026-lottery-08' })).not.toEqual(once);
    // Too few inspectors outside a station: refused, naming the case.
    expect(() => drawInspections({ ...input, pool: input.pool.slice(0, 3) })).toThrow(/not enough inspectors/);
  });

  it('draws half the cases once, with two inspectors each from outside their station; the rest skip the inspection', async () => {
    const id = await launch({ randomInspection: { sharePercent: 50, avoidOwnStation: true } });
    const path = `/campaigns/${enc(id)}/inspection-draw`;
    // Nothing is inspected before the draw.
    expect(await suite.h.db.task.count({ where: { campaignId: id, type: 'inspection' } })).toBe(0);
    expect((await suite.api.call('POST', path, { token: suite.tokens['auditor.changxing']!, body: { seed: 'x' } })).status).toBe(403);
    expect((await suite.api.call('POST', path, { token: suite.tokens['coord.changxing']!, body: { seed: '' } })).status).toBe(400);
    expect(await suite.h.db.inspectionDraw.count({ where: { campaignId: id } })).toBe(0);

    const drawn = await suite.api.call('POST', path, { token: suite.tokens['coord.changxing']!, body: { seed: '体彩 26139 期 07 12 19 25 31' } });
    expect(drawn.status, JSON.stringify(drawn.body)).toBe(201);
    expect(drawn.body.draw).toMatchObject({ seed: '体彩 26139 期 07 12 19 25 31', method: DRAW_METHOD, cases: 4, notDrawn: 2 });
    expect(drawn.body.draw.drawn).toHaveLength(2);
    // Recorded with everything needed to run it again: the same cases and inspectors.
    const row = await suite.h.db.inspectionDraw.findUniqueOrThrow({ where: { campaignId: id } });
    const inputs = row.inputs as unknown as Pick<DrawInput, 'cases' | 'pool'>;
    const again = drawInspections({ seed: row.seed, sharePercent: row.sharePercent, avoidOwnStation: row.avoidOwnStation, ...inputs });
    expect(again).toEqual(row.result as unknown as DrawResult);
    expect(
      drawInspections({ seed: row.seed, sharePercent: 50, avoidOwnStation: true, cases: [...inputs.cases].reverse(), pool: [...inputs.pool].reverse() }),
    ).toEqual(again);
    // A second draw is refused and changes nothing.
    const twice = await suite.api.call('POST', path, { token: suite.tokens['coord.changxing']!, body: { seed: 'another' } });
    expect(twice.status).toBe(409);
    expect((await suite.h.db.inspectionDraw.findUniqueOrThrow({ where: { campaignId: id } })).seed).toBe(row.seed);

    // The drawn cases open their inspection, held by the first inspector; the others record why not.
    const result = row.result as unknown as DrawResult;
    const tasks = await waitFor(async () => {
      const t = await suite.h.db.task.findMany({ where: { campaignId: id, type: 'inspection' } });
      return t.length === 2 && t;
    }, 'the drawn cases’ inspections');
    for (const d of result.drawn) {
      const t = tasks.find((x) => x.caseId === d.caseId)!;
      expect(t.claimedById).toBe(d.inspectors[0]);
      const station = inputs.cases.find((c) => c.caseId === d.caseId)!.stationId;
      expect(inputs.pool.filter((p) => d.inspectors.includes(p.userId)).every((p) => p.jurisdictionId !== station)).toBe(true);
    }
    await waitFor(
      async () => (await suite.h.db.auditEvent.count({ where: { campaignId: id, action: 'case.inspection_not_drawn' } })) === 2,
      'the others skip it',
    );
    const roster = await suite.h.db.roster.findUniqueOrThrow({ where: { id: row.rosterId } });
    expect(roster.kind).toBe('inspection');
    expect((roster.entries as { caseId: string; groundName: string }[]).map((e) => e.caseId).sort()).toEqual(result.drawn.map((d) => d.caseId).sort());

    // The first inspector sees it under 我的 though it lies at another station, and completes it.
    const first = tasks[0]!;
    const inspector = await suite.h.db.user.findUniqueOrThrow({ where: { id: first.claimedById! } });
    const demo = await suite.h.db.user.findUniqueOrThrow({ where: { username: 'officer.zhicheng' } });
    // (The pool is every officer of the county, some made by other suites: give this one the demo password.)
    await suite.h.db.user.update({ where: { id: inspector.id }, data: { passwordHash: demo.passwordHash, mustChangePassword: false } });
    const token = await suite.api.login(inspector.username);
    const mine = await suite.api.call('GET', `/tasks?filter=${enc(JSON.stringify({ view: 'mine', campaignId: id }))}`, { token });
    expect(mine.body.map((t: { id: string }) => t.id)).toContain(first.id);
    // It stays with its two drawn inspectors: the second sees it too; it is not released back to the
    // station, and only the two are offered for it.
    const pair = result.drawn.find((d) => d.caseId === first.caseId)!.inspectors;
    const second = await suite.h.db.user.findUniqueOrThrow({ where: { id: pair[1]! } });
    await suite.h.db.user.update({ where: { id: second.id }, data: { passwordHash: demo.passwordHash, mustChangePassword: false } });
    expect((await suite.api.call('GET', `/tasks/${enc(first.id)}`, { token: await suite.api.login(second.username) })).status).toBe(200);
    expect((await suite.api.call('POST', `/tasks/${enc(first.id)}/release`, { token, body: {} })).status).toBe(409);
    const offered = await suite.api.call('GET', `/tasks/assignees?ids=${enc(first.id)}`, { token: suite.tokens['coord.changxing']! });
    expect(offered.body.map((u: { id: string }) => u.id).sort()).toEqual([...pair].sort());
    const done = await suite.api.call('POST', `/tasks/${enc(first.id)}/complete`, {
      token,
      body: { method: 'inspection', areas: SELF_CHECK_AREAS.map((a) => ({ key: a.key, finding: 'ok' })) },
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);

    // Every case's history, draw and all, replays against the current code.
    const histories = await Promise.all(
      OPERATORS.map(async (o) => ({ workflowId: `case-${id}:${o}`, history: await suite.h.env.client.workflow.getHandle(`case-${id}:${o}`).fetchHistory() })),
    );
    for await (const r of Worker.runReplayHistories({ workflowBundle: { codePath: inject('workflowBundlePath') } }, histories))
      expect(r.error, `${r.workflowId} replays`).toBeUndefined();
  });

  it('refuses to draw for a campaign that inspects every case', async () => {
    const id = await launch({});
    const r = await suite.api.call('POST', `/campaigns/${enc(id)}/inspection-draw`, { token: suite.tokens['coord.changxing']!, body: {} });
    expect(r.status).toBe(400);
    await waitFor(async () => (await suite.h.db.task.count({ where: { campaignId: id, type: 'inspection' } })) === 4, 'every case inspected');
  });
});
