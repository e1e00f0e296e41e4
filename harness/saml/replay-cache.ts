/**
 * Assertion ids an SP has accepted, each kept until its NotOnOrAfter (plus skew) has passed,
 * and at most `max` of them, so a long `serve` run cannot grow without bound.
 */
export class ReplayCache {
  readonly #expiry = new Map<string, number>();

  constructor(private readonly max = 10_000) {}

  has(id: string): boolean {
    return this.#expiry.has(id);
  }

  add(id: string, expiresAtMs: number, nowMs: number): void {
    this.#prune(nowMs);
    // A copy: an id sliced from the decoded message would keep the whole ~10 kB message alive.
    this.#expiry.set(Buffer.from(id).toString(), expiresAtMs);
    if (this.#expiry.size > this.max) {
      const oldest = this.#expiry.keys().next().value;
      if (oldest !== undefined) this.#expiry.delete(oldest);
    }
  }

  get size(): number {
    return this.#expiry.size;
  }

  #prune(nowMs: number): void {
    for (const [id, exp] of this.#expiry) if (exp <= nowMs) this.#expiry.delete(id);
  }
}
