import { SignedXml } from 'xml-crypto';
import type { SigningCredential } from '../crypto/credential.js';
import { ALGORITHMS, type SignatureAlgorithmName } from './constants.js';

/**
 * Enveloped XML signature over the element with `id`, placed right after that element's Issuer
 * (where SAML's schema wants it), exclusive C14N, KeyInfo carrying the signing certificate.
 */
export function signElement(
  xml: string,
  id: string,
  localName: 'Response' | 'Assertion',
  credential: SigningCredential,
  algorithm: SignatureAlgorithmName,
): string {
  const alg = ALGORITHMS[algorithm];
  const sig = new SignedXml({
    // The KeyObject and the certificate's base64 were prepared once; xml-crypto would re-parse PEMs.
    privateKey: credential.privateKey,
    getKeyInfoContent: () =>
      `<ds:X509Data><ds:X509Certificate>${credential.cert.base64}</ds:X509Certificate></ds:X509Data>`,
    signatureAlgorithm: alg.signature,
    canonicalizationAlgorithm: ALGORITHMS.exclusiveC14n,
  });
  // SAML identifies elements by ID only: looking up Id and id too costs whole-document scans.
  sig.idAttributes = ['ID'];
  sig.addReference({
    xpath: `//*[local-name(.)='${localName}' and @ID='${id}']`,
    transforms: [ALGORITHMS.envelopedSignature, ALGORITHMS.exclusiveC14n],
    digestAlgorithm: alg.digest,
  });
  sig.computeSignature(xml, {
    prefix: 'ds',
    location: {
      reference: `//*[local-name(.)='${localName}' and @ID='${id}']/*[local-name(.)='Issuer']`,
      action: 'after',
    },
  });
  return sig.getSignedXml();
}
