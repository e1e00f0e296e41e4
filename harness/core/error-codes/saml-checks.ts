import type { ErrorInfo } from './info.js';

/** A SAML Response the SP read but refuses: one code per check of the check table. */
export const SAML_CHECK_ERRORS = {
  SAML_VERSION_UNSUPPORTED: {
    status: 403,
    summary: 'The Response or Assertion is not SAML 2.0 (Version is not "2.0").',
    fix: 'Configure the IdP to send SAML 2.0 responses; fedsim reads no other version.',
  },
  SAML_SCHEMA_INVALID: {
    status: 403,
    summary: 'The message does not validate against the SAML 2.0 schemas.',
    fix: 'Fix the IdP (or the proxy rewriting the message): element order, a required attribute, a date or ID.',
  },
  SAML_SIGNATURE_MISSING: {
    status: 403,
    summary: "The Response or Assertion the SP's signature scope requires is not signed.",
    fix: "Turn on signing of the response or assertion in the IdP app, or change the SP's signature scope.",
  },
  SAML_SIGNATURE_INVALID: {
    status: 403,
    summary: 'A signature in the message does not verify with the trusted IdP certificate.',
    fix: "Upload the IdP app's current signing certificate to the SP, or stop whatever alters the message.",
  },
  SAML_SIGNATURE_ALGORITHM_WEAK: {
    status: 403,
    summary: 'A signature or digest uses SHA-1 where the SP requires SHA-256.',
    fix: "Set the IdP app's signature algorithm to RSA-SHA256, or allow SHA-1 at the SP.",
  },
  SAML_SIGNED_ELEMENT_MISMATCH: {
    status: 403,
    summary: 'The assertion read is not covered by a verified signature (unsigned or wrapped).',
    fix: 'Sign the assertion (or the whole response) at the IdP; unsigned content is never trusted.',
  },
  SAML_ASSERTION_NOT_ENCRYPTED: {
    status: 403,
    summary: 'The SP requires an encrypted assertion and received a plaintext one.',
    fix: "Turn on assertion encryption in the IdP app with the SP's encryption certificate.",
  },
  SAML_ASSERTION_COUNT: {
    status: 403,
    summary: 'The Response does not carry exactly one Assertion directly under it.',
    fix: 'Send one Assertion per Response; extra or nested assertions are how signature wrapping works.',
  },
  SAML_ISSUER_MISMATCH: {
    status: 403,
    summary: 'The Issuer is not the IdP this SP trusts.',
    fix: "Set the SP's IdP Issuer URI to the IdP app's issuer, or fix the issuer at the IdP.",
  },
  SAML_AUDIENCE_MISMATCH: {
    status: 403,
    summary: "The assertion's Audience does not name this SP.",
    fix: "Set the IdP app's Audience URI to the SP's entity id.",
  },
  SAML_RECIPIENT_MISMATCH: {
    status: 403,
    summary: "The bearer confirmation's Recipient is not this ACS URL.",
    fix: "Set the IdP app's Recipient / Single sign-on URL to the SP's ACS URL.",
  },
  SAML_DESTINATION_MISMATCH: {
    status: 403,
    summary: "The Response's Destination is not this ACS URL.",
    fix: "Set the IdP app's Single sign-on (ACS) URL to the SP's ACS URL.",
  },
  SAML_STATUS_NOT_SUCCESS: {
    status: 403,
    summary: 'The IdP answered with a failure status instead of signing the user in.',
    fix: "Read the StatusMessage and the IdP's system log for why it refused.",
  },
  SAML_SUBJECT_CONFIRMATION_METHOD: {
    status: 403,
    summary: 'The assertion has no bearer SubjectConfirmation, which browser SSO requires.',
    fix: 'Send SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer".',
  },
  SAML_NOT_YET_VALID: {
    status: 403,
    summary: "The assertion's NotBefore is later than now plus the allowed clock skew.",
    fix: "Sync the IdP's and the SP's clocks (NTP), or raise the SP's allowed clock skew.",
  },
  SAML_ISSUED_IN_FUTURE: {
    status: 403,
    summary: "The message's IssueInstant is later than now plus the allowed clock skew.",
    fix: "Sync the IdP's and the SP's clocks (NTP), or raise the SP's allowed clock skew.",
  },
  SAML_EXPIRED: {
    status: 403,
    summary: "The assertion's NotOnOrAfter has passed.",
    fix: "Sign in again; if it keeps happening, check both clocks and the IdP's assertion lifetime.",
  },
  SAML_SUBJECT_EXPIRED: {
    status: 403,
    summary: "The bearer confirmation's NotOnOrAfter has passed: the response was posted too late.",
    fix: 'Sign in again; check that nothing delays the form post and that both clocks agree.',
  },
  SAML_NAMEID_MISSING: {
    status: 403,
    summary: 'The assertion has no Subject NameID, so the SP cannot tell who signed in.',
    fix: 'Make the IdP app send the app username as the Subject NameID.',
  },
  SAML_IN_RESPONSE_TO_MISMATCH: {
    status: 403,
    summary: 'InResponseTo names no request this browser session sent (or one already answered).',
    fix: 'Start the sign-in again from the SP, in the same browser session.',
  },
  SAML_UNSOLICITED_NOT_ALLOWED: {
    status: 403,
    summary: 'The response is IdP-initiated and the SP accepts only answers to its own requests.',
    fix: 'Start the sign-in at the SP (SP-initiated), or allow unsolicited responses at the SP.',
  },
  SAML_REPLAY: {
    status: 403,
    summary: 'This assertion was already used to sign in.',
    fix: 'Sign in again to get a fresh assertion; a captured response cannot be replayed.',
  },
} satisfies Record<string, ErrorInfo>;
