import { type ErrorCode, errorInfo, FedsimError } from '../core/errors.js';

/**
 * Okta's API errors as FedsimErrors, for the directory, the groups and the API routes alike: the
 * errorSummary is the code's summary in the error table (with a detail after a colon where Okta
 * adds one), the status is the table's, and the errorCauses travel in `hint`.
 */
export type OktaErrorCode = Extract<ErrorCode, `OKTA_${string}`>;

/** errorCauses are kept in `hint`, '; '-separated. */
const CAUSE_SEPARATOR = '; ';

export interface OktaErrorDetails {
  /** Appended to the summary after a colon, as Okta does ("Api validation failed: login"). */
  detail?: string;
  causes?: string[];
  expected?: unknown;
  actual?: unknown;
}

export function isOktaErrorCode(code: string): code is OktaErrorCode {
  return code.startsWith('OKTA_');
}

export function oktaError(code: OktaErrorCode, details: OktaErrorDetails = {}): FedsimError {
  const { detail, causes = [], expected, actual } = details;
  const summary = errorInfo(code).summary;
  return new FedsimError(code, detail === undefined ? summary : `${summary}: ${detail}`, {
    expected,
    actual,
    hint: causes.length > 0 ? causes.join(CAUSE_SEPARATOR) : undefined,
  });
}

/** The errorCauses an Okta error carries. */
export function oktaCauses(err: FedsimError): string[] {
  return err.hint ? err.hint.split(CAUSE_SEPARATOR) : [];
}

/** E0000001 as Okta words it: the summary names the fields, each cause says what is wrong. */
export function validationError(causes: string[], found: Pick<OktaErrorDetails, 'expected' | 'actual'> = {}) {
  const fields = [...new Set(causes.map((cause) => cause.split(':')[0]))];
  return oktaError('OKTA_E0000001', { detail: fields.join(', '), causes, ...found });
}

/** E0000007 names the kind of resource as Okta does: User, AppInstance, AppUser, UserGroup. */
export function notFound(id: string, kind: string): FedsimError {
  return oktaError('OKTA_E0000007', { detail: `Resource not found: ${id} (${kind})`, actual: id });
}

export function userNotFound(idOrLogin: string): FedsimError {
  return notFound(idOrLogin, 'User');
}

export function malformedBody(): FedsimError {
  return oktaError('OKTA_E0000003');
}
