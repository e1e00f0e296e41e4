import { SortedKeys } from '../core/sorted-keys.js';

/**
 * A directory's indexes, so the Users API answers in time that does not grow with the org:
 * creation order with each user's position (cursor pages start where the cursor is), the
 * statuses, and the lower-cased login, email and names sorted (eq and prefix by binary search).
 * Lookups return candidates: a superset the caller's own comparison narrows (a `filter` eq is
 * case-sensitive, the index is not), so the index never decides a match alone.
 */
export const INDEXED_FIELDS = ['login', 'email', 'firstName', 'lastName'] as const;
export type IndexedField = (typeof INDEXED_FIELDS)[number];

export function isIndexedField(field: string): field is IndexedField {
  return (INDEXED_FIELDS as readonly string[]).includes(field);
}

/** What the index reads of a user (the directory's U; declared here to keep the import one-way). */
export interface IndexedUser {
  id: string;
  status: string;
  profile: Record<string, unknown>;
}

/** Past this share of the directory, a lookup's users are not worth gathering as candidates. */
const DENSE_SHARE = 1 / 64;

const fold = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : undefined);

export class UserIndex<U extends IndexedUser> {
  /** Creation order; a deleted user leaves a hole so later positions stay valid. */
  readonly #order: (U | undefined)[] = [];
  /** Id → position: the directory's one map of its users (a second id → user map cost ~40 bytes a user). */
  readonly #position = new Map<string, number>();
  readonly #byStatus = new Map<string, Set<string>>();
  readonly #fields: Record<IndexedField, SortedKeys>;

  constructor() {
    const keys = (field: IndexedField) => new SortedKeys((id) => fold(this.user(id)?.profile[field]));
    this.#fields = {
      login: keys('login'),
      email: keys('email'),
      firstName: keys('firstName'),
      lastName: keys('lastName'),
    };
  }

  added(user: U): void {
    this.#position.set(user.id, this.#order.push(user) - 1);
    this.statusChanged(user, undefined);
    this.profileChanged(user, undefined);
  }

  removed(user: U): void {
    const at = this.#position.get(user.id);
    if (at !== undefined) this.#order[at] = undefined;
    this.#position.delete(user.id);
    this.#byStatus.get(user.status)?.delete(user.id);
    for (const field of INDEXED_FIELDS) this.#fields[field].stale();
  }

  statusChanged(user: U, before: string | undefined): void {
    if (before !== undefined) this.#byStatus.get(before)?.delete(user.id);
    const ids = this.#byStatus.get(user.status) ?? new Set<string>();
    this.#byStatus.set(user.status, ids.add(user.id));
  }

  /** Indexes the values that changed (the old entries go stale by themselves). */
  profileChanged(user: U, before: Record<string, unknown> | undefined): void {
    for (const field of INDEXED_FIELDS) {
      const key = fold(user.profile[field]);
      const old = fold(before?.[field]);
      if (key === old) continue;
      if (old !== undefined) this.#fields[field].stale();
      if (key !== undefined) this.#fields[field].add(key, user.id);
    }
  }

  user(id: string): U | undefined {
    const at = this.#position.get(id);
    return at === undefined ? undefined : this.#order[at];
  }

  /** How many users the directory holds. */
  get size(): number {
    return this.#position.size;
  }

  /** Every user in creation order. */
  all(): U[] {
    return this.#order.filter((user) => user !== undefined);
  }

  /** Where the user stands in creation order (sorting candidates back into list order). */
  position(id: string): number | undefined {
    return this.#position.get(id);
  }

  /**
   * Users in creation order (`newestFirst`: the other way) after `after` (all when undefined) that
   * pass `test`: the first `skip` of them passed over, then at most `wanted`. One plain loop that
   * stops when the page is full: serve's world runs V8 with `--optimize-for-size`, where testing
   * 100,000 users read through a generator took ~112 ms against ~24 (docs/decisions/bulk-worlds.md).
   */
  pick(
    test: (user: U) => boolean,
    page: { wanted: number; skip?: number; after?: string; newestFirst?: boolean },
  ): U[] {
    const found: U[] = [];
    let skip = page.skip ?? 0;
    const order = this.#order;
    const step = page.newestFirst ? -1 : 1;
    const after = page.after === undefined ? undefined : (this.#position.get(page.after) ?? order.length);
    let i = after === undefined ? (page.newestFirst ? order.length - 1 : 0) : after + step;
    for (; i >= 0 && i < order.length && found.length < page.wanted; i += step) {
      const user = order[i];
      if (user === undefined || !test(user)) continue;
      if (skip > 0) skip--;
      else found.push(user);
    }
    return found;
  }

  /**
   * The users `matching` finds, or undefined when they are more than DENSE_SHARE of the directory:
   * then reading the list in creation order finds a page of them sooner than gathering, sorting
   * and testing them all (`q=User` among 100,000 took 0.4–0.6 s that way). A prefix is counted
   * before any user is read.
   */
  candidates(field: IndexedField, op: 'eq' | 'sw' | 'co', value: string): U[] | undefined {
    const most = this.size * DENSE_SHARE;
    if (op !== 'co' && this.#fields[field].countPrefix(value.toLowerCase()) > most) return undefined;
    const found = this.matching(field, op, value);
    return found.length > most ? undefined : found;
  }

  /** How many users have this status, without reading them (the console's People counts). */
  countWithStatus(status: string): number {
    return this.#byStatus.get(status)?.size ?? 0;
  }

  /** The users with this status, or undefined when they are more than DENSE_SHARE of the directory. */
  statusCandidates(status: string): U[] | undefined {
    const ids = this.#byStatus.get(status) ?? new Set<string>();
    return ids.size > this.size * DENSE_SHARE ? undefined : this.#users(ids);
  }

  /** Users whose field, lower-cased, equals, starts with or contains `value` (lower-cased here). */
  matching(field: IndexedField, op: 'eq' | 'sw' | 'co', value: string): U[] {
    const keys = this.#fields[field];
    const wanted = value.toLowerCase();
    const ids =
      op === 'eq' ? keys.equal(wanted) : op === 'sw' ? keys.withPrefix(wanted) : keys.containing(wanted);
    return this.#users(ids);
  }

  #users(ids: Iterable<string>): U[] {
    const users: U[] = [];
    for (const id of ids) {
      const user = this.user(id);
      if (user) users.push(user);
    }
    return users;
  }
}
