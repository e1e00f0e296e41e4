import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { NS } from '../constants.js';

/** DOM surgery on a signed response, the way SAML Raider builds signature-wrapping variants. */
export interface Parts {
  doc: Document;
  response: Element;
  /** The Response's own (direct-child) Signature, if signed. */
  responseSignature?: Element;
  assertion: Element;
  /** The Assertion's own (direct-child) Signature, if signed. */
  assertionSignature?: Element;
}

function directChild(parent: Element, ns: string, localName: string): Element | undefined {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    const el = n as Element;
    if (n.nodeType === 1 && el.namespaceURI === ns && el.localName === localName) return el;
  }
  return undefined;
}

export function mutate(xml: string, edit: (p: Parts) => void): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const response = doc.documentElement as Element;
  const assertion = directChild(response, NS.assertion, 'Assertion');
  if (!assertion) throw new Error('mutate: no Assertion under the Response');
  edit({
    doc,
    response,
    responseSignature: directChild(response, NS.dsig, 'Signature'),
    assertion,
    assertionSignature: directChild(assertion, NS.dsig, 'Signature'),
  });
  return new XMLSerializer().serializeToString(doc);
}

/** A deep copy without its own Signature. */
export function unsignedClone(el: Element): Element {
  const copy = el.cloneNode(true) as Element;
  const sig = directChild(copy, NS.dsig, 'Signature');
  if (sig) copy.removeChild(sig);
  return copy;
}

export function setNameId(assertion: Element, value: string): Element {
  const nameId = assertion.getElementsByTagNameNS(NS.assertion, 'NameID')[0];
  if (!nameId) throw new Error('setNameId: no NameID');
  while (nameId.firstChild) nameId.removeChild(nameId.firstChild);
  nameId.appendChild(nameId.ownerDocument.createTextNode(value));
  return assertion;
}

export function element(doc: Document, ns: string, qname: string): Element {
  return doc.createElementNS(ns, qname);
}

/** Direct child by local name (any namespace): Conditions, Subject, … */
export function childNamed(parent: Element, localName: string): Element {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === localName) return n as Element;
  }
  throw new Error(`no ${localName} under ${parent.localName}`);
}
