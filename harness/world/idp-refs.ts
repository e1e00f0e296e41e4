import { FedsimError } from '../core/errors.js';
import type { Directory, OktaUser } from '../okta/directory.js';
import type { Groups, OktaGroup } from '../okta/groups.js';
import type { InboundIdp } from '../okta/org2/inbound-idp.js';

/**
 * Okta's IdP policy names groups and users by id (`00g…`: ProvisioningGroups.assignments /
 * filter, PolicyAccountLinkFilterGroups.include; `00u…`: PolicyAccountLinkFilterUsers.exclude in
 * the management spec). A scenario may name them (group names, user logins) for readability; the
 * world turns each reference into an org2 id, so what org2 serves and checks is what a real org
 * holds. A reference to nothing is a config error, as Okta refuses to save such a policy.
 */
interface Kind<T> {
  find: (ref: string) => T | undefined;
  all: () => T[];
  label: (item: T) => string;
  hint: string;
}

function idOf<T extends { id: string }>(kind: Kind<T>, ref: string, where: string): string {
  const found = kind.find(ref);
  if (found) return found.id;
  throw new FedsimError('CONFIG_INVALID', `${where} names ${ref}, which org2 does not have`, {
    expected: kind.all().map((item) => `${item.id} (${kind.label(item)})`),
    actual: ref,
    hint: kind.hint,
  });
}

/** Replaces the names in the IdP's policy by the ids they refer to (ids stay as they are). */
export function resolveIdpRefs(idp: InboundIdp, org2: { groups: Groups; directory: Directory }): void {
  const { groups, directory } = org2;
  const group: Kind<OktaGroup> = {
    find: (ref) => groups.find(ref) ?? groups.findByName(ref),
    all: () => groups.all(),
    label: (g) => g.profile.name,
    hint: 'List it under world.org2.groups: a name, or { id, name } to keep the id an exported IdP refers to.',
  };
  const user: Kind<OktaUser> = {
    find: (ref) => directory.find(ref),
    all: () => directory.all(),
    label: (u) => u.profile.login,
    hint: 'List the user under world.org2.users.',
  };
  const groupIds = (refs: readonly string[], where: string) => refs.map((r) => idOf(group, r, where));
  idp.accountLinkGroups = groupIds(idp.accountLinkGroups, 'policy.accountLink.filter.groups.include');
  idp.accountLinkExcludeUsers = idp.accountLinkExcludeUsers.map((r) =>
    idOf(user, r, 'policy.accountLink.filter.users.exclude'),
  );
  idp.groups = {
    ...idp.groups,
    assignments: groupIds(idp.groups.assignments, 'policy.provisioning.groups.assignments'),
    filter: groupIds(idp.groups.filter, 'policy.provisioning.groups.filter'),
  };
}
