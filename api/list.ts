import { z } from 'zod';
import type { Request, Response } from 'express';
import { badRequest, parseOr400 } from './errors.js';

// react-admin simple-REST list conventions: ?sort=["field","ASC"]&range=[0,24]&filter={...},
// answered with Content-Range: <resource> <start>-<end>/<total>.

const jsonParam = (name: string) =>
  z.string().transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: `${name} 不是有效的 JSON / ${name} is not valid JSON` });
      return z.NEVER;
    }
  });

const listQuery = z.object({
  sort: jsonParam('sort').pipe(z.tuple([z.string(), z.enum(['ASC', 'DESC'])])).optional(),
  range: jsonParam('range').pipe(z.tuple([z.number().int().min(0), z.number().int().min(0)]).refine(([a, b]) => b >= a && b - a < 1000, { message: '范围无效（每页最多 1000 条） / invalid range (at most 1000 per page)' })).optional(),
  filter: jsonParam('filter').pipe(z.record(z.string(), z.unknown())).optional(),
});

export interface ListParams<F> {
  orderBy: Record<string, 'asc' | 'desc'>[];
  skip: number;
  take: number;
  filter: F;
}

/** Parses list params; `filterSchema` names the filters a resource allows, `sortable` the sort fields. */
export function parseList<F extends z.ZodObject>(req: Request, filterSchema: F, sortable: string[], defaultSort: [string, 'ASC' | 'DESC']): ListParams<z.infer<F>> {
  const q = parseOr400(listQuery, req.query, 'query');
  const [field, dir] = q.sort ?? defaultSort;
  if (!sortable.includes(field)) throw badRequest(`不能按「${field}」排序`, `cannot sort by "${field}" (allowed: ${sortable.join(', ')})`);
  const [start, end] = q.range ?? [0, 24];
  const filter = parseOr400(filterSchema.strict(), q.filter ?? {}, "filter") as z.infer<F>;
  const orderBy = [{ [field]: dir === 'ASC' ? 'asc' : 'desc' } as Record<string, 'asc' | 'desc'>];
  if (field !== 'id') orderBy.push({ id: 'asc' }); // stable pages
  return { orderBy, skip: start, take: end - start + 1, filter };
}

export function sendList(res: Response, resource: string, skip: number, rows: unknown[], total: number): void {
  const end = rows.length === 0 ? skip : skip + rows.length - 1;
  res.setHeader('Content-Range', `${resource} ${skip}-${end}/${total}`);
  res.setHeader('Access-Control-Expose-Headers', 'Content-Range');
  res.json(rows);
}

/**
 * A free-text filter, searched with LIKE: Prisma's `contains` passes % and _ through as wildcards, so they
 * (and the escape character) are escaped here and a search for "%" finds a literal percent sign.
 */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
export const textFilter = z.string().max(100).transform(escapeLike);

/** Boolean filters arrive as true/false or "true"/"false" from react-admin inputs. */
export const boolFilter = z.union([z.boolean(), z.enum(['true', 'false']).transform((s) => s === 'true')]);

/** react-admin's getMany sends `filter={"id":[…]}` (or one id): accepted by every list. */
export const idsFilter = z.union([z.string(), z.array(z.string()).max(1000)]);
export const idsWhere = (v: string | string[] | undefined) => (v === undefined ? {} : { id: { in: Array.isArray(v) ? v : [v] } });
