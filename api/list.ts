import { z } from 'zod';
import type { Request, Response } from 'express';
import { badRequest, parseOr400 } from './errors.js';

// react-admin simple-REST list conventions: ?sort=["field","ASC"]&range=[0,24]&filter={...},
// answered with Content-Range: <resource> <start>-<end>/<total>, or <start>-<end>/* where more rows
// match than a list counts (LIST_TOTAL_CAP).

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
  sort: jsonParam('sort')
    .pipe(z.tuple([z.string(), z.enum(['ASC', 'DESC'])]))
    .optional(),
  range: jsonParam('range')
    .pipe(
      z
        .tuple([z.number().int().min(0), z.number().int().min(0)])
        .refine(([a, b]) => b >= a && b - a < 1000, { message: '范围无效（每页最多 1000 条） / invalid range (at most 1000 per page)' }),
    )
    .optional(),
  filter: jsonParam('filter').pipe(z.record(z.string(), z.unknown())).optional(),
});

export interface ListParams<F> {
  orderBy: Record<string, 'asc' | 'desc'>[];
  skip: number;
  take: number;
  filter: F;
}

/** Parses list params; `filterSchema` names the filters a resource allows, `sortable` the sort fields. */
export function parseList<F extends z.ZodObject>(
  req: Request,
  filterSchema: F,
  sortable: string[],
  defaultSort: [string, 'ASC' | 'DESC'],
): ListParams<z.infer<F>> {
  const q = parseOr400(listQuery, req.query, 'query');
  const [field, dir] = q.sort ?? defaultSort;
  if (!sortable.includes(field)) throw badRequest(`不能按「${field}」排序`, `cannot sort by "${field}" (allowed: ${sortable.join(', ')})`);
  const [start, end] = q.range ?? [0, 24];
  const filter = parseOr400(filterSchema.strict(), q.filter ?? {}, 'filter') as z.infer<F>;
  const orderBy = [{ [field]: dir === 'ASC' ? 'asc' : 'desc' } as Record<string, 'asc' | 'desc'>];
  if (field !== 'id') orderBy.push({ id: 'asc' }); // stable pages
  return { orderBy, skip: start, take: end - start + 1, filter };
}

/**
 * How many rows the task list counts for its total at most. Counting every task in a county's scope took
 * 40–60 ms of each answer at a million tasks (README "Benchmarks"); where more than this match, the count
 * stops here. Beyond it the total is unknown (`/*`) and the console pages forward and back without it
 * (admin-ui/src/dataProvider.ts).
 */
export const LIST_TOTAL_CAP = 10_000;

/** The total for Content-Range: the count when at most `cap` rows match, undefined (`*`) beyond. */
export async function totalUpTo(cap: number, count: (take: number) => Promise<number>): Promise<number | undefined> {
  const n = await count(cap + 1);
  return n > cap ? undefined : n;
}

/** Adds to Access-Control-Expose-Headers: keyset() and sendList() both name headers of one answer. */
function exposeHeaders(res: Response, ...names: string[]): void {
  const had = String(res.getHeader('Access-Control-Expose-Headers') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  res.setHeader('Access-Control-Expose-Headers', [...new Set([...had, ...names])].join(', '));
}

/** `total` undefined: more rows match than `cap`, which X-Total-Exceeds gives (the console shows "cap+"). */
export function sendList(res: Response, resource: string, skip: number, rows: unknown[], total: number | undefined, cap = LIST_TOTAL_CAP): void {
  const end = rows.length === 0 ? skip : skip + rows.length - 1;
  res.setHeader('Content-Range', `${resource} ${skip}-${end}/${total ?? '*'}`);
  if (total === undefined) res.setHeader('X-Total-Exceeds', String(cap));
  exposeHeaders(res, 'Content-Range', ...(total === undefined ? ['X-Total-Exceeds'] : []));
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

/**
 * Keyset pagination for the lists that grow without bound (tasks, the audit trail): `?cursor=` from the
 * previous page's `X-Next-Cursor` header starts the next page after the last row seen, instead of
 * skipping `range` rows, so a page deep in the audit trail costs what the first one does. The cursor is
 * opaque (base64url of the sort value and id); the order is the list's (sort field, then id ascending).
 */
export function keyset<F>(req: Request, p: ListParams<F>, kinds: Record<string, 'date' | 'string' | 'bigint'>, idKind: 'string' | 'bigint' = 'string') {
  const raw = typeof req.query.cursor === 'string' ? req.query.cursor : undefined;
  const [field, dir] = Object.entries(p.orderBy[0]!)[0]! as [string, 'asc' | 'desc'];
  const bad = (why: string) => badRequest(`分页游标无效：${why}`, `invalid cursor: ${why}`, [{ path: 'cursor', messageZh: '游标无效', messageEn: why }]);
  const kind = field === 'id' ? idKind : kinds[field];
  if (raw !== undefined && !kind) throw bad(`the list sorted by "${field}" pages by range only (cursor sorts: id, ${Object.keys(kinds).join(', ')})`);
  const decode = (v: unknown, k: 'date' | 'string' | 'bigint') => {
    if (typeof v !== 'string') throw bad('malformed');
    if (k === 'date') {
      const d = new Date(v);
      if (Number.isNaN(d.getTime())) throw bad('malformed date');
      return d;
    }
    if (k === 'bigint') {
      if (!/^\d{1,19}$/.test(v)) throw bad('malformed id');
      return BigInt(v);
    }
    return v;
  };
  let where: Record<string, unknown> = {};
  if (raw !== undefined) {
    let parts: unknown;
    try {
      parts = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    } catch {
      throw bad('malformed');
    }
    if (!Array.isArray(parts) || parts.length !== (field === 'id' ? 1 : 2)) throw bad('malformed');
    const cmp = dir === 'asc' ? 'gt' : 'lt';
    if (field === 'id') where = { id: { [cmp]: decode(parts[0], idKind) } };
    else {
      const v = decode(parts[0], kind!);
      const id = decode(parts[1], idKind);
      where = { OR: [{ [field]: { [cmp]: v } }, { [field]: v, id: { gt: id } }] };
    }
  }
  const str = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
  return {
    /** The page's extra condition (empty without a cursor); the query then skips nothing. */
    where,
    skip: raw !== undefined ? 0 : p.skip,
    /** Sets X-Next-Cursor when the page is full (there may be more). */
    next(res: Response, rows: Record<string, unknown>[]) {
      const last = rows[rows.length - 1];
      if (!kind || !last || rows.length < p.take) return;
      const parts = field === 'id' ? [str(last.id)] : [str(last[field]), str(last.id)];
      res.setHeader('X-Next-Cursor', Buffer.from(JSON.stringify(parts)).toString('base64url'));
      exposeHeaders(res, 'Content-Range', 'X-Next-Cursor');
    },
  };
}
