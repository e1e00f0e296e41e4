import { pushResultOf } from '../api/app-users.js';
import { appUserNameFormat } from '../app-username.js';
import type { OktaUser } from '../directory.js';
import { notFound } from '../errors.js';
import type { MembershipFollow } from '../group-admin.js';
import type { OktaGroup } from '../groups.js';
import type { Org2OrgTask } from './connector.js';
import { type GroupAssignmentOrg, grantingGroup } from './group-assignment.js';

/**
 * Org2Org's group assignments follow membership (docs/decisions/bulk-group-push.md): a user who
 * joins an assigned group gets the app (scope GROUP) and is pushed; one who leaves loses a
 * group-sourced assignment unless another assigned group still gives it (deactivated in org2 per
 * the app's "Deactivate Users"). Each change costs a look at the app's assigned groups, never at
 * all users.
 */
export function assignmentFollows(org: GroupAssignmentOrg): MembershipFollow {
  return {
    joined: (group, user) => memberJoined(org, group, user),
    left: (group, user) =>
      org.appUsers.groups.find(org.app.id, group.id) ? revokeGroupSourced(org, user) : Promise.resolve(),
    deleted: async (group) => {
      // Okta drops a deleted group's app assignments with it.
      if (org.appUsers.groups.find(org.app.id, group.id)) await dropAssignment(org, group).deprovisioned;
    },
  };
}

async function memberJoined(org: GroupAssignmentOrg, group: OktaGroup, user: OktaUser) {
  const { app, appUsers, connector } = org;
  if (!appUsers.groups.find(app.id, group.id) || user.status === 'DEPROVISIONED') return undefined;
  if (appUsers.find(app.id, user.id)) return undefined;
  appUsers.assign(app.id, user.id, appUserNameFormat(app)(user), undefined, 'GROUP');
  const task = await connector.push(user, 'assign');
  appUsers.pushed(app.id, user.id, pushResultOf(app.provisioning.enabled, task));
  return task;
}

/** Drops the user's GROUP-scoped assignment when no assigned group holds them any more; deactivates in org2. */
async function revokeGroupSourced(org: GroupAssignmentOrg, user: OktaUser): Promise<Org2OrgTask | undefined> {
  const { app, appUsers } = org;
  if (appUsers.find(app.id, user.id)?.scope !== 'GROUP' || grantingGroup(org, user.id)) return undefined;
  appUsers.remove(app.id, user.id);
  return org.connector.deactivate(user);
}

/**
 * Okta's unassignApplicationFromGroup: the assignment goes at once; members who had the app only
 * through it lose it, their deactivations in org2 run after (`deprovisioned`), then pushed groups follow.
 */
export function unassignGroup(
  org: GroupAssignmentOrg,
  groupId: string,
): { deprovisioned: Promise<Org2OrgTask[]> } {
  return dropAssignment(org, org.groups.get(groupId));
}

function dropAssignment(
  org: GroupAssignmentOrg,
  group: OktaGroup,
): { deprovisioned: Promise<Org2OrgTask[]> } {
  if (!org.appUsers.groups.remove(org.app.id, group.id))
    throw notFound(group.id, 'ApplicationGroupAssignment');
  const drops: Promise<Org2OrgTask | undefined>[] = [];
  for (const id of group.members) {
    const user = org.directory.find(id);
    if (user) drops.push(revokeGroupSourced(org, user));
  }
  const deprovisioned = Promise.all(drops).then(async (tasks) => {
    await org.groupPush.syncAll();
    return tasks.filter((t): t is Org2OrgTask => t !== undefined);
  });
  return { deprovisioned: org.connector.background.track(deprovisioned) };
}
