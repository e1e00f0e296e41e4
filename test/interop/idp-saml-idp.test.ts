import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Agent, Page } from '../../harness/agent/index.js';
import { certsDir } from '../../harness/crypto/store.js';
import { NAMEID_FORMAT } from '../../harness/saml/constants.js';
import { parseSpMetadata } from '../../harness/saml/metadata.js';
import { confirmPrompts } from '../../harness/scenario/browse.js';
import type { World } from '../../harness/world/world.js';
import { browser, lastInResponseTo } from './browser.js';
import { IDP_CREDENTIAL, lastAuthViaIdp, org2SpMetadata, worldTrusting } from './idp-world.js';

/**
 * saml-idp (the test IdP many teams run) in org1's place, started in-process with its own
 * `runServer` (its own express app, views and samlp), from org2's SP metadata and the committed
 * credential's files. npm cannot install it as published: it depends on a GitHub fork of samlp
 * (github:mcguinness/node-samlp), so package.json overrides that with samlp from npm (see README).
 * Pat already has an org2 account: the first sign-in links it by username.
 */
const samlIdp: { runServer(options: Record<string, unknown>): void } = createRequire(import.meta.url)(
  'saml-idp',
);

const PAT = {
  userName: 'pat@partner.example',
  firstName: 'Pat',
  lastName: 'Lee',
  email: 'pat@partner.example',
};
let idp: { url: string; server: http.Server };
let world: World;

/** runServer neither takes a port 0 back nor returns its server: catch the one it creates. */
async function runSamlIdp(options: Record<string, unknown>): Promise<{ url: string; server: http.Server }> {
  const create = vi.spyOn(http, 'createServer');
  samlIdp.runServer({ ...options, host: '127.0.0.1', port: 0 });
  const server = create.mock.results[0]?.value as http.Server;
  create.mockRestore();
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** saml-idp shows the user's profile form; its Sign in button posts the response to org2. */
async function signInAtSamlIdp(agent: Agent, page: Page): Promise<Page> {
  return confirmPrompts(agent, await agent.submit(page, {}, { button: 'Sign in' }), true);
}

beforeAll(async () => {
  // It narrates every step (console.log, and morgan straight to stdout): keep the output vitest's.
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const issuer = 'urn:example:saml-idp';
  world = await worldTrusting(issuer, 'http://127.0.0.1:9/unset', {
    users: [{ login: PAT.email, firstName: PAT.firstName, lastName: PAT.lastName }],
  });
  const { entityId, acsUrl } = parseSpMetadata(await org2SpMetadata(world));
  idp = await runSamlIdp({
    issuer,
    acsUrl,
    audience: entityId,
    cert: path.join(certsDir(), `${IDP_CREDENTIAL}.cert.pem`),
    key: path.join(certsDir(), `${IDP_CREDENTIAL}.key.pem`),
    config: { user: { ...PAT, nameIdFormat: NAMEID_FORMAT.emailAddress }, metadata: [] },
  });
  world.org2.idp.ssoUrl = `${idp.url}/saml/sso`;
});

afterAll(async () => {
  vi.restoreAllMocks();
  await world?.close();
  idp?.server.closeAllConnections();
  await new Promise((resolve) => idp?.server.close(resolve));
});

describe('saml-idp as an IdP signing users into org2', () => {
  it('signs Pat in (IdP-initiated): org2 links her existing account by username', async () => {
    const agent = browser(world);
    const page = await signInAtSamlIdp(agent, await agent.goto(`${idp.url}/saml/sso`));
    expect(page.url).toBe(`${world.org2.url}/app/UserHome`);
    expect(world.org2.signIns.at(-1)).toMatchObject({
      ok: true,
      outcome: 'linked-existing',
      login: PAT.email,
    });
    expect(lastAuthViaIdp(world)?.outcome).toEqual({
      result: 'SUCCESS',
      reason: 'User linked to an existing Okta account',
    });
  });

  it("answers org2's AuthnRequest (SP-initiated) with its InResponseTo: Pat is matched", async () => {
    const agent = browser(world);
    const atIdp = await agent.goto(`${world.org2.url}/app/UserHome`);
    expect(atIdp.url).toMatch(new RegExp(`^${idp.url}/saml/sso\\?SAMLRequest=`));
    const page = await signInAtSamlIdp(agent, atIdp);
    expect(page.url).toBe(`${world.org2.url}/app/UserHome`);
    expect(lastInResponseTo(agent, world.org2.acsUrl)).not.toBe('');
    expect(world.org2.signIns.at(-1)).toMatchObject({
      ok: true,
      outcome: 'already-linked',
      login: PAT.email,
    });
  });
});
