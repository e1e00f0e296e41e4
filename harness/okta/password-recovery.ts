import type { Clock } from '../core/clock.js';
import { FedsimError } from '../core/errors.js';
import type { SecretSource } from '../core/secrets.js';

/**
 * How long a reset link works: Okta's password policy default for a recovery token's lifetime is
 * one hour (inferred for fedsim's reset links; docs/decisions/password-reset.md).
 */
export const RECOVERY_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

/** Where an Okta org's reset link points (Okta's `resetPasswordUrl`: `{org}/reset_password/{token}`). */
export const RESET_PASSWORD_PATH = '/reset_password';

interface Issued {
  userId: string;
  expires: number;
}

/**
 * The one-time tokens of an org's reset links. Issuing a new one for a user voids the older one
 * (so at most one a user is kept); a token is redeemed once.
 */
export class PasswordRecovery {
  readonly #tokens = new Map<string, Issued>();
  readonly #latest = new Map<string, string>();

  constructor(
    private readonly clock: Clock,
    private readonly secrets: SecretSource,
  ) {}

  issue(userId: string): string {
    const older = this.#latest.get(userId);
    if (older) this.#tokens.delete(older);
    const token = this.secrets.token(20);
    this.#tokens.set(token, { userId, expires: this.clock.now().getTime() + RECOVERY_TOKEN_LIFETIME_MS });
    this.#latest.set(userId, token);
    return token;
  }

  /** The user a live token was issued for; refused when unknown, used, replaced or expired. */
  userOf(token: string): string {
    const issued = this.#tokens.get(token);
    if (!issued || issued.expires <= this.clock.now().getTime()) {
      throw new FedsimError('AUTH_RECOVERY_TOKEN_INVALID', 'This password reset link is no longer valid', {
        expected: 'the latest reset link of the user, within an hour of the reset',
      });
    }
    return issued.userId;
  }

  /** The token did its work: it never works again. */
  redeem(token: string): void {
    const issued = this.#tokens.get(token);
    if (!issued) return;
    this.#tokens.delete(token);
    this.#latest.delete(issued.userId);
  }
}
