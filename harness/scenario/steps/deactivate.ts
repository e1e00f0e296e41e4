import { z } from 'zod';
import { defineStep, failOnTask, requireUser } from './define.js';

export const deactivateStep = defineStep({
  kind: 'deactivate',
  summary: 'an admin deactivates a user in org1 (default; Org2Org deactivates the org2 user) or org2',
  schema: z.object({ user: z.string(), org: z.enum(['org1', 'org2']).optional() }).strict(),
  describe: ({ user, org = 'org1' }) => `deactivate ${user} in ${org}`,
  async run({ user, org = 'org1' }, { world }) {
    requireUser(world, org, user);
    if (org === 'org1') return failOnTask(await world.org1.deactivate(user));
    world.org2.directory.deactivate(user);
  },
});
