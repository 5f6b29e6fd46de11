// Operators' accounts (DOMAIN.md "Operator", "Invitation"): a county officer or coordinator invites an
// operator of its jurisdiction with a one-time code, printed or sent; the operator sets its password with
// that code and its 统一社会信用代码 and signs in with the USCC (/auth/login, username = USCC lower-cased).
// The same code opens the door again after a forgotten password. Staff disable and re-enable the account.
// The rules are those of staff accounts (README "Accounts and administration"; OWASP ASVS 2.1, 2.2, 2.3):
// the password rules, the failure limiter, sessions ending on a new password or a disabling.
import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import { Prisma } from '../../prisma/generated/client.js';
import { appendAudit } from '../../activities/audit.js';
import { passwordProblems } from '../../domain/passwords.js';
import { OPERATOR_ROLE, type Actor } from '../../domain/roles.js';
import { wholeNumber } from '../../runtime/config.js';
import { hashPassword, signInAttempt } from '../auth.js';
import { badRequest, conflict, forbidden, HttpError, notFound, parseOr400 } from '../errors.js';
import { route } from '../routes.js';
import { userNames } from '../user-names.js';
import { actorOf, inScope, type Principal } from '../scope.js';

/** Who may invite an operator and see its invitations: the officers of its jurisdiction. */
const INVITERS = ['county_officer', 'coordinator'] as const;
/** Who may disable an operator's account: those, and the admin of the subtree (as for staff accounts). */
const ACCOUNT_KEEPERS = ['county_officer', 'coordinator', 'admin'] as const;

// Read off paper and typed on a phone: no 0/O, 1/I/L; upper case; 12 characters (60 bits), shown 4-4-4.
// Guessing is bounded by the sign-in limiter (10 tries per USCC per 15 minutes) and the expiry.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;

export function invitationCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}
/** The code as typed (spaces, hyphens, lower case) to the form it was hashed in. */
const normalCode = (code: string) => code.replace(/[\s\-－—]/g, '').toUpperCase();
const codeHash = (code: string) => createHash('sha256').update(normalCode(code)).digest('hex');

const invitationDays = () => wholeNumber(process.env, 'OPERATOR_INVITATION_DAYS', 7);
/** Where the operator goes: PORTAL_URL (the address operators reach the console at), else this request's host. */
const portalAddress = (req: Request) => `${(process.env.PORTAL_URL || `${req.protocol}://${req.get('host')}/`).replace(/\/?$/, '/')}#/activate`;

const inviteBody = z.object({ reason: z.string().trim().max(500).optional() }).strict();
const accountBody = z.object({ disabled: z.boolean(), reason: z.string().trim().min(1, { message: '请说明原因 / give a reason' }).max(500) }).strict();
const activateBody = z
  .object({
    uscc: z.string().trim().toUpperCase().pipe(z.string().min(1).max(50)),
    code: z.string().trim().min(1).max(50),
    password: z.string().min(1).max(200),
  })
  .strict();

type InvitationStatus = 'pending' | 'used' | 'expired' | 'revoked';
const statusOf = (i: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: number): InvitationStatus =>
  i.usedAt ? 'used' : i.revokedAt ? 'revoked' : i.expiresAt.getTime() <= now ? 'expired' : 'pending';

/** An operator's account as staff see it on the operator (GET /operators/:id), or null when it has none. */
export async function portalAccountOf(db: PrismaClient, operatorId: string) {
  const u = await db.user.findUnique({ where: { operatorId }, select: { createdAt: true, disabledAt: true } });
  return u ? { status: u.disabledAt ? ('disabled' as const) : ('active' as const), createdAt: u.createdAt } : null;
}

// One refusal for a wrong code, a code of another operator, an unknown USCC, an expired, used or revoked
// code and a disabled account alike: the answer tells a guesser nothing.
const refused = () =>
  new HttpError(
    400,
    'invitation_invalid',
    '统一社会信用代码或邀请码不正确，或邀请码已失效。请核对后重试，或请发出邀请的执法人员重新邀请',
    'wrong USCC or invitation code, or the code is no longer valid; check them, or ask the officer who invited you for a new invitation',
    [{ path: 'code', messageZh: '邀请码无效', messageEn: 'invalid invitation code' }],
  );

export function portalAccountsRouter(db: PrismaClient): Router {
  const r = Router();

  /** The operator, if it lies in the caller's subtree: 404 unknown, 403 outside. */
  async function operatorInScope(id: string, me: Principal) {
    const o = await db.operator.findUnique({ where: { id } });
    if (!o) throw notFound('经营主体 operator', id);
    if (!inScope(me, o.jurisdictionId)) throw forbidden('该经营主体不在您的辖区', 'this operator is outside your jurisdiction');
    return o;
  }

  route(
    r,
    {
      method: 'post',
      path: '/operators/:id/invitations',
      summary: `Invite an operator of your jurisdiction to the portal: a one-time code (valid OPERATOR_INVITATION_DAYS, default 7), answered this once; unused earlier invitations are revoked`,
      tag: 'portal accounts',
      roles: INVITERS,
      body: inviteBody,
    },
    async (req, res, me) => {
      const o = await operatorInScope(String(req.params.id), me);
      const b = parseOr400(inviteBody, req.body ?? {});
      const account = await db.user.findUnique({ where: { operatorId: o.id }, select: { disabledAt: true } });
      if (account?.disabledAt)
        throw conflict('该经营主体的门户账号已停用，请先启用再邀请', 'this operator’s portal account is disabled: re-enable it before inviting');
      const code = invitationCode();
      const now = new Date();
      const expiresAt = new Date(now.getTime() + invitationDays() * 86_400_000);
      const id = `inv-${randomUUID()}`;
      await db.$transaction(async (tx) => {
        // One live code per operator: the new one replaces any still pending (lost, or sent to the wrong person).
        const revoked = await tx.operatorInvitation.updateMany({
          where: { operatorId: o.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
          data: { revokedAt: now },
        });
        await tx.operatorInvitation.create({ data: { id, operatorId: o.id, codeHash: codeHash(code), createdById: me.id, createdAt: now, expiresAt } });
        await appendAudit(
          tx,
          {
            key: `operator:${o.id}:invited:${id}`,
            actor: actorOf(me),
            action: 'operator.invited',
            entityType: 'operator',
            entityId: o.id,
            jurisdictionId: o.jurisdictionId,
            reason: b.reason ?? null,
            // Never the code: whoever reads the audit trail must not be able to open the account.
            data: { invitationId: id, expiresAt: expiresAt.toISOString(), revokedEarlier: revoked.count, reinvitation: !!account },
          },
          now,
        );
      });
      res.status(201);
      return {
        id,
        code,
        expiresAt: expiresAt.toISOString(),
        operatorId: o.id,
        uscc: o.uscc,
        operatorName: o.name,
        portalUrl: portalAddress(req),
        hasAccount: !!account,
      };
    },
  );

  route(
    r,
    {
      method: 'get',
      path: '/operators/:id/invitations',
      summary: 'An operator’s invitations, newest first (never the codes): status pending/used/expired/revoked and who invited',
      tag: 'portal accounts',
      roles: ACCOUNT_KEEPERS,
    },
    async (req, _res, me) => {
      const o = await operatorInScope(String(req.params.id), me);
      const rows = await db.operatorInvitation.findMany({ where: { operatorId: o.id }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: 100 });
      const nameOf = await userNames(
        db,
        rows.map((i) => i.createdById),
      );
      const now = Date.now();
      return rows.map(({ codeHash: _hidden, ...i }) => ({ ...i, status: statusOf(i, now), createdByName: nameOf(i.createdById) }));
    },
  );

  route(
    r,
    {
      method: 'put',
      path: '/operators/:id/account',
      summary: 'Disable ({disabled: true, reason}) or re-enable an operator’s portal account (officers of its jurisdiction, admin); its sessions end',
      tag: 'portal accounts',
      roles: ACCOUNT_KEEPERS,
      body: accountBody,
    },
    async (req, _res, me) => {
      const o = await operatorInScope(String(req.params.id), me);
      const b = parseOr400(accountBody, req.body);
      const u = await db.user.findUnique({ where: { operatorId: o.id } });
      if (!u) throw notFound('门户账号 portal account of', o.id);
      if (!!u.disabledAt === b.disabled) return portalAccountOf(db, o.id);
      const now = new Date();
      await db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: u.id }, data: { disabledAt: b.disabled ? now : null, updatedAt: now } });
        // As for staff (api/resources/users.ts): a disabled account's sessions end at once (authenticate
        // refuses them with 401 account_disabled, so the operator is told why, and deletes them then);
        // re-enabling deletes whatever is left, so no token from before comes back to life. A code sent
        // before cannot reopen it.
        if (!b.disabled) await tx.session.deleteMany({ where: { userId: u.id } });
        if (b.disabled) await tx.operatorInvitation.updateMany({ where: { operatorId: o.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
        const action = b.disabled ? 'operator.account_disabled' : 'operator.account_enabled';
        await appendAudit(
          tx,
          {
            key: `operator:${o.id}:${action}:${now.getTime()}:${randomUUID()}`,
            actor: actorOf(me),
            action,
            entityType: 'operator',
            entityId: o.id,
            jurisdictionId: o.jurisdictionId,
            reason: b.reason,
            data: { userId: u.id },
          },
          now,
        );
      });
      return portalAccountOf(db, o.id);
    },
  );

  route(
    r,
    {
      method: 'post',
      path: '/portal/activate',
      summary:
        'An operator sets its password with its USCC and invitation code (no sign-in): opens its account, or sets a new password on it (its sessions end). Attempts count as sign-in failures',
      tag: 'portal accounts',
      roles: 'public',
      body: activateBody,
    },
    async (req, res) => {
      const b = parseOr400(activateBody, req.body);
      const username = b.uscc.toLowerCase();
      // Counted like a sign-in under the account's username (ASVS 2.2.1): codes cannot be guessed faster
      // than passwords, and a burst from one address is stopped whichever USCC it tries.
      const tried = await signInAttempt(db, username, req.ip ?? 'unknown');
      const operator = await db.operator.findUnique({ where: { uscc: b.uscc } });
      const now = new Date();
      const live = operator
        ? await db.operatorInvitation.findMany({ where: { operatorId: operator.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } } })
        : [];
      // The stored hash is compared in constant time, never looked up by the typed code.
      const typed = Buffer.from(codeHash(b.code), 'hex');
      const invitation = live.find((i) => timingSafeEqual(Buffer.from(i.codeHash, 'hex'), typed));
      const existing = operator ? await db.user.findUnique({ where: { operatorId: operator.id } }) : null;
      if (!operator || !invitation || existing?.disabledAt) throw refused();
      const problems = passwordProblems(b.password, username);
      if (problems.length)
        throw badRequest(
          `密码${problems.map((p) => p.messageZh).join('；')}`,
          `the password ${problems.map((p) => p.messageEn).join('; ')}`,
          problems.map((p) => ({ path: 'password', messageZh: p.messageZh, messageEn: p.messageEn })),
        );
      const passwordHash = await hashPassword(b.password);
      const userId = existing?.id ?? `u-${randomUUID()}`;
      const actor: Actor = { userId, role: OPERATOR_ROLE, displayName: operator.name };
      try {
        await db.$transaction(async (tx) => {
          // Used once: of two activations with one code at once, exactly one wins.
          const used = await tx.operatorInvitation.updateMany({
            where: { id: invitation.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
            data: { usedAt: now },
          });
          if (used.count !== 1) throw refused();
          if (existing) {
            await tx.user.update({
              where: { id: existing.id },
              data: { passwordHash, mustChangePassword: false, temporaryUntil: null, passwordChangedAt: now, updatedAt: now },
            });
            // A password set because the old one is lost (or known to someone else) ends every session (ASVS 3.3.3).
            await tx.session.deleteMany({ where: { userId: existing.id } });
          } else
            await tx.user.create({
              data: {
                id: userId,
                username,
                displayName: operator.name,
                role: OPERATOR_ROLE,
                operatorId: operator.id,
                jurisdictionId: operator.jurisdictionId,
                passwordHash,
                mustChangePassword: false,
                passwordChangedAt: now,
                createdAt: now,
                updatedAt: now,
              },
            });
          await appendAudit(
            tx,
            {
              key: `operator:${operator.id}:activated:${invitation.id}`,
              actor,
              action: existing ? 'operator.password_set' : 'operator.account_activated',
              entityType: 'operator',
              entityId: operator.id,
              jurisdictionId: operator.jurisdictionId,
              data: { invitationId: invitation.id, invitedBy: invitation.createdById, userId },
            },
            now,
          );
        });
      } catch (e) {
        // The USCC's username already taken by a staff account: not something the operator can fix.
        if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002')
          throw conflict(
            '该统一社会信用代码已被其他账号占用，请联系发出邀请的执法人员',
            'this USCC is taken by another account; contact the officer who invited you',
          );
        throw e;
      }
      await tried.succeeded();
      res.status(201);
      return { username, operatorId: operator.id, operatorName: operator.name, activated: !existing };
    },
  );

  return r;
}
