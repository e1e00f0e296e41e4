import type { CertInfo } from '../crypto/credential.js';
import { parseCertificate } from '../crypto/credential.js';
import { ALGORITHMS, NS } from './constants.js';
import type { SignatureFailure, SignatureOutcome, Verdict } from './signature-outcome.js';
import { fastVerdict } from './verify-fast.js';
import { unsupportedAlgorithm, verifyWithXmlCrypto } from './verify-xml-crypto.js';
import { attr, child, children, textOf } from './xml.js';

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

/**
 * Transforms are optional in XML-DSig (core §4.4.3.4), but without the enveloped-signature
 * transform a Reference to the Signature's own parent digests the Signature itself, which no
 * signer can produce; SAML requires enveloped signatures (core §5.4.1). Refused by name rather
 * than left to a digest mismatch (or to a library that trips over the missing element).
 */
function envelopedTransform(reference: Element): boolean {
  const transforms = children(reference, NS.dsig, 'Transforms');
  return (
    transforms.length === 1 &&
    children(transforms[0], NS.dsig, 'Transform').some(
      (t) => attr(t, 'Algorithm') === ALGORITHMS.envelopedSignature,
    )
  );
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
  if (!envelopedTransform(refs[0] as Element))
    return refused(
      'malformed',
      'the Reference has no enveloped-signature Transform: it cannot cover the element that carries it (SAML core §5.4.1, §5.4.4)',
    );
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
