import { ScimError as PatchError } from 'scim-patch';
import { httpInputError } from '../core/body.js';
import { type ErrorCode, FedsimError, isFedsimError, toFedsimError } from '../core/errors.js';

/** SCIM error responses (RFC 7644 §3.12): every failure a SCIM client sees has this JSON body. */
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

export interface ScimErrorBody {
  schemas: [typeof ERROR_SCHEMA];
  detail: string;
  /** A string, as RFC 7644 writes it; clients should accept a number too. */
  status: string;
  scimType?: ScimType;
}

export interface ScimErrorResponse {
  status: number;
  body: ScimErrorBody;
}

const SCIM_TYPES: Partial<Record<ErrorCode, ScimType>> = {
  SCIM_INVALID_FILTER: 'invalidFilter',
  SCIM_INVALID_VALUE: 'invalidValue',
  SCIM_INVALID_SYNTAX: 'invalidSyntax',
  SCIM_UNIQUENESS: 'uniqueness',
};

export function scimError(status: number, detail: string, scimType?: ScimType): ScimErrorResponse {
  const body: ScimErrorBody = { schemas: [ERROR_SCHEMA], detail, status: String(status) };
  if (scimType) body.scimType = scimType;
  return { status, body };
}

/** body-parser's errors carry `type`, `status` and `expose` (safe to show) on the error object. */
function bodyParserError(err: unknown): { type?: string; status: number; message: string } | undefined {
  if (!(err instanceof Error) || !('expose' in err) || !('status' in err)) return undefined;
  const { status, type } = err as Error & { status: unknown; type?: string };
  return typeof status === 'number' ? { type, status, message: err.message } : undefined;
}

/** Maps anything a route threw to the status and Error body to answer with. */
export function toScimError(err: unknown): ScimErrorResponse {
  if (isFedsimError(err)) return scimError(err.status, err.message, SCIM_TYPES[err.code]);
  if (err instanceof PatchError) return scimError(400, err.message, err.scimCode as ScimType);
  const input = httpInputError(err);
  const parse = bodyParserError(err);
  if (parse?.type === 'entity.parse.failed') {
    return toScimError(
      new FedsimError('SCIM_INVALID_SYNTAX', `Request body is not valid JSON: ${parse.message}`),
    );
  }
  if (input)
    return scimError(
      input.status,
      input.message,
      input.code === 'HTTP_BODY_INVALID' ? 'invalidSyntax' : undefined,
    );
  const internal = toFedsimError(err);
  return scimError(internal.status, `Internal server error: ${internal.message}`);
}
