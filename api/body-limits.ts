// Request bodies are read only once the caller is known (api/README.md "Request bodies"; OWASP API
// Security Top 10 API4:2023, unrestricted resource consumption): `authenticate` reads the bearer header
// first, then an anonymous request, which can only be a sign-in, gets a few KB, and a signed-in user the
// limits of the routes.
import express, { type RequestHandler } from 'express';
import { HttpError } from './errors.js';
import { isPublicObjectionPost, PUBLIC_OBJECTION_BODY_LIMIT } from './public/index.js';

/** The most an anonymous request may send: a sign-in body is well under 1 KB. */
export const ANONYMOUS_BODY_LIMIT = 4 * 1024;

const anonymousJson = express.json({ limit: ANONYMOUS_BODY_LIMIT });
// Uploads carry a file as base64 (≤ 10 MB decoded); every other body is small.
const smallJson = express.json({ limit: '1mb' });
const uploadJson = express.json({ limit: '14mb' });
// An objection from the public page may carry a file (≤ 5 MB as base64); its route is rate-limited per
// address before the body is read (api/public/objections.ts, mounted ahead of these parsers).
const publicObjectionJson = express.json({ limit: PUBLIC_OBJECTION_BODY_LIMIT });

/** The body parsers, after `authenticate`; `csvText` reads text/csv for a signed-in user's imports. */
export function bodyParsers(csvText: RequestHandler): RequestHandler {
  return (req, res, next) => {
    if (isPublicObjectionPost(req)) {
      if (Number(req.headers['content-length'] ?? 0) > PUBLIC_OBJECTION_BODY_LIMIT) {
        res.setHeader('Connection', 'close');
        throw new HttpError(413, 'too_large', '异议连同附件不能超过 7 MB', 'an objection with its attachment must be at most 7 MB');
      }
      return publicObjectionJson(req, res, next);
    }
    if (!res.locals.principal) {
      // Refused on the declared length before a byte of the body is read; the connection is closed after
      // the answer, so the rest is not read either (otherwise Node reads and discards it to reuse the
      // connection). JSON sent chunked, without a length, is cut off by the parser's limit instead; no
      // other anonymous body is parsed (CSV imports need a user).
      if (Number(req.headers['content-length'] ?? 0) > ANONYMOUS_BODY_LIMIT) {
        res.setHeader('Connection', 'close');
        throw new HttpError(
          413,
          'too_large',
          `未登录时请求体不能超过 ${ANONYMOUS_BODY_LIMIT / 1024} KB`,
          `a request body without sign-in must be at most ${ANONYMOUS_BODY_LIMIT / 1024} KB`,
        );
      }
      return anonymousJson(req, res, next);
    }
    const json = req.method === 'POST' && req.path === '/attachments' ? uploadJson : smallJson;
    json(req, res, (err?: unknown) => (err ? next(err) : csvText(req, res, next)));
  };
}
