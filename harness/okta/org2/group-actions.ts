import type { ParsedAssertion } from '../../saml/parse.js';
import type { Groups } from '../groups.js';

/**
 * The IdP's JIT group policy (`policy.provisioning.groups`): ASSIGN puts new users in fixed
 * groups; APPEND adds the groups an assertion attribute names; SYNC makes membership equal to
 * them. Only existing groups on the allowlist (`filter`) are touched: Okta never creates groups.
 */
export interface GroupPolicy {
  action: 'NONE' | 'ASSIGN' | 'APPEND' | 'SYNC';
  /** ASSIGN: group names every JIT-created user joins. */
  assignments: readonly string[];
  /** APPEND / SYNC: the assertion attribute holding group names. */
  sourceAttributeName: string;
  /** APPEND / SYNC: the groups the IdP may manage. */
  filter: readonly string[];
}

export const NO_GROUP_POLICY: GroupPolicy = {
  action: 'NONE',
  assignments: [],
  sourceAttributeName: 'groups',
  filter: [],
};

const lower = (names: readonly string[]) => new Set(names.map((n) => n.toLowerCase()));

/** Applies the policy to one signed-in user; returns the names of the groups changed. */
export function applyGroupPolicy(
  policy: GroupPolicy,
  groups: Groups,
  userId: string,
  assertion: ParsedAssertion,
  created: boolean,
): string[] {
  const changed: string[] = [];
  const join = (name: string) => {
    const group = groups.findByName(name);
    if (group && !group.members.has(userId)) {
      groups.addMember(group.id, userId);
      changed.push(`+${group.profile.name}`);
    }
  };
  if (policy.action === 'ASSIGN') {
    if (created) policy.assignments.forEach(join);
    return changed;
  }
  if (policy.action !== 'APPEND' && policy.action !== 'SYNC') return changed;
  const managed = lower(policy.filter);
  const sent = lower(assertion.attributes[policy.sourceAttributeName] ?? []);
  for (const name of sent) if (managed.has(name)) join(name);
  if (policy.action === 'SYNC') {
    for (const group of groups.groupsOf(userId)) {
      const name = group.profile.name.toLowerCase();
      if (managed.has(name) && !sent.has(name)) {
        groups.removeMember(group.id, userId);
        changed.push(`-${group.profile.name}`);
      }
    }
  }
  return changed;
}
