/**
 * Background work of a party (provisioning pushes triggered by API calls). Scenario steps wait
 * for quiescence with `settle()` so outcomes are deterministic.
 */
export class TaskTracker {
  readonly #pending = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.finally(() => this.#pending.delete(settled));
    this.#pending.add(settled);
    settled.catch(() => undefined);
    return work;
  }

  get size(): number {
    return this.#pending.size;
  }

  /** Resolves when no tracked work remains, including work started by work being awaited. */
  async settle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }
}
