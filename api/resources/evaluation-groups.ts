// Evaluation groups of a staged award (changxing 四、（四）: 部门评价、第三方监测、行业评议、消费者评议、社会评议;
// README "Evaluation groups"): which group scores which dimensions, who belongs to it, and a third party's
// scores imported from a spreadsheet. A score task carries its group (activities/task.ts stamps it when the
// task opens; a change of groups here re-stamps the open ones), and only the group's members see and take
// it (api/scope.ts taskInScope, api/resources/tasks.ts).
import { createHash, randomUUID } from 'node:crypto';
import { Router, type Request } from 'express';
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { appendAudit } from '../../activities/audit.js';
import { importProgress, type ImportedScoreLine } from '../../activities/score-import.js';
import { toCenti } from '../../domain/scoring.js';
import { scoreImportWorkflowId } from '../../workflows/ids.js';
import { definitionOfKind, loadCampaign, requireRunner } from '../campaign-access.js';
import { badRequest, conflict, forbidden, HttpError, notFound, parseOr400 } from '../errors.js';
import { route } from '../routes.js';
import { importBody, readImport } from '../table-import.js';
import { userNames } from '../user-names.js';
import type { Principal } from '../scope.js';
import { actorOf } from './campaigns.js';

const groupBody = z
  .object({
    name: z.string().trim().min(1).max(60),
    external: z.boolean().optional(),
    dimensions: z.array(z.string().min(1).max(50)).min(1).max(20),
    memberIds: z.array(z.string().min(1).max(100)).max(50).optional(),
  })
  .strict();
type GroupBody = z.infer<typeof groupBody>;

// Columns of a third party's score file (Chinese or English): the operator's code, the score, a remark;
// 名称 is for the reader and not imported.
type ScoreColumn = 'uscc' | 'score' | 'remark';
const HEADERS: Record<string, ScoreColumn | null> = {
  统一社会信用代码: 'uscc',
  uscc: 'uscc',
  分数: 'score',
  得分: 'score',
  score: 'score',
  备注: 'remark',
  remark: 'remark',
  名称: null,
  经营主体名称: null,
  name: null,
};
const MAX_REMARK = 500;

export function evaluationGroupsRouter(db: PrismaClient, client: Client, taskQueue: string): Router {
  const r = Router();

  /** A staged award's campaign, seen by `me`; its rules say which dimensions there are. */
  async function campaignOf(id: string, me: Principal) {
    const c = await loadCampaign(db, id, me);
    return { ...c, def: definitionOfKind(c, 'staged_award') };
  }
  type Campaign = Awaited<ReturnType<typeof campaignOf>>;
  const dimensionName = (c: Campaign, key: string) => c.def.rules.dimensions.find((d) => d.key === key)?.name ?? key;

  async function groupOf(c: Campaign, groupId: string) {
    const g = await db.evaluationGroup.findUnique({ where: { id: groupId } });
    if (!g || g.campaignId !== c.id) throw notFound('评价组 evaluation group', groupId);
    return g;
  }

  /** Auditors who may belong to a group: active, at the campaign's jurisdiction or below (score tasks live at stations). */
  async function candidates(c: Campaign) {
    const j = await db.jurisdiction.findUniqueOrThrow({ where: { id: c.jurisdictionId } });
    const under = await db.jurisdiction.findMany({ where: { path: { startsWith: j.path } }, select: { id: true, name: true } });
    const users = await db.user.findMany({
      where: { role: 'auditor', disabledAt: null, jurisdictionId: { in: under.map((u) => u.id) } },
      orderBy: { username: 'asc' },
      select: { id: true, displayName: true, jurisdictionId: true },
    });
    return users.map((u) => ({ id: u.id, displayName: u.displayName, jurisdictionName: under.find((x) => x.id === u.jurisdictionId)?.name ?? '' }));
  }

  /** Every problem with a group as given, each with its path; the dimensions another group holds name it. */
  async function check(c: Campaign, body: GroupBody, self?: string) {
    const problems: { path: string; messageZh: string; messageEn: string }[] = [];
    const known = c.def.rules.dimensions.map((d) => d.key);
    const others = await db.evaluationGroup.findMany({ where: { campaignId: c.id, ...(self ? { id: { not: self } } : {}) } });
    body.dimensions.forEach((d, i) => {
      if (!known.includes(d))
        problems.push({ path: `dimensions.${i}`, messageZh: `未知评价维度「${d}」`, messageEn: `unknown dimension "${d}" (known: ${known.join(', ')})` });
      const holder = others.find((g) => g.dimensions.includes(d));
      if (holder)
        problems.push({
          path: `dimensions.${i}`,
          messageZh: `「${dimensionName(c, d)}」已由「${holder.name}」评价组负责`,
          messageEn: `${d} is already scored by the group "${holder.name}"`,
        });
    });
    if (new Set(body.dimensions).size !== body.dimensions.length)
      problems.push({ path: 'dimensions', messageZh: '评价维度重复', messageEn: 'a dimension is listed twice' });
    if (others.some((g) => g.name === body.name)) problems.push({ path: 'name', messageZh: '已有同名评价组', messageEn: 'a group of this name exists' });
    const members = [...new Set(body.memberIds ?? [])];
    // A unit scores by its members; an external party's scores are imported, so it may have none.
    if (!body.external && members.length === 0)
      problems.push({ path: 'memberIds', messageZh: '单位评价组至少须有一名成员', messageEn: 'a unit’s group needs at least one member' });
    const allowed = new Set((await candidates(c)).map((u) => u.id));
    members.forEach((m, i) => {
      if (!allowed.has(m))
        problems.push({
          path: `memberIds.${i}`,
          messageZh: '成员须为本活动辖区内在用的审核员账号',
          messageEn: 'a member must be an active auditor account within the campaign’s jurisdiction',
        });
    });
    if (problems.length) throw badRequest(`评价组设置有 ${problems.length} 处问题`, `${problems.length} problem(s) with the group`, problems);
    return members;
  }

  /**
   * The open score tasks follow the groups: a dimension's tasks carry the group that now holds it (or none),
   * and a claim held by someone outside the new group is given back, so the task is the group's to take.
   */
  async function restamp(tx: Prisma.TransactionClient, campaignId: string) {
    await tx.$executeRaw`
      UPDATE task t SET evaluation_group_id = g.id
        FROM (SELECT t2.id AS task_id, (SELECT eg.id FROM evaluation_group eg
                WHERE eg.campaign_id = t2.campaign_id AND (t2.details->>'dimension') = ANY(eg.dimensions)) AS id
              FROM task t2 WHERE t2.campaign_id = ${campaignId} AND t2.type = 'score' AND t2.status = 'open') g
       WHERE t.id = g.task_id AND t.evaluation_group_id IS DISTINCT FROM g.id`;
    await tx.$executeRaw`
      UPDATE task t SET claimed_by_id = NULL
       WHERE t.campaign_id = ${campaignId} AND t.type = 'score' AND t.status = 'open' AND t.claimed_by_id IS NOT NULL
         AND t.evaluation_group_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM evaluation_group_member m WHERE m.group_id = t.evaluation_group_id AND m.user_id = t.claimed_by_id)`;
  }

  /**
   * A campaign's groups change one at a time (its row locked): two changes at once, each checked alone, could
   * both take the same dimension or name.
   */
  async function exclusive(tx: Prisma.TransactionClient, campaignId: string, body: GroupBody, self?: string) {
    await tx.$queryRaw`SELECT id FROM campaign WHERE id = ${campaignId} FOR UPDATE`;
    const clash = await tx.evaluationGroup.findFirst({
      where: { campaignId, ...(self ? { id: { not: self } } : {}), OR: [{ dimensions: { hasSome: body.dimensions } }, { name: body.name }] },
    });
    if (clash) throw conflict(`「${clash.name}」刚刚有变更，请刷新后重试`, `the group "${clash.name}" has just changed: reload and try again`);
  }

  async function audit(tx: Prisma.TransactionClient, c: Campaign, me: Principal, action: string, groupId: string, data: Prisma.InputJsonObject) {
    await appendAudit(tx, {
      key: `evaluation_group:${groupId}:${action.split('.')[1]}:${randomUUID()}`,
      actor: actorOf(me),
      action,
      entityType: 'evaluation_group',
      entityId: groupId,
      campaignId: c.id,
      jurisdictionId: c.jurisdictionId,
      clause: c.def.rules.clauses.scoring,
      data,
    });
  }

  async function describe(c: Campaign) {
    const groups = await db.evaluationGroup.findMany({ where: { campaignId: c.id }, orderBy: { createdAt: 'asc' } });
    const members = await db.evaluationGroupMember.findMany({ where: { groupId: { in: groups.map((g) => g.id) } } });
    const people = new Map((await candidates(c)).map((u) => [u.id, u]));
    const nameOf = await userNames(
      db,
      members.map((m) => m.userId),
    );
    const counts = await db.task.groupBy({
      by: ['evaluationGroupId', 'status'],
      where: { campaignId: c.id, type: 'score', evaluationGroupId: { in: groups.map((g) => g.id) } },
      _count: { _all: true },
    });
    const count = (g: string, status: string) => counts.find((x) => x.evaluationGroupId === g && x.status === status)?._count._all ?? 0;
    return {
      campaignId: c.id,
      // Whether one person may score more than one dimension of a case (absent: launched before it existed).
      multiDimensionScorers: c.def.settings.multiDimensionScorers ?? true,
      dimensions: c.def.rules.dimensions.map((d) => ({ key: d.key, name: d.name, groupId: groups.find((g) => g.dimensions.includes(d.key))?.id ?? null })),
      groups: groups.map((g) => ({
        id: g.id,
        name: g.name,
        external: g.external,
        dimensions: g.dimensions.map((d) => ({ key: d, name: dimensionName(c, d) })),
        members: members
          .filter((m) => m.groupId === g.id)
          .map((m) => ({ id: m.userId, displayName: nameOf(m.userId) ?? '—', jurisdictionName: people.get(m.userId)?.jurisdictionName ?? '' })),
        openTasks: count(g.id, 'open'),
        doneTasks: count(g.id, 'done'),
      })),
    };
  }

  route(
    r,
    {
      method: 'get',
      path: '/campaigns/:id/evaluation-groups',
      summary: 'The campaign’s evaluation groups: the dimensions each scores, its members, its score tasks open and done',
      tag: 'evaluation',
    },
    async (req, _res, me) => describe(await campaignOf(String(req.params.id), me)),
  );

  route(
    r,
    {
      method: 'get',
      path: '/campaigns/:id/evaluation-groups/candidates',
      summary: 'Auditors who may be members of the campaign’s groups: active, at its jurisdiction or below',
      tag: 'evaluation',
      roles: ['coordinator'],
    },
    async (req, _res, me) => {
      const c = await campaignOf(String(req.params.id), me);
      requireRunner(me, c);
      return candidates(c);
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/campaigns/:id/evaluation-groups',
      summary:
        'Form an evaluation group: its name, the dimensions it scores (each dimension one group’s), its members (auditors) or, for a third party, none. Open score tasks of its dimensions become the group’s',
      tag: 'evaluation',
      roles: ['coordinator'],
      body: groupBody,
    },
    async (req, res, me) => {
      const c = await campaignOf(String(req.params.id), me);
      requireRunner(me, c);
      const body = parseOr400(groupBody, req.body);
      const members = await check(c, body);
      const id = randomUUID();
      await db.$transaction(async (tx) => {
        await exclusive(tx, c.id, body);
        await tx.evaluationGroup.create({
          data: { id, campaignId: c.id, name: body.name, external: !!body.external, dimensions: body.dimensions, createdAt: new Date() },
        });
        await tx.evaluationGroupMember.createMany({ data: members.map((userId) => ({ groupId: id, userId })) });
        await restamp(tx, c.id);
        await audit(tx, c, me, 'evaluation_group.created', id, { name: body.name, external: !!body.external, dimensions: body.dimensions, memberIds: members });
      });
      res.status(201);
      return (await describe(c)).groups.find((g) => g.id === id);
    },
  );

  route(
    r,
    {
      method: 'put',
      path: '/campaigns/:id/evaluation-groups/:groupId',
      summary: 'Change a group’s name, dimensions or members; open score tasks follow, and a claim held by a non-member is given back',
      tag: 'evaluation',
      roles: ['coordinator'],
      body: groupBody,
    },
    async (req, _res, me) => {
      const c = await campaignOf(String(req.params.id), me);
      requireRunner(me, c);
      const g = await groupOf(c, String(req.params.groupId));
      const body = parseOr400(groupBody, req.body);
      const members = await check(c, body, g.id);
      await db.$transaction(async (tx) => {
        await exclusive(tx, c.id, body, g.id);
        await tx.evaluationGroup.update({ where: { id: g.id }, data: { name: body.name, external: !!body.external, dimensions: body.dimensions } });
        await tx.evaluationGroupMember.deleteMany({ where: { groupId: g.id } });
        await tx.evaluationGroupMember.createMany({ data: members.map((userId) => ({ groupId: g.id, userId })) });
        await restamp(tx, c.id);
        await audit(tx, c, me, 'evaluation_group.updated', g.id, {
          name: body.name,
          external: !!body.external,
          dimensions: body.dimensions,
          memberIds: members,
        });
      });
      return (await describe(c)).groups.find((x) => x.id === g.id);
    },
  );

  route(
    r,
    {
      method: 'delete',
      path: '/campaigns/:id/evaluation-groups/:groupId',
      summary: 'Dissolve a group that has scored nothing: its open score tasks are any auditor’s again (409 once it has scored or imported)',
      tag: 'evaluation',
      roles: ['coordinator'],
    },
    async (req, _res, me) => {
      const c = await campaignOf(String(req.params.id), me);
      requireRunner(me, c);
      const g = await groupOf(c, String(req.params.groupId));
      // Its decisions name it: a group that has scored stays, so the record of who scored holds.
      const [done, imports] = await Promise.all([
        db.task.count({ where: { evaluationGroupId: g.id, status: 'done' } }),
        db.scoreImport.count({ where: { groupId: g.id } }),
      ]);
      if (done || imports)
        throw conflict(`「${g.name}」已评分，不能撤销（可调整成员）`, `the group "${g.name}" has scored already: change its members instead`);
      await db.$transaction(async (tx) => {
        await tx.task.updateMany({ where: { evaluationGroupId: g.id }, data: { evaluationGroupId: null } });
        await tx.evaluationGroup.delete({ where: { id: g.id } });
        await restamp(tx, c.id);
        await audit(tx, c, me, 'evaluation_group.dissolved', g.id, { name: g.name, dimensions: g.dimensions });
      });
      return undefined;
    },
  );

  /** The coordinators of the campaign, or a member of the group, enter its imported scores. */
  async function mayImport(c: Campaign, groupId: string, me: Principal) {
    if (me.role === 'coordinator') return requireRunner(me, c);
    const member = await db.evaluationGroupMember.findUnique({ where: { groupId_userId: { groupId, userId: me.id } } });
    if (!member) throw forbidden('只有本级统筹人员或该评价组成员可以导入评分', 'only the campaign’s coordinators or the group’s members may import its scores');
  }

  route(
    r,
    {
      method: 'post',
      path: '/campaigns/:id/evaluation-groups/:groupId/scores',
      summary:
        'Import a third party’s scores (JSON {csv} or {xlsx}: 统一社会信用代码, 分数, 备注; ?dimension= when the group has several): every line checked first, every bad line named and nothing imported; then delivered to the cases as the group’s decision (202, progress at /score-imports/{id})',
      tag: 'evaluation',
      roles: ['coordinator', 'auditor'],
      body: importBody,
    },
    async (req, res, me) => {
      const c = await campaignOf(String(req.params.id), me);
      const g = await groupOf(c, String(req.params.groupId));
      await mayImport(c, g.id, me);
      if (!g.external)
        throw badRequest(
          `「${g.name}」由成员在待办中逐项评分；导入仅适用于第三方评价组`,
          `"${g.name}" scores in the inbox: imports are for a third party’s group`,
        );
      const dimension = whichDimension(req, g.dimensions);
      // The same file for the same group and dimension is the same import: sent again (a retry after a lost
      // answer), it is started again if it never was, and answered with what it has done, before its lines
      // are checked again (its own deliveries would make them look scored already).
      const raw = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
      const sha256 = createHash('sha256').update(raw).digest('hex');
      const existing = await db.scoreImport.findUnique({ where: { groupId_dimension_sha256: { groupId: g.id, dimension, sha256 } } });
      let id = existing?.id ?? randomUUID();
      if (!existing) {
        const lines = await readImport(req, HEADERS, [['uscc'], ['score']]);
        const rows = await checkLines(c, g.id, dimension, lines);
        try {
          await db.$transaction(async (tx) => {
            await tx.scoreImport.create({
              data: {
                id,
                groupId: g.id,
                campaignId: c.id,
                dimension,
                sha256,
                lines: rows.length,
                rows: rows as unknown as Prisma.InputJsonArray,
                importedById: me.id,
                createdAt: new Date(),
              },
            });
            await appendAudit(tx, {
              key: `score_import:${id}:accepted`,
              actor: { ...actorOf(me), forGroup: { groupId: g.id, groupName: g.name, importId: id } },
              action: 'score_import.accepted',
              entityType: 'score_import',
              entityId: id,
              campaignId: c.id,
              jurisdictionId: c.jurisdictionId,
              clause: c.def.rules.clauses.scoring,
              data: { dimension, lines: rows.length, sha256 },
            });
          });
        } catch (e) {
          // The same file sent twice at once: the other request made the import, and this one is it.
          if ((e as { code?: string }).code !== 'P2002') throw e;
          id = (await db.scoreImport.findUniqueOrThrow({ where: { groupId_dimension_sha256: { groupId: g.id, dimension, sha256 } } })).id;
        }
      }
      try {
        await client.workflow.start('ScoreImportWorkflow', { workflowId: scoreImportWorkflowId(id), taskQueue, args: [{ importId: id }] });
      } catch (e) {
        if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
      }
      res.status(202);
      return importView(c, id);
    },
  );

  function whichDimension(req: Request, dimensions: string[]): string {
    const asked = typeof req.query.dimension === 'string' ? req.query.dimension : undefined;
    if (asked && !dimensions.includes(asked))
      throw badRequest(`该评价组不负责维度「${asked}」`, `the group does not score "${asked}" (it scores ${dimensions.join(', ')})`);
    if (!asked && dimensions.length > 1)
      throw badRequest('该评价组负责多个维度，请指定导入哪一个', `the group scores ${dimensions.join(', ')}: say which (?dimension=)`);
    return asked ?? dimensions[0]!;
  }

  /** Every line checked against the campaign as it is now; all are named at once, and none is imported if any is bad. */
  async function checkLines(c: Campaign, groupId: string, dimension: string, lines: { line: number; cells: Partial<Record<ScoreColumn, string>> }[]) {
    const codes = [...new Set(lines.map((l) => (l.cells.uscc ?? '').trim().toUpperCase()).filter(Boolean))];
    const operators = await db.operator.findMany({ where: { uscc: { in: codes } }, select: { id: true, uscc: true, name: true } });
    const cases = await db.case.findMany({
      where: { campaignId: c.id, operatorId: { in: operators.map((o) => o.id) } },
      select: { id: true, operatorId: true, workflowId: true },
    });
    const tasks = await db.task.findMany({
      where: { caseId: { in: cases.map((x) => x.id) }, type: 'score', details: { path: ['dimension'], equals: dimension } },
      select: { id: true, caseId: true, status: true, workflowId: true, evaluationGroupId: true },
    });
    const dimName = dimensionName(c, dimension);
    const seen = new Map<string, number>();
    const problems: { path: string; messageZh: string; messageEn: string }[] = [];
    const rows: ImportedScoreLine[] = [];
    for (const l of lines) {
      const bad = (zh: string, en: string) =>
        problems.push({ path: `line ${l.line}`, messageZh: `第 ${l.line} 行：${zh}`, messageEn: `line ${l.line}: ${en}` });
      const uscc = (l.cells.uscc ?? '').trim().toUpperCase();
      const o = operators.find((x) => x.uscc === uscc);
      const k = o && cases.find((x) => x.operatorId === o.id);
      const t = k && tasks.find((x) => x.caseId === k.id);
      const scoreText = (l.cells.score ?? '').trim();
      const score = scoreText === '' ? NaN : Number(scoreText);
      const remark = (l.cells.remark ?? '').trim();
      if (!uscc) bad('缺少统一社会信用代码', 'no 统一社会信用代码');
      else if (!o) bad(`统一社会信用代码 ${uscc} 未登记`, `${uscc} is not in the register`);
      else if (!k) bad(`「${o.name}」未纳入本活动`, `${o.name} is not a case of this campaign`);
      else if (seen.has(uscc)) bad(`「${o.name}」与第 ${seen.get(uscc)} 行重复`, `${o.name} repeats line ${seen.get(uscc)}`);
      else if (!t) bad(`「${o.name}」的「${dimName}」评分尚未开始`, `${o.name}: its ${dimension} score task has not opened`);
      else if (t.status !== 'open')
        bad(`「${o.name}」的「${dimName}」已评分（如需改分请走更正）`, `${o.name}: ${dimension} is scored already (amend it by a correction)`);
      else if (t.evaluationGroupId !== groupId) bad(`「${o.name}」的「${dimName}」不由本组评分`, `${o.name}: ${dimension} is not this group’s to score`);
      if (!(Number.isFinite(score) && score >= 0 && score <= 100 && toCenti(score) !== undefined))
        bad(`分数「${scoreText}」须为 0–100，最多两位小数`, `score "${scoreText}" must be 0..100 with at most two decimals`);
      if (remark.length > MAX_REMARK) bad(`备注不能超过 ${MAX_REMARK} 字`, `a remark is at most ${MAX_REMARK} characters`);
      if (uscc && !seen.has(uscc)) seen.set(uscc, l.line);
      if (o && k && t) rows.push({ line: l.line, taskId: t.id, workflowId: t.workflowId, operatorName: o.name, uscc, score, ...(remark ? { remark } : {}) });
    }
    if (problems.length)
      throw new HttpError(400, 'invalid_import', `${problems.length} 处问题，未导入任何分数`, `${problems.length} problem(s): no score was imported`, problems);
    return rows;
  }

  async function importView(c: Campaign, id: string) {
    const i = await db.scoreImport.findUnique({ where: { id } });
    if (!i || i.campaignId !== c.id) throw notFound('评分导入 score import', id);
    const g = await db.evaluationGroup.findUniqueOrThrow({ where: { id: i.groupId } });
    const nameOf = await userNames(db, [i.importedById]);
    const { delivered, refused } = importProgress(i.progress);
    return {
      id: i.id,
      groupId: g.id,
      groupName: g.name,
      dimension: i.dimension,
      dimensionName: dimensionName(c, i.dimension),
      lines: i.lines,
      delivered,
      refused,
      status: i.status,
      importedByName: nameOf(i.importedById) ?? '—',
      createdAt: i.createdAt,
      finishedAt: i.finishedAt,
    };
  }

  route(
    r,
    {
      method: 'get',
      path: '/campaigns/:id/score-imports',
      summary: 'The campaign’s score imports, newest first, each with its progress (lines delivered, lines a case refused)',
      tag: 'evaluation',
    },
    async (req, _res, me) => {
      const c = await campaignOf(String(req.params.id), me);
      const ids = await db.scoreImport.findMany({ where: { campaignId: c.id }, orderBy: { createdAt: 'desc' }, take: 50, select: { id: true } });
      return Promise.all(ids.map((i) => importView(c, i.id)));
    },
  );

  route(
    r,
    { method: 'get', path: '/campaigns/:id/score-imports/:importId', summary: 'One score import and its progress', tag: 'evaluation' },
    async (req, _res, me) => importView(await campaignOf(String(req.params.id), me), String(req.params.importId)),
  );

  return r;
}
