/**
 * At most `size` pieces of work at once; the rest wait in call order. A bulk push (a group's
 * members assigned at once) runs through one, so thousands of pushes do not all hit the target's
 * rate limit in the same instant and each burn their retries on 429s.
 */
export class Slots {
  #running = 0;
  #waiting: ((() => void) | undefined)[] = [];
  #head = 0;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`slots must be a positive integer, got ${size}`);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running >= this.size) await new Promise<void>((start) => this.#waiting.push(start));
    else this.#running += 1;
    try {
      return await work();
    } finally {
      this.#next();
    }
  }

  /** Hands the slot to the oldest waiter (the count stays), or frees it. */
  #next(): void {
    const start = this.#waiting[this.#head];
    if (!start) {
      this.#running -= 1;
      return;
    }
    this.#waiting[this.#head] = undefined;
    this.#head += 1;
    // Drop the consumed front now and then (not a shift per waiter: that copies the queue each time).
    if (this.#head * 2 > this.#waiting.length) {
      this.#waiting = this.#waiting.slice(this.#head);
      this.#head = 0;
    }
    start();
  }
}
