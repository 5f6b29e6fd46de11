// How an account comes to be, in the console, a CSV import and `npm run create-admin` alike: a temporary
// password, to be changed at the first sign-in within TEMPORARY_PASSWORD_HOURS, and a user.created entry
// in the audit trail (never the password).
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../prisma/generated/client.js';
import { appendAudit } from '../activities/audit.js';
import { temporaryPassword, temporaryUntil } from '../domain/passwords.js';
import type { Actor, Role } from '../domain/roles.js';
import { hashPassword } from './auth.js';

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  jurisdictionId: string;
  phone?: string | null;
  email?: string | null;
}

/** A new account's id and one-time password with its hash: bcrypt is the slow part, done before any transaction. */
export async function newCredentials(password = temporaryPassword()) {
  return { id: `u-${randomUUID()}`, password, passwordHash: await hashPassword(password) };
}

export async function createAccount(
  tx: Prisma.TransactionClient,
  a: NewAccount,
  credentials: { id: string; passwordHash: string },
  by: { actor: Actor; reason?: string | null; via?: string },
  now: Date,
): Promise<void> {
  const { id } = credentials;
  await tx.user.create({
    data: {
      id,
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      jurisdictionId: a.jurisdictionId,
      phone: a.phone ?? null,
      email: a.email ?? null,
      passwordHash: credentials.passwordHash,
      mustChangePassword: true,
      temporaryUntil: temporaryUntil(now.getTime()),
      createdAt: now,
      updatedAt: now,
    },
  });
  await appendAudit(
    tx,
    {
      key: `user:${id}:created`,
      actor: by.actor,
      action: 'user.created',
      entityType: 'user',
      entityId: id,
      jurisdictionId: a.jurisdictionId,
      reason: by.reason ?? null,
      data: { username: a.username, role: a.role, ...(by.via ? { via: by.via } : {}) },
    },
    now,
  );
}
