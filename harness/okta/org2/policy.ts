import { FedsimError } from '../../core/errors.js';
import type { ParsedAssertion } from '../../saml/parse.js';
import type { OktaUser } from '../directory.js';
import { type CompiledTemplate, compileTemplate, type IdpUser } from '../expression.js';
import { applyGroupPolicy } from './group-actions.js';
import type { InboundIdp } from './inbound-idp.js';
import { finishSignIn, type SignInOutcome } from './policy-finish.js';
import { linkedUser, type MatchDeps, matchUser, mayLink } from './policy-match.js';

export interface PolicyDeps extends MatchDeps {
  /** Org-wide "Just In Time provisioning" switch (Security > General). */
  jitEnabled: boolean;
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
    const linked = linkedUser(this.idp, this.deps, assertion);
    if (linked) return this.#finish(linked, username, 'already-linked', idpUser);
    const match = matchUser(this.idp, this.deps.directory, username);
    if (match) {
      const already = this.deps.links.get(match.id);
      if (already) return this.#finish(match, username, 'already-linked', idpUser);
      if (mayLink(this.idp, this.deps, match))
        return this.#finish(match, username, 'linked-existing', idpUser);
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

  #jitOn(): boolean {
    return this.idp.provisioning === 'AUTO' && this.jitEnabled;
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

  #finish(
    user: OktaUser,
    username: string,
    action: SignInOutcome['action'],
    idpUser: IdpUser,
  ): SignInOutcome {
    return finishSignIn(this.idp, this.deps, { user, username, action }, idpUser);
  }
}
