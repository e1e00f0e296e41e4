import { SignedXml } from 'xml-crypto';
import type { CertInfo } from '../../crypto/credential.js';
import { NS } from '../constants.js';
import { children } from '../xml.js';

/** verify.ts's messages when no trusted cert verified: the diagnosis below says why. */
const GENERIC = 'signature value does not match the trusted certificate';
/** Errors the diagnosis restates: unspecific ones, and xml-crypto's digest message (reworded). */
const DIAGNOSED = [GENERIC, /^invalid signature: the signature value /, /digest/i];

/** Runs xml-crypto once with one key; reports a reference whose digest does not match, if any. */
function check(xml: string, signature: Element, cert: CertInfo): { ok: boolean; digestError?: string } {
  const verifier = new SignedXml({ publicCert: cert.pem, getCertFromKeyInfo: () => null });
  try {
    verifier.loadSignature(signature);
    if (verifier.checkSignature(xml)) return { ok: true };
    // Read only the validation error text: nothing of a failed check is trusted.
    const failed = verifier.getReferences().find((r) => r.validationError);
    return { ok: false, digestError: failed?.validationError?.message.replace(/^invalid signature: /, '') };
  } catch {
    return { ok: false };
  }
}

/**
 * Why a present signature did not verify, in words a person can act on: a digest mismatch
 * names the Reference URI of the element that changed after signing; a signature that verifies
 * only with the certificate in KeyInfo means the IdP signs with a key the SP does not trust.
 */
export function diagnoseSignature(
  xml: string,
  element: Element,
  error: string | undefined,
  trusted: readonly CertInfo[],
  keyInfoCert: CertInfo | undefined,
): string | undefined {
  if (error !== undefined && !DIAGNOSED.some((u) => (typeof u === 'string' ? u === error : u.test(error)))) {
    return error;
  }
  const signature = children(element, NS.dsig, 'Signature')[0];
  const probe = trusted[0] ?? keyInfoCert;
  if (!signature || !probe) return error;
  const first = check(xml, signature, probe);
  if (first.digestError) {
    return `digest mismatch: ${first.digestError}: the ${element.localName} was changed after it was signed`;
  }
  if (keyInfoCert && !trusted.some((c) => c.sha256 === keyInfoCert.sha256)) {
    if (check(xml, signature, keyInfoCert).ok) {
      return `signed by the KeyInfo certificate (${keyInfoCert.subject}, SHA-256 ${keyInfoCert.sha256}), which is not a trusted certificate: the IdP signs with another key`;
    }
  }
  return trusted.length
    ? `${GENERIC}: the digests match, so the content is intact, but SignatureValue was not made by a trusted key`
    : error;
}
