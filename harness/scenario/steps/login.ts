import { z } from 'zod';
import { Agent } from '../../agent/index.js';
import { signInAndClick } from '../browse.js';
import { appName } from './assignment.js';
import { defineStep, requireUser } from './define.js';

const schema = z
  .object({
    user: z.string().describe('the org1 login she signs in with'),
    password: z.string().optional().describe("default: the seeded user's password"),
    tiles: z
      .array(appName)
      .optional()
      .describe('tiles clicked in order (default: Org2Org when starting at org1, none otherwise)'),
    confirm: z.boolean().default(true).describe('confirm enrollment and "Join team" prompts'),
    newBrowser: z.boolean().default(false).describe('start from a fresh browser (no cookies)'),
    start: z
      .enum(['org1', 'org2', 'dropbox'])
      .default('org1')
      .describe("org1's dashboard (IdP-initiated), or org2 / dropbox (SP-initiated)"),
    path: z.string().optional().describe('a path at the start party instead of its home (deep link)'),
  })
  .strict();

const tilesOf = (input: z.output<typeof schema>) =>
  input.tiles ?? (input.start === 'org1' ? ['Org2Org'] : []);

export const loginStep = defineStep({
  kind: 'login',
  summary:
    'the user\'s browser starts at org1\'s dashboard (IdP-initiated), at `org2` or `dropbox` (SP-initiated), or at a `path` such as `/sso/saml2/{idpId}/app/…`; signs in when asked, confirms enrollment and "Join team", clicks the tiles in order',
  schema,
  describe(input) {
    const tiles = tilesOf(input);
    return `${input.user} starts at ${input.start}${input.path ?? ''}${tiles.length ? ` and clicks ${tiles.join(' → ')}` : ''}`;
  },
  async run(input, ctx) {
    const { world } = ctx;
    const seeded = requireUser(world, 'org1', input.user);
    const key = input.user.toLowerCase();
    if (input.newBrowser || !ctx.browsers.has(key)) {
      const fetch = ctx.browserFetch?.(key) ?? world.fetch;
      ctx.browsers.set(
        key,
        new Agent({ fetch, parties: world.parties(), onHop: (hop) => ctx.onHop(hop, key) }),
      );
    }
    await signInAndClick(world, ctx.browsers.get(key) as Agent, {
      login: input.user,
      password: input.password ?? seeded.password ?? '',
      tiles: tilesOf(input),
      confirm: input.confirm,
      start: input.start,
      path: input.path,
    });
  },
});
