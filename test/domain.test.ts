// Pure domain rules: the 统一社会信用代码 check character (GB 32100-2015) and campaign definition checks.
// No services (the unit tier, vitest.config.ts).
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../prisma/seed.js';
import type { PrismaClient } from '../prisma/db.js';
import { usccProblem } from '../domain/uscc.js';
import { defineCampaign } from '../domain/campaign-definition.js';
import { BUILT_IN, type StagedAwardSettings } from '../domain/programmes/index.js';
import { parseDeadline, parseStageStart } from '../domain/time.js';
import { meetsThreshold, toCenti, totalE4, totalPoints } from '../domain/scoring.js';
import { addDuration, parseDuration } from '../domain/duration.js';
import { eligibilityProblems, firstEligibleDay } from '../domain/register.js';

describe('统一社会信用代码', () => {
  it('accepts a valid code and says why others are invalid', () => {
    expect(usccProblem('91350100M000100Y43')).toBeUndefined(); // the standard's published example
    expect(usccProblem('91350100M000100Y44')).toBe('check');
    expect(usccProblem('91350100M000100Y4')).toBe('length');
    expect(usccProblem('91350100M000100I43')).toBe('charset'); // I, O, S, V, Z are not in the alphabet
    expect(usccProblem('9135A100M000100Y43')).toBe('division');
  });

  it('holds for every seeded operator', async () => {
    // The rows seedDemo writes, caught on their way to the database (no database in this tier).
    const rows: { id: string; uscc: string }[] = [];
    const tx = new Proxy(
      {},
      { get: (_, model) => ({ createMany: async ({ data }: { data: { id: string; uscc: string }[] }) => void (model === 'operator' && rows.push(...data)) }) },
    );
    await seedDemo({ jurisdiction: { count: async () => 0 }, $transaction: (fn: (t: unknown) => Promise<void>) => fn(tx) } as unknown as PrismaClient, 'x');
    const seeded = rows.filter((r) => /^op-(cx|zs)-/.test(r.id));
    expect(seeded.length).toBe(50);
    expect(seeded.filter((r) => usccProblem(r.uscc) !== undefined)).toEqual([]);
  });
});

describe('campaign definition', () => {
  it('places the programme calendar in the year, deadlines at end of day in Asia/Shanghai', () => {
    const r = defineCampaign(BUILT_IN.changxing, { year: 2024, jurisdictionId: '330522' });
    expect(r.problems).toEqual([]);
    const sc = r.definition!.stages.find((s) => s.key === 'self_check')!;
    // changxing notice 四(二): 2024-07-01..2024-07-31
    expect(new Date(sc.startsAt).toISOString()).toBe('2024-06-30T16:00:00.000Z');
    expect(new Date(sc.dueAt).toISOString()).toBe('2024-07-31T15:59:59.999Z');
    expect(r.definition!.reminderLeadMs).toBe(72 * 3600_000);
  });

  it('refuses unknown stages, impossible dates, reversed or overlapping stages', () => {
    const problems = (stages: { key: string; startsAt?: string; dueAt?: string }[]) =>
      defineCampaign(BUILT_IN.changxing, { year: 2024, jurisdictionId: '330522', stages }).problems.map((p) => p.messageEn);
    expect(problems([{ key: 'nope' }])).toEqual(['unknown stage "nope"']);
    expect(problems([{ key: 'self_check', dueAt: '2024-02-30' }])[0]).toMatch(/invalid deadline/);
    expect(problems([{ key: 'self_check', startsAt: '2024-07-20', dueAt: '2024-07-10' }])).toEqual(['stage "self_check": deadline must be after its start']);
    expect(problems([{ key: 'rectification', startsAt: '2024-07-15' }])).toEqual(['stage "rectification" must start after stage "self_check" is due']);
    expect(parseStageStart('2024-07-01T10:00')).toBeUndefined(); // no zone: ambiguous
    expect(parseDeadline('2024-07-01T10:00:00+08:00')).toBe(Date.parse('2024-07-01T02:00:00Z'));
  });
});

describe('scoring and settings (changxing 三、评定管理)', () => {
  it('computes totals from parts in integers: 84.99 is below 85, 85.00 is not', () => {
    const w = BUILT_IN.changxing.defaults.settings.weights.live_marketing!;
    const centi = (s: Record<string, number>) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, toCenti(v)!]));
    const at85 = totalE4(w, centi({ department: 85, third_party: 85, industry: 85, consumer: 85, social: 85 }));
    const below = totalE4(w, centi({ department: 85, third_party: 85, industry: 85, consumer: 85, social: 84.9 }));
    expect([at85, below]).toEqual([850_000, 849_900]);
    expect([meetsThreshold(at85, 85), meetsThreshold(below, 85)]).toEqual([true, false]);
    expect(totalPoints(849_990)).toBe(84.99); // display never rounds up across the line
    expect([toCenti(84.99), toCenti(84.999), toCenti(-1), toCenti(100.01)]).toEqual([8499, undefined, undefined, undefined]);
  });

  it('checks weights per track against the group shares, and the other settings', () => {
    const bad = defineCampaign(BUILT_IN.changxing, {
      year: 2024,
      jurisdictionId: '330522',
      settings: { weights: { community_group_buying: { industry: 20 } }, publicityDays: 0, maxRectificationRounds: 9 },
    });
    expect(bad.problems.map((p) => p.messageEn)).toEqual([
      'community_group_buying: industry + consumer + social must add up to 30, not 40',
      'publicityDays must be a whole number 1..60',
      'maxRectificationRounds must be 1..5',
    ]);
    const ok = defineCampaign(BUILT_IN.changxing, {
      year: 2024,
      jurisdictionId: '330522',
      settings: { weights: { community_group_buying: { department: 50, third_party: 20 } } },
    });
    expect((ok.definition!.settings as StagedAwardSettings).weights).toEqual({
      live_marketing: { department: 40, third_party: 30, industry: 10, consumer: 10, social: 10 },
      community_group_buying: { department: 50, third_party: 20, industry: 10, consumer: 10, social: 10 },
    });
  });

  it('adds validity periods in the Shanghai calendar', () => {
    const granted = Date.parse('2024-12-05T10:00:00+08:00');
    expect(new Date(addDuration(granted, parseDuration('P1Y')!)).toISOString()).toBe('2025-12-05T02:00:00.000Z');
    expect(new Date(addDuration(Date.parse('2024-02-29T09:00:00+08:00'), parseDuration('P1Y')!)).toISOString()).toBe('2025-02-28T01:00:00.000Z');
    expect(addDuration(granted, parseDuration('PT8S')!) - granted).toBe(8000);
    expect([parseDuration('P'), parseDuration('1Y'), parseDuration('PT'), parseDuration('P0D')]).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('Zhoushan eligibility (三、培育对象: 连续正常经营满一个会计年度)', () => {
  it('needs a whole calendar year behind the operator before the application date', () => {
    expect(firstEligibleDay('2023-03-01')).toBe('2025-01-01');
    expect(firstEligibleDay('2023-01-01')).toBe('2024-01-01');
    expect(firstEligibleDay('2023-12-31')).toBe('2025-01-01');
    const o = { name: '某直播间', registeredOn: '2023-03-01', abnormalListed: false, dishonestListed: false, inCity: true };
    expect(eligibilityProblems(o, '2024-12-31', '舟山市').map((p) => p.code)).toEqual(['too_recent']);
    expect(eligibilityProblems(o, '2025-01-01', '舟山市')).toEqual([]);
    expect(eligibilityProblems({ ...o, inCity: false, abnormalListed: true, dishonestListed: true }, '2026-01-01', '舟山市').map((p) => p.code)).toEqual([
      'outside_city',
      'abnormal_listed',
      'dishonest_listed',
    ]);
  });
});
