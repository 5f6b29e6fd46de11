import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import { OPERATOR_ROLE, type AccountRole } from '../domain/roles.js';
import { forbidden, HttpError, refuseUnstorableText } from './errors.js';
import type { Principal } from './scope.js';

/** A route as documented in /api/openapi.json: every route is registered through `route`, so none is missing. */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string; // Express syntax, e.g. /tasks/:id/complete
  summary: string;
  tag: string;
  /**
   * 'public' needs no login; otherwise the roles allowed (every staff role when omitted). An operator's
   * account reaches only routes that name 'operator' (and the password-change ones, its own account).
   */
  roles?: readonly AccountRole[] | 'public';
  body?: z.ZodType;
  list?: boolean;
  /** Allowed while the caller must still change a temporary password (sign out, see oneself, change it). */
  duringPasswordChange?: boolean;
}

export const ROUTES: RouteDoc[] = [];

type Handler = (req: Request, res: Response, me: Principal) => Promise<unknown> | unknown;

export function route(router: Router, doc: RouteDoc, handler: Handler): void {
  ROUTES.push(doc);
  router[doc.method](doc.path, async (req, res) => {
    const me = res.locals.principal as Principal | undefined;
    if (doc.roles !== 'public') {
      if (!me) throw new HttpError(401, 'unauthenticated', '请先登录', 'please sign in');
      // OWASP ASVS 2.1.x: a temporary password is for changing it, nothing else.
      if (me.mustChangePassword && !doc.duringPasswordChange)
        throw new HttpError(403, 'password_change_required', '请先修改临时密码', 'change your temporary password first');
      if (doc.roles ? !doc.roles.includes(me.role) : me.role === OPERATOR_ROLE && !doc.duringPasswordChange)
        throw forbidden(`角色「${me.role}」无权执行此操作`, `role "${me.role}" may not do this`);
    }
    // Text PostgreSQL cannot store, anywhere in the request, is refused before any query or workflow sees it.
    refuseUnstorableText([[req.body, ''], ...[req.params, req.query].flatMap((o) => Object.entries(o ?? {}).map(([k, v]): [unknown, string] => [v, k]))]);
    const out = await handler(req, res, me!);
    if (!res.headersSent) {
      if (out === undefined) res.status(204).end();
      else res.json(out);
    }
  });
}
