import type { RequestHandler } from 'express';
import type { Clock } from '../../core/clock.js';
import { oktaError } from '../errors.js';

export interface RateLimitOptions {
  /** Requests allowed per bucket in one window. */
  limit: number;
  windowMs: number;
  clock: Clock;
}

/** Generous enough that no ordinary scenario meets it; scenarios lower it to provoke 429s. */
export const DEFAULT_RATE_LIMIT = { limit: 600, windowMs: 60_000 } as const;

/** What one request learnt about its bucket: the X-Rate-Limit-* headers and whether it may pass. */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch seconds at which the bucket's window ends. */
  reset: number;
  /** The limiter's clock when it decided, for the `Date` header. */
  at: Date;
}

/**
 * Fixed windows per bucket (Okta counts per endpoint family and per minute). Windows are aligned
 * to the epoch so that every bucket resets at the same, predictable instant.
 */
export class RateLimiter {
  readonly #windows = new Map<string, { start: number; used: number }>();
  #limit: number;
  #windowMs: number;

  constructor(private readonly options: RateLimitOptions) {
    this.#limit = options.limit;
    this.#windowMs = options.windowMs;
    this.#check();
  }

  get limit(): number {
    return this.#limit;
  }

  get windowMs(): number {
    return this.#windowMs;
  }

  /** Changes the limit mid-scenario; counting starts afresh. */
  configure(changes: Partial<Pick<RateLimitOptions, 'limit' | 'windowMs'>>): void {
    this.#limit = changes.limit ?? this.#limit;
    this.#windowMs = changes.windowMs ?? this.#windowMs;
    this.#check();
    this.#windows.clear();
  }

  /** Counts one request against `bucket`; a refused request does not use up the window. */
  take(bucket: string): RateLimitDecision {
    const at = this.options.clock.now();
    const now = at.getTime();
    const start = Math.floor(now / this.#windowMs) * this.#windowMs;
    let window = this.#windows.get(bucket);
    if (!window || window.start !== start) {
      window = { start, used: 0 };
      this.#windows.set(bucket, window);
    }
    const allowed = window.used < this.#limit;
    if (allowed) window.used += 1;
    return {
      allowed,
      limit: this.#limit,
      remaining: this.#limit - window.used,
      reset: Math.ceil((start + this.#windowMs) / 1000),
      at,
    };
  }

  #check(): void {
    if (!Number.isInteger(this.#limit) || this.#limit < 0) {
      throw new RangeError(`rate limit must be a non-negative integer, got ${this.#limit}`);
    }
    if (!Number.isInteger(this.#windowMs) || this.#windowMs < 1) {
      throw new RangeError(`rate limit window must be a positive number of ms, got ${this.#windowMs}`);
    }
  }
}

/**
 * X-Rate-Limit-* on every response of the bucket, then 429 E0000047 once it is used up. `Date`
 * comes from the same clock: clients (the Okta SDK, org1's connector) wait `Reset − Date`.
 */
export function rateLimit(limiter: RateLimiter, bucket: string): RequestHandler {
  return (_req, res, next) => {
    const decision = limiter.take(bucket);
    res.setHeader('Date', decision.at.toUTCString());
    res.setHeader('X-Rate-Limit-Limit', String(decision.limit));
    res.setHeader('X-Rate-Limit-Remaining', String(decision.remaining));
    res.setHeader('X-Rate-Limit-Reset', String(decision.reset));
    if (!decision.allowed) {
      throw oktaError('OKTA_E0000047');
    }
    next();
  };
}
