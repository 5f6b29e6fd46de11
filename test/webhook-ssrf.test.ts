// The SSRF guard of outgoing webhooks (activities/webhook-target.ts; OWASP SSRF Prevention Cheat Sheet): a
// URL that is, or resolves to, an inward address is refused when saved (400 on `url`, nothing changed) and
// again at delivery, where DNS may answer differently (refused, not retried, nothing sent); the delivery
// connects to the address it checked, and a redirect is not followed. This file sets WEBHOOK_ALLOW_HOSTS
// itself (the other suites allow 127.0.0.1 for their receivers, vitest.config.ts). It works on 嵊泗县's
// webhook (330922), which no other suite sets, and removes it after each test.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from './helpers.js';
import { startApi, type Api } from './api-helpers.js';
import { dispatchDeliveries, insertNotifications, webhookWorkflowId } from '../activities/notify.js';

// Names under .ssrf.test resolve as this table says: a DNS the test can change between the save and the
// delivery (a rebinding name). Every lookup of such a name is logged. Other names resolve as usual.
const dns = vi.hoisted(() => ({ table: new Map<string, string>(), lookups: [] as string[] }));
vi.mock('node:dns/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:dns/promises')>();
  const lookup = (async (host: string, opts?: { all?: boolean }) => {
    if (!host.endsWith('.ssrf.test')) return real.lookup(host, opts as never);
    dns.lookups.push(host);
    const address = dns.table.get(host);
    if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    const family = address.includes(':') ? 6 : 4;
    return opts?.all ? [{ address, family }] : { address, family };
  }) as typeof real.lookup;
  return { ...real, lookup, default: { ...real, lookup } };
});

const J = '330922';
const SECRET = 'shengsi-bureau-secret-0001';
const PUBLIC = '93.184.215.14';

/** A receiver on loopback: records each request's delivery id; `answer` writes the response. */
async function receiver(answer: (res: import('node:http').ServerResponse) => void = (res) => res.end()) {
  const got: string[] = [];
  const server: Server = createServer(async (req, res) => {
    for await (const _ of req);
    got.push(String(req.headers['x-campaign-delivery'] ?? req.url));
    answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { got, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let h: Harness;
let api: Api;
let token: string;
const put = (url: string) => api.call('PUT', `/jurisdictions/${J}/webhook`, { token, body: { url, secret: SECRET, enabled: true } });

/** A notification in 嵊泗县 and its delivery to the county's webhook, run by this file's worker: the delivery. */
async function deliverOne(tag: string) {
  const keys = await h.db.$transaction((tx) =>
    insertNotifications(tx, [
      { key: `ssrf-test:${tag}:${Date.now()}`, kind: 'decision', recipientRole: 'coordinator', jurisdictionId: J, title: '测试 / test', body: 'SSRF' },
    ]),
  );
  const n = await h.db.notification.findFirstOrThrow({ where: { key: keys[0] } });
  const deliveryId = `${n.id}:${J}`;
  expect(await dispatchDeliveries(h.db, { client: h.env.client, taskQueue: h.taskQueue }, keys)).toBe(1);
  const result = await h.env.client.workflow.getHandle(webhookWorkflowId(deliveryId)).result();
  return { result, delivery: await h.db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } }) };
}

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h);
  token = await api.login('coord.shengsi');
});
afterEach(async () => {
  await h.db.webhook.deleteMany({ where: { jurisdictionId: J } });
  dns.table.clear();
});
afterAll(async () => {
  await api?.close();
  await h?.stop();
});

describe('webhooks and SSRF', () => {
  it('refuses every spelling of an inward address on save with 400 on url, and changes nothing; WEBHOOK_ALLOW_HOSTS admits a named host', async () => {
    process.env.WEBHOOK_ALLOW_HOSTS = '';
    dns.table.set('hooks.ssrf.test', PUBLIC);
    dns.table.set('inward.ssrf.test', '10.20.30.40');
    dns.table.set('metadata.ssrf.test', '169.254.169.254');
    dns.table.set('mapped.ssrf.test', '::ffff:192.168.1.1');
    expect((await put('https://hooks.ssrf.test/campaign')).status).toBe(200);
    const before = await h.db.webhook.findUniqueOrThrow({ where: { jurisdictionId: J } });
    const audits = () => h.db.auditEvent.count({ where: { entityId: J, action: 'webhook.set' } });
    const auditsBefore = await audits();

    const inward = [
      'http://127.0.0.1:8080/hook',
      'http://127.1/hook', // WHATWG URL reads these four as 127.0.0.1
      'http://2130706433/hook',
      'http://0x7f000001/hook',
      'http://0177.0.0.1/hook',
      'http://[::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://[::127.0.0.1]/hook', // IPv4-compatible
      'http://[64:ff9b::127.0.0.1]/hook', // NAT64
      'http://localhost:3000/hook',
      'http://LocalHost./hook',
      'http://api.localhost/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.8/hook',
      'http://172.31.255.1/hook',
      'https://192.168.0.10/hook',
      'http://100.64.1.1/hook',
      'http://[fd12:3456::1]/hook',
      'http://[fe80::1]/hook',
      'http://0.0.0.0/hook',
      'http://0/hook',
      'http://[::]/hook',
      'http://224.0.0.251/hook',
      'http://[ff02::1]/hook',
      'https://inward.ssrf.test/hook', // names that resolve inward
      'https://metadata.ssrf.test/hook',
      'https://mapped.ssrf.test/hook',
    ];
    for (const url of inward) {
      const r = await put(url);
      expect(r.status, url).toBe(400);
      expect(r.body.fields, url).toEqual([
        expect.objectContaining({
          path: 'url',
          messageZh: expect.stringContaining('推送接口只能指向外部地址'),
          messageEn: expect.stringContaining('a webhook may only reach outside addresses'),
        }),
      ]);
      expect(r.body.messageZh, url).toMatch(/^推送地址不可用/);
    }
    expect((await put('http://127.1/hook')).body.fields[0].messageEn).toContain('127.0.0.1 is a loopback address');
    expect((await put('http://169.254.169.254/')).body.fields[0].messageZh).toContain('云主机元数据');
    const refusal = (await put('https://inward.ssrf.test/hook')).body.fields[0];
    expect(refusal.messageEn).toContain('inward.ssrf.test resolves to an address that is a private address');
    expect(JSON.stringify(refusal)).not.toContain('10.20.30.40'); // the internal DNS is not mapped back to the caller
    expect(await h.db.webhook.findUniqueOrThrow({ where: { jurisdictionId: J } })).toEqual(before);
    expect(await audits()).toBe(auditsBefore);

    // An in-house receiver named by the operator is admitted; other inward hosts still are not.
    process.env.WEBHOOK_ALLOW_HOSTS = 'inward.ssrf.test';
    expect((await put('https://inward.ssrf.test/hook')).status).toBe(200);
    expect((await put('http://10.20.30.40/hook')).status).toBe(400);
  });

  it('checks again at delivery: a name now resolving to loopback, or a row changed to 127.0.0.1, is refused, not retried, and nothing is sent', async () => {
    process.env.WEBHOOK_ALLOW_HOSTS = '';
    const hook = await receiver();
    try {
      // Saved while the name pointed outside; by delivery time it points at the worker's own loopback.
      dns.table.set('rebind.ssrf.test', PUBLIC);
      expect((await put(`http://rebind.ssrf.test:${hook.port}/hook`)).status).toBe(200);
      dns.table.set('rebind.ssrf.test', '127.0.0.1');
      const rebound = await deliverOne('rebind');
      expect(rebound.result).toEqual({ delivered: false });
      expect(rebound.delivery).toMatchObject({ status: 'failed', attempts: 1, lastStatus: null });
      expect(rebound.delivery.lastError).toContain('rebind.ssrf.test resolves to an address that is a loopback address');

      // The row changed behind the API's back (no allow-list entry for it).
      await h.db.webhook.update({ where: { jurisdictionId: J }, data: { url: `http://127.0.0.1:${hook.port}/hook` } });
      const changed = await deliverOne('changed');
      expect(changed.result).toEqual({ delivered: false });
      expect(changed.delivery).toMatchObject({ status: 'failed', attempts: 1, lastStatus: null, url: `http://127.0.0.1:${hook.port}/hook` });
      expect(changed.delivery.lastError).toMatch(/refused: 127\.0\.0\.1 is a loopback address/);
      expect(hook.got).toEqual([]);
    } finally {
      await hook.close();
    }
  });

  it('connects to the address it resolved and checked, and does not follow a redirect (the 3xx fails the delivery)', async () => {
    const inside = await receiver();
    const redirecting = await receiver((res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${inside.port}/stolen` });
      res.end();
    });
    try {
      // An in-house receiver admitted by name. The name exists only in the test's DNS: the POST reaching it
      // shows the connection went to the address the check resolved, not to a second lookup.
      process.env.WEBHOOK_ALLOW_HOSTS = 'gateway.ssrf.test';
      dns.table.set('gateway.ssrf.test', '127.0.0.1');
      expect((await put(`http://gateway.ssrf.test:${redirecting.port}/hook`)).status).toBe(200);
      dns.lookups.length = 0;
      const { result, delivery } = await deliverOne('redirect');
      expect(result).toEqual({ delivered: false });
      expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastStatus: 302 });
      expect(delivery.lastError).toContain('redirects are not followed');
      expect(redirecting.got).toEqual([delivery.id]);
      expect(dns.lookups).toEqual(['gateway.ssrf.test']);
      expect(inside.got).toEqual([]);
    } finally {
      await inside.close();
      await redirecting.close();
    }
  });
});
