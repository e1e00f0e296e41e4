import { builtinTypes } from './builtins.js';
import { type DocInfo, type Draft, newDraft, readSimpleType, unsupported } from './components.js';
import { readContent } from './content.js';
import { finalizeTypes } from './derive.js';
import { elementChildren, resolveQName } from './dom.js';
import { loadSchemaDocuments } from './load.js';
import type { ComplexType, ElementDecl, SchemaSet, SimpleType, TypeDef } from './types.js';
import { clark, XS } from './types.js';

type Kind = 'element' | 'complexType' | 'simpleType' | 'attribute' | 'attributeGroup' | 'group';
const KINDS = new Set<string>([
  'element',
  'complexType',
  'simpleType',
  'attribute',
  'attributeGroup',
  'group',
]);

/** XSD documents → component tables. Global components are parsed on first reference and memoised. */
export class Compiler {
  readonly globals = new Map<Kind, Map<string, { node: Element; doc: DocInfo }>>();
  readonly elements = new Map<string, ElementDecl>();
  readonly types = new Map<string, TypeDef>(builtinTypes());
  readonly drafts = new Map<ComplexType, Draft>();
  readonly anyType: ComplexType;
  private anon = 0;

  /** A fresh suffix for the key of an anonymous type. */
  nextAnon(): number {
    return ++this.anon;
  }

  constructor(docs: Map<string, Element>) {
    const anyWildcard = { mode: 'any', ns: '', list: new Set<string>(), process: 'lax' } as const;
    this.anyType = {
      kind: 'complex',
      key: clark(XS, 'anyType'),
      abstract: false,
      base: undefined,
      derivation: undefined,
      content: 'elements',
      mixed: true,
      particle: { kind: 'any', wildcard: anyWildcard, min: 0, max: Infinity },
      simpleType: undefined,
      model: undefined,
      attributes: new Map(),
      required: [],
      attributeWildcard: anyWildcard,
    };
    this.types.set(this.anyType.key, this.anyType);
    for (const kind of KINDS) this.globals.set(kind as Kind, new Map());
    for (const [file, root] of docs) {
      const qualified = (a: string) => root.getAttribute(a) === 'qualified';
      const doc: DocInfo = {
        file,
        tns: root.getAttribute('targetNamespace') ?? '',
        qualifiedElements: qualified('elementFormDefault'),
        qualifiedAttributes: qualified('attributeFormDefault'),
      };
      for (const child of elementChildren(root)) this.collect(child, doc, docs);
    }
  }

  private collect(child: Element, doc: DocInfo, docs: Map<string, Element>): void {
    const kind = child.localName;
    if (kind === 'annotation') return;
    if (kind === 'import') {
      const location = child.getAttribute('schemaLocation') ?? '';
      if (!docs.has(location)) throw new Error(`${doc.file}: import of ${location} which is not vendored`);
      return;
    }
    if (!KINDS.has(kind)) unsupported(doc, kind);
    this.globals
      .get(kind as Kind)
      ?.set(clark(doc.tns, child.getAttribute('name') ?? ''), { node: child, doc });
  }

  qname(node: Element, attr: string, doc: DocInfo): string {
    const q = resolveQName(node, node.getAttribute(attr) ?? '');
    if (!q) throw new Error(`${doc.file}: unresolvable QName ${node.getAttribute(attr)}`);
    return clark(q.ns, q.local);
  }

  global(kind: Kind, key: string): { node: Element; doc: DocInfo } {
    const found = this.globals.get(kind)?.get(key);
    if (!found) throw new Error(`XSD ${kind} ${key} is not defined`);
    return found;
  }

  element(key: string): ElementDecl {
    const known = this.elements.get(key);
    if (known) return known;
    const { node, doc } = this.global('element', key);
    return this.declare(node, doc, doc.tns, true);
  }

  declare(node: Element, doc: DocInfo, ns: string, global: boolean): ElementDecl {
    for (const a of ['substitutionGroup', 'fixed', 'default'])
      if (node.hasAttribute(a)) unsupported(doc, `@${a}`);
    const name = node.getAttribute('name') ?? '';
    const decl: ElementDecl = {
      ns,
      name,
      key: clark(ns, name),
      type: this.anyType,
      nillable: node.getAttribute('nillable') === 'true',
      abstract: node.getAttribute('abstract') === 'true',
    };
    if (global) this.elements.set(decl.key, decl);
    const key = global ? decl.key : `${decl.key}#local${this.nextAnon()}`;
    const [inline, extra] = elementChildren(node).filter((c) => c.localName !== 'annotation');
    // key/keyref/unique (identity constraints) are not implemented: refuse rather than ignore them.
    if (extra || (inline && !/^(complexType|simpleType)$/.test(inline.localName))) {
      unsupported(doc, `element/${(extra ?? inline)?.localName}`);
    }
    if (node.hasAttribute('type')) decl.type = this.type(this.qname(node, 'type', doc));
    else if (inline?.localName === 'complexType') decl.type = this.complexType(inline, doc, `${key}#type`);
    else if (inline?.localName === 'simpleType') decl.type = readSimpleType(this, inline, doc, `${key}#type`);
    return decl;
  }

  type(key: string): TypeDef {
    const known = this.types.get(key);
    if (known) return known;
    const complex = this.globals.get('complexType')?.get(key);
    if (complex) return this.complexType(complex.node, complex.doc, key);
    const { node, doc } = this.global('simpleType', key);
    return readSimpleType(this, node, doc, key);
  }

  simpleType(key: string, doc: DocInfo): SimpleType {
    const t = this.type(key);
    if (t.kind !== 'simple') throw new Error(`${doc.file}: ${key} is not a simple type`);
    return t;
  }

  complexType(node: Element, doc: DocInfo, key: string): ComplexType {
    // Without complexContent/simpleContent a type restricts anyType; `finalize` fills the effective parts.
    const t: ComplexType = {
      kind: 'complex',
      key,
      abstract: node.getAttribute('abstract') === 'true',
      base: this.anyType,
      derivation: 'restriction',
      content: 'elements',
      mixed: node.getAttribute('mixed') === 'true',
      particle: undefined,
      simpleType: undefined,
      model: undefined,
      attributes: new Map(),
      required: [],
      attributeWildcard: undefined,
    };
    this.types.set(key, t);
    const draft = newDraft();
    this.drafts.set(t, draft);
    for (const child of elementChildren(node)) {
      if (child.localName !== 'simpleContent' && child.localName !== 'complexContent') {
        readContent(this, child, doc, draft);
        continue;
      }
      draft.simpleContent = child.localName === 'simpleContent';
      if (child.hasAttribute('mixed')) t.mixed = child.getAttribute('mixed') === 'true';
      const derivation = elementChildren(child).find((c) => c.localName !== 'annotation');
      if (derivation?.localName !== 'extension' && derivation?.localName !== 'restriction') {
        unsupported(doc, `${child.localName}/${derivation?.localName}`);
      }
      t.derivation = derivation.localName;
      t.base = this.type(this.qname(derivation, 'base', doc));
      for (const c of elementChildren(derivation)) readContent(this, c, doc, draft);
    }
    return t;
  }
}

/** Compiles the vendored SAML XSDs (or the given documents) into validation tables. */
export function compileSchemas(docs: Map<string, Element> = loadSchemaDocuments()): SchemaSet {
  const c = new Compiler(docs);
  for (const key of c.globals.get('element')?.keys() ?? []) c.element(key);
  for (const key of c.globals.get('complexType')?.keys() ?? []) c.type(key);
  for (const key of c.globals.get('simpleType')?.keys() ?? []) c.type(key);
  finalizeTypes(c.drafts, c.anyType);
  const rootNamespaces = new Set([
    'urn:oasis:names:tc:SAML:2.0:protocol',
    'urn:oasis:names:tc:SAML:2.0:assertion',
  ]);
  return { elements: c.elements, types: c.types, rootNamespaces, anyType: c.anyType };
}
