import { restrictSimple } from './builtins.js';
import { elementChildren } from './dom.js';
import type { AttributeUse, Particle, ProcessContents, SimpleType, TypeDef, Wildcard } from './types.js';

/** One schema document's settings that decide how its local names are qualified. */
export interface DocInfo {
  file: string;
  tns: string;
  qualifiedElements: boolean;
  qualifiedAttributes: boolean;
}

/** What a complex type declares itself, before `finalize` merges in its base type. */
export interface Draft {
  simpleContent: boolean;
  particle: Particle | undefined;
  attributes: Map<string, AttributeUse>;
  prohibited: Set<string>;
  wildcard: Wildcard | undefined;
  /** Enumeration facets of a simpleContent restriction. */
  enumeration: string[];
}

export const newDraft = (): Draft => ({
  simpleContent: false,
  particle: undefined,
  attributes: new Map(),
  prohibited: new Set(),
  wildcard: undefined,
  enumeration: [],
});

/** Refuses an XSD construct this compiler does not implement, so a schema change cannot pass silently. */
export function unsupported(doc: DocInfo, what: string): never {
  throw new Error(`${doc.file}: XSD construct ${what} is not supported by the fedsim schema compiler`);
}

export function readWildcard(node: Element, doc: DocInfo): Wildcard {
  const namespace = (node.getAttribute('namespace') || '##any').trim();
  const process = (node.getAttribute('processContents') || 'strict') as ProcessContents;
  if (!['strict', 'lax', 'skip'].includes(process)) unsupported(doc, `processContents=${process}`);
  if (namespace === '##any') return { mode: 'any', ns: '', list: new Set(), process };
  if (namespace === '##other') return { mode: 'not', ns: doc.tns, list: new Set(), process };
  const list = namespace
    .split(/\s+/)
    .map((n) => (n === '##targetNamespace' ? doc.tns : n === '##local' ? '' : n));
  return { mode: 'list', ns: '', list: new Set(list), process };
}

export interface TypeResolver {
  types: Map<string, TypeDef>;
  qname(node: Element, attr: string, doc: DocInfo): string;
  simpleType(key: string, doc: DocInfo): SimpleType;
}

/** A simpleType: `restriction` of a simple base by enumeration facets (list/union/other facets: refused). */
export function readSimpleType(c: TypeResolver, node: Element, doc: DocInfo, key: string): SimpleType {
  const restriction = elementChildren(node).find((e) => e.localName !== 'annotation');
  if (restriction?.localName !== 'restriction')
    return unsupported(doc, `simpleType/${restriction?.localName}`);
  const inline = elementChildren(restriction).find((e) => e.localName === 'simpleType');
  const base = inline
    ? readSimpleType(c, inline, doc, `${key}#base`)
    : c.simpleType(c.qname(restriction, 'base', doc), doc);
  const enumeration: string[] = [];
  for (const facet of elementChildren(restriction)) {
    if (facet.localName === 'enumeration') enumeration.push(facet.getAttribute('value') ?? '');
    else if (facet.localName !== 'annotation' && facet !== inline)
      unsupported(doc, `facet ${facet.localName}`);
  }
  const type = restrictSimple(key, base, enumeration);
  c.types.set(key, type);
  return type;
}
