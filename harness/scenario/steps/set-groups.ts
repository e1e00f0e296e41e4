import { z } from 'zod';
import { setOrg2Groups } from '../../world/seed.js';
import { defineStep, failOnTask, requireUser } from './define.js';

export const setGroupsStep = defineStep({
  kind: 'setGroups',
  summary:
    "replaces a user's group memberships in org1 (default; the groups Org2Org sends, and pushes when pushed; groups assigned to Org2Org give or take the app) or org2",
  schema: z
    .object({
      user: z.string(),
      org: z.enum(['org1', 'org2']).default('org1'),
      groups: z.array(z.string()),
    })
    .strict(),
  describe: ({ user, org, groups }) => `${user}'s ${org} groups become [${groups.join(', ')}]`,
  async run({ user, org, groups }, { world }) {
    const found = requireUser(world, org, user);
    if (org === 'org1') return failOnTask((await world.org1.setGroups(user, groups))[0]);
    setOrg2Groups(world.org2, found.id, groups);
  },
});
