import { DOMParser } from '@xmldom/xmldom';
import { FedsimError } from '../core/errors.js';
import { NS } from './constants.js';
import { decryptAssertion } from './encrypt.js';
import {
  countAssertions,
  isResponse,
  type ParsedAssertion,
  type ParsedResponse,
  parseAssertionElement,
  parseResponseElement,
} from './parse.js';
import type { SpProfile } from './profile.js';
import { type SchemaResult, validateSamlSchema } from './schema/validate.js';
import type { SignatureOutcome } from './signature-outcome.js';
import { verifyElementSignature } from './verify.js';
import { children, decodeBase64Message, parseUntrustedXml } from './xml.js';

/** An inbound Response after decoding and signature verification, read only from trusted bytes. */
export interface InboundMessage {
  xml: string;
  /** The message as parsed, before any verification: what traces and explain display. */
  root: Element;
  response: ParsedResponse;
  /** Where the assertion fields were read from: signed bytes, or (when nothing verified) the raw message. */
  assertionSource: 'signed-response' | 'signed-assertion' | 'unsigned';
  assertion?: ParsedAssertion;
  assertionCount: number;
  /** SAML 2.0 XSD validation of the message (and of the decrypted assertion). */
  schema: SchemaResult;
  /** Whether the Assertion arrived as an EncryptedAssertion. */
  encrypted: boolean;
  /** Whether the one Assertion is a direct child of the Response. */
  assertionInPlace: boolean;
  signatures: { response: SignatureOutcome; assertion: SignatureOutcome };
}

/**
 * What a verified signature covers, as an element to read fields from. Any other signature shape
 * (xml-crypto's general verifier) is read back from the bytes it digested; a DOM reading stays
 * safe only because fields are read the way C14N sees them (textOf joins text, skips comments).
 */
function signedContent(outcome: SignatureOutcome, element: Element): Element | undefined {
  if (!outcome.valid || !outcome.signedXml) return undefined;
  if (outcome.signedInPlace) return element;
  const el = new DOMParser().parseFromString(outcome.signedXml, 'text/xml').documentElement;
  if (!el) throw new FedsimError('SAML_XML_INVALID', 'signed content could not be re-read');
  return el;
}

function schemaOf(doc: Document, decryptedAssertion: Element | undefined): SchemaResult {
  const results = [validateSamlSchema(doc)];
  if (decryptedAssertion?.ownerDocument) results.push(validateSamlSchema(decryptedAssertion.ownerDocument));
  return { ok: results.every((r) => r.ok), errors: results.flatMap((r) => r.errors) };
}

/** Decrypts an EncryptedAssertion with the SP's key; the plaintext is read as a document of its own. */
function decrypted(
  encrypted: Element,
  profile: SpProfile,
): { assertionXml: string; assertionEl: Element | undefined } {
  if (!profile.decryptionKey) {
    throw new FedsimError(
      'SAML_DECRYPTION_FAILED',
      'The assertion is encrypted but this SP has no decryption key',
      {
        hint: `Turn off assertion encryption in ${profile.labels.idpApp}, or give ${profile.labels.sp} its private key.`,
      },
    );
  }
  const assertionXml = decryptAssertion(encrypted, profile.decryptionKey);
  const el = parseUntrustedXml(assertionXml).documentElement as Element;
  const isAssertion = el.namespaceURI === NS.assertion && el.localName === 'Assertion';
  return { assertionXml, assertionEl: isAssertion ? el : undefined };
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
  const response = verifyElementSignature(xml, root, profile.trustedCerts);
  // Read from the signed bytes whenever the Response signature verified.
  const signedRoot = signedContent(response, root);
  const base = signedRoot ?? root;
  const encrypted = children(base, NS.assertion, 'EncryptedAssertion')[0];
  const { assertionXml, assertionEl } = encrypted
    ? decrypted(encrypted, profile)
    : { assertionXml: xml, assertionEl: children(root, NS.assertion, 'Assertion')[0] };
  const assertionSig = assertionEl
    ? verifyElementSignature(assertionXml, assertionEl, profile.trustedCerts)
    : { present: false, valid: false };

  let assertion = assertionEl ? parseAssertionElement(assertionEl) : undefined;
  let assertionSource: InboundMessage['assertionSource'] = 'unsigned';
  if (signedRoot) {
    // A signed Response covers its Assertion, or the ciphertext of an encrypted one.
    const signedAssertion = encrypted ? assertionEl : children(signedRoot, NS.assertion, 'Assertion')[0];
    assertion = signedAssertion ? parseAssertionElement(signedAssertion) : undefined;
    assertionSource = 'signed-response';
  } else {
    const signedAssertion = assertionEl && signedContent(assertionSig, assertionEl);
    if (signedAssertion) {
      assertion = parseAssertionElement(signedAssertion);
      assertionSource = 'signed-assertion';
    }
  }

  const direct =
    children(root, NS.assertion, 'Assertion').length +
    children(root, NS.assertion, 'EncryptedAssertion').length;
  return {
    xml,
    root,
    response: parseResponseElement(base),
    assertionSource,
    assertion,
    encrypted: encrypted !== undefined,
    schema: schemaOf(doc, encrypted ? assertionEl : undefined),
    assertionCount: countAssertions(doc),
    assertionInPlace: direct === 1,
    signatures: { response, assertion: assertionSig },
  };
}
