import { type Filter, parse, Tester } from 'scim2-parse-filter';
import { FedsimError } from '../core/errors.js';
import { filterPredicate, type PredicateRules } from './filter-predicate.js';
import { type ScimUser, USER_SCHEMA, userAttributeNamed } from './resource.js';
import type { ScimUserRecord, ScimUserStore } from './store.js';

/**
 * SCIM filters (RFC 7644 §3.4.2.2) evaluated against User JSON. The library compares strings
 * exactly; RFC 7643 makes most User attributes caseExact=false (userName above all), so
 * comparisons fold case except on the caseExact attributes below.
 */
const CASE_EXACT = new Set(['id', 'externalid', 'meta.resourcetype', 'meta.location']);

/** Attribute paths may carry the core schema URN (`urn:…:User:userName`); the JSON does not. */
function stripCoreUrn(path: string): string {
  const prefix = `${USER_SCHEMA}:`.toLowerCase();
  return path.toLowerCase().startsWith(prefix) ? path.slice(prefix.length) : path;
}

const library = new Tester();

/** How fedsim's User attributes are compared: paths without the core URN, case folded except on CASE_EXACT. */
const RULES: PredicateRules = {
  split: (path) => library.attrPath(stripCoreUrn(path)),
  caseExact: (path) => CASE_EXACT.has(stripCoreUrn(path).toLowerCase()),
};

/**
 * A `filter`: the test a resource passes and the Users an index can name for it, in the store's
 * order (a superset the test narrows: eq on id, userName or externalId, `and` taking the fewest).
 */
export interface ScimFilter {
  test: (resource: unknown) => boolean;
  candidates: (store: ScimUserStore) => ScimUserRecord[] | undefined;
  /** The User attributes the filter reads: a resource with only these is tested as the whole one. */
  attributes: (keyof ScimUser)[];
}

/** The core User attributes a filter names (an extension's, which fedsim does not serve, none). */
function attributesOf(f: Filter): (keyof ScimUser)[] {
  if (f.op === 'and' || f.op === 'or') return f.filters.flatMap(attributesOf);
  if (f.op === 'not') return attributesOf(f.filter);
  if (!('attrPath' in f)) return [];
  const path = stripCoreUrn(f.attrPath);
  if (path.includes(':')) return [];
  const attribute = userAttributeNamed(path.split('.')[0] ?? '');
  return attribute ? [attribute] : [];
}

function candidatesOf(f: Filter, store: ScimUserStore): ScimUserRecord[] | undefined {
  if (f.op === 'and') {
    const known = f.filters.map((term) => candidatesOf(term, store)).filter((c) => c !== undefined);
    return known.sort((a, b) => a.length - b.length)[0];
  }
  if (f.op !== 'eq' || typeof f.compValue !== 'string') return undefined;
  const attr = stripCoreUrn(f.attrPath).toLowerCase();
  const one = (r: ScimUserRecord | undefined) => (r ? [r] : []);
  if (attr === 'username') return one(store.findByUserName(f.compValue));
  if (attr === 'externalid') return store.withExternalId(f.compValue);
  if (attr === 'id') return one(store.find(f.compValue));
  return undefined;
}

/** The `filter` query parameter; undefined when there is none (everything matches). */
export function compileFilter(expression: string | undefined): ScimFilter | undefined {
  if (expression === undefined || expression.trim() === '') return undefined;
  let ast: Filter;
  try {
    ast = parse(expression);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new FedsimError('SCIM_INVALID_FILTER', `Invalid filter ${JSON.stringify(expression)}: ${reason}`, {
      actual: expression,
    });
  }
  return {
    test: filterPredicate(ast, RULES),
    candidates: (store) => candidatesOf(ast, store),
    attributes: [...new Set(attributesOf(ast))],
  };
}
