// Pure domain rules: the 统一社会信用代码 check character (GB 32100-2015) and campaign definition checks.
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { usccProblem } from '../domain/uscc.js';
import { defineCampaign } from '../domain/campaign-definition.js';
import { PROGRAMMES } from '../domain/programmes/index.js';
import { parseDeadline, parseStageStart } from '../domain/time.js';

describe('统一社会信用代码', () => {
  it('accepts a valid code and says why others are invalid', () => {
    expect(usccProblem('91350100M000100Y43')).toBeUndefined(); // the standard's published example
    expect(usccProblem('91350100M000100Y44')).toBe('check');
    expect(usccProblem('91350100M000100Y4')).toBe('length');
    expect(usccProblem('91350100M000100I43')).toBe('charset'); // I, O, S, V, Z are not in the alphabet
    expect(usccProblem('9135A100M000100Y43')).toBe('division');
  });

  it('holds for every seeded operator', async () => {
    const client = new pg.Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    const { rows } = await client.query(`SELECT uscc FROM operator WHERE id LIKE 'op-%'`);
    await client.end();
    expect(rows.length).toBe(50);
    expect(rows.filter((r) => usccProblem(r.uscc) !== undefined)).toEqual([]);
  });
});

describe('campaign definition', () => {
  it('places the programme calendar in the year, deadlines at end of day in Asia/Shanghai', () => {
    const r = defineCampaign(PROGRAMMES.changxing!, { year: 2024, jurisdictionId: '330522' });
    expect(r.problems).toEqual([]);
    const sc = r.definition!.stages.find((s) => s.key === 'self_check')!;
    // changxing notice 四(二): 2024-07-01..2024-07-31
    expect(new Date(sc.startsAt).toISOString()).toBe('2024-06-30T16:00:00.000Z');
    expect(new Date(sc.dueAt).toISOString()).toBe('2024-07-31T15:59:59.999Z');
    expect(r.definition!.reminderLeadMs).toBe(72 * 3600_000);
  });

  it('refuses unknown stages, impossible dates, reversed or overlapping stages', () => {
    const problems = (stages: { key: string; startsAt?: string; dueAt?: string }[]) => defineCampaign(PROGRAMMES.changxing!, { year: 2024, jurisdictionId: '330522', stages }).problems.map((p) => p.messageEn);
    expect(problems([{ key: 'nope' }])).toEqual(['unknown stage "nope"']);
    expect(problems([{ key: 'self_check', dueAt: '2024-02-30' }])[0]).toMatch(/invalid deadline/);
    expect(problems([{ key: 'self_check', startsAt: '2024-07-20', dueAt: '2024-07-10' }])).toEqual(['stage "self_check": deadline must be after its start']);
    expect(problems([{ key: 'rectification', startsAt: '2024-07-15' }])).toEqual(['stage "rectification" must start after stage "self_check" is due']);
    expect(parseStageStart('2024-07-01T10:00')).toBeUndefined(); // no zone: ambiguous
    expect(parseDeadline('2024-07-01T10:00:00+08:00')).toBe(Date.parse('2024-07-01T02:00:00Z'));
  });
});
