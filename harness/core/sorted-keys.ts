/**
 * String keys → ids, kept sorted so that equality and prefix lookups are a binary search plus the
 * matches (not a scan). Writes go to an unsorted buffer; a read first merges it when it holds more
 * than MERGE_AT entries (so a read scans at most that many unsorted ones), and a write merges it
 * once it outgrows the sorted part (so building N keys costs O(N log N), not a merge per write).
 * Entries are never removed in place: `current(id)` says which key an id has now, entries that
 * disagree (the value changed, the id is gone) are skipped on read, and dropped by a merge once
 * `stale` says they are a quarter of the index.
 */
/** Keys and their ids side by side: two flat arrays, not an object per entry (48 bytes → 16). */
interface Entries {
  keys: string[];
  ids: string[];
}

const MERGE_AT = 1024;

const empty = (): Entries => ({ keys: [], ids: [] });

/** The entries sorted by key (stable: equal keys keep their order). */
function sorted({ keys, ids }: Entries): Entries {
  const order = keys.map((_, i) => i);
  order.sort((a, b) => {
    const [x, y] = [keys[a] as string, keys[b] as string];
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  return { keys: order.map((i) => keys[i] as string), ids: order.map((i) => ids[i] as string) };
}

export class SortedKeys {
  #sorted = empty();
  #recent = empty();
  #stale = 0;

  constructor(private readonly current: (id: string) => string | undefined) {}

  add(key: string, id: string): void {
    this.#recent.keys.push(key);
    this.#recent.ids.push(id);
    if (this.#recent.keys.length > Math.max(MERGE_AT, this.#sorted.keys.length)) this.#merge();
  }

  /** The id's entry under `key` is out of date (its value changed or it is gone). */
  stale(): void {
    this.#stale += 1;
  }

  /** Ids whose key starts with `prefix` (each once). */
  withPrefix(prefix: string): string[] {
    if (this.#recent.keys.length > MERGE_AT) this.#merge();
    const found = new Set<string>();
    const { keys, ids } = this.#sorted;
    for (let i = this.#lowerBound(prefix); i < keys.length; i++) {
      const key = keys[i] as string;
      if (!key.startsWith(prefix)) break;
      this.#addLive(found, key, ids[i] as string);
    }
    this.#recent.keys.forEach((key, i) => {
      if (key.startsWith(prefix)) this.#addLive(found, key, this.#recent.ids[i] as string);
    });
    return [...found];
  }

  /**
   * How many entries have a key starting with `prefix`, stale ones included (so at least as many
   * as `withPrefix` finds), counted by two binary searches instead of read.
   */
  countPrefix(prefix: string): number {
    if (this.#recent.keys.length > MERGE_AT) this.#merge();
    // No key that starts with `prefix` sorts after `prefix` + the highest UTF-16 code unit.
    const inSorted = this.#lowerBound(`${prefix}\uffff`) - this.#lowerBound(prefix);
    return inSorted + this.#recent.keys.filter((key) => key.startsWith(prefix)).length;
  }

  /** Ids whose key is exactly `key`. */
  equal(key: string): string[] {
    return this.withPrefix(key).filter((id) => this.current(id) === key);
  }

  /**
   * Ids whose key contains `text`: a pass over the keys alone (flat strings, no user objects). A
   * substring index (trigrams, suffixes) would cost several entries per character of every key.
   */
  containing(text: string): string[] {
    if (this.#recent.keys.length > MERGE_AT) this.#merge();
    const found = new Set<string>();
    for (const { keys, ids } of [this.#sorted, this.#recent])
      keys.forEach((key, i) => {
        if (key.includes(text)) this.#addLive(found, key, ids[i] as string);
      });
    return [...found];
  }

  #addLive(found: Set<string>, key: string, id: string): void {
    if (this.current(id) === key) found.add(id);
  }

  #lowerBound(key: string): number {
    const keys = this.#sorted.keys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((keys[mid] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Sorts the buffer into the sorted arrays; drops stale entries when they have piled up. */
  #merge(): void {
    const recent = sorted(this.#recent);
    const old = this.#sorted;
    const prune = this.#stale * 4 > old.keys.length + recent.keys.length;
    // Sized up front: arrays grown by push keep up to half again as many slots as they hold.
    const size = old.keys.length + recent.keys.length;
    const merged: Entries = { keys: new Array(size), ids: new Array(size) };
    let k = 0;
    const take = (from: Entries, i: number) => {
      const [key, id] = [from.keys[i] as string, from.ids[i] as string];
      if (prune && this.current(id) !== key) return;
      merged.keys[k] = key;
      merged.ids[k++] = id;
    };
    let i = 0;
    let j = 0;
    while (i < old.keys.length || j < recent.keys.length) {
      const a = old.keys[i];
      const b = recent.keys[j];
      if (b === undefined || (a !== undefined && a <= b)) take(old, i++);
      else take(recent, j++);
    }
    if (prune) this.#stale = 0;
    merged.keys.length = merged.ids.length = k;
    this.#sorted = merged;
    this.#recent = empty();
  }
}
