// A Changxing 公示 in progress, for the public pages' suites (test/public-objections.test.ts,
// test/browser-public.test.ts): two cases scored 90 (op-cx-001 at 雉城所, op-cx-002 at 太湖所), both
// proposed, the list published until `windowMs` from now. The evaluation stage stays open half an hour,
// so nothing else happens to the campaign meanwhile.
import { expect } from 'vitest';
import { uniqueYear, waitFor, type Harness } from './helpers.js';
import type { Api } from './api-helpers.js';
import { calendarOpenAt } from './helpers-campaign.js';

export interface Publicity {
  campaignId: string;
  year: number;
  rosterId: string;
  windowEndsAt: number;
  /** The cases of op-cx-001 (the list's 序号 1 or 2: the order is by score, then case id) and op-cx-002. */
  cases: string[];
}

export async function changxingInPublicity(h: Harness, call: Api['call'], coord: string, auditor: string, windowMs: number): Promise<Publicity> {
  const year = await uniqueYear(h.db);
  const launched = await call('POST', '/campaigns', {
    token: coord,
    body: {
      programme: 'changxing',
      year,
      jurisdictionId: '330522',
      stages: calendarOpenAt('evaluation', 30 * 60_000, 'changxing', Date.now()),
      reminderLeadHours: 0,
      operatorIds: ['op-cx-001', 'op-cx-002'],
      // One auditor scores every dimension in these tests (evaluation groups: test/evaluation-groups.test.ts).
      settings: { multiDimensionScorers: true },
    },
  });
  expect(launched.status, JSON.stringify(launched.body)).toBe(201);
  const campaignId = launched.body.id as string;
  const scores = await waitFor(async () => {
    const t = await h.db.task.findMany({ where: { campaignId, type: 'score' }, orderBy: { id: 'asc' } });
    return t.length === 10 && t;
  }, 'score tasks');
  for (const t of scores) expect((await call('POST', `/tasks/${encodeURIComponent(t.id)}/complete`, { token: auditor, body: { score: 90 } })).status).toBe(200);
  await waitFor(async () => (await h.db.case.count({ where: { campaignId, proposed: true } })) === 2, 'totals');
  const windowEndsAt = Date.now() + windowMs;
  const pub = await call('POST', `/campaigns/${encodeURIComponent(campaignId)}/publicity`, {
    token: coord,
    body: { windowEndsAt: new Date(windowEndsAt).toISOString() },
  });
  expect(pub.status, JSON.stringify(pub.body)).toBe(201);
  return { campaignId, year, rosterId: pub.body.id, windowEndsAt, cases: [`${campaignId}:op-cx-001`, `${campaignId}:op-cx-002`] };
}

/** A file's bytes as the form sends them. */
export const base64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');
/** The smallest valid PNG's signature and header: file-type tells it by these bytes. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
