import { DOMParser } from '@xmldom/xmldom';
import { FedsimError } from '../core/errors.js';
import { assertWellFormed } from './well-formed.js';

/** Hard cap on an inbound SAML message; real responses are a few kB. */
export const MAX_MESSAGE_BYTES = 256 * 1024;

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Decodes a base64 (or URL-encoded base64) SAML message; refuses anything that is not base64 of UTF-8. */
export function decodeBase64Message(input: string): string {
  let text = input.trim();
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      throw new FedsimError('SAML_BASE64_INVALID', 'SAMLResponse is URL-encoded but the encoding is broken');
    }
  }
  text = text.replace(/\s+/g, '');
  if (text === '') throw new FedsimError('SAML_INPUT_MISSING', 'SAMLResponse is empty');
  if (text.length > (MAX_MESSAGE_BYTES * 4) / 3 + 4) {
    throw new FedsimError('SAML_XML_TOO_LARGE', `SAMLResponse is larger than ${MAX_MESSAGE_BYTES} bytes`, {
      expected: `≤ ${MAX_MESSAGE_BYTES} bytes`,
      actual: `${Math.floor((text.length * 3) / 4)} bytes`,
    });
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new FedsimError('SAML_BASE64_INVALID', 'SAMLResponse is not valid base64', {
      expected: 'base64 of a SAML XML message',
      actual: `${text.slice(0, 40)}${text.length > 40 ? '…' : ''}`,
      hint: 'Post the SAMLResponse form field exactly as the IdP produced it.',
    });
  }
  const bytes = Buffer.from(text, 'base64');
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (decoded.includes('\uFFFD')) {
    throw new FedsimError('SAML_XML_INVALID', 'SAMLResponse decodes to bytes that are not UTF-8', {
      expected: 'UTF-8 XML',
    });
  }
  return decoded;
}

/**
 * Parses XML that came from outside: no DOCTYPE (so no entities, no XXE), one root element,
 * well-formed and at most MAX_XML_DEPTH deep (checked before the DOM is built). Parser warnings
 * count as errors: a SAML message has no reason to be sloppy.
 */
export function parseUntrustedXml(xml: string): Document {
  if (Buffer.byteLength(xml, 'utf8') > MAX_MESSAGE_BYTES) {
    throw new FedsimError('SAML_XML_TOO_LARGE', `SAML message is larger than ${MAX_MESSAGE_BYTES} bytes`);
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new FedsimError('SAML_XML_DOCTYPE', 'SAML message contains a DOCTYPE or ENTITY declaration', {
      expected: 'no DOCTYPE (SAML forbids DTDs)',
      actual: 'DOCTYPE present',
      hint: 'DTDs enable XXE and entity-expansion attacks; a genuine IdP never sends one.',
    });
  }
  assertWellFormed(xml);
  const problems: string[] = [];
  const record = (level: string) => (msg: string) => problems.push(`${level}: ${msg.split('\n')[0]}`);
  // Past assertWellFormed, a throw from xmldom would be a bug (INTERNAL), not the input's fault.
  const doc = new DOMParser({
    locator: {},
    errorHandler: { warning: record('warning'), error: record('error'), fatalError: record('fatal') },
  }).parseFromString(xml, 'text/xml');
  const roots = Array.from(doc.childNodes).filter((n) => n.nodeType === 1);
  if (problems.length > 0 || roots.length !== 1 || !doc.documentElement) {
    throw new FedsimError(
      'SAML_XML_INVALID',
      `SAML message is not well-formed XML: ${problems[0] ?? 'expected one root element'}`,
      {
        actual: problems.length > 0 ? problems : `${roots.length} root elements`,
      },
    );
  }
  return doc;
}

/** Direct element children with the given namespace and local name. */
export function children(parent: Element | undefined, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  for (let n = parent?.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === localName) {
      out.push(n as Element);
    }
  }
  return out;
}

export function child(parent: Element | undefined, ns: string, localName: string): Element | undefined {
  return children(parent, ns, localName)[0];
}

/** All descendants with the given namespace and local name. */
export function descendants(root: Element | Document, ns: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, localName));
}

/** Text of an element: every text node joined, so a comment cannot truncate the value. */
export function textOf(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  let out = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3 || n.nodeType === 4) out += n.nodeValue ?? '';
  }
  return out.trim();
}

export function attr(el: Element | undefined, name: string): string | undefined {
  if (!el?.hasAttribute(name)) return undefined;
  return el.getAttribute(name) ?? undefined;
}
