import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import fc from 'fast-check';

/**
 * Mutations of a signed SAML response, as fast-check values: each names its targets by index
 * (taken modulo what the document has), so any generated value applies to any document and a
 * failing case shrinks to a short, readable list.
 */
export type Mutation =
  | { kind: 'flip-char'; at: number; char: string }
  | { kind: 'delete-element'; el: number }
  | { kind: 'duplicate-element'; el: number }
  | { kind: 'move-element'; el: number; to: number; index: number }
  | { kind: 'delete-attribute'; el: number; attr: number }
  | { kind: 'set-attribute'; el: number; attr: number; value: string }
  | { kind: 'edit-text'; el: number; text: string }
  | { kind: 'change-namespace'; el: number; uri: string }
  | { kind: 'corrupt-base64'; el: number; at: number; char: string };

const NAMESPACES = [
  'urn:oasis:names:tc:SAML:2.0:assertion',
  'urn:oasis:names:tc:SAML:2.0:protocol',
  'http://www.w3.org/2000/09/xmldsig#',
  'http://www.w3.org/2001/10/xml-exc-c14n#',
  'urn:evil',
];
const TEXTS = ['', ' ', 'admin@org1.example', 'sarah@org1.example', '2.0', '<&>', 'x'.repeat(64)];
const idx = fc.nat({ max: 10_000 });
const char = fc.constantFrom(
  '<',
  '>',
  '&',
  '"',
  "'",
  '/',
  '=',
  ' ',
  'a',
  'Z',
  '0',
  '+',
  ':',
  '\u00e9',
  '\u200b',
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip-char' as const), at: idx, char }),
  fc.record({ kind: fc.constant('delete-element' as const), el: idx }),
  fc.record({ kind: fc.constant('duplicate-element' as const), el: idx }),
  fc.record({ kind: fc.constant('move-element' as const), el: idx, to: idx, index: idx }),
  fc.record({ kind: fc.constant('delete-attribute' as const), el: idx, attr: idx }),
  fc.record({
    kind: fc.constant('set-attribute' as const),
    el: idx,
    attr: idx,
    value: fc.constantFrom(...TEXTS),
  }),
  fc.record({ kind: fc.constant('edit-text' as const), el: idx, text: fc.constantFrom(...TEXTS) }),
  fc.record({
    kind: fc.constant('change-namespace' as const),
    el: idx,
    uri: fc.constantFrom(...NAMESPACES),
  }),
  fc.record({ kind: fc.constant('corrupt-base64' as const), el: idx, at: idx, char }),
);

const pick = <T>(items: ArrayLike<T>, i: number): T | undefined =>
  items.length === 0 ? undefined : items[i % items.length];

function elements(doc: Document): Element[] {
  return Array.from(doc.getElementsByTagName('*'));
}

/** Elements whose text is base64: digests, signature values, certificates. */
function base64Elements(doc: Document): Element[] {
  return elements(doc).filter((e) =>
    /^(DigestValue|SignatureValue|X509Certificate)$/.test(e.localName ?? ''),
  );
}

function isWithin(node: Node, ancestor: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (n === ancestor) return true;
  return false;
}

/** A copy of `el` in another namespace (xmldom cannot rename in place). */
function renamed(el: Element, uri: string): Element {
  const copy = el.ownerDocument.createElementNS(uri, el.nodeName);
  for (const a of Array.from(el.attributes)) copy.setAttributeNS(a.namespaceURI, a.name, a.value);
  while (el.firstChild) copy.appendChild(el.firstChild);
  return copy;
}

function applyToDom(doc: Document, m: Exclude<Mutation, { kind: 'flip-char' }>): void {
  const all = elements(doc);
  const el = pick(all, m.el);
  if (!el) return;
  const parent = el.parentNode;
  switch (m.kind) {
    case 'delete-element':
      if (el !== doc.documentElement) parent?.removeChild(el);
      return;
    case 'duplicate-element':
      if (el !== doc.documentElement) parent?.insertBefore(el.cloneNode(true), el.nextSibling);
      return;
    case 'move-element': {
      const to = pick(all, m.to);
      if (!to || el === doc.documentElement || isWithin(to, el)) return;
      parent?.removeChild(el);
      to.insertBefore(el, pick(Array.from(to.childNodes), m.index) ?? null);
      return;
    }
    case 'delete-attribute': {
      const a = pick(Array.from(el.attributes), m.attr);
      if (a) el.removeAttributeNode(a);
      return;
    }
    case 'set-attribute': {
      const a = pick(Array.from(el.attributes), m.attr);
      if (a) el.setAttributeNS(a.namespaceURI, a.name, m.value);
      return;
    }
    case 'edit-text':
      el.textContent = m.text;
      return;
    case 'change-namespace':
      if (el === doc.documentElement) doc.replaceChild(renamed(el, m.uri), el);
      else parent?.replaceChild(renamed(el, m.uri), el);
      return;
    case 'corrupt-base64': {
      const target = pick(base64Elements(doc), m.el);
      const text = target?.textContent ?? '';
      if (target && text)
        target.textContent = `${text.slice(0, m.at % text.length)}${m.char}${text.slice((m.at % text.length) + 1)}`;
      return;
    }
  }
}

/** The XML after the mutations, in order; DOM edits are serialised once, character flips act on text. */
export function applyMutations(xml: string, mutations: readonly Mutation[]): string {
  let out = xml;
  for (const m of mutations) {
    if (m.kind === 'flip-char') {
      const at = m.at % out.length;
      out = `${out.slice(0, at)}${m.char}${out.slice(at + 1)}`;
      continue;
    }
    try {
      const doc = new DOMParser({ errorHandler: () => {} }).parseFromString(out, 'text/xml');
      if (!doc.documentElement) continue;
      applyToDom(doc, m);
      out = new XMLSerializer().serializeToString(doc);
    } catch {
      // xmldom cannot edit what an earlier flip broke: the text goes on as it is.
    }
  }
  return out;
}
