import { KeyedIds } from '../core/keyed-ids.js';

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
  /** Short name → the ids of the users whose login starts with it (it names a user when just one does). */
  readonly #short = new KeyedIds();

  has(login: string): boolean {
    return this.#ids.has(loginKey(login));
  }

  /** The user with this login, or with this unambiguous short name when it has no @. */
  get(loginOrShortName: string): string | undefined {
    const key = loginKey(loginOrShortName);
    const id = this.#ids.get(key);
    if (id !== undefined || key.includes('@')) return id;
    return this.#short.only(key);
  }

  set(login: string, id: string): void {
    const key = loginKey(login);
    this.#ids.set(key, id);
    const short = shortKey(key);
    if (short !== undefined) this.#short.add(short, id);
  }

  delete(login: string, id: string): void {
    const key = loginKey(login);
    this.#ids.delete(key);
    const short = shortKey(key);
    if (short !== undefined) this.#short.delete(short, id);
  }
}
