// Accounts and the organisation administered through the API (README "Accounts and administration"):
// users created, edited, disabled and reset by an admin inside their subtree; temporary passwords that
// must be changed first; the password rules; CSV imports that are all or nothing; jurisdictions added
// under one's own with GB/T 2260 codes; programmes revised only by their owner; sign-in without username
// enumeration by timing, and a failed-sign-in limit that every API process shares.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import bcrypt from 'bcryptjs';
import { startHarness, type Harness } from './helpers.js';
import { startApi, type Api } from './api-helpers.js';
import { shanghaiSpec } from './helpers-programmes.js';
import { DEMO_PASSWORD_DEFAULT } from '../prisma/seed.js';

let h: Harness;
let api: Api;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  h = await startHarness();
  api = await startApi(h);
  for (const u of [
    'admin.changxing',
    'admin.zhicheng',
    'admin.huzhou',
    'coord.changxing',
    'coord.zhoushan',
    'coord.huzhou',
    'leader.changxing',
    'auditor.changxing',
    'officer.changxing',
  ])
    tokens[u] = await api.login(u);
});
afterAll(async () => {
  await api?.close();
  await h?.stop();
});

const as = (user: string) => ({
  get: (path: string) => api.call('GET', path, { token: tokens[user] }),
  post: (path: string, body?: unknown) => api.call('POST', path, { token: tokens[user], body }),
  put: (path: string, body?: unknown) => api.call('PUT', path, { token: tokens[user], body }),
  csv: (path: string, csv: string) => api.call('POST', path, { token: tokens[user], rawBody: csv, contentType: 'text/csv' }),
});
const unique = () => `t${Date.now().toString(36)}${randomInt(1000)}`;
const auditOf = (entityId: string) => h.db.auditEvent.findMany({ where: { entityId }, orderBy: { id: 'asc' } });

describe('users, administered by an admin of their subtree', () => {
  it('creates a user with a temporary password that must be changed before anything else', async () => {
    const username = `officer.${unique()}`;
    const made = await as('admin.changxing').post('/users', {
      username,
      displayName: '测试执法员',
      role: 'county_officer',
      jurisdictionId: '330522001',
      phone: '13800000000',
      reason: '新入职',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      username,
      role: 'county_officer',
      jurisdictionId: '330522001',
      mustChangePassword: true,
      disabled: false,
      phone: '13800000000',
    });
    expect(made.body.temporaryPassword).toMatch(/^[A-Za-z2-9]{14}$/);
    expect(made.body.passwordHash).toBeUndefined();
    // Shown once: never again in the user's record.
    expect((await as('admin.changxing').get(`/users/${made.body.id}`)).body.temporaryPassword).toBeUndefined();

    const login = await api.call('POST', '/auth/login', { body: { username, password: made.body.temporaryPassword } });
    expect(login.status).toBe(200);
    expect(login.body.mustChangePassword).toBe(true);
    const t = login.body.token as string;
    const blocked = await api.call('GET', '/tasks', { token: t });
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ error: 'password_change_required', messageZh: expect.any(String), messageEn: expect.any(String) });
    expect((await api.call('GET', '/auth/me', { token: t })).body.mustChangePassword).toBe(true);

    // The rules, each named: length, the username, a common password, the old one.
    const weak = async (newPassword: string) =>
      (await api.call('POST', '/auth/password', { token: t, body: { oldPassword: made.body.temporaryPassword, newPassword } })).body;
    expect((await weak('short1')).fields[0].messageEn).toMatch(/10/);
    expect((await weak(`x${username}x!`)).fields.map((f: { messageEn: string }) => f.messageEn)).toContain('must not contain the username');
    expect((await weak('1234567890')).fields.map((f: { messageEn: string }) => f.messageEn)).toContain('is a commonly used password');
    expect((await weak('woaini1314')).fields.map((f: { messageEn: string }) => f.messageEn)).toContain('is a commonly used password');
    expect((await weak('长兴县市场监督管理局雉城市场监管所执法人员巡查专用口令二〇二六')).fields.map((f: { messageEn: string }) => f.messageEn)).toContain(
      'must be at most 72 bytes (about 24 Chinese characters)',
    );
    expect((await weak(made.body.temporaryPassword)).fields.map((f: { messageEn: string }) => f.messageEn)).toContain('must differ from the current password');
    const wrongOld = await api.call('POST', '/auth/password', { token: t, body: { oldPassword: 'not-it-at-all', newPassword: '雉城所巡查2026春' } });
    expect(wrongOld.status).toBe(400);
    expect(wrongOld.body.fields[0].path).toBe('oldPassword');

    const changed = await api.call('POST', '/auth/password', { token: t, body: { oldPassword: made.body.temporaryPassword, newPassword: '雉城所巡查2026春' } });
    expect(changed.status).toBe(200);
    expect(changed.body.mustChangePassword).toBe(false);
    expect((await api.call('GET', '/tasks', { token: t })).status).toBe(200);
    expect((await api.call('POST', '/auth/login', { body: { username, password: made.body.temporaryPassword } })).status).toBe(401);
    expect((await api.call('POST', '/auth/login', { body: { username, password: '雉城所巡查2026春' } })).status).toBe(200);
    const actions = (await auditOf(made.body.id)).map((e) => [e.action, e.actorId, e.reason]);
    expect(actions).toEqual([
      ['user.created', expect.any(String), '新入职'],
      ['user.password_changed', made.body.id, null],
    ]);
    expect(JSON.stringify((await auditOf(made.body.id)).map((e) => e.data))).not.toContain(made.body.temporaryPassword);
  });

  it('disables a user: their sessions end at once and they cannot sign in; re-enabled, they can', async () => {
    const username = `auditor.${unique()}`;
    const made = await as('admin.changxing').post('/users', { username, displayName: '停用测试', role: 'auditor', jurisdictionId: '330522' });
    const { token } = (await api.call('POST', '/auth/login', { body: { username, password: made.body.temporaryPassword } })).body;
    await api.call('POST', '/auth/password', { token, body: { oldPassword: made.body.temporaryPassword, newPassword: 'Lakeside-audit-42' } });
    expect((await api.call('GET', '/tasks', { token })).status).toBe(200);

    // The console sends the whole record back; only the editable fields count.
    const off = await as('admin.changxing').put(`/users/${made.body.id}`, { ...made.body, disabled: true, reason: '调离' });
    expect(off.status).toBe(200);
    expect(off.body.disabled).toBe(true);
    const after = await api.call('GET', '/tasks', { token });
    expect(after.status).toBe(401);
    expect(await h.db.session.count({ where: { userId: made.body.id } })).toBe(0);
    const refused = await api.call('POST', '/auth/login', { body: { username, password: 'Lakeside-audit-42' } });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe('bad_credentials'); // the same refusal as a wrong password
    expect((await as('admin.changxing').get('/users?filter={"disabled":true}')).body.map((u: { id: string }) => u.id)).toContain(made.body.id);

    expect((await as('admin.changxing').put(`/users/${made.body.id}`, { disabled: false, reason: '返岗' })).body.disabled).toBe(false);
    expect((await api.call('POST', '/auth/login', { body: { username, password: 'Lakeside-audit-42' } })).status).toBe(200);
    expect((await auditOf(made.body.id)).map((e) => [e.action, e.reason])).toEqual([
      ['user.created', null],
      ['user.password_changed', null],
      ['user.disabled', '调离'],
      ['user.enabled', '返岗'],
    ]);
  });

  it('brings no token back to life when a user is disabled and re-enabled before using it', async () => {
    const username = `leader.${unique()}`;
    const made = await as('admin.changxing').post('/users', { username, displayName: '复用测试', role: 'leader', jurisdictionId: '330522' });
    const { token } = (await api.call('POST', '/auth/login', { body: { username: username.toUpperCase(), password: made.body.temporaryPassword } })).body;
    expect(token).toEqual(expect.any(String)); // usernames are matched case-insensitively
    await as('admin.changxing').put(`/users/${made.body.id}`, { disabled: true, reason: '离职' });
    await as('admin.changxing').put(`/users/${made.body.id}`, { disabled: false, reason: '误操作' });
    expect((await api.call('GET', '/auth/me', { token })).status).toBe(401);
  });

  it('lets a temporary password sign in for a limited time only', async () => {
    const username = `leader.${unique()}`;
    const made = await as('admin.changxing').post('/users', { username, displayName: '过期测试', role: 'leader', jurisdictionId: '330522' });
    const until = (await h.db.user.findUniqueOrThrow({ where: { id: made.body.id } })).temporaryUntil!;
    expect(until.getTime() - Date.now()).toBeGreaterThan(71 * 3600_000);
    await h.db.user.update({ where: { id: made.body.id }, data: { temporaryUntil: new Date(Date.now() - 1000) } });
    const r = await api.call('POST', '/auth/login', { body: { username, password: made.body.temporaryPassword } });
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('bad_credentials');
  });

  it('resets a password to a temporary one: the old one and the sessions end', async () => {
    const username = `leader.${unique()}`;
    const made = await as('admin.changxing').post('/users', { username, displayName: '重置测试', role: 'leader', jurisdictionId: '330522' });
    const { token } = (await api.call('POST', '/auth/login', { body: { username, password: made.body.temporaryPassword } })).body;
    const reset = await as('admin.changxing').post(`/users/${made.body.id}/reset-password`, { reason: '本人遗忘密码' });
    expect(reset.status).toBe(200);
    expect(reset.body.temporaryPassword).not.toBe(made.body.temporaryPassword);
    expect((await api.call('GET', '/auth/me', { token })).status).toBe(401);
    expect((await api.call('POST', '/auth/login', { body: { username, password: made.body.temporaryPassword } })).status).toBe(401);
    const again = await api.call('POST', '/auth/login', { body: { username, password: reset.body.temporaryPassword } });
    expect(again.body.mustChangePassword).toBe(true);
  });

  it('keeps an admin inside their subtree and refuses bad input with every reason, changing nothing', async () => {
    const station = as('admin.zhicheng');
    // Above or beside the admin's own jurisdiction: 403.
    expect((await station.post('/users', { username: `x.${unique()}`, displayName: '越权', role: 'coordinator', jurisdictionId: '330522' })).status).toBe(403);
    expect((await station.post('/users', { username: `x.${unique()}`, displayName: '越权', role: 'coordinator', jurisdictionId: '330522002' })).status).toBe(
      403,
    );
    const coordCx = await h.db.user.findUniqueOrThrow({ where: { username: 'coord.changxing' } });
    expect((await station.put(`/users/${coordCx.id}`, { displayName: '改名' })).status).toBe(403);
    expect((await station.post(`/users/${coordCx.id}/reset-password`, { reason: '越权' })).status).toBe(403);
    // Moving a user of one's own subtree out of it.
    const officer = await h.db.user.findUniqueOrThrow({ where: { username: 'officer.zhicheng' } });
    expect((await station.put(`/users/${officer.id}`, { jurisdictionId: '330522002' })).status).toBe(403);
    // Not an admin: 403 on every change.
    expect(
      (await as('coord.changxing').post('/users', { username: `x.${unique()}`, displayName: '越权', role: 'coordinator', jurisdictionId: '330522' })).status,
    ).toBe(403);
    expect((await as('coord.changxing').put(`/users/${officer.id}`, { disabled: true, reason: '越权' })).status).toBe(403);
    // One's own account cannot be disabled or demoted.
    const self = await h.db.user.findUniqueOrThrow({ where: { username: 'admin.zhicheng' } });
    expect((await station.put(`/users/${self.id}`, { disabled: true, reason: '自己' })).status).toBe(403);
    // Disabling says why.
    expect((await as('admin.changxing').put(`/users/${officer.id}`, { disabled: true })).status).toBe(400);
    expect((await as('admin.changxing').post(`/users/${officer.id}/reset-password`, {})).status).toBe(400);
    expect((await h.db.user.findUniqueOrThrow({ where: { id: officer.id } })).disabledAt).toBeNull();

    // Counted by the names tried, not the whole table: other files add accounts meanwhile.
    const stray = `x.${unique()}`;
    const tried = () => h.db.user.count({ where: { username: { in: ['A b', 'officer.zhicheng', stray] } } });
    const before = await tried();
    const bad = await as('admin.changxing').post('/users', {
      username: 'A b',
      displayName: '',
      role: 'boss',
      jurisdictionId: '330522',
      phone: '12345',
      email: 'nope',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['displayName', 'email', 'phone', 'role', 'username']);
    expect(
      (await as('admin.changxing').post('/users', { username: 'officer.zhicheng', displayName: '重名', role: 'county_officer', jurisdictionId: '330522001' }))
        .status,
    ).toBe(409);
    expect(
      (await as('admin.changxing').post('/users', { username: stray, displayName: '无此辖区', role: 'county_officer', jurisdictionId: '999999' })).status,
    ).toBe(400);
    expect(await tried()).toBe(before);
  });

  it('lets coordinators and leaders look users up by one rule for the list and the record, and nobody else', async () => {
    const officer = await h.db.user.findUniqueOrThrow({ where: { username: 'officer.zhicheng' } });
    for (const who of ['coord.changxing', 'leader.changxing', 'admin.changxing']) {
      expect((await as(who).get('/users')).status).toBe(200);
      expect((await as(who).get(`/users/${officer.id}`)).status).toBe(200);
    }
    for (const who of ['auditor.changxing', 'officer.changxing']) {
      expect((await as(who).get('/users')).status).toBe(403);
      expect((await as(who).get(`/users/${officer.id}`)).status).toBe(403);
    }
    // Outside the subtree: 403 for the record, absent from the list.
    expect((await as('coord.zhoushan').get(`/users/${officer.id}`)).status).toBe(403);
    expect((await as('coord.zhoushan').get('/users?range=[0,999]')).body.map((u: { id: string }) => u.id)).not.toContain(officer.id);
  });

  it('imports users from CSV all or nothing, naming every bad line', async () => {
    const a = `officer.${unique()}`;
    const b = `auditor.${unique()}`;
    // Only this import's own names: other files running at once add users to the shared database.
    const imported = () => h.db.user.count({ where: { username: { in: [a, b, `${b}x`, `${b}y`] } } });
    const bad = await as('admin.changxing').csv(
      '/users/import',
      `用户名,姓名,角色,辖区代码,手机,邮箱\n${a},甲,县区执法人员,330522001,13900000001,\n${a},乙,执法员,330522001,,\nofficer.zhicheng,丙,审核员,330522,,\n${b},丁,局长,330522,,\n${b}x,戊,审核员,330900,,\n${b}y,己,审核员,330522,123,bad\n`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { row: number }) => f.row)).toEqual([3, 4, 5, 6, 7]);
    expect(bad.body.fields[0].messageZh).toContain('与第 2 行重复');
    expect(bad.body.fields[1].messageZh).toContain('已被使用');
    expect(bad.body.fields[2].messageZh).toContain('角色须为');
    expect(bad.body.fields[3].messageZh).toContain('不在您的管辖范围');
    expect(await imported()).toBe(0);

    const ok = await as('admin.changxing').csv(
      '/users/import',
      `\uFEFF用户名,姓名,角色,辖区代码,手机\n${a},甲,县区执法人员,330522001,13900000001\n${b},丁,审核员,330522,\n`,
    );
    expect(ok.status).toBe(201);
    expect(ok.body.created).toBe(2);
    const first = ok.body.users[0];
    expect(first).toMatchObject({ username: a, role: 'county_officer', temporaryPassword: expect.any(String) });
    expect((await api.call('POST', '/auth/login', { body: { username: a, password: first.temporaryPassword } })).body.mustChangePassword).toBe(true);
    expect((await auditOf(first.id)).map((e) => e.action)).toEqual(['user.created']);
  });

  it('signs out everywhere', async () => {
    // An account of its own: files run side by side, and this ends every session of the account (a demo
    // account's would be another file's too).
    const username = `leader.${unique()}`;
    const made = await as('admin.changxing').post('/users', { username, displayName: '测试领导', role: 'leader', jurisdictionId: '330522', reason: '测试' });
    expect(made.status).toBe(201);
    const password = '长兴领导巡查2026冬';
    const first = (await api.call('POST', '/auth/login', { body: { username, password: made.body.temporaryPassword } })).body.token as string;
    expect((await api.call('POST', '/auth/password', { token: first, body: { oldPassword: made.body.temporaryPassword, newPassword: password } })).status).toBe(
      200,
    );
    const signIn = async () => (await api.call('POST', '/auth/login', { body: { username, password } })).body.token as string;
    const [one, two] = [await signIn(), await signIn()];
    expect((await api.call('GET', '/auth/me', { token: two })).status).toBe(200);
    expect((await api.call('POST', '/auth/logout-everywhere', { token: one })).status).toBe(204);
    expect((await api.call('GET', '/auth/me', { token: one })).status).toBe(401);
    expect((await api.call('GET', '/auth/me', { token: two })).status).toBe(401);
  });
});

describe('jurisdictions, added and renamed under one’s own', () => {
  it('adds a station under a county with a code that fits, and refuses what does not', async () => {
    const admin = as('admin.changxing');
    const code = `330522${String(100 + randomInt(800))}`;
    const made = await admin.post('/jurisdictions', { id: code, name: '测试市场监管所', level: 'station', parentId: '330522', reason: '机构调整' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ id: code, level: 'station', parentId: '330522', path: `/330500/330522/${code}/` });
    // The admin's own scope grows with it: a user can be placed there at once.
    expect(
      (await admin.post('/users', { username: `officer.${unique()}`, displayName: '新所执法员', role: 'county_officer', jurisdictionId: code })).status,
    ).toBe(201);
    expect((await admin.put(`/jurisdictions/${code}`, { name: '测试市场监管所（更名）', reason: '更名' })).body.name).toBe('测试市场监管所（更名）');
    expect((await auditOf(code)).map((e) => [e.action, e.reason])).toEqual([
      ['jurisdiction.created', '机构调整'],
      ['jurisdiction.renamed', '更名'],
    ]);

    const refused = async (body: object) => (await admin.post('/jurisdictions', body)).status;
    expect(await refused({ id: '330599001', name: '不在本县', level: 'station', parentId: '330522' })).toBe(400); // not the county's code
    expect(await refused({ id: '330523', name: '县级代码在县下', level: 'county', parentId: '330522' })).toBe(400); // level not below
    expect(await refused({ id: '330522', name: '重复', level: 'station', parentId: '330522' })).toBe(400); // 6 digits for a station
    expect(await refused({ id: code, name: '重复', level: 'station', parentId: '330522' })).toBe(409);
    expect(await refused({ id: '330902901', name: '别人的县', level: 'station', parentId: '330902' })).toBe(403);
    expect(await refused({ id: '330530', name: '上级', level: 'county', parentId: '330500' })).toBe(403); // above the admin
    expect((await as('coord.changxing').post('/jurisdictions', { id: '330522951', name: '非管理员', level: 'station', parentId: '330522' })).status).toBe(403);
    expect((await admin.put('/jurisdictions/330522', { name: '自己的辖区' })).status).toBe(403);
    expect((await admin.put('/jurisdictions/330500', { name: '上级' })).status).toBe(403);
  });

  it('imports a tree from CSV, refusing cycles, unknown parents, duplicates and codes that do not fit', async () => {
    const admin = as('admin.huzhou');
    // Only this file's codes: other files running at once add stations (newStation) to the shared database.
    const inFile = () =>
      h.db.jurisdiction.count({ where: { id: { in: ['330581', '330581001', '330582', '330583', '330584', '330585', '330586', '3305870', '330588'] } } });
    const bad = await admin.csv(
      '/jurisdictions/import',
      [
        '代码,名称,上级代码,级别',
        '330581,测试县甲,330500,县区', // 2: fine on its own
        '330581001,甲一所,330581,基层所', // 3: fine
        '330582,测试县乙,330583,县区', // 4: cycle 330582 → 330583 → 330582
        '330583,测试县丙,330582,县区', // 5: cycle
        '330584,测试县丁,339999,县区', // 6: unknown parent
        '330581,重复,330500,县区', // 7: duplicate of line 2
        '330585,代码不合,330500,基层所', // 8: a station code must be 9 digits
        '330586,越权,330900,县区', // 9: parent outside the admin's subtree
        '330500,已存在,330500,市', // 10: exists
        '3305870,格式,330500,县区', // 11: 7 digits
        '330588,级别不明,330500,乡镇', // 12: unknown level
      ].join('\n'),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { row: number }) => f.row).sort((x: number, y: number) => x - y)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(bad.body.fields.find((f: { row: number }) => f.row === 4).messageZh).toContain('循环');
    expect(bad.body.fields.find((f: { row: number }) => f.row === 6).messageZh).toContain('339999 不存在');
    expect(await inFile()).toBe(0);

    const tail = String(randomInt(60, 99)); // 330522 (长兴) and the demo's other codes lie below
    const ok = await admin.csv('/jurisdictions/import', `代码,名称,上级代码,级别\n3305${tail}001,子所,3305${tail},基层所\n3305${tail},新县,330500,county\n`);
    if (ok.status === 400 && JSON.stringify(ok.body).includes('已存在')) return; // the random code was taken by an earlier run on this server
    expect(ok.status).toBe(201);
    expect(ok.body.created).toBe(2);
    expect(await h.db.jurisdiction.findUnique({ where: { id: `3305${tail}001` } })).toMatchObject({
      parentId: `3305${tail}`,
      path: `/330500/3305${tail}/3305${tail}001/`,
    });
  });
});

describe('programmes belong to the jurisdiction that defined them', () => {
  it('lets another city copy but not revise, and the owner and those above revise', async () => {
    const id = `own_${unique()}`;
    const spec = shanghaiSpec(id);
    const defined = await as('coord.changxing').post('/programmes', spec);
    expect(defined.status).toBe(201);
    expect(defined.body).toMatchObject({ jurisdictionId: '330522', jurisdictionName: '长兴县', canRevise: true });
    const seen = await as('coord.zhoushan').get(`/programmes/${id}`);
    expect(seen.body.canRevise).toBe(false);
    const refused = await as('coord.zhoushan').put(`/programmes/${id}`, { ...spec, name: '被他市改动' });
    expect(refused.status).toBe(403);
    expect(refused.body.messageZh).toContain('复制为模板');
    expect((await as('coord.changxing').get(`/programmes/${id}`)).body.version).toBe(1);
    // A copy under a new id is the other city's own.
    const copy = await as('coord.zhoushan').post('/programmes', { ...spec, id: `${id}_zs` });
    expect(copy.status).toBe(201);
    expect(copy.body.jurisdictionId).toBe('330900');
    // The county itself and the city above it may revise; the revision stays the county's.
    const up = await as('coord.huzhou').put(`/programmes/${id}`, { ...spec, name: `${spec.name}（市局修订）` });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ version: 2, jurisdictionId: '330522' });
    expect((await as('coord.changxing').put(`/programmes/${id}`, spec)).status).toBe(200);
  });
});

describe('sign-in', () => {
  it('costs an unknown username the same bcrypt work as a real one', async () => {
    // The stand-in hash had been malformed, so bcrypt refused it at once: ~10 ms against ~150 ms.
    const time = async (username: string) => {
      const t0 = performance.now();
      const r = await api.call('POST', '/auth/login', { body: { username, password: 'wrong-password-here' } });
      expect(r.status).toBe(401);
      expect(r.body.error).toBe('bad_credentials');
      return performance.now() - t0;
    };
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    const slugs = ['daishan', 'shengsi', 'putuo', 'dinghai', 'gucheng', 'yulong', 'lijiang'];
    // At the production cost (the suite hashes at bcrypt's minimum, vitest.config.ts): these accounts'
    // hashes, and the stand-in, which follows the configured cost.
    const productionHash = await bcrypt.hash(process.env.DEMO_PASSWORD ?? DEMO_PASSWORD_DEFAULT, 10);
    await h.db.user.updateMany({ where: { username: { in: slugs.map((s) => `leader.${s}`) } }, data: { passwordHash: productionHash } });
    const testCost = process.env.BCRYPT_COST;
    process.env.BCRYPT_COST = '10';
    try {
      // Interleaved, one account each, so neither the limiter nor a load spike favours one side.
      for (const slug of slugs) {
        known.push(await time(`leader.${slug}`));
        unknown.push(await time(`nobody.${slug}.${unique()}`));
      }
    } finally {
      if (testCost === undefined) delete process.env.BCRYPT_COST;
      else process.env.BCRYPT_COST = testCost;
    }
    const hash = (await h.db.user.findUniqueOrThrow({ where: { username: 'leader.daishan' } })).passwordHash;
    expect(bcrypt.getRounds(hash)).toBe(10);
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it('limits failures per account and per client address in PostgreSQL: every API process shares the count', async () => {
    // A second API process on the same database (a restart, or a node behind the same load balancer).
    const other = await startApi(h);
    const saved = process.env.LOGIN_MAX_FAILURES_PER_ADDRESS;
    try {
      const victim = 'auditor.daishan';
      for (let i = 0; i < 5; i++) expect((await api.call('POST', '/auth/login', { body: { username: victim, password: `guess-${i}` } })).status).toBe(401);
      for (let i = 5; i < 10; i++) expect((await other.call('POST', '/auth/login', { body: { username: victim, password: `guess-${i}` } })).status).toBe(401);
      expect((await api.call('POST', '/auth/login', { body: { username: victim, password: 'demo1234' } })).status).toBe(429);
      expect((await other.call('POST', '/auth/login', { body: { username: victim, password: 'demo1234' } })).status).toBe(429);
      // Ten failures, and the two refused attempts: a blocked guess is a guess too.
      expect(await h.db.loginFailure.count({ where: { username: victim } })).toBe(12);

      // Per client address, behind one trusted proxy (TRUST_PROXY=1): the address is the client's.
      process.env.LOGIN_MAX_FAILURES_PER_ADDRESS = '5';
      const proxied = await startApiBehindProxy();
      const client = `198.18.${randomInt(256)}.${randomInt(256)}`;
      const from = (address: string, username: string, password: string) =>
        fetch(`${proxied.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `${address}` },
          body: JSON.stringify({ username, password }),
        }).then((r) => r.status);
      // Password spraying: one guess at each of five accounts (names no other suite fails on).
      for (let i = 0; i < 5; i++) expect(await from(client, `spray.${i}.${unique()}`, 'spray-password-1')).toBe(401);
      expect(await from(client, 'coord.putuo', 'demo1234')).toBe(429);
      expect(await from(`198.19.${randomInt(256)}.1`, 'coord.putuo', 'demo1234')).toBe(200);
      // (The refused attempt at coord.putuo went with that account's success from the other address.)
      expect(await h.db.loginFailure.count({ where: { address: client } })).toBe(5);
      await new Promise<void>((resolve) => proxied.server.close(() => resolve()));
    } finally {
      if (saved === undefined) delete process.env.LOGIN_MAX_FAILURES_PER_ADDRESS;
      else process.env.LOGIN_MAX_FAILURES_PER_ADDRESS = saved;
      await other.close();
    }
  });

  it('counts a burst of concurrent guesses: no more than the limit are judged', async () => {
    const username = `burst.${unique()}`; // the limit is per name, known or not
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api.call('POST', '/auth/login', { body: { username, password: `guess-${i}` } }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
  });

  it('counts wrong current passwords on a password change as failed sign-ins', async () => {
    const username = `auditor.${unique()}`;
    const made = await as('admin.changxing').post('/users', { username, displayName: '改密猜测', role: 'auditor', jurisdictionId: '330522' });
    const { token } = (await api.call('POST', '/auth/login', { body: { username, password: made.body.temporaryPassword } })).body;
    for (let i = 0; i < 10; i++)
      expect((await api.call('POST', '/auth/password', { token, body: { oldPassword: `guess-${i}`, newPassword: 'Changxing-guess-2026' } })).status).toBe(400);
    expect(
      (await api.call('POST', '/auth/password', { token, body: { oldPassword: made.body.temporaryPassword, newPassword: 'Changxing-guess-2026' } })).status,
    ).toBe(429);
  });

  it('deletes an expired session when it is presented', async () => {
    const t = await api.login('leader.gucheng');
    const { createHash } = await import('node:crypto');
    const tokenHash = createHash('sha256').update(t).digest('hex');
    await h.db.session.update({ where: { tokenHash }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    expect((await api.call('GET', '/auth/me', { token: t })).status).toBe(401);
    expect(await h.db.session.count({ where: { tokenHash } })).toBe(0);
  });
});

async function startApiBehindProxy() {
  const { createApp } = await import('../api/app.js');
  const app = createApp({ db: h.db, client: h.env.client, taskQueue: h.taskQueue, trustProxy: 1 });
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}` };
}
