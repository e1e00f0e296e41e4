import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import type { IdGenerator } from './ids.js';

/**
 * The request a party is answering, reachable from anything it calls while answering (the System
 * Log stamps its events with the id, as Okta's `transaction.id`), without passing it down.
 */
interface RequestContext {
  requestId: string;
}

const context = new AsyncLocalStorage<RequestContext>();

/** Okta's response header naming the request (the same id as its System Log events' transaction). */
export const REQUEST_ID_HEADER = 'X-Okta-Request-Id';

/** The length fedsim's Okta API has always sent (okta/api/common.ts). */
const REQUEST_ID_LENGTH = 20;

/**
 * Gives each request an id (from its own seeded sequence: drawing from the world's would shift
 * every id a scenario creates later), sends it as `X-Okta-Request-Id` and makes it current.
 */
export function requestIds(ids: IdGenerator): RequestHandler {
  return (_req, res, next) => {
    const requestId = ids.token(REQUEST_ID_LENGTH);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    context.run({ requestId }, next);
  };
}

/** The id of the request being answered, if any (a background task has none). */
export function currentRequestId(): string | undefined {
  return context.getStore()?.requestId;
}
