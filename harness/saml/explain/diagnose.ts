import { SignedXml } from 'xml-crypto';
import type { CertInfo } from '../../crypto/credential.js';
import { NS } from '../constants.js';
import type { DigestMismatch, SignatureOutcome } from '../signature-outcome.js';
import { children } from '../xml.js';

/** Whether the signature verifies with `cert` (run once, only to compare with the trusted certs). */
function verifiesWith(xml: string, signature: Element, cert: CertInfo): boolean {
  const verifier = new SignedXml({ publicCert: cert.pem, getCertFromKeyInfo: () => null });
  try {
    verifier.loadSignature(signature);
    return verifier.checkSignature(xml);
  } catch {
    return false;
  }
}

function digestProblem(digest: DigestMismatch | undefined, element: Element): string {
  const compared = digest?.computed
    ? `calculated digest is ${digest.computed} but the message states ${digest.stated}`
    : `the message states digest ${digest?.stated ?? 'none'}`;
  return `digest mismatch: for uri ${digest?.reference ?? ''} ${compared}: the ${element.localName} was changed after it was signed`;
}

/**
 * Why a present signature did not verify, in words a person can act on: a digest mismatch
 * names the Reference URI of the element that changed after signing; a signature that verifies
 * only with the certificate in KeyInfo means the IdP signs with a key the SP does not trust.
 */
export function diagnoseSignature(
  xml: string,
  element: Element,
  outcome: SignatureOutcome,
  trusted: readonly CertInfo[],
): string | undefined {
  switch (outcome.reason) {
    case 'digest-mismatch':
      return digestProblem(outcome.digest, element);
    case 'signature-mismatch': {
      const { keyInfoCert } = outcome;
      const signature = children(element, NS.dsig, 'Signature')[0];
      const untrusted = keyInfoCert && !trusted.some((c) => c.sha256 === keyInfoCert.sha256);
      if (untrusted && signature && verifiesWith(xml, signature, keyInfoCert)) {
        return `signed by the KeyInfo certificate (${keyInfoCert.subject}, SHA-256 ${keyInfoCert.sha256}), which is not a trusted certificate: the IdP signs with another key`;
      }
      return 'signature value does not match the trusted certificate: the digests match, so the content is intact, but SignatureValue was not made by a trusted key';
    }
    default:
      return outcome.error;
  }
}
