import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Listening } from '../../harness/core/listen.js';
import { NAMEID_FORMAT } from '../../harness/saml/constants.js';
import { parseSpMetadata } from '../../harness/saml/metadata.js';
import type { World } from '../../harness/world/world.js';
import { browser, lastInResponseTo } from './browser.js';
import {
  fromOrg2,
  idpKeyPair,
  lastAuthViaIdp,
  openAndConfirm,
  org2SpMetadata,
  startIdp,
  worldTrusting,
} from './idp-world.js';

/**
 * samlp (Auth0's SAML IdP middleware) in org1's place: ACS and audience from org2's SP metadata,
 * its defaults otherwise (assertion signed, RSA-SHA256). Its profile mapper names the attributes
 * as org2's IdP reads them (firstName, lastName, email), as an Auth0 admin maps them. Jo is in no
 * directory of the world: org2 creates her (JIT) on her first sign-in.
 */
const samlp: {
  auth(options: Record<string, unknown>): (req: unknown, res: unknown, next: (e?: unknown) => void) => void;
} = createRequire(import.meta.url)('samlp');

const JO = { email: 'jo.ext@partner.example', firstName: 'Jo', lastName: 'Extern' };
let idpServer: Listening & { ssoUrl: string };
let world: World;

beforeAll(async () => {
  let handler: ReturnType<typeof samlp.auth> = (_req, _res, next) => next(new Error('not configured'));
  idpServer = await startIdp((app) => app.get('/sso', (req, res, next) => handler(req, res, next)));
  const issuer = `${idpServer.url}/samlp`;
  world = await worldTrusting(issuer, idpServer.ssoUrl);
  const { entityId, acsUrl } = parseSpMetadata(await org2SpMetadata(world));
  const { key, cert } = idpKeyPair();
  handler = samlp.auth({
    issuer,
    key,
    cert,
    audience: entityId,
    recipient: acsUrl,
    destination: acsUrl,
    getPostURL: (_audience: string, _request: unknown, _req: unknown, done: (e: null, url: string) => void) =>
      done(null, acsUrl),
    getUserFromRequest: () => JO,
    profileMapper: (user: typeof JO) => ({
      getClaims: () => ({ firstName: user.firstName, lastName: user.lastName, email: user.email }),
      getNameIdentifier: () => ({
        nameIdentifier: user.email,
        nameIdentifierFormat: NAMEID_FORMAT.emailAddress,
      }),
    }),
  });
});

afterAll(async () => {
  await world?.close();
  await idpServer?.close();
});

describe('samlp (Auth0) as an IdP signing users into org2', () => {
  it('signs Jo in (IdP-initiated): org2 creates her just in time from the attributes', async () => {
    const page = await openAndConfirm(browser(world), idpServer.ssoUrl);
    expect(page.url).toBe(`${world.org2.url}/app/UserHome`);
    const jo = world.org2.directory.get(JO.email);
    expect(jo).toMatchObject({
      status: 'ACTIVE',
      profile: { firstName: 'Jo', lastName: 'Extern', email: JO.email },
    });
    expect(world.org2.signIns.at(-1)).toMatchObject({ ok: true, outcome: 'jit-created', login: JO.email });
    expect(lastAuthViaIdp(world)?.outcome).toEqual({
      result: 'SUCCESS',
      reason: 'User created by JIT provisioning',
    });
  });

  it("answers org2's AuthnRequest (SP-initiated): Jo is matched to the account JIT made", async () => {
    const agent = browser(world);
    const page = await fromOrg2(world, agent);
    expect(page.url).toBe(`${world.org2.url}/app/UserHome`);
    expect(lastInResponseTo(agent, world.org2.acsUrl)).not.toBe('');
    expect(world.org2.signIns.at(-1)).toMatchObject({ ok: true, outcome: 'already-linked', login: JO.email });
    expect(world.org2.directory.all().filter((u) => u.profile.email === JO.email)).toHaveLength(1);
  });
});
