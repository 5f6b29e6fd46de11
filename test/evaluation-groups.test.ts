// Evaluation groups (changxing 四、（四）: five groups score the cases; README "Evaluation groups"), through the
// REST API on Temporal's time-skipping test server: score tasks follow the groups (formed after the tasks
// opened, changed, claims of non-members given back); a non-member neither sees nor takes a group's task;
// one person scores one dimension of a case unless the campaign allows more; a third party's scores are
// imported all or nothing (every bad line named, nothing changed) and recorded as the party's decision, and
// the same file sent again imports nothing twice.
import { describe, expect, it } from 'vitest';
import { uniqueYear, waitFor } from './helpers.js';
import { apiSuite } from './helpers-api-suite.js';
import { calendarOpenAt } from './helpers-campaign.js';
import { demoUscc } from '../prisma/seed.js';

const suite = apiSuite(['coord.changxing', 'coord.zhoushan', 'auditor.changxing', 'auditor.zhicheng', 'auditor.taihu', 'officer.zhicheng']);

const DAY = 86_400_000;
const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', user: string, path: string, body?: unknown) =>
  suite.api.call(method, path, { token: suite.tokens[user]!, body });
const enc = encodeURIComponent;

async function launch(settings?: object) {
  const r = await call('POST', 'coord.changxing', '/campaigns', {
    programme: 'changxing',
    year: await uniqueYear(suite.h.db),
    jurisdictionId: '330522',
    stages: calendarOpenAt('evaluation', 60 * DAY, 'changxing', await suite.h.now()),
    reminderLeadHours: 0,
    operatorIds: ['op-cx-001', 'op-cx-002', 'op-cx-003'],
    ...(settings ? { settings } : {}),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const id = r.body.id as string;
  const tasks = await waitFor(async () => {
    const t = await suite.h.db.task.findMany({ where: { campaignId: id, type: 'score' } });
    return t.length === 15 && t;
  }, 'score tasks');
  const task = (operatorId: string, dim: string) =>
    tasks.find((t) => t.caseId === `${id}:${operatorId}` && (t.details as { dimension: string }).dimension === dim)!.id;
  return { id, task };
}
const userId = async (username: string) => (await suite.h.db.user.findUniqueOrThrow({ where: { username } })).id;

describe('evaluation groups', () => {
  it('gives each group its own score tasks, one dimension of a case per person, and imports a third party’s scores', async () => {
    const { id, task } = await launch();
    const groups = `/campaigns/${enc(id)}/evaluation-groups`;
    const [county, zhicheng, taihu] = await Promise.all(['auditor.changxing', 'auditor.zhicheng', 'auditor.taihu'].map(userId));

    // Refusals, each changing nothing: an auditor forms no group (role); another county's coordinator
    // (jurisdiction); an unknown dimension, a member who is no auditor of the county, a unit without members.
    const dept = { name: '部门评价组', dimensions: ['department'], memberIds: [county] };
    expect((await call('POST', 'auditor.changxing', groups, dept)).status).toBe(403);
    expect((await call('POST', 'coord.zhoushan', groups, dept)).status).toBe(403);
    const bad = await call('POST', 'coord.changxing', groups, {
      name: '评议组',
      dimensions: ['industry', 'fun'],
      memberIds: [await userId('officer.zhicheng')],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { path: string }) => f.path)).toEqual(['dimensions.1', 'memberIds.0']);
    expect((await call('POST', 'coord.changxing', groups, { name: '空组', dimensions: ['industry'] })).status).toBe(400);
    expect(await suite.h.db.evaluationGroup.count({ where: { campaignId: id } })).toBe(0);

    // Formed after the tasks opened: the open tasks of its dimensions become the group's. A dimension is one group's.
    const created = await call('POST', 'coord.changxing', groups, dept);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.openTasks).toBe(3);
    const twice = await call('POST', 'coord.changxing', groups, { name: '另一组', dimensions: ['department'], memberIds: [zhicheng] });
    expect(twice.status).toBe(400);
    expect(twice.body.fields[0].messageZh).toContain('部门评价组');
    const review = await call('POST', 'coord.changxing', groups, { name: '评议组', dimensions: ['industry', 'consumer'], memberIds: [zhicheng, taihu] });
    expect(review.status).toBe(201);
    const third = await call('POST', 'coord.changxing', groups, { name: '第三方监测（长兴数据科技）', external: true, dimensions: ['third_party'] });
    expect(third.status).toBe(201);

    // A member at another station sees the group's tasks wherever they lie (op-cx-001 is 雉城所's case).
    expect((await call('GET', 'auditor.taihu', `/tasks/${enc(task('op-cx-001', 'industry'))}`)).status).toBe(200);
    const taihuList = await call('GET', 'auditor.taihu', `/tasks?filter=${enc(JSON.stringify({ campaignId: id, type: 'score' }))}&range=[0,99]`);
    expect(taihuList.body.map((t: { id: string }) => t.id)).toContain(task('op-cx-001', 'consumer'));
    // A non-member neither sees the group's tasks nor takes one; a member does.
    const zhichengList = await call('GET', 'auditor.zhicheng', `/tasks?filter=${enc(JSON.stringify({ campaignId: id, type: 'score' }))}&range=[0,99]`);
    const seen = zhichengList.body.map((t: { id: string }) => t.id);
    expect(seen).toContain(task('op-cx-001', 'industry'));
    expect(seen).toContain(task('op-cx-001', 'social')); // no group holds it: any auditor's, as before
    expect(seen).not.toContain(task('op-cx-001', 'department'));
    expect((await call('GET', 'auditor.zhicheng', `/tasks/${enc(task('op-cx-001', 'department'))}`)).status).toBe(403);
    expect((await call('POST', 'auditor.zhicheng', `/tasks/${enc(task('op-cx-001', 'department'))}/complete`, { score: 88 })).status).toBe(403);
    const mine = await call('GET', 'auditor.changxing', `/tasks/${enc(task('op-cx-001', 'department'))}`);
    expect(mine.body.evaluationGroupName).toBe('部门评价组');
    expect((await call('POST', 'auditor.changxing', `/tasks/${enc(task('op-cx-001', 'department'))}/complete`, { score: 88 })).status).toBe(200);

    // One person, one dimension of a case (the default): the county's auditor scored 部门评价 of op-cx-001,
    // so its 社会评议 (nobody's group) is refused to them, not to a colleague; another case is theirs to score.
    const twiceByOne = await call('POST', 'auditor.changxing', `/tasks/${enc(task('op-cx-001', 'social'))}/complete`, { score: 80 });
    expect(twiceByOne.status).toBe(409);
    expect(twiceByOne.body.messageZh).toContain('部门评价');
    expect((await suite.h.db.task.findUniqueOrThrow({ where: { id: task('op-cx-001', 'social') } })).status).toBe('open');
    expect((await call('POST', 'auditor.zhicheng', `/tasks/${enc(task('op-cx-001', 'social'))}/complete`, { score: 80 })).status).toBe(200);
    expect((await call('POST', 'auditor.zhicheng', `/tasks/${enc(task('op-cx-001', 'industry'))}/complete`, { score: 80 })).status).toBe(409);

    // A claim held by someone who leaves the group is given back when the group changes.
    expect((await call('POST', 'auditor.taihu', `/tasks/${enc(task('op-cx-002', 'consumer'))}/claim`)).status).toBe(200);
    const changed = await call('PUT', 'coord.changxing', `${groups}/${enc(review.body.id)}`, {
      name: '评议组',
      dimensions: ['industry', 'consumer'],
      memberIds: [zhicheng],
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await suite.h.db.task.findUniqueOrThrow({ where: { id: task('op-cx-002', 'consumer') } })).claimedById).toBeNull();
    // Only members are offered for assignment.
    const offered = await call('GET', 'coord.changxing', `/tasks/assignees?ids=${enc(task('op-cx-001', 'consumer'))}`);
    expect(offered.body.map((u: { id: string }) => u.id)).toEqual([zhicheng]);

    // The third party's file: every bad line named, and nothing imported.
    const importPath = `${groups}/${enc(third.body.id)}/scores`;
    const uscc = (n: number) => demoUscc('330522', n);
    const badCsv = [
      '统一社会信用代码,分数,备注',
      `${uscc(1)},91.5,舆情监测无负面`,
      `${uscc(2)},101,`,
      `${uscc(1)},90,重复`,
      `${uscc(25)},90,`,
      `91330522MA00000000,90,`,
    ].join('\n');
    const refused = await call('POST', 'coord.changxing', importPath, { csv: badCsv });
    expect(refused.status).toBe(400);
    expect(refused.body.fields.map((f: { path: string }) => f.path)).toEqual(['line 3', 'line 4', 'line 5', 'line 6']);
    expect(await suite.h.db.scoreImport.count({ where: { campaignId: id } })).toBe(0);
    expect(await suite.h.db.task.count({ where: { campaignId: id, type: 'score', status: 'done' } })).toBe(2);
    // A unit's group scores in the inbox, not by import; an auditor outside the party may not import for it.
    expect((await call('POST', 'coord.changxing', `${groups}/${enc(created.body.id)}/scores`, { csv: badCsv })).status).toBe(400);
    expect((await call('POST', 'auditor.taihu', importPath, { csv: badCsv })).status).toBe(403);

    const goodCsv = ['统一社会信用代码,分数,备注', `${uscc(1)},91.5,舆情监测无负面`, `${uscc(2)},78,直播间存在夸大宣传`, `${uscc(3)},85,`].join('\n');
    const accepted = await call('POST', 'coord.changxing', importPath, { csv: goodCsv });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
    const done = await waitFor(async () => {
      const v = await call('GET', 'coord.changxing', `/campaigns/${enc(id)}/score-imports/${enc(accepted.body.id)}`);
      return v.body.status === 'done' && v.body;
    }, 'the import delivered');
    expect(done).toMatchObject({ lines: 3, delivered: 3, refused: [], groupName: '第三方监测（长兴数据科技）', dimensionName: '第三方监测' });
    const t2 = await suite.h.db.task.findUniqueOrThrow({ where: { id: task('op-cx-002', 'third_party') } });
    expect(t2.result).toEqual({ score: 78, comment: '直播间存在夸大宣传' });
    // Recorded as the party's decision, entered by the coordinator.
    const entry = await suite.h.db.auditEvent.findFirstOrThrow({ where: { entityId: t2.id, action: 'task.completed' } });
    expect(entry.data).toMatchObject({ forGroup: { groupName: '第三方监测（长兴数据科技）', importId: accepted.body.id } });
    expect(entry.actorId).toBe(await userId('coord.changxing'));
    // The same file again (a retry after a lost answer) is the same import: nothing twice.
    const again = await call('POST', 'coord.changxing', importPath, { csv: goodCsv });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ id: accepted.body.id, delivered: 3 });
    expect(await suite.h.db.auditEvent.count({ where: { campaignId: id, action: 'task.completed', entityId: t2.id } })).toBe(1);

    // A group that has scored is not dissolved; one that has not, is, and its tasks are any auditor's again.
    expect((await call('DELETE', 'coord.changxing', `${groups}/${enc(third.body.id)}`)).status).toBe(409);
    expect((await call('DELETE', 'coord.changxing', `${groups}/${enc(review.body.id)}`)).status).toBe(204);
    expect((await suite.h.db.task.findUniqueOrThrow({ where: { id: task('op-cx-001', 'consumer') } })).evaluationGroupId).toBeNull();
    const listed = await call('GET', 'auditor.zhicheng', groups);
    expect(listed.body.groups.map((g: { name: string }) => g.name)).toEqual(['部门评价组', '第三方监测（长兴数据科技）']);
    expect(listed.body.multiDimensionScorers).toBe(false);
    expect(await suite.h.db.auditEvent.count({ where: { campaignId: id, action: { startsWith: 'evaluation_group.' } } })).toBe(5);
  });

  it('lets one person score every dimension when the campaign’s settings allow it', async () => {
    const { task } = await launch({ multiDimensionScorers: true });
    for (const d of ['department', 'third_party'])
      expect((await call('POST', 'auditor.changxing', `/tasks/${enc(task('op-cx-001', d))}/complete`, { score: 90 })).status).toBe(200);
  });
});
