// `npm run create-admin -- --username … --jurisdiction … [--display-name …]
//                         [--jurisdiction-name … --level province|city|county]`
// The first administrator of a deployment, which `npm start` no longer seeds with demo accounts
// (README "Production profile"). On the database of DATABASE_URL, or else the embedded one under
// data/postgres as `npm start` runs it (started for the job and stopped again unless already running).
// Migrates first, as the owner when DATABASE_MIGRATION_URL is set. Prints a one-time password once: it
// must be changed at the first sign-in. Refusals exit 2 with the reason in Chinese and English.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { appendAudit } from '../activities/audit.js';
import { createAccount, newCredentials } from '../api/accounts.js';
import { codeProblem } from '../domain/jurisdictions.js';
import { temporaryPassword } from '../domain/passwords.js';
import { SYSTEM_ACTOR, USERNAME } from '../domain/roles.js';
import { createPrisma, type PrismaClient } from '../prisma/db.js';
import { startEmbeddedPostgres, type EmbeddedDb } from '../prisma/embedded.js';
import { migrate } from '../prisma/migrate.js';
import { ConfigError, configFromEnv } from '../runtime/config.js';

/** A request that cannot be done as given: nothing is written, the script exits 2. */
export class Refusal extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${messageZh} / ${messageEn}`);
  }
}

export const ROOT_LEVELS = ['province', 'city', 'county'] as const;
export type RootLevel = (typeof ROOT_LEVELS)[number];

/** The one-time password's length: random over 55 unambiguous characters (domain/passwords.ts), ~115 bits. */
export const ONE_TIME_PASSWORD_LENGTH = 20;

export interface AdminRequest {
  username: string;
  jurisdictionId: string;
  displayName?: string;
  /** With `level`: create the root jurisdiction `jurisdictionId` first (a fresh database has none). */
  jurisdictionName?: string;
  level?: RootLevel;
}

/** The request's problems that need no database (the script checks them before starting one). */
export function requestProblem(r: AdminRequest): Refusal | undefined {
  if (!USERNAME.test(r.username)) {
    return new Refusal(
      `用户名“${r.username}”无效：须为 3–40 位小写字母、数字、点、下划线或连字符`,
      `username "${r.username}": 3–40 lower-case letters, digits, dots, underscores or hyphens`,
    );
  }
  if (r.displayName !== undefined && (!r.displayName.trim() || r.displayName.trim().length > 50))
    return new Refusal('显示名称须为 1–50 个字符', 'the display name must be 1–50 characters');
  if ((r.jurisdictionName === undefined) !== (r.level === undefined)) {
    return new Refusal('新建辖区须同时给出 --jurisdiction-name 与 --level', 'creating a jurisdiction takes both --jurisdiction-name and --level');
  }
  if (r.level !== undefined) {
    if (!ROOT_LEVELS.includes(r.level)) return new Refusal(`层级“${r.level}”无效：province、city 或 county`, `level "${r.level}": province, city or county`);
    if (!r.jurisdictionName!.trim() || r.jurisdictionName!.trim().length > 100)
      return new Refusal('辖区名称须为 1–100 个字符', 'the jurisdiction name must be 1–100 characters');
    const problem = codeProblem(r.jurisdictionId, r.level);
    if (problem)
      return new Refusal(
        `“${r.jurisdictionId}”不能作为${r.level}级辖区代码：${problem.messageZh}`,
        `"${r.jurisdictionId}" cannot be a ${r.level}'s code: ${problem.messageEn}`,
      );
  }
  return undefined;
}

const taken = (username: string) => new Refusal(`用户名“${username}”已存在`, `username "${username}" exists already`);

/**
 * Creates the admin (and first its root jurisdiction when asked), with the audit trail's entries, in one
 * transaction; the password hashed as every other (api/auth.ts hashPassword). Throws a Refusal for an
 * existing username, an unknown jurisdiction, or one to create that exists already.
 */
export async function createAdmin(
  db: PrismaClient,
  r: AdminRequest,
  password = temporaryPassword(ONE_TIME_PASSWORD_LENGTH),
): Promise<{ userId: string; jurisdictionName: string; jurisdictionCreated: boolean; password: string }> {
  const refused = requestProblem(r);
  if (refused) throw refused;
  const { id: userId, passwordHash } = await newCredentials(password);
  const now = new Date();
  const create = r.level !== undefined;
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { username: r.username } })) throw taken(r.username);
      let j = await tx.jurisdiction.findUnique({ where: { id: r.jurisdictionId } });
      if (create && j) {
        throw new Refusal(
          `辖区 ${r.jurisdictionId}（${j.name}）已存在：去掉 --jurisdiction-name 与 --level 即可使用`,
          `jurisdiction ${r.jurisdictionId} (${j.name}) exists already: leave out --jurisdiction-name and --level to use it`,
        );
      }
      if (!create && !j) {
        throw new Refusal(
          `辖区 ${r.jurisdictionId} 不存在；新建根辖区请加 --jurisdiction-name 与 --level province|city|county`,
          `no jurisdiction ${r.jurisdictionId}; to create it as a root jurisdiction add --jurisdiction-name and --level province|city|county`,
        );
      }
      if (create) {
        j = await tx.jurisdiction.create({
          data: { id: r.jurisdictionId, name: r.jurisdictionName!.trim(), level: r.level!, parentId: null, path: `/${r.jurisdictionId}/` },
        });
        await appendAudit(
          tx,
          {
            key: `jurisdiction:${j.id}:created`,
            actor: SYSTEM_ACTOR,
            action: 'jurisdiction.created',
            entityType: 'jurisdiction',
            entityId: j.id,
            jurisdictionId: j.id,
            reason: 'create-admin',
            data: { name: j.name, level: j.level, parentId: null, via: 'create-admin' },
          },
          now,
        );
      }
      const displayName = r.displayName?.trim() || `${j!.name}管理员`;
      await createAccount(
        tx,
        { username: r.username, displayName, role: 'admin', jurisdictionId: j!.id },
        { id: userId, passwordHash },
        { actor: SYSTEM_ACTOR, reason: 'create-admin', via: 'create-admin' },
        now,
      );
      return { userId, jurisdictionName: j!.name, jurisdictionCreated: create, password };
    });
  } catch (e) {
    // Two runs at once with one username (or jurisdiction): the loser meets the unique index, not the checks.
    if ((e as { code?: string }).code === 'P2002')
      throw create
        ? new Refusal(`用户名“${r.username}”或辖区 ${r.jurisdictionId} 已存在`, `username "${r.username}" or jurisdiction ${r.jurisdictionId} exists already`)
        : taken(r.username);
    throw e;
  }
}

/**
 * The embedded server of `npm start` (data/postgres): the running one when npm start is up (its
 * postmaster.pid names the port), or started for the job.
 */
async function embeddedDatabase(root: string): Promise<{ url: string; embedded?: EmbeddedDb }> {
  const dataDir = `${root}data/postgres`;
  const pidFile = `${dataDir}/postmaster.pid`;
  if (existsSync(pidFile)) {
    const port = Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
    const url = `postgresql://campaign:campaign@127.0.0.1:${port}/campaign`;
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await c.connect();
      await c.end();
      return { url };
    } catch {
      /* a stale pid file: start it below */
    }
  }
  const embedded = await startEmbeddedPostgres({ dataDir, port: Number(process.env.PGPORT ?? 54329), persistent: true });
  return { url: embedded.url, embedded };
}

const USAGE =
  'usage: npm run create-admin -- --username <name> --jurisdiction <id> [--display-name <名称>] [--jurisdiction-name <名称> --level province|city|county]';

async function main(): Promise<number> {
  let request: AdminRequest;
  try {
    const { values: v } = parseArgs({
      options: {
        username: { type: 'string' },
        jurisdiction: { type: 'string' },
        'display-name': { type: 'string' },
        'jurisdiction-name': { type: 'string' },
        level: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (!v.username || !v.jurisdiction) throw new Error('--username and --jurisdiction are required');
    request = {
      username: v.username.trim().toLowerCase(),
      jurisdictionId: v.jurisdiction.trim(),
      displayName: v['display-name'],
      jurisdictionName: v['jurisdiction-name'],
      level: v.level as RootLevel | undefined,
    };
  } catch (e) {
    console.error(`[create-admin] ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const refused = requestProblem(request);
  if (refused) {
    console.error(`[create-admin] ${refused.messageZh}\n[create-admin] ${refused.messageEn}`);
    return 2;
  }
  let cfg;
  try {
    cfg = configFromEnv();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`[create-admin] ${e.message}`);
      return 2;
    }
    throw e;
  }
  const { url, embedded } = cfg.databaseUrl
    ? { url: cfg.databaseUrl, embedded: undefined }
    : await embeddedDatabase(fileURLToPath(new URL('..', import.meta.url)));
  const db = createPrisma(url, { poolSize: 2 });
  try {
    await migrate(cfg.databaseMigrationUrl ?? url, () => {}, { grantTo: cfg.databaseAppRole });
    const made = await createAdmin(db, request);
    if (made.jurisdictionCreated)
      console.log(`[create-admin] 已创建根辖区 created root jurisdiction ${request.jurisdictionId} ${made.jurisdictionName} (${request.level})`);
    console.log(`[create-admin] 已创建管理员 created admin ${request.username} (${made.jurisdictionName} ${request.jurisdictionId})`);
    console.log(`  一次性密码 One-time password: ${made.password}`);
    console.log('  只显示这一次，首次登录后须修改 Shown this once; it must be changed at the first sign-in.');
    return 0;
  } catch (e) {
    if (e instanceof Refusal) {
      console.error(`[create-admin] ${e.messageZh}\n[create-admin] ${e.messageEn}`);
      return 2;
    }
    throw e;
  } finally {
    await db.$disconnect();
    await embedded?.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error('[create-admin] failed:', e);
      process.exit(1);
    },
  );
}
