import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (password: string) => createHash('sha256').update(password).digest();

/**
 * Dropbox team admins who sign in to the team's admin console with email and password (Dropbox's
 * own sign-in, not the IdP's: SSO is for members). Only a digest of each password is kept.
 */
export class TeamAdmins {
  readonly #admins = new Map<string, Buffer>();

  add(email: string, password: string): void {
    this.#admins.set(email.toLowerCase(), digest(password));
  }

  has(email: string): boolean {
    return this.#admins.has(email.toLowerCase());
  }

  /** Compared in constant time, so a wrong password says nothing about the right one. */
  verify(email: string, password: string): boolean {
    const kept = this.#admins.get(email.toLowerCase());
    return kept !== undefined && timingSafeEqual(kept, digest(password));
  }
}
