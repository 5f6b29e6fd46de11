// Outgoing webhooks: a bureau connects its own messaging. One webhook per jurisdiction receives
// every notification of that jurisdiction's subtree, signed with HMAC-SHA256 (activities/webhook.ts).
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import { badRequest, forbidden, notFound, parseOr400 } from '../errors.js';
import { parseList, sendList } from '../list.js';
import { route } from '../routes.js';
import { inScope, type Principal } from '../scope.js';
import { checkWebhookTarget } from '../../activities/webhook-target.js';

const body = z
  .object({
    url: z
      .string()
      .trim()
      .max(500)
      .url()
      .refine((u) => /^https?:\/\//i.test(u), { message: '仅支持 http(s) 地址 / only http(s) URLs' }),
    secret: z.string().min(16).max(200).optional(),
    enabled: z.boolean().default(true),
  })
  .strict();

const shown = (w: { jurisdictionId: string; url: string; enabled: boolean; createdAt: Date; updatedAt: Date }) => ({
  jurisdictionId: w.jurisdictionId,
  url: w.url,
  enabled: w.enabled,
  secretSet: true,
  createdAt: w.createdAt,
  updatedAt: w.updatedAt,
});

export function webhooksRouter(db: PrismaClient): Router {
  const r = Router();

  /** An admin, or a coordinator, of the jurisdiction or above. */
  async function jurisdictionFor(id: string, me: Principal) {
    const j = await db.jurisdiction.findUnique({ where: { id } });
    if (!j) throw notFound('辖区 jurisdiction', id);
    if (!inScope(me, j.id)) throw forbidden('该辖区不在您的管辖范围内', 'this jurisdiction is outside yours');
    return j;
  }
  const roles = ['admin', 'coordinator'] as const;

  route(
    r,
    { method: 'get', path: '/jurisdictions/:id/webhook', summary: 'The jurisdiction’s webhook (the secret is never returned)', tag: 'webhooks', roles },
    async (req, _res, me) => {
      const j = await jurisdictionFor(String(req.params.id), me);
      const w = await db.webhook.findUnique({ where: { jurisdictionId: j.id } });
      if (!w) throw notFound('推送接口 webhook', j.id);
      return shown(w);
    },
  );

  route(
    r,
    {
      method: 'put',
      path: '/jurisdictions/:id/webhook',
      summary:
        'Set the jurisdiction’s webhook: url (400 when it is or resolves to a loopback, private, link-local or other internal address, unless its host is in WEBHOOK_ALLOW_HOSTS), secret (≥ 16 characters; required the first time), enabled',
      tag: 'webhooks',
      roles,
      body,
    },
    async (req, _res, me) => {
      const j = await jurisdictionFor(String(req.params.id), me);
      const b = parseOr400(body, req.body);
      // SSRF (OWASP): no URL that leads inside the network; checked again at each delivery (activities/webhook.ts).
      const target = await checkWebhookTarget(b.url);
      if (!target.ok)
        throw badRequest(`推送地址不可用：${target.messageZh}`, `webhook URL refused: ${target.messageEn}`, [
          { path: 'url', messageZh: target.messageZh, messageEn: target.messageEn },
        ]);
      const existing = await db.webhook.findUnique({ where: { jurisdictionId: j.id } });
      if (!existing && !b.secret)
        throw badRequest('首次设置须提供签名密钥', 'a secret is required when the webhook is first set', [
          { path: 'secret', messageZh: '必填（至少 16 个字符）', messageEn: 'required (at least 16 characters)' },
        ]);
      const now = new Date();
      // One audit entry per change, however many fall in one millisecond (the key is unique, the clock is not).
      const w = await db.$transaction(async (tx) => {
        const saved = existing
          ? await tx.webhook.update({
              where: { jurisdictionId: j.id },
              data: { url: b.url, enabled: b.enabled, updatedAt: now, ...(b.secret ? { secret: b.secret } : {}) },
            })
          : await tx.webhook.create({ data: { jurisdictionId: j.id, url: b.url, secret: b.secret!, enabled: b.enabled, createdAt: now, updatedAt: now } });
        await tx.auditEvent.create({
          data: {
            key: `webhook:${j.id}:set:${now.getTime()}:${randomUUID()}`,
            at: now,
            actorId: me.id,
            actorRole: me.role,
            action: 'webhook.set',
            entityType: 'jurisdiction',
            entityId: j.id,
            jurisdictionId: j.id,
            data: { url: b.url, enabled: b.enabled, secretChanged: !!b.secret },
          },
        });
        return saved;
      });
      return shown(w);
    },
  );

  route(
    r,
    {
      method: 'delete',
      path: '/jurisdictions/:id/webhook',
      summary: 'Remove the jurisdiction’s webhook (pending deliveries fail with “webhook removed”)',
      tag: 'webhooks',
      roles,
    },
    async (req, _res, me) => {
      const j = await jurisdictionFor(String(req.params.id), me);
      const now = new Date();
      await db.$transaction(async (tx) => {
        const gone = await tx.webhook.deleteMany({ where: { jurisdictionId: j.id } });
        if (gone.count === 0) throw notFound('推送接口 webhook', j.id);
        await tx.auditEvent.create({
          data: {
            key: `webhook:${j.id}:removed:${now.getTime()}:${randomUUID()}`,
            at: now,
            actorId: me.id,
            actorRole: me.role,
            action: 'webhook.removed',
            entityType: 'jurisdiction',
            entityId: j.id,
            jurisdictionId: j.id,
          },
        });
      });
    },
  );

  const filter = z.object({ jurisdictionId: z.string().max(50).optional(), status: z.enum(['pending', 'delivered', 'failed']).optional() });
  route(
    r,
    {
      method: 'get',
      path: '/webhook-deliveries',
      summary: 'Webhook deliveries of your jurisdictions: status, attempts, last error',
      tag: 'webhooks',
      roles,
      list: true,
    },
    async (req, res, me) => {
      const p = parseList(req, filter, ['id', 'createdAt', 'status', 'attempts'], ['createdAt', 'DESC']);
      const where = {
        webhookJurisdictionId: { in: me.subtree.filter((j) => !p.filter.jurisdictionId || j === p.filter.jurisdictionId) },
        ...(p.filter.status ? { status: p.filter.status } : {}),
      };
      const [rows, total] = await Promise.all([
        db.webhookDelivery.findMany({ where, orderBy: p.orderBy, skip: p.skip, take: p.take }),
        db.webhookDelivery.count({ where }),
      ]);
      sendList(res, 'webhook-deliveries', p.skip, rows, total);
    },
  );
  return r;
}
