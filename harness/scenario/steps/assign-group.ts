import { z } from 'zod';
import { assignGroup } from '../../okta/org1/group-assignment.js';
import { defineStep, failOnTasks } from './define.js';

/** The org1 group a group step names. */
export const groupRef = z.object({ group: z.string().describe("the org1 group's name") }).strict();

/**
 * An org1 admin assigns a group to Org2Org (Okta's "Assign to Groups"; the Apps API's `PUT
 * /api/v1/apps/{appId}/groups/{groupId}`): every member not yet assigned is pushed to org2 through
 * its Users API, a few at a time, waiting out org2's rate limit. The step ends when every push has.
 */
export const assignGroupStep = defineStep({
  kind: 'assignGroup',
  summary:
    "an org1 admin assigns an org1 group to `Org2Org`: each member not yet assigned is pushed to org2's Users API, honouring org2's rate limit (429 → wait for `X-Rate-Limit-Reset`, on the scenario clock); members who join or leave later follow",
  schema: groupRef,
  describe: ({ group }) => `assign group ${group} to Org2Org`,
  async run({ group }, { world }) {
    const tasks = await assignGroup(world.org1, world.org1.group(group).id).pushed;
    failOnTasks(tasks, `pushes of group ${group}`);
  },
});
