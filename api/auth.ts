import { createHash, randomBytes } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import type { PrismaClient } from '../prisma/db.js';
import { HttpError, parseOr400 } from './errors.js';
import { route } from './routes.js';
import { loadPrincipal, type Principal } from './scope.js';

const SESSION_HOURS = Number(process.env.SESSION_HOURS ?? 8);
const MAX_FAILURES = 10;
const FAILURE_WINDOW_MS = 15 * 60_000;

const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');

/** Failed logins per username and address within a window: brute force gets 429, not more guesses. */
class LoginLimiter {
  private failures = new Map<string, number[]>();
  blocked(key: string, now = Date.now()): boolean {
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < FAILURE_WINDOW_MS);
    this.failures.set(key, recent);
    return recent.length >= MAX_FAILURES;
  }
  fail(key: string): void {
    this.failures.set(key, [...(this.failures.get(key) ?? []), Date.now()]);
  }
  clear(key: string): void {
    this.failures.delete(key);
  }
}

const loginBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }).strict();

export const publicUser = (p: Principal) => ({ id: p.id, username: p.username, displayName: p.displayName, role: p.role, jurisdictionId: p.jurisdictionId, jurisdictionName: p.jurisdictionName });

/** Reads the bearer token, if any, into res.locals.principal; routes decide whether they need one. */
export function authenticate(db: PrismaClient): RequestHandler {
  return async (req, res, next) => {
    const h = req.header('authorization');
    if (h?.startsWith('Bearer ')) {
      const session = await db.session.findUnique({ where: { tokenHash: hashToken(h.slice(7)) } });
      if (!session || session.expiresAt.getTime() < Date.now()) {
        throw new HttpError(401, 'session_expired', '登录已过期，请重新登录', 'session expired or invalid, please sign in again');
      }
      res.locals.principal = await loadPrincipal(db, session.userId);
    }
    next();
  };
}

export function authRouter(db: PrismaClient): Router {
  const r = Router();
  const limiter = new LoginLimiter();

  route(r, { method: 'post', path: '/auth/login', summary: 'Sign in; returns a bearer token', tag: 'auth', roles: 'public', body: loginBody }, async (req, res) => {
    const { username, password } = parseOr400(loginBody, req.body);
    const key = `${username}|${req.ip}`;
    if (limiter.blocked(key)) throw new HttpError(429, 'too_many_attempts', '登录失败次数过多，请 15 分钟后再试', 'too many failed sign-ins, try again in 15 minutes');
    const user = await db.user.findUnique({ where: { username } });
    // Compare even for unknown users so timing does not reveal which usernames exist.
    const ok = await bcrypt.compare(password, user?.passwordHash ?? '$2b$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinvali');
    if (!user || !ok) {
      limiter.fail(key);
      throw new HttpError(401, 'bad_credentials', '用户名或密码错误', 'wrong username or password');
    }
    limiter.clear(key);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
    await db.session.create({ data: { tokenHash: hashToken(token), userId: user.id, expiresAt } });
    const me = (await loadPrincipal(db, user.id))!;
    res.status(200);
    return { token, expiresAt: expiresAt.toISOString(), user: publicUser(me) };
  });

  route(r, { method: 'post', path: '/auth/logout', summary: 'Sign out (ends the session)', tag: 'auth' }, async (req) => {
    const token = req.header('authorization')!.slice(7);
    await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
  });

  route(r, { method: 'get', path: '/auth/me', summary: 'The signed-in user', tag: 'auth' }, (_req, _res, me) => publicUser(me));
  return r;
}
