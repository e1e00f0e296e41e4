import { z } from 'zod';
import { defineStep, failOnTask, requireUser } from './define.js';

export const updateProfileStep = defineStep({
  kind: 'updateProfile',
  summary: 'an admin changes profile attributes in org1 (default; Org2Org pushes the change) or org2',
  schema: z
    .object({
      user: z.string(),
      org: z.enum(['org1', 'org2']).optional(),
      profile: z.record(z.string(), z.string()),
    })
    .strict(),
  describe: ({ user, org = 'org1', profile }) => `update ${user} in ${org}: ${JSON.stringify(profile)}`,
  async run({ user, org = 'org1', profile }, { world }) {
    requireUser(world, org, user);
    if (org === 'org1') return failOnTask(await world.org1.updateProfile(user, profile));
    world.org2.directory.update(user, profile);
  },
});
