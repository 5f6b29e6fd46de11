import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import type { PrismaClient } from '../prisma/db.js';
import { appendAudit } from '../activities/audit.js';
import { passwordProblems } from '../domain/passwords.js';
import { badRequest, HttpError, parseOr400 } from './errors.js';
import { passwordHashCost, wholeNumber } from '../runtime/config.js';
import { route } from './routes.js';
import { actorOf, loadPrincipal, loadSession, type Principal } from './scope.js';

const SESSION_HOURS = Number(process.env.SESSION_HOURS ?? 8);
// Failed sign-ins within the window (OWASP ASVS 2.2.1), counted in PostgreSQL so that every API process
// shares them and a restart does not reset them: per account, and (higher, a bureau's office shares one
// address) per client address (LOGIN_MAX_FAILURES_PER_ADDRESS, default 50).
const MAX_FAILURES_PER_ACCOUNT = 10;
const FAILURE_WINDOW_MS = 15 * 60_000;

export const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');

// An unknown or disabled username costs the same bcrypt work as a real one (a malformed stand-in hash
// returned at once, which told usernames apart by timing: ~10 ms against ~150 ms).
// bcrypt's cost is the configured one (runtime/config.ts), read at each hash: the seed, create-admin and
// the API hash alike, and the stand-in matches it.
const dummyHashes = new Map<number, Promise<string>>();
const stand_in = (cost = passwordHashCost()) => {
  if (!dummyHashes.has(cost)) dummyHashes.set(cost, bcrypt.hash(randomBytes(16).toString('hex'), cost));
  return dummyHashes.get(cost)!;
};

export const hashPassword = (password: string) => bcrypt.hash(password, passwordHashCost());

// Usernames are stored lower-case (domain/roles.ts USERNAME): `Officer.Zhicheng` is the same account.
const loginBody = z.object({ username: z.string().trim().toLowerCase().pipe(z.string().min(1).max(100)), password: z.string().min(1).max(200) }).strict();
const passwordBody = z.object({ oldPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }).strict();

export const publicUser = (p: Principal) => ({
  id: p.id,
  username: p.username,
  displayName: p.displayName,
  role: p.role,
  /** An operator's account: the operator it is (null for staff). */
  operatorId: p.operatorId,
  jurisdictionId: p.jurisdictionId,
  jurisdictionName: p.jurisdictionName,
  mustChangePassword: p.mustChangePassword,
});

const sessionEnded = () => new HttpError(401, 'session_expired', '登录已过期，请重新登录', 'session expired or invalid, please sign in again');

/** Reads the bearer token, if any, into res.locals.principal; routes decide whether they need one. */
export function authenticate(db: PrismaClient): RequestHandler {
  return async (req, res, next) => {
    const h = req.header('authorization');
    if (h?.startsWith('Bearer ')) {
      const tokenHash = hashToken(h.slice(7));
      const session = await loadSession(db, tokenHash);
      if (!session) throw sessionEnded();
      if (session.expiresAt.getTime() < Date.now()) {
        await db.session.deleteMany({ where: { tokenHash } });
        throw sessionEnded();
      }
      const me = session.principal;
      // Disabling deletes the sessions; this also covers a session that raced the disabling.
      if (!me || me.disabled) {
        await db.session.deleteMany({ where: { userId: session.userId } });
        throw new HttpError(401, 'account_disabled', '账号已停用，请联系管理员', 'this account is disabled; ask your administrator');
      }
      res.locals.principal = me;
    }
    next();
  };
}

async function newSession(db: PrismaClient, userId: string) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await db.session.create({ data: { tokenHash: hashToken(token), userId, expiresAt } });
  return { token, expiresAt };
}

const tooMany = () => new HttpError(429, 'too_many_attempts', '登录失败次数过多，请 15 分钟后再试', 'too many failed sign-ins, try again in 15 minutes');

/**
 * Records a sign-in attempt before it is judged, then counts the attempts in the window, this one
 * included: concurrent guesses see each other, so a burst cannot get past the limit. A successful
 * attempt removes its row again (and the account's failures). Also counts an operator's activation
 * attempts (api/portal/accounts.ts), under its USCC: guessing invitation codes is guessing passwords.
 */
export async function signInAttempt(db: PrismaClient, username: string, address: string): Promise<{ succeeded: () => Promise<void> }> {
  const row = await db.loginFailure.create({ data: { username, address } });
  const since = new Date(Date.now() - FAILURE_WINDOW_MS);
  const [byAccount, byAddress] = await Promise.all([
    db.loginFailure.count({ where: { username, at: { gte: since } } }),
    db.loginFailure.count({ where: { address, at: { gte: since } } }),
  ]);
  if (byAccount > MAX_FAILURES_PER_ACCOUNT || byAddress > wholeNumber(process.env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 50)) throw tooMany();
  return { succeeded: () => db.loginFailure.deleteMany({ where: { OR: [{ id: row.id }, { username }] } }).then(() => undefined) };
}

export function authRouter(db: PrismaClient): Router {
  const r = Router();
  const attempt = (username: string, address: string) => signInAttempt(db, username, address);
  void stand_in(); // computed now, so the first unknown username costs what every later one does

  route(
    r,
    {
      method: 'post',
      path: '/auth/login',
      summary: 'Sign in; returns a bearer token (mustChangePassword: a temporary password must be changed first)',
      tag: 'auth',
      roles: 'public',
      body: loginBody,
    },
    async (req, res) => {
      const { username, password } = parseOr400(loginBody, req.body);
      // req.ip follows TRUST_PROXY: behind a load balancer, the client's address, not the proxy's.
      const tried = await attempt(username, req.ip ?? 'unknown');
      const user = await db.user.findUnique({ where: { username } });
      // A temporary password is good for TEMPORARY_PASSWORD_HOURS (ASVS 2.3.1); then an admin resets it again.
      const usable = !!user && !user.disabledAt && !(user.mustChangePassword && user.temporaryUntil && user.temporaryUntil.getTime() < Date.now());
      const ok = await bcrypt.compare(password, usable ? user.passwordHash : await stand_in());
      // One refusal for an unknown user, a wrong password, an expired temporary one and a disabled account alike.
      if (!usable || !ok) throw new HttpError(401, 'bad_credentials', '用户名或密码错误', 'wrong username or password');
      await tried.succeeded();
      const { token, expiresAt } = await newSession(db, user.id);
      const me = (await loadPrincipal(db, user.id))!;
      res.status(200);
      return { token, expiresAt: expiresAt.toISOString(), user: publicUser(me), mustChangePassword: me.mustChangePassword };
    },
  );

  route(r, { method: 'post', path: '/auth/logout', summary: 'Sign out (ends the session)', tag: 'auth', duringPasswordChange: true }, async (req) => {
    const token = req.header('authorization')!.slice(7);
    await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
  });

  route(
    r,
    {
      method: 'post',
      path: '/auth/logout-everywhere',
      summary: 'Sign out on every device (ends all your sessions, this one included)',
      tag: 'auth',
      duringPasswordChange: true,
    },
    async (_req, _res, me) => {
      const now = new Date();
      await db.$transaction(async (tx) => {
        const { count } = await tx.session.deleteMany({ where: { userId: me.id } });
        await appendAudit(
          tx,
          {
            key: `user:${me.id}:logout-everywhere:${now.getTime()}:${randomUUID()}`,
            actor: actorOf(me),
            action: 'user.signed_out_everywhere',
            entityType: 'user',
            entityId: me.id,
            jurisdictionId: me.jurisdictionId,
            data: { sessions: count },
          },
          now,
        );
      });
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/auth/password',
      summary: 'Change your own password (old and new; ≥ 10 characters, not containing the username, not a common one); your other sessions end',
      tag: 'auth',
      body: passwordBody,
      duringPasswordChange: true,
    },
    async (req, _res, me) => {
      const { oldPassword, newPassword } = parseOr400(passwordBody, req.body);
      const user = await db.user.findUniqueOrThrow({ where: { id: me.id } });
      // Guesses at the current password count as failed sign-ins: a session is not a licence to brute-force it.
      const tried = await attempt(user.username, req.ip ?? 'unknown');
      if (!(await bcrypt.compare(oldPassword, user.passwordHash)))
        throw badRequest('原密码不正确', 'the current password is wrong', [{ path: 'oldPassword', messageZh: '原密码不正确', messageEn: 'wrong password' }]);
      const problems = passwordProblems(newPassword, user.username, oldPassword);
      if (problems.length)
        throw badRequest(
          `新密码${problems.map((p) => p.messageZh).join('；')}`,
          `the new password ${problems.map((p) => p.messageEn).join('; ')}`,
          problems.map((p) => ({ path: 'newPassword', messageZh: p.messageZh, messageEn: p.messageEn })),
        );
      await tried.succeeded();
      const hash = await hashPassword(newPassword);
      const token = req.header('authorization')!.slice(7);
      const now = new Date();
      await db.$transaction(async (tx) => {
        await tx.user.update({
          where: { id: me.id },
          data: { passwordHash: hash, mustChangePassword: false, temporaryUntil: null, passwordChangedAt: now, updatedAt: now },
        });
        // A password changed because it may be known ends every other session (ASVS 3.3.3).
        await tx.session.deleteMany({ where: { userId: me.id, tokenHash: { not: hashToken(token) } } });
        await appendAudit(
          tx,
          {
            key: `user:${me.id}:password:${now.getTime()}:${randomUUID()}`,
            actor: actorOf(me),
            action: 'user.password_changed',
            entityType: 'user',
            entityId: me.id,
            jurisdictionId: me.jurisdictionId,
            data: { wasTemporary: user.mustChangePassword },
          },
          now,
        );
      });
      return publicUser((await loadPrincipal(db, me.id))!);
    },
  );

  route(
    r,
    { method: 'get', path: '/auth/me', summary: 'The signed-in user (an operator: with its name as registered)', tag: 'auth', duringPasswordChange: true },
    async (_req, _res, me) => {
      // The register's name, not the account's copy of it: an officer may have corrected it since.
      const operator = me.operatorId ? await db.operator.findUnique({ where: { id: me.operatorId }, select: { name: true } }) : null;
      return { ...publicUser(me), ...(operator ? { operatorName: operator.name } : {}) };
    },
  );
  return r;
}
