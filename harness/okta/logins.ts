/**
 * An org's logins → user ids, by Okta's rules: logins that differ only in case or diacritical
 * marks are the same login, and a user may be named by the short name (the part before the @) as
 * long as no other login shares it. Okta management OpenAPI spec, `UserProfile.login` and the
 * `pathId` parameter ("An ID, login, or login shortname (as long as the shortname is unambiguous)").
 */
export function loginKey(login: string): string {
  return login.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function shortKey(key: string): string | undefined {
  const at = key.lastIndexOf('@');
  return at > 0 ? key.slice(0, at) : undefined;
}

export class LoginIndex {
  readonly #ids = new Map<string, string>();
  /**
   * Short name → the id of the one user whose login starts with it, or the ids of all of them when
   * several do (then it resolves to none); a plain id for the usual single user saves a Set per user.
   */
  readonly #short = new Map<string, string | Set<string>>();

  has(login: string): boolean {
    return this.#ids.has(loginKey(login));
  }

  /** The user with this login, or with this unambiguous short name when it has no @. */
  get(loginOrShortName: string): string | undefined {
    const key = loginKey(loginOrShortName);
    const id = this.#ids.get(key);
    if (id !== undefined || key.includes('@')) return id;
    const ids = this.#short.get(key);
    return typeof ids === 'string' ? ids : undefined;
  }

  set(login: string, id: string): void {
    const key = loginKey(login);
    this.#ids.set(key, id);
    const short = shortKey(key);
    if (short === undefined) return;
    const ids = this.#short.get(short);
    if (ids === undefined || ids === id) this.#short.set(short, id);
    else this.#short.set(short, (typeof ids === 'string' ? new Set([ids]) : ids).add(id));
  }

  delete(login: string, id: string): void {
    const key = loginKey(login);
    this.#ids.delete(key);
    const short = shortKey(key);
    const ids = short === undefined ? undefined : this.#short.get(short);
    if (short === undefined || ids === undefined) return;
    if (ids === id) this.#short.delete(short);
    else if (typeof ids !== 'string' && ids.delete(id) && ids.size === 1)
      this.#short.set(short, [...ids][0] as string);
  }
}
