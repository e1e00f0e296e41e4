import { recordTime } from '../core/clock.js';
import { oktaError } from './errors.js';
import { notInStatus, wrongStatus } from './lifecycle-errors.js';
import type { OktaStatus, OktaUser } from './user.js';
import { UserStore } from './user-store.js';

/** What a directory stores (user.ts), exported here where its users have always found it. */
export {
  type CreateUserOptions,
  OKTA_STATUSES,
  type OktaProfile,
  type OktaStatus,
  type OktaUser,
  PROVIDER_TYPES,
  type ProviderType,
} from './user.js';

const RESETTABLE: readonly OktaStatus[] = ['ACTIVE', 'RECOVERY', 'LOCKED_OUT', 'PASSWORD_EXPIRED'];

/** An Okta org's user directory: Okta's statuses, lifecycle rules and error codes. */
export class Directory extends UserStore {
  /**
   * Okta's org setting "Edit Deactivated User Profile Updates" (Directory > People): off by
   * default, and then profile updates of DEPROVISIONED users are refused (E0000038).
   */
  editDeprovisionedProfiles = false;

  activate(idOrLogin: string): OktaUser {
    const user = this.get(idOrLogin);
    if (user.status === 'ACTIVE') {
      throw oktaError('OKTA_E0000016', { actual: user.status });
    }
    if (user.status !== 'STAGED' && user.status !== 'DEPROVISIONED') {
      throw wrongStatus(user, 'activate', ['STAGED', 'DEPROVISIONED']);
    }
    const next: OktaStatus = user.password || user.provider === 'FEDERATION' ? 'ACTIVE' : 'PROVISIONED';
    user.activated = recordTime(this.clock);
    return this.setStatus(user, next);
  }

  /**
   * A STAGED or PROVISIONED user who proves who they are (first sign-in through an inbound IdP)
   * becomes ACTIVE, as Okta activates such users on their first federated sign-in (inferred).
   */
  activateOnSignIn(idOrLogin: string): OktaUser {
    const user = this.get(idOrLogin);
    if (user.status !== 'STAGED' && user.status !== 'PROVISIONED') return user;
    user.activated = recordTime(this.clock);
    return this.setStatus(user, 'ACTIVE');
  }

  deactivate(idOrLogin: string): OktaUser {
    const user = this.get(idOrLogin);
    if (user.status === 'DEPROVISIONED')
      throw wrongStatus(user, 'deactivate', ['ACTIVE', 'STAGED', 'SUSPENDED']);
    return this.setStatus(user, 'DEPROVISIONED');
  }

  reactivate(idOrLogin: string): OktaUser {
    const user = this.get(idOrLogin);
    if (user.status !== 'PROVISIONED' && user.status !== 'RECOVERY') {
      throw wrongStatus(user, 'reactivate', ['PROVISIONED', 'RECOVERY']);
    }
    return this.setStatus(user, 'PROVISIONED');
  }

  suspend(idOrLogin: string): OktaUser {
    const user = this.get(idOrLogin);
    if (user.status !== 'ACTIVE') throw notInStatus(user, 'suspend', 'ACTIVE');
    return this.setStatus(user, 'SUSPENDED');
  }

  unsuspend(idOrLogin: string): OktaUser {
    const user = this.get(idOrLogin);
    if (user.status !== 'SUSPENDED') throw notInStatus(user, 'unsuspend', 'SUSPENDED');
    return this.setStatus(user, 'ACTIVE');
  }

  /** Okta locks an active user out after too many failed sign-ins; `unlock` undoes it. */
  lockOut(idOrLogin: string): OktaUser {
    const user = this.get(idOrLogin);
    if (user.status !== 'ACTIVE') throw wrongStatus(user, 'lock out', ['ACTIVE']);
    return this.setStatus(user, 'LOCKED_OUT');
  }

  unlock(idOrLogin: string): OktaUser {
    const user = this.get(idOrLogin);
    if (user.status !== 'LOCKED_OUT') throw wrongStatus(user, 'unlock', ['LOCKED_OUT']);
    return this.setStatus(user, 'ACTIVE');
  }

  /**
   * `lifecycle/expire_password`: the user must change their password at the next sign-in (Okta's
   * User Credentials API). Only an ACTIVE user with a password has one to expire (inferred).
   */
  expirePassword(idOrLogin: string): OktaUser {
    const user = this.get(idOrLogin);
    if (user.status !== 'ACTIVE' || user.password === undefined)
      throw wrongStatus(user, 'expire the password of', ['ACTIVE']);
    return this.setStatus(user, 'PASSWORD_EXPIRED');
  }

  /**
   * `lifecycle/reset_password`: the user is in RECOVERY and cannot sign in until they set a new
   * password through the reset link (Okta's User Credentials API). Users who have or had a
   * password may be reset; STAGED, PROVISIONED, SUSPENDED and DEPROVISIONED ones not (inferred).
   */
  resetPassword(idOrLogin: string): OktaUser {
    const user = this.get(idOrLogin);
    if (!RESETTABLE.includes(user.status)) throw wrongStatus(user, 'reset the password of', [...RESETTABLE]);
    return this.setStatus(user, 'RECOVERY');
  }

  /** The user set a new password (reset link, or expired at sign-in): ACTIVE again. */
  setPassword(user: OktaUser, password: string): OktaUser {
    this.changePassword(user, password);
    user.passwordChanged = recordTime(this.clock);
    return this.setStatus(user, 'ACTIVE');
  }

  /** Okta deletes only deprovisioned users. */
  delete(idOrLogin: string): void {
    const user = this.get(idOrLogin);
    if (user.status !== 'DEPROVISIONED') throw wrongStatus(user, 'delete', ['DEPROVISIONED']);
    this.forget(user);
  }
}
