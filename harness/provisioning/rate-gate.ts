import type { Scheduler } from './scheduler.js';

/**
 * A target's rate limit as its client learns it: once a call is answered 429 with a reset time,
 * every call of that client waits for the reset before it is sent (Okta counts per org and
 * endpoint, so sending more before the reset only earns more 429s). Waits are the scheduler's:
 * virtual time in scenarios, timers under `serve`.
 */
export class RateLimitGate {
  /** Epoch ms before which no call goes out. */
  #until = 0;

  constructor(
    private readonly scheduler: () => Scheduler,
    /** A longer wait is not kept: the task that met it fails instead (the retry policy's maxRateLimitWaitMs). */
    private readonly maxWaitMs: () => number,
  ) {}

  /** Resolves once the last reset learnt has passed. */
  async ready(): Promise<void> {
    for (;;) {
      const wait = this.#until - this.scheduler().now().getTime();
      if (wait <= 0) return;
      await this.scheduler().sleep(wait);
    }
  }

  /** A 429 asked to wait `waitMs` from now. */
  closeFor(waitMs: number): void {
    if (waitMs > this.maxWaitMs()) return;
    this.#until = Math.max(this.#until, this.scheduler().now().getTime() + waitMs);
  }
}
