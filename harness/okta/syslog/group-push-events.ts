import type { ProvisioningTask } from '../../provisioning/task-log.js';
import type { Groups } from '../groups.js';
import { type LogInput, type LogTarget, SYSTEM_ACTOR, type SystemLog } from './log-store.js';
import { appTarget, type PushApp, taskOutcome } from './push-events.js';

/**
 * System Log events of Org2Org's group push, on org1's log. Event types and display messages:
 * Okta's event types catalogue (okta/okta-developer-docs,
 * `packages/@okta/vuepress-site/data/event-types.json`). A success and a failure of the same
 * change have different types there: e.g. `application.provision.group_push.pushed` ("A group was
 * pushed to an app") and `application.provision.group.add` ("… fired when the group provisioning
 * failed"). See docs/decisions/org2org-group-push.md.
 */
interface EventName {
  eventType: string;
  displayMessage: string;
}

const event = (eventType: string, displayMessage: string): EventName => ({ eventType, displayMessage });

const MEMBERSHIPS = event(
  'application.provision.group_push.push_memberships',
  'Group push pushed memberships',
);

const GROUP_PUSHES: Record<string, { done: EventName; failed: EventName }> = {
  push: {
    done: event('application.provision.group_push.pushed', 'A group was pushed to an app'),
    failed: event(
      'application.provision.group.add',
      'Okta failed to provision a group on a remote application',
    ),
  },
  rename: {
    done: event(
      'application.provision.group_push.mapping.app.group.renamed',
      'A mapped app group has been renamed because the source group was renamed',
    ),
    failed: event(
      'application.provision.group_push.mapping.app.group.renamed.failed',
      "A mapped app group couldn't be renamed when the source group was renamed",
    ),
  },
  add: {
    done: MEMBERSHIPS,
    failed: event('application.provision.group_membership.add', 'Failed to assign a user to a group'),
  },
  remove: {
    done: MEMBERSHIPS,
    failed: event('application.provision.group_membership.remove', 'Error while removing user(s) from group'),
  },
  unlink: {
    done: event('application.provision.group_push.removed', 'A group was removed from an app'),
    failed: event(
      'application.provision.group.remove',
      'Okta failed to delete a group from a remote application',
    ),
  },
};

const MAPPING_CREATED = event(
  'application.provision.group_push.mapping.created',
  'A new mapping has been created',
);

/**
 * The events of one finished group push task: the org1 group (`UserGroup`, its name as
 * alternateId) and the app as targets, Okta's system principal as actor; the org2 group's id is
 * in debugData. A first push is preceded by the mapping's creation.
 */
export function groupPushLogInputs(task: ProvisioningTask, app: PushApp, groupId: string): LogInput[] {
  const names = GROUP_PUSHES[task.action];
  if (!names || task.status === 'skipped' || task.status === 'pending') return [];
  const group: LogTarget = {
    id: groupId,
    type: 'UserGroup',
    alternateId: task.login,
    displayName: task.login,
  };
  const base = { actor: SYSTEM_ACTOR, target: [group, appTarget(app)], transaction: 'JOB' as const };
  const { outcome, debugData } = taskOutcome(task);
  const remote: Record<string, string> = task.targetId === undefined ? {} : { targetGroupId: task.targetId };
  const pushed: LogInput = {
    ...(task.status === 'done' ? names.done : names.failed),
    ...base,
    outcome,
    debugData: { ...debugData, ...remote },
  };
  if (task.action !== 'push') return [pushed];
  return [{ ...MAPPING_CREATED, ...base, outcome: { result: 'SUCCESS', reason: null } }, pushed];
}

/** A group push TaskLog's `onFinish` writing each finished task to `log`. */
export function logGroupPushes(log: SystemLog, app: () => PushApp, groups: Groups) {
  return (task: ProvisioningTask): void => {
    const groupId = groups.findByName(task.login)?.id ?? task.login;
    for (const input of groupPushLogInputs(task, app(), groupId)) log.record(input);
  };
}
