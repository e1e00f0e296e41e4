import type { Request } from 'express';
import type { OktaUser } from '../directory.js';
import { validationError } from '../errors.js';
import type { UserIndex } from '../user-index.js';
import { allOfQueries, parseUserFilter, type UserQuery } from './filter.js';
import { type AttrContext, isSearchable, sortUsers } from './user-attrs.js';

// The query string of list routes: flags, `filter`/`search`/`q`, and the `limit`/`after` cursor.

const MAX_LIMIT = 200;

export function queryParam(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined || typeof value === 'string') return value;
  throw validationError([`${name}: The parameter must be given once`]);
}

export function booleanParam(req: Request, name: string, fallback: boolean): boolean {
  const value = queryParam(req, name);
  if (value === undefined) return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw validationError([`${name}: The value must be true or false`]);
}

/**
 * How a list answers: its `limit` when none is given and the most it allows, whether it links to
 * a next page, and the query parameters that link repeats (default: the user list's).
 */
export interface PageRules {
  defaultLimit: number;
  maxLimit?: number;
  next: boolean;
  kept?: readonly string[];
}

const LIST_PAGES: PageRules = { defaultLimit: MAX_LIMIT, next: true };

/** Okta caps `limit` (at 200 for most lists) rather than rejecting larger values. */
export function limitParam(req: Request, fallback = MAX_LIMIT, max = MAX_LIMIT): number {
  const value = queryParam(req, 'limit');
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw validationError(['limit: The value must be a positive integer']);
  }
  return Math.min(Number(value), max);
}

// Okta's listUsers `q` (management OpenAPI spec, GET /api/v1/users): a starts-with match on
// firstName, lastName or email — not login —, 10 users unless `limit` says otherwise, no paging.
const Q_FIELDS = ['firstName', 'lastName', 'email'] as const;
const Q_PAGES: PageRules = { defaultLimit: 10, next: false };

/** `q`: a case-insensitive prefix of the first name, last name or email, found by the index. */
function startsWith(q: string, index: UserIndex<OktaUser> | undefined): UserQuery {
  const prefix = q.toLowerCase();
  const test = (u: OktaUser) =>
    Q_FIELDS.some((field) =>
      String(u.profile[field] ?? '')
        .toLowerCase()
        .startsWith(prefix),
    );
  const found = index ? Q_FIELDS.map((field) => index.candidates(field, 'sw', q)) : [];
  if (!index || found.some((users) => users === undefined)) return { test };
  return { test, candidates: [...new Set(found.flat() as OktaUser[])] };
}

/**
 * What `GET /users` returns for `filter`, `search` and `q`, in creation order. Only the plain list
 * and `q` omit DEPROVISIONED users; `filter` and `search` return them (Okta's listUsers parameters,
 * management OpenAPI spec `/api/v1/users` GET). With the directory's index, the candidates too.
 */
export function listQuery(req: Request, ctx: AttrContext, index?: UserIndex<OktaUser>): UserQuery {
  const terms: UserQuery[] = [];
  for (const mode of ['filter', 'search'] as const) {
    const expr = queryParam(req, mode);
    if (expr !== undefined) terms.push(parseUserFilter(expr, mode, ctx, index));
  }
  const q = queryParam(req, 'q');
  if (q !== undefined) terms.push(startsWith(q, index));
  if (terms.length === 0 || q !== undefined) terms.push({ test: (u) => u.status !== 'DEPROVISIONED' });
  return allOfQueries(terms);
}

/**
 * `sortBy` (any single searchable property) and `sortOrder` (`asc` by default) order a `search`'s
 * users; without `search` or `sortBy` they stay in creation order (the spec: "for search queries
 * only", sortOrder "is ignored if sortBy isn't present").
 */
export function sortedUsers(req: Request, users: OktaUser[], ctx: AttrContext): OktaUser[] {
  const sortBy = queryParam(req, 'sortBy');
  if (sortBy === undefined || queryParam(req, 'search') === undefined) return users;
  if (!isSearchable(sortBy))
    throw validationError([`sortBy: ${sortBy} is not a property users can be sorted by`]);
  const order = queryParam(req, 'sortOrder') ?? 'asc';
  if (order !== 'asc' && order !== 'desc')
    throw validationError(['sortOrder: The value must be asc or desc']);
  return sortUsers(users, sortBy, order === 'desc', ctx);
}

/** `q` answers one page of 10 by default; every other user list pages by 200. */
export function userPages(req: Request): PageRules {
  return queryParam(req, 'q') === undefined ? LIST_PAGES : Q_PAGES;
}

/** An item's id, what a cursor names: its `id`, or (app users) the user's. */
type IdOf<T> = (item: T) => string;
const ownId = <T>(item: T) => (item as { id: string }).id;

/** Items after the cursor: `after` is the id of the previous page's last item (a user, a group…). */
export function afterCursor<T>(
  items: T[],
  after: string | undefined,
  kind = 'user',
  idOf: IdOf<T> = ownId,
): T[] {
  if (after === undefined) return items;
  const index = items.findIndex((item) => idOf(item) === after);
  if (index < 0) throw unknownCursor(after, kind);
  return items.slice(index + 1);
}

/** The first `wanted` items that pass `test`, in order: a page (and one more) without testing the rest. */
export function firstMatches<T>(items: readonly T[], test: (item: T) => boolean, wanted: number): T[] {
  const found: T[] = [];
  for (const item of items) {
    if (found.length === wanted) break;
    if (test(item)) found.push(item);
  }
  return found;
}

export function unknownCursor(after: string, kind = 'user') {
  return validationError([
    `after: No ${kind} with id ${after}, expected the id of the previous page's last ${kind}`,
  ]);
}

const USER_LIST_PARAMS = ['filter', 'search', 'q', 'sortBy', 'sortOrder'];

/**
 * `rel="self"`, and `rel="next"` (same query, cursor moved) while more items remain; `kept`: the
 * query parameters the next page repeats (default: the user list's).
 */
export function pageLinks(
  req: Request,
  origin: string,
  limit: number,
  nextAfter: string | undefined,
  kept: readonly string[] = USER_LIST_PARAMS,
): string[] {
  const links = [`<${origin}${req.originalUrl}>; rel="self"`];
  if (nextAfter === undefined) return links;
  const params = new URLSearchParams();
  for (const name of kept) {
    const value = queryParam(req, name);
    if (value !== undefined) params.set(name, value);
  }
  params.set('after', nextAfter);
  params.set('limit', String(limit));
  // Okta encodes spaces as %20; URLSearchParams already turned any literal '+' into %2B.
  const query = params.toString().replaceAll('+', '%20');
  links.push(`<${origin}${req.baseUrl}${req.path}?${query}>; rel="next"`);
  return links;
}

/** The page size a request asks for under a list's rules (its default, capped at its maximum). */
export function pageLimit(req: Request, rules: PageRules = LIST_PAGES): number {
  return limitParam(req, rules.defaultLimit, rules.maxLimit);
}

/** One page of `matching` (items already past the cursor) and the Link header values for it. */
export function cursorPage<T>(
  req: Request,
  matching: T[],
  origin: string,
  rules: PageRules = LIST_PAGES,
  idOf: IdOf<T> = ownId,
): { page: T[]; links: string[] } {
  const limit = pageLimit(req, rules);
  const page = matching.slice(0, limit);
  const last = page.at(-1);
  const nextAfter =
    rules.next && matching.length > page.length && last !== undefined ? idOf(last) : undefined;
  return { page, links: pageLinks(req, origin, limit, nextAfter, rules.kept) };
}
