import { unassignGroup } from '../../okta/org1/assignment-follows.js';
import { groupRef } from './assign-group.js';
import { defineStep, failOnTasks } from './define.js';

/**
 * An org1 admin unassigns a group from Org2Org (the Apps API's `DELETE
 * /api/v1/apps/{appId}/groups/{groupId}`): members who had the app only through it lose it and are
 * deactivated in org2 per the app's "Deactivate Users". The step ends when every deactivation has.
 */
export const unassignGroupStep = defineStep({
  kind: 'unassignGroup',
  summary:
    'an org1 admin unassigns an org1 group from `Org2Org`: members who had the app only through it (no individual assignment, no other assigned group) lose it and are deactivated in org2 when Deactivate Users is on',
  schema: groupRef,
  describe: ({ group }) => `unassign group ${group} from Org2Org`,
  async run({ group }, { world }) {
    const tasks = await unassignGroup(world.org1, world.org1.group(group).id).deprovisioned;
    failOnTasks(tasks, `deactivations of group ${group}'s members`);
  },
});
