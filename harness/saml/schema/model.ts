import { allStart } from './all-group.js';
import { type MatchState, type Particle, type Step, type Term, termLabel, termMatches } from './types.js';

/** Largest finite minOccurs/maxOccurs expanded into NFA copies (the SAML XSDs use 0, 1, unbounded). */
const MAX_EXPANSION = 100;
/** Distinct child names cached per DFA state; beyond this (hostile input) transitions are recomputed. */
const MAX_CACHED = 64;

interface NfaState {
  eps: number[];
  edges: { term: Term; to: number }[];
}

/** Thompson NFA of a particle, determinised lazily: each DFA state caches its transitions per child name. */
class Nfa {
  readonly states: NfaState[] = [];
  readonly dfa = new Map<string, DfaState>();
  private readonly terms = new WeakMap<Particle, Term>();
  final = 0;

  add(): number {
    this.states.push({ eps: [], edges: [] });
    return this.states.length - 1;
  }

  private link(from: number, to: number): void {
    this.states[from]?.eps.push(to);
  }

  private once(p: Particle): [number, number] {
    if (p.kind === 'element' || p.kind === 'any') {
      let term = this.terms.get(p);
      if (!term) {
        term =
          p.kind === 'element' ? { kind: 'element', decl: p.decl } : { kind: 'any', wildcard: p.wildcard };
        this.terms.set(p, term);
      }
      const [s, e] = [this.add(), this.add()];
      this.states[s]?.edges.push({ term, to: e });
      return [s, e];
    }
    if (p.kind === 'all') throw new Error('xs:all is only supported as the whole content of a complex type');
    const s = this.add();
    if (p.kind === 'sequence') {
      let cur = s;
      for (const item of p.items) {
        const [a, b] = this.repeat(item);
        this.link(cur, a);
        cur = b;
      }
      return [s, cur];
    }
    const e = this.add();
    for (const item of p.items) {
      const [a, b] = this.repeat(item);
      this.link(s, a);
      this.link(b, e);
    }
    return [s, e];
  }

  repeat(p: Particle): [number, number] {
    if (p.min > MAX_EXPANSION || (p.max !== Infinity && p.max > MAX_EXPANSION)) {
      throw new Error(`occurrence bounds ${p.min}..${p.max} too large to expand`);
    }
    const s = this.add();
    let cur = s;
    for (let i = 0; i < p.min; i++) {
      const [a, b] = this.once(p);
      this.link(cur, a);
      cur = b;
    }
    if (p.max === Infinity) {
      const loop = this.add();
      const [a, b] = this.once(p);
      this.link(cur, loop);
      this.link(loop, a);
      this.link(b, loop);
      return [s, loop];
    }
    for (let i = p.min; i < p.max; i++) {
      const [a, b] = this.once(p);
      const next = this.add();
      this.link(cur, a);
      this.link(cur, next);
      this.link(b, next);
      cur = next;
    }
    return [s, cur];
  }

  state(seeds: Iterable<number>): DfaState {
    const closed = new Set<number>();
    const stack = [...seeds];
    while (stack.length > 0) {
      const s = stack.pop() as number;
      if (closed.has(s)) continue;
      closed.add(s);
      for (const t of this.states[s]?.eps ?? []) stack.push(t);
    }
    const set = [...closed].sort((a, b) => a - b);
    const key = set.join(',');
    let state = this.dfa.get(key);
    if (!state) {
      state = new DfaState(this, set);
      this.dfa.set(key, state);
    }
    return state;
  }
}

class DfaState implements MatchState {
  readonly accepting: boolean;
  /** namespace → local name → transition (null: no transition), filled on first sight of a name. */
  private readonly cache = new Map<string, Map<string, Step | null>>();
  private cached = 0;
  private labels: string[] | undefined;

  constructor(
    private readonly nfa: Nfa,
    private readonly set: number[],
  ) {
    this.accepting = set.includes(nfa.final);
  }

  step(ns: string, local: string): Step {
    const hit = this.cache.get(ns)?.get(local);
    if (hit !== undefined) return hit ?? undefined;
    const result = this.compute(ns, local);
    if (this.cached < MAX_CACHED) {
      this.cached++;
      const byLocal = this.cache.get(ns) ?? new Map<string, Step | null>();
      this.cache.set(ns, byLocal.set(local, result ?? null));
    }
    return result;
  }

  private compute(ns: string, local: string): Step {
    let term: Term | undefined;
    let targets: number[] = [];
    for (const s of this.set) {
      for (const edge of this.nfa.states[s]?.edges ?? []) {
        if (!termMatches(edge.term, ns, local)) continue;
        // An element declaration wins over a wildcard (the XSDs obey UPA, so this never arbitrates).
        if (!term || (term.kind === 'any' && edge.term.kind === 'element')) {
          if (term?.kind === 'any') targets = [];
          term = edge.term;
        }
        if (edge.term.kind === term.kind) targets.push(edge.to);
      }
    }
    return term ? { term, next: this.nfa.state(targets) } : undefined;
  }

  expected(): string[] {
    this.labels ??= [
      ...new Set(this.set.flatMap((s) => (this.nfa.states[s]?.edges ?? []).map((e) => termLabel(e.term)))),
    ];
    return this.labels;
  }
}

/** Compiles a content model (undefined = empty content) into its matcher's start state. */
export function matcherStart(particle: Particle | undefined): MatchState {
  if (particle?.kind === 'all') return allStart(particle);
  const nfa = new Nfa();
  if (!particle) {
    nfa.final = nfa.add();
    return nfa.state([nfa.final]);
  }
  const [start, end] = nfa.repeat(particle);
  nfa.final = end;
  return nfa.state([start]);
}
