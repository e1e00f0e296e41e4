import type { Response } from 'express';
import { errorInfo } from '../core/errors.js';
import type { IdGenerator } from '../core/ids.js';

/** How a party words the failures the injector makes up: Okta's error JSON or SCIM's Error schema. */
export interface FaultResponder {
  serverError(res: Response, status: number): void;
  /** 429; the X-Rate-Limit-* headers and Date are set already. */
  rateLimited(res: Response, retryAfterSeconds: number): void;
}

const REASONS: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const reason = (status: number) => REASONS[status] ?? 'Server Error';

/** Okta's API: X-Okta-Request-Id and `{errorCode, errorSummary, …}` (E0000009 for 5xx, E0000047 for 429). */
export function oktaResponder(ids: IdGenerator): FaultResponder {
  const send = (res: Response, status: number, errorCode: string, errorSummary: string) => {
    res.setHeader('X-Okta-Request-Id', ids.token(20));
    res.status(status).json({
      errorCode,
      errorSummary,
      errorLink: errorCode,
      errorId: ids.okta('oae'),
      errorCauses: [],
    });
  };
  return {
    serverError: (res, status) => send(res, status, 'E0000009', reason(status)),
    rateLimited: (res) => send(res, 429, 'E0000047', errorInfo('OKTA_E0000047').summary),
  };
}

/** SCIM 2.0 (RFC 7644 §3.12): the Error schema with the status as a string; 429 also says Retry-After. */
export function scimResponder(): FaultResponder {
  const send = (res: Response, status: number, detail: string) => {
    res
      .status(status)
      .type('application/scim+json')
      .json({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], detail, status: String(status) });
  };
  return {
    serverError: (res, status) => send(res, status, reason(status)),
    rateLimited: (res, retryAfterSeconds) => {
      res.setHeader('Retry-After', String(retryAfterSeconds));
      send(res, 429, 'Too many requests');
    },
  };
}
