import type { Directory, OktaUser } from './directory.js';
import { type SystemLog, userActor } from './syslog/log-store.js';

/**
 * Okta's default password policy: `lockout.maxAttempts` 10 (management API spec,
 * PasswordPolicyPasswordSettingsLockout: "the number of times Users can attempt to sign in to
 * their accounts with an invalid password before their accounts are locked", default 10;
 * `autoUnlockMinutes` default 0, no automatic unlock). See docs/decisions/account-lockout.md.
 */
export const DEFAULT_MAX_ATTEMPTS = 10;

/**
 * Counts each user's consecutive wrong passwords; the last one allowed locks the user out
 * (LOCKED_OUT, `user.account.lock`), and only an admin's unlock lets them sign in again. A
 * successful sign-in starts the count over.
 */
export class PasswordLockout {
  readonly #failures = new Map<string, number>();

  constructor(
    private readonly directory: Directory,
    private readonly log: SystemLog,
    readonly maxAttempts = DEFAULT_MAX_ATTEMPTS,
  ) {}

  /** A wrong password for `user`; true when it locked them out. */
  failed(user: OktaUser): boolean {
    if (user.status !== 'ACTIVE') return false;
    const count = (this.#failures.get(user.id) ?? 0) + 1;
    if (count < this.maxAttempts) {
      this.#failures.set(user.id, count);
      return false;
    }
    this.#failures.delete(user.id);
    this.directory.lockOut(user.id);
    // Event type and message as Okta logs a lockout; outcome inferred (see the decision record).
    this.log.record({
      eventType: 'user.account.lock',
      displayMessage: 'Max sign in attempts exceeded',
      actor: userActor(user),
      outcome: { result: 'FAILURE', reason: 'LOCKED_OUT' },
      target: [userActor(user)],
    });
    return true;
  }

  succeeded(user: OktaUser): void {
    this.#failures.delete(user.id);
  }
}
