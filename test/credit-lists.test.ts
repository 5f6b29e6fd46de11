// Credit lists that act (README "Credit lists"; changxing 三、评定管理 取消称号情形（6）), through the REST API on
// Temporal's time-skipping test server: an operator of this file's own holds a Changxing title and is enrolled
// in a campaign whose award is not final; the national 严重违法失信名单 is imported (a bad file first: every bad
// line named, nothing changed); its new listing raises a revocation proposal for the station and a hold for
// the coordinator, each a task citing its clause; confirmed, the title is revoked on ground 三、（6） and the
// case leaves the award. The same file again raises nothing; the listing's removal is recorded with its
// date, and the register's flag follows.
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { uniqueYear, waitFor } from './helpers.js';
import { apiSuite } from './helpers-api-suite.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { demoUscc } from '../prisma/seed.js';

const suite = apiSuite(['coord.changxing', 'auditor.changxing', 'officer.zhicheng', 'officer.taihu', 'officer.dinghai']);

const DAY = 86_400_000;
const enc = encodeURIComponent;
const post = suite.post;

async function launch(operatorId: string) {
  const r = await post('coord.changxing', '/campaigns', {
    programme: 'changxing',
    year: await uniqueYear(suite.h.db),
    jurisdictionId: '330522',
    stages: calendarOpenAt('evaluation', 60 * DAY, 'changxing', await suite.h.now()),
    reminderLeadHours: 0,
    operatorIds: [operatorId],
    settings: { multiDimensionScorers: true },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

describe('credit lists', () => {
  it('a listing raises a revocation and a hold; confirmed, the title is revoked on ground 三、（6） and the case held out', async () => {
    // An operator of this file's own at 雉城所 (a shared demo operator's flags are other suites' business).
    const uscc = demoUscc('330522', randomInt(3_000_000, 9_000_000));
    const name = `信用测试商贸${randomInt(100_000, 999_999)}`;
    const o = await post('officer.zhicheng', '/operators', {
      name,
      uscc,
      kind: 'enterprise',
      jurisdictionId: '330522001',
      registeredOn: '2019-03-01',
      track: 'live_marketing',
    });
    expect(o.status, JSON.stringify(o.body)).toBe(201);
    const operatorId = o.body.id as string;

    // Awarded in one campaign…
    const awarded = await launch(operatorId);
    const scores = await waitFor(async () => {
      const t = await suite.h.db.task.findMany({ where: { campaignId: awarded, type: 'score' } });
      return t.length === 5 && t;
    }, 'score tasks');
    for (const t of scores) expect((await post('auditor.changxing', `/tasks/${enc(t.id)}/complete`, { score: 92 })).status).toBe(200);
    await waitFor(() => suite.h.db.case.findFirst({ where: { campaignId: awarded, proposed: true } }), 'proposed');
    const windowEndsAt = (await suite.h.now()) + 2 * DAY;
    expect((await post('coord.changxing', `/campaigns/${enc(awarded)}/publicity`, { windowEndsAt: new Date(windowEndsAt).toISOString() })).status).toBe(201);
    await suite.h.skipTo(windowEndsAt);
    expect((await post('coord.changxing', `/campaigns/${enc(awarded)}/award`)).status).toBe(201);
    const titleId = `${awarded}:${operatorId}`;
    await waitFor(() => suite.h.db.title.findFirst({ where: { id: titleId, status: 'active' } }), 'the title');
    // …and enrolled in another whose award is not final.
    const running = await launch(operatorId);
    await waitFor(() => suite.h.db.case.findFirst({ where: { campaignId: running, operatorId } }), 'the second case');

    // A bad file: every bad line named, nothing stored.
    const header = '统一社会信用代码,企业名称,列入日期,列入原因,作出决定机关';
    const refused = await post('coord.changxing', '/credit-lists/import?list=dishonest', {
      csv: [header, `${uscc},${name},2026/11/30,提供虚假材料,长兴县市场监督管理局`, `NOTACODE,某公司,2026-11-30,,`, `${uscc},${name},2026-13-01,,`].join('\n'),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.fields.map((f: { path: string }) => f.path)).toEqual(['line 3', 'line 4']);
    expect(await suite.h.db.creditListing.count({ where: { operatorId } })).toBe(0);
    expect((await post('coord.changxing', '/credit-lists/import?list=green', { csv: header })).status).toBe(400);
    expect((await post('auditor.changxing', '/credit-lists/import?list=dishonest', { csv: header })).status).toBe(403);

    // The national list: this operator, one the register does not hold, one of another city.
    const file = {
      csv: [
        header,
        `${uscc},${name},2026/11/30,提供虚假材料取得登记,长兴县市场监督管理局`,
        `${demoUscc('330522', 9_999_991)},外地某公司,2026-10-01,抽查未发现,某局`,
        `${demoUscc('330902', 100)},舟山某直播间,2026-10-01,异常,某局`,
      ].join('\n'),
    };
    const imported = await post('coord.changxing', '/credit-lists/import?list=dishonest', file);
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body).toMatchObject({ listed: 1, notRegistered: 1, outOfScope: 1 });
    expect((await suite.h.db.operator.findUniqueOrThrow({ where: { id: operatorId } })).dishonestListed).toBe(true);

    // Two proposals, each a task citing its clause: the revocation for the station, the hold for the coordinator.
    const proposals = await waitFor(async () => {
      const t = await suite.h.db.task.findMany({ where: { type: 'credit_proposal', caseId: { in: [titleId, `${running}:${operatorId}`] } } });
      return t.length === 2 && t;
    }, 'the proposals');
    const revoke = proposals.find((t) => t.caseId === titleId)!;
    const hold = proposals.find((t) => t.caseId !== titleId)!;
    expect(revoke).toMatchObject({ assigneeRole: 'county_officer', jurisdictionId: '330522001' });
    expect((revoke.details as { clause: string }).clause).toContain('（6）');
    expect(hold).toMatchObject({ assigneeRole: 'coordinator', jurisdictionId: '330522' });
    expect((await post('officer.taihu', `/tasks/${enc(revoke.id)}/complete`, { decision: 'confirm', reason: '越权' })).status).toBe(403);

    // Confirmed: the title is revoked on ground 三、（6）, and the case leaves the award.
    expect((await post('officer.zhicheng', `/tasks/${enc(revoke.id)}/complete`, { decision: 'confirm', reason: '经核实已列入' })).status).toBe(200);
    const title = await waitFor(() => suite.h.db.title.findFirst({ where: { id: titleId, status: 'revoked' } }), 'revoked');
    expect(title.revokedGround).toBe('listed_dishonest');
    expect((await post('coord.changxing', `/tasks/${enc(hold.id)}/complete`, { decision: 'confirm', reason: '暂停评定' })).status).toBe(200);
    const held = await waitFor(() => suite.h.db.case.findFirst({ where: { campaignId: running, operatorId, excludedKind: 'credit_listed' } }), 'held out');
    expect(held.proposed).toBe(false);
    await waitFor(
      async () => (await suite.h.db.auditEvent.count({ where: { entityId: operatorId, action: 'credit.proposal_applied' } })) === 2,
      'both applied',
    );

    // The same file again: nothing new, no proposal raised twice.
    const again = await post('coord.changxing', '/credit-lists/import?list=dishonest', file);
    expect(again.body).toMatchObject({ listed: 0, unchanged: 1 });
    // Of this test's two campaigns: another file's launch of the whole 长兴 register meanwhile enrols this
    // operator too, and its case is held as well (the test database is shared by the files running at once).
    const mine = [titleId, `${running}:${operatorId}`];
    const raised = (await suite.h.db.auditEvent.findMany({ where: { entityId: operatorId, action: 'credit.proposal_raised' } })).filter((e) =>
      mine.includes((e.data as { targetId: string }).targetId),
    );
    expect(raised.map((e) => `${(e.data as { action: string }).action} ${(e.data as { targetId: string }).targetId}`).sort()).toEqual([
      `hold_award ${running}:${operatorId}`,
      `revoke_title ${titleId}`,
    ]);

    // Removed from the list: recorded with its date; the flag follows; the history keeps both dates.
    const removal = await post('coord.changxing', '/credit-lists/import?list=dishonest', {
      csv: `${header},移出日期,移出原因\n${uscc},${name},2026-11-30,提供虚假材料取得登记,长兴县市场监督管理局,2026-12-03,已更正登记`,
    });
    expect(removal.body).toMatchObject({ removed: 1 });
    expect((await suite.h.db.operator.findUniqueOrThrow({ where: { id: operatorId } })).dishonestListed).toBe(false);
    const history = await suite.api.call('GET', `/operators/${enc(operatorId)}/credit-listings`, { token: suite.tokens['officer.zhicheng']! });
    expect(history.body).toEqual([
      expect.objectContaining({ listName: '严重违法失信名单', listedOn: '2026-11-30', removedOn: '2026-12-03', removalReason: '已更正登记' }),
    ]);
    expect((await suite.api.call('GET', `/operators/${enc(operatorId)}/credit-listings`, { token: suite.tokens['officer.dinghai']! })).status).toBe(403);
  });
});
