import { FedsimError } from '../core/errors.js';
import type { CreateUserOptions, Directory, OktaProfile, OktaUser } from './directory.js';
import { notFound } from './errors.js';
import type { PasswordRecovery } from './password-recovery.js';
import { logAdminChange } from './syslog/admin-events.js';
import type { SystemLog } from './syslog/log-store.js';

/** The Users API's lifecycle operations (`POST /api/v1/users/{id}/lifecycle/{action}`). */
export const LIFECYCLE_ACTIONS = [
  'activate',
  'deactivate',
  'reactivate',
  'suspend',
  'unsuspend',
  'unlock',
  'expire_password',
] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];
export type UserChange = 'create' | 'update' | LifecycleAction | 'reset_password' | 'delete';

// A Map, not an object literal: `/lifecycle/toString` must not reach Object.prototype.
const TRANSITIONS = new Map<string, (directory: Directory, id: string) => OktaUser>([
  ['activate', (d, id) => d.activate(id)],
  ['deactivate', (d, id) => d.deactivate(id)],
  ['reactivate', (d, id) => d.reactivate(id)],
  ['suspend', (d, id) => d.suspend(id)],
  ['unsuspend', (d, id) => d.unsuspend(id)],
  ['unlock', (d, id) => d.unlock(id)],
  ['expire_password', (d, id) => d.expirePassword(id)],
]);

/** What an org does after an admin's change (org1: end sessions, push to org2); `R` is handed back. */
export type AfterUserChange<R> = (change: UserChange, user: OktaUser) => Promise<R>;

/** A change done: the user as it is now, and what the org's follow-up returned (e.g. a push task). */
export interface UserChanged<R> {
  user: OktaUser;
  outcome: R | undefined;
}

/**
 * What an admin does to an org's users, whichever way they act (Users API, Admin Console,
 * scenario step): the directory change, its System Log event, then the org's follow-up. One path,
 * so each way leaves the same state and the same event.
 */
export class UserAdmin<R = unknown> {
  constructor(
    readonly directory: Directory,
    private readonly log: SystemLog | undefined,
    private readonly after?: AfterUserChange<R>,
    /** The org's reset links; an org without it cannot reset passwords. */
    private readonly recovery?: PasswordRecovery,
  ) {}

  create(profile: OktaProfile, options: CreateUserOptions): Promise<UserChanged<R>> {
    return this.#done('create', this.directory.create(profile, options));
  }

  /** A partial profile update (`POST /users/{id}`), or with `replace` the whole profile (`PUT`). */
  update(id: string, profile: Partial<OktaProfile>, replace = false): Promise<UserChanged<R>> {
    const user = replace
      ? this.directory.replace(id, profile as OktaProfile)
      : this.directory.update(id, profile);
    return this.#done('update', user);
  }

  /** One lifecycle operation; an unknown one is 404 E0000007, as Okta answers an unknown path. */
  lifecycle(action: string, id: string): Promise<UserChanged<R>> {
    const transition = TRANSITIONS.get(action);
    if (!transition) throw notFound(action, 'Lifecycle');
    return this.#done(action as LifecycleAction, transition(this.directory, id));
  }

  /**
   * `lifecycle/reset_password`: the user goes to RECOVERY and gets a one-time reset link token
   * (Okta's `resetPasswordUrl` ends with it); their sessions end, as a reset locks the old
   * password out.
   */
  async resetPassword(id: string): Promise<UserChanged<R> & { token: string }> {
    if (!this.recovery) throw new FedsimError('INTERNAL', 'This org was built without reset links');
    const user = this.directory.resetPassword(id);
    const token = this.recovery.issue(user.id);
    return { ...(await this.#done('reset_password', user)), token };
  }

  /** Okta's delete: a user not yet DEPROVISIONED is deactivated; a DEPROVISIONED one is removed. */
  async delete(id: string): Promise<UserChanged<R>> {
    const user = this.directory.get(id);
    if (user.status !== 'DEPROVISIONED') return this.lifecycle('deactivate', user.id);
    this.directory.delete(user.id);
    return this.#done('delete', user);
  }

  async #done(change: UserChange, user: OktaUser): Promise<UserChanged<R>> {
    logAdminChange(this.log, change, user);
    return { user, outcome: await this.after?.(change, user) };
  }
}
