// The API's contract as a document, with no service started (the unit tier, vitest.config.ts): the app is
// built without touching PostgreSQL or Temporal, and /api/openapi.json (api/openapi.ts, generated from the
// route registry) has one operation per route, each path parameter declared and each request body a JSON
// Schema. Over HTTP, with services, the contract is fuzzed by test/fuzz.test.ts and test/contract-fuzz.test.ts.
import { describe, expect, it } from 'vitest';
import { createApp } from '../api/app.js';
import { openApiDocument } from '../api/openapi.js';
import { ROUTES } from '../api/routes.js';
import { OPERATOR_ROLE, ROLES } from '../domain/roles.js';
import type { PrismaClient } from '../prisma/db.js';
import type { Client } from '@temporalio/client';

// Any use of a service at build time throws here, naming what was touched.
const untouchable = (name: string) =>
  new Proxy(
    {},
    {
      get: (_t, p) => {
        throw new Error(`${name}.${String(p)} used while building the app`);
      },
    },
  );
createApp({ db: untouchable('db') as PrismaClient, client: untouchable('client') as Client, taskQueue: 'contract' });
const doc = openApiDocument();
const key = (method: string, path: string) => `${method} ${path}`;

describe('API contract (no services)', () => {
  it('registers each route once: Express would serve only the first of two with the same method and path', () => {
    expect(ROUTES.length).toBeGreaterThan(50);
    const keys = ROUTES.map((r) => key(r.method, r.path.replace(/:\w+/g, ':')));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('documents every route as one operation, with a unique operationId and its path parameters', () => {
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op: op as { operationId: string; parameters: { name: string; in: string }[] } })),
    );
    expect(operations.map((o) => key(o.method, o.path)).sort()).toEqual(ROUTES.map((r) => key(r.method, `/api${r.path.replace(/:(\w+)/g, '{$1}')}`)).sort());
    const ids = operations.map((o) => o.op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const o of operations) {
      const inPath = [...o.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(
        o.op.parameters.filter((p) => p.in === 'path').map((p) => p.name),
        key(o.method, o.path),
      ).toEqual(inPath);
    }
  });

  it('gives every route with a body a JSON request schema, and names only known roles', () => {
    for (const r of ROUTES) {
      const op = (doc.paths[`/api${r.path.replace(/:(\w+)/g, '{$1}')}`] as Record<string, { requestBody?: { content: Record<string, { schema: object }> } }>)[
        r.method
      ]!;
      // A schema that says something: a type or a combination (a zod type JSON Schema cannot express becomes {}).
      if (r.body)
        expect(
          Object.keys(op.requestBody?.content['application/json']?.schema ?? {}).filter((k) => ['type', 'anyOf', 'oneOf', 'allOf', '$ref'].includes(k)),
          key(r.method, r.path),
        ).not.toEqual([]);
      else expect(op.requestBody, key(r.method, r.path)).toBeUndefined();
      if (Array.isArray(r.roles))
        expect(
          // Staff roles, and an operator's own account (domain/roles.ts OPERATOR_ROLE) on the portal's routes.
          r.roles.filter((role) => !([...ROLES, OPERATOR_ROLE] as readonly string[]).includes(role)),
          key(r.method, r.path),
        ).toEqual([]);
    }
  });
});
