import type { AppGroup, AppGroupChanges } from '../api/app-group-assignments.js';
import { type AppUsers, pushResultOf } from '../api/app-users.js';
import { appUserNameFormat } from '../app-username.js';
import type { Directory } from '../directory.js';
import type { Groups, OktaGroup } from '../groups.js';
import type { Org2OrgConnector, Org2OrgTask } from './connector.js';
import type { GroupPush } from './group-push.js';
import type { Org2OrgApp } from './org2org-app.js';

/** What assigning a group to Org2Org uses of org1. */
export interface GroupAssignmentOrg {
  readonly app: Org2OrgApp;
  readonly directory: Directory;
  readonly groups: Groups;
  readonly appUsers: AppUsers;
  readonly connector: Org2OrgConnector;
  readonly groupPush: GroupPush;
}

export interface GroupAssigned {
  assignment: AppGroup;
  /** How many members became app users (those already assigned keep their assignment). */
  queued: number;
  /** Resolves when every member's push has finished: their tasks, in member order. */
  pushed: Promise<Org2OrgTask[]>;
}

/**
 * Assigns an org1 group to Org2Org (Okta's assignGroupToApplication: the app goes to each member,
 * app user scope GROUP): each member not yet assigned becomes an app user and its push is queued
 * at once (pending tasks), then run a few at a time through the connector's slots, honouring
 * org2's rate limit. The assignment is answered before the pushes end (docs/decisions/bulk-group-push.md);
 * pushed groups follow once, after the last push, not after each.
 */
export function assignGroup(
  org: GroupAssignmentOrg,
  groupId: string,
  changes: AppGroupChanges = {},
): GroupAssigned {
  const group = org.groups.get(groupId);
  const { app, appUsers, connector } = org;
  const assignment = appUsers.groups.assign(app.id, group.id, changes);
  const format = appUserNameFormat(app);
  const pushes: Promise<Org2OrgTask | undefined>[] = [];
  for (const id of group.members) {
    const user = org.directory.find(id);
    if (!user || user.status === 'DEPROVISIONED' || appUsers.find(app.id, id)) continue;
    appUsers.assign(app.id, id, format(user), undefined, 'GROUP');
    pushes.push(
      connector.push(user, 'assign', connector.slots).then((task) => {
        appUsers.pushed(app.id, id, pushResultOf(app.provisioning.enabled, task));
        return task;
      }),
    );
  }
  const pushed = Promise.all(pushes).then(async (tasks) => {
    await org.groupPush.syncAll();
    return tasks.filter((t): t is Org2OrgTask => t !== undefined);
  });
  return { assignment, queued: pushes.length, pushed: connector.background.track(pushed) };
}

/** An assigned group holding the user: what gives them Org2Org through membership (none: undefined). */
export function grantingGroup(org: GroupAssignmentOrg, userId: string): OktaGroup | undefined {
  for (const assigned of org.appUsers.groups.of(org.app.id)) {
    const group = org.groups.find(assigned.groupId);
    if (group?.members.has(userId)) return group;
  }
  return undefined;
}
