import type { ParsedAssertion } from '../../saml/parse.js';
import type { Groups, OktaGroup } from '../groups.js';

/**
 * The IdP's JIT group policy (`policy.provisioning.groups`): ASSIGN puts new users in fixed
 * groups; APPEND adds the groups an assertion attribute names; SYNC makes membership equal to
 * them. Only existing groups on the allowlist (`filter`) are touched: Okta never creates groups.
 * Okta's management spec (ProvisioningGroups): `assignments` and `filter` are `OKTA_GROUP` ids;
 * the assertion's attribute carries group *names*, matched against the names of those groups.
 */
export interface GroupPolicy {
  action: 'NONE' | 'ASSIGN' | 'APPEND' | 'SYNC';
  /** ASSIGN: ids of the groups every JIT-created user joins. */
  assignments: readonly string[];
  /** APPEND / SYNC: the assertion attribute holding group names. */
  sourceAttributeName: string;
  /** APPEND / SYNC: ids of the groups the IdP may manage. */
  filter: readonly string[];
}

export const NO_GROUP_POLICY: GroupPolicy = {
  action: 'NONE',
  assignments: [],
  sourceAttributeName: 'groups',
  filter: [],
};

const existing = (groups: Groups, ids: readonly string[]) => ids.flatMap((id) => groups.find(id) ?? []);

/** Applies the policy to one signed-in user; returns the names of the groups changed. */
export function applyGroupPolicy(
  policy: GroupPolicy,
  groups: Groups,
  userId: string,
  assertion: ParsedAssertion,
  created: boolean,
): string[] {
  const changed: string[] = [];
  const join = (group: OktaGroup) => {
    if (group.members.has(userId)) return;
    groups.addMember(group.id, userId);
    changed.push(`+${group.profile.name}`);
  };
  if (policy.action === 'ASSIGN') {
    if (created) existing(groups, policy.assignments).forEach(join);
    return changed;
  }
  if (policy.action !== 'APPEND' && policy.action !== 'SYNC') return changed;
  const sent = new Set((assertion.attributes[policy.sourceAttributeName] ?? []).map((n) => n.toLowerCase()));
  for (const group of existing(groups, policy.filter)) {
    if (sent.has(group.profile.name.toLowerCase())) join(group);
    else if (policy.action === 'SYNC' && group.members.has(userId)) {
      groups.removeMember(group.id, userId);
      changed.push(`-${group.profile.name}`);
    }
  }
  return changed;
}
