import { SignedXml } from 'xml-crypto';
import type { CertInfo } from '../crypto/credential.js';
import { parseCertificate } from '../crypto/credential.js';
import { NS } from './constants.js';
import { fastSignature } from './verify-fast.js';
import { attr, child, children, textOf } from './xml.js';

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
  /** Why it did not verify. */
  error?: string;
  /** Canonical XML of exactly what was signed: the only bytes read downstream. */
  signedXml?: string;
  /**
   * The signed bytes are the canonical form of the verified element itself, computed from this
   * same DOM (the plain SAML shape): reading that element is reading the signed bytes.
   */
  signedInPlace?: boolean;
}

const ABSENT: SignatureOutcome = { present: false, valid: false };

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
  const algorithm = attr(child(signedInfo, NS.dsig, 'SignatureMethod'), 'Algorithm');
  const base: SignatureOutcome = {
    present: true,
    valid: false,
    algorithm,
    keyInfoCert: keyInfoCert(signature),
  };
  if (signatures.length > 1)
    return { ...base, error: `${signatures.length} Signature elements on one element` };
  const refs = signedInfo ? children(signedInfo, NS.dsig, 'Reference') : [];
  base.digestAlgorithm = attr(child(refs[0], NS.dsig, 'DigestMethod'), 'Algorithm');
  const id = attr(element, 'ID');
  if (refs.length !== 1 || attr(refs[0], 'URI') !== `#${id}`) {
    return {
      ...base,
      error: `the signature must reference #${id} only; it references ${refs.map((r) => attr(r, 'URI')).join(', ') || 'nothing'}`,
    };
  }
  if (trusted.length === 0) return { ...base, error: 'no trusted certificate is configured' };
  let lastError = 'signature value does not match the trusted certificate';
  const fast = fastSignature(element, signature, id ?? '');
  if (fast) {
    if (fast.digestError) return { ...base, error: fast.digestError };
    const cert = trusted.find((c) => fast.verifyWith(c.publicKey));
    if (cert)
      return {
        ...base,
        valid: true,
        verifiedBy: cert.sha256,
        signedXml: fast.signedXml,
        signedInPlace: true,
      };
    return {
      ...base,
      error: `invalid signature: the signature value does not verify with the ${trusted.length} trusted certificate(s)`,
    };
  }
  for (const cert of trusted) {
    const verifier = new SignedXml({ publicCert: cert.publicKey, getCertFromKeyInfo: () => null });
    verifier.idAttributes = ['ID'];
    try {
      verifier.loadSignature(signature);
      if (verifier.checkSignature(xml)) {
        const signedXml = verifier.getSignedReferences()[0];
        return { ...base, valid: true, verifiedBy: cert.sha256, signedXml };
      }
      // checkSignature answers false for a digest mismatch: name the Reference it failed on.
      const broken = verifier.getReferences().find((r) => r.validationError);
      if (broken?.validationError)
        lastError = `digest mismatch for Reference ${broken.uri ?? ''}: the element was changed after it was signed`;
    } catch (err) {
      lastError = err instanceof Error ? (err.message.split('\n')[0] ?? lastError) : String(err);
    }
  }
  return { ...base, error: lastError };
}
