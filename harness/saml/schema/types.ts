/** The compiled schema model: plain tables built once per process from the XSDs. */

export const XS = 'http://www.w3.org/2001/XMLSchema';
export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
export const XMLNS = 'http://www.w3.org/2000/xmlns/';

/** Clark notation, `{ns}local` (`{}local` for no namespace): the key of every name table. */
export const clark = (ns: string, local: string): string => `{${ns}}${local}`;

export interface SimpleType {
  kind: 'simple';
  key: string;
  base: SimpleType | undefined;
  /** Whether values of this type are document-unique IDs (xs:ID and types derived from it). */
  isId: boolean;
  /** Returns a problem description, or undefined when the lexical value is valid. */
  check(value: string): string | undefined;
}

export type ProcessContents = 'strict' | 'lax' | 'skip';

export interface Wildcard {
  /** `any`: every namespace; `not`: any namespace but `ns` and no-namespace (##other); `list`: these only. */
  mode: 'any' | 'not' | 'list';
  ns: string;
  list: ReadonlySet<string>;
  process: ProcessContents;
}

export interface ElementDecl {
  ns: string;
  name: string;
  key: string;
  type: TypeDef;
  nillable: boolean;
  abstract: boolean;
}

export interface AttributeUse {
  ns: string;
  name: string;
  type: SimpleType;
  required: boolean;
}

export type Particle =
  | { kind: 'element'; decl: ElementDecl; min: number; max: number }
  | { kind: 'any'; wildcard: Wildcard; min: number; max: number }
  | { kind: 'sequence' | 'choice' | 'all'; items: Particle[]; min: number; max: number };

export type Term = { kind: 'element'; decl: ElementDecl } | { kind: 'any'; wildcard: Wildcard };

export type Step = { term: Term; next: MatchState } | undefined;

/** One state of a content-model matcher (a lazily built DFA state, or an `all` group's progress). */
export interface MatchState {
  readonly accepting: boolean;
  step(ns: string, local: string): Step;
  expected(): string[];
}

export interface ContentModel {
  start: MatchState;
  /** Names that may occur more than once (shown with an index in error paths). */
  repeatable: ReadonlySet<string>;
}

export interface ComplexType {
  kind: 'complex';
  key: string;
  abstract: boolean;
  base: TypeDef | undefined;
  derivation: 'extension' | 'restriction' | undefined;
  /** Effective content, filled in by `finalize`: child elements (+ text if mixed), or text of `simpleType`. */
  content: 'elements' | 'simple';
  mixed: boolean;
  particle: Particle | undefined;
  simpleType: SimpleType | undefined;
  model: ContentModel | undefined;
  attributes: Map<string, AttributeUse>;
  /** The `use="required"` entries of `attributes`. */
  required: AttributeUse[];
  attributeWildcard: Wildcard | undefined;
}

export type TypeDef = SimpleType | ComplexType;

export interface SchemaSet {
  elements: Map<string, ElementDecl>;
  types: Map<string, TypeDef>;
  /** Target namespaces whose global elements may be a message root. */
  rootNamespaces: ReadonlySet<string>;
  anyType: ComplexType;
}

export function wildcardAllows(w: Wildcard, ns: string): boolean {
  if (w.mode === 'any') return true;
  if (w.mode === 'not') return ns !== w.ns && ns !== '';
  return w.list.has(ns);
}

export function describeWildcard(w: Wildcard): string {
  if (w.mode === 'any') return 'any element';
  if (w.mode === 'not') return `any element not in {${w.ns}}`;
  return `any element in ${[...w.list].map((n) => `{${n}}`).join(' or ')}`;
}

export const termMatches = (t: Term, ns: string, local: string): boolean =>
  t.kind === 'element' ? t.decl.name === local && t.decl.ns === ns : wildcardAllows(t.wildcard, ns);

/** `{ns}local` for a namespaced name, the bare local name for an unqualified one. */
export const label = (ns: string, local: string): string => (ns === '' ? local : clark(ns, local));

export const termLabel = (t: Term): string =>
  t.kind === 'element' ? label(t.decl.ns, t.decl.name) : describeWildcard(t.wildcard);

export function derivesFrom(type: TypeDef, ancestor: TypeDef, anyType: ComplexType): boolean {
  if (ancestor === anyType) return true;
  for (let t: TypeDef | undefined = type; t; t = t.base) if (t === ancestor) return true;
  return false;
}
