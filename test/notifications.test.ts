// Notifications and webhooks on the real dev server: a stage reminder and the escalation at
// its deadline each notify exactly once even when the worker restarts between them; every notification
// reaches the bureau's webhook once, signed; a failing receiver is retried with backoff by Temporal; the
// notification centre keeps read state per user; bulk assign and remind are all-or-nothing and scoped.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordHistory, startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { compressedStages, startApi, TEST_TEMPORAL_UI, type Api } from './api-helpers.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { webhookWorkflowId } from '../activities/notify.js';

interface Received {
  delivery: string;
  timestamp: string;
  signature: string;
  body: string;
}

/** A bureau's messaging gateway: records every request; `answer` decides the status of each. */
async function receiver(answer: (r: Received, n: number) => number) {
  const got: Received[] = [];
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const r = {
      delivery: String(req.headers['x-campaign-delivery']),
      timestamp: String(req.headers['x-campaign-timestamp']),
      signature: String(req.headers['x-campaign-signature']),
      body,
    };
    got.push(r);
    res.statusCode = answer(r, got.filter((x) => x.delivery === r.delivery).length);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    got,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const verify = (secret: string, r: Received) => r.signature === `sha256=${createHmac('sha256', secret).update(`${r.timestamp}.${r.body}`).digest('hex')}`;
const enc = encodeURIComponent;
const SECRET = 'changxing-bureau-secret-0001';

let h: Harness;
let api: Api;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h);
  for (const u of [
    'coord.changxing',
    'officer.zhicheng',
    'officer.changxing',
    'officer.taihu',
    'leader.changxing',
    'auditor.changxing',
    'admin.huzhou',
    'coord.huzhou',
  ])
    tokens[u] = await api.login(u);
});
afterAll(async () => {
  // The webhook of this file is removed so other files' notifications are not posted to a closed port.
  await h?.db.webhook.deleteMany({ where: { jurisdictionId: '330522' } });
  await api?.close();
  await h?.stop();
});

describe('notifications', () => {
  it('reminds before the deadline and escalates at it, each exactly once across a worker restart, and posts each to the webhook once, signed', async () => {
    const hook = await receiver(() => 200);
    try {
      const set = await api.call('PUT', '/jurisdictions/330522/webhook', { token: tokens['coord.changxing'], body: { url: hook.url, secret: SECRET } });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ jurisdictionId: '330522', url: hook.url, enabled: true, secretSet: true });
      expect(set.body.secret).toBeUndefined();

      const year = await uniqueYear(h.db);
      // Self-check open for 12 s; the reminder 6 s before its end.
      const launched = await api.call('POST', '/campaigns', {
        token: tokens['coord.changxing'],
        body: {
          programme: 'changxing',
          year,
          jurisdictionId: '330522',
          stages: compressedStages(12_000),
          reminderLeadHours: 6 / 3600,
          operatorIds: ['op-cx-001', 'op-cx-007', 'op-cx-002'],
        },
      });
      expect(launched.status).toBe(201);
      const campaignId = launched.body.id as string;
      const tasks = await waitFor(async () => {
        const t = await h.db.task.findMany({ where: { campaignId, type: 'self_check' } });
        return t.length === 3 && t;
      }, 'self-check tasks');
      // The later compressed stages remind and escalate too: only the self-check stage's notices are counted.
      const selfCheck = `${campaignId}:self_check`;
      const stations = [...new Set(tasks.map((t) => t.jurisdictionId))].sort();
      expect(stations.length).toBe(2);

      const held = tasks.find((t) => t.jurisdictionId === '330522001')!;
      const reminders = await waitFor(
        async () => {
          const n = await h.db.notification.findMany({ where: { key: { startsWith: `reminder:${selfCheck}:` } } });
          return n.length === stations.length && n;
        },
        'the stage reminder',
        20_000,
      );
      expect(reminders.map((n) => n.jurisdictionId).sort()).toEqual(stations);
      expect(reminders.every((n) => n.recipientRole === 'county_officer' && n.title.includes('即将截止'))).toBe(true);

      // The worker goes away between the reminder and the deadline, and a new one takes over.
      await h.restartWorker();

      const escalation = await waitFor(
        () => h.db.notification.findFirst({ where: { taskId: `${selfCheck}:escalation`, kind: 'escalation' } }),
        'the escalation',
        60_000,
      );
      expect(escalation).toMatchObject({ recipientRole: 'coordinator', jurisdictionId: '330522', taskId: `${campaignId}:self_check:escalation` });
      const overdue = await h.db.notification.findMany({ where: { key: { startsWith: `overdue:${selfCheck}:` } } });
      expect(overdue.map((n) => n.jurisdictionId).sort()).toEqual(stations);

      // Exactly once: one reminder per station, one escalation, one overdue notice per station.
      const all = [...reminders, escalation, ...overdue];
      expect(
        await h.db.notification.count({
          where: {
            campaignId,
            OR: [{ key: { startsWith: `reminder:${selfCheck}:` } }, { key: { startsWith: `overdue:${selfCheck}:` } }, { taskId: `${selfCheck}:escalation` }],
          },
        }),
      ).toBe(all.length);
      expect(all.length).toBe(stations.length * 2 + 1);
      const audit = await h.db.auditEvent.count({ where: { entityId: `${campaignId}:self_check`, action: 'stage.reminder_sent' } });
      expect(audit).toBe(1);

      // Each went to the county's webhook once, signed with its secret. An activity task handed to the
      // old worker as it shut down is only retried once its 30 s start-to-close timeout has passed
      // (workflows/webhook.ts): the wait allows for that (it failed once at 20 s, under a full run).
      const ours = { notificationId: { in: all.map((n) => n.id) } };
      await waitFor(async () => (await h.db.webhookDelivery.count({ where: { ...ours, status: 'delivered' } })) === all.length, 'deliveries', 60_000).catch(
        async (e: Error) => {
          const rows = await h.db.webhookDelivery.findMany({
            where: ours,
            select: { id: true, status: true, attempts: true, lastError: true, createdAt: true },
          });
          throw new Error(`${e.message}: ${JSON.stringify(rows)}`);
        },
      );
      const mine = hook.got.filter((r) => all.some((n) => r.delivery === `${n.id}:330522`));
      expect(mine.length).toBe(all.length);
      expect(new Set(mine.map((r) => r.delivery)).size).toBe(all.length);
      for (const r of mine) {
        expect(verify(SECRET, r)).toBe(true);
        expect(verify('another-secret-of-16+', r)).toBe(false);
        expect(Math.abs(Number(r.timestamp) * 1000 - Date.now())).toBeLessThan(120_000);
      }
      const payload = JSON.parse(mine.find((r) => r.delivery === `${escalation.id}:330522`)!.body);
      expect(payload).toMatchObject({
        jurisdictionId: '330522',
        notification: { id: String(escalation.id), kind: 'escalation', recipientRole: 'coordinator', campaignId },
      });

      // The coordinator sees the escalation in the centre, unread; reading is per user.
      const list = await api.call('GET', `/notifications?filter=${enc(JSON.stringify({ campaignId, unread: true }))}`, { token: tokens['coord.changxing'] });
      expect(list.status).toBe(200);
      expect(list.body.find((n: { id: string }) => n.id === String(escalation.id))).toMatchObject({ kind: 'escalation', read: false });
      // (Counts are checked on this campaign's notifications: other test files notify the same users meanwhile.)
      const unreadOf = async (user: string) =>
        (await api.call('GET', `/notifications?filter=${enc(JSON.stringify({ campaignId, unread: true }))}`, { token: tokens[user] })).body.map(
          (n: { id: string }) => n.id,
        );
      expect(await unreadOf('coord.changxing')).toContain(String(escalation.id));
      const read = await api.call('POST', `/notifications/${escalation.id}/read`, { token: tokens['coord.changxing'] });
      expect(read.body.read).toBe(true);
      expect(await unreadOf('coord.changxing')).not.toContain(String(escalation.id));
      expect((await api.call('GET', '/notifications/unread-count', { token: tokens['coord.changxing'] })).body.unread).toEqual(expect.any(Number));
      // A city coordinator sees it too (the county is in the city's subtree) and has not read it.
      const city = await api.call('GET', `/notifications?filter=${enc(JSON.stringify({ campaignId }))}`, { token: tokens['coord.huzhou'] });
      expect(city.body.find((n: { id: string }) => n.id === String(escalation.id))?.read).toBe(false);
      // A station officer sees their own station's reminder, not the other station's, nor the coordinator's escalation.
      const station = await api.call('GET', `/notifications?filter=${enc(JSON.stringify({ campaignId }))}`, { token: tokens['officer.zhicheng'] });
      expect(
        station.body.every((n: { jurisdictionId: string; recipientRole: string }) => n.jurisdictionId === '330522001' && n.recipientRole === 'county_officer'),
      ).toBe(true);
      expect(station.body.filter((n: { key: string }) => n.key.startsWith(`reminder:${selfCheck}:`))).toHaveLength(1);
      expect(station.body.filter((n: { key: string }) => n.key.startsWith(`overdue:${selfCheck}:`))).toHaveLength(1);
      expect((await api.call('POST', `/notifications/${escalation.id}/read`, { token: tokens['officer.zhicheng'] })).status).toBe(404);
      expect((await api.call('POST', '/notifications/abc/read', { token: tokens['officer.zhicheng'] })).status).toBe(404);
      const all2 = await api.call('POST', '/notifications/read-all', { token: tokens['officer.zhicheng'] });
      expect(all2.body.marked).toBeGreaterThanOrEqual(2);
      expect(await unreadOf('officer.zhicheng')).toEqual([]);

      // The case page: its history, who holds it now, and its workflow.
      const caseId = held.caseId!;
      // The case records its own overdue work when the stage's close reaches it through its launch batch
      // (#9), which may be a moment after the campaign's escalation.
      const timeline = await waitFor(async () => {
        const t = await api.call('GET', `/cases/${enc(caseId)}/timeline`, { token: tokens['officer.zhicheng'] });
        return t.status === 200 && t.body.entries.some((e: { action: string }) => e.action === 'case.task_overdue') && t;
      }, 'the case records its overdue self-check');
      // The workflow and its Web UI link are the administrator's alone (README "The console's words").
      expect(timeline.body).toMatchObject({ caseId, workflowId: null, workflowUrl: null, workflowStatus: 'RUNNING' });
      const asAdmin = await api.call('GET', `/cases/${enc(caseId)}/timeline`, { token: tokens['admin.huzhou'] });
      expect(asAdmin.body).toMatchObject({
        caseId,
        workflowId: `case-${caseId}`,
        workflowUrl: `${TEST_TEMPORAL_UI}/namespaces/default/workflows/${enc(`case-${caseId}`)}`,
        workflowStatus: 'RUNNING',
      });
      expect(timeline.body.entries.map((e: { action: string }) => e.action).slice(0, 2)).toEqual(['case.enrolled', 'task.created']);
      // The overdue self-check is still held (later compressed stages may have added an inspection).
      expect(timeline.body.holders).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ taskId: held.id, type: 'self_check', jurisdictionId: '330522001', jurisdictionName: '雉城市场监管所', overdue: true }),
        ]),
      );
      expect((await api.call('GET', `/cases/${enc(caseId)}/timeline`, { token: tokens['officer.taihu'] })).status).toBe(403);
    } finally {
      await hook.close();
    }
  }, 180_000);

  it('retries a failing webhook with backoff until it answers, same delivery id and a valid signature each time; a 4xx fails at once', async () => {
    const hook = await receiver((_r, n) => (n <= 2 ? 503 : 200));
    try {
      expect(
        (await api.call('PUT', '/jurisdictions/330522/webhook', { token: tokens['coord.changxing'], body: { url: hook.url, enabled: true } })).status,
      ).toBe(200);
      const year = await uniqueYear(h.db);
      // The rectification stage open: its inspections are the station's (the self-check is the operator's
      // own, done in its portal, and is not assigned to staff).
      const launched = await api.call('POST', '/campaigns', {
        token: tokens['coord.changxing'],
        body: {
          programme: 'changxing',
          year,
          jurisdictionId: '330522',
          stages: calendarOpenAt('rectification', 600_000),
          operatorIds: ['op-cx-001', 'op-cx-002'],
        },
      });
      const campaignId = launched.body.id as string;
      const [task] = await waitFor(async () => {
        const t = await h.db.task.findMany({ where: { campaignId, jurisdictionId: '330522001', type: 'inspection' } });
        return t.length === 1 && t;
      }, 'the inspection');

      const reminded = await api.call('POST', '/tasks/remind', { token: tokens['coord.changxing'], body: { taskIds: [task!.id] } });
      expect(reminded.body).toEqual({ reminded: 1, alreadyToday: 0 });
      const n = await h.db.notification.findFirstOrThrow({ where: { taskId: task!.id, kind: 'reminder' } });
      const deliveryId = `${n.id}:330522`;
      const delivered = await waitFor(() => h.db.webhookDelivery.findFirst({ where: { id: deliveryId, status: 'delivered' } }), 'the delivery', 30_000);
      expect(delivered).toMatchObject({ attempts: 3, lastStatus: 200, lastError: null });
      const tries = hook.got.filter((r) => r.delivery === deliveryId);
      expect(tries).toHaveLength(3);
      expect(tries.every((r) => verify(SECRET, r))).toBe(true);
      // Backoff: the second try a second after the first, the third two seconds after that.
      expect(Number(tries[2]!.timestamp) - Number(tries[0]!.timestamp)).toBeGreaterThanOrEqual(2);
      expect(new Set(tries.map((r) => JSON.parse(r.body).notification.id))).toEqual(new Set([String(n.id)]));
      await recordHistory(h, webhookWorkflowId(deliveryId), 'webhook-delivery');

      // A second reminder the same day is not sent again.
      expect((await api.call('POST', '/tasks/remind', { token: tokens['coord.changxing'], body: { taskIds: [task!.id] } })).body).toEqual({
        reminded: 0,
        alreadyToday: 1,
      });

      // A receiver that refuses (400) is not retried: the delivery fails with the reason.
      const refusing = await receiver(() => 400);
      try {
        await api.call('PUT', '/jurisdictions/330522/webhook', { token: tokens['coord.changxing'], body: { url: refusing.url, enabled: true } });
        const assigned = await api.call('POST', '/tasks/assign', {
          token: tokens['coord.changxing'],
          body: { taskIds: [task!.id], userId: 'u-officer-zhicheng' },
        });
        expect(assigned.status).toBe(200);
        const a = await h.db.notification.findFirstOrThrow({ where: { recipientUserId: 'u-officer-zhicheng', taskId: task!.id, kind: 'assignment' } });
        const failed = await waitFor(
          () => h.db.webhookDelivery.findFirst({ where: { id: `${a.id}:330522`, status: 'failed' } }),
          'the failed delivery',
          20_000,
        );
        expect(failed).toMatchObject({ attempts: 1, lastStatus: 400 });
        expect(failed.lastError).toContain('400');
        const deliveries = await api.call('GET', `/webhook-deliveries?filter=${enc(JSON.stringify({ jurisdictionId: '330522', status: 'failed' }))}`, {
          token: tokens['coord.changxing'],
        });
        expect(deliveries.body.map((d: { id: string }) => d.id)).toContain(`${a.id}:330522`);
      } finally {
        await refusing.close();
      }
    } finally {
      await hook.close();
    }
    // Who may set a webhook: coordinators and admins of the jurisdiction, nobody else; bad input changes nothing.
    expect(
      (await api.call('PUT', '/jurisdictions/330522/webhook', { token: tokens['officer.changxing'], body: { url: 'http://x.test/h', secret: SECRET } })).status,
    ).toBe(403);
    expect(
      (await api.call('PUT', '/jurisdictions/330902/webhook', { token: tokens['coord.changxing'], body: { url: 'http://x.test/h', secret: SECRET } })).status,
    ).toBe(403);
    const bad = await api.call('PUT', '/jurisdictions/330522/webhook', { token: tokens['coord.changxing'], body: { url: 'ftp://x.test/h', secret: 'short' } });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['secret', 'url']);
    expect((await h.db.webhook.findUniqueOrThrow({ where: { jurisdictionId: '330522' } })).url).not.toContain('ftp');
    expect((await api.call('PUT', '/jurisdictions/330522002/webhook', { token: tokens['admin.huzhou'], body: { url: 'http://x.test/h' } })).status).toBe(400); // no secret the first time
    expect((await api.call('GET', '/jurisdictions/330522002/webhook', { token: tokens['admin.huzhou'] })).status).toBe(404);
  });

  it('assigns and reminds in bulk: all or nothing, scoped, and the assignee is told', async () => {
    const year = await uniqueYear(h.db);
    // The rectification stage open, the self-check's over: the station's inspections are assigned; the
    // operators' own self-checks, left open, are not.
    const launched = await api.call('POST', '/campaigns', {
      token: tokens['coord.changxing'],
      body: {
        programme: 'changxing',
        year,
        jurisdictionId: '330522',
        stages: calendarOpenAt('rectification', 600_000),
        operatorIds: ['op-cx-001', 'op-cx-007', 'op-cx-002'],
      },
    });
    const campaignId = launched.body.id as string;
    const tasks = await waitFor(async () => {
      const t = await h.db.task.findMany({ where: { campaignId, type: 'inspection' }, orderBy: { id: 'asc' } });
      return t.length === 3 && t;
    }, 'the inspections');
    const selfChecks = await waitFor(async () => {
      const t = await h.db.task.findMany({ where: { campaignId, type: 'self_check', status: 'open', jurisdictionId: '330522001' } });
      return t.length === 2 && t;
    }, 'the operators’ self-checks');
    expect(selfChecks.every((t) => t.assigneeRole === 'operator')).toBe(true);
    const zhicheng = tasks.filter((t) => t.jurisdictionId === '330522001').map((t) => t.id);
    const other = tasks.find((t) => t.jurisdictionId !== '330522001')!.id;

    const who = await api.call('GET', `/tasks/assignees?ids=${enc(zhicheng.join(','))}`, { token: tokens['coord.changxing'] });
    expect(who.status).toBe(200);
    const usernames = who.body.map((u: { username: string }) => u.username);
    expect(usernames).toContain('officer.zhicheng');
    expect(usernames).toContain('officer.changxing');
    expect(usernames).not.toContain('officer.taihu');
    // Both stations: only the county's officers may take both.
    const both = await api.call('GET', `/tasks/assignees?ids=${enc([...zhicheng, other].join(','))}`, { token: tokens['coord.changxing'] });
    expect(both.body.map((u: { username: string }) => u.username)).not.toContain('officer.zhicheng');

    // Refusals change nothing.
    expect(
      (await api.call('POST', '/tasks/assign', { token: tokens['officer.zhicheng'], body: { taskIds: [...zhicheng, other], userId: 'u-officer-zhicheng' } }))
        .status,
    ).toBe(403);
    expect(
      (await api.call('POST', '/tasks/assign', { token: tokens['coord.changxing'], body: { taskIds: [...zhicheng, other], userId: 'u-officer-zhicheng' } }))
        .status,
    ).toBe(400);
    expect(
      (await api.call('POST', '/tasks/assign', { token: tokens['leader.changxing'], body: { taskIds: zhicheng, userId: 'u-officer-zhicheng' } })).status,
    ).toBe(403);
    expect(
      (await api.call('POST', '/tasks/assign', { token: tokens['coord.changxing'], body: { taskIds: [...zhicheng, 'nope'], userId: 'u-officer-zhicheng' } }))
        .status,
    ).toBe(400);
    // An operator's own task is nobody's to be assigned, and the refusal says which and why.
    const theirs = await api.call('POST', '/tasks/assign', {
      token: tokens['coord.changxing'],
      body: { taskIds: [zhicheng[0]!, selfChecks[0]!.id], userId: 'u-officer-zhicheng' },
    });
    expect(theirs.status).toBe(400);
    expect(theirs.body.messageZh).toContain('经营主体');
    expect(theirs.body.messageEn).toContain('operator');
    expect(theirs.body.fields).toEqual([expect.objectContaining({ path: `taskIds.${selfChecks[0]!.id}` })]);
    expect((await api.call('GET', `/tasks/assignees?ids=${enc(selfChecks[0]!.id)}`, { token: tokens['coord.changxing'] })).body).toEqual([]);
    expect((await api.call('POST', '/tasks/assign', { token: tokens['coord.changxing'], body: { taskIds: [], userId: 'u-officer-zhicheng' } })).status).toBe(
      400,
    );
    expect(await h.db.task.count({ where: { campaignId, claimedById: { not: null } } })).toBe(0);

    const ok = await api.call('POST', '/tasks/assign', { token: tokens['coord.changxing'], body: { taskIds: zhicheng, userId: 'u-officer-zhicheng' } });
    expect(ok.status).toBe(200);
    expect(ok.body.assigned).toBe(2);
    expect(ok.body.tasks.every((t: { claimedById: string; claimedByName: string }) => t.claimedById === 'u-officer-zhicheng' && t.claimedByName)).toBe(true);
    expect(await h.db.auditEvent.count({ where: { campaignId, action: 'task.assigned' } })).toBe(2);
    // Told by name: the officer sees it, a colleague of the same station and role would not.
    const told = await api.call('GET', `/notifications?filter=${enc(JSON.stringify({ kind: 'assignment' }))}`, { token: tokens['officer.zhicheng'] });
    expect(told.body.some((n: { title: string; recipientUserId: string }) => n.recipientUserId === 'u-officer-zhicheng' && n.title.includes('2'))).toBe(true);
    const county = await api.call('GET', `/notifications?filter=${enc(JSON.stringify({ kind: 'assignment' }))}`, { token: tokens['officer.changxing'] });
    expect(county.body.some((n: { recipientUserId: string }) => n.recipientUserId === 'u-officer-zhicheng')).toBe(false);

    const reminded = await api.call('POST', '/tasks/remind', { token: tokens['leader.changxing'], body: { taskIds: [...zhicheng, other] } });
    expect(reminded.body).toEqual({ reminded: 3, alreadyToday: 0 });
    expect((await api.call('POST', '/tasks/remind', { token: tokens['auditor.changxing'], body: { taskIds: zhicheng } })).status).toBe(403);
    expect((await api.call('POST', '/tasks/remind', { token: tokens['officer.taihu'], body: { taskIds: zhicheng } })).status).toBe(403);
  });
});
