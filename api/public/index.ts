// The public pages' API (README "Public pages and objections (公示与异议)"): /api/public/..., no sign-in.
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../../prisma/db.js';
import { objectionsRouter } from './objections.js';
import { rostersRouter } from './rosters.js';

export { publicObjectionGate, isPublicObjectionPost, PUBLIC_OBJECTION_BODY_LIMIT } from './objections.js';

export function publicRouter(db: PrismaClient, client: Client): Router {
  const r = Router();
  r.use(rostersRouter(db));
  r.use(objectionsRouter(db, client));
  return r;
}
