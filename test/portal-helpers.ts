// The operators' portal in tests: a Changxing campaign of 长兴县 (330522) with two operators of its own,
// registered for the test at 雉城所 (330522001), their self-check stage open for ten minutes (ninety days on
// the time-skipping test server, longer than its tests skip); each operator invited by officer.zhicheng
// and activated through the API (unless asked not to). The suites of the portal (accounts, the self-check
// by the operator, the browser flows) build on this.
import { randomInt, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { uniqueYear, waitFor, type Harness } from './helpers.js';
import type { Api } from './api-helpers.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { clockOf, quietMs } from './helpers-time.js';
import { demoUscc } from '../prisma/seed.js';

/** Staff of the demo seed, all with the demo password. */
export const OFFICER = 'officer.zhicheng';
export const COORDINATOR = 'coord.changxing';

export interface PortalOperator {
  id: string;
  uscc: string;
  name: string;
  /** Its case in the campaign. */
  caseId: string;
  /** Set when activated: its password, and a session token from signing in with the USCC. */
  password?: string;
  token?: string;
}

export interface PortalSetup {
  campaignId: string;
  year: number;
  /** Operator A and operator B, both at 雉城所. */
  a: PortalOperator;
  b: PortalOperator;
  /** Staff tokens by username (officer.zhicheng, coord.changxing). */
  staff: Record<string, string>;
}

/** A password the rules accept, different every call. */
export const goodPassword = () => `Portal-${randomUUID().slice(0, 8)}-ok`;

/** Invites an operator as `inviterToken` (officer.zhicheng by default); the one-time code and the rest of the answer. */
export async function invite(api: Api, token: string, operatorId: string) {
  const r = await api.call('POST', `/operators/${encodeURIComponent(operatorId)}/invitations`, { token, body: {} });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; code: string; expiresAt: string; uscc: string; operatorName: string; portalUrl: string };
}

/** Activates with the code and signs in with the USCC: the operator's token. */
export async function activate(api: Api, o: PortalOperator, code: string, password = goodPassword()): Promise<PortalOperator> {
  const r = await api.call('POST', '/portal/activate', { body: { uscc: o.uscc, code, password } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  o.password = password;
  o.token = await api.login(o.uscc, password);
  return o;
}

/**
 * Registers two operators, launches a Changxing campaign for them with `openStage` open (default
 * self_check) and waits for their cases; invites and activates those in `activate` (default both).
 */
export async function portalSetup(h: Harness, api: Api, opts: { openStage?: string; activate?: ('a' | 'b')[] } = {}): Promise<PortalSetup> {
  const staff: Record<string, string> = {};
  for (const u of [OFFICER, COORDINATOR]) staff[u] = await api.login(u);
  const year = await uniqueYear(h.db);
  const ops: PortalOperator[] = [];
  for (const label of ['甲', '乙']) {
    // A USCC of the test's own: the shared database keeps every earlier run's operators.
    const uscc = demoUscc('330522', randomInt(200_000, 2_000_000));
    const name = `门户测试${label}商贸${year}`;
    const r = await api.call('POST', '/operators', {
      token: staff[OFFICER],
      body: { name, uscc, kind: 'enterprise', jurisdictionId: '330522001', registeredOn: '2019-03-01', track: 'live_marketing' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ops.push({ id: r.body.id, uscc, name, caseId: '' });
  }
  const launched = await api.call('POST', '/campaigns', {
    token: staff[COORDINATOR],
    body: {
      programme: 'changxing',
      year,
      jurisdictionId: '330522',
      stages: calendarOpenAt(opts.openStage ?? 'self_check', quietMs(h), 'changxing', await clockOf(h)),
      reminderLeadHours: 0,
      operatorIds: ops.map((o) => o.id),
      // One auditor scores every dimension in these tests (evaluation groups: test/evaluation-groups.test.ts).
      settings: { multiDimensionScorers: true },
    },
  });
  expect(launched.status, JSON.stringify(launched.body)).toBe(201);
  const campaignId = launched.body.id as string;
  for (const o of ops) o.caseId = `${campaignId}:${o.id}`;
  await waitFor(async () => (await h.db.case.count({ where: { id: { in: ops.map((o) => o.caseId) } } })) === 2, 'the two cases');
  const [a, b] = ops as [PortalOperator, PortalOperator];
  for (const key of opts.activate ?? ['a', 'b']) {
    const o = key === 'a' ? a : b;
    await activate(api, o, (await invite(api, staff[OFFICER]!, o.id)).code);
  }
  return { campaignId, year, a, b, staff };
}
