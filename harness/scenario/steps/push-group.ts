import { z } from 'zod';
import { defineStep, failOnTask } from './define.js';

/**
 * Org2Org's Push Groups tab in org1 (Okta help "Enable Group Push"): push a group by name, or
 * unlink a pushed group, deleting it in org2 or leaving it there.
 */
export const pushGroupStep = defineStep({
  kind: 'pushGroup',
  summary:
    "an org1 admin pushes an org1 group through Org2Org (created in org2 with its provisioned members), or unlinks it (`unlink: delete` or `leave` org2's group)",
  schema: z
    .object({
      group: z.string().describe("the org1 group's name"),
      unlink: z
        .enum(['delete', 'leave'])
        .optional()
        .describe("unlink the pushed group instead: delete org2's group, or leave it as it is"),
    })
    .strict(),
  describe: ({ group, unlink }) =>
    unlink ? `unlink pushed group ${group} (${unlink} it in org2)` : `push group ${group} to org2`,
  async run({ group, unlink }, { world }) {
    const org1 = world.org1;
    const found = org1.group(group);
    failOnTask(await (unlink ? org1.groupPush.unlink(found, unlink) : org1.groupPush.push(found)));
  },
});
