import { type Clock, recordTime } from '../core/clock.js';
import type { IdGenerator } from '../core/ids.js';
import { userNotFound, validationError } from './errors.js';
import { LoginIndex, loginKey } from './logins.js';
import { LookalikeIndex } from './lookalikes.js';
import { LOGIN_TAKEN, validateProfile } from './profile-rules.js';
import type { CreateUserOptions, OktaProfile, OktaStatus, OktaUser } from './user.js';
import { isIndexedField, UserIndex } from './user-index.js';

/**
 * An Okta org's users and their indexes: create, look up, change profiles and statuses, and tell
 * listeners; Directory adds Okta's lifecycle operations on top.
 */
export class UserStore {
  readonly #byLogin = new LoginIndex();
  /** Creation order, statuses and the lower-cased login, email and names: what the Users API queries. */
  readonly index = new UserIndex<OktaUser>();
  readonly #lookalikes = new LookalikeIndex(() => this.index.all());

  readonly #listeners: ((user: OktaUser) => void)[] = [];
  /** How many users hold each password: what a trace redacts, without a scan of every user. */
  readonly #passwords = new Map<string, number>();

  /**
   * Okta's default username policy: logins are email addresses (the spec's `UserProfile.login`);
   * false is an org whose admin removed that restriction from the login attribute.
   */
  loginsAreEmails = true;

  constructor(
    protected readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Creates a user; the status follows Okta's rules for `activate`, provider and password. */
  create(profile: OktaProfile, options: CreateUserOptions = {}): OktaUser {
    validateProfile(profile, this.loginsAreEmails);
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
    this.#passwordHeld(user.password, 1);
    this.index.added(user);
    this.#lookalikes.added(user.id, user.profile.login);
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
    const others = this.#lookalikes.sameAs(user.profile.login).filter((id) => id !== user.id);
    const first = (id: string) => this.index.position(id) ?? Number.POSITIVE_INFINITY;
    const [earliest] = others.sort((a, b) => first(a) - first(b));
    return earliest === undefined ? undefined : this.index.user(earliest);
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

  /** The distinct passwords users hold now (each once). */
  passwords(): string[] {
    return [...this.#passwords.keys()];
  }

  /** Sets a user's password, keeping the count of who holds which. */
  protected changePassword(user: OktaUser, password: string): void {
    this.#passwordHeld(user.password, -1);
    user.password = password;
    this.#passwordHeld(password, 1);
  }

  #passwordHeld(password: string | undefined, delta: 1 | -1): void {
    if (!password) return;
    const held = (this.#passwords.get(password) ?? 0) + delta;
    if (held > 0) this.#passwords.set(password, held);
    else this.#passwords.delete(password);
  }

  /** Takes a user out of the store and its indexes. */
  protected forget(user: OktaUser): void {
    this.#passwordHeld(user.password, -1);
    this.#byLogin.delete(user.profile.login, user.id);
    this.index.removed(user);
    this.#lookalikes.removed(user.id, user.profile.login);
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

  protected setStatus(user: OktaUser, status: OktaStatus): OktaUser {
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
    validateProfile(profile, this.loginsAreEmails);
    if (loginKey(profile.login) !== loginKey(user.profile.login) && this.#byLogin.has(profile.login)) {
      throw validationError([LOGIN_TAKEN], { actual: profile.login });
    }
    this.#byLogin.delete(user.profile.login, user.id);
    this.#byLogin.set(profile.login, user.id);
    this.#lookalikes.removed(user.id, user.profile.login);
    this.#lookalikes.added(user.id, profile.login);
    const before = user.profile;
    user.profile = profile;
    this.index.profileChanged(user, before);
    user.lastUpdated = recordTime(this.clock);
    this.#notify(user);
    return user;
  }
}
