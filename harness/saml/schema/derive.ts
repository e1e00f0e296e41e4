import { restrictSimple } from './builtins.js';
import type { Draft } from './components.js';
import { matcherStart } from './model.js';
import { type ComplexType, clark, type Particle, type Wildcard } from './types.js';

/**
 * Merges each complex type with its base (extension appends the particle and adds attributes;
 * restriction restates the particle and inherits attributes not prohibited), then builds its matcher.
 */
export function finalizeTypes(drafts: Map<ComplexType, Draft>, anyType: ComplexType): void {
  const done = new Set<ComplexType>();
  const visiting = new Set<ComplexType>();
  const finalize = (t: ComplexType): void => {
    if (done.has(t)) return;
    if (visiting.has(t)) throw new Error(`circular type derivation at ${t.key}`);
    visiting.add(t);
    if (t.base?.kind === 'complex') finalize(t.base);
    const draft = drafts.get(t);
    if (draft) merge(t, draft, anyType);
    const particle = t.content === 'elements' ? t.particle : undefined;
    t.model = { start: matcherStart(particle), repeatable: repeatableNames(particle, false, new Set()) };
    visiting.delete(t);
    done.add(t);
  };
  finalize(anyType);
  for (const t of drafts.keys()) finalize(t);
}

function merge(t: ComplexType, d: Draft, anyType: ComplexType): void {
  const base = t.base;
  const inherited = base?.kind === 'complex' && base !== anyType ? base : undefined;
  const attributes = new Map(inherited?.attributes ?? []);
  for (const key of d.prohibited) attributes.delete(key);
  for (const [key, use] of d.attributes) attributes.set(key, use);
  t.attributes = attributes;
  t.required = [...attributes.values()].filter((use) => use.required);
  t.attributeWildcard =
    t.derivation === 'extension' ? unionWildcards(inherited?.attributeWildcard, d.wildcard) : d.wildcard;
  if (d.simpleContent) {
    const simple = base?.kind === 'simple' ? base : base?.simpleType;
    if (!simple) throw new Error(`${t.key}: simpleContent base ${base?.key} has no simple content`);
    t.content = 'simple';
    t.simpleType =
      d.enumeration.length > 0 ? restrictSimple(`${t.key}#content`, simple, d.enumeration) : simple;
    return;
  }
  t.content = 'elements';
  if (t.derivation !== 'extension' || !inherited) {
    t.particle = d.particle;
    return;
  }
  if (inherited.content === 'simple') throw new Error(`${t.key}: complexContent extension of simple content`);
  if (!d.particle) {
    t.particle = inherited.particle;
    t.mixed = t.mixed || inherited.mixed;
  } else {
    t.particle = inherited.particle
      ? { kind: 'sequence', items: [inherited.particle, d.particle], min: 1, max: 1 }
      : d.particle;
  }
}

/** Attribute wildcard of an extension: the union of base and own (lists merge; anything else widens to any). */
function unionWildcards(a: Wildcard | undefined, b: Wildcard | undefined): Wildcard | undefined {
  if (!a || !b) return a ?? b;
  if (a.mode === 'list' && b.mode === 'list') return { ...b, list: new Set([...a.list, ...b.list]) };
  if (a.mode === 'not' && b.mode === 'not' && a.ns === b.ns) return b;
  return { mode: 'any', ns: '', list: new Set(), process: b.process };
}

/** Names the particle lets occur more than once ('*' for a wildcard): error paths index them. */
function repeatableNames(p: Particle | undefined, many: boolean, out: Set<string>): Set<string> {
  if (!p) return out;
  const rep = many || p.max > 1;
  if (p.kind === 'element') {
    if (rep) out.add(clark(p.decl.ns, p.decl.name));
  } else if (p.kind === 'any') {
    if (rep) out.add('*');
  } else {
    for (const item of p.items) repeatableNames(item, rep, out);
  }
  return out;
}
