import { createHash, sign } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { ExclusiveCanonicalization } from 'xml-crypto';
import { FedsimError } from '../core/errors.js';
import type { SigningCredential } from '../crypto/credential.js';
import { canonicalOwnXml } from './c14n-own.js';
import { ALGORITHMS, NS, type SignatureAlgorithmName } from './constants.js';

const HASH: Record<SignatureAlgorithmName, 'sha256' | 'sha1'> = { 'SHA-256': 'sha256', 'SHA-1': 'sha1' };
const c14n = new ExclusiveCanonicalization();
/**
 * Okta's exclusive-C14N transform keeps `xs` (InclusiveNamespaces PrefixList="xs"): the prefix is
 * used only inside `xsi:type` values, which exclusive C14N alone would not see.
 */
const PREFIX_LIST = ['xs'];

/** The root's name and ID and the document's exclusive C14N: one saxes pass, or the DOM way outside its shape. */
function canonical(
  xml: string,
  prefixes: string[] = [],
): { localName: string; id: string | null; text: string } {
  const own = canonicalOwnXml(xml, prefixes);
  if (own) return { ...own, id: own.id ?? null };
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement as Element;
  return {
    localName: root.localName,
    id: root.getAttribute('ID'),
    text: c14n.process(root, { ancestorNamespaces: [], inclusiveNamespacesPrefixList: prefixes }),
  };
}

/**
 * How a signature deviates from fedsim's own (the attack catalogue's variants); every field
 * defaults to what signElement always writes.
 */
export interface SignatureShape {
  /** SignatureMethod URI, with `sign` computing its value over the canonical SignedInfo. */
  method?: { uri: string; sign(signedInfo: Buffer): Buffer };
  /** Reference URI instead of `#id`. */
  referenceUri?: string;
  /** ds:Transform elements written before the enveloped-signature transform. */
  extraTransforms?: string;
  /** The Reference written twice. */
  repeatReference?: boolean;
}

/**
 * Enveloped XML signature over the root element `id` of `xml` (fedsim's own Response or Assertion),
 * placed right after its Issuer where SAML's schema wants it: exclusive C14N through xml-crypto's
 * canonicaliser, digest and RSA through node:crypto with the credential's KeyObject. fedsim writes
 * these messages itself, so the element is found without XPath; every signature is verified by
 * xml-crypto on the receiving side.
 */
export function signElement(
  xml: string,
  id: string,
  localName: 'Response' | 'Assertion',
  credential: SigningCredential,
  algorithm: SignatureAlgorithmName,
  shape: SignatureShape = {},
): string {
  const alg = ALGORITHMS[algorithm];
  const root = canonical(xml, PREFIX_LIST);
  if (root.localName !== localName || root.id !== id) {
    throw new FedsimError(
      'SAML_XML_INVALID',
      `signElement: the root of the message is not the ${localName} ${id}`,
    );
  }
  const digest = createHash(HASH[algorithm]).update(root.text, 'utf8').digest('base64');
  const reference =
    `<ds:Reference URI="${shape.referenceUri ?? `#${id}`}"><ds:Transforms>${shape.extraTransforms ?? ''}` +
    `<ds:Transform Algorithm="${ALGORITHMS.envelopedSignature}"/><ds:Transform Algorithm="${ALGORITHMS.exclusiveC14n}">` +
    `<ec:InclusiveNamespaces xmlns:ec="${ALGORITHMS.exclusiveC14n}" PrefixList="${PREFIX_LIST.join(' ')}"/></ds:Transform>` +
    `</ds:Transforms><ds:DigestMethod Algorithm="${alg.digest}"/><ds:DigestValue>${digest}</ds:DigestValue></ds:Reference>`;
  const signedInfo =
    `<ds:SignedInfo xmlns:ds="${NS.dsig}"><ds:CanonicalizationMethod Algorithm="${ALGORITHMS.exclusiveC14n}"/>` +
    `<ds:SignatureMethod Algorithm="${shape.method?.uri ?? alg.signature}"/>` +
    `${reference.repeat(shape.repeatReference ? 2 : 1)}</ds:SignedInfo>`;
  const data = Buffer.from(canonical(signedInfo).text, 'utf8');
  const value = (
    shape.method ? shape.method.sign(data) : sign(HASH[algorithm], data, credential.privateKey)
  ).toString('base64');
  const signature =
    `<ds:Signature xmlns:ds="${NS.dsig}">${signedInfo.replace(` xmlns:ds="${NS.dsig}"`, '')}` +
    `<ds:SignatureValue>${value}</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${credential.cert.base64}` +
    '</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>';
  const issuerEnd = xml.indexOf('</saml2:Issuer>');
  if (issuerEnd < 0)
    throw new FedsimError('SAML_XML_INVALID', `signElement: the ${localName} has no Issuer to sign after`);
  const at = issuerEnd + '</saml2:Issuer>'.length;
  return xml.slice(0, at) + signature + xml.slice(at);
}
