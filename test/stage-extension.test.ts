// Extending an intermediate stage of a running campaign (README "Extending a stage"), through the API and
// the campaign workflow: the preview shows the new calendar, the extension moves every later stage it
// reaches and the open tasks due with them, the stage loop opens a moved stage at its new start, and a
// pinned date is refused with the latest deadline allowed, in Chinese and English, by the stage's name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { startApi, type Api } from './api-helpers.js';
import { launch } from './helpers-campaign.js';
import { defineCampaign } from '../domain/campaign-definition.js';
import { deadlineText } from '../domain/calendar.js';
import { PROGRAMMES } from '../domain/programmes/index.js';
import { campaignProgressQuery } from '../workflows/messages.js';

let h: Harness;
let api: Api;
let coordinator: string;
beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h);
  coordinator = await api.login('coord.changxing');
});
afterAll(async () => {
  await api?.close();
  await h?.stop();
});

const iso = (ms: number) => new Date(ms).toISOString();
const PIN_CLAUSE = '测试通知（第五条）';

describe('extending an intermediate stage', () => {
  it('moves the later stages and their open tasks, opens them at their new start, and refuses to move a pinned date', async () => {
    // 自查自纠 open for fifteen seconds, 集中治理 and 评价公示 back to back after it; 总结提升 ten minutes later,
    // its start pinned (as if a notice fixed it).
    const t0 = Date.now();
    const at = {
      mob: [t0 - 4000, t0 - 3000],
      sc: [t0 - 500, t0 + 15_000],
      rect: [t0 + 15_001, t0 + 25_000],
      ev: [t0 + 25_001, t0 + 35_000],
      sum: [t0 + 635_000, t0 + 645_000],
    };
    const keys = ['mobilization', 'self_check', 'rectification', 'evaluation', 'summary'] as const;
    const spans = [at.mob, at.sc, at.rect, at.ev, at.sum];
    const year = await uniqueYear(h.db);
    const defined = defineCampaign(PROGRAMMES.changxing!, {
      year,
      jurisdictionId: '330522',
      reminderLeadHours: 0,
      stages: keys.map((key, i) => ({ key, startsAt: iso(spans[i]![0]!), dueAt: iso(spans[i]![1]!) })),
    });
    const def = defined.definition!;
    def.stages[4]!.pinned = { start: true, clause: PIN_CLAUSE };
    const { workflowId } = await launch(h.env.client, h.db, h.taskQueue, def, ['op-cx-001', 'op-cx-002']);
    const handle = h.env.client.workflow.getHandle(workflowId);
    const tasks = await waitFor(async () => {
      const t = await h.db.task.findMany({ where: { campaignId: def.campaignId, type: 'self_check' } });
      return t.length === 2 && t;
    }, 'self-check tasks');
    const path = `/campaigns/${def.campaignId}/stages/self_check`;
    const SHIFT = 2000;
    const newDue = at.sc[1]! + SHIFT;

    // The preview: old → new for every stage, the open tasks that move; nothing changes yet.
    const preview = await api.call('POST', `${path}/extension-preview`, { token: coordinator, body: { dueAt: iso(newDue) } });
    expect(preview.status).toBe(200);
    expect(preview.body.shiftMs).toBe(SHIFT);
    expect(
      preview.body.stages.map((s: { key: string; moved: boolean; openTasks: number; to: { startsAt: string; dueAt: string } }) => [
        s.key,
        s.moved,
        s.openTasks,
        Date.parse(s.to.startsAt),
        Date.parse(s.to.dueAt),
      ]),
    ).toEqual([
      ['mobilization', false, 0, at.mob[0], at.mob[1]],
      ['self_check', true, 2, at.sc[0], newDue],
      ['rectification', true, 0, at.rect[0]! + SHIFT, at.rect[1]! + SHIFT],
      ['evaluation', true, 0, at.ev[0]! + SHIFT, at.ev[1]! + SHIFT],
      ['summary', false, 0, at.sum[0], at.sum[1]],
    ]);
    expect(preview.body.stages[2].name).toBe('集中治理');
    expect((await h.db.stage.findUniqueOrThrow({ where: { id: `${def.campaignId}:rectification` } })).startsAt.getTime()).toBe(at.rect[0]);

    // Far enough to reach 总结提升: refused, by the preview and by the workflow alike, with the latest deadline
    // that leaves its pinned start where it is (the ten-minute gap before it, less a millisecond).
    const latest = deadlineText(at.sc[1]! + (at.sum[0]! - at.ev[1]!) - 1);
    const tooFar = { dueAt: iso(at.sc[1]! + 20 * 60_000), reason: '顺延' };
    for (const r of [
      await api.call('POST', `${path}/extension-preview`, { token: coordinator, body: { dueAt: tooFar.dueAt } }),
      await api.call('POST', `${path}/extend`, { token: coordinator, body: tooFar }),
    ]) {
      expect(r.status).toBe(400);
      expect(r.body.messageZh).toBe(`「自查自纠」最晚只能延至 ${latest}：「总结提升」的开始日期由${PIN_CLAUSE}确定，不能顺延`);
      expect(r.body.messageEn).toBe(
        `"Self-check" can be extended to ${latest} at the latest: the start of "Summary" is fixed by ${PIN_CLAUSE} and cannot move`,
      );
    }
    expect(await h.db.auditEvent.count({ where: { campaignId: def.campaignId, action: 'stage.extended' } })).toBe(0);

    // The extension: later stages move in the workflow and in the projection, the open tasks with their stage.
    const extended = await api.call('POST', `${path}/extend`, { token: coordinator, body: { dueAt: iso(newDue), reason: '节假日顺延' } });
    expect(extended.status).toBe(200);
    const progress = await handle.query(campaignProgressQuery);
    expect(progress.stages.map((s) => [s.key, s.status, s.startsAt, s.dueAt])).toEqual([
      ['mobilization', 'closed', at.mob[0], at.mob[1]],
      ['self_check', 'open', at.sc[0], newDue],
      ['rectification', 'pending', at.rect[0]! + SHIFT, at.rect[1]! + SHIFT],
      ['evaluation', 'pending', at.ev[0]! + SHIFT, at.ev[1]! + SHIFT],
      ['summary', 'pending', at.sum[0], at.sum[1]],
    ]);
    const rows = await h.db.stage.findMany({ where: { campaignId: def.campaignId }, orderBy: { seq: 'asc' } });
    expect(rows.map((s) => [s.key, s.startsAt.getTime(), s.dueAt.getTime()])).toEqual(progress.stages.map((s) => [s.key, s.startsAt, s.dueAt]));
    expect((await h.db.task.findMany({ where: { id: { in: tasks.map((t) => t.id) } } })).map((t) => t.dueAt.getTime())).toEqual([newDue, newDue]);

    // Audited with the notice clause and the whole calendar before and after; each moved stage records its move.
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { campaignId: def.campaignId, action: 'stage.extended' } });
    expect(audit).toMatchObject({ clause: PROGRAMMES.changxing!.clauses.deadline, reason: '节假日顺延', actorId: 'u-coord-changxing' });
    const data = audit.data as {
      shiftMs: number;
      tasksMoved: Record<string, number>;
      calendar: { key: string; from: { startsAt: number }; to: { startsAt: number }; moved: boolean }[];
    };
    expect(data.shiftMs).toBe(SHIFT);
    expect(data.tasksMoved).toMatchObject({ self_check: 2 });
    expect(data.calendar.map((s) => [s.key, s.from.startsAt, s.to.startsAt, s.moved])).toEqual([
      ['mobilization', at.mob[0], at.mob[0], false],
      ['self_check', at.sc[0], at.sc[0], true],
      ['rectification', at.rect[0], at.rect[0]! + SHIFT, true],
      ['evaluation', at.ev[0], at.ev[0]! + SHIFT, true],
      ['summary', at.sum[0], at.sum[0], false],
    ]);
    const moved = await h.db.auditEvent.findMany({ where: { campaignId: def.campaignId, action: 'stage.moved' }, orderBy: { id: 'asc' } });
    expect(moved.map((e) => [e.entityId, e.clause])).toEqual([
      [`${def.campaignId}:rectification`, PROGRAMMES.changxing!.clauses.deadline],
      [`${def.campaignId}:evaluation`, PROGRAMMES.changxing!.clauses.deadline],
    ]);

    // Closed early now, 自查自纠 hands over to 集中治理 at its new start, not the old one; its inspection
    // tasks are due at its new deadline.
    expect((await api.call('POST', `${path}/close`, { token: coordinator, body: { reason: '自查已完成' } })).status).toBe(200);
    const rect = await waitFor(async () => {
      const s = await h.db.stage.findUniqueOrThrow({ where: { id: `${def.campaignId}:rectification` } });
      return s.status === 'open' && s;
    }, 'rectification open at its new start');
    expect(rect.openedAt!.getTime()).toBeGreaterThanOrEqual(at.rect[0]! + SHIFT);
    const inspections = await waitFor(async () => {
      const t = await h.db.task.findMany({ where: { campaignId: def.campaignId, type: 'inspection' } });
      return t.length === 2 && t;
    }, 'inspection tasks');
    expect(inspections.map((t) => t.dueAt.getTime())).toEqual([at.rect[1]! + SHIFT, at.rect[1]! + SHIFT]);
    await handle.terminate('test done');
  });
});
