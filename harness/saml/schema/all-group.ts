import { type MatchState, type Particle, type Step, type Term, termLabel, termMatches } from './types.js';

/** Progress through an xs:all group: a bitmask of the members seen so far. */
class AllState implements MatchState {
  readonly accepting: boolean;

  constructor(
    private readonly items: { term: Term & { kind: 'element' }; min: number }[],
    private readonly mask: number,
    private readonly states: Map<number, AllState>,
    optional: boolean,
  ) {
    const done = items.every((it, i) => it.min === 0 || (mask & (1 << i)) !== 0);
    this.accepting = done || (optional && mask === 0);
  }

  step(ns: string, local: string): Step {
    const i = this.items.findIndex(
      (it, j) => (this.mask & (1 << j)) === 0 && termMatches(it.term, ns, local),
    );
    const item = this.items[i];
    if (!item) return undefined;
    const mask = this.mask | (1 << i);
    let next = this.states.get(mask);
    if (!next) {
      next = new AllState(this.items, mask, this.states, false);
      this.states.set(mask, next);
    }
    return { term: item.term, next };
  }

  expected(): string[] {
    return this.items.filter((_, i) => (this.mask & (1 << i)) === 0).map((it) => termLabel(it.term));
  }
}

/** The start of an xs:all group (XSD 1.0: element members, each at most once, in any order). */
export function allStart(particle: Particle): MatchState {
  if (particle.kind !== 'all') throw new Error('not an xs:all group');
  const items = particle.items.map((it) => {
    if (it.kind !== 'element' || it.max > 1)
      throw new Error('xs:all members must be elements with maxOccurs ≤ 1');
    return { term: { kind: 'element' as const, decl: it.decl }, min: it.min };
  });
  if (items.length > 30) throw new Error('xs:all with more than 30 members');
  return new AllState(items, 0, new Map(), particle.min === 0);
}
