// Every change of state is written to the audit trail (README "Audit"), also when two changes fall in the
// same millisecond: the clock is frozen here, so every request below runs at the very same instant.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from './helpers.js';
import { startApi, type Api } from './api-helpers.js';

let h: Harness;
let api: Api;
const tokens: Record<string, string> = {};
/** 古城区 (Lijiang): no other suite sets a webhook here. */
const J = '530702';
beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h);
  for (const u of ['admin.lijiang', 'officer.gucheng']) tokens[u] = await api.login(u);
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  await api?.close();
  await h?.stop();
});

/** Stops the clock of this process (the API runs in it): every `new Date()` is now the same millisecond. */
function freezeClock(): Date {
  const at = new Date(Math.floor(Date.now() / 1000) * 1000 + 1234);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
  return at;
}

describe('two changes in one millisecond', () => {
  it('sets and removes a webhook twice, each change audited with its own entry', async () => {
    const as = { token: tokens['admin.lijiang'] };
    // Disabled: nothing of the subtree is delivered to it meanwhile.
    const body = { url: 'http://127.0.0.1:9/audit-keys', secret: 'audit-keys-secret-0123', enabled: false };
    const at = freezeClock();
    const statuses: number[] = [];
    for (const step of ['PUT', 'PUT', 'DELETE', 'PUT', 'DELETE'])
      statuses.push((await api.call(step, `/jurisdictions/${J}/webhook`, { ...as, ...(step === 'PUT' ? { body } : {}) })).status);
    expect(statuses).toEqual([200, 200, 204, 200, 204]);
    const events = await h.db.auditEvent.findMany({ where: { entityType: 'jurisdiction', entityId: J, at }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['webhook.set', 'webhook.set', 'webhook.removed', 'webhook.set', 'webhook.removed']);
    expect(new Set(events.map((e) => e.key)).size).toBe(5);
  });

  it('updates an operator twice, both changes audited', async () => {
    const op = await h.db.operator.findFirstOrThrow({ where: { jurisdictionId: J }, orderBy: { id: 'asc' } });
    const at = freezeClock();
    for (let i = 0; i < 2; i++) {
      // The same name again: a change request like any other, nothing else in the register moves.
      const r = await api.call('PUT', `/operators/${op.id}`, { token: tokens['officer.gucheng'], body: { name: op.name } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const events = await h.db.auditEvent.findMany({ where: { entityType: 'operator', entityId: op.id, action: 'operator.updated', at } });
    expect(events).toHaveLength(2);
  });
});
