import { checkAttributes, type Reporter, xsiAttributes } from './attributes.js';
import { nsOf, resolveQName } from './dom.js';
import { isNcName } from './lexical.js';
import { clip, type PathNode, renderPath } from './path.js';
import {
  type ComplexType,
  clark,
  derivesFrom,
  type ElementDecl,
  label,
  type SchemaSet,
  type SimpleType,
  type TypeDef,
  type Wildcard,
  XSI,
} from './types.js';

export interface SchemaError {
  path: string;
  message: string;
}

/** Errors reported per message; a hostile document cannot make the walk build an unbounded list. */
const MAX_ERRORS = 25;
/** SAML messages nest about a dozen levels; deeper (lax content) is refused rather than recursed into. */
const MAX_DEPTH = 64;

const isText = (n: Node) => n.nodeType === 3 || n.nodeType === 4;

/** One validation pass over a DOM: each element against its declaration, content through its matcher. */
export class Walk implements Reporter {
  readonly errors: SchemaError[] = [];
  private readonly ids = new Set<string>();

  constructor(private readonly s: SchemaSet) {}

  report(path: PathNode, message: string, attribute?: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ path: renderPath(path, attribute), message });
  }

  id(value: string, path: PathNode, attribute?: string): void {
    if (this.ids.has(value))
      this.report(path, `Duplicate ID "${clip(value)}": IDs must be unique`, attribute);
    this.ids.add(value);
  }

  element(el: Element, decl: ElementDecl, path: PathNode): void {
    if (this.errors.length >= MAX_ERRORS) return;
    const name = label(decl.ns, decl.name);
    if (decl.abstract) {
      this.report(path, `${name} is declared abstract and cannot appear in a message`);
      return;
    }
    if (path.depth > MAX_DEPTH) {
      this.report(path, `${name} is nested deeper than ${MAX_DEPTH} levels`);
      return;
    }
    const [xsiType, nil] = xsiAttributes(el);
    const type = xsiType ? this.xsiType(xsiType.value, el, decl.type, name) : decl.type;
    if (typeof type === 'string') {
      this.report(path, type);
      return;
    }
    if (type.kind === 'complex' && type.abstract) {
      this.report(path, `${name} has abstract type ${type.key}: xsi:type must name a concrete derived type`);
      return;
    }
    if (nil && !decl.nillable) this.report(path, `${name} is not nillable, but carries xsi:nil`);
    checkAttributes(this, el, type, name, path);
    if (nil && ['true', '1'].includes(nil.value.trim())) {
      for (let n = el.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 1 || (isText(n) && n.nodeValue !== '')) {
          this.report(path, `${name} has xsi:nil="true" and must be empty`);
          return;
        }
      }
    } else if (type.kind === 'simple') {
      this.text(el, type, name, path);
    } else if (type.content === 'simple' && type.simpleType) {
      this.text(el, type.simpleType, name, path);
    } else {
      this.children(el, type, name, path);
    }
  }

  /** The type named by xsi:type, or why it cannot replace the declared type. */
  private xsiType(value: string, el: Element, declared: TypeDef, name: string): TypeDef | string {
    const q = resolveQName(el, value);
    const found = q && isNcName(q.local) ? this.s.types.get(clark(q.ns, q.local)) : undefined;
    if (!found) return `xsi:type "${clip(value)}" on ${name} is not a known type`;
    if (!derivesFrom(found, declared, this.s.anyType)) {
      return `xsi:type ${found.key} on ${name} is not derived from its declared type ${declared.key}`;
    }
    return found;
  }

  private text(el: Element, type: SimpleType, name: string, path: PathNode): void {
    let value = '';
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (isText(n)) value += n.nodeValue ?? '';
      else if (n.nodeType === 1) {
        const child = (n as Element).localName;
        this.report(path, `${name} has simple content; child element ${child} not allowed`);
        return;
      }
    }
    const problem = type.check(value);
    if (problem) this.report(path, `Value of ${name} "${clip(value.trim())}" is ${problem}`);
    else if (type.isId) this.id(value.trim(), path);
  }

  private children(el: Element, type: ComplexType, name: string, path: PathNode): void {
    const model = type.model;
    if (!model) throw new Error(`schema type ${type.key} was not finalised`);
    let state = model.start;
    let textReported = type.mixed;
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (isText(n)) {
        const text = n.nodeValue ?? '';
        if (!textReported && /\S/.test(text)) {
          textReported = true;
          this.report(path, `${name} has element-only content; text "${clip(text.trim())}" not allowed`);
        }
        continue;
      }
      if (n.nodeType !== 1) continue;
      const child = n as Element;
      const [ns, local] = [nsOf(child), child.localName];
      const step = state.step(ns, local);
      if (!step) {
        const expected = state.expected();
        const hint =
          expected.length > 0 ? `expected one of ${expected.join(', ')}` : 'no more elements allowed';
        const at = {
          parent: path,
          el: child,
          repeatable: model.repeatable.has(clark(ns, local)),
          depth: path.depth + 1,
        };
        this.report(at, `Element ${label(ns, local)} not expected; ${hint}`);
        return;
      }
      state = step.next;
      const term = step.term;
      const at = {
        parent: path,
        el: child,
        repeatable: model.repeatable.has(term.kind === 'element' ? term.decl.key : '*'),
        depth: path.depth + 1,
      };
      if (term.kind === 'element') this.element(child, term.decl, at);
      else this.wildcard(child, term.wildcard, at);
    }
    if (!state.accepting) {
      this.report(path, `Element ${name} is incomplete; expected one of ${state.expected().join(', ')}`);
    }
  }

  private wildcard(el: Element, wildcard: Wildcard, path: PathNode): void {
    if (wildcard.process === 'skip') return;
    const [ns, local] = [nsOf(el), el.localName];
    const decl = this.s.elements.get(clark(ns, local));
    if (decl) {
      this.element(el, decl, path);
    } else if (wildcard.process === 'strict' && !el.hasAttributeNS(XSI, 'type')) {
      this.report(path, `No declaration for ${label(ns, local)}, required by a strict wildcard`);
    } else {
      // Undeclared under lax: any attributes; children assessed where a declaration exists (anyType).
      const anyDecl = { ns, name: local, key: clark(ns, local), nillable: true, abstract: false };
      this.element(el, { ...anyDecl, type: this.s.anyType }, path);
    }
  }
}
