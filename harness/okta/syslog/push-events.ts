import type { ProvisioningTask } from '../../provisioning/task-log.js';
import type { Directory, OktaUser } from '../directory.js';
import { type LogInput, type LogTarget, SYSTEM_ACTOR, type SystemLog, userActor } from './log-store.js';

/**
 * System Log events of To-App provisioning pushes, written on the pushing org's log. Event types
 * and display messages are Okta's event types catalogue's (okta/okta-developer-docs,
 * `packages/@okta/vuepress-site/data/event-types.json`); the legacy mapping (Events API migration
 * guide) maps `app.api.error.create_user` to `application.provision.user.push`, and so on. See
 * docs/decisions/provisioning-push-events.md.
 */
interface EventName {
  eventType: string;
  displayMessage: string;
}

const USER_PUSHES: Record<string, EventName> = {
  create: {
    eventType: 'application.provision.user.push',
    displayMessage: 'Push new user to external application',
  },
  // Inferred: a match to an existing remote user is the catalogue's "sync".
  link: { eventType: 'application.provision.user.sync', displayMessage: 'Sync user in external application' },
  update: {
    eventType: 'application.provision.user.push_profile',
    displayMessage: "Push user's profile to external application",
  },
  deactivate: {
    eventType: 'application.provision.user.deactivate',
    displayMessage: 'Push user deactivation to external application',
  },
  reactivate: {
    eventType: 'application.provision.user.reactivate',
    displayMessage: 'Push user reactivation in external application',
  },
};

/** Okta follows a successful create with this event (catalogue: "Successfully pushed new user account to app"). */
const NEW_USER_SUCCESS: EventName = {
  eventType: 'app.user_management.push_new_user_success',
  displayMessage: 'Successfully pushed new user account to app',
};

/** The app instance a push ran for. */
export interface PushApp {
  id: string;
  label: string;
}

export function appTarget(app: PushApp): LogTarget {
  return { id: app.id, type: 'AppInstance', alternateId: app.label, displayName: app.label };
}

/** What a finished task's outcome is in the log: SUCCESS, or FAILURE with the task's error and tries. */
export function taskOutcome(task: ProvisioningTask): Pick<LogInput, 'outcome' | 'debugData'> {
  const tries = { attempts: String(task.attempts) };
  if (task.status !== 'failed') return { outcome: { result: 'SUCCESS', reason: null }, debugData: tries };
  const status = task.errors.at(-1)?.status;
  return {
    outcome: { result: 'FAILURE', reason: task.error?.message ?? 'Push failed' },
    debugData: {
      ...tries,
      fedsimCode: task.error?.code ?? 'UNKNOWN',
      ...(status === undefined ? {} : { httpStatus: String(status) }),
    },
  };
}

/**
 * The events of one finished user push: the user, their app user (the app username) and the app
 * as targets; Okta's system principal as actor. A skipped push (a toggle off, nothing to do) logs
 * nothing (inferred: nothing was sent).
 */
export function userPushLogInputs(
  task: ProvisioningTask,
  app: PushApp,
  user: OktaUser | undefined,
  appUserName: string,
): LogInput[] {
  const name = USER_PUSHES[task.action];
  if (!name || task.status === 'skipped' || task.status === 'pending') return [];
  const person = user
    ? userActor(user)
    : { id: task.login, type: 'User', alternateId: task.login, displayName: task.login };
  const appUser: LogTarget = {
    id: person.id,
    type: 'AppUser',
    alternateId: appUserName,
    displayName: person.displayName,
  };
  const base = {
    actor: SYSTEM_ACTOR,
    target: [person, appUser, appTarget(app)],
    transaction: 'JOB' as const,
  };
  const event: LogInput = { ...name, ...base, ...taskOutcome(task) };
  const created = task.action === 'create' && task.status === 'done';
  return created ? [event, { ...NEW_USER_SUCCESS, ...base, ...taskOutcome(task) }] : [event];
}

/** A TaskLog's `onFinish` writing each finished user push to `log`; `userNameOf` gives the app username. */
export function logUserPushes(
  log: SystemLog,
  app: () => PushApp,
  users: { directory: Directory; userNameOf: (user: OktaUser) => string },
): (task: ProvisioningTask) => void {
  return (task) => {
    const user = users.directory.find(task.login);
    const appUserName = user ? users.userNameOf(user) : task.login;
    for (const input of userPushLogInputs(task, app(), user, appUserName)) log.record(input);
  };
}
