/**
 * One error family for the whole harness. The `code` is the stable contract: tests, the JSON
 * report and users' CI assert codes, never message text.
 */
export const ERROR_CODES = [
  // scenario files and steps
  'SCENARIO_INVALID',
  'SCENARIO_PARSE',
  'SCENARIO_UNKNOWN_USER',
  'SCENARIO_UNKNOWN_APP',
  'SCENARIO_EXPECTATION_FAILED',
  'SCENARIO_STEP_FAILED',
  'CONFIG_INVALID',
  // the harness itself
  'HTTP_OUTBOUND_BLOCKED',
  'HTTP_FAILED',
  'HTTP_BODY_TOO_LARGE',
  'HTTP_BODY_INVALID',
  'AGENT_NO_FORM',
  'AGENT_NO_LINK',
  'AGENT_TOO_MANY_REDIRECTS',
  'CERT_INVALID',
  'CLI_USAGE',
  'OUTPUT_WRITE_FAILED',
  'INTERNAL',
  // SAML: input safety and parsing
  'SAML_INPUT_MISSING',
  'SAML_BASE64_INVALID',
  'SAML_XML_INVALID',
  'SAML_XML_DOCTYPE',
  'SAML_XML_TOO_LARGE',
  'SAML_NOT_A_RESPONSE',
  'SAML_SCHEMA_INVALID',
  'SAML_REQUEST_INVALID',
  // SAML: the check table
  'SAML_SIGNATURE_MISSING',
  'SAML_SIGNATURE_INVALID',
  'SAML_SIGNATURE_ALGORITHM_WEAK',
  'SAML_SIGNED_ELEMENT_MISMATCH',
  'SAML_DECRYPTION_FAILED',
  'SAML_ASSERTION_NOT_ENCRYPTED',
  'SAML_ASSERTION_COUNT',
  'SAML_ISSUER_MISMATCH',
  'SAML_AUDIENCE_MISMATCH',
  'SAML_RECIPIENT_MISMATCH',
  'SAML_DESTINATION_MISMATCH',
  'SAML_STATUS_NOT_SUCCESS',
  'SAML_SUBJECT_CONFIRMATION_METHOD',
  'SAML_NOT_YET_VALID',
  'SAML_ISSUED_IN_FUTURE',
  'SAML_EXPIRED',
  'SAML_SUBJECT_EXPIRED',
  'SAML_NAMEID_MISSING',
  'SAML_IN_RESPONSE_TO_MISMATCH',
  'SAML_UNSOLICITED_NOT_ALLOWED',
  'SAML_REPLAY',
  // org2's inbound IdP policy
  'IDP_USER_NOT_FOUND',
  'IDP_USERNAME_NOT_UNIQUE',
  'IDP_USER_INACTIVE',
  'IDP_TEMPLATE_INVALID',
  'IDP_SUBJECT_FILTER',
  'IDP_MATCH_AMBIGUOUS',
  // apps and sessions
  'APP_NOT_ASSIGNED',
  'AUTH_INVALID_CREDENTIALS',
  'AUTH_USER_INACTIVE',
  // dropbox
  'DROPBOX_MEMBER_NOT_FOUND',
  'DROPBOX_MEMBER_SUSPENDED',
  // provisioning
  'PROVISIONING_FAILED',
  // Okta API errors, as Okta numbers them
  'OKTA_E0000001',
  'OKTA_E0000003',
  'OKTA_E0000004',
  'OKTA_E0000006',
  'OKTA_E0000007',
  'OKTA_E0000009',
  'OKTA_E0000011',
  'OKTA_E0000016',
  'OKTA_E0000022',
  'OKTA_E0000031',
  'OKTA_E0000038',
  'OKTA_E0000047',
  'OKTA_E0000112',
  // SCIM errors
  'SCIM_INVALID_FILTER',
  'SCIM_INVALID_VALUE',
  'SCIM_UNIQUENESS',
  'SCIM_NOT_FOUND',
  'SCIM_UNAUTHORIZED',
  'SCIM_INVALID_SYNTAX',
  // Okta: a profile update of a user whose profile an IdP (or another system) masters
  'OKTA_E0000023',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetails {
  expected?: unknown;
  actual?: unknown;
  hint?: string;
  /** HTTP status a server should answer with when this error ends a request. */
  status?: number;
  cause?: unknown;
}

export class FedsimError extends Error {
  readonly code: ErrorCode;
  readonly expected?: unknown;
  readonly actual?: unknown;
  readonly hint?: string;
  readonly status?: number;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'FedsimError';
    this.code = code;
    this.expected = details.expected;
    this.actual = details.actual;
    this.hint = details.hint;
    this.status = details.status;
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
  return (ERROR_CODES as readonly string[]).includes(value);
}

export function isFedsimError(err: unknown): err is FedsimError {
  return err instanceof FedsimError;
}

/** Wraps anything thrown into a FedsimError so reports always have a code. */
export function toFedsimError(err: unknown, fallback: ErrorCode = 'SCENARIO_STEP_FAILED'): FedsimError {
  if (err instanceof FedsimError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new FedsimError(fallback, message, { cause: err });
}
