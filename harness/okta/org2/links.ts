import type { Clock } from '../../core/clock.js';

/** A user linked to the inbound IdP: `GET /api/v1/idps/{idpId}/users/{userId}`. */
export interface IdpLink {
  userId: string;
  externalId: string;
  created: Date;
  lastUpdated: Date;
  profile: Record<string, string>;
}

export class IdpLinks {
  readonly #byUser = new Map<string, IdpLink>();

  constructor(private readonly clock: Clock) {}

  get(userId: string): IdpLink | undefined {
    return this.#byUser.get(userId);
  }

  byExternalId(externalId: string): IdpLink | undefined {
    return [...this.#byUser.values()].find((l) => l.externalId === externalId);
  }

  all(): IdpLink[] {
    return [...this.#byUser.values()];
  }

  link(userId: string, externalId: string, profile: Record<string, string>): IdpLink {
    const now = this.clock.now();
    // An IdP's externalId names one account: linking it elsewhere moves the link.
    for (const [other, l] of this.#byUser)
      if (l.externalId === externalId && other !== userId) this.#byUser.delete(other);
    const existing = this.#byUser.get(userId);
    const link = { userId, externalId, created: existing?.created ?? now, lastUpdated: now, profile };
    this.#byUser.set(userId, link);
    return link;
  }

  unlink(userId: string): boolean {
    return this.#byUser.delete(userId);
  }
}
