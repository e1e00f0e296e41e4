import { webcrypto } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe } from 'vitest';
import { loadCredential } from '../../harness/crypto/store.js';
import { issuedResponseCases } from './issued.js';
import { signatureInteropCases, type Verifier } from './issuer-cases.js';

/**
 * xmldsigjs (PeculiarVentures: its own C14N and DOM handling, pkijs for the certificate, WebCrypto
 * for RSA) is a second implementation that installs from npm, so interop is proven on every machine.
 */
const require = createRequire(import.meta.url);
const xmldsigjs: typeof import('xmldsigjs') = require('xmldsigjs');
// xmldsigjs reads XML through xml-core, which in Node needs a DOM and XPath registered; load those
// three from where xmldsigjs resolves them (the versions it declares), not fedsim's own copies.
const ownDependency = createRequire(require.resolve('xmldsigjs'));
const xmlCore: {
  setNodeDependencies(deps: Record<string, unknown>): void;
  XE: { CRYPTOGRAPHIC: number };
} = ownDependency('xml-core');
const xmldom = ownDependency('@xmldom/xmldom');
xmlCore.setNodeDependencies({
  DOMParser: xmldom.DOMParser,
  XMLSerializer: xmldom.XMLSerializer,
  DOMImplementation: xmldom.DOMImplementation,
  xpath: ownDependency('xpath'),
});
xmldsigjs.Application.setEngine('NodeJS', webcrypto as Crypto);

const SAML_NS = {
  Response: 'urn:oasis:names:tc:SAML:2.0:protocol',
  Assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
} as const;
const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';

/** A digest that does not match is thrown as a cryptographic XmlError: that is a rejection too. */
function isRejection(error: unknown): boolean {
  return (error as { code?: unknown }).code === xmlCore.XE.CRYPTOGRAPHIC;
}

const xmldsig: Verifier = async (xml, certName, element) => {
  const doc = xmldsigjs.Parse(xml);
  const signed = doc.getElementsByTagNameNS(SAML_NS[element], element)[0];
  // Its own enveloped signature: a child, not the one of an assertion inside a Response.
  const signature = Array.from(signed?.children ?? []).find(
    (node) => node.namespaceURI === DSIG_NS && node.localName === 'Signature',
  );
  if (!signature) throw new Error(`no ${element} signature in the fixture`);
  const verifier = new xmldsigjs.SignedXml(doc);
  verifier.LoadXml(signature);
  // The trusted certificate's key; Verify re-imports it for the algorithm the signature names.
  const cert = new xmldsigjs.X509Certificate(Buffer.from(loadCredential(certName).cert.base64, 'base64'));
  const key = await cert.exportKey({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as RsaHashedImportParams);
  return verifier.Verify(key).catch((error: unknown) => {
    if (isRejection(error)) return false;
    throw error;
  });
};

describe('fedsim signatures verify with xmldsigjs', () => signatureInteropCases(xmldsig));
describe("every response the world's IdPs post verifies with xmldsigjs", () => issuedResponseCases(xmldsig));
