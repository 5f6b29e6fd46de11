// File attachments of applications (licences, test reports, pictures): stored in the database with their
// SHA-256, so what the office reviewed can be shown to be what was uploaded (丽江附件1 第2、3、5、9条).
import { createHash, randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import { badRequest, forbidden, notFound, parseOr400 } from '../errors.js';
import { route } from '../routes.js';
import { inScope } from '../scope.js';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const ALLOWED_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/plain'];

const uploadBody = z
  .object({
    filename: z.string().trim().min(1).max(200).refine((s) => !/[\\/]/.test(s), '文件名不能包含路径 / the file name cannot contain a path'),
    contentType: z.enum(ALLOWED_TYPES as [string, ...string[]]),
    dataBase64: z.string().min(1).max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
  })
  .strict();

export function attachmentsRouter(db: PrismaClient): Router {
  const r = Router();

  route(r, { method: 'post', path: '/attachments', summary: 'Upload a file (base64, ≤ 10 MB: PDF, image, MP4, Office, text); answers its id and SHA-256', tag: 'registers', roles: ['coordinator', 'auditor', 'county_officer'], body: uploadBody }, async (req, res, me) => {
    const body = parseOr400(uploadBody, req.body);
    const bytes = Buffer.from(body.dataBase64, 'base64');
    if (bytes.length === 0) throw badRequest('文件为空', 'the file is empty', [{ path: 'dataBase64', messageZh: '文件为空', messageEn: 'empty file' }]);
    if (bytes.length > MAX_ATTACHMENT_BYTES) throw badRequest('文件不能超过 10 MB', 'the file must be at most 10 MB', [{ path: 'dataBase64', messageZh: '文件过大', messageEn: 'too large' }]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const a = await db.attachment.create({
      data: { id: randomUUID(), filename: body.filename, contentType: body.contentType, size: bytes.length, sha256, content: bytes, uploadedById: me.id, uploadedAt: new Date() },
      select: { id: true, filename: true, contentType: true, size: true, sha256: true, uploadedAt: true },
    });
    res.status(201);
    return a;
  });

  route(r, { method: 'get', path: '/attachments/:id', summary: 'Download a file, with X-Checksum-SHA256 (uploader, or anyone who may see the entry it is attached to)', tag: 'registers' }, async (req, res, me) => {
    const id = String(req.params.id);
    const a = z.string().uuid().safeParse(id).success ? await db.attachment.findUnique({ where: { id } }) : null;
    if (!a) throw notFound('附件 attachment', id);
    if (a.entryId) {
      const e = await db.registerEntry.findUnique({ where: { id: a.entryId }, select: { jurisdictionId: true, campaignId: true } });
      const c = e && (await db.campaign.findUnique({ where: { id: e.campaignId }, select: { jurisdictionId: true } }));
      if (!e || !(inScope(me, e.jurisdictionId) || (c && inScope(me, c.jurisdictionId)))) throw forbidden('该附件不在您的辖区', 'this attachment is outside your jurisdiction');
    } else if (a.uploadedById !== me.id) throw forbidden('未提交的附件只有上传人可以查看', 'an attachment not yet filed is visible to its uploader only');
    res.setHeader('Content-Type', a.contentType);
    res.setHeader('Content-Length', String(a.size));
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`);
    res.setHeader('X-Checksum-SHA256', a.sha256);
    res.setHeader('Access-Control-Expose-Headers', 'X-Checksum-SHA256, Content-Disposition');
    res.end(Buffer.from(a.content));
  });
  return r;
}
