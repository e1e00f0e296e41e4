import { z } from 'zod';
import { FedsimError } from '../../core/errors.js';
import { failIfRefused } from '../browse.js';
import { defineStep } from './define.js';

export const replayStep = defineStep({
  kind: 'replay',
  summary: 'the browser posts its last SAML response to `org2` (default) or `dropbox` again: a replay attack',
  schema: z.object({ user: z.string(), to: z.enum(['org2', 'dropbox']).default('org2') }).strict(),
  describe: ({ user, to }) => `${user}'s browser posts its last SAML response to ${to} again`,
  async run({ user, to }, { world, browsers }) {
    const agent = browsers.get(user.toLowerCase());
    const origin = world[to].url;
    const last = agent?.hops.findLast(
      (h) => h.formFields?.SAMLResponse !== undefined && h.url.startsWith(origin),
    );
    if (!agent || !last?.formFields) {
      throw new FedsimError(
        'SCENARIO_STEP_FAILED',
        `${user}'s browser has not posted a SAML response to ${to} yet`,
        {
          hint: 'Put a login step for this user before the replay.',
        },
      );
    }
    failIfRefused(await agent.post(last.url, last.formFields), to);
  },
});
