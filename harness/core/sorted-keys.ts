/**
 * String keys → ids, kept sorted so that equality and prefix lookups are a binary search plus the
 * matches (not a scan). Writes go to an unsorted buffer; a read first merges it when it holds more
 * than MERGE_AT entries (so a read scans at most that many unsorted ones), and a write merges it
 * once it outgrows the sorted part (so building N keys costs O(N log N), not a merge per write).
 * Entries are never removed in place: `current(id)` says which key an id has now, entries that
 * disagree (the value changed, the id is gone) are skipped on read, and dropped by a merge once
 * `stale` says they are a quarter of the index.
 */
interface Entry {
  key: string;
  id: string;
}

const MERGE_AT = 1024;

const byKey = (a: Entry, b: Entry) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export class SortedKeys {
  #sorted: Entry[] = [];
  #recent: Entry[] = [];
  #stale = 0;

  constructor(private readonly current: (id: string) => string | undefined) {}

  add(key: string, id: string): void {
    this.#recent.push({ key, id });
    if (this.#recent.length > Math.max(MERGE_AT, this.#sorted.length)) this.#merge();
  }

  /** The id's entry under `key` is out of date (its value changed or it is gone). */
  stale(): void {
    this.#stale += 1;
  }

  /** Ids whose key starts with `prefix` (each once). */
  withPrefix(prefix: string): string[] {
    if (this.#recent.length > MERGE_AT) this.#merge();
    const found = new Set<string>();
    for (let i = this.#lowerBound(prefix); i < this.#sorted.length; i++) {
      const entry = this.#sorted[i] as Entry;
      if (!entry.key.startsWith(prefix)) break;
      if (this.#live(entry)) found.add(entry.id);
    }
    for (const entry of this.#recent)
      if (entry.key.startsWith(prefix) && this.#live(entry)) found.add(entry.id);
    return [...found];
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
    if (this.#recent.length > MERGE_AT) this.#merge();
    const found = new Set<string>();
    for (const list of [this.#sorted, this.#recent])
      for (const entry of list) if (entry.key.includes(text) && this.#live(entry)) found.add(entry.id);
    return [...found];
  }

  #live(entry: Entry): boolean {
    return this.current(entry.id) === entry.key;
  }

  #lowerBound(key: string): number {
    let lo = 0;
    let hi = this.#sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#sorted[mid] as Entry).key < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Sorts the buffer into the sorted array; drops stale entries when they have piled up. */
  #merge(): void {
    const recent = this.#recent.sort(byKey);
    const sorted = this.#sorted;
    const merged: Entry[] = new Array(sorted.length + recent.length);
    let i = 0;
    let j = 0;
    for (let k = 0; k < merged.length; k++) {
      const a = sorted[i];
      const b = recent[j];
      if (b === undefined || (a !== undefined && a.key <= b.key)) {
        merged[k] = a as Entry;
        i++;
      } else {
        merged[k] = b;
        j++;
      }
    }
    const prune = this.#stale * 4 > merged.length;
    this.#sorted = prune ? merged.filter((e) => this.#live(e)) : merged;
    if (prune) this.#stale = 0;
    this.#recent = [];
  }
}
