// Tasks: the jurisdiction-scoped inbox and its views (我的 / 本单位待认领 / 已办 / 全部), claim, release,
// delegation to a colleague, completion (an Update to the owning workflow), and the bulk actions of a
// list: assign to an officer, remind. README "The task inbox".
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import { TASK_RESULT_SCHEMAS } from '../../domain/task-forms.js';
import { OPERATOR_ROLE, type Actor } from '../../domain/roles.js';
import { staffRoleFor } from '../../domain/operator-notices.js';
import { completeTask, completionAnswer, prefersAsync, submissionState, taskAudit } from '../task-completion.js';
import { operatorTasksToActFor } from '../acting-for.js';
import { taskExtras } from '../portal/changxing.js';
import { randomUUID } from 'node:crypto';
import { dispatchDeliveries, insertNotifications, type NewNotification } from '../../activities/notify.js';
import { shanghaiDate, shanghaiDateTime } from '../../domain/time.js';
import { badRequest, conflict, forbidden, HttpError, parseOr400 } from '../errors.js';
import { LIST_TOTAL_CAP, boolFilter, idsFilter, idsWhere, keyset, parseList, sendList, textFilter, totalUpTo } from '../list.js';
import { route } from '../routes.js';
import { userNames } from '../user-names.js';
import { drawnInspectors, groupsOf, groupVisibility, inScope, OVERSEERS, taskInScope, type Principal } from '../scope.js';
import { actorOf } from './campaigns.js';

const filter = z.object({
  status: z.enum(['open', 'done']).optional(),
  overdue: boolFilter.optional(),
  campaignId: z.string().optional(),
  stageKey: z.string().optional(),
  type: z.string().optional(),
  jurisdictionId: z.string().optional(),
  caseId: z.string().optional(),
  mine: boolFilter.optional(),
  /**
   * The inbox's views (README "The task inbox"): mine = open and held by me; unclaimed = open, nobody's,
   * mine to take (my role, or an operator's I do for it); done = done by me (those who oversee: all done
   * in scope); all = everything in scope, only for those who oversee.
   */
  view: z.enum(['mine', 'unclaimed', 'done', 'all']).optional(),
  q: textFilter.optional(),
  id: idsFilter.optional(),
});

const bulkIds = z.array(z.string().min(1).max(300)).min(1).max(500);
const assignBody = z.object({ taskIds: bulkIds, userId: z.string().min(1).max(100) }).strict();
const remindBody = z.object({ taskIds: bulkIds }).strict();
const reason = z.string().trim().min(1).max(500);
const releaseBody = z.object({ reason: reason.optional() }).strict();
const delegateBody = z.object({ userId: z.string().min(1).max(100), reason }).strict();

/**
 * Task rows with the display names of whoever holds each (claimed or was assigned it) and whoever
 * completed it: people are shown by name, never by id (a user since removed shows as —).
 */
async function withClaimedNames<T extends { claimedById: string | null; completedById?: string | null; evaluationGroupId?: string | null }>(
  db: PrismaClient,
  rows: T[],
  me?: Principal,
) {
  const nameOf = await userNames(
    db,
    rows.flatMap((t) => [t.claimedById, t.completedById]),
    me,
  );
  // A score task's evaluation group, by name (changxing 四、（四）).
  const groupIds = [...new Set(rows.flatMap((t) => (t.evaluationGroupId ? [t.evaluationGroupId] : [])))];
  const groups = groupIds.length ? await db.evaluationGroup.findMany({ where: { id: { in: groupIds } }, select: { id: true, name: true } }) : [];
  return rows.map((t) => ({
    ...t,
    claimedByName: nameOf(t.claimedById),
    completedByName: nameOf(t.completedById),
    evaluationGroupName: groups.find((g) => g.id === t.evaluationGroupId)?.name ?? null,
  }));
}

export function tasksRouter(db: PrismaClient, client: Client, taskQueue: string, listTotalCap = LIST_TOTAL_CAP): Router {
  const r = Router();
  const dispatch = { client, taskQueue };

  /**
   * Only the role a task is assigned to, inside the task's jurisdiction, acts on it; an operator's task
   * may also be done by a county officer or coordinator of its jurisdiction acting for the operator (one
   * without an account, or who brings its papers to the office). The actor then says for whom
   * (Actor.onBehalfOf), and the audit keeps it (activities/audit.ts).
   */
  async function mayAct(t: { assigneeRole: string; caseId: string | null }, me: Principal): Promise<Actor> {
    if (t.assigneeRole === OPERATOR_ROLE && (me.role === 'county_officer' || me.role === 'coordinator') && t.caseId) {
      const [o] = await db.$queryRaw<{ id: string; name: string }[]>`
        SELECT o.id, o.name FROM case_file c JOIN operator o ON o.id = c.operator_id WHERE c.id = ${t.caseId}`;
      if (o) return { ...actorOf(me), onBehalfOf: { operatorId: o.id, operatorName: o.name } };
    }
    if (t.assigneeRole !== me.role) throw forbidden(`此任务须由「${t.assigneeRole}」角色办理`, `this task is for role "${t.assigneeRole}"`);
    return actorOf(me);
  }

  route(
    r,
    {
      method: 'get',
      path: '/tasks',
      summary:
        'Tasks in your jurisdiction (mine=true: assigned to your role, or an operator’s without a portal account that you do for it; unclaimed or claimed by you)',
      tag: 'tasks',
      list: true,
    },
    async (req, res, me) => {
      const p = parseList(req, filter, ['id', 'dueAt', 'createdAt', 'status', 'title', 'type', 'stageKey', 'jurisdictionId', 'completedAt'], ['dueAt', 'ASC']);
      const f = p.filter;
      if (f.view === 'all' && !OVERSEERS.includes(me.role))
        throw forbidden('「全部」视图仅供统筹协调、分管领导和管理员使用', 'the "all" view is for coordinators, leaders and administrators');
      // My role's tasks, and those of operators without a usable account that I do for them.
      const actFor = operatorTasksToActFor(me);
      const mineToDo = [{ assigneeRole: me.role }, ...(actFor ? [actFor] : [])];
      const view =
        f.view === 'mine'
          ? { status: 'open', claimedById: me.id }
          : f.view === 'unclaimed'
            ? { status: 'open', claimedById: null, OR: mineToDo }
            : f.view === 'done'
              ? { status: 'done', ...(OVERSEERS.includes(me.role) ? {} : { completedById: me.id }) }
              : {};
      // Where I may look: my subtree, and my evaluation groups' tasks wherever they lie; 我的 is what I hold,
      // wherever it lies (a 双随机 inspection drawn from another station).
      const inSubtree = { jurisdictionId: { in: me.subtree.filter((j) => !f.jurisdictionId || j === f.jurisdictionId) } };
      const myGroups = OVERSEERS.includes(me.role) ? [] : await groupsOf(db, me);
      const scope =
        f.view === 'mine'
          ? f.jurisdictionId
            ? { jurisdictionId: f.jurisdictionId }
            : {}
          : myGroups.length
            ? { OR: [inSubtree, { evaluationGroupId: { in: myGroups }, ...(f.jurisdictionId ? { jurisdictionId: f.jurisdictionId } : {}) }] }
            : inSubtree;
      const where = {
        ...(f.status ? { status: f.status } : {}),
        ...(f.overdue !== undefined ? { overdue: f.overdue } : {}),
        ...(f.campaignId ? { campaignId: f.campaignId } : {}),
        ...(f.stageKey ? { stageKey: f.stageKey } : {}),
        ...(f.type ? { type: f.type } : {}),
        ...(f.caseId ? { caseId: f.caseId } : {}),
        ...idsWhere(f.id),
        ...(f.q ? { title: { contains: f.q } } : {}),
        // Mine: my role's, and the tasks of operators without a usable account in my subtree, which I do
        // for them (api/acting-for.ts).
        ...(f.mine
          ? {
              OR: [{ claimedById: null }, { claimedById: me.id }],
              AND: [{ OR: mineToDo }],
            }
          : {}),
      };
      const k = keyset(req, p, { dueAt: 'date', createdAt: 'date' });
      // A score task of an evaluation group is its members' only (changxing 四、（四）).
      const groups = groupVisibility(me, myGroups);
      const [rows, total] = await Promise.all([
        db.task.findMany({ where: { AND: [scope, where, view, groups, k.where] }, orderBy: p.orderBy, skip: k.skip, take: p.take }),
        // A county's tasks run to hundreds of thousands: counted up to the cap only (LIST_TOTAL_CAP).
        // Prisma orders a count with `take` by id unless told otherwise, and PostgreSQL then sorted every
        // matching row to find the first cap + 1 by id. By place, the order every task index starts with,
        // the count reads an index in its own order and stops at the cap.
        totalUpTo(listTotalCap, (take) => db.task.count({ where: { AND: [scope, where, view, groups] }, take, orderBy: { jurisdictionId: 'asc' } })),
      ]);
      k.next(res, rows);
      sendList(res, 'tasks', k.skip, await withClaimedNames(db, rows), total, listTotalCap);
    },
  );

  /**
   * The tasks of a bulk action, all or nothing: each must exist, be in your scope and still be open.
   * Problems are reported per task; the worst decides the status (403 over 409 over 400).
   */
  async function loadBulk(ids: string[], me: Principal) {
    const unique = [...new Set(ids)];
    const tasks = await db.task.findMany({ where: { id: { in: unique } } });
    const problems: { path: string; messageZh: string; messageEn: string; status: number }[] = [];
    for (const id of unique) {
      const t = tasks.find((x) => x.id === id);
      if (!t) problems.push({ path: `taskIds.${id}`, messageZh: '任务不存在', messageEn: 'no such task', status: 400 });
      else if (!inScope(me, t.jurisdictionId))
        problems.push({ path: `taskIds.${id}`, messageZh: '不在您的辖区', messageEn: 'outside your jurisdiction', status: 403 });
      else if (t.status !== 'open') problems.push({ path: `taskIds.${id}`, messageZh: '任务已办结', messageEn: `task is ${t.status}`, status: 409 });
    }
    if (problems.length) {
      const status = Math.max(...problems.map((p) => (p.status === 403 ? 999 : p.status)));
      const fields = problems.map(({ status: _s, ...p }) => p);
      if (status === 999)
        throw new HttpError(403, 'forbidden', `${problems.length} 项任务不在您的辖区内`, `${problems.length} task(s) are outside your jurisdiction`, fields);
      if (status === 409)
        throw new HttpError(409, 'conflict', `${problems.length} 项任务不能操作（已办结）`, `${problems.length} task(s) are no longer open`, fields);
      throw badRequest(`${problems.length} 项任务无效`, `${problems.length} invalid task(s)`, fields);
    }
    return tasks;
  }

  /**
   * The operator behind each operator's task among these (by task id): its name and its usable account
   * (none yet, or disabled: null), as api/acting-for.ts judges it.
   */
  async function operatorsOfTasks(tasks: { id: string; assigneeRole: string; caseId: string | null }[]) {
    const theirs = tasks.filter((t) => t.assigneeRole === OPERATOR_ROLE && t.caseId);
    const out = new Map<string, { name: string; accountId: string | null }>();
    if (!theirs.length) return out;
    const cases = await db.case.findMany({
      where: { id: { in: theirs.map((t) => t.caseId!) } },
      select: { id: true, operatorId: true },
    });
    const operatorIds = [...new Set(cases.map((c) => c.operatorId))];
    const [operators, accounts] = await Promise.all([
      db.operator.findMany({ where: { id: { in: operatorIds } }, select: { id: true, name: true } }),
      db.user.findMany({ where: { role: OPERATOR_ROLE, operatorId: { in: operatorIds }, disabledAt: null }, select: { id: true, operatorId: true } }),
    ]);
    for (const t of theirs) {
      const c = cases.find((x) => x.id === t.caseId);
      if (!c) continue;
      out.set(t.id, {
        name: operators.find((o) => o.id === c.operatorId)?.name ?? c.operatorId,
        accountId: accounts.find((u) => u.operatorId === c.operatorId)?.id ?? null,
      });
    }
    return out;
  }

  /**
   * Users who may take every one of these tasks: the tasks' role, with each task in their subtree, and in
   * each task's evaluation group where it has one.
   */
  async function eligibleAssignees(tasks: { assigneeRole: string; jurisdictionId: string; evaluationGroupId: string | null; details: unknown }[]) {
    const roles = [...new Set(tasks.map((t) => t.assigneeRole))];
    // An operator's task is the operator's own (or done for it by an officer): never assigned to an account.
    if (roles.length !== 1 || roles[0] === OPERATOR_ROLE) return [];
    const users = await db.user.findMany({
      // A disabled account takes no work: a task handed to it would wait until someone released it.
      where: { role: roles[0], disabledAt: null },
      orderBy: { username: 'asc' },
      select: { id: true, username: true, displayName: true, role: true, jurisdictionId: true },
    });
    const paths = new Map((await db.jurisdiction.findMany({ select: { id: true, path: true } })).map((j) => [j.id, j.path]));
    // Paths are "/city/county/station/": a jurisdiction is under another when its path starts with it.
    const under = (j: string, ancestor: string) => !!paths.get(ancestor) && (paths.get(j) ?? '').startsWith(paths.get(ancestor)!);
    const groups = [...new Set(tasks.flatMap((t) => (t.evaluationGroupId ? [t.evaluationGroupId] : [])))];
    const members = await db.evaluationGroupMember.findMany({ where: { groupId: { in: groups } } });
    const inGroups = (u: string) => groups.every((g) => members.some((m) => m.groupId === g && m.userId === u));
    // A group's task is its members' wherever they sit; a 双随机 inspection its two drawn inspectors' only (the
    // draw's avoidance of the case's own station holds); any other, of those over its jurisdiction.
    return users.filter(
      (u) =>
        inGroups(u.id) &&
        tasks.every((t) => (drawnInspectors(t) ? drawnInspectors(t)!.includes(u.id) : !!t.evaluationGroupId || under(t.jurisdictionId, u.jurisdictionId))),
    );
  }

  route(
    r,
    {
      method: 'get',
      path: '/tasks/assignees',
      summary: 'Users who may be assigned every one of the given open tasks (ids=a,b,c): also whom a holder may delegate to',
      tag: 'tasks',
      // An auditor holds tasks too (市局审核, 评分) and may delegate them to a colleague.
      roles: ['coordinator', 'county_officer', 'auditor'],
    },
    async (req, _res, me) => {
      const ids = parseOr400(z.object({ ids: z.string().min(1).max(20_000) }).strict(), req.query, 'query')
        .ids.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      return eligibleAssignees(await loadBulk(parseOr400(bulkIds, ids, 'ids'), me));
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/tasks/assign',
      summary:
        'Assign (or reassign) open tasks to an officer who may take them: all or nothing, audited, the officer is notified. An operator’s own task is never assigned (400)',
      tag: 'tasks',
      roles: ['coordinator', 'county_officer'],
      body: assignBody,
    },
    async (req, _res, me) => {
      const body = parseOr400(assignBody, req.body);
      const tasks = await loadBulk(body.taskIds, me);
      // An operator's own task (its 自查自纠, 长兴方案 四、（二）) is done in its portal, or for it by the
      // officers over it (api/acting-for.ts): it is nobody's to be assigned. Named, so the list can say which.
      const theirs = tasks.filter((t) => t.assigneeRole === OPERATOR_ROLE);
      if (theirs.length)
        throw badRequest(
          `${theirs.length} 项任务由经营主体自行办理，不能指派（可代为办理）`,
          `${theirs.length} task(s) are the operator’s own to do and cannot be assigned (they may be done on its behalf)`,
          theirs.map((t) => ({ path: `taskIds.${t.id}`, messageZh: '经营主体自行办理的任务', messageEn: 'the operator’s own task' })),
        );
      const user = (await eligibleAssignees(tasks)).find((u) => u.id === body.userId);
      if (!user)
        throw badRequest('该用户不能办理所选任务（角色或辖区不符）', 'this user cannot take the selected tasks (role or jurisdiction)', [
          { path: 'userId', messageZh: '角色或辖区不符', messageEn: 'wrong role or jurisdiction' },
        ]);
      const now = new Date();
      const batch = randomUUID();
      const keys = await db.$transaction(async (tx) => {
        const moved = await tx.task.updateMany({ where: { id: { in: tasks.map((t) => t.id) }, status: 'open' }, data: { claimedById: user.id } });
        if (moved.count !== tasks.length) throw conflict('有任务刚刚办结，未指派任何任务', 'a task was completed meanwhile; nothing was assigned');
        await tx.auditEvent.createMany({
          data: tasks.map((t) => ({
            key: `task:${t.id}:assigned:${batch}`,
            at: now,
            actorId: me.id,
            actorRole: me.role,
            action: 'task.assigned',
            entityType: 'task',
            entityId: t.id,
            campaignId: t.campaignId,
            jurisdictionId: t.jurisdictionId,
            data: { to: user.id, from: t.claimedById },
          })),
        });
        const one = tasks.length === 1 ? tasks[0]! : undefined;
        return insertNotifications(
          tx,
          [
            {
              key: `assign:${batch}`,
              kind: 'assignment',
              recipientRole: user.role,
              recipientUserId: user.id,
              jurisdictionId: user.jurisdictionId,
              campaignId: one?.campaignId ?? null,
              taskId: one?.id ?? null,
              caseId: one?.caseId ?? null,
              title: one
                ? `${me.displayName} 指派给您：${one.title} / assigned to you: ${one.title}`
                : `${me.displayName} 指派给您 ${tasks.length} 项任务 / ${tasks.length} tasks assigned to you`,
              body: one
                ? `截止 / due ${shanghaiDateTime(one.dueAt.getTime())}`
                : tasks
                    .map((t) => t.title)
                    .slice(0, 20)
                    .join('；'),
            },
          ],
          now,
        );
      });
      await dispatchDeliveries(db, dispatch, keys);
      return { assigned: tasks.length, tasks: await withClaimedNames(db, await db.task.findMany({ where: { id: { in: tasks.map((t) => t.id) } } })) };
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/tasks/remind',
      summary:
        'Remind whoever holds these open tasks (at most once per task per day; 催办), audited. An operator’s own task: its account by name, or the county officers over an operator without one',
      tag: 'tasks',
      roles: ['coordinator', 'county_officer', 'leader'],
      body: remindBody,
    },
    async (req, _res, me) => {
      const body = parseOr400(remindBody, req.body);
      const tasks = await loadBulk(body.taskIds, me);
      const now = new Date();
      const day = shanghaiDate(now.getTime());
      const operators = await operatorsOfTasks(tasks);
      const notices: NewNotification[] = tasks.map((t) => {
        const due = shanghaiDateTime(t.dueAt.getTime());
        const base = { key: `remind:${t.id}:${day}`, kind: 'reminder' as const, campaignId: t.campaignId, taskId: t.id, caseId: t.caseId };
        const o = operators.get(t.id);
        // An operator's own task (README "Notifications to operators"): the reminder goes to its account by
        // name, from the bureau rather than a named officer (as its other notices); an operator without a
        // usable account has its work done by the officers over it (api/acting-for.ts), so they hear it. A
        // notice to the role "operator" without a user would reach nobody.
        if (o?.accountId)
          return {
            ...base,
            recipientRole: OPERATOR_ROLE,
            recipientUserId: o.accountId,
            jurisdictionId: t.jurisdictionId,
            title: `催办：${t.title} / reminder: ${t.title}`,
            body: `市场监管部门提醒您尽快办理，截止 ${due} / the bureau asks you to complete it, due ${due} (UTC+8)`,
          };
        if (o)
          return {
            ...base,
            recipientRole: staffRoleFor(OPERATOR_ROLE),
            recipientUserId: null,
            jurisdictionId: t.jurisdictionId,
            title: `催办：${t.title}（${o.name}，代为办理）/ reminder: ${t.title} (${o.name}, done on its behalf)`,
            body: `${me.displayName} 提醒尽快代经营主体办理，截止 ${due} / ${me.displayName} asks that it be done for the operator, due ${due} (UTC+8)`,
          };
        return {
          ...base,
          recipientRole: t.assigneeRole,
          recipientUserId: t.claimedById,
          jurisdictionId: t.jurisdictionId,
          title: `催办：${t.title} / reminder: ${t.title}`,
          body: `${me.displayName} 提醒您尽快办理，截止 ${due} / ${me.displayName} asks you to complete it, due ${due} (UTC+8)`,
        };
      });
      const { reminded, keys } = await db.$transaction(async (tx) => {
        const before = new Set(
          (await tx.notification.findMany({ where: { key: { in: notices.map((n) => n.key) } }, select: { key: true } })).map((n) => n.key),
        );
        const fresh = notices.filter((n) => !before.has(n.key));
        const keys = await insertNotifications(tx, fresh, now);
        await tx.auditEvent.createMany({
          skipDuplicates: true,
          data: fresh.map((n) => ({
            key: n.key,
            at: now,
            actorId: me.id,
            actorRole: me.role,
            action: 'task.reminded',
            entityType: 'task',
            entityId: n.taskId!,
            campaignId: n.campaignId,
            jurisdictionId: n.jurisdictionId,
          })),
        });
        return { reminded: fresh.length, keys };
      });
      await dispatchDeliveries(db, dispatch, keys);
      return { reminded, alreadyToday: tasks.length - reminded };
    },
  );

  route(
    r,
    {
      method: 'get',
      path: '/tasks/:id',
      summary:
        'One task (an operator’s: for whom and whether it has an account; a self-check’s evidence files; a verification: the proof of its round; `submission` while a decision is on its way to the workflow, or was refused after a 202)',
      tag: 'tasks',
    },
    async (req, _res, me) => {
      const [t] = await withClaimedNames(db, [await taskInScope(db, String(req.params.id), me)]);
      const submission = await submissionState(db, t!);
      return { ...t!, ...(await taskExtras(db, t!)), ...(submission ? { submission } : {}) };
    },
  );

  route(
    r,
    { method: 'post', path: '/tasks/:id/claim', summary: 'Claim a task so colleagues see you are on it (409 if claimed by another or done)', tag: 'tasks' },
    async (req, _res, me) => {
      const t = await taskInScope(db, String(req.params.id), me);
      await mayAct(t, me);
      // One conditional UPDATE: of two officers claiming at once exactly one wins.
      const won = await db.task.updateMany({
        where: { id: t.id, status: 'open', OR: [{ claimedById: null }, { claimedById: me.id }] },
        data: { claimedById: me.id },
      });
      if (won.count === 0) {
        const now = await db.task.findUniqueOrThrow({ where: { id: t.id } });
        if (now.status === 'done') throw conflict('任务已办结', 'task is already completed');
        throw conflict('任务已被他人认领', 'task is already claimed by someone else');
      }
      // Claiming what you already hold changes nothing and is not audited again.
      if (t.claimedById !== me.id) await db.auditEvent.create({ data: taskAudit(t, me, 'task.claimed') });
      const [row] = await withClaimedNames(db, [await db.task.findUniqueOrThrow({ where: { id: t.id } })]);
      return row!;
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/tasks/:id/release',
      summary:
        'Release (unclaim) an open task so a colleague may take it: by its holder, or by a coordinator over its jurisdiction (then with a reason); audited. 409 if nobody holds it or it is done',
      tag: 'tasks',
      body: releaseBody,
    },
    async (req, _res, me) => {
      const body = parseOr400(releaseBody, req.body);
      const t = await taskInScope(db, String(req.params.id), me);
      if (t.status !== 'open') throw conflict('任务已办结，不能释放', 'task is already completed');
      if (!t.claimedById) throw conflict('任务尚未被认领，无需释放', 'nobody holds this task');
      if (drawnInspectors(t))
        throw conflict(
          '双随机检查由抽中的两名检查人员办理，不能退回；可转交另一名检查人员',
          'a random inspection stays with its two drawn inspectors: delegate it to the other one instead of releasing it',
        );
      const mine = t.claimedById === me.id;
      if (!mine && me.role !== 'coordinator')
        throw forbidden('只有认领人或本辖区统筹协调人员可以释放该任务', 'only the holder or a coordinator over the jurisdiction may release this task');
      // Taking work from a colleague is explained (every change of state is audited with who and why).
      if (!mine && !body.reason)
        throw badRequest('释放他人认领的任务须说明理由', 'releasing a colleague’s task needs a reason', [
          { path: 'reason', messageZh: '请填写释放理由', messageEn: 'give the reason' },
        ]);
      // Conditional on the holder read above: a completion or another release meanwhile wins. The release
      // and its audit entry land together or not at all.
      await db.$transaction(async (tx) => {
        const released = await tx.task.updateMany({ where: { id: t.id, status: 'open', claimedById: t.claimedById }, data: { claimedById: null } });
        if (released.count === 0) throw conflict('任务刚刚被办结或改由他人办理，请刷新', 'the task changed meanwhile; reload it');
        await tx.auditEvent.create({ data: taskAudit(t, me, 'task.released', body.reason, { from: t.claimedById }) });
      });
      const [row] = await withClaimedNames(db, [await db.task.findUniqueOrThrow({ where: { id: t.id } })]);
      return row!;
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/tasks/:id/delegate',
      summary:
        'Delegate an open task to a colleague who may take it (same role, the task within their jurisdiction), with a reason: by its holder, by one who may take it while nobody holds it, or by a coordinator over it; audited, the colleague notified. 409 if another holds it or it is done',
      tag: 'tasks',
      body: delegateBody,
    },
    async (req, _res, me) => {
      const body = parseOr400(delegateBody, req.body);
      const t = await taskInScope(db, String(req.params.id), me);
      // A coordinator over the jurisdiction may move anyone's task (as 指派 does); anyone else delegates
      // what they hold, or an unclaimed task they may take.
      const oversees = me.role === 'coordinator';
      if (!oversees && t.claimedById !== me.id) await mayAct(t, me);
      if (t.status !== 'open') throw conflict('任务已办结，不能转交', 'task is already completed');
      if (t.claimedById && t.claimedById !== me.id && !oversees) throw conflict('任务已被他人认领', 'task is claimed by someone else');
      if (t.assigneeRole === OPERATOR_ROLE)
        throw badRequest('经营主体自行办理的任务不能转交（可代为办理）', 'the operator’s own task cannot be delegated (it may be done on its behalf)', [
          { path: 'userId', messageZh: '经营主体自行办理的任务', messageEn: 'the operator’s own task' },
        ]);
      const user = (await eligibleAssignees([t])).find((u) => u.id === body.userId);
      const problems = [
        ...(!user
          ? [{ path: 'userId', messageZh: '该人员不能办理此任务（角色或辖区不符）', messageEn: 'this user cannot take the task (role or jurisdiction)' }]
          : []),
        ...(body.userId === t.claimedById ? [{ path: 'userId', messageZh: '该人员已是办理人', messageEn: 'this user already holds the task' }] : []),
      ];
      if (problems.length || !user) throw badRequest('不能转交给该人员', 'cannot delegate to this user', problems);
      const now = new Date();
      const keys = await db.$transaction(async (tx) => {
        const moved = await tx.task.updateMany({ where: { id: t.id, status: 'open', claimedById: t.claimedById }, data: { claimedById: user.id } });
        if (moved.count === 0) throw conflict('任务刚刚被办结或改由他人办理，未转交', 'the task changed meanwhile; nothing was delegated');
        const audit = taskAudit(t, me, 'task.delegated', body.reason, { from: t.claimedById, to: user.id }, now);
        await tx.auditEvent.create({ data: audit });
        return insertNotifications(
          tx,
          [
            {
              key: audit.key,
              kind: 'assignment',
              recipientRole: user.role,
              recipientUserId: user.id,
              jurisdictionId: user.jurisdictionId,
              campaignId: t.campaignId,
              taskId: t.id,
              caseId: t.caseId,
              title: `${me.displayName} 转交给您：${t.title} / delegated to you: ${t.title}`,
              body: `理由 / reason: ${body.reason}；截止 / due ${shanghaiDateTime(t.dueAt.getTime())}`,
            },
          ],
          now,
        );
      });
      await dispatchDeliveries(db, dispatch, keys);
      const [row] = await withClaimedNames(db, [await db.task.findUniqueOrThrow({ where: { id: t.id } })]);
      return row!;
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/tasks/:id/complete',
      summary:
        'Complete a task with its form (self_check: eight areas; escalation: note). The decision is recorded before it is sent to the case’s workflow: 200 with the task once the workflow has taken it, its refusal as 400/409; 202 with `submission` once it is recorded when `Prefer: respond-async` is sent or the workflow service is unavailable (delivered later, a refusal then notified). 409 if already done or a submission is in flight. An operator’s task: a county officer or coordinator may complete it for the operator (audited as such)',
      tag: 'tasks',
      body: z.union(Object.values(TASK_RESULT_SCHEMAS).map((s) => s()) as [z.ZodType, z.ZodType]),
    },
    async (req, res, me) => {
      const t = await taskInScope(db, String(req.params.id), me);
      const done = await completeTask({ db, client, taskQueue }, t, await mayAct(t, me), req.body, { respondAsync: prefersAsync(req) });
      const [row] = await withClaimedNames(db, [done.task], me);
      return completionAnswer(res, done, row!);
    },
  );
  return r;
}
