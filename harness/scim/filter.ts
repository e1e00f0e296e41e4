import { type Filter, parse, Tester } from 'scim2-parse-filter';
import { FedsimError } from '../core/errors.js';
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

/** Attribute paths split once per path, not once per User tested (the library splits on every test). */
const splitPaths = new Map<string, string[]>();

class CoreTester extends Tester {
  override attrPath(path: string): string[] {
    let split = splitPaths.get(path);
    if (!split) {
      split = super.attrPath(stripCoreUrn(path));
      if (splitPaths.size < 1000) splitPaths.set(path, split);
    }
    return split;
  }
}

const exact = new CoreTester();

function fold<T>(value: T): T {
  return (typeof value === 'string' ? value.toLowerCase() : value) as T;
}

type CompValue = Parameters<Tester['eq']>[1];

/** Whether a comparison is on a caseExact attribute: decided once per filter node, not per User. */
const caseExact = new WeakMap<Filter, boolean>();

function isCaseExact(f: Filter): boolean {
  let exactly = caseExact.get(f);
  if (exactly === undefined) {
    exactly = f.op !== '[]' && 'attrPath' in f && CASE_EXACT.has(stripCoreUrn(f.attrPath).toLowerCase());
    caseExact.set(f, exactly);
  }
  return exactly;
}

class CaseFoldingTester extends CoreTester {
  override test(resource: unknown, f: Filter): boolean {
    return isCaseExact(f) ? exact.test(resource, f) : super.test(resource, f);
  }
  override eq(r: unknown, v: CompValue): boolean {
    return super.eq(fold(r), fold(v));
  }
  override ne(r: unknown, v: CompValue): boolean {
    return super.ne(fold(r), fold(v));
  }
  override co(r: unknown, v: CompValue): boolean {
    return super.co(fold(r), fold(v));
  }
  override sw(r: unknown, v: CompValue): boolean {
    return super.sw(fold(r), fold(v));
  }
  override ew(r: unknown, v: CompValue): boolean {
    return super.ew(fold(r), fold(v));
  }
  override gt(r: unknown, v: CompValue): boolean {
    return super.gt(fold(r), fold(v));
  }
  override lt(r: unknown, v: CompValue): boolean {
    return super.lt(fold(r), fold(v));
  }
  override ge(r: unknown, v: CompValue): boolean {
    return super.ge(fold(r), fold(v));
  }
  override le(r: unknown, v: CompValue): boolean {
    return super.le(fold(r), fold(v));
  }
}

const folding = new CaseFoldingTester();

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
    test: (resource) => folding.test(resource, ast),
    candidates: (store) => candidatesOf(ast, store),
    attributes: [...new Set(attributesOf(ast))],
  };
}
