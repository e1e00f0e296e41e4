import type { ErrorRequestHandler, RequestHandler } from 'express';
import { httpInputError } from '../../core/body.js';
import { errorInfo, FedsimError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { isOktaErrorCode, malformedBody, notFound, oktaCauses, oktaError } from '../errors.js';

/** Okta's error body, as every Okta API answers a failed request. */
export interface OktaErrorBody {
  errorCode: string;
  errorSummary: string;
  errorLink: string;
  errorId: string;
  errorCauses: { errorSummary: string }[];
}

/**
 * What the router or the body parser could not read, as Okta answers it: a path that cannot be
 * decoded is an invalid request (E0000002), any unreadable body (bad JSON, too large, a charset
 * other than UTF-8, a Content-Encoding that fails) a Reader exception (E0000003).
 */
function oktaInputError(err: unknown): FedsimError | undefined {
  const input = httpInputError(err);
  if (!input) return undefined;
  if (input.code === 'HTTP_PATH_INVALID') return oktaError('OKTA_E0000002', { detail: 'path' });
  return malformedBody();
}

interface Described {
  status: number;
  errorCode: string;
  summary: string;
  causes: string[];
}

function describe(err: unknown): Described {
  const known = oktaInputError(err) ?? err;
  if (known instanceof FedsimError && isOktaErrorCode(known.code)) {
    return {
      status: known.status,
      errorCode: known.code.slice('OKTA_'.length),
      summary: known.message,
      causes: oktaCauses(known),
    };
  }
  // Anything else is a harness bug: answer as Okta does (E0000009) but keep the message visible.
  const message = err instanceof Error ? err.message : String(err);
  const { status, summary } = errorInfo('OKTA_E0000009');
  return { status, errorCode: 'E0000009', summary, causes: [message] };
}

export function oktaErrorBody(err: unknown, errorId: string): { status: number; body: OktaErrorBody } {
  const { status, errorCode, summary, causes } = describe(err);
  return {
    status,
    body: {
      errorCode,
      errorSummary: summary,
      errorLink: errorCode,
      errorId,
      errorCauses: causes.map((errorSummary) => ({ errorSummary })),
    },
  };
}

/** The router's last handler: every failure leaves as Okta's JSON error body. */
export function oktaErrorHandler(ids: IdGenerator): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const { status, body } = oktaErrorBody(err, ids.okta('oae'));
    res.status(status).json(body);
  };
}

/**
 * After every API router: a path no route answers is Okta's JSON 404 (E0000007), never the
 * party's HTML page, so API clients always get an Okta error body (inferred: Okta answers unknown
 * API paths with its JSON error shape).
 */
export function oktaApiFallback(ids: IdGenerator): [RequestHandler, ErrorRequestHandler] {
  return [(req, _res, next) => next(notFound(req.path, 'Resource')), oktaErrorHandler(ids)];
}
