import { SignedXml } from 'xml-crypto';
import { isRefusal } from '../core/errors.js';
import type { CertInfo } from '../crypto/credential.js';
import { NS } from './constants.js';
import { notVerified, type SignatureFailure, type Verdict } from './signature-outcome.js';
import { attr, child, children } from './xml.js';

/** The algorithms xml-crypto implements, read from a verifier's own tables. */
const SUPPORTED = new SignedXml();

/**
 * An algorithm the signature names that xml-crypto cannot compute, or a missing one. Checked
 * before verifying so that a throw from xml-crypto's SignatureValue check can only mean that the
 * value does not verify.
 */
export function unsupportedAlgorithm(
  signedInfo: Element,
): { reason: SignatureFailure; error: string } | undefined {
  const reference = children(signedInfo, NS.dsig, 'Reference')[0];
  const transforms = children(child(reference, NS.dsig, 'Transforms'), NS.dsig, 'Transform');
  const named: [string, Element | undefined, object][] = [
    ['SignatureMethod', child(signedInfo, NS.dsig, 'SignatureMethod'), SUPPORTED.SignatureAlgorithms],
    [
      'CanonicalizationMethod',
      child(signedInfo, NS.dsig, 'CanonicalizationMethod'),
      SUPPORTED.CanonicalizationAlgorithms,
    ],
    ['DigestMethod', child(reference, NS.dsig, 'DigestMethod'), SUPPORTED.HashAlgorithms],
    ...transforms.map((t): [string, Element, object] => [
      'Transform',
      t,
      SUPPORTED.CanonicalizationAlgorithms,
    ]),
  ];
  for (const [what, element, table] of named) {
    const algorithm = attr(element, 'Algorithm');
    if (algorithm === undefined)
      return { reason: 'malformed', error: `the signature has no ${what} Algorithm` };
    if (!Object.hasOwn(table, algorithm))
      return { reason: 'unsupported-algorithm', error: `${what} ${algorithm} is not supported` };
  }
  return undefined;
}

/** xml-crypto's general verifier, for signature shapes the fast path does not take. */
export function verifyWithXmlCrypto(xml: string, signature: Element, trusted: readonly CertInfo[]): Verdict {
  for (const cert of trusted) {
    const verifier = new SignedXml({ publicCert: cert.publicKey, getCertFromKeyInfo: () => null });
    verifier.idAttributes = ['ID'];
    try {
      verifier.loadSignature(signature);
      if (verifier.checkSignature(xml)) {
        return { valid: true, verifiedBy: cert.sha256, signedXml: verifier.getSignedReferences()[0] };
      }
      // checkSignature answers false for a digest mismatch, which no other key can fix.
      const broken = verifier.getReferences().find((r) => r.validationError);
      const reference = broken?.uri ?? '';
      return {
        valid: false,
        reason: 'digest-mismatch',
        error: `digest mismatch for Reference ${reference}: the element was changed after it was signed`,
        digest: { reference, stated: String(broken?.digestValue ?? '') },
      };
    } catch (err) {
      // A crash inside xml-crypto (a TypeError on a shape it did not expect) is not a verdict.
      if (!isRefusal(err)) throw err;
      // Only whether every digest matched is read after a throw (no signed content): if they did,
      // the throw is the SignatureValue check, which another trusted key may pass.
      const refs = verifier.getReferences();
      if (refs.length === 0 || refs.some((r) => r.validationError)) {
        const message = err.message.split('\n')[0];
        return { valid: false, reason: 'malformed', error: message || 'xml-crypto refused the signature' };
      }
    }
  }
  return notVerified(trusted);
}
