import { ALGORITHMS } from '../constants.js';
import type { SignatureOutcome } from '../signature-outcome.js';
import { type Check, outcome } from './types.js';

function describe(name: string, s: SignatureOutcome): string {
  if (!s.present) return `${name} unsigned`;
  return s.valid ? `${name} signature valid` : `${name} signature invalid (${s.error ?? 'did not verify'})`;
}

/** Signatures per the IdP's scope, verified against the trusted certs only. */
export const signatureCheck: Check = {
  name: 'signature',
  code: 'SAML_SIGNATURE_INVALID',
  run({ message, profile }) {
    const { response, assertion } = message.signatures;
    const actual = `${describe('Response', response)}; ${describe('Assertion', assertion)}`;
    const broken = [response, assertion].find((s) => s.present && !s.valid);
    if (broken) {
      return {
        ...outcome(
          false,
          `signatures that verify with the trusted certificate (${profile.trustedCerts.map((c) => c.sha256.slice(0, 23)).join(', ')})`,
          actual,
          `The digital signature in the SAML response did not validate with the IdP's certificate. Upload ${profile.labels.idpApp}'s current signing certificate to ${profile.labels.sp}, or check that nothing altered the message in transit.`,
        ),
        code: 'SAML_SIGNATURE_INVALID',
      };
    }
    const required = {
      RESPONSE: response.valid,
      TOKEN: assertion.valid,
      ANY: response.valid || assertion.valid,
    }[profile.signatureScope];
    const wanted = {
      RESPONSE: 'a signed Response',
      TOKEN: 'a signed Assertion',
      ANY: 'a signed Response or Assertion',
    }[profile.signatureScope];
    return {
      ...outcome(
        required,
        wanted,
        actual,
        `${profile.labels.sp} requires ${wanted} (signature scope ${profile.signatureScope}). In ${profile.labels.idpApp} turn on signing of the ${profile.signatureScope === 'RESPONSE' ? 'response' : 'assertion'}, or change the scope.`,
      ),
      code: 'SAML_SIGNATURE_MISSING',
    };
  },
};

/** The assertion whose Subject and Attributes are used must be covered by a verified signature. */
export const signedElementCheck: Check = {
  name: 'signed-element',
  code: 'SAML_SIGNED_ELEMENT_MISMATCH',
  run({ message }) {
    const covered = message.assertionSource !== 'unsigned' && message.assertion !== undefined;
    return outcome(
      covered,
      'the assertion read is covered by a verified signature',
      covered
        ? `read from the ${message.assertionSource.replace('-', ' ')}`
        : 'the assertion is not covered by any verified signature',
      'Only signed content is trusted; an unsigned or wrapped assertion is ignored.',
    );
  },
};

/** Exactly one Assertion, a direct child of the Response: anything else is a wrapping attempt. */
export const assertionCountCheck: Check = {
  name: 'assertion-count',
  code: 'SAML_ASSERTION_COUNT',
  run({ message }) {
    const ok = message.assertionCount === 1 && message.assertionInPlace;
    return outcome(
      ok,
      'exactly one Assertion, a direct child of the Response',
      `${message.assertionCount} assertion(s)${message.assertionInPlace ? '' : ', not exactly one directly under the Response'}`,
      'A Response carries one Assertion; extra or nested assertions are how signature-wrapping attacks work.',
    );
  },
};

/** Every present signature uses at least the configured algorithm: SHA-1 only when asked for. */
export const signatureAlgorithmCheck: Check = {
  name: 'signature-algorithm',
  code: 'SAML_SIGNATURE_ALGORITHM_WEAK',
  run({ message, profile }) {
    // Both the signature method and the reference digest count: RSA-SHA256 over a SHA-1 digest is SHA-1.
    const used = [message.signatures.response, message.signatures.assertion]
      .filter((s) => s.present)
      .flatMap((s) => [s.algorithm ?? 'none', s.digestAlgorithm ?? 'none'])
      .filter((a, i, all) => all.indexOf(a) === i);
    const strong = ALGORITHMS['SHA-256'];
    const allowed: string[] = [strong.signature, strong.digest];
    if (profile.minSignatureAlgorithm === 'SHA-1')
      allowed.push(ALGORITHMS['SHA-1'].signature, ALGORITHMS['SHA-1'].digest);
    return outcome(
      used.every((a) => allowed.includes(a)),
      allowed.join(' or '),
      used.join(', ') || 'no signature',
      `${profile.labels.sp} requires ${profile.minSignatureAlgorithm} or stronger: set ${profile.labels.idpApp}'s signature algorithm to RSA-SHA256, or lower the IdP's Response Signature Algorithm to SHA-1.`,
    );
  },
};

/** An SP that expects encrypted assertions refuses plaintext ones. */
export const encryptionCheck: Check = {
  name: 'encryption',
  code: 'SAML_ASSERTION_NOT_ENCRYPTED',
  run({ message, profile }) {
    const required = profile.requireEncryption === true;
    return outcome(
      !required || message.encrypted,
      required ? 'an EncryptedAssertion' : 'plaintext or encrypted',
      message.encrypted ? 'EncryptedAssertion' : 'plaintext Assertion',
      `${profile.labels.sp} requires encrypted assertions: turn on assertion encryption in ${profile.labels.idpApp} with the SP's encryption certificate.`,
    );
  },
};

/** The message validates against the SAML 2.0 XSDs (a warm validator compiled once). */
export const schemaCheck: Check = {
  name: 'schema',
  code: 'SAML_SCHEMA_INVALID',
  run({ message }) {
    const { schema } = message;
    const first = schema.errors[0];
    return outcome(
      schema.ok,
      'a message valid against the SAML 2.0 schemas',
      first
        ? `${first.path}: ${first.message}${schema.errors.length > 1 ? ` (+${schema.errors.length - 1} more)` : ''}`
        : 'valid',
      'The IdP sent XML that breaks the SAML 2.0 schema (element order, a missing required attribute, a malformed date or ID): fix the IdP, or the proxy rewriting the message.',
    );
  },
};
