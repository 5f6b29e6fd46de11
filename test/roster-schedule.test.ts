// A title's life after the award, on Temporal's time-skipping test server. Scheduled red and black
// lists (changxing 四、工作要求（三）: 红黑榜定期公示; README "Scheduled red and black lists"): a campaign set
// to publish quarterly is awarded; at the next quarter's start its red list is published by the schedule (the clock skipped there, not waited
// for); a title revoked meanwhile puts the operator on the black list and off the red one at the quarter
// after; a quarter with nothing new publishes nothing. The schedule's dates are pure and checked alone.
// And a complaint's interview: reminded before its due date, escalated to the coordinators when overdue and
// to the leaders a week later.
import { describe, expect, it } from 'vitest';
import { uniqueYear, waitFor } from './helpers.js';
import { apiSuite } from './helpers-api-suite.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { nextRosterDate } from '../domain/roster-schedule.js';

const suite = apiSuite(['coord.changxing', 'auditor.changxing', 'officer.zhicheng']);

const DAY = 86_400_000;
const MINUTE = 60_000;
const enc = encodeURIComponent;
const post = suite.post;

/** A Changxing campaign of op-cx-001 and op-cx-002, scored 90 and awarded: both hold a title. */
async function awarded(settings: object, reminderLeadHours = 0): Promise<string> {
  const launched = await post('coord.changxing', '/campaigns', {
    programme: 'changxing',
    year: await uniqueYear(suite.h.db),
    jurisdictionId: '330522',
    stages: calendarOpenAt('evaluation', 20 * DAY, 'changxing', await suite.h.now()),
    reminderLeadHours,
    operatorIds: ['op-cx-001', 'op-cx-002'],
    settings: { multiDimensionScorers: true, ...settings },
  });
  expect(launched.status, JSON.stringify(launched.body)).toBe(201);
  const id = launched.body.id as string;
  const scores = await waitFor(async () => {
    const t = await suite.h.db.task.findMany({ where: { campaignId: id, type: 'score' } });
    return t.length === 10 && t;
  }, 'score tasks');
  for (const t of scores) expect((await post('auditor.changxing', `/tasks/${enc(t.id)}/complete`, { score: 90 })).status).toBe(200);
  await waitFor(async () => (await suite.h.db.case.count({ where: { campaignId: id, proposed: true } })) === 2, 'both proposed');
  const windowEndsAt = (await suite.h.now()) + 2 * DAY;
  expect((await post('coord.changxing', `/campaigns/${enc(id)}/publicity`, { windowEndsAt: new Date(windowEndsAt).toISOString() })).status).toBe(201);
  await suite.h.skipTo(windowEndsAt);
  expect((await post('coord.changxing', `/campaigns/${enc(id)}/award`)).status).toBe(201);
  await waitFor(async () => (await suite.h.db.title.count({ where: { campaignId: id, status: 'active' } })) === 2, 'titles');
  return id;
}

describe('scheduled red and black lists', () => {
  it('dates each period from the calendar year, 09:00 in Shanghai', () => {
    const at = (iso: string) => Date.parse(iso);
    expect(new Date(nextRosterDate(at('2026-12-04T10:00:00+08:00'), 3)).toISOString()).toBe('2027-01-01T01:00:00.000Z');
    // Exactly at a period's start: the next one.
    expect(new Date(nextRosterDate(at('2027-01-01T09:00:00+08:00'), 3)).toISOString()).toBe('2027-04-01T01:00:00.000Z');
    // Just before 09:00 on its first day: that day.
    expect(new Date(nextRosterDate(at('2027-04-01T08:59:00+08:00'), 3)).toISOString()).toBe('2027-04-01T01:00:00.000Z');
    expect(new Date(nextRosterDate(at('2027-05-15T00:00:00+08:00'), 1)).toISOString()).toBe('2027-06-01T01:00:00.000Z');
    expect(new Date(nextRosterDate(at('2027-05-15T00:00:00+08:00'), 12)).toISOString()).toBe('2028-01-01T01:00:00.000Z');
    // Late on 31 December in Shanghai is already past New Year's Eve in UTC terms of the next year's start.
    expect(new Date(nextRosterDate(at('2027-12-31T23:00:00+08:00'), 6)).toISOString()).toBe('2028-01-01T01:00:00.000Z');
  });

  it('publishes the quarter’s lists when it begins, and only what has changed', async () => {
    const id = await awarded({ rosterPeriodMonths: 3 });
    expect(await suite.h.db.roster.count({ where: { campaignId: id, kind: { in: ['red', 'black'] } } })).toBe(0);

    // The next quarter begins: the red list is published by the schedule, as the system, for that day.
    const q1 = nextRosterDate(await suite.h.now(), 3);
    await suite.h.skipTo(q1 + MINUTE);
    const red1 = await waitFor(() => suite.h.db.roster.findFirst({ where: { campaignId: id, kind: 'red', seq: 1 } }), 'the scheduled red list');
    expect(red1.publishedById).toBeNull();
    expect((red1.entries as unknown[]).length).toBe(2);
    const entry = await suite.h.db.auditEvent.findFirstOrThrow({ where: { entityId: red1.id, action: 'roster.published' } });
    expect(entry).toMatchObject({
      actorRole: 'system',
      clause: expect.stringContaining('红黑榜'),
      data: { kind: 'red', entries: 2, scheduled: true, scheduledFor: new Date(q1).toISOString() },
    });
    // No black list: nothing on it yet.
    expect(await suite.h.db.roster.count({ where: { campaignId: id, kind: 'black' } })).toBe(0);

    // A title revoked (三、（6）): at the quarter after, the black list holds it and the red list no longer does.
    const revoked = await post('officer.zhicheng', `/titles/${enc(`${id}:op-cx-001`)}/revoke`, {
      ground: 'listed_dishonest',
      evidence: '列入严重违法失信名单',
    });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    const q2 = nextRosterDate(q1, 3);
    await suite.h.skipTo(q2 + MINUTE);
    const black1 = await waitFor(() => suite.h.db.roster.findFirst({ where: { campaignId: id, kind: 'black', seq: 1 } }), 'the scheduled black list');
    expect((black1.entries as { caseId: string }[]).map((e) => e.caseId)).toEqual([`${id}:op-cx-001`]);
    const red2 = await waitFor(() => suite.h.db.roster.findFirst({ where: { campaignId: id, kind: 'red', seq: 2 } }), 'the red list without it');
    expect((red2.entries as { caseId: string }[]).map((e) => e.caseId)).toEqual([`${id}:op-cx-002`]);

    // Nothing new by the next quarter: nothing published.
    const q3 = nextRosterDate(q2, 3);
    await suite.h.skipTo(q3 + MINUTE);
    await waitFor(async () => {
      const history = await suite.h.env.client.workflow.getHandle(`roster-schedule-${id}`).fetchHistory();
      return history.events!.filter((e) => e.activityTaskCompletedEventAttributes).length === 3;
    }, 'the third quarter’s run');
    expect(await suite.h.db.roster.count({ where: { campaignId: id, kind: { in: ['red', 'black'] } } })).toBe(3);
  });

  it('reminds the holder of a title’s interview before it is due, then escalates it to the coordinators and, a week on, the leaders', async () => {
    const id = await awarded({}, 24);
    const complaint = await post('officer.zhicheng', `/titles/${enc(`${id}:op-cx-001`)}/complaints`, {
      kind: 'complaint',
      description: '消费者投诉售后不到位',
    });
    expect(complaint.status, JSON.stringify(complaint.body)).toBe(201);
    const task = await suite.h.db.task.findUniqueOrThrow({ where: { id: complaint.body.id } });
    const entries = (action: string) => suite.h.db.auditEvent.findMany({ where: { entityId: task.id, action }, orderBy: { at: 'asc' } });
    // A day before it is due (the campaign's reminder lead): its holders are reminded.
    await suite.h.skipTo(task.dueAt.getTime() - 24 * 3_600_000 + MINUTE);
    await waitFor(async () => (await entries('task.due_reminder')).length === 1, 'the reminder');
    expect(await suite.h.db.notification.count({ where: { taskId: task.id, kind: 'reminder', recipientRole: 'county_officer' } })).toBe(1);
    expect(await entries('task.escalated')).toHaveLength(0);
    // Due and still open: overdue, and the county's coordinators are told.
    await suite.h.skipTo(task.dueAt.getTime() + MINUTE);
    await waitFor(async () => (await entries('task.escalated')).length === 1, 'the escalation to the coordinators');
    expect((await entries('task.escalated'))[0]!.data).toMatchObject({ to: 'coordinator', jurisdictionId: '330522' });
    expect(
      await suite.h.db.notification.count({ where: { taskId: task.id, kind: 'escalation', recipientRole: 'coordinator', jurisdictionId: '330522' } }),
    ).toBe(1);
    // A week on, still open: the leaders above.
    await suite.h.skipTo(task.dueAt.getTime() + 7 * DAY + MINUTE);
    await waitFor(async () => (await entries('task.escalated')).length === 2, 'the escalation to the leaders');
    expect((await entries('task.escalated'))[1]!.data).toMatchObject({ to: 'leader', jurisdictionId: '330522' });
  });
});
