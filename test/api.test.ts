// The REST API on a real worker, dev server and database: auth, scope (403), validation (400 in Chinese
// and English, nothing changed), unknown ids (404), double completion (409), pagination headers.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, uniqueYear, waitFor, type Harness } from './helpers.js';
import { compressedStages, startApi, type Api } from './api-helpers.js';
import { SELF_CHECK_AREAS } from '../domain/self-check.js';
import { totalUpTo } from '../api/list.js';

let h: Harness;
let api: Api;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h);
  for (const u of ['coord.changxing', 'coord.zhoushan', 'officer.zhicheng', 'officer.taihu', 'officer.changxing', 'leader.changxing', 'leader.huzhou'])
    tokens[u] = await api.login(u);
});
afterAll(async () => {
  await api?.close();
  await h?.stop();
});

const compliant = () => ({ areas: SELF_CHECK_AREAS.map((a) => ({ key: a.key, finding: 'compliant' })) });

describe('auth', () => {
  it('refuses wrong passwords and anonymous calls, and rate-limits guessing', async () => {
    const bad = await api.call('POST', '/auth/login', { body: { username: 'coord.changxing', password: 'nope' } });
    expect(bad.status).toBe(401);
    expect(bad.body.messageZh).toBe('用户名或密码错误');
    expect((await api.call('GET', '/tasks')).status).toBe(401);
    expect((await api.call('GET', '/tasks', { token: 'forged' })).status).toBe(401);
    const me = await api.call('GET', '/auth/me', { token: tokens['officer.zhicheng'] });
    expect(me.body).toMatchObject({ role: 'county_officer', jurisdictionId: '330522001' });
    let last = 0;
    for (let i = 0; i < 11; i++) last = (await api.call('POST', '/auth/login', { body: { username: 'auditor.sian', password: `guess${i}` } })).status;
    expect(last).toBe(429);
    const t = await api.login('admin.sian');
    expect((await api.call('POST', '/auth/logout', { token: t })).status).toBe(204);
    expect((await api.call('GET', '/auth/me', { token: t })).status).toBe(401);
  });

  it('reports health and describes itself in OpenAPI', async () => {
    const health = await api.call('GET', '/health');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok', database: 'ok', temporal: 'ok' } });
    const doc = await api.call('GET', '/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/tasks', '/api/tasks/{id}/complete', '/api/campaigns', '/api/campaigns/{id}/stages/{key}/extend']),
    );
    expect(doc.body.paths['/api/campaigns'].post.requestBody.content['application/json'].schema.properties.year).toMatchObject({ type: 'integer' });
  });
});

describe('campaigns and the task inbox', () => {
  let campaignId: string;

  it('refuses bad launches with reasons and changes nothing', async () => {
    // Counted within this test's own year: other files launch campaigns on the shared database meanwhile.
    const year = await uniqueYear(h.db);
    const before = await h.db.campaign.count({ where: { year } });
    const officer = await api.call('POST', '/campaigns', {
      token: tokens['officer.changxing'],
      body: { programme: 'changxing', year, jurisdictionId: '330522' },
    });
    expect(officer.status).toBe(403);
    const otherCity = await api.call('POST', '/campaigns', {
      token: tokens['coord.zhoushan'],
      body: { programme: 'changxing', year, jurisdictionId: '330522' },
    });
    expect(otherCity.status).toBe(403);
    const malformed = await api.call('POST', '/campaigns', { token: tokens['coord.changxing'], rawBody: '{"programme":' });
    expect(malformed.status).toBe(400);
    const wrongTypes = await api.call('POST', '/campaigns', {
      token: tokens['coord.changxing'],
      body: { programme: 'changxing', year: 'next', jurisdictionId: 330522, extra: 1 },
    });
    expect(wrongTypes.status).toBe(400);
    expect(wrongTypes.body.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['year', 'jurisdictionId']));
    expect(wrongTypes.body.fields[0].messageZh).toMatch(/[\u4e00-\u9fa5]/);
    expect(wrongTypes.body.fields[0].messageEn).toMatch(/[a-z]/);
    const badDates = await api.call('POST', '/campaigns', {
      token: tokens['coord.changxing'],
      body: { programme: 'changxing', year, jurisdictionId: '330522', stages: [{ key: 'self_check', startsAt: '2024-07-01', dueAt: '2024-02-30' }] },
    });
    expect(badDates.status).toBe(400);
    expect(badDates.body.messageEn).toMatch(/invalid deadline 2024-02-30/);
    const overlapping = await api.call('POST', '/campaigns', {
      token: tokens['coord.changxing'],
      body: { programme: 'changxing', year, jurisdictionId: '330522', stages: [{ key: 'self_check', startsAt: `${year}-06-15` }] },
    });
    expect(overlapping.body.messageZh).toMatch(/必须在上一阶段「动员部署」截止之后开始/);
    const foreignOperator = await api.call('POST', '/campaigns', {
      token: tokens['coord.changxing'],
      body: { programme: 'changxing', year, jurisdictionId: '330522', operatorIds: ['op-cx-001', 'op-zs-001', 'nope'] },
    });
    expect(foreignOperator.status).toBe(400);
    expect(foreignOperator.body.fields.map((f: { path: string }) => f.path)).toEqual(['operatorIds.1', 'operatorIds.2']);
    expect(await h.db.campaign.count({ where: { year } })).toBe(before);
  });

  it('launches a campaign and gives each station officer only their own self-check tasks', async () => {
    const year = await uniqueYear(h.db);
    const launched = await api.call('POST', '/campaigns', {
      token: tokens['coord.changxing'],
      body: {
        programme: 'changxing',
        year,
        jurisdictionId: '330522',
        stages: compressedStages(),
        reminderLeadHours: 0,
        operatorIds: ['op-cx-001', 'op-cx-007', 'op-cx-002'],
      },
    });
    expect(launched.status).toBe(201);
    expect(launched.body).toMatchObject({ programme: 'changxing', status: 'running', caseCount: 3 });
    expect(launched.body.stages).toHaveLength(5);
    campaignId = launched.body.id;
    const again = await api.call('POST', '/campaigns', {
      token: tokens['coord.changxing'],
      body: { programme: 'changxing', year, jurisdictionId: '330522', operatorIds: ['op-cx-001'] },
    });
    expect(again.status).toBe(409);

    await waitFor(async () => (await h.db.task.count({ where: { campaignId } })) === 3, 'tasks');
    const mine = await api.call('GET', `/tasks?filter=${encodeURIComponent(JSON.stringify({ campaignId, mine: true }))}`, {
      token: tokens['officer.zhicheng'],
    });
    expect(mine.status).toBe(200);
    // op-cx-001 and op-cx-007 are both registered with 雉城所 (330522001).
    expect(mine.body.map((t: { jurisdictionId: string }) => t.jurisdictionId)).toEqual(['330522001', '330522001']);
    expect(mine.headers.get('content-range')).toBe('tasks 0-1/2');
    const county = await api.call('GET', `/tasks?filter=${encodeURIComponent(JSON.stringify({ campaignId }))}&range=[0,1]&sort=["id","ASC"]`, {
      token: tokens['officer.changxing'],
    });
    expect(county.headers.get('content-range')).toBe('tasks 0-1/3');
    expect(county.body).toHaveLength(2);
    const page2 = await api.call('GET', `/tasks?filter=${encodeURIComponent(JSON.stringify({ campaignId }))}&range=[2,3]&sort=["id","ASC"]`, {
      token: tokens['officer.changxing'],
    });
    expect(page2.headers.get('content-range')).toBe('tasks 2-2/3');
    // Beyond the count's cap (api/list.ts LIST_TOTAL_CAP; 2 here) the total is not counted: `/*`.
    const capped = await startApi(h, undefined, { listTotalCap: 2 });
    try {
      const many = await capped.call('GET', `/tasks?filter=${encodeURIComponent(JSON.stringify({ campaignId }))}&range=[0,1]&sort=["id","ASC"]`, {
        token: tokens['officer.changxing'],
      });
      expect([many.headers.get('content-range'), many.headers.get('x-total-exceeds'), many.body.length]).toEqual(['tasks 0-1/*', '2', 2]);
      const few = await capped.call('GET', `/tasks?filter=${encodeURIComponent(JSON.stringify({ campaignId, jurisdictionId: '330522001' }))}`, {
        token: tokens['officer.changxing'],
      });
      expect([few.headers.get('content-range'), few.headers.get('x-total-exceeds')]).toEqual(['tasks 0-1/2', null]);
    } finally {
      await capped.close();
    }
    expect((await api.call('GET', '/tasks?filter={"bogus":1}', { token: tokens['officer.changxing'] })).status).toBe(400);
    expect((await api.call('GET', '/tasks?sort=["passwordHash","ASC"]', { token: tokens['officer.changxing'] })).status).toBe(400);
  });

  it('counts a list total up to its cap, asking the database for one row more than the cap', async () => {
    const asked: number[] = [];
    const count = (n: number) => async (take: number) => (asked.push(take), Math.min(n, take));
    expect(await totalUpTo(10, count(10))).toBe(10);
    expect(await totalUpTo(10, count(11))).toBeUndefined();
    expect(await totalUpTo(10, count(500_000))).toBeUndefined();
    expect(asked).toEqual([11, 11, 11]);
  });

  it('lists an inbox with more operators’ tasks to do for them than a query may carry parameters', async () => {
    // A county's operators without an account: 70,000 open self-checks an officer does for them
    // (api/acting-for.ts). PostgreSQL's protocol carries at most 65,535 parameters per query. Kept in a
    // city of its own that no other test's user looks into, and removed afterwards.
    const j = `39${randomInt(1000, 10000)}`;
    const officer = `u-test-${j}`;
    const year = 2000 + randomInt(0, 100);
    const { passwordHash } = await h.db.user.findUniqueOrThrow({ where: { username: 'officer.changxing' } });
    await h.db.jurisdiction.create({ data: { id: j, name: `测试市${j}`, level: 'city', path: `/${j}/` } });
    try {
      await h.db.user.create({
        data: { id: officer, username: `officer.t${j}`, displayName: '测试执法员', passwordHash, role: 'county_officer', jurisdictionId: j },
      });
      await h.db.operator.create({
        data: {
          id: `op-t${j}`,
          name: '测试经营者',
          uscc: `T${j}${randomInt(1e9, 1e10)}`,
          kind: 'enterprise',
          jurisdictionId: j,
          registeredOn: new Date('2020-01-01'),
        },
      });
      const launched = { programme: 'changxing', year, jurisdictionId: j, status: 'running', definition: {}, launchedById: officer, launchedAt: new Date() };
      await h.db.campaign.create({ data: { id: `c-t${j}`, name: '测试', workflowId: `c-t${j}`, ...launched } });
      await h.db.case.create({
        data: {
          id: `c-t${j}:op-t${j}`,
          campaignId: `c-t${j}`,
          operatorId: `op-t${j}`,
          jurisdictionId: j,
          status: 'active',
          workflowId: `k-t${j}`,
          createdAt: new Date(),
          updatedAt: new Date(),
        },
      });
      await h.db.$executeRaw`
        INSERT INTO task (id, campaign_id, stage_key, case_id, operator_id, type, title, assignee_role, jurisdiction_id, status, due_at, workflow_id, created_at)
        SELECT ${`c-t${j}:`} || n, ${`c-t${j}`}, 'self_check', ${`c-t${j}:op-t${j}`}, ${`op-t${j}`}, 'self_check', '自查自纠', 'operator', ${j}, 'open',
               now() + interval '1 day', ${`k-t${j}`}, now()
        FROM generate_series(1, 70000) n`;
      const token = await api.login(`officer.t${j}`);
      for (const filter of [{ mine: true }, { view: 'unclaimed' }]) {
        const r = await api.call('GET', `/tasks?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,9]`, { token });
        expect([r.status, r.headers.get('content-range'), r.body.length], JSON.stringify(filter)).toEqual([200, 'tasks 0-9/*', 10]);
      }
      // The operator's own account takes the work back from the officer's inbox.
      await h.db.user.create({
        data: {
          id: `${officer}-op`,
          username: `op.t${j}`,
          displayName: '测试经营者',
          passwordHash,
          role: 'operator',
          operatorId: `op-t${j}`,
          jurisdictionId: j,
        },
      });
      for (const filter of [{ mine: true }, { view: 'unclaimed' }]) {
        const none = await api.call('GET', `/tasks?filter=${encodeURIComponent(JSON.stringify(filter))}`, { token });
        expect([none.status, none.body], JSON.stringify(filter)).toEqual([200, []]);
      }
      // Disabled, it is no usable account: the work is the officer's again.
      await h.db.user.update({ where: { id: `${officer}-op` }, data: { disabledAt: new Date() } });
      const back = await api.call('GET', `/tasks?filter=${encodeURIComponent(JSON.stringify({ mine: true }))}&range=[0,0]`, { token });
      expect([back.status, back.headers.get('content-range')]).toEqual([200, 'tasks 0-0/*']);
    } finally {
      await h.db.$executeRaw`DELETE FROM task WHERE jurisdiction_id = ${j}`;
      await h.db.case.deleteMany({ where: { jurisdictionId: j } });
      await h.db.campaign.deleteMany({ where: { jurisdictionId: j } });
      await h.db.session.deleteMany({ where: { userId: { in: [officer, `${officer}-op`] } } });
      await h.db.user.deleteMany({ where: { jurisdictionId: j } });
      await h.db.operator.deleteMany({ where: { jurisdictionId: j } });
      await h.db.jurisdiction.delete({ where: { id: j } });
    }
  });

  it('completes a task once: 403 elsewhere, 400 on a bad form, 404 unknown, 409 the second time', async () => {
    const [task] = (
      await api.call('GET', `/tasks?filter=${encodeURIComponent(JSON.stringify({ campaignId, jurisdictionId: '330522001' }))}`, {
        token: tokens['officer.zhicheng'],
      })
    ).body;
    const other = await api.call('POST', `/tasks/${encodeURIComponent(task.id)}/complete`, { token: tokens['officer.taihu'], body: compliant() });
    expect(other.status).toBe(403);
    expect((await api.call('GET', `/tasks/${encodeURIComponent(task.id)}`, { token: tokens['officer.taihu'] })).status).toBe(403);
    expect((await api.call('POST', `/tasks/${encodeURIComponent(task.id)}/complete`, { token: tokens['leader.changxing'], body: compliant() })).status).toBe(
      403,
    );
    const missingDescription = await api.call('POST', `/tasks/${encodeURIComponent(task.id)}/complete`, {
      token: tokens['officer.zhicheng'],
      body: { areas: SELF_CHECK_AREAS.map((a, i) => ({ key: a.key, finding: i === 2 ? 'issue' : 'compliant' })) },
    });
    expect(missingDescription.status).toBe(400);
    expect(missingDescription.body.fields[0]).toMatchObject({ path: 'areas.2.description', messageZh: '发现问题时必须填写问题描述' });
    expect((await api.call('POST', `/tasks/${encodeURIComponent(task.id)}/complete`, { token: tokens['officer.zhicheng'], body: { areas: [] } })).status).toBe(
      400,
    );
    expect((await h.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('open');
    expect((await api.call('POST', '/tasks/nope/complete', { token: tokens['officer.zhicheng'], body: compliant() })).status).toBe(404);

    const result = {
      areas: SELF_CHECK_AREAS.map((a, i) =>
        i === 5 ? { key: a.key, finding: 'issue', description: '部分商品标签缺少生产日期', fixed: true } : { key: a.key, finding: 'compliant' },
      ),
    };
    const ok = await api.call('POST', `/tasks/${encodeURIComponent(task.id)}/complete`, { token: tokens['officer.zhicheng'], body: result });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'done', completedById: 'u-officer-zhicheng', result });
    const twice = await api.call('POST', `/tasks/${encodeURIComponent(task.id)}/complete`, { token: tokens['officer.zhicheng'], body: result });
    expect(twice.status).toBe(409);
    const audit = await h.db.auditEvent.findMany({ where: { entityId: task.id, action: 'task.completed' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe('u-officer-zhicheng');
  });

  it('lets exactly one of two officers win a race to claim or complete the same task', async () => {
    // The self-check completed above is now up for the station's review.
    const [task] = (
      await api.call(
        'GET',
        `/tasks?filter=${encodeURIComponent(JSON.stringify({ campaignId, status: 'open', type: 'self_check_review', jurisdictionId: '330522001' }))}`,
        { token: tokens['officer.zhicheng'] },
      )
    ).body;
    const second = await api.login('officer.changxing');
    const claims = await Promise.all([
      api.call('POST', `/tasks/${encodeURIComponent(task.id)}/claim`, { token: tokens['officer.zhicheng'] }),
      api.call('POST', `/tasks/${encodeURIComponent(task.id)}/claim`, { token: second }),
    ]);
    expect(claims.map((c) => c.status).sort()).toEqual([200, 409]);
    const winner = claims[0]!.status === 200 ? tokens['officer.zhicheng'] : second;
    // The same officer double-submitting: the workflow accepts one completion and refuses the other.
    const completions = await Promise.all(
      [0, 1].map(() => api.call('POST', `/tasks/${encodeURIComponent(task.id)}/complete`, { token: winner, body: { decision: 'accepted' } })),
    );
    expect(completions.map((c) => c.status).sort()).toEqual([200, 409]);
    expect(await h.db.auditEvent.count({ where: { entityId: task.id, action: 'task.completed' } })).toBe(1);
  });

  it('shows leaders per-stage progress within their scope and lets the coordinator extend and close stages', async () => {
    const progress = await api.call('GET', `/campaigns/${campaignId}/progress`, { token: tokens['leader.huzhou'] });
    expect(progress.status).toBe(200);
    const sc = progress.body.stages.find((s: { key: string }) => s.key === 'self_check');
    // One zhicheng self-check and its review done; the other zhicheng and the taihu self-checks open.
    expect(sc).toMatchObject({ status: 'open', done: 2, open: 2, overdue: 0 });
    const station = await api.call('GET', `/campaigns/${campaignId}/progress`, { token: tokens['officer.taihu'] });
    expect(station.body.stages.find((s: { key: string }) => s.key === 'self_check')).toMatchObject({ done: 0, open: 1 });
    expect((await api.call('GET', `/campaigns/${campaignId}`, { token: tokens['coord.zhoushan'] })).status).toBe(403);

    const path = `/campaigns/${campaignId}/stages/self_check`;
    expect((await api.call('POST', `${path}/close`, { token: tokens['leader.changxing'], body: { reason: 'x' } })).status).toBe(403);
    expect((await api.call('POST', `${path}/close`, { token: tokens['coord.changxing'], body: {} })).status).toBe(400);
    expect((await api.call('POST', `${path}/extend`, { token: tokens['coord.changxing'], body: { dueAt: 'tomorrow', reason: '顺延' } })).status).toBe(400);
    const stage = await h.db.stage.findUniqueOrThrow({ where: { id: `${campaignId}:self_check` } });
    // Into the next stage: the preview shows the later stages moved by as much, and changes nothing.
    const preview = await api.call('POST', `${path}/extension-preview`, {
      token: tokens['coord.changxing'],
      body: { dueAt: new Date(stage.dueAt.getTime() + 3600_000).toISOString() },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.stages.filter((s: { moved: boolean }) => s.moved).map((s: { key: string }) => s.key)).toEqual([
      'self_check',
      'rectification',
      'evaluation',
      'summary',
    ]);
    expect(
      (
        await api.call('POST', `${path}/extension-preview`, {
          token: tokens['leader.changxing'],
          body: { dueAt: new Date(stage.dueAt.getTime() + 3600_000).toISOString() },
        })
      ).status,
    ).toBe(403);
    const extended = await api.call('POST', `${path}/extend`, {
      token: tokens['coord.changxing'],
      body: { dueAt: new Date(stage.dueAt.getTime() + 50).toISOString(), reason: '顺延' },
    });
    expect(extended.status).toBe(200);
    expect(new Date(extended.body.dueAt).getTime()).toBe(stage.dueAt.getTime() + 50);
    const closed = await api.call('POST', `${path}/close`, { token: tokens['coord.changxing'], body: { reason: '提前完成部署' } });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedEarly: true, overdueCount: 2 });
    expect((await api.call('POST', `${path}/close`, { token: tokens['coord.changxing'], body: { reason: '再次' } })).status).toBe(409);
    const after = await api.call('GET', `/campaigns/${campaignId}/progress`, { token: tokens['leader.huzhou'] });
    expect(after.body.overdueByJurisdiction).toEqual([
      { jurisdictionId: '330522001', name: '雉城市场监管所', overdue: 1 },
      { jurisdictionId: '330522002', name: '太湖街道市场监管所', overdue: 1 },
    ]);
    const escalations = await api.call('GET', `/tasks?filter=${encodeURIComponent(JSON.stringify({ campaignId, type: 'escalation', mine: true }))}`, {
      token: tokens['coord.changxing'],
    });
    expect(escalations.body).toHaveLength(1);
    const notes = await api.call('GET', '/notifications', { token: tokens['coord.changxing'] });
    expect(notes.body.some((n: { kind: string; campaignId: string }) => n.kind === 'escalation' && n.campaignId === campaignId)).toBe(true);
    const audit = await api.call('GET', `/audit-events?filter=${encodeURIComponent(JSON.stringify({ campaignId, action: 'stage.closed_early' }))}`, {
      token: tokens['leader.changxing'],
    });
    expect(audit.body).toHaveLength(1);
    expect(audit.body[0]).toMatchObject({ actorId: 'u-coord-changxing', reason: '提前完成部署' });
    await h.env.client.workflow.getHandle(`campaign-${campaignId}`).terminate('test done');
  });
});
