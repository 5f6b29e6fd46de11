// Objections by anyone during a 公示 window (Changxing 四、（四）: 向社会进行公示，接受社会监督; DOMAIN.md "The
// public … may lodge an objection during a 公示 window"), and the outcome looked up by reference number.
//
// An objection from the public takes the coordinator's own path into the campaign (lodgeObjectionUpdate):
// the workflow counts it among the open objections that keep the list from becoming final, and the
// coordinator resolves it from the same list and with the same route as one recorded by staff. Only the
// reason goes through the workflow, as a recorded objection's content does; the objector's name and
// contact are written to the objection row afterwards, so no personal details sit in the workflow's
// history (个人信息保护法 第六条: collect and keep no more than the purpose needs).
//
// Abuse bounds (OWASP API Security Top 10, API4:2023 unrestricted resource consumption): each client
// address may lodge PUBLIC_OBJECTIONS_PER_ADDRESS (10) an hour, counted before the body is read; the body
// may carry one file of at most 5 MB (PDF, JPEG or PNG, told by its magic bytes).
import { createHash, randomUUID } from 'node:crypto';
import { Router, type Request, type RequestHandler } from 'express';
import type { Client } from '@temporalio/client';
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import type { RosterEntry } from '../../activities/award.js';
import type { Actor } from '../../domain/roles.js';
import { withKind, type CampaignDefinition } from '../../domain/campaign-definition.js';
import { shanghaiDate, shanghaiDateTime } from '../../domain/time.js';
import { appendAudit } from '../../activities/audit.js';
import { lodgeObjectionUpdate } from '../../workflows/messages.js';
import { wholeNumber } from '../../runtime/config.js';
import { detectContentType } from '../resources/attachments.js';
import { badRequest, conflict, HttpError, notFound, parseOr400 } from '../errors.js';
import { route } from '../routes.js';
import { newObjectionReference, normalizeReference, REFERENCE_PATTERN } from './reference.js';
import { contactOf, windowOpen } from './rosters.js';

/** Who lodges an objection from the public page: nobody signed in. */
export const PUBLIC_ACTOR: Actor = { userId: null, role: 'public', displayName: '公众 / public' };

export const MAX_PUBLIC_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** The largest body the objection route reads: a 5 MB file as base64 (4/3) and the form's text. */
export const PUBLIC_OBJECTION_BODY_LIMIT = 7 * 1024 * 1024;
// Case-insensitive, as Express matches routes: /Objections reaches the same route and must be counted too.
const PATH = /^\/public\/rosters\/[^/]+\/objections\/?$/i;
/** POST /api/public/rosters/:id/objections (as the API router sees its path). */
export const isPublicObjectionPost = (req: Request) => req.method === 'POST' && PATH.test(req.path);

// A mobile or fixed-line number (digits, spaces, dashes, a leading +) or an e-mail address.
const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
const CONTENT_OF: Record<(typeof TYPES)[number], readonly string[]> = {
  'application/pdf': ['application/pdf'],
  'image/jpeg': ['image/jpeg'],
  'image/png': ['image/png', 'image/apng'],
};

const objectionBody = z
  .object({
    name: z.string().trim().min(1, '请填写姓名或单位名称 / your name or organisation is required').max(50),
    contact: z
      .string()
      .trim()
      .max(100)
      .refine((s) => PHONE.test(s) || EMAIL.test(s), '请填写电话号码或电子邮箱 / give a phone number or an e-mail address'),
    entryRef: z.number().int().min(1).max(100_000),
    reason: z.string().trim().min(10, '异议理由至少 10 个字 / the reason needs at least 10 characters').max(2000),
    attachment: z
      .object({
        filename: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .refine((s) => !/[\\/]/.test(s), '文件名不能包含路径 / the file name cannot contain a path'),
        contentType: z.enum(TYPES),
        dataBase64: z
          .string()
          .min(1)
          .max(Math.ceil((MAX_PUBLIC_ATTACHMENT_BYTES * 4) / 3) + 4)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
      })
      .strict()
      .optional(),
  })
  .strict();

/**
 * The per-address limit, before the body is read (app.ts mounts it ahead of the body parsers). In
 * PostgreSQL (rate-limiter-flexible's RateLimiterPrisma over the API's own client and pool), so every API
 * process counts against the same budget and a restart forgets nothing; an address over its budget is
 * then refused from memory without a query until its hour is up. req.ip is the client's address when
 * TRUST_PROXY names the proxies in front (README "Production profile").
 */
export function publicObjectionGate(db: PrismaClient, env: NodeJS.ProcessEnv = process.env): RequestHandler {
  const points = wholeNumber(env, 'PUBLIC_OBJECTIONS_PER_ADDRESS', 10);
  const limiter = new RateLimiterPrisma({
    storeClient: db,
    tableName: 'publicRateLimit',
    keyPrefix: 'objection',
    points,
    duration: 3600,
    inMemoryBlockOnConsumed: points + 1,
  });
  return async (req, res, next) => {
    if (!isPublicObjectionPost(req)) return next();
    try {
      await limiter.consume(req.ip ?? 'unknown');
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const wait = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      res.setHeader('Retry-After', String(wait));
      // Not read: the connection closes after the answer (as a body over the limit, body-limits.ts).
      res.setHeader('Connection', 'close');
      throw new HttpError(
        429,
        'too_many_requests',
        `同一网络地址每小时最多提交 ${points} 件异议，请在 ${Math.ceil(wait / 60)} 分钟后再试`,
        `at most ${points} objections an hour from one address: try again in ${Math.ceil(wait / 60)} minute(s)`,
      );
    }
    next();
  };
}

export function objectionsRouter(db: PrismaClient, client: Client): Router {
  const r = Router();

  route(
    r,
    {
      method: 'post',
      path: '/public/rosters/:id/objections',
      summary:
        'Lodge an objection to an entry of a 公示 list during its window, without signing in (name, contact, entryRef = the entry’s 序号, reason 10–2000 characters, optional PDF/JPEG/PNG ≤ 5 MB as base64); answers the reference number. Rate-limited per client address (429)',
      tag: 'public',
      roles: 'public',
      body: objectionBody,
    },
    async (req, res) => {
      const id = String(req.params.id);
      const roster = await db.roster.findUnique({ where: { id } });
      if (!roster) throw notFound('名单 list', id);
      if (roster.kind !== 'publicity') throw notAPublicity();
      const c = await db.campaign.findUniqueOrThrow({ where: { id: roster.campaignId } });
      // A 公示 superseded by a newer one (a score corrected, README "Corrections") takes none: the newer does.
      const newer = await db.roster.findFirst({ where: { campaignId: roster.campaignId, kind: 'publicity', seq: { gt: roster.seq } } });
      if (newer)
        throw conflict(
          `本公示名单已于 ${shanghaiDateTime(newer.publishedAt.getTime())} 由更正后的公示名单取代，请对新名单提出异议`,
          `this 公示 list was superseded on ${shanghaiDateTime(newer.publishedAt.getTime())} (UTC+8) by a corrected one: object to the new list`,
        );
      // Refused outside the window before anything is read into the database.
      if (!windowOpen(roster, c)) {
        const from = shanghaiDateTime(roster.publishedAt.getTime());
        const to = roster.windowEndsAt ? shanghaiDateTime(roster.windowEndsAt.getTime()) : from;
        throw conflict(
          `公示期为 ${from} 至 ${to}，已结束，不再受理异议`,
          `the publicity period ran from ${from} to ${to} and is over: objections are no longer taken`,
        );
      }
      const body = parseOr400(objectionBody, req.body);
      const entries = roster.entries as unknown as RosterEntry[];
      const entry = entries[body.entryRef - 1];
      if (!entry)
        throw badRequest(`名单共 ${entries.length} 项，没有序号 ${body.entryRef}`, `the list has ${entries.length} entries: there is no no. ${body.entryRef}`, [
          { path: 'entryRef', messageZh: `序号须在 1–${entries.length} 之间`, messageEn: `between 1 and ${entries.length}` },
        ]);
      const file = body.attachment && (await checkedFile(body.attachment));

      const now = new Date();
      const reference = await newObjectionReference(db, now.getTime());
      const attachment =
        file &&
        (await db.attachment.create({
          data: { id: randomUUID(), ...file, uploadedById: null, uploadedAt: now },
          select: { id: true, sha256: true, size: true, contentType: true },
        }));
      let objectionId: string;
      try {
        ({ objectionId } = await client.workflow
          .getHandle(c.workflowId)
          .executeUpdate(lodgeObjectionUpdate, { args: [{ caseId: entry.caseId, source: 'public', content: body.reason, actor: PUBLIC_ACTOR }] }));
      } catch (e) {
        // Refused by the workflow (the window closed meanwhile): nothing of it is kept.
        if (attachment) await db.attachment.delete({ where: { id: attachment.id } }).catch(() => undefined);
        throw e;
      }
      const o = await recordObjectionDetails(db, objectionId, PUBLIC_ACTOR, {
        reference,
        contactName: body.name,
        contact: body.contact,
        attachment,
        entryRef: body.entryRef,
      });
      res.status(201);
      return {
        reference: o.reference,
        status: o.status,
        lodgedAt: o.lodgedAt,
        roster: { id: roster.id, windowEndsAt: roster.windowEndsAt },
        entry: { ref: body.entryRef, operatorName: entry.operatorName },
      };
    },
  );

  route(
    r,
    {
      method: 'get',
      path: '/public/objections/:reference',
      summary: 'An objection’s status and outcome by its reference number (upheld or dismissed, the resolution, dates), nothing personal',
      tag: 'public',
      roles: 'public',
    },
    async (req) => {
      const reference = normalizeReference(String(req.params.reference));
      const o = REFERENCE_PATTERN.test(reference) ? await db.objection.findUnique({ where: { reference } }) : null;
      if (!o) throw notFound('异议编号 objection reference', String(req.params.reference).slice(0, 40));
      const [roster, c] = await Promise.all([
        db.roster.findUniqueOrThrow({ where: { id: o.rosterId } }),
        db.campaign.findUniqueOrThrow({ where: { id: o.campaignId }, select: { name: true, jurisdictionId: true, publicContact: true } }),
      ]);
      const bureau = (await db.jurisdiction.findUnique({ where: { id: c.jurisdictionId }, select: { name: true } }))?.name ?? '';
      const entries = roster.entries as unknown as RosterEntry[];
      const at = entries.findIndex((e) => e.caseId === o.caseId);
      const resolved = o.status !== 'open';
      return {
        reference: o.reference,
        status: o.status,
        lodgedAt: o.lodgedAt,
        lodgedOn: shanghaiDate(o.lodgedAt.getTime()),
        resolvedAt: resolved ? o.resolvedAt : null,
        resolution: resolved ? o.resolution : null,
        roster: { id: roster.id, campaignName: c.name, bureau, publishedAt: roster.publishedAt, windowEndsAt: roster.windowEndsAt },
        entry: at >= 0 ? { ref: at + 1, operatorName: entries[at]!.operatorName } : null,
        contact: contactOf(c, bureau, false),
      };
    },
  );
  return r;
}

/**
 * What the workflow does not carry: the reference number, and who to reply to (name, phone or e-mail) and
 * the file, kept on the objection row for the coordinator; audited without the personal details.
 */
export async function recordObjectionDetails(
  db: PrismaClient,
  objectionId: string,
  actor: Actor,
  d: {
    reference: string;
    contactName: string | null;
    contact: string | null;
    attachment?: { id: string; sha256: string; size: number; contentType: string } | null;
    entryRef?: number;
  },
) {
  const now = new Date();
  return db.$transaction(async (tx) => {
    const row = await tx.objection.update({
      where: { id: objectionId },
      data: { reference: d.reference, contactName: d.contactName, contact: d.contact, attachmentId: d.attachment?.id ?? null },
    });
    // The clause the objection is lodged under, as on its objection.lodged entry (the campaign's 公示 clause).
    const c = await tx.campaign.findUniqueOrThrow({ where: { id: row.campaignId }, select: { definition: true } });
    const def = withKind(c.definition as unknown as CampaignDefinition);
    await appendAudit(
      tx,
      {
        key: `objection:${objectionId}:referenced`,
        actor,
        action: 'objection.referenced',
        entityType: 'case',
        entityId: row.caseId,
        campaignId: row.campaignId,
        jurisdictionId: row.jurisdictionId,
        clause: def.kind === 'staged_award' ? def.rules.clauses.publicity : null,
        data: {
          objectionId,
          reference: d.reference,
          source: row.source,
          contactGiven: d.contact !== null,
          ...(d.entryRef !== undefined ? { entryRef: d.entryRef } : {}),
          attachment: d.attachment ?? null,
        },
      },
      now,
    );
    return row;
  });
}

/** The file's bytes when they are what the declared type says (magic bytes) and within 5 MB; a 400 otherwise. */
async function checkedFile(a: { filename: string; contentType: (typeof TYPES)[number]; dataBase64: string }) {
  const bytes = Buffer.from(a.dataBase64, 'base64');
  const field = (zh: string, en: string) => [{ path: 'attachment.dataBase64', messageZh: zh, messageEn: en }];
  if (bytes.length === 0) throw badRequest('附件为空', 'the attachment is empty', field('文件为空', 'empty file'));
  if (bytes.length > MAX_PUBLIC_ATTACHMENT_BYTES) throw badRequest('附件不能超过 5 MB', 'the attachment must be at most 5 MB', field('文件过大', 'too large'));
  const detected = await detectContentType(bytes);
  if (!CONTENT_OF[a.contentType].includes(detected))
    throw badRequest(
      `附件内容与声明的类型不符：声明为 ${a.contentType}，实际为 ${detected}（只接受 PDF、JPEG、PNG）`,
      `the attachment's content does not match its declared type: declared ${a.contentType}, detected ${detected} (PDF, JPEG or PNG only)`,
      field(`内容为 ${detected}，不是 ${a.contentType}`, `content is ${detected}, not ${a.contentType}`),
    );
  return { filename: a.filename, contentType: a.contentType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), content: bytes };
}

const notAPublicity = () =>
  badRequest('该名单不是公示名单，不受理在线异议', 'this list is not a publicity list: it takes no objections online', [
    { path: 'id', messageZh: '不是公示名单', messageEn: 'not a publicity list' },
  ]);
