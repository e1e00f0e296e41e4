import { oktaError, validationError } from '../errors.js';
import type { Org2OrgTask } from './connector.js';
import { type GroupAssignmentOrg, grantingGroup } from './group-assignment.js';

/** Okta's errorCauses when an unassignment is refused (docs/decisions/app-group-assignment.md). */
const GROUP_GRANTS =
  'The application cannot be unassigned from the user while their group memberships grant them access';

/**
 * Okta's unassignUserFromApplication for Org2Org: the app user goes and Org2Org deactivates the
 * user in org2. Refused (403 E0000046) while an assigned group holds the user, whatever the
 * assignment's scope: Okta's "remove the user from the group, or unassign the application from the
 * entire group" (help.okta.com, "Unassign users from applications").
 */
export async function unassignUser(org: GroupAssignmentOrg, login: string): Promise<Org2OrgTask | undefined> {
  const user = org.directory.get(login);
  const group = grantingGroup(org, user.id);
  if (group)
    throw oktaError('OKTA_E0000046', {
      causes: [GROUP_GRANTS],
      expected: `${user.profile.login} in no group assigned to ${org.app.label}`,
      actual: `a member of ${group.profile.name}, assigned to ${org.app.label}`,
    });
  org.appUsers.remove(org.app.id, user.id);
  const task = await org.connector.deactivate(user);
  await org.groupPush.syncAll();
  return task;
}

/**
 * Okta's "Convert Assignments" (help.okta.com, "Convert an individual assignment to a group
 * assignment"): an individual assignment becomes GROUP-scoped, so it ends when the user's groups
 * stop giving the app. Only for a user an assigned group holds; nothing is pushed.
 */
export function convertToGroup(org: GroupAssignmentOrg, userId: string): void {
  const user = org.directory.get(userId);
  if (!grantingGroup(org, user.id))
    throw validationError([
      `userId: ${user.profile.login} is in no group assigned to ${org.app.label}, so there is no group assignment to convert to`,
    ]);
  org.appUsers.setScope(org.app.id, user.id, 'GROUP');
}
