import { FedsimError } from '../core/errors.js';
import type { Groups } from '../okta/groups.js';
import type { InboundIdp } from '../okta/org2/inbound-idp.js';

/**
 * Okta's IdP policy names groups by id (`00g…`: ProvisioningGroups.assignments / filter,
 * PolicyAccountLinkFilterGroups.include in the management spec). A scenario may name them for
 * readability; the world turns each reference into the id of an org2 group, so what org2 serves
 * and checks is what a real org holds. A reference to no group is a config error, as Okta
 * refuses to save a policy naming a group it does not have.
 */
function groupIdOf(ref: string, groups: Groups, where: string): string {
  const group = groups.find(ref) ?? groups.findByName(ref);
  if (group) return group.id;
  throw new FedsimError('CONFIG_INVALID', `${where} names ${ref}, which is no group of org2`, {
    expected: groups.all().map((g) => `${g.id} (${g.profile.name})`),
    actual: ref,
    hint: 'List it under world.org2.groups: a name, or { id, name } to keep the id an exported IdP refers to.',
  });
}

/** Replaces the group names in the IdP's policy by their ids (ids stay as they are). */
export function resolveIdpGroups(idp: InboundIdp, groups: Groups): void {
  const ids = (refs: readonly string[], where: string) => refs.map((ref) => groupIdOf(ref, groups, where));
  idp.accountLinkGroups = ids(idp.accountLinkGroups, 'policy.accountLink.filter.groups.include');
  idp.groups = {
    ...idp.groups,
    assignments: ids(idp.groups.assignments, 'policy.provisioning.groups.assignments'),
    filter: ids(idp.groups.filter, 'policy.provisioning.groups.filter'),
  };
}
