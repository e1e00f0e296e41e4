import { serverWaitMs } from './retry.js';
import type { Scheduler } from './scheduler.js';

/** What one answer said about the target's rate limit: Okta's X-Rate-Limit-* headers. */
export interface RateLimitReading {
  limit?: number;
  remaining: number;
  /** Which window the answer was counted in (X-Rate-Limit-Reset, epoch seconds). */
  window: number;
  /** Until the window's reset, by the answer's Date. */
  waitMs: number;
}

function header(headers: Headers, name: string): number | undefined {
  const value = Number(headers.get(name) ?? Number.NaN);
  return Number.isFinite(value) ? value : undefined;
}

/** The answer's reading; undefined when it names no reset. A 429 leaves nothing, whatever Remaining says. */
export function readRateLimit(status: number, headers: Headers, nowMs: number): RateLimitReading | undefined {
  const waitMs = serverWaitMs(headers, nowMs);
  const remaining = status === 429 ? 0 : header(headers, 'x-rate-limit-remaining');
  if (waitMs === undefined || remaining === undefined) return undefined;
  const window = header(headers, 'x-rate-limit-reset') ?? Math.ceil((nowMs + waitMs) / 1000);
  return { limit: header(headers, 'x-rate-limit-limit'), remaining, window, waitMs };
}

/**
 * A target's rate limit as its client learns it from every answer (docs/decisions/rate-limit-budget.md).
 * A call goes only while the budget it knows, X-Rate-Limit-Remaining less the calls still in
 * flight, is above zero; otherwise it waits for an answer (which may free budget) or, with none
 * in flight, for X-Rate-Limit-Reset, when the window starts again at X-Rate-Limit-Limit. Only
 * calls sent before the first answer (budget unknown) can meet a 429, however the answers
 * interleave. Waits are the scheduler's: virtual time in scenarios, timers under `serve`.
 */
export class RateLimitGate {
  #limit: number | undefined;
  /** Calls left in `#window` as the answers tell; undefined before the first one. */
  #remaining: number | undefined;
  #window = Number.NEGATIVE_INFINITY;
  /** Scheduler time (ms) at which `#window` ends. */
  #resetAt = 0;
  #inFlight = 0;
  #waiting: (() => void)[] = [];

  constructor(
    private readonly scheduler: () => Scheduler,
    /** A longer wait is not learnt: the task that met it fails instead (the retry policy's maxRateLimitWaitMs). */
    private readonly maxWaitMs: () => number,
  ) {}

  /** Resolves when a call may go, and counts it in flight until `answered`. */
  async ready(): Promise<void> {
    for (;;) {
      const now = this.scheduler().now().getTime();
      if (this.#remaining !== undefined && now >= this.#resetAt) this.#remaining = this.#limit || undefined;
      if (this.#remaining === undefined || this.#remaining > this.#inFlight) {
        this.#inFlight += 1;
        return;
      }
      if (this.#inFlight > 0) await new Promise<void>((wake) => this.#waiting.push(wake));
      else await this.scheduler().sleep(this.#resetAt - now);
    }
  }

  /** A call that `ready` let go has ended: with the answer's reading, or none (no answer came). */
  answered(reading: RateLimitReading | undefined): void {
    this.#inFlight -= 1;
    if (reading && reading.waitMs <= this.maxWaitMs() && reading.window >= this.#window) {
      const same = reading.window === this.#window && this.#remaining !== undefined;
      this.#remaining = same ? Math.min(this.#remaining ?? 0, reading.remaining) : reading.remaining;
      this.#window = reading.window;
      this.#resetAt = this.scheduler().now().getTime() + reading.waitMs;
      this.#limit = reading.limit ?? this.#limit;
    }
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const wake of waiting) wake();
  }
}
