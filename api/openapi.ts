import { z } from 'zod';
import { ROUTES } from './routes.js';

const errorSchema = {
  type: 'object',
  required: ['error', 'message', 'messageZh', 'messageEn'],
  properties: {
    error: { type: 'string' },
    message: { type: 'string', description: '中文 / English' },
    messageZh: { type: 'string' },
    messageEn: { type: 'string' },
    fields: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, messageZh: { type: 'string' }, messageEn: { type: 'string' } } } },
  },
};

/** OpenAPI 3.1, generated from the route registry and the zod schemas the routes validate with. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const path = `/api${r.path.replace(/:(\w+)/g, '{$1}')}`;
    const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (r.list)
      params.push(
        { name: 'sort', in: 'query', required: false, schema: { type: 'string' }, description: 'JSON ["field","ASC|DESC"]' } as never,
        { name: 'range', in: 'query', required: false, schema: { type: 'string' }, description: 'JSON [start,end], inclusive, at most 1000' } as never,
        { name: 'filter', in: 'query', required: false, schema: { type: 'string' }, description: 'JSON object of filters' } as never,
      );
    const err = (d: string) => ({ description: d, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
    paths[path] ??= {};
    paths[path][r.method] = {
      summary: r.summary,
      tags: [r.tag],
      ...(r.roles === 'public' ? { security: [] } : { description: `Roles: ${r.roles ? r.roles.join(', ') : 'any signed-in user'}` }),
      parameters: params,
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(r.body, { io: 'input', unrepresentable: 'any' }) } } } } : {}),
      responses: {
        [r.method === 'post' && r.path === '/campaigns' ? '201' : '200']: {
          description: 'OK',
          ...(r.list ? { headers: { 'Content-Range': { schema: { type: 'string' }, description: '<resource> <start>-<end>/<total>' } } } : {}),
          content: { 'application/json': { schema: r.list ? { type: 'array', items: { type: 'object' } } : { type: 'object' } } },
        },
        '400': err('Invalid input (nothing changed)'),
        ...(r.roles === 'public' ? {} : { '401': err('Not signed in'), '403': err('Wrong role or jurisdiction') }),
        ...(r.path.includes(':id') ? { '404': err('Unknown id') } : {}),
        ...(r.method === 'post' ? { '409': err('Conflict (already done, claimed, closed or launched)') } : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Campaign case management API', version: '0.1.0', description: 'Staged regulatory campaigns for live-stream e-commerce (react-admin simple-REST conventions).' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas: { Error: errorSchema } },
    security: [{ bearer: [] }],
    paths,
  };
}
