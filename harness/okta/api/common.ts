import type { RequestHandler } from 'express';
import { z } from 'zod';
import { jsonBody } from '../../core/body.js';
import type { IdGenerator } from '../../core/ids.js';
import { currentRequestId, REQUEST_ID_HEADER } from '../../core/request-context.js';
import { malformedBody, validationError } from '../errors.js';
import { sswsAuth, type TokenRoles } from './auth.js';
import { type RateLimiter, rateLimit } from './rate-limit.js';

/** What every router of an org's `/api/v1` shares. */
export interface OktaApiOptions {
  /** API tokens of this org: token → the admin role of its owner. */
  tokens: TokenRoles;
  /** For X-Okta-Request-Id, errorId and Okta ids. */
  ids: IdGenerator;
  /** The org's origin, e.g. 'http://127.0.0.1:4567'; known only after listen, hence a function. */
  baseUrl: () => string;
  /**
   * One limiter for all the org's routers, each router its own bucket. Omitted: no limit and no
   * X-Rate-Limit-* headers (unit tests that do not care about them).
   */
  rateLimit?: RateLimiter;
  /** The org's default user type (`oty…`), the same in every router's user JSON; generated when omitted. */
  userTypeId?: string;
}

const BODY_LIMIT = '100kb';

/**
 * X-Okta-Request-Id (the request's id when a world serves it, so its System Log events match) and a
 * JSON content type on every response, errors and 401s included.
 */
export function oktaHeaders(ids: IdGenerator): RequestHandler {
  return (_req, res, next) => {
    res.setHeader(REQUEST_ID_HEADER, currentRequestId() ?? ids.token(20));
    res.setHeader('Content-Type', 'application/json');
    next();
  };
}

/** What runs before anything else of a router: Okta's headers, then the bucket's rate limit. */
export function apiFront(bucket: string, options: OktaApiOptions): RequestHandler[] {
  const front = [oktaHeaders(options.ids)];
  if (options.rateLimit) front.push(rateLimit(options.rateLimit, bucket));
  return front;
}

/** SSWS token check, then the JSON body (malformed or too large → E0000003 in the error handler). */
export function apiAuth(options: OktaApiOptions): RequestHandler[] {
  return [sswsAuth(options.tokens), ...jsonBody({ limit: BODY_LIMIT })];
}

/** A JSON object body checked against `schema`; field problems are E0000001 causes. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw malformedBody();
  return checked(schema, body);
}

/** A JSON array body (a JSON Patch, say), each item checked against `item` as `parseBody` checks. */
export function parseArrayBody<T>(item: z.ZodType<T>, body: unknown): T[] {
  if (!Array.isArray(body)) throw malformedBody();
  return checked(z.array(item), body);
}

function checked<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw validationError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
}
