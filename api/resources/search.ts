// The app bar's search: an operator or its cases across campaigns, by name, 统一社会信用代码 or
// platform account, within the user's jurisdiction subtree.
import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/db.js';
import { parseOr400 } from '../errors.js';
import { escapeLike } from '../list.js';
import { route } from '../routes.js';

const query = z.object({ q: z.string().trim().min(2, '至少 2 个字符 / at least 2 characters').max(100) }).strict();
const LIMIT = 10;

interface Account {
  platform: string;
  account: string;
}

export function searchRouter(db: PrismaClient): Router {
  const r = Router();
  route(
    r,
    {
      method: 'get',
      path: '/search',
      summary: 'Operators and cases by name, 统一社会信用代码 (prefix) or platform account, within your scope (q: 2–100 characters; 10 of each)',
      tag: 'search',
    },
    async (req, _res, me) => {
      const { q } = parseOr400(query, req.query, 'query');
      const text = escapeLike(q);
      const like = `%${text}%`;
      // Platform accounts live in a JSON array: matched as text, then told apart below.
      const byAccount = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM operator WHERE jurisdiction_id = ANY(${me.subtree}) AND EXISTS (
        SELECT 1 FROM jsonb_array_elements(platform_accounts) a WHERE a->>'account' ILIKE ${like}) ORDER BY name LIMIT ${LIMIT}`;
      const operators = await db.operator.findMany({
        where: {
          jurisdictionId: { in: me.subtree },
          OR: [{ name: { contains: text, mode: 'insensitive' } }, { uscc: { startsWith: text.toUpperCase() } }, { id: { in: byAccount.map((o) => o.id) } }],
        },
        orderBy: { name: 'asc' },
        take: LIMIT,
      });
      const needle = q.toLowerCase();
      const cases = await db.case.findMany({
        where: { jurisdictionId: { in: me.subtree }, operatorId: { in: operators.map((o) => o.id) } },
        orderBy: [{ createdAt: 'desc' }],
        take: LIMIT,
      });
      const campaigns = new Map(
        (await db.campaign.findMany({ where: { id: { in: [...new Set(cases.map((c) => c.campaignId))] } }, select: { id: true, name: true, year: true } })).map(
          (c) => [c.id, c],
        ),
      );
      const ops = new Map(operators.map((o) => [o.id, o]));
      return {
        q,
        operators: operators.map((o) => {
          const account = (o.platformAccounts as unknown as Account[]).find((a) => a.account.toLowerCase().includes(needle));
          const matched = o.name.toLowerCase().includes(needle) ? 'name' : o.uscc.startsWith(q.toUpperCase()) ? 'uscc' : 'account';
          return {
            id: o.id,
            name: o.name,
            uscc: o.uscc,
            kind: o.kind,
            jurisdictionId: o.jurisdictionId,
            matched,
            account: matched === 'account' && account ? `${account.platform}:${account.account}` : null,
          };
        }),
        cases: cases.map((c) => ({
          id: c.id,
          campaignId: c.campaignId,
          campaignName: campaigns.get(c.campaignId)?.name ?? c.campaignId,
          year: campaigns.get(c.campaignId)?.year ?? null,
          operatorId: c.operatorId,
          operatorName: ops.get(c.operatorId)?.name ?? c.operatorId,
          uscc: ops.get(c.operatorId)?.uscc ?? '',
          jurisdictionId: c.jurisdictionId,
          status: c.status,
          currentStep: c.currentStep,
        })),
      };
    },
  );
  return r;
}
