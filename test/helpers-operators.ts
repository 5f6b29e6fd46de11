// Operators with portal accounts for the portal's suites on the shared database (registered fresh, with a
// USCC of the test's own, invited and activated through the API), a station of the test's own so that its
// webhook receives only the test's notifications, and a local webhook receiver (as test/notifications.test.ts).
import { createHmac, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import type { Api } from './api-helpers.js';
import { activate, invite, type PortalOperator } from './portal-helpers.js';
import { demoUscc } from '../prisma/seed.js';

/** Registers an operator at `jurisdictionId` as `officerToken`, invites it and activates its account. */
export async function operatorWithAccount(
  api: Api,
  officerToken: string,
  jurisdictionId: string,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<PortalOperator> {
  const uscc = demoUscc(jurisdictionId, randomInt(200_000, 2_000_000));
  const r = await api.call('POST', '/operators', {
    token: officerToken,
    // Changxing's launches by filter enrol every operator of the county (330522), other files' too: each
    // needs its track (赛道) or their launch is refused.
    body: {
      name,
      uscc,
      kind: 'enterprise',
      jurisdictionId,
      registeredOn: '2019-03-01',
      ...(jurisdictionId.startsWith('330522') ? { track: 'live_marketing' } : {}),
      ...extra,
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const o: PortalOperator = { id: r.body.id, uscc, name, caseId: '' };
  return activate(api, o, (await invite(api, officerToken, o.id)).code);
}

/**
 * A new station under `county` (its code: the county's and three digits of its own, 960–999), added by
 * `adminToken`. Below 960 are others': 950–959 name stations test/access-matrix.test.ts expects refused as
 * out of scope, which must not exist, and test/accounts.test.ts adds 100–899.
 */
export async function newStation(api: Api, adminToken: string, county: string, name: string): Promise<string> {
  for (;;) {
    const id = `${county}${randomInt(960, 1000)}`;
    const r = await api.call('POST', '/jurisdictions', { token: adminToken, body: { id, name, level: 'station', parentId: county } });
    if (r.status === 409) continue;
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return id;
  }
}

export interface Received {
  delivery: string;
  timestamp: string;
  signature: string;
  body: string;
}

/** A bureau's gateway on loopback: records every request and answers 200. */
export async function webhookReceiver() {
  const got: Received[] = [];
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    got.push({
      delivery: String(req.headers['x-campaign-delivery']),
      timestamp: String(req.headers['x-campaign-timestamp']),
      signature: String(req.headers['x-campaign-signature']),
      body,
    });
    res.statusCode = 200;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    got,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const signedWith = (secret: string, r: Received) =>
  r.signature === `sha256=${createHmac('sha256', secret).update(`${r.timestamp}.${r.body}`).digest('hex')}`;
