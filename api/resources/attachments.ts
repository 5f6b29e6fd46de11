// File attachments of applications (licences, test reports, pictures): stored in the database with their
// SHA-256, so what the office reviewed can be shown to be what was uploaded (丽江附件1 第2、3、5、9条).
import { createHash, randomUUID } from 'node:crypto';
import { Router } from 'express';
import { fileTypeFromBuffer } from 'file-type';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import { badRequest, forbidden, notFound, parseOr400 } from '../errors.js';
import { route } from '../routes.js';
import { inScope } from '../scope.js';
import { OPERATOR_ROLE, ROLES } from '../../domain/roles.js';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/**
 * Each type an upload may declare, and what its content must be found to be (file-type's MIME types):
 * the declared type is the client's word, the bytes are what the office will open (OWASP ASVS 12.2.1,
 * file content matches its type). Legacy .doc/.xls are OLE compound files (D0 CF 11 E0) either way.
 */
const CONTENT_OF: Record<string, readonly string[]> = {
  'application/pdf': ['application/pdf'],
  'image/jpeg': ['image/jpeg'],
  'image/png': ['image/png', 'image/apng'],
  'image/webp': ['image/webp'],
  'video/mp4': ['video/mp4', 'video/x-m4v'],
  [XLSX]: [XLSX],
  'application/vnd.ms-excel': ['application/x-cfb'],
  'application/msword': ['application/x-cfb'],
  [DOCX]: [DOCX],
  'text/plain': ['text/plain'],
};
const ALLOWED_TYPES = Object.keys(CONTENT_OF);
/** Every type an upload may be (each checked against its content on upload). */
export const ATTACHMENT_TYPES: readonly string[] = ALLOWED_TYPES;

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Text is valid UTF-8 without NUL (GBK or UTF-16 text is not: save it as UTF-8). */
function isPlainText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * What the content is, by its magic bytes: file-type's MIME type when it knows the signature (it opens
 * a ZIP to tell a .docx from an .xlsx), else text/plain for UTF-8 text, else application/octet-stream.
 */
export async function detectContentType(bytes: Buffer): Promise<string> {
  // A malformed container (a ZIP whose entries lie about their sizes) is no allowed type: 400, not 500.
  const found = await fileTypeFromBuffer(bytes).catch(() => ({ mime: 'application/octet-stream' }));
  return found?.mime ?? (isPlainText(bytes) ? 'text/plain' : 'application/octet-stream');
}

const uploadBody = z
  .object({
    filename: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .refine((s) => !/[\\/]/.test(s), '文件名不能包含路径 / the file name cannot contain a path'),
    contentType: z.enum(ALLOWED_TYPES as [string, ...string[]]),
    dataBase64: z
      .string()
      .min(1)
      .max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
  })
  .strict();

export function attachmentsRouter(db: PrismaClient): Router {
  const r = Router();

  route(
    r,
    {
      method: 'post',
      path: '/attachments',
      summary:
        'Upload a file (base64, ≤ 10 MB: PDF, image, MP4, Office, UTF-8 text; its content must be of contentType, checked by magic bytes); answers its id and SHA-256',
      tag: 'registers',
      // An operator uploads its own evidence (a self-check's photos, a rectification proof: api/evidence.ts).
      roles: ['coordinator', 'auditor', 'county_officer', OPERATOR_ROLE],
      body: uploadBody,
    },
    async (req, res, me) => {
      const body = parseOr400(uploadBody, req.body);
      const bytes = Buffer.from(body.dataBase64, 'base64');
      if (bytes.length === 0) throw badRequest('文件为空', 'the file is empty', [{ path: 'dataBase64', messageZh: '文件为空', messageEn: 'empty file' }]);
      if (bytes.length > MAX_ATTACHMENT_BYTES)
        throw badRequest('文件不能超过 10 MB', 'the file must be at most 10 MB', [{ path: 'dataBase64', messageZh: '文件过大', messageEn: 'too large' }]);
      const detected = await detectContentType(bytes);
      if (!CONTENT_OF[body.contentType]!.includes(detected))
        throw badRequest(
          `文件内容与声明的类型不符：声明为 ${body.contentType}，实际为 ${detected}`,
          `the file's content does not match its declared type: declared ${body.contentType}, detected ${detected}`,
          [{ path: 'dataBase64', messageZh: `内容为 ${detected}，不是 ${body.contentType}`, messageEn: `content is ${detected}, not ${body.contentType}` }],
        );
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const a = await db.attachment.create({
        data: {
          id: randomUUID(),
          filename: body.filename,
          contentType: body.contentType,
          size: bytes.length,
          sha256,
          content: bytes,
          uploadedById: me.id,
          uploadedAt: new Date(),
        },
        select: { id: true, filename: true, contentType: true, size: true, sha256: true, uploadedAt: true },
      });
      res.status(201);
      return a;
    },
  );

  route(
    r,
    {
      method: 'get',
      path: '/attachments/:id',
      summary:
        'Download a file, with X-Checksum-SHA256 (uploader, or anyone who may see the entry it is attached to; evidence on a case: the case’s operator and the staff over its jurisdiction)',
      tag: 'registers',
      roles: [...ROLES, OPERATOR_ROLE],
    },
    async (req, res, me) => {
      const id = String(req.params.id);
      const a = z.string().uuid().safeParse(id).success ? await db.attachment.findUnique({ where: { id } }) : null;
      if (!a) throw notFound('附件 attachment', id);
      if (a.entryId) {
        const e = await db.registerEntry.findUnique({ where: { id: a.entryId }, select: { jurisdictionId: true, campaignId: true } });
        const c = e && (await db.campaign.findUnique({ where: { id: e.campaignId }, select: { jurisdictionId: true } }));
        if (!e || !(inScope(me, e.jurisdictionId) || (c && inScope(me, c.jurisdictionId))))
          throw forbidden('该附件不在您的辖区', 'this attachment is outside your jurisdiction');
      } else if (a.caseId) {
        // Evidence on a case (DOMAIN.md "Evidence"): its uploader, the case's own operator, staff over the case.
        const c = await db.case.findUnique({ where: { id: a.caseId }, select: { operatorId: true, jurisdictionId: true } });
        const mayRead = a.uploadedById === me.id || (!!c && (me.operatorId ? c.operatorId === me.operatorId : inScope(me, c.jurisdictionId)));
        if (!mayRead) throw forbidden('您无权查看该附件', 'you may not read this attachment');
      } else if (a.uploadedById === null) {
        // A file sent with an objection from the public page (api/public/objections.ts): staff who see the objection.
        const o = await db.objection.findFirst({ where: { attachmentId: a.id }, select: { jurisdictionId: true } });
        if (!o || !inScope(me, o.jurisdictionId)) throw forbidden('该附件不在您的辖区', 'this attachment is outside your jurisdiction');
      } else if (a.uploadedById !== me.id) throw forbidden('未提交的附件只有上传人可以查看', 'an attachment not yet filed is visible to its uploader only');
      res.setHeader('Content-Type', a.contentType);
      res.setHeader('Content-Length', String(a.size));
      res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`);
      res.setHeader('X-Checksum-SHA256', a.sha256);
      res.setHeader('Access-Control-Expose-Headers', 'X-Checksum-SHA256, Content-Disposition');
      res.end(Buffer.from(a.content));
    },
  );
  return r;
}
