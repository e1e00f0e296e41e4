import type { CertInfo } from '../crypto/credential.js';
import { parseCertificate } from '../crypto/credential.js';
import { NS } from './constants.js';
import { fastVerdict } from './verify-fast.js';
import { unsupportedAlgorithm, verifyWithXmlCrypto } from './verify-xml-crypto.js';
import { attr, child, children, textOf } from './xml.js';

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

const ABSENT: SignatureOutcome = { present: false, valid: false, reason: 'missing' };

/** KeyInfo certificates seen, parsed once each (reported, never trusted); bounded. */
const keyInfoCache = new Map<string, CertInfo>();
const KEYINFO_CACHE_MAX = 64;

function keyInfoCert(signature: Element): CertInfo | undefined {
  const x509 = child(
    child(child(signature, NS.dsig, 'KeyInfo'), NS.dsig, 'X509Data'),
    NS.dsig,
    'X509Certificate',
  );
  const text = textOf(x509)?.replace(/\s+/g, '');
  if (!text) return undefined;
  const cached = keyInfoCache.get(text);
  if (cached) return cached;
  try {
    const cert = parseCertificate(text);
    if (keyInfoCache.size >= KEYINFO_CACHE_MAX)
      keyInfoCache.delete(keyInfoCache.keys().next().value as string);
    keyInfoCache.set(text, cert);
    return cert;
  } catch {
    return undefined;
  }
}

function idIsUnique(element: Element, id: string): boolean {
  const all = element.ownerDocument.getElementsByTagName('*');
  let count = 0;
  for (let i = 0; i < all.length && count < 2; i++) if (all.item(i)?.getAttribute('ID') === id) count++;
  return count === 1;
}

const refused = (reason: SignatureFailure, error: string): Verdict => ({ valid: false, reason, error });

/** What rules a signature out before any digest is computed, in the order it is checked. */
function precondition(
  element: Element,
  signatures: Element[],
  signedInfo: Element | undefined,
  trusted: readonly CertInfo[],
): Verdict | undefined {
  if (signatures.length > 1)
    return refused('multiple-signatures', `${signatures.length} Signature elements on one element`);
  const refs = signedInfo ? children(signedInfo, NS.dsig, 'Reference') : [];
  const id = attr(element, 'ID');
  if (!id || refs.length !== 1 || attr(refs[0], 'URI') !== `#${id}`) {
    const uris = refs.map((r) => attr(r, 'URI')).join(', ') || 'nothing';
    const reason = refs.length > 1 ? 'multiple-references' : 'wrong-reference';
    return refused(reason, `the signature must reference #${id} only; it references ${uris}`);
  }
  if (trusted.length === 0) return refused('no-trusted-cert', 'no trusted certificate is configured');
  const unsupported = unsupportedAlgorithm(signedInfo as Element);
  if (unsupported) return refused(unsupported.reason, unsupported.error);
  if (!idIsUnique(element, id))
    return refused(
      'duplicate-id',
      `multiple elements with the same value for ID ${id}: the shape of signature wrapping`,
    );
  return undefined;
}

/**
 * Verifies the enveloped signature that is a direct child of `element` against the trusted
 * certificates only. The signature must reference `element` itself (by its ID) and nothing else.
 */
export function verifyElementSignature(
  xml: string,
  element: Element,
  trusted: readonly CertInfo[],
): SignatureOutcome {
  const signatures = children(element, NS.dsig, 'Signature');
  if (signatures.length === 0) return ABSENT;
  const signature = signatures[0] as Element;
  const signedInfo = child(signature, NS.dsig, 'SignedInfo');
  const base: SignatureOutcome = {
    present: true,
    valid: false,
    algorithm: attr(child(signedInfo, NS.dsig, 'SignatureMethod'), 'Algorithm'),
    digestAlgorithm: attr(
      child(signedInfo && children(signedInfo, NS.dsig, 'Reference')[0], NS.dsig, 'DigestMethod'),
      'Algorithm',
    ),
    keyInfoCert: keyInfoCert(signature),
  };
  const verdict =
    precondition(element, signatures, signedInfo, trusted) ??
    fastVerdict(element, signature, attr(element, 'ID') ?? '', trusted) ??
    verifyWithXmlCrypto(xml, signature, trusted);
  return { ...base, ...verdict };
}
