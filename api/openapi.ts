import { z } from 'zod';
import { importBody } from './table-import.js';
import { XLSX_TYPE } from './spreadsheet.js';
import { ROUTES, type RouteDoc } from './routes.js';
import { LIST_TOTAL_CAP } from './list.js';

const errorSchema = {
  type: 'object',
  required: ['error', 'message', 'messageZh', 'messageEn'],
  properties: {
    error: { type: 'string' },
    message: { type: 'string', description: '中文 / English' },
    messageZh: { type: 'string' },
    messageEn: { type: 'string' },
    fields: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, messageZh: { type: 'string' }, messageEn: { type: 'string' } } },
    },
  },
};

const key = (r: RouteDoc) => `${r.method} ${r.path}`;

// What the route registry does not say (yet): the handlers that answer 201 Created (a new record or
// roster) or 204 No Content (they return nothing), and the query parameters of the routes that are not
// lists. test/contract-fuzz.test.ts checks these statuses against the running API (status_code_conformance).
const CREATED = new Set([
  'post /campaigns',
  'post /campaigns/:id/cases',
  'post /campaigns/:id/cases/import',
  'post /campaigns/:id/publicity',
  'post /campaigns/:id/objections',
  'post /campaigns/:id/award',
  'post /campaigns/:id/rosters',
  'post /campaigns/:id/applications',
  'post /campaigns/:id/cultivation-list',
  'post /campaigns/:id/roster',
  'post /programmes',
  'post /campaigns/:id/intake-applications',
  'post /campaigns/:id/intake-batches',
  'post /campaigns/:id/register-scoring/run',
  'post /register-entries/:id/metrics',
  'post /attachments',
  'post /titles/:id/complaints',
  'post /listings/:id/findings',
  'post /operators',
  'post /operators/import',
  'post /users',
  'post /users/import',
  'post /jurisdictions',
  'post /jurisdictions/import',
  'post /public/rosters/:id/objections',
  'post /portal/register/applications',
  'post /portal/applications',
  'post /portal/activate',
  'post /operators/:id/invitations',
  'post /portal/cases/:id/rectification-proof',
  'post /cases/:id/rectification-proof',
  'post /tasks/:id/comments',
  'post /cases/:id/comments',
  'post /tasks/:id/files',
  'post /cases/:id/files',
  'post /tasks/:id/corrections',
]);
// Routes that answer a plain JSON array without being a react-admin list (no Content-Range, no list params).
const ARRAY = new Set([
  'get /programmes/:id/versions',
  'get /portal/register/open-campaigns',
  'get /portal/applications',
  'get /cases/:id/application-versions',
  'get /operators/:id/invitations',
  'get /tasks/:id/comments',
  'get /cases/:id/comments',
  'get /tasks/:id/files',
  'get /cases/:id/files',
  'get /tasks/:id/previous-steps',
  'get /operators/:id/credit-listings',
  'get /campaigns/:id/score-imports',
  'get /campaigns/:id/evaluation-groups/candidates',
  'post /tasks/:id/files',
  'post /cases/:id/files',
]);
// Routes that may answer 202 Accepted: the request is recorded and finishes later (RFC 7240 `Prefer`).
const ACCEPTED = new Set([
  'post /tasks/:id/complete',
  'post /portal/tasks/:id/complete',
  'post /portal/applications/:id/resubmit',
  'post /campaigns/:id/stages/:key/close',
  'post /campaigns/:id/evaluation-groups/:groupId/scores',
]);
const NO_CONTENT = new Set(['post /auth/logout', 'post /auth/logout-everywhere', 'delete /jurisdictions/:id/webhook']);
// react-admin sends the whole record back on edit: the fields a body does not name are ignored, and no
// body at all changes nothing.
const WHOLE_RECORD = new Set(['put /operators/:id', 'put /users/:id', 'put /jurisdictions/:id']);

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10, description: 'YYYY-MM-DD (Asia/Shanghai)' };
const QUERY: Record<string, { name: string; schema: object; description?: string; required?: boolean }[]> = {
  'get /tasks': [
    {
      name: 'cursor',
      required: false,
      schema: { type: 'string', maxLength: 400 },
      description: 'keyset pagination: the X-Next-Cursor of the previous page (sorts: id, dueAt, createdAt)',
    },
  ],
  'get /audit-events': [
    {
      name: 'cursor',
      required: false,
      schema: { type: 'string', maxLength: 400 },
      description: 'keyset pagination: the X-Next-Cursor of the previous page (sorts: id, at)',
    },
  ],
  'get /programmes/:id': [
    {
      name: 'version',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 1_000_000 },
      description: "a defined programme's version (default: the latest)",
    },
  ],
  'get /calendar': [
    { name: 'from', schema: date, description: 'first day' },
    { name: 'to', schema: date, description: 'last day (1 to 92 days after from)' },
  ],
  'get /search': [
    {
      name: 'q',
      schema: { type: 'string', minLength: 2, maxLength: 100 },
      description: 'name (contains), 统一社会信用代码 (prefix) or platform account (contains)',
    },
  ],
  // The public list of published rosters (api/public/rosters.ts): plain page parameters, not a react-admin list.
  'get /public/rosters': [
    { name: 'kind', required: false, schema: { enum: ['publicity', 'award', 'red', 'black', 'cultivation', 'list', 'admission', 'inspection'] } },
    { name: 'year', required: false, schema: { type: 'integer', minimum: 2000, maximum: 9999 } },
    { name: 'page', required: false, schema: { type: 'integer', minimum: 1, maximum: 10_000 }, description: 'from 1 (default 1)' },
    { name: 'perPage', required: false, schema: { type: 'integer', minimum: 1, maximum: 50 }, description: 'default 20' },
  ],
  'get /tasks/assignees': [{ name: 'ids', schema: { type: 'string', minLength: 1, maxLength: 20_000 }, description: 'task ids, comma-separated' }],
};

// react-admin simple-REST list parameters, each a JSON value in the query string (api/list.ts).
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const LIST_PARAMS = [
  {
    name: 'sort',
    in: 'query',
    required: false,
    description: 'JSON ["field","ASC|DESC"]; the fields a list sorts by are listed in the 400 answer',
    ...json({ type: 'array', prefixItems: [{ type: 'string' }, { enum: ['ASC', 'DESC'] }], minItems: 2, maxItems: 2 }),
  },
  {
    name: 'range',
    in: 'query',
    required: false,
    description: 'JSON [start,end], inclusive, end ≥ start, at most 1000 rows',
    ...json({
      type: 'array',
      prefixItems: [
        { type: 'integer', minimum: 0 },
        { type: 'integer', minimum: 0 },
      ],
      minItems: 2,
      maxItems: 2,
    }),
  },
  { name: 'filter', in: 'query', required: false, description: 'JSON object of filters (unknown filters → 400)', ...json({ type: 'object' }) },
];

const healthSchema = {
  type: 'object',
  required: ['status', 'temporal', 'database'],
  properties: { status: { enum: ['ok', 'degraded'] }, temporal: { enum: ['ok', 'down'] }, database: { enum: ['ok', 'down'] } },
};

/** OpenAPI 3.1, generated from the route registry and the zod schemas the routes validate with. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  const err = (d: string) => ({ description: d, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
  for (const r of ROUTES) {
    const k = key(r);
    const path = `/api${r.path.replace(/:(\w+)/g, '{$1}')}`;
    const params: object[] = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string', minLength: 1 } }));
    if (r.list) params.push(...LIST_PARAMS);
    for (const q of QUERY[k] ?? []) params.push({ in: 'query', required: true, ...q });

    const roles = r.roles;
    const isPublic = roles === 'public';
    const csvOut = r.method === 'get' && r.path.endsWith('/csv');
    const xlsxOut = r.method === 'get' && (r.path.endsWith('/xlsx') || r.path.endsWith('.xlsx'));
    // An attachment downloads as its own type (PDF, image…), with its SHA-256 in a header.
    const fileOut = k === 'get /attachments/:id';
    const okStatus = CREATED.has(k) ? '201' : NO_CONTENT.has(k) ? '204' : '200';
    const okSchema = k === 'get /health' ? healthSchema : r.list || ARRAY.has(k) ? { type: 'array', items: { type: 'object' } } : { type: 'object' };
    const ok = NO_CONTENT.has(k)
      ? { description: 'Done' }
      : {
          description: CREATED.has(k) ? 'Created' : csvOut ? 'OK: CSV, UTF-8 with a BOM (opens in Excel)' : xlsxOut ? 'OK: an Excel workbook (.xlsx)' : 'OK',
          ...(r.list
            ? {
                headers: {
                  'Content-Range': {
                    schema: { type: 'string' },
                    description: `<resource> <start>-<end>/<total>; the task list's total is * when more than ${LIST_TOTAL_CAP} rows match`,
                  },
                  ...(k === 'get /tasks'
                    ? {
                        'X-Total-Exceeds': {
                          schema: { type: 'string', pattern: '^\\d+$' },
                          description: 'With a total of *: how many rows the list counted up to (more match)',
                        },
                      }
                    : {}),
                },
              }
            : {}),
          ...(fileOut ? { headers: { 'X-Checksum-SHA256': { schema: { type: 'string' }, description: 'SHA-256 of the bytes, hex' } } } : {}),
          content: csvOut
            ? { 'text/csv': { schema: { type: 'string' } } }
            : xlsxOut
              ? { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } }
              : fileOut
                ? { '*/*': { schema: { type: 'string', format: 'binary' } } }
                : { 'application/json': { schema: okSchema } },
        };
    const bodySchema = r.body && z.toJSONSchema(r.body, { io: 'input', unrepresentable: 'any' });
    if (bodySchema && WHOLE_RECORD.has(k)) delete bodySchema.additionalProperties;
    const body = bodySchema
      ? {
          requestBody: {
            required: !WHOLE_RECORD.has(k),
            content: {
              'application/json': { schema: bodySchema },
              // CSV imports also take the file itself as the body.
              ...(r.body === importBody ? { 'text/csv': { schema: { type: 'string', minLength: 1 } } } : {}),
            },
          },
        }
      : {};

    paths[path] ??= {};
    paths[path][r.method] = {
      operationId: `${r.method}${r.path.replace(/:(\w+)/g, 'By-$1').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: r.summary,
      tags: [r.tag],
      ...(roles === 'public' ? { security: [] } : { description: `Roles: ${roles ? roles.join(', ') : 'any signed-in user'}` }),
      parameters: params,
      ...body,
      responses: {
        [okStatus]: ok,
        ...(ACCEPTED.has(k)
          ? { '202': { description: 'Accepted: recorded, finishing later', content: { 'application/json': { schema: { type: 'object' } } } } }
          : {}),
        ...(k === 'get /health'
          ? { '503': { description: 'Degraded: Temporal or the database is down', content: { 'application/json': { schema: healthSchema } } } }
          : {}),
        // Any route: a malformed JSON body is refused too.
        '400': err('Invalid input (nothing changed)'),
        // A bearer token that is unknown or expired is refused on every route, public ones included.
        '401': err(
          isPublic
            ? k === 'post /auth/login'
              ? 'Wrong username or password, or an invalid bearer token'
              : 'An invalid or expired bearer token (none is needed)'
            : 'Not signed in, or the session expired',
        ),
        ...(isPublic ? {} : { '403': err('Wrong role or jurisdiction') }),
        ...(r.path.includes(':') ? { '404': err('Unknown id') } : {}),
        ...(r.method === 'post' || r.method === 'put' ? { '409': err('Conflict (already done, claimed, closed or launched)') } : {}),
        ...(r.body ? { '413': err('Request body too large') } : {}),
        // Node's HTTP server refuses a request line and headers over 16 KB (before the API sees it).
        ...(params.length ? { '431': { description: 'URL too long (request line and headers over 16 KB)' } } : {}),
        ...(k === 'post /auth/login' ? { '429': err('Too many failed sign-ins: try again in 15 minutes') } : {}),
        ...(k === 'post /public/rosters/:id/objections' ? { '429': err('Too many objections from this address: try again (Retry-After)') } : {}),
        ...(k === 'get /health' ? {} : { '503': err('Temporal or the database is unavailable: try again') }),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Campaign case management API',
      version: '0.1.0',
      description: 'Staged regulatory campaigns for live-stream e-commerce (react-admin simple-REST conventions).',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas: { Error: errorSchema } },
    security: [{ bearer: [] }],
    paths,
  };
}
