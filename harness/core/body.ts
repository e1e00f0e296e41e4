import express, { type RequestHandler } from 'express';
import { type ErrorCode, FedsimError } from './errors.js';

/**
 * Request bodies and paths every party reads the same way: UTF-8 only, and every way a body or a
 * path can be unreadable turned into a stable code before a route runs (express and body-parser
 * raise http-errors that would otherwise read as fedsim bugs, 500).
 */

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)/i;

/**
 * Only UTF-8: fedsim's pages are UTF-8, so a browser posts their forms in UTF-8 (HTML's form
 * submission encoding), and JSON between systems is UTF-8 (RFC 8259 §8.1). body-parser alone
 * would also decode ISO-8859-1 forms and any `utf-*` JSON (UTF-7, UTF-16).
 */
const utf8Only: RequestHandler = (req, _res, next) => {
  const charset = CHARSET.exec(req.headers['content-type'] ?? '')?.[1];
  if (charset === undefined || charset.toLowerCase() === 'utf-8') return next();
  next(
    new FedsimError('HTTP_CHARSET_UNSUPPORTED', `The request body's charset ${charset} is not supported`, {
      expected: 'charset=utf-8 (or none)',
      actual: charset,
    }),
  );
};

export function formBody(limit: string): RequestHandler[] {
  return [utf8Only, express.urlencoded({ extended: false, limit })];
}

export function jsonBody(options: { limit?: string; type?: string[] } = {}): RequestHandler[] {
  return [utf8Only, express.json(options)];
}

const INPUT_CODES = new Set<ErrorCode>([
  'HTTP_BODY_INVALID',
  'HTTP_BODY_TOO_LARGE',
  'HTTP_CHARSET_UNSUPPORTED',
  'HTTP_ENCODING_UNSUPPORTED',
  'HTTP_PATH_INVALID',
]);

interface HttpError {
  type?: unknown;
  status?: unknown;
  expose?: unknown;
  length?: unknown;
}

/**
 * What body-parser or the router raised, as fedsim's code; undefined for anything else. A path
 * with a malformed %-escape is a URIError with status 400 (express's router); a body that fails
 * to decompress is an exposed 400 without a type (body-parser).
 */
export function httpInputError(err: unknown): FedsimError | undefined {
  if (err instanceof FedsimError) return INPUT_CODES.has(err.code) ? err : undefined;
  if (!(err instanceof Error)) return undefined;
  const { type, status, expose, length } = err as Error & HttpError;
  if (err instanceof URIError && status === 400) {
    return new FedsimError(
      'HTTP_PATH_INVALID',
      `The request path carries a malformed %-escape: ${err.message}`,
    );
  }
  if (type === 'entity.too.large') {
    return new FedsimError('HTTP_BODY_TOO_LARGE', 'The request body is larger than this endpoint accepts', {
      actual: length,
    });
  }
  if (type === 'charset.unsupported') return new FedsimError('HTTP_CHARSET_UNSUPPORTED', err.message);
  if (type === 'encoding.unsupported') return new FedsimError('HTTP_ENCODING_UNSUPPORTED', err.message);
  const clientError = typeof status === 'number' && status >= 400 && status < 500;
  if (clientError && (typeof type === 'string' || expose === true)) {
    return new FedsimError('HTTP_BODY_INVALID', `The request body could not be read: ${err.message}`, {
      actual: type,
    });
  }
  return undefined;
}
