import { FedsimError } from '../../core/errors.js';
import { NAMEID_FORMAT } from '../../saml/constants.js';
import type { ParsedAssertion } from '../../saml/parse.js';
import type { Directory, OktaUser } from '../directory.js';
import type { Groups } from '../groups.js';
import type { InboundIdp } from './inbound-idp.js';
import type { IdpLinks } from './links.js';

/** What finding an assertion's user in org2 reads (policy.ts passes its deps). */
export interface MatchDeps {
  directory: Directory;
  links: IdpLinks;
  groups: Groups;
  /** Whether the user holds an admin role in the org (for `excludeAdmins`). */
  isAdmin: (userId: string) => boolean;
}

/** The user a persistent NameID was linked to before, when the IdP honors persistent NameIDs. */
export function linkedUser(idp: InboundIdp, deps: MatchDeps, a: ParsedAssertion): OktaUser | undefined {
  if (!idp.honorPersistentNameId || a.nameIdFormat !== NAMEID_FORMAT.persistent || !a.nameId)
    return undefined;
  const link = deps.links.byExternalId(a.nameId);
  return link ? deps.directory.find(link.userId) : undefined;
}

/** The org2 user the transformed username matches under the IdP's match rule; several is an error. */
export function matchUser(idp: InboundIdp, directory: Directory, username: string): OktaUser | undefined {
  const byAttr = (attr: string) => directory.findBy(attr, username);
  const found = {
    USERNAME: () => byAttr('login'),
    EMAIL: () => byAttr('email'),
    USERNAME_OR_EMAIL: () => {
      const byLogin = byAttr('login');
      return byLogin.length ? byLogin : byAttr('email');
    },
    CUSTOM_ATTRIBUTE: () => byAttr(idp.matchAttribute ?? ''),
  }[idp.matchType]();
  if (found.length > 1) {
    throw new FedsimError(
      'IDP_MATCH_AMBIGUOUS',
      `${found.length} users match ${username} by ${idp.matchType}; Okta never guesses`,
      {
        actual: found.map((u) => u.profile.login),
        hint: 'Make the matched attribute unique in org2.',
      },
    );
  }
  return found[0];
}

/**
 * Auto-link is on, the user is not excluded (by id, or as an admin), and, with a group filter
 * (group ids), the user is in one of its groups.
 */
export function mayLink(idp: InboundIdp, deps: MatchDeps, user: OktaUser): boolean {
  if (idp.accountLink !== 'AUTO') return false;
  if (idp.accountLinkExcludeUsers.includes(user.id)) return false;
  if (idp.accountLinkExcludeAdmins && deps.isAdmin(user.id)) return false;
  const include = new Set(idp.accountLinkGroups);
  return include.size === 0 || deps.groups.groupsOf(user.id).some((g) => include.has(g.id));
}
