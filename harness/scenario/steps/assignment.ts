import { z } from 'zod';
import type { ProvisioningTask } from '../../provisioning/task-log.js';
import { defineStep, failOnTask, requireUser } from './define.js';

/** The apps an admin assigns and a user clicks: Org2Org in org1; in org2 Dropbox Business or an app of world.org2.apps. */
export const appName = z
  .string()
  .min(1)
  .describe('`Org2Org` (org1), `Dropbox Business` or the name of an app of world.org2.apps (org2)');

const userRef = z.object({ user: z.string(), app: appName.optional() }).strict();
/** An assignment may set the app username (Okta's per-assignment override of the username format). */
const assignment = userRef
  .extend({
    userName: z
      .string()
      .min(1)
      .optional()
      .describe("the app username set on this assignment (default: the app's username format)"),
  })
  .strict();

/** The tasks an action opened for one user: those after `sinceId` in the party's log. */
function tasksOpenedFor(
  tasks: readonly ProvisioningTask[],
  login: string,
  sinceId: number,
): ProvisioningTask[] {
  return tasks.filter((t) => t.id > sinceId && t.login === login);
}

/** assign and unassign differ only in direction: one definition each, built alike. */
function assignmentStep<const K extends 'assign' | 'unassign'>(kind: K, summary: string) {
  const assign = kind === 'assign';
  return defineStep({
    kind,
    summary,
    schema: assign ? assignment : userRef,
    describe: ({ user, app = 'Org2Org', userName }: z.infer<typeof assignment>) =>
      assign
        ? `assign ${user} to ${app}${userName ? ` as ${userName}` : ''}`
        : `unassign ${user} from ${app}`,
    async run({ user, app = 'Org2Org', userName }: z.infer<typeof assignment>, { world }) {
      if (app === 'Org2Org') {
        requireUser(world, 'org1', user);
        return failOnTask(await (assign ? world.org1.assign(user, userName) : world.org1.unassign(user)));
      }
      const target = requireUser(world, 'org2', user);
      const { apps } = world.org2;
      const instance = apps.get(app);
      const tasks = apps.provisionerOf(instance).tasks;
      const before = tasks.at(-1)?.id ?? 0;
      await (assign ? apps.assign(instance, user, userName) : apps.unassign(instance, user));
      // Only this user's tasks from this action count, not whatever another user's push left last.
      for (const task of tasksOpenedFor(tasks, target.profile.login, before)) failOnTask(task);
    },
  });
}

export const assignStep = assignmentStep(
  'assign',
  'an admin assigns a user to `Org2Org` (org1, default), `Dropbox Business` or another app of `world.org2.apps` (org2); provisioning follows over HTTP',
);

export const unassignStep = assignmentStep(
  'unassign',
  'an admin unassigns a user from `Org2Org` (org1, default), `Dropbox Business` or another app of `world.org2.apps` (org2); deprovisioning follows over HTTP. Refused with `OKTA_E0000046` while a group assigned to Org2Org holds the user, as Okta refuses it',
);
