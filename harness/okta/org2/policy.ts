import { FedsimError } from '../../core/errors.js';
import { NAMEID_FORMAT } from '../../saml/constants.js';
import type { ParsedAssertion } from '../../saml/parse.js';
import type { Directory, OktaUser } from '../directory.js';
import { type CompiledTemplate, compileTemplate, type IdpUser } from '../expression.js';
import type { Groups } from '../groups.js';
import { applyGroupPolicy } from './group-actions.js';
import type { InboundIdp } from './inbound-idp.js';
import type { IdpLinks } from './links.js';

/** What the inbound IdP decided for one assertion. */
export interface SignInOutcome {
  user: OktaUser;
  username: string;
  action: 'linked-existing' | 'already-linked' | 'jit-created';
  /** Group memberships the IdP's group policy changed (`+name` joined, `-name` left). */
  groupsChanged: string[];
}

export interface PolicyDeps {
  directory: Directory;
  links: IdpLinks;
  groups: Groups;
  /** Org-wide "Just In Time provisioning" switch (Security > General). */
  jitEnabled: boolean;
  /** Whether the user holds an admin role in the org (for `excludeAdmins`). */
  isAdmin: (userId: string) => boolean;
}

const first = (a: ParsedAssertion, name: string) => a.attributes[name]?.[0];

export function idpUserOf(a: ParsedAssertion): IdpUser {
  return {
    subjectNameId: a.nameId,
    subjectNameFormat: a.nameIdFormat,
    email: first(a, 'email'),
    firstName: first(a, 'firstName'),
    lastName: first(a, 'lastName'),
    displayName: first(a, 'displayName'),
    mobilePhone: first(a, 'mobilePhone'),
  };
}

/** Okta's inbound-IdP rules: username template, subject filter, match, account link, JIT. */
export class InboundPolicy {
  #template!: CompiledTemplate;
  #filter: RegExp | undefined;
  /** Org-wide "Just In Time provisioning" switch. */
  jitEnabled: boolean;

  constructor(
    readonly idp: InboundIdp,
    private readonly deps: PolicyDeps,
  ) {
    this.jitEnabled = deps.jitEnabled;
    this.refresh();
  }

  /** Compiles the username template and subject filter: a bad one is a config error, now. */
  refresh(): void {
    this.#template = compileTemplate(this.idp.userNameTemplate);
    try {
      this.#filter = this.idp.subjectFilter ? new RegExp(`^(?:${this.idp.subjectFilter})$`) : undefined;
    } catch (err) {
      throw new FedsimError(
        'CONFIG_INVALID',
        `IdP subject filter is not a valid regular expression: ${this.idp.subjectFilter}`,
        { cause: err },
      );
    }
  }

  /** Decides who signs in, then applies the group policy to them. */
  resolve(assertion: ParsedAssertion): SignInOutcome {
    const outcome = this.#resolveUser(assertion);
    const created = outcome.action === 'jit-created';
    outcome.groupsChanged = applyGroupPolicy(
      this.idp.groups,
      this.deps.groups,
      outcome.user.id,
      assertion,
      created,
    );
    return outcome;
  }

  /** Creates or links only after every rule has passed. */
  #resolveUser(assertion: ParsedAssertion): SignInOutcome {
    const idpUser = idpUserOf(assertion);
    const username = this.#template(idpUser);
    if (this.#filter && !this.#filter.test(username)) {
      throw new FedsimError(
        'IDP_SUBJECT_FILTER',
        `Transformed username ${username} does not match the IdP's subject filter`,
        {
          expected: this.idp.subjectFilter,
          actual: username,
          hint: `Change the IdP's subject filter in org2 or the username the IdP sends.`,
        },
      );
    }
    const linked = this.#linkedUser(assertion);
    if (linked) return this.#finish(linked, username, 'already-linked', idpUser);
    const match = this.#match(username);
    if (match) {
      const already = this.deps.links.get(match.id);
      if (already) return this.#finish(match, username, 'already-linked', idpUser);
      if (this.#mayLink(match)) return this.#finish(match, username, 'linked-existing', idpUser);
      if (this.#jitOn()) {
        throw new FedsimError(
          'IDP_USERNAME_NOT_UNIQUE',
          `JIT provisioning failed: a user with username ${username} already exists and account linking is disabled`,
          {
            actual: match.profile.login,
            hint: 'Enable automatic account linking on the IdP, or remove the existing user.',
          },
        );
      }
    }
    if (!match && this.#jitOn()) return this.#jitCreate(username, idpUser);
    throw new FedsimError(
      'IDP_USER_NOT_FOUND',
      `User Not Found: unable to match transformed username ${username} (match against ${this.idp.matchType})`,
      {
        actual: username,
        hint:
          this.#jitOn() || match
            ? 'Enable account linking for this IdP.'
            : `Create ${username} in org2, or turn on JIT ("Create new user") and the org-wide JIT switch.`,
      },
    );
  }

  /**
   * Auto-link is on, the user is not excluded (by id, or as an admin), and, with a group filter
   * (group ids), the user is in one of its groups.
   */
  #mayLink(user: OktaUser): boolean {
    if (this.idp.accountLink !== 'AUTO') return false;
    if (this.idp.accountLinkExcludeUsers.includes(user.id)) return false;
    if (this.idp.accountLinkExcludeAdmins && this.deps.isAdmin(user.id)) return false;
    const include = new Set(this.idp.accountLinkGroups);
    return include.size === 0 || this.deps.groups.groupsOf(user.id).some((g) => include.has(g.id));
  }

  #jitOn(): boolean {
    return this.idp.provisioning === 'AUTO' && this.jitEnabled;
  }

  #linkedUser(a: ParsedAssertion): OktaUser | undefined {
    if (!this.idp.honorPersistentNameId || a.nameIdFormat !== NAMEID_FORMAT.persistent || !a.nameId)
      return undefined;
    const link = this.deps.links.byExternalId(a.nameId);
    return link ? this.deps.directory.find(link.userId) : undefined;
  }

  #match(username: string): OktaUser | undefined {
    const { directory } = this.deps;
    const byAttr = (attr: string) => directory.findBy(attr, username);
    const found = {
      USERNAME: () => byAttr('login'),
      EMAIL: () => byAttr('email'),
      USERNAME_OR_EMAIL: () => {
        const byLogin = byAttr('login');
        return byLogin.length ? byLogin : byAttr('email');
      },
      CUSTOM_ATTRIBUTE: () => byAttr(this.idp.matchAttribute ?? ''),
    }[this.idp.matchType]();
    if (found.length > 1) {
      throw new FedsimError(
        'IDP_MATCH_AMBIGUOUS',
        `${found.length} users match ${username} by ${this.idp.matchType}; Okta never guesses`,
        {
          actual: found.map((u) => u.profile.login),
          hint: 'Make the matched attribute unique in org2.',
        },
      );
    }
    return found[0];
  }

  #jitCreate(username: string, idpUser: IdpUser): SignInOutcome {
    const user = this.deps.directory.create(
      {
        login: username,
        email: idpUser.email ?? username,
        firstName: idpUser.firstName ?? '',
        lastName: idpUser.lastName ?? '',
      },
      { provider: 'FEDERATION', activate: true },
    );
    return this.#finish(user, username, 'jit-created', idpUser);
  }

  /** Okta's provisioning conditions: reactivate or unsuspend matched users when the IdP says so. */
  #applyConditions(user: OktaUser): void {
    const { directory } = this.deps;
    if (user.status === 'DEPROVISIONED' && this.idp.deprovisionedAction === 'REACTIVATE') {
      directory.activate(user.id);
    }
    if (user.status === 'SUSPENDED' && this.idp.suspendedAction === 'UNSUSPEND') directory.unsuspend(user.id);
    directory.activateOnSignIn(user.id);
  }

  #finish(
    user: OktaUser,
    username: string,
    action: SignInOutcome['action'],
    idpUser: IdpUser,
  ): SignInOutcome {
    this.#applyConditions(user);
    if (user.status !== 'ACTIVE') {
      throw new FedsimError(
        'IDP_USER_INACTIVE',
        `User ${user.profile.login} is ${user.status} in org2 and cannot sign in`,
        {
          expected: 'ACTIVE',
          actual: user.status,
          hint: 'Activate the user in org2, or set the IdP to reactivate deprovisioned users.',
        },
      );
    }
    if (this.idp.profileMaster && action !== 'jit-created') {
      const changes = Object.fromEntries(
        (['email', 'firstName', 'lastName'] as const).flatMap((k) => (idpUser[k] ? [[k, idpUser[k]]] : [])),
      );
      this.deps.directory.update(user.id, changes);
    }
    if (this.idp.profileMaster) user.profileMasteredBy = this.idp.id;
    this.deps.links.link(
      user.id,
      idpUser.subjectNameId ?? username,
      Object.fromEntries(Object.entries(idpUser).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >,
    );
    return { user, username, action, groupsChanged: [] };
  }
}
