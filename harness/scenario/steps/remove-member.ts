import { z } from 'zod';
import { FedsimError } from '../../core/errors.js';
import { defineStep } from './define.js';

export const removeMemberStep = defineStep({
  kind: 'removeMember',
  summary: "a Dropbox team admin removes a member in Dropbox's own console; Okta is not told",
  schema: z.object({ member: z.string().describe("the member's userName") }).strict(),
  describe: ({ member }) => `remove ${member} from the Dropbox team in Dropbox`,
  run({ member }, { world }) {
    const found = world.dropbox.team.findByUserName(member);
    if (!found) {
      throw new FedsimError('SCENARIO_UNKNOWN_USER', `No member ${member} in the Dropbox team`, {
        actual: member,
        expected: world.dropbox.team.all().map((m) => m.userName),
        hint: 'Assign the user to Dropbox Business in org2 first, or fix the userName.',
      });
    }
    world.dropbox.team.remove(found.id);
  },
});
