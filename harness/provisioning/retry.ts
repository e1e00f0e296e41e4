/**
 * When a provisioning client retries a failed HTTP call, and how long it waits: Okta's connectors
 * wait for the rate-limit window on 429, back off exponentially on 5xx and dropped connections,
 * and never retry another 4xx.
 */
export interface RetryPolicy {
  /** Tries of one task in all, the first included (1 = never retry). */
  maxAttempts: number;
  /** First back-off on 5xx or a dropped connection; doubled at each further retry. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A 429 asking to wait longer than this fails the task instead. */
  maxRateLimitWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  maxRateLimitWaitMs: 5 * 60_000,
};

/** What an HTTP call that failed told the client. */
export interface CallOutcome {
  /** HTTP status; undefined when no response came (connection refused, reset or dropped). */
  status?: number;
  /** How long the server asked to wait (X-Rate-Limit-Reset − Date, or Retry-After). */
  waitMs?: number;
}

export type RetryDecision =
  | { retry: true; delayMs: number; reason: 'rate-limited' | 'server-error' | 'no-response' }
  | { retry: false; reason: 'not-an-http-failure' | 'client-error' | 'attempts-exhausted' | 'wait-too-long' };

const outcomes = new WeakMap<object, CallOutcome>();

/** Tags an error with the HTTP outcome it came from, so the retry decision can read it. */
export function withOutcome<E extends object>(err: E, outcome: CallOutcome): E {
  outcomes.set(err, outcome);
  return err;
}

export function outcomeOf(err: unknown): CallOutcome | undefined {
  return typeof err === 'object' && err !== null ? outcomes.get(err) : undefined;
}

/**
 * The wait a 429 asks for. Okta: `X-Rate-Limit-Reset` (epoch seconds) minus the response's `Date`
 * (the server's clock, so client skew does not matter); otherwise `Retry-After` (seconds).
 */
export function serverWaitMs(headers: Headers, nowMs?: number): number | undefined {
  const reset = Number(headers.get('x-rate-limit-reset'));
  if (headers.has('x-rate-limit-reset') && Number.isFinite(reset)) {
    const date = Date.parse(headers.get('date') ?? '');
    const now = Number.isNaN(date) ? nowMs : date;
    if (now !== undefined) return Math.max(0, reset * 1000 - now);
  }
  const after = Number(headers.get('retry-after'));
  if (headers.has('retry-after') && Number.isFinite(after)) return Math.max(0, after * 1000);
  return undefined;
}

export function backoffMs(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
}

/** Whether attempt number `attempt` (1-based), which failed with `outcome`, is tried again. */
export function decideRetry(
  outcome: CallOutcome | undefined,
  attempt: number,
  policy: RetryPolicy,
): RetryDecision {
  if (!outcome) return { retry: false, reason: 'not-an-http-failure' };
  const { status } = outcome;
  const transient = status === undefined || status === 429 || status >= 500;
  if (!transient) return { retry: false, reason: 'client-error' };
  if (attempt >= policy.maxAttempts) return { retry: false, reason: 'attempts-exhausted' };
  if (status === 429) {
    const wait = outcome.waitMs ?? backoffMs(attempt, policy);
    if (wait > policy.maxRateLimitWaitMs) return { retry: false, reason: 'wait-too-long' };
    return { retry: true, delayMs: wait, reason: 'rate-limited' };
  }
  const reason = status === undefined ? 'no-response' : 'server-error';
  return { retry: true, delayMs: backoffMs(attempt, policy), reason };
}
