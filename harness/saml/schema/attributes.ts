import { nsOf } from './dom.js';
import { clip, type PathNode } from './path.js';
import { clark, label, type TypeDef, wildcardAllows, XMLNS, XSI } from './types.js';

const XSI_ATTRIBUTES = new Set(['type', 'nil', 'schemaLocation', 'noNamespaceSchemaLocation']);

export interface Reporter {
  report(path: PathNode, message: string, attribute?: string): void;
  /** Records an xs:ID value; reports it when the document already used it. */
  id(value: string, path: PathNode, attribute?: string): void;
}

/** xsi:type and xsi:nil, found in one pass over the attributes. */
export function xsiAttributes(el: Element): [Attr | undefined, Attr | undefined] {
  let [type, nil]: [Attr | undefined, Attr | undefined] = [undefined, undefined];
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i) as Attr;
    if (a.namespaceURI !== XSI) continue;
    if (a.localName === 'type') type = a;
    else if (a.localName === 'nil') nil = a;
  }
  return [type, nil];
}

/** Every attribute declared (valid value), or allowed by the type's wildcard; every required one present. */
export function checkAttributes(r: Reporter, el: Element, type: TypeDef, name: string, path: PathNode): void {
  const complex = type.kind === 'complex' ? type : undefined;
  let required = 0;
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i) as Attr;
    const ns = nsOf(a);
    if (ns === XMLNS) continue;
    if (ns === XSI) {
      if (!XSI_ATTRIBUTES.has(a.localName)) r.report(path, `Unknown attribute xsi:${a.localName}`, a.name);
      continue;
    }
    const use = complex?.attributes.get(clark(ns, a.localName));
    if (use) {
      if (use.required) required++;
      const problem = use.type.check(a.value);
      if (problem)
        r.report(path, `Attribute ${a.localName} of ${name} = "${clip(a.value)}" is ${problem}`, a.name);
      else if (use.type.isId) r.id(a.value.trim(), path, a.name);
      continue;
    }
    const wildcard = complex?.attributeWildcard;
    if (wildcard && wildcardAllows(wildcard, ns)) {
      // These schemas declare no global attributes: under a strict wildcard nothing can be assessed.
      if (wildcard.process === 'strict') {
        r.report(path, `No declaration for attribute ${label(ns, a.localName)}`, a.name);
      }
      continue;
    }
    const allowed = complex ? [...complex.attributes.values()].map((u) => label(u.ns, u.name)) : [];
    const expected = allowed.length > 0 ? `allowed: ${allowed.join(', ')}` : 'it allows no attributes';
    r.report(path, `Attribute ${label(ns, a.localName)} is not allowed on ${name}; ${expected}`, a.name);
  }
  if (!complex || required === complex.required.length) return;
  for (const use of complex.required) {
    const present = use.ns === '' ? el.hasAttribute(use.name) : el.hasAttributeNS(use.ns, use.name);
    if (!present)
      r.report(path, `Required attribute ${label(use.ns, use.name)} of ${name} is missing`, use.name);
  }
}
