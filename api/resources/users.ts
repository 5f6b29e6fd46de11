// Accounts (用户管理): an admin creates, edits, disables and re-enables the users of their own subtree,
// resets a password to a one-time temporary one, and imports many at once from CSV (all or nothing,
// every bad line named). Coordinators and leaders may look their subtree's users up. Every change is
// audited with who and why; a password never is.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import { Prisma } from '../../prisma/generated/client.js';
import { appendAudit } from '../../activities/audit.js';
import { OPERATOR_ROLE, ROLES, ROLE_NAMES, USERNAME, roleFromText } from '../../domain/roles.js';
import { temporaryPassword, temporaryUntil } from '../../domain/passwords.js';
import { hashPassword } from '../auth.js';
import { createAccount, newCredentials } from '../accounts.js';
import { importBody, lineProblems, readImport } from '../table-import.js';
import { badRequest, conflict, forbidden, notFound, parseEdit, parseOr400 } from '../errors.js';
import { boolFilter, escapeLike, idsFilter, idsWhere, parseList, sendList } from '../list.js';
import { route } from '../routes.js';
import { actorOf, inScope, type Principal } from '../scope.js';

const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(USERNAME, { message: '须为 3–40 位小写字母、数字、点、下划线或连字符 / 3–40 lower-case letters, digits, dots, underscores or hyphens' });
const displayName = z.string().trim().min(1, { message: '必填 / required' }).max(50);
// A mobile (11 digits from 13–19) or a landline with its area code, as Chinese offices write them.
const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, {
    message: '格式不正确（手机 11 位或区号-座机号） / not a phone number (11-digit mobile, or area code and number)',
  });
const email = z
  .string()
  .trim()
  .max(200)
  .pipe(z.email({ message: '格式不正确 / not an email address' }));
const optional = <T extends z.ZodType>(s: T) => z.union([z.literal('').transform(() => null), z.null(), s]).optional();
const reason = z.string().trim().max(500).optional();
/** Disabling, re-enabling and resetting say why (the audit trail keeps who and why). */
const why = z.string().trim().min(1, { message: '请说明原因 / give a reason' }).max(500);

const createBody = z
  .object({
    username,
    displayName,
    role: z.enum(ROLES),
    jurisdictionId: z.string().trim().min(1).max(50),
    phone: optional(phone),
    email: optional(email),
    reason,
  })
  .strict();
const updateBody = z
  .object({
    displayName,
    role: z.enum(ROLES),
    jurisdictionId: z.string().trim().min(1).max(50),
    phone: optional(phone),
    email: optional(email),
    disabled: z.boolean(),
    reason,
  })
  .partial()
  .strict();
const resetBody = z.object({ reason: why }).strict();

const columns = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  jurisdictionId: true,
  phone: true,
  email: true,
  disabledAt: true,
  mustChangePassword: true,
  createdAt: true,
  updatedAt: true,
} as const;
type Row = Prisma.UserGetPayload<{ select: typeof columns }>;
const shown = (u: Row) => ({ ...u, disabled: !!u.disabledAt });

const HEADERS: Record<string, 'username' | 'displayName' | 'role' | 'jurisdictionId' | 'phone' | 'email' | null> = {
  用户名: 'username',
  账号: 'username',
  username: 'username',
  姓名: 'displayName',
  显示名称: 'displayName',
  displayname: 'displayName',
  name: 'displayName',
  角色: 'role',
  role: 'role',
  辖区代码: 'jurisdictionId',
  单位代码: 'jurisdictionId',
  jurisdictionid: 'jurisdictionId',
  jurisdiction: 'jurisdictionId',
  手机: 'phone',
  电话: 'phone',
  联系电话: 'phone',
  phone: 'phone',
  邮箱: 'email',
  电子邮箱: 'email',
  email: 'email',
  辖区: null,
  单位: null,
};

const MAX_IMPORT = 500;

/** The import's columns as the file names them, for the reasons given per line. */
const COLUMN_ZH: Record<string, string> = { username: '用户名', displayName: '姓名', role: '角色', jurisdictionId: '辖区代码', phone: '手机', email: '邮箱' };

export function usersRouter(db: PrismaClient): Router {
  const r = Router();
  const viewers = ['coordinator', 'leader', 'admin'] as const;

  /** The user, if it lies in the caller's subtree: 404 unknown, 403 outside. */
  async function userInScope(id: string, me: Principal) {
    const u = await db.user.findUnique({ where: { id }, select: columns });
    // Operators' accounts are not staff: their invitations and disabling live with the operator (api/portal/accounts.ts).
    if (!u || u.role === OPERATOR_ROLE) throw notFound('用户 user', id);
    if (!inScope(me, u.jurisdictionId)) throw forbidden('该用户不在您的管辖范围内', 'this user is outside your jurisdiction');
    return u;
  }
  /** A jurisdiction a user may be placed in: it exists (else 400) and lies in the admin's subtree (else 403). */
  async function placeable(jurisdictionId: string, me: Principal) {
    if (!(await db.jurisdiction.findUnique({ where: { id: jurisdictionId } })))
      throw badRequest(`辖区 ${jurisdictionId} 不存在`, `unknown jurisdiction ${jurisdictionId}`, [
        { path: 'jurisdictionId', messageZh: '辖区不存在', messageEn: 'unknown jurisdiction' },
      ]);
    if (!inScope(me, jurisdictionId))
      throw forbidden(`不能把用户设在您的辖区以外（${jurisdictionId}）`, `users can only be placed inside your own jurisdiction (${jurisdictionId} is not)`);
  }
  const taken = (name: string) => conflict(`用户名「${name}」已被使用`, `username "${name}" is taken`);

  const filter = z.object({
    q: z.string().trim().max(100).transform(escapeLike).optional(),
    role: z.enum(ROLES).optional(),
    jurisdictionId: z.string().optional(),
    disabled: boolFilter.optional(),
    id: idsFilter.optional(),
  });
  route(
    r,
    { method: 'get', path: '/users', summary: 'Users of your subtree (coordinators, leaders, admins)', tag: 'users', roles: viewers, list: true },
    async (req, res, me) => {
      const p = parseList(req, filter, ['id', 'username', 'displayName', 'role', 'jurisdictionId', 'createdAt'], ['username', 'ASC']);
      const where: Prisma.UserWhereInput = {
        jurisdictionId: { in: p.filter.jurisdictionId ? me.subtree.filter((x) => x === p.filter.jurisdictionId) : me.subtree },
        role: p.filter.role ?? { not: OPERATOR_ROLE },
        ...(p.filter.disabled !== undefined ? { disabledAt: p.filter.disabled ? { not: null } : null } : {}),
        ...idsWhere(p.filter.id),
        ...(p.filter.q ? { OR: [{ username: { contains: p.filter.q } }, { displayName: { contains: p.filter.q } }] } : {}),
      };
      const [rows, total] = await Promise.all([
        db.user.findMany({ where, select: columns, orderBy: p.orderBy, skip: p.skip, take: p.take }),
        db.user.count({ where }),
      ]);
      sendList(res, 'users', p.skip, rows.map(shown), total);
    },
  );

  // The same rule as the list: one's own record is /auth/me.
  route(
    r,
    { method: 'get', path: '/users/:id', summary: 'One user of your subtree (coordinators, leaders, admins)', tag: 'users', roles: viewers },
    async (req, _res, me) => shown(await userInScope(String(req.params.id), me)),
  );

  route(
    r,
    {
      method: 'post',
      path: '/users',
      summary: 'Create a user in your subtree (admin); answers with a temporary password, shown this once',
      tag: 'users',
      roles: ['admin'],
      body: createBody,
    },
    async (req, res, me) => {
      const b = parseOr400(createBody, req.body);
      await placeable(b.jurisdictionId, me);
      if (await db.user.findUnique({ where: { username: b.username } })) throw taken(b.username);
      const credentials = await newCredentials();
      const now = new Date();
      try {
        const u = await db.$transaction(async (tx) => {
          await createAccount(tx, b, credentials, { actor: actorOf(me), reason: b.reason }, now);
          return tx.user.findUniqueOrThrow({ where: { id: credentials.id }, select: columns });
        });
        res.status(201);
        return { ...shown(u), temporaryPassword: credentials.password };
      } catch (e) {
        if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') throw taken(b.username);
        throw e;
      }
    },
  );

  route(
    r,
    {
      method: 'put',
      path: '/users/:id',
      summary: 'Edit a user of your subtree (admin): name, role, jurisdiction, phone, email; {disabled: true} disables (their sessions end at once)',
      tag: 'users',
      roles: ['admin'],
      body: updateBody,
    },
    async (req, _res, me) => {
      const before = await userInScope(String(req.params.id), me);
      const b = parseEdit(updateBody, req.body, '用户', 'a user');
      const changed = (Object.keys(b) as (keyof typeof b)[]).filter(
        (k) =>
          k !== 'reason' && (k === 'disabled' ? b.disabled !== !!before.disabledAt : b[k] !== undefined && b[k] !== (before as Record<string, unknown>)[k]),
      );
      if (!changed.length) return shown(before);
      if (before.id === me.id && (changed.includes('disabled') || changed.includes('role') || changed.includes('jurisdictionId')))
        throw forbidden(
          '不能停用自己的账号或更改自己的角色、辖区（请另一位管理员操作）',
          'you cannot disable yourself or change your own role or jurisdiction (ask another admin)',
        );
      if (changed.includes('disabled') && !b.reason?.trim())
        throw badRequest(
          b.disabled ? '停用账号须说明原因' : '启用账号须说明原因',
          `give a reason for ${b.disabled ? 'disabling' : 're-enabling'} the account`,
          [{ path: 'reason', messageZh: '请说明原因', messageEn: 'give a reason' }],
        );
      if (changed.includes('jurisdictionId')) await placeable(b.jurisdictionId!, me);
      const now = new Date();
      const u = await db.$transaction(async (tx) => {
        const row = await tx.user.update({
          where: { id: before.id },
          data: {
            ...(changed.includes('displayName') ? { displayName: b.displayName } : {}),
            ...(changed.includes('role') ? { role: b.role } : {}),
            ...(changed.includes('jurisdictionId') ? { jurisdictionId: b.jurisdictionId } : {}),
            ...(changed.includes('phone') ? { phone: b.phone } : {}),
            ...(changed.includes('email') ? { email: b.email } : {}),
            ...(changed.includes('disabled') ? { disabledAt: b.disabled ? now : null } : {}),
            updatedAt: now,
          },
          select: columns,
        });
        // A disabled user's sessions end at once: authenticate refuses them from now on with 401
        // account_disabled (and deletes them then), so the person is told why rather than "session expired".
        // Re-enabling deletes whatever is left, so no token issued before the disabling comes back to life.
        if (changed.includes('disabled') && !b.disabled) await tx.session.deleteMany({ where: { userId: before.id } });
        const action = changed.includes('disabled') ? (b.disabled ? 'user.disabled' : 'user.enabled') : 'user.updated';
        await appendAudit(
          tx,
          {
            key: `user:${before.id}:${action}:${now.getTime()}:${randomUUID()}`,
            actor: actorOf(me),
            action,
            entityType: 'user',
            entityId: before.id,
            jurisdictionId: row.jurisdictionId,
            reason: b.reason ?? null,
            data: {
              changed,
              ...(changed.includes('role') ? { role: { from: before.role, to: row.role } } : {}),
              ...(changed.includes('jurisdictionId') ? { jurisdiction: { from: before.jurisdictionId, to: row.jurisdictionId } } : {}),
            },
          },
          now,
        );
        return row;
      });
      return shown(u);
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/users/:id/reset-password',
      summary: 'Reset a user’s password to a one-time temporary one (admin), shown this once; their sessions end',
      tag: 'users',
      roles: ['admin'],
      body: resetBody,
    },
    async (req, _res, me) => {
      const u = await userInScope(String(req.params.id), me);
      const b = parseOr400(resetBody, req.body);
      const password = temporaryPassword();
      const hash = await hashPassword(password);
      const now = new Date();
      await db.$transaction(async (tx) => {
        await tx.user.update({
          where: { id: u.id },
          data: { passwordHash: hash, mustChangePassword: true, temporaryUntil: temporaryUntil(now.getTime()), updatedAt: now },
        });
        await tx.session.deleteMany({ where: { userId: u.id } });
        await appendAudit(
          tx,
          {
            key: `user:${u.id}:password-reset:${now.getTime()}:${randomUUID()}`,
            actor: actorOf(me),
            action: 'user.password_reset',
            entityType: 'user',
            entityId: u.id,
            jurisdictionId: u.jurisdictionId,
            reason: b.reason,
          },
          now,
        );
      });
      return { temporaryPassword: password };
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/users/import',
      summary:
        'Create users from CSV (admin; text/csv or JSON {csv}): 用户名,姓名,角色,辖区代码[,手机,邮箱]; any bad line creates nobody; answers each temporary password once',
      tag: 'users',
      roles: ['admin'],
      body: importBody,
    },
    async (req, res, me) => {
      const lines = await readImport(req, HEADERS, [['username'], ['displayName'], ['role'], ['jurisdictionId']]);
      // Each account costs a bcrypt hash (~0.1 s of CPU): a bureau's staff, not a province's, per file.
      if (lines.length > MAX_IMPORT)
        throw badRequest(`一次最多导入 ${MAX_IMPORT} 个用户，请分批导入`, `at most ${MAX_IMPORT} users per import: split the file`);
      const lp = lineProblems();
      const wanted = lines.map((l) => (l.cells.username ?? '').trim().toLowerCase());
      const existing = new Set((await db.user.findMany({ where: { username: { in: wanted } }, select: { username: true } })).map((u) => u.username));
      const jurisdictions = new Set((await db.jurisdiction.findMany({ select: { id: true } })).map((j) => j.id));
      const seen = new Map<string, number>();
      const rows: z.infer<typeof createBody>[] = [];
      for (const { line, cells } of lines) {
        const role = cells.role === undefined ? undefined : (roleFromText(cells.role) ?? cells.role);
        const parsed = createBody.safeParse({ ...cells, role });
        if (!parsed.success) {
          const names = ROLES.map((x) => ROLE_NAMES[x].zh).join('、');
          const issues = parsed.error.issues.map((x) => ({
            field: String(x.path[0] ?? ''),
            zh: x.path[0] === 'role' ? `须为 ${names}` : x.message.split(' / ')[0]!,
            en: x.path[0] === 'role' ? `must be one of ${ROLES.join(', ')}` : x.message.split(' / ').pop()!,
          }));
          lp.bad(line, issues.map((x) => `${COLUMN_ZH[x.field] ?? x.field}${x.zh}`).join('；'), issues.map((x) => `${x.field}: ${x.en}`).join('; '));
          continue;
        }
        const u = parsed.data;
        if (!jurisdictions.has(u.jurisdictionId)) lp.bad(line, `辖区代码 ${u.jurisdictionId} 不存在`, `unknown jurisdiction ${u.jurisdictionId}`);
        else if (!inScope(me, u.jurisdictionId)) lp.bad(line, `辖区 ${u.jurisdictionId} 不在您的管辖范围`, `${u.jurisdictionId} is outside your jurisdiction`);
        else if (existing.has(u.username)) lp.bad(line, `用户名「${u.username}」已被使用`, `username "${u.username}" is taken`);
        else if (seen.has(u.username)) lp.bad(line, `与第 ${seen.get(u.username)} 行重复`, `repeats line ${seen.get(u.username)}`);
        else {
          seen.set(u.username, line);
          rows.push(u);
        }
      }
      lp.refuse();
      const now = new Date();
      const made = await Promise.all(rows.map(async (u) => ({ u, ...(await newCredentials()) })));
      try {
        await db.$transaction(
          async (tx) => {
            for (const { u, ...credentials } of made) await createAccount(tx, u, credentials, { actor: actorOf(me), reason: u.reason, via: 'csv' }, now);
          },
          { timeout: 60_000 },
        );
      } catch (e) {
        if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002')
          throw conflict('导入期间有用户名被他人占用，未导入任何用户，请重试', 'a username was taken while importing; nobody was created, try again');
        throw e;
      }
      res.status(201);
      return {
        created: made.length,
        users: made.map(({ u, id, password }) => ({
          id,
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          jurisdictionId: u.jurisdictionId,
          temporaryPassword: password,
        })),
      };
    },
  );

  return r;
}
