// Extending a stage (domain/calendar.ts): later stages move by the extension, gaps absorb it, dates a
// notice fixes are never moved and the refusal names the latest deadline allowed. Pure: no services used.
import { describe, expect, it } from 'vitest';
import { deadlineText, planExtension, type CalendarStage, type ExtensionPlan, type ExtensionRefusal } from '../domain/calendar.js';
import { defineCampaign } from '../domain/campaign-definition.js';
import { PROGRAMMES } from '../domain/programmes/index.js';
import { parseDeadline, parseStageStart, shanghaiDate } from '../domain/time.js';

/** The Changxing 2024 calendar of the notice (四、实施步骤), as a running campaign sees it. */
function changxing2024(open = 'self_check'): CalendarStage[] {
  const def = defineCampaign(PROGRAMMES.changxing!, { year: 2024, jurisdictionId: '330522' }).definition!;
  const at = def.stages.findIndex((s) => s.key === open);
  return def.stages.map((s, i) => ({
    key: s.key,
    name: s.name,
    nameEn: s.nameEn,
    status: i < at ? 'closed' : i === at ? 'open' : 'pending',
    startsAt: s.startsAt,
    dueAt: s.dueAt,
    ...(s.pinned ? { pinned: s.pinned } : {}),
  }));
}
const days = (plan: ExtensionPlan) => plan.calendar.map((s) => [s.key, `${shanghaiDate(s.to.startsAt)}..${shanghaiDate(s.to.dueAt)}`, s.moved]);
const planOf = (r: ReturnType<typeof planExtension>): ExtensionPlan => {
  if (!r.ok) throw new Error(`refused: ${r.refusal.messageEn}`);
  return r.plan;
};
const refusalOf = (r: ReturnType<typeof planExtension>): ExtensionRefusal => {
  if (r.ok) throw new Error('accepted');
  return r.refusal;
};
const stage = (key: string, start: string, due: string, extra: Partial<CalendarStage> = {}): CalendarStage => ({
  key,
  name: `阶段${key.toUpperCase()}`,
  nameEn: `Stage ${key.toUpperCase()}`,
  status: 'pending',
  startsAt: parseStageStart(start)!,
  dueAt: parseDeadline(due)!,
  ...extra,
});

describe('extending a stage', () => {
  it('moves every later stage (start and deadline) by the extension when the stages are back to back', () => {
    // 自查自纠 07-01..07-31 extended by ten days: 集中治理, 评价公示 and 总结提升 each start and end ten days later.
    const plan = planOf(planExtension(changxing2024(), 'self_check', parseDeadline('2024-08-10')!));
    expect(plan.shiftMs).toBe(10 * 86_400_000);
    expect(days(plan)).toEqual([
      ['mobilization', '2024-06-01..2024-06-30', false],
      ['self_check', '2024-07-01..2024-08-10', true],
      ['rectification', '2024-08-11..2024-10-10', true],
      ['evaluation', '2024-10-11..2024-12-10', true],
      ['summary', '2024-12-11..2025-01-09', true],
    ]);
    // Before is kept alongside after: the audit trail and the preview show both.
    expect(plan.calendar[2]!.from).toEqual({ startsAt: parseStageStart('2024-08-01'), dueAt: parseDeadline('2024-09-30') });
    // An intermediate stage that has not started yet moves the ones after it, not the ones before.
    const later = planOf(planExtension(changxing2024(), 'evaluation', parseDeadline('2024-12-05')!));
    expect(days(later).map(([k, d]) => `${k} ${d}`)).toEqual([
      'mobilization 2024-06-01..2024-06-30',
      'self_check 2024-07-01..2024-07-31',
      'rectification 2024-08-01..2024-09-30',
      'evaluation 2024-10-01..2024-12-05',
      'summary 2024-12-06..2025-01-04',
    ]);
  });

  it('lets a gap absorb an extension: nothing moves inside it, and only as far as the gap goes beyond it', () => {
    const cal = [
      stage('a', '2024-03-01', '2024-03-20', { status: 'open' }),
      stage('b', '2024-04-01', '2024-04-30'),
      stage('c', '2024-05-01', '2024-05-31'),
      stage('d', '2024-07-01', '2024-07-31'),
    ];
    // Inside the gap before b: only a moves.
    expect(days(planOf(planExtension(cal, 'a', parseDeadline('2024-03-25')!))).filter(([, , moved]) => moved)).toEqual([['a', '2024-03-01..2024-03-25', true]]);
    // Past b's start: b and c move by the twenty days; c's deadline then lands inside the month before d, which stays.
    expect(days(planOf(planExtension(cal, 'a', parseDeadline('2024-04-09')!)))).toEqual([
      ['a', '2024-03-01..2024-04-09', true],
      ['b', '2024-04-21..2024-05-20', true],
      ['c', '2024-05-21..2024-06-20', true],
      ['d', '2024-07-01..2024-07-31', false],
    ]);
  });

  it('refuses to move a pinned date, with the latest deadline allowed, in both languages and by name', () => {
    const clause = '某某公告（第三条）';
    const cal = changxing2024().map((s) => (s.key === 'evaluation' ? { ...s, pinned: { start: true, clause } } : s));
    // Back to back: any extension of 集中治理 reaches 评价公示, so its current deadline is the latest.
    const r = refusalOf(planExtension(cal, 'rectification', parseDeadline('2024-10-15')!));
    expect(r.kind).toBe('invalid');
    expect(r.latestDueAt).toBe(parseDeadline('2024-09-30'));
    expect(r.messageZh).toBe(`「集中治理」不能延期（最晚截止时间即当前的 2024-09-30）：「评价公示」的开始日期由${clause}确定，不能顺延`);
    expect(r.messageEn).toBe(
      `"Centralized rectification" cannot be extended (the latest deadline allowed is its current one, 2024-09-30): the start of "Evaluation and publicity" is fixed by ${clause} and cannot move`,
    );
    // The refusal holds for a stage further up whose extension would cascade down to the pin.
    expect(refusalOf(planExtension(cal, 'self_check', parseDeadline('2024-08-02')!)).messageZh).toContain('「自查自纠」不能延期');
    // Never the internal keys.
    expect(r.messageZh).not.toMatch(/[a-z_]{3,}/);
    expect(r.messageEn).not.toMatch(/self_check|"rectification"|"evaluation"|\(rectification\)/);

    // With a gap before the pinned stage, the latest allowed is the day before it starts.
    const gapped = [
      stage('a', '2024-03-01', '2024-03-20', { status: 'open' }),
      stage('b', '2024-03-21', '2024-03-31'),
      stage('c', '2024-04-11', '2024-04-30', { pinned: { due: true, clause } }),
    ];
    const g = refusalOf(planExtension(gapped, 'a', parseDeadline('2024-04-01')!));
    expect(g.latestDueAt).toBe(parseDeadline('2024-03-30'));
    expect(g.messageZh).toBe(`「阶段A」最晚只能延至 2024-03-30：「阶段C」的截止日期由${clause}确定，不能顺延`);
    expect(g.messageEn).toBe(`"Stage A" can be extended to 2024-03-30 at the latest: the deadline of "Stage C" is fixed by ${clause} and cannot move`);
    // …and up to that date it is allowed: b moves, the pinned c does not.
    expect(days(planOf(planExtension(gapped, 'a', parseDeadline('2024-03-30')!))).map(([k, d]) => `${k} ${d}`)).toEqual([
      'a 2024-03-01..2024-03-30',
      'b 2024-03-31..2024-04-10',
      'c 2024-04-11..2024-04-30',
    ]);
  });

  it('pins the Lijiang application window the public call fixes (申报时间为2023年8月23日至2025年8月23日)', () => {
    const def = defineCampaign(PROGRAMMES.lijiang!, { year: 2023, jurisdictionId: '530700' }).definition!;
    const w = def.stages[0]!;
    expect(w.pinned).toMatchObject({ start: true, due: true });
    const r = refusalOf(planExtension([{ ...w, status: 'open' }], 'intake', parseDeadline('2025-09-30')!));
    expect(r.latestDueAt).toBe(parseDeadline('2025-08-23'));
    expect(r.messageZh).toContain('「申报入库」的截止日期由丽江公告（申报时间为2023年8月23日至2025年8月23日）确定，不能延期');
    expect(r.messageEn).toContain('"Application window"');
    // Changxing and Zhoushan leave their calendars to the coordinator: nothing pinned.
    for (const p of ['changxing', 'zhoushan']) expect(PROGRAMMES[p]!.stages.filter((s) => s.pinned)).toEqual([]);
  });

  it('refuses an earlier deadline and a closed stage, by name, and a stage that is not there', () => {
    const cal = changxing2024('rectification');
    expect(refusalOf(planExtension(cal, 'rectification', parseDeadline('2024-09-29')!))).toMatchObject({
      kind: 'invalid',
      messageEn: 'the new deadline must be later than the current one of "Centralized rectification" (2024-09-30)',
    });
    expect(refusalOf(planExtension(cal, 'self_check', parseDeadline('2024-08-29')!))).toMatchObject({
      kind: 'conflict',
      messageZh: '「自查自纠」阶段已结束，不能延期',
    });
    expect(refusalOf(planExtension(cal, 'nope', parseDeadline('2024-08-29')!)).kind).toBe('not_found');
    expect(refusalOf(planExtension(cal, 'rectification', NaN)).kind).toBe('invalid');
    // A campaign is one year's run: one extension moves a deadline by a year at most.
    expect(planExtension(cal, 'rectification', parseDeadline('2025-10-01')!).ok).toBe(true);
    expect(refusalOf(planExtension(cal, 'rectification', parseDeadline('2025-10-02')!))).toMatchObject({
      kind: 'invalid',
      latestDueAt: parseDeadline('2025-10-01'),
      messageZh: '「集中治理」一次最多延期一年：最晚可延至 2025-10-01',
    });
  });

  it('writes a deadline as a date when it is the end of the day, with the time otherwise', () => {
    expect(deadlineText(parseDeadline('2024-09-30')!)).toBe('2024-09-30');
    expect(deadlineText(Date.parse('2024-09-30T18:00:00+08:00'))).toBe('2024-09-30 18:00');
  });
});
