import { FEDSIM_ERRORS } from './error-codes/fedsim.js';
import type { ErrorInfo } from './error-codes/info.js';
import { OKTA_ERRORS } from './error-codes/okta.js';
import { PROVISIONING_ERRORS } from './error-codes/provisioning.js';
import { SAML_CHECK_ERRORS } from './error-codes/saml-checks.js';
import { SAML_INPUT_ERRORS } from './error-codes/saml-input.js';

export type { ErrorInfo };

/**
 * One error family for the whole harness. The `code` is the stable contract: tests, the JSON
 * report and users' CI assert codes, never message text. Each code's entry in the table below is
 * the one place its HTTP status, meaning and usual fix are written.
 */

const TABLE = {
  ...FEDSIM_ERRORS,
  ...SAML_INPUT_ERRORS,
  ...SAML_CHECK_ERRORS,
  ...OKTA_ERRORS,
  ...PROVISIONING_ERRORS,
};

export type ErrorCode = keyof typeof TABLE;

export const ERRORS: Readonly<Record<ErrorCode, ErrorInfo>> = TABLE;

/** Every code, in the table's order (by family). */
export const ERROR_CODES: readonly [ErrorCode, ...ErrorCode[]] = Object.keys(TABLE) as [
  ErrorCode,
  ...ErrorCode[],
];

export function errorInfo(code: ErrorCode): ErrorInfo {
  return ERRORS[code];
}

export interface ErrorDetails {
  expected?: unknown;
  actual?: unknown;
  hint?: string;
  cause?: unknown;
}

export class FedsimError extends Error {
  readonly code: ErrorCode;
  readonly expected?: unknown;
  readonly actual?: unknown;
  readonly hint?: string;
  /** The code's HTTP status, from the table: a status is never chosen where an error is thrown. */
  readonly status: number;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'FedsimError';
    this.code = code;
    this.expected = details.expected;
    this.actual = details.actual;
    this.hint = details.hint;
    this.status = ERRORS[code].status;
  }

  toJSON(): { code: ErrorCode; message: string; expected?: unknown; actual?: unknown; hint?: string } {
    const out: { code: ErrorCode; message: string; expected?: unknown; actual?: unknown; hint?: string } = {
      code: this.code,
      message: this.message,
    };
    if (this.expected !== undefined) out.expected = this.expected;
    if (this.actual !== undefined) out.actual = this.actual;
    if (this.hint !== undefined) out.hint = this.hint;
    return out;
  }
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERRORS, value);
}

export function isFedsimError(err: unknown): err is FedsimError {
  return err instanceof FedsimError;
}

/**
 * A library's deliberate refusal of its input (a plain Error), as opposed to a crash inside it
 * (TypeError, RangeError…): only the first may become an input code, the second stays INTERNAL.
 */
export function isRefusal(err: unknown): err is Error {
  return err instanceof Error && Object.getPrototypeOf(err) === Error.prototype;
}

/**
 * Anything thrown, as a FedsimError so reports always have a code. What is not a FedsimError
 * already is a bug in fedsim (a TypeError, a library's unexpected throw): INTERNAL, never an input
 * code, because input problems are turned into their codes where they are detected.
 */
export function toFedsimError(err: unknown): FedsimError {
  if (err instanceof FedsimError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new FedsimError('INTERNAL', message, { cause: err, hint: ERRORS.INTERNAL.fix });
}
