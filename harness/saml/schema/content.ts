import {
  type DocInfo,
  type Draft,
  readSimpleType,
  readWildcard,
  type TypeResolver,
  unsupported,
} from './components.js';
import { elementChildren, resolveQName } from './dom.js';
import { clark, type ElementDecl, type Particle, XS } from './types.js';

/** What reading content needs of the compiler (compile.ts's Compiler), without importing it. */
interface Compiler extends TypeResolver {
  global(kind: 'attribute' | 'attributeGroup' | 'group', key: string): { node: Element; doc: DocInfo };
  element(key: string): ElementDecl;
  declare(node: Element, doc: DocInfo, ns: string, global: boolean): ElementDecl;
  nextAnon(): number;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const occurs = (node: Element, name: string): number => {
  const v = node.getAttribute(name);
  if (!v) return 1;
  return v === 'unbounded' ? Infinity : Number.parseInt(v, 10);
};

/** One child of a complexType / derivation / attributeGroup: a particle, attribute, wildcard or facet. */
export function readContent(c: Compiler, child: Element, doc: DocInfo, draft: Draft): void {
  switch (child.localName) {
    case 'annotation':
      return;
    case 'sequence':
    case 'choice':
    case 'all':
    case 'group':
      draft.particle = readParticle(c, child, doc);
      return;
    case 'attribute':
      readAttribute(c, child, doc, draft);
      return;
    case 'attributeGroup': {
      const group = c.global('attributeGroup', c.qname(child, 'ref', doc));
      for (const g of elementChildren(group.node)) readContent(c, g, group.doc, draft);
      return;
    }
    case 'anyAttribute':
      draft.wildcard = readWildcard(child, doc);
      return;
    case 'enumeration':
      draft.enumeration.push(child.getAttribute('value') ?? '');
      return;
    default:
      unsupported(doc, child.localName);
  }
}

function readAttribute(c: Compiler, node: Element, doc: DocInfo, draft: Draft): void {
  if (node.hasAttribute('fixed')) unsupported(doc, 'attribute/@fixed');
  let [decl, ns, name] = [node, '', node.getAttribute('name') ?? ''];
  if (node.hasAttribute('ref')) {
    const q = resolveQName(node, node.getAttribute('ref') ?? '');
    if (!q) throw new Error(`${doc.file}: unresolvable attribute ref ${node.getAttribute('ref')}`);
    [ns, name] = [q.ns, q.local];
    // xml:lang and friends: xml.xsd is not vendored; they are optional strings.
    if (ns !== XML_NS) decl = c.global('attribute', clark(ns, name)).node;
  } else if ((node.getAttribute('form') || (doc.qualifiedAttributes ? 'qualified' : '')) === 'qualified') {
    ns = doc.tns;
  }
  const key = clark(ns, name);
  const use = node.getAttribute('use') || 'optional';
  if (use === 'prohibited') {
    draft.prohibited.add(key);
    return;
  }
  const inline = elementChildren(decl).find((e) => e.localName === 'simpleType');
  const type = decl.hasAttribute('type')
    ? c.simpleType(c.qname(decl, 'type', doc), doc)
    : inline
      ? readSimpleType(c, inline, doc, `${key}#type${c.nextAnon()}`)
      : c.simpleType(clark(XS, ns === XML_NS ? 'string' : 'anySimpleType'), doc);
  draft.attributes.set(key, { ns, name, type, required: use === 'required' });
}

export function readParticle(c: Compiler, node: Element, doc: DocInfo): Particle {
  const [min, max] = [occurs(node, 'minOccurs'), occurs(node, 'maxOccurs')];
  switch (node.localName) {
    case 'element': {
      if (node.hasAttribute('ref'))
        return { kind: 'element', decl: c.element(c.qname(node, 'ref', doc)), min, max };
      const qualified =
        (node.getAttribute('form') || (doc.qualifiedElements ? 'qualified' : '')) === 'qualified';
      const ns = qualified ? doc.tns : '';
      return { kind: 'element', decl: c.declare(node, doc, ns, false), min, max };
    }
    case 'any':
      return { kind: 'any', wildcard: readWildcard(node, doc), min, max };
    case 'sequence':
    case 'choice':
    case 'all': {
      const items = elementChildren(node).filter((e) => e.localName !== 'annotation');
      return { kind: node.localName, items: items.map((e) => readParticle(c, e, doc)), min, max };
    }
    case 'group': {
      const group = c.global('group', c.qname(node, 'ref', doc));
      const inner = elementChildren(group.node).find((e) => e.localName !== 'annotation');
      if (!inner) unsupported(doc, 'empty group');
      return { ...readParticle(c, inner, group.doc), min, max };
    }
    default:
      return unsupported(doc, node.localName);
  }
}
