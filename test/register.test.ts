// The operator register (zhoushan 六、（一）调查摸底) through the API: county officers keep their own
// jurisdiction's register, by form or CSV (every bad line reported, nothing half-imported), audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTimeSkippingHarness, type TimeHarness } from './helpers-time.js';
import { startApi, type Api } from './api-helpers.js';
import { demoUscc } from '../prisma/seed.js';

let h: TimeHarness;
let api: Api;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  h = await startTimeSkippingHarness(); // no workflow runs here: the fast tier's harness will do
  api = await startApi(h);
  for (const u of ['officer.dinghai', 'officer.putuo', 'leader.zhoushan']) tokens[u] = await api.login(u);
});
afterAll(async () => {
  await api?.close();
  await h?.stop();
});

describe('operator register', () => {
  it('imports a county register from CSV: all lines or none, with every bad line explained', async () => {
    const [u1, u2, u3] = [demoUscc('330902', 901), demoUscc('330902', 902), demoUscc('330903', 903)];
    const header = '名称,统一社会信用代码,主体类型,辖区代码,注册日期,平台账号,经营异常,严重违法失信';
    const bad = [
      header,
      `定海海鲜直播间,${u1},主播,330902,2021-05-10,douyin:dh_seafood;kuaishou:dh_sf,否,否`,
      `错码主体,${u1.slice(0, 17)}X,主播,330902,2021-05-10,,否,否`,
      `普陀主体,${u3},MCN机构,330903,2020-01-01,,否,否`,
      `类型错,${u2},网红,330902,2021-05-10,,否,否`,
      `日期错,${u2},电商经营者,330902,2023-02-30,,否,否`,
      `重复,${u1},主播,330902,2021-05-10,,否,否`,
    ].join('\n');
    const refused = await api.call('POST', '/operators/import', { token: tokens['officer.dinghai'], body: { csv: bad } });
    expect(refused.status).toBe(400);
    expect(refused.body.fields.map((f: { row: number }) => f.row)).toEqual([3, 4, 5, 6, 7]);
    expect(refused.body.fields[0].messageEn).toMatch(/uscc: invalid USCC/);
    expect(refused.body.fields[1].messageEn).toMatch(/330903 is outside your jurisdiction/);
    expect(refused.body.fields[3].messageEn).toMatch(/no such date/);
    expect(refused.body.fields[4].messageEn).toMatch(/repeats line 2/);
    expect(await h.db.operator.count({ where: { uscc: { in: [u1, u2] } } })).toBe(0);

    const good = `${header}\n定海海鲜直播间,${u1},主播,330902,2021-05-10,douyin:dh_seafood,否,否\n定海渔家电商,${u2},电商经营者,330902,2023-03-01,,否,是\n`;
    const ok = await api.call('POST', '/operators/import', { token: tokens['officer.dinghai'], rawBody: good, contentType: 'text/csv' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toEqual({ created: 2, updated: 0 });
    expect(await h.db.operator.findUniqueOrThrow({ where: { uscc: u2 } })).toMatchObject({
      kind: 'ecommerce',
      dishonestListed: true,
      jurisdictionId: '330902',
    });
    // Importing again updates (the register is maintained, not appended to).
    const again = await api.call('POST', '/operators/import', { token: tokens['officer.dinghai'], body: { csv: good.replace(',否,是', ',否,否') } });
    expect(again.body).toEqual({ created: 0, updated: 2 });
    expect((await h.db.operator.findUniqueOrThrow({ where: { uscc: u2 } })).dishonestListed).toBe(false);
    // Another county may neither import over it nor edit it.
    const foreign = await api.call('POST', '/operators/import', {
      token: tokens['officer.putuo'],
      body: { csv: `${header}\n抢注,${u1},主播,330903,2021-05-10,,否,否` },
    });
    expect(foreign.body.fields[0].messageEn).toMatch(/registered in another jurisdiction/);
    const id = (await h.db.operator.findUniqueOrThrow({ where: { uscc: u1 } })).id;
    expect((await api.call('PUT', `/operators/${id}`, { token: tokens['officer.putuo'], body: { abnormalListed: true } })).status).toBe(403);
    // Moved to no jurisdiction or an unknown one: 400, nothing changed (an empty one once reached the
    // database and failed there with 500: the contract fuzz, 2026-12-02).
    for (const jurisdictionId of ['', ' ', '999999']) {
      const moved = await api.call('PUT', `/operators/${id}`, { token: tokens['officer.dinghai'], body: { jurisdictionId, abnormalListed: true } });
      expect([jurisdictionId, moved.status, moved.body.fields?.[0]?.path]).toEqual([jurisdictionId, 400, 'jurisdictionId']);
    }
    expect(await h.db.operator.findUniqueOrThrow({ where: { id } })).toMatchObject({ jurisdictionId: '330902', abnormalListed: false });
    expect((await api.call('PUT', `/operators/${id}`, { token: tokens['officer.dinghai'], body: { jurisdictionId: '330903' } })).status).toBe(403);
    const edited = await api.call('PUT', `/operators/${id}`, { token: tokens['officer.dinghai'], body: { abnormalListed: true, uscc: 'ignored', id } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ abnormalListed: true, uscc: u1 });
    const audit = await h.db.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['operator.registered', 'u-officer-dinghai'],
      ['operator.updated', 'u-officer-dinghai'],
      ['operator.updated', 'u-officer-dinghai'],
    ]);
    expect(audit.every((a) => a.clause?.includes('调查摸底'))).toBe(true);
    expect((await api.call('POST', '/operators/import', { token: tokens['leader.zhoushan'], body: { csv: good } })).status).toBe(403);
  });

  it('registers one operator from the form, refusing a known USCC and a foreign jurisdiction', async () => {
    const u = demoUscc('330902', 904);
    const body = {
      name: '定海直播基地',
      uscc: u,
      kind: 'live_base',
      jurisdictionId: '330902',
      registeredOn: '2019-06-01',
      platformAccounts: [{ platform: 'douyin', account: 'dh_base', followers: 52000 }],
    };
    expect((await api.call('POST', '/operators', { token: tokens['officer.putuo'], body })).status).toBe(403);
    const created = await api.call('POST', '/operators', { token: tokens['officer.dinghai'], body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: `op-${u.toLowerCase()}`, kind: 'live_base', abnormalListed: false });
    expect((await api.call('POST', '/operators', { token: tokens['officer.dinghai'], body })).status).toBe(409);
    expect(
      (await api.call('POST', '/operators', { token: tokens['officer.dinghai'], body: { ...body, uscc: demoUscc('330902', 905), registeredOn: '2019-13-01' } }))
        .status,
    ).toBe(400);
  });

  it('refuses a bad 统一社会信用代码 naming the rule it breaks: length, characters, division code, check character', async () => {
    const u = demoUscc('330902', 906);
    const body = { name: '定海码错主体', kind: 'streamer', jurisdictionId: '330902', registeredOn: '2020-06-01' };
    const cases: [string, string, string][] = [
      [u.slice(0, 17), '统一社会信用代码无效：长度应为 18 位（现为 17 位）', 'invalid USCC: it must be 18 characters long, not 17'],
      [
        `${u.slice(0, 12)}Z${u.slice(13)}`,
        '统一社会信用代码无效：含不允许的字符「Z」（只用数字和大写字母，不使用 I、O、S、V、Z）',
        'invalid USCC: it contains "Z" (only digits and capital letters, never I, O, S, V or Z)',
      ],
      [
        `${u.slice(0, 5)}X${u.slice(6)}`,
        `统一社会信用代码无效：第 3–8 位应为行政区划码（6 位数字），现为「${u.slice(2, 5)}X${u.slice(6, 8)}」`,
        `invalid USCC: characters 3–8 must be the administrative division code (6 digits), not "${u.slice(2, 5)}X${u.slice(6, 8)}"`,
      ],
      [
        `${u.slice(0, 17)}${u[17] === 'Y' ? 'X' : 'Y'}`,
        `统一社会信用代码无效：校验位错误，应为「${u[17]}」`,
        `invalid USCC: the check character is wrong, it should be ${u[17]}`,
      ],
    ];
    for (const [uscc, zh, en] of cases) {
      const r = await api.call('POST', '/operators', { token: tokens['officer.dinghai'], body: { ...body, uscc } });
      expect([uscc, r.status, r.body.fields]).toEqual([uscc, 400, [{ path: 'uscc', messageZh: zh, messageEn: en }]]);
    }
    // The CSV import says the same, line by line.
    const header = '名称,统一社会信用代码,主体类型,辖区代码,注册日期';
    const imported = await api.call('POST', '/operators/import', {
      token: tokens['officer.dinghai'],
      body: { csv: [header, ...cases.map(([uscc]) => `码错,${uscc},主播,330902,2020-06-01`)].join('\n') },
    });
    expect(imported.status).toBe(400);
    expect(imported.body.fields.map((f: { messageEn: string }) => f.messageEn)).toEqual(cases.map(([, , en], i) => `line ${i + 2}: uscc: ${en}`));
    expect(imported.body.fields.map((f: { messageZh: string }) => f.messageZh)).toEqual(cases.map(([, zh], i) => `第 ${i + 2} 行：uscc ${zh}`));
    expect(await h.db.operator.count({ where: { uscc: { in: cases.map(([x]) => x) } } })).toBe(0);
  });
});
