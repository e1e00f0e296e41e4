import type { CertInfo } from '../crypto/credential.js';

/** Why a present signature did not verify: what checks, explain and reports switch on. */
export type SignatureFailure =
  /** No Signature child on the element. */
  | 'missing'
  | 'multiple-signatures'
  | 'multiple-references'
  /** The one Reference does not point at this element's ID (or there is none). */
  | 'wrong-reference'
  | 'no-trusted-cert'
  /** A signature, digest, canonicalisation or transform algorithm fedsim cannot compute. */
  | 'unsupported-algorithm'
  /** Another element carries the same ID: the shape of a signature-wrapping attack. */
  | 'duplicate-id'
  /** The signed element changed after it was signed. */
  | 'digest-mismatch'
  /** The content is intact but no trusted certificate's key made the SignatureValue. */
  | 'signature-mismatch'
  /** The Signature element cannot be read (a required part is missing or broken). */
  | 'malformed';

/** The digests a 'digest-mismatch' compared. */
export interface DigestMismatch {
  /** The Reference URI, e.g. `#id123`. */
  reference: string;
  /** What the message states (DigestValue). */
  stated: string;
  /** What the signed element hashes to now, when computed here. */
  computed?: string;
}

/** What one enveloped signature on one element proved. */
export interface SignatureOutcome {
  present: boolean;
  valid: boolean;
  algorithm?: string;
  /** DigestMethod of the Reference. */
  digestAlgorithm?: string;
  /** SHA-256 fingerprint of the trusted cert that verified it. */
  verifiedBy?: string;
  /** The cert the message carried in KeyInfo (reported, never trusted). */
  keyInfoCert?: CertInfo;
  /** Why it did not verify; absent when valid. */
  reason?: SignatureFailure;
  /** The reason in words for a person (never parsed: switch on `reason`). */
  error?: string;
  digest?: DigestMismatch;
  /** Canonical XML of exactly what was signed: the only bytes read downstream. */
  signedXml?: string;
  /**
   * The signed bytes are the canonical form of the verified element itself, computed from this
   * same DOM (the plain SAML shape): reading that element is reading the signed bytes.
   */
  signedInPlace?: boolean;
}

/** The part of an outcome a verifier decides. */
export type Verdict = Pick<
  SignatureOutcome,
  'valid' | 'verifiedBy' | 'reason' | 'error' | 'digest' | 'signedXml' | 'signedInPlace'
>;

/** No trusted key made the SignatureValue (the digests matched: the content is intact). */
export function notVerified(trusted: readonly CertInfo[]): Verdict {
  return {
    valid: false,
    reason: 'signature-mismatch',
    error: `invalid signature: the signature value does not verify with the ${trusted.length} trusted certificate(s)`,
  };
}
