/**
 * Key → ids, holding a plain id while a key has just one (the usual case: a Set for every key of
 * a directory of 100,000 users costs ~150 bytes each). Ids under a key keep the order they came in.
 */
export class KeyedIds {
  readonly #map = new Map<string, string | Set<string>>();

  add(key: string, id: string): void {
    const ids = this.#map.get(key);
    if (ids === undefined || ids === id) this.#map.set(key, id);
    else this.#map.set(key, (typeof ids === 'string' ? new Set([ids]) : ids).add(id));
  }

  delete(key: string, id: string): void {
    const ids = this.#map.get(key);
    if (ids === id) this.#map.delete(key);
    else if (typeof ids !== 'string' && ids?.delete(id) && ids.size === 1)
      this.#map.set(key, [...ids][0] as string);
  }

  /** Every id under the key. */
  get(key: string): string[] {
    const ids = this.#map.get(key);
    return ids === undefined ? [] : typeof ids === 'string' ? [ids] : [...ids];
  }

  /** The id under the key when it is the only one. */
  only(key: string): string | undefined {
    const ids = this.#map.get(key);
    return typeof ids === 'string' ? ids : undefined;
  }
}
