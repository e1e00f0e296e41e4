import type { OktaUser } from '../directory.js';

/**
 * The user attributes `filter`, `search` and `sortBy` name, as Okta's listUsers parameters list
 * them (management OpenAPI spec, GET /api/v1/users): any `profile.*` attribute, the top-level
 * `id`, `status`, `type.id` and dates.
 */
export interface AttrContext {
  /** The org's user type id, the `type.id` of every user. */
  typeId: string;
}

export const DATE_ATTRS = new Set(['created', 'activated', 'statusChanged', 'lastUpdated']);
const TOP_LEVEL = new Set(['id', 'status', 'type.id', ...DATE_ATTRS]);

type DateAttr = 'created' | 'activated' | 'statusChanged' | 'lastUpdated';

export function isSearchable(attr: string): boolean {
  return TOP_LEVEL.has(attr) || (attr.startsWith('profile.') && attr.length > 'profile.'.length);
}

/** A date as epoch milliseconds, null when unset; anything else as stored. */
export function userAttribute(user: OktaUser, attr: string, ctx: AttrContext): unknown {
  if (attr.startsWith('profile.')) return user.profile[attr.slice('profile.'.length)];
  if (attr === 'type.id') return ctx.typeId;
  if (attr === 'id' || attr === 'status') return user[attr];
  return user[attr as DateAttr]?.getTime() ?? null;
}

/** Present, as `pr` means it: neither missing, null, empty nor an empty array. */
export function isPresent(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null && value !== '';
}

/** `sortBy`/`sortOrder`: missing values last, ties by id (the spec's rule for sortBy). */
export function sortUsers(
  users: OktaUser[],
  attr: string,
  descending: boolean,
  ctx: AttrContext,
): OktaUser[] {
  const key = (u: OktaUser) => {
    const value = userAttribute(u, attr, ctx);
    if (!isPresent(value)) return undefined;
    return typeof value === 'number' ? value : String(value).toLowerCase();
  };
  const keyed = users.map((user) => ({ user, key: key(user) }));
  keyed.sort((a, b) => {
    if (a.key === undefined || b.key === undefined) {
      if (a.key !== b.key) return a.key === undefined ? 1 : -1;
    } else if (a.key !== b.key) {
      return (a.key < b.key ? -1 : 1) * (descending ? -1 : 1);
    }
    return a.user.id < b.user.id ? -1 : 1;
  });
  return keyed.map((k) => k.user);
}
