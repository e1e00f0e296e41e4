import type { Filter } from 'scim2-parse-filter';

/**
 * A parsed SCIM filter turned into one function, decided once per filter: what
 * scim2-parse-filter's `Tester` does for each resource (paths split, attribute names matched
 * case-insensitively, multi-valued attributes tested item by item, comparisons as it defines
 * them), without its per-resource closures, key lists and path copies. A team of 100,000 is
 * tested member by member; in serve's compact heap (`--optimize-for-size`) the library's
 * evaluation never got optimised and took ~230 ms for `active eq true` (docs/decisions/bulk-worlds.md).
 */
export type Predicate = (resource: unknown) => boolean;

type Value = boolean | null | number | string;
type Compare = (r: unknown, v: Value) => boolean;

/** The library's comparisons (tester.js), as it defines them for any JSON value. */
const COMPARE: Record<string, Compare> = {
  eq: (r, v) => r === v,
  ne: (r, v) => r !== v,
  // JavaScript's ordering of whatever the two are (ISO dates compare as strings), as the library's.
  gt: (r, v) => v !== null && (r as string) > (v as string),
  lt: (r, v) => v !== null && (r as string) < (v as string),
  ge: (r, v) => v !== null && (r as string) >= (v as string),
  le: (r, v) => v !== null && (r as string) <= (v as string),
  // An attribute present but unset (a member without externalId) matches no string test; the
  // library threw reading its toString, which the server answered with a 500.
  sw: (r, v) => v !== null && r != null && String(r).startsWith(String(v)),
  ew: (r, v) => v !== null && r != null && String(r).endsWith(String(v)),
  co: (r, v) => {
    // biome-ignore lint/suspicious/noDoubleEquals: the library's loose equality (`co null` matches an unset attribute)
    if (typeof r === 'object' || v === null) return r == v;
    return r !== undefined && String(r).includes(String(v));
  },
};

export interface PredicateRules {
  /** An attribute path as the library splits it (after any rewriting, e.g. a schema URN removed). */
  split(path: string): string[];
  /** Whether a comparison on this path keeps case (RFC 7643 caseExact); the others fold it. */
  caseExact(path: string): boolean;
}

const fold = (value: unknown): unknown => (typeof value === 'string' ? value.toLowerCase() : value);

/** The key of `object` that is `lower` case aside: the one seen last when it is there, else a search. */
function keyFinder(lower: string): (object: object) => string | undefined {
  let seen: string | undefined;
  return (object) => {
    if (seen !== undefined && Object.hasOwn(object, seen)) return seen;
    seen = Object.keys(object).find((k) => k.toLowerCase() === lower);
    return seen;
  };
}

/** `test` applied to the value at `path` (the library's attrTest): arrays pass when one item does. */
function atPath(segments: string[], test: Predicate): Predicate {
  const keys = segments.map((s) => keyFinder(s.toLowerCase()));
  const from = (i: number, r: unknown): boolean => {
    if (i === keys.length) return test(r);
    if (typeof r !== 'object' || r === null) return false;
    if (Array.isArray(r)) return r.some((item) => from(i, item));
    const key = (keys[i] as (o: object) => string | undefined)(r);
    return key !== undefined && from(i + 1, (r as Record<string, unknown>)[key]);
  };
  return (r) => from(0, r);
}

export function filterPredicate(f: Filter, rules: PredicateRules): Predicate {
  switch (f.op) {
    case 'or': {
      const terms = f.filters.map((t) => filterPredicate(t, rules));
      return (r) => terms.some((t) => t(r));
    }
    case 'and': {
      const terms = f.filters.map((t) => filterPredicate(t, rules));
      return (r) => terms.every((t) => t(r));
    }
    case 'not': {
      const inner = filterPredicate(f.filter, rules);
      return (r) => !inner(r);
    }
    case '[]':
      return atPath(rules.split(f.attrPath), filterPredicate(f.valFilter, rules));
    case 'pr':
      return atPath(rules.split(f.attrPath), (s) => s !== undefined);
    default: {
      const compare = COMPARE[f.op];
      if (!compare) return () => false;
      const exact = rules.caseExact(f.attrPath);
      const value = (exact ? f.compValue : fold(f.compValue)) as Value;
      return atPath(
        rules.split(f.attrPath),
        exact ? (s) => compare(s, value) : (s) => compare(fold(s), value),
      );
    }
  }
}
