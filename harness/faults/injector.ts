import type { RequestHandler, Response } from 'express';
import { FedsimError } from '../core/errors.js';
import type { Scheduler } from '../provisioning/scheduler.js';
import type { FaultResponder } from './responses.js';

/** Faults a scenario can queue against a party's API. */
export const FAULT_KINDS = ['latency', 'error5xx', 'rateLimit', 'drop'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  fault: FaultKind;
  /** How many of the next API calls it hits (default 1). */
  count?: number;
  /** latency: the delay (default 1000); rateLimit: time until X-Rate-Limit-Reset (default 60000). */
  ms?: number;
  /** error5xx: the status (default 500). */
  status?: number;
}

/** One API call a fault hit, for reports and expectations. */
export interface FaultHit {
  at: string;
  fault: FaultKind;
  method: string;
  path: string;
}

export interface FaultInjectorOptions {
  /** Only calls under this path are hit ('/api/v1' for org2, '/scim/v2' for dropbox). */
  prefix: string;
  scheduler: Scheduler;
  respond: FaultResponder;
  /** X-Rate-Limit-Limit a 429 burst announces (the party's configured limit). */
  rateLimit?: () => number;
}

function invalid(message: string, actual: unknown): FedsimError {
  return new FedsimError('CONFIG_INVALID', message, { actual });
}

/**
 * Queued faults for one party. Its middleware goes first in the party's chain and applies the
 * queue, in order, to the next API calls: each queued fault hits `count` calls, then the next one
 * takes over. Taking a fault is synchronous, so concurrent calls never share one.
 */
export class FaultInjector {
  readonly hits: FaultHit[] = [];
  readonly #queue: { spec: FaultSpec; left: number }[] = [];

  constructor(private readonly options: FaultInjectorOptions) {}

  inject(spec: FaultSpec): void {
    const count = spec.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw invalid('fault count must be a positive integer', count);
    if (spec.ms !== undefined && !(spec.ms >= 0)) throw invalid('fault ms must be ≥ 0', spec.ms);
    const status = spec.status ?? 500;
    if (spec.fault === 'error5xx' && !(Number.isInteger(status) && status >= 500 && status <= 599))
      throw invalid('error5xx status must be 500–599', status);
    this.#queue.push({ spec, left: count });
  }

  /** Calls still to be hit by queued faults. */
  get pending(): number {
    return this.#queue.reduce((n, q) => n + q.left, 0);
  }

  clear(): void {
    this.#queue.length = 0;
  }

  #take(): FaultSpec | undefined {
    const head = this.#queue[0];
    if (!head) return undefined;
    head.left -= 1;
    if (head.left === 0) this.#queue.shift();
    return head.spec;
  }

  middleware(): RequestHandler {
    return (req, res, next) => {
      const path = req.path;
      if (path !== this.options.prefix && !path.startsWith(`${this.options.prefix}/`)) return next();
      const spec = this.#take();
      if (!spec) return next();
      const { scheduler, respond } = this.options;
      this.hits.push({ at: scheduler.now().toISOString(), fault: spec.fault, method: req.method, path });
      switch (spec.fault) {
        case 'latency':
          return void scheduler.hold(spec.ms ?? 1000).then(() => next(), next);
        case 'drop':
          return void req.socket.destroy();
        case 'error5xx':
          return respond.serverError(res, spec.status ?? 500);
        case 'rateLimit':
          return respond.rateLimited(res, this.#rateLimitHeaders(res, spec.ms ?? 60_000));
      }
    };
  }

  /** Okta's X-Rate-Limit-* and Date, from the party's clock; returns the seconds until the reset. */
  #rateLimitHeaders(res: Response, resetInMs: number): number {
    const now = this.options.scheduler.now();
    const reset = Math.ceil((now.getTime() + resetInMs) / 1000);
    res.setHeader('Date', now.toUTCString());
    res.setHeader('X-Rate-Limit-Limit', String(this.options.rateLimit?.() ?? 600));
    res.setHeader('X-Rate-Limit-Remaining', '0');
    res.setHeader('X-Rate-Limit-Reset', String(reset));
    return Math.max(0, reset - Math.floor(now.getTime() / 1000));
  }
}
