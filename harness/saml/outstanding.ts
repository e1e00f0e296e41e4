import type { Request, Response } from 'express';
import type { SecretSource } from '../core/secrets.js';
import { SessionStore } from '../core/sessions.js';

/** At most this many unanswered AuthnRequests per browser: older ones are forgotten. */
const MAX_PER_BROWSER = 10;

/** The AuthnRequest ids a browser is waiting answers for, kept in a cookie-keyed SP session. */
export class OutstandingRequests {
  readonly #store: SessionStore<string[]>;

  constructor(cookieName: string, secrets: SecretSource) {
    this.#store = new SessionStore(cookieName, secrets);
  }

  add(req: Request, res: Response, id: string): void {
    this.#store.set(req, res, [...(this.#store.get(req) ?? []), id].slice(-MAX_PER_BROWSER));
  }

  of(req: Request): ReadonlySet<string> {
    return new Set(this.#store.get(req) ?? []);
  }

  /** An answered request cannot be answered again. */
  consume(req: Request, res: Response, id: string | undefined): void {
    const pending = this.#store.get(req);
    if (pending && id)
      this.#store.set(
        req,
        res,
        pending.filter((p) => p !== id),
      );
  }
}
