import type { OktaUser } from '../directory.js';
import type { OktaGroup } from '../groups.js';
import { type LogActor, type SystemLog, userActor } from './log-store.js';

/**
 * The Users API's changes as System Log events, named as Okta's event types catalogue names them
 * (`user.lifecycle.create`, `.activate`, `.deactivate`, `.reactivate`, `.suspend`, `.unsuspend`,
 * `.delete.initiated`, `user.account.update_profile`, `user.account.unlock_by_admin`;
 * `user.account.expire_password`). The actor
 * is the SSWS token's owner, whom fedsim does not model: one fixed admin (inferred).
 */
export const API_ADMIN: LogActor = {
  id: '00uAPITOKENOWNER00001',
  type: 'User',
  alternateId: 'api-token-owner',
  displayName: 'API token owner',
};

const LIFECYCLE_EVENTS: Record<string, string> = {
  create: 'user.lifecycle.create',
  update: 'user.account.update_profile',
  activate: 'user.lifecycle.activate',
  deactivate: 'user.lifecycle.deactivate',
  reactivate: 'user.lifecycle.reactivate',
  suspend: 'user.lifecycle.suspend',
  unsuspend: 'user.lifecycle.unsuspend',
  unlock: 'user.account.unlock_by_admin',
  expire_password: 'user.account.expire_password',
  reset_password: 'user.account.reset_password',
  delete: 'user.lifecycle.delete.initiated',
};

/** Records what an admin's API call did to `user` (`change`: a key of the table above). */
export function logAdminChange(log: SystemLog | undefined, change: string, user: OktaUser): void {
  const eventType = LIFECYCLE_EVENTS[change];
  if (!log || !eventType) return;
  log.record({
    eventType,
    displayMessage: eventType,
    actor: API_ADMIN,
    outcome: { result: 'SUCCESS', reason: null },
    target: [userActor(user)],
    transaction: 'WEB',
  });
}

const GROUP_EVENTS: Record<string, string> = {
  create: 'group.lifecycle.create',
  update: 'group.profile.update',
  delete: 'group.lifecycle.delete',
  add: 'group.user_membership.add',
  remove: 'group.user_membership.remove',
};

/**
 * Records what an admin's Groups API call did (catalogue: `group.lifecycle.create`, `.delete`,
 * `group.profile.update`, `group.user_membership.add`, `.remove`); a membership also targets the user.
 */
export function logGroupChange(
  log: SystemLog | undefined,
  change: keyof typeof GROUP_EVENTS,
  group: OktaGroup,
  user?: OktaUser,
): void {
  const eventType = GROUP_EVENTS[change];
  if (!log || !eventType) return;
  const { name } = group.profile;
  log.record({
    eventType,
    displayMessage: eventType,
    actor: API_ADMIN,
    outcome: { result: 'SUCCESS', reason: null },
    target: [
      { id: group.id, type: 'UserGroup', alternateId: name, displayName: name },
      ...(user ? [userActor(user)] : []),
    ],
    transaction: 'WEB',
  });
}
