/** Small DOM helpers shared by the compiler and the validator (xmldom 0.8 DOM). */

export function elementChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

/** The namespace bound to `prefix` ('' = default namespace) in scope at `el`, from xmlns attributes. */
export function lookupNamespace(el: Element, prefix: string): string | undefined {
  if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
  const attrName = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  for (let n: Node | null = el; n && n.nodeType === 1; n = n.parentNode) {
    const e = n as Element;
    if (e.hasAttribute(attrName)) return e.getAttribute(attrName) ?? '';
  }
  return undefined;
}

/** Resolves a QName-valued attribute (`ds:KeyInfoType`, `string`); unprefixed names take the default ns. */
export function resolveQName(el: Element, value: string): { ns: string; local: string } | undefined {
  const trimmed = value.trim();
  const colon = trimmed.indexOf(':');
  const prefix = colon < 0 ? '' : trimmed.slice(0, colon);
  const local = colon < 0 ? trimmed : trimmed.slice(colon + 1);
  const ns = lookupNamespace(el, prefix);
  if (ns === undefined && prefix !== '') return undefined;
  return { ns: ns ?? '', local };
}

export const nsOf = (node: { namespaceURI: string | null | undefined }): string => node.namespaceURI ?? '';
