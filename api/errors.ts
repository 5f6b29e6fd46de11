import type { ErrorRequestHandler } from 'express';
import { z } from 'zod';
import { ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { REJECT } from '../workflows/messages.js';

export interface FieldProblem {
  path: string;
  messageZh: string;
  messageEn: string;
}

/** An error with an HTTP status and a reason in Chinese and English. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly fields?: FieldProblem[],
  ) {
    super(messageEn);
  }
}

export const badRequest = (zh: string, en: string, fields?: FieldProblem[]) => new HttpError(400, 'invalid_input', zh, en, fields);
export const forbidden = (zh = '无权执行此操作', en = 'not allowed for your role or jurisdiction') => new HttpError(403, 'forbidden', zh, en);
export const notFound = (what: string, id: string) => new HttpError(404, 'not_found', `${what} ${id} 不存在`, `${what} ${id} not found`);
export const conflict = (zh: string, en: string) => new HttpError(409, 'conflict', zh, en);

const zhCN = z.locales.zhCN().localeError;

/** Splits a message we wrote as "中文 / English"; zod's own messages get a Chinese twin from its zh-CN locale. */
function bilingual(issue: z.core.$ZodIssue): FieldProblem {
  // A union (a launch's settings: any programme kind's) names the problem of the branch that came closest.
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const closest = issue.errors.reduce((a, b) => (b.length < a.length ? b : a));
    if (closest[0]) return bilingual({ ...closest[0], path: [...issue.path, ...closest[0].path] } as z.core.$ZodIssue);
  }
  const path = issue.path.map(String).join('.');
  if (issue.message.includes(' / ')) {
    const [zh, en] = issue.message.split(' / ', 2) as [string, string];
    return { path, messageZh: zh, messageEn: en };
  }
  const zh = zhCN(issue as never);
  const messageZh = typeof zh === 'string' ? zh : (zh?.message ?? issue.message);
  return { path, messageZh, messageEn: issue.message };
}

// PostgreSQL cannot store U+0000 in text nor a lone UTF-16 surrogate in jsonb: such input failed deep in a
// query with 500 or, carried into a workflow, in its activities. routes.ts refuses it in every request's
// path, query and body; parseOr400 again after parsing, for the JSON that list parameters carry as text.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Throws 400 naming the first string (or object key) among the [value, path] roots that cannot be stored. */
export function refuseUnstorableText(roots: [unknown, string][]): void {
  const stack = [...roots];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [v, path] = item;
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v))
        throw badRequest(
          '文本含有无法保存的字符（U+0000 或不成对的代理项）',
          'text contains a character that cannot be stored (U+0000 or an unpaired surrogate)',
          [{ path, messageZh: '含有无法保存的字符', messageEn: 'contains U+0000 or an unpaired surrogate' }],
        );
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const p = path ? `${path}.${k}` : k;
        stack.push([k, p], [x, p]);
      }
    }
  }
}

/** Parses with zod or throws 400 listing every field problem in both languages. */
/**
 * The editable fields of a record sent back whole (react-admin's edit form sends every field), parsed by
 * `schema`: other fields are ignored; anything but a JSON object is refused; no body edits nothing.
 */
export function parseEdit<T extends z.ZodObject>(schema: T, body: unknown, whatZh: string, whatEn: string): z.infer<T> {
  if (body !== undefined && (body === null || typeof body !== 'object' || Array.isArray(body)))
    throw badRequest(`请求内容须为${whatZh}记录（JSON 对象）`, `the body must be ${whatEn} record (a JSON object)`, [
      { path: '', messageZh: '须为 JSON 对象', messageEn: 'expected a JSON object' },
    ]);
  return parseOr400(schema, Object.fromEntries(Object.entries(body ?? {}).filter(([k]) => k in schema.shape)));
}

export function parseOr400<T extends z.ZodType>(schema: T, input: unknown, where = 'body'): z.infer<T> {
  const r = schema.safeParse(input);
  if (r.success) {
    refuseUnstorableText([[r.data, '']]);
    return r.data;
  }
  const fields = r.error.issues.map(bilingual);
  throw badRequest(
    `请求${where === 'body' ? '内容' : '参数'}无效：${fields.map((f) => `${f.path || where} ${f.messageZh}`).join('；')}`,
    `invalid ${where}: ${fields.map((f) => `${f.path || where}: ${f.messageEn}`).join('; ')}`,
    fields,
  );
}

/** Maps a workflow's refusal of an Update to the HTTP status the caller should see. */
export function fromTemporal(e: unknown): HttpError | undefined {
  if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure) {
    // Workflows word their refusals "中文 / English"; older ones only in English.
    const msg = e.cause.message;
    const cut = msg.indexOf(' / ');
    const [zh, en] = cut > 0 && /[\u4e00-\u9fff]/.test(msg.slice(0, cut)) ? [msg.slice(0, cut), msg.slice(cut + 3)] : [msg, msg];
    if (e.cause.type === REJECT.conflict) return conflict(zh === en ? `冲突：${zh}` : zh, en);
    if (e.cause.type === REJECT.notFound) return new HttpError(404, 'not_found', zh === en ? `未找到：${zh}` : zh, en);
    if (e.cause.type === REJECT.invalid) return badRequest(zh === en ? `输入无效：${zh}` : zh, en);
  }
  if (e instanceof WorkflowNotFoundError) return conflict('流程已结束，无法再操作', 'the workflow has already finished');
  if (e instanceof ServiceError) return new HttpError(503, 'temporal_unavailable', '流程服务暂不可用，请稍后重试', 'workflow service unavailable, try again');
  return undefined;
}

function body(e: HttpError) {
  return {
    error: e.code,
    message: `${e.messageZh} / ${e.messageEn}`,
    messageZh: e.messageZh,
    messageEn: e.messageEn,
    ...(e.fields ? { fields: e.fields } : {}),
  };
}

/**
 * The database is down or restarting (found by the fault test's PostgreSQL kill): the caller should try
 * again, so 503, not 500. Prisma reports it as P1xxx (can't reach, closed), P2024 (pool timeout), or a
 * driver error, sometimes only in the message; pg as a connection error or SQLSTATE 57P01–57P03.
 */
function databaseUnavailable(err: { name?: string; code?: string; message?: string } | undefined): boolean {
  if (!err) return false;
  if (err.code === 'ECONNREFUSED' || err.code === 'ECONNRESET' || err.code === '57P01' || err.code === 'P2024' || /^P10\d\d$/.test(err.code ?? '')) return true;
  if (err.name === 'PrismaClientInitializationError' || err.name === 'DriverAdapterError') return true;
  // 57P01–57P03: the server is shutting down, crashed or cannot connect now (SQLSTATE class 57).
  return /Can't reach database server|Connection terminated|Server has closed the connection|terminating connection|\b57P0[1-3]\b/i.test(err.message ?? '');
}

export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  let e: HttpError | undefined = err instanceof HttpError ? err : fromTemporal(err);
  // express.json() failures: malformed JSON or a body over the limit.
  if (!e && err?.type === 'entity.parse.failed') e = badRequest('请求体不是有效的 JSON', 'request body is not valid JSON');
  if (!e && err?.type === 'entity.too.large') e = new HttpError(413, 'too_large', '请求体过大', 'request body too large');
  if (!e && typeof err?.status === 'number' && err.status >= 400 && err.status < 500) e = badRequest('请求无效', String(err.message ?? 'bad request'));
  if (!e && databaseUnavailable(err)) e = new HttpError(503, 'database_unavailable', '数据库暂不可用，请稍后重试', 'database unavailable, try again');
  if (!e) e = new HttpError(500, 'internal', '服务器内部错误', 'internal server error');
  // The request's log line (api/observability.ts) carries the code, and for a 5xx the error with its stack.
  res.locals.errorCode = e.code;
  if (e.status >= 500) res.err = err instanceof Error ? err : new Error(String(err));
  res.status(e.status).json(body(e));
};
