import { type Clock, recordTime } from '../core/clock.js';
import type { FedsimError } from '../core/errors.js';
import type { IdGenerator } from '../core/ids.js';
import { hasInvisibleCharacter, skeleton } from './confusables.js';
import { oktaError, userNotFound, validationError } from './errors.js';
import { LoginIndex, loginKey } from './logins.js';
import { isIndexedField, UserIndex } from './user-index.js';

/** An Okta org's user directory: Okta's statuses, lifecycle rules and error codes. */
export const OKTA_STATUSES = [
  'STAGED',
  'PROVISIONED',
  'ACTIVE',
  'RECOVERY',
  'LOCKED_OUT',
  'PASSWORD_EXPIRED',
  'SUSPENDED',
  'DEPROVISIONED',
] as const;

export type OktaStatus = (typeof OKTA_STATUSES)[number];

export const PROVIDER_TYPES = ['OKTA', 'FEDERATION', 'ACTIVE_DIRECTORY', 'LDAP', 'SOCIAL', 'IMPORT'] as const;

export type ProviderType = (typeof PROVIDER_TYPES)[number];

export interface OktaProfile {
  login: string;
  email: string;
  firstName: string;
  lastName: string;
  mobilePhone?: string | null;
  [attr: string]: unknown;
}

export interface OktaUser {
  id: string;
  status: OktaStatus;
  created: Date;
  activated: Date | null;
  statusChanged: Date | null;
  lastLogin: Date | null;
  lastUpdated: Date;
  passwordChanged: Date | null;
  profile: OktaProfile;
  provider: ProviderType;
  /** Kept only so the harness can check a password sign-in; never serialised. */
  password?: string;
  /** Which system masters the profile (an IdP id after JIT with profileMaster), else undefined. */
  profileMasteredBy?: string;
}

export interface CreateUserOptions {
  activate?: boolean;
  provider?: ProviderType;
  password?: string;
  /** `nextLogin=changePassword`: the activated user must change the password (PASSWORD_EXPIRED). */
  expirePassword?: boolean;
}

/**
 * Something@something, no spaces, the domain's dot-separated labels not empty (so no trailing
 * dot): the shape Okta's email-format username policy asks for.
 */
const EMAIL_LOGIN = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)*$/;
const LOGIN_MIN = 5;
const LOGIN_MAX = 100;

/** What Okta says when a login is taken (in the org, or by another user on a profile change). */
const LOGIN_TAKEN = 'login: An object with this field already exists in the current organization';

function wrongStatus(user: OktaUser, action: string, allowed: OktaStatus[]): FedsimError {
  return oktaError('OKTA_E0000038', {
    detail: `cannot ${action} a user in status ${user.status}`,
    expected: allowed,
    actual: user.status,
  });
}

/**
 * Suspend and unsuspend refuse a user in another status with 400 E0000001 (Okta's error-code
 * reference names "Suspend User" as the example; the spec lists 400 for both), in Okta's words.
 */
function notInStatus(user: OktaUser, action: 'suspend' | 'unsuspend', required: OktaStatus): FedsimError {
  const adjective = required === 'ACTIVE' ? 'active' : 'suspended';
  return oktaError('OKTA_E0000001', {
    detail: action,
    causes: [`Cannot ${action} a user that is not ${adjective}`],
    expected: required,
    actual: user.status,
  });
}

export class Directory {
  readonly #byLogin = new LoginIndex();
  /** Creation order, statuses and the lower-cased login, email and names: what the Users API queries. */
  readonly index = new UserIndex<OktaUser>();

  readonly #listeners: ((user: OktaUser) => void)[] = [];

  /**
   * Okta's org setting "Edit Deactivated User Profile Updates" (Directory > People): off by
   * default, and then profile updates of DEPROVISIONED users are refused (E0000038).
   */
  editDeprovisionedProfiles = false;

  /**
   * Okta's default username policy: logins are email addresses (the spec's `UserProfile.login`);
   * false is an org whose admin removed that restriction from the login attribute.
   */
  loginsAreEmails = true;

  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Creates a user; the status follows Okta's rules for `activate`, provider and password. */
  create(profile: OktaProfile, options: CreateUserOptions = {}): OktaUser {
    this.#validateProfile(profile);
    if (this.#byLogin.has(profile.login)) {
      throw validationError([LOGIN_TAKEN], {
        expected: 'a login not yet used in this org',
        actual: profile.login,
      });
    }
    const now = recordTime(this.clock);
    const provider = options.provider ?? 'OKTA';
    const activate = options.activate ?? true;
    let status: OktaStatus = 'STAGED';
    if (activate) status = options.password || provider === 'FEDERATION' ? 'ACTIVE' : 'PROVISIONED';
    if (status === 'ACTIVE' && options.password && options.expirePassword) status = 'PASSWORD_EXPIRED';
    const user: OktaUser = {
      id: this.ids.okta('00u'),
      status,
      created: now,
      activated: activate ? now : null,
      statusChanged: activate ? now : null,
      lastLogin: null,
      lastUpdated: now,
      passwordChanged: options.password ? now : null,
      profile: { mobilePhone: null, ...profile },
      provider,
      password: options.password,
    };
    this.#byLogin.set(user.profile.login, user.id);
    this.index.added(user);
    this.#notify(user);
    return user;
  }

  /** By id, login or unambiguous short name (case and diacritics aside), as `GET /api/v1/users/{id}`. */
  find(idOrLogin: string): OktaUser | undefined {
    const byId = this.index.user(idOrLogin);
    if (byId) return byId;
    const id = this.#byLogin.get(idOrLogin);
    return id ? this.index.user(id) : undefined;
  }

  get(idOrLogin: string): OktaUser {
    const user = this.find(idOrLogin);
    if (!user) throw userNotFound(idOrLogin);
    return user;
  }

  /** Another user whose login reads the same as this one's (equal skeletons), if any. */
  lookalikeOf(user: OktaUser): OktaUser | undefined {
    const wanted = skeleton(user.profile.login);
    return this.all().find((u) => u.id !== user.id && skeleton(u.profile.login) === wanted);
  }

  /** All users in creation order. */
  all(): OktaUser[] {
    return this.index.all();
  }

  /** Users whose profile attribute equals `value`, case aside (by index when the attribute has one). */
  findBy(attr: string, value: string): OktaUser[] {
    const wanted = value.toLowerCase();
    const candidates = isIndexedField(attr) ? this.index.matching(attr, 'eq', value) : this.all();
    return candidates.filter((u) => String(u.profile[attr] ?? '').toLowerCase() === wanted);
  }

  /** Partial profile update (`POST /api/v1/users/{id}`). */
  update(idOrLogin: string, changes: Partial<OktaProfile>): OktaUser {
    const user = this.get(idOrLogin);
    return this.#setProfile(user, { ...user.profile, ...changes });
  }

  /** Full profile replace (`PUT /api/v1/users/{id}`). */
  replace(idOrLogin: string, profile: OktaProfile): OktaUser {
    return this.#setProfile(this.get(idOrLogin), profile);
  }

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
    return this.#setStatus(user, next);
  }

  /**
   * A STAGED or PROVISIONED user who proves who they are (first sign-in through an inbound IdP)
   * becomes ACTIVE, as Okta activates such users on their first federated sign-in (inferred).
   */
  activateOnSignIn(idOrLogin: string): OktaUser {
    const user = this.get(idOrLogin);
    if (user.status !== 'STAGED' && user.status !== 'PROVISIONED') return user;
    user.activated = recordTime(this.clock);
    return this.#setStatus(user, 'ACTIVE');
  }

  deactivate(idOrLogin: string): OktaUser {
    const user = this.get(idOrLogin);
    if (user.status === 'DEPROVISIONED')
      throw wrongStatus(user, 'deactivate', ['ACTIVE', 'STAGED', 'SUSPENDED']);
    return this.#setStatus(user, 'DEPROVISIONED');
  }

  reactivate(idOrLogin: string): OktaUser {
    const user = this.get(idOrLogin);
    if (user.status !== 'PROVISIONED' && user.status !== 'RECOVERY') {
      throw wrongStatus(user, 'reactivate', ['PROVISIONED', 'RECOVERY']);
    }
    return this.#setStatus(user, 'PROVISIONED');
  }

  suspend(idOrLogin: string): OktaUser {
    const user = this.get(idOrLogin);
    if (user.status !== 'ACTIVE') throw notInStatus(user, 'suspend', 'ACTIVE');
    return this.#setStatus(user, 'SUSPENDED');
  }

  unsuspend(idOrLogin: string): OktaUser {
    const user = this.get(idOrLogin);
    if (user.status !== 'SUSPENDED') throw notInStatus(user, 'unsuspend', 'SUSPENDED');
    return this.#setStatus(user, 'ACTIVE');
  }

  /** Okta locks an active user out after too many failed sign-ins; `unlock` undoes it. */
  lockOut(idOrLogin: string): OktaUser {
    const user = this.get(idOrLogin);
    if (user.status !== 'ACTIVE') throw wrongStatus(user, 'lock out', ['ACTIVE']);
    return this.#setStatus(user, 'LOCKED_OUT');
  }

  unlock(idOrLogin: string): OktaUser {
    const user = this.get(idOrLogin);
    if (user.status !== 'LOCKED_OUT') throw wrongStatus(user, 'unlock', ['LOCKED_OUT']);
    return this.#setStatus(user, 'ACTIVE');
  }

  /**
   * `lifecycle/expire_password`: the user must change their password at the next sign-in (Okta's
   * User Credentials API). Only an ACTIVE user with a password has one to expire (inferred).
   */
  expirePassword(idOrLogin: string): OktaUser {
    const user = this.get(idOrLogin);
    if (user.status !== 'ACTIVE' || user.password === undefined)
      throw wrongStatus(user, 'expire the password of', ['ACTIVE']);
    return this.#setStatus(user, 'PASSWORD_EXPIRED');
  }

  /** Okta deletes only deprovisioned users. */
  delete(idOrLogin: string): void {
    const user = this.get(idOrLogin);
    if (user.status !== 'DEPROVISIONED') throw wrongStatus(user, 'delete', ['DEPROVISIONED']);
    this.#byLogin.delete(user.profile.login, user.id);
    this.index.removed(user);
  }

  /** Called after every create, profile change and status change (org2 pushes these downstream). */
  onChange(listener: (user: OktaUser) => void): void {
    this.#listeners.push(listener);
  }

  #notify(user: OktaUser): void {
    for (const listener of this.#listeners) listener(user);
  }

  recordLogin(user: OktaUser): void {
    user.lastLogin = recordTime(this.clock);
  }

  #setStatus(user: OktaUser, status: OktaStatus): OktaUser {
    const now = recordTime(this.clock);
    const before = user.status;
    user.status = status;
    this.index.statusChanged(user, before);
    user.statusChanged = now;
    user.lastUpdated = now;
    this.#notify(user);
    return user;
  }

  #setProfile(user: OktaUser, profile: OktaProfile): OktaUser {
    this.#validateProfile(profile);
    if (loginKey(profile.login) !== loginKey(user.profile.login) && this.#byLogin.has(profile.login)) {
      throw validationError([LOGIN_TAKEN], { actual: profile.login });
    }
    this.#byLogin.delete(user.profile.login, user.id);
    this.#byLogin.set(profile.login, user.id);
    const before = user.profile;
    user.profile = profile;
    this.index.profileChanged(user, before);
    user.lastUpdated = recordTime(this.clock);
    this.#notify(user);
    return user;
  }

  #validateProfile(profile: OktaProfile): void {
    const causes: string[] = [];
    const login = typeof profile.login === 'string' ? profile.login : '';
    if (login.length < LOGIN_MIN || login.length > LOGIN_MAX) {
      causes.push(`login: The field must be between ${LOGIN_MIN} and ${LOGIN_MAX} characters`);
    } else if (hasInvisibleCharacter(login)) {
      // Inferred wording: a zero-width or bidi character makes a login that reads as another.
      causes.push('login: Username must not contain control, format or bidirectional characters');
    } else if (this.loginsAreEmails && !EMAIL_LOGIN.test(login)) {
      // Okta's wording (support.okta.com, "Cannot Confirm or Import Active Directory User … Email Format").
      causes.push('login: Username must be in the form of an email address');
    }
    for (const field of ['email', 'firstName', 'lastName'] as const) {
      if (typeof profile[field] !== 'string' || profile[field] === '')
        causes.push(`${field}: The field cannot be left blank`);
    }
    if (typeof profile.email === 'string' && profile.email !== '' && !profile.email.includes('@')) {
      causes.push('email: Does not match required pattern');
    }
    if (causes.length > 0) throw validationError(causes, { actual: profile });
  }
}
