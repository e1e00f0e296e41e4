import type { ErrorRequestHandler } from 'express';
import { type ErrorCode, FedsimError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';

export type OktaErrorCode = Extract<ErrorCode, `OKTA_${string}`>;

/** Okta's error body, as every Okta API answers a failed request. */
export interface OktaErrorBody {
  errorCode: string;
  errorSummary: string;
  errorLink: string;
  errorId: string;
  errorCauses: { errorSummary: string }[];
}

const STATUS: Record<OktaErrorCode, number> = {
  OKTA_E0000001: 400,
  OKTA_E0000003: 400,
  OKTA_E0000004: 401,
  OKTA_E0000006: 403,
  OKTA_E0000007: 404,
  OKTA_E0000009: 500,
  OKTA_E0000011: 401,
  OKTA_E0000016: 403,
  OKTA_E0000022: 405,
  OKTA_E0000023: 403,
  OKTA_E0000031: 400,
  OKTA_E0000038: 403,
  OKTA_E0000047: 429,
  OKTA_E0000112: 409,
};

/** Okta errors carry their errorCauses in `hint`, '; '-separated: the directory's convention. */
const CAUSE_SEPARATOR = '; ';

export function oktaError(code: OktaErrorCode, summary: string, causes: string[] = []): FedsimError {
  const hint = causes.length > 0 ? causes.join(CAUSE_SEPARATOR) : undefined;
  return new FedsimError(code, summary, { status: STATUS[code], hint });
}

/** E0000001 as Okta words it: the summary names the fields, each cause says what is wrong. */
export function validationError(causes: string[]): FedsimError {
  const fields = [...new Set(causes.map((cause) => cause.split(':')[0]))];
  return oktaError('OKTA_E0000001', `Api validation failed: ${fields.join(', ')}`, causes);
}

/** E0000007 names the kind of resource as Okta does: User, AppInstance, AppUser, UserGroup. */
export function notFound(id: string, kind: string): FedsimError {
  return oktaError('OKTA_E0000007', `Not found: Resource not found: ${id} (${kind})`);
}

export function userNotFound(idOrLogin: string): FedsimError {
  return notFound(idOrLogin, 'User');
}

export function malformedBody(): FedsimError {
  return oktaError('OKTA_E0000003', 'The request body was not well-formed.');
}

function isOktaError(err: unknown): err is FedsimError & { code: OktaErrorCode } {
  return err instanceof FedsimError && err.code in STATUS;
}

/** body-parser's errors (bad JSON, too large, bad charset) are http-errors with a 4xx status. */
function isBodyParserError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { type, status } = err as { type?: unknown; status?: unknown };
  return typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500;
}

interface Described {
  status: number;
  errorCode: string;
  summary: string;
  causes: string[];
}

function describe(err: unknown): Described {
  const known = isBodyParserError(err) ? malformedBody() : err;
  if (isOktaError(known)) {
    return {
      status: known.status ?? STATUS[known.code],
      errorCode: known.code.slice('OKTA_'.length),
      summary: known.message,
      causes: known.hint ? known.hint.split(CAUSE_SEPARATOR) : [],
    };
  }
  // Anything else is a harness bug: answer as Okta does (E0000009) but keep the message visible.
  const message = err instanceof Error ? err.message : String(err);
  return { status: 500, errorCode: 'E0000009', summary: 'Internal Server Error', causes: [message] };
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
