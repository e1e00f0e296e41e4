import { DOMParser } from '@xmldom/xmldom';
import { FedsimError } from '../core/errors.js';
import { NS } from './constants.js';
import {
  countAssertions,
  isResponse,
  type ParsedAssertion,
  type ParsedResponse,
  parseAssertionElement,
  parseResponseElement,
} from './parse.js';
import type { SpProfile } from './profile.js';
import { type SignatureOutcome, verifyElementSignature } from './verify.js';
import { children, decodeBase64Message, parseUntrustedXml } from './xml.js';

/** An inbound Response after decoding and signature verification, read only from trusted bytes. */
export interface InboundMessage {
  xml: string;
  response: ParsedResponse;
  /** Where the assertion fields were read from: signed bytes, or (when nothing verified) the raw message. */
  assertionSource: 'signed-response' | 'signed-assertion' | 'unsigned';
  assertion?: ParsedAssertion;
  assertionCount: number;
  /** Whether the one Assertion is a direct child of the Response. */
  assertionInPlace: boolean;
  signatures: { response: SignatureOutcome; assertion: SignatureOutcome };
}

function parseTrusted(xml: string): Element {
  const el = new DOMParser().parseFromString(xml, 'text/xml').documentElement;
  if (!el) throw new FedsimError('SAML_XML_INVALID', 'signed content could not be re-read');
  return el;
}

/** Decodes base64 and reads the message; throws only for unusable input (not XML, not a Response). */
export function readInboundBase64(base64: string, profile: SpProfile): InboundMessage {
  return readInboundXml(decodeBase64Message(base64), profile);
}

export function readInboundXml(xml: string, profile: SpProfile): InboundMessage {
  const doc = parseUntrustedXml(xml);
  const root = doc.documentElement as Element;
  if (!isResponse(root)) {
    throw new FedsimError('SAML_NOT_A_RESPONSE', `Expected a samlp:Response, got ${root.localName}`, {
      expected: `{${NS.protocol}}Response`,
      actual: `{${root.namespaceURI ?? ''}}${root.localName}`,
    });
  }
  const directAssertions = children(root, NS.assertion, 'Assertion');
  const rawAssertion = directAssertions[0];
  const response = verifyElementSignature(xml, root, profile.trustedCerts);
  const assertionSig = rawAssertion
    ? verifyElementSignature(xml, rawAssertion, profile.trustedCerts)
    : { present: false, valid: false };

  let parsedResponse = parseResponseElement(root);
  let assertion = rawAssertion ? parseAssertionElement(rawAssertion) : undefined;
  let assertionSource: InboundMessage['assertionSource'] = 'unsigned';
  if (response.valid && response.signedXml) {
    const signedRoot = parseTrusted(response.signedXml);
    parsedResponse = parseResponseElement(signedRoot);
    const signedAssertion = children(signedRoot, NS.assertion, 'Assertion')[0];
    assertion = signedAssertion ? parseAssertionElement(signedAssertion) : undefined;
    assertionSource = 'signed-response';
  } else if (assertionSig.valid && assertionSig.signedXml) {
    assertion = parseAssertionElement(parseTrusted(assertionSig.signedXml));
    assertionSource = 'signed-assertion';
  }
  return {
    xml,
    response: parsedResponse,
    assertionSource,
    assertion,
    assertionCount: countAssertions(doc),
    assertionInPlace: directAssertions.length === 1,
    signatures: { response, assertion: assertionSig },
  };
}
