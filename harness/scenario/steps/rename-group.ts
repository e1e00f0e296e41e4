import { z } from 'zod';
import { defineStep, failOnTask } from './define.js';

export const renameGroupStep = defineStep({
  kind: 'renameGroup',
  summary: 'an org1 admin renames an org1 group; a group Org2Org pushed is renamed in org2',
  schema: z.object({ group: z.string(), to: z.string().min(1) }).strict(),
  describe: ({ group, to }) => `rename org1 group ${group} to ${to}`,
  async run({ group, to }, { world }) {
    failOnTask((await world.org1.renameGroup(group, to))[0]);
  },
});
