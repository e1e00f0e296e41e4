import express from 'express';
import { expect, it } from 'vitest';
import type { Agent, Page } from '../../harness/agent/index.js';
import { SystemClock } from '../../harness/core/clock.js';
import { type Listening, listen } from '../../harness/core/listen.js';
import { confirmPrompts, signInAndClick } from '../../harness/scenario/browse.js';
import type { WorldConfig } from '../../harness/world/config.js';
import { WORLD_DEFAULTS } from '../../harness/world/defaults.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { browser, lastInResponseTo } from './browser.js';

/** What an SP library learned of the signed-in user from org2's response. */
export interface SignedInUser {
  nameId: string | undefined;
  attributes: Record<string, unknown> | undefined;
}

/** One library acting as an SP: it checks posted responses and, when it can, starts SP-initiated SSO. */
export interface SpLibrary {
  accept(body: Record<string, string>): Promise<SignedInUser>;
  /** The Redirect-binding URL to org2's SSO endpoint carrying the library's AuthnRequest. */
  loginUrl?(): Promise<string>;
}

/** Where the SP listens; the library is configured once the world (and its IdP metadata) exists. */
export interface SpUnderTest {
  url: string;
  acsUrl: string;
  entityId: string;
  use(library: SpLibrary): void;
  close(): Promise<void>;
}

/** A tiny express SP on its own loopback port: POST /acs answers the user as JSON, or 403 with the library's error. */
export async function startSp(name: string): Promise<SpUnderTest> {
  let library: SpLibrary | undefined;
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.post('/acs', async (req, res) => {
    try {
      res.json(await (library as SpLibrary).accept(req.body));
    } catch (error) {
      res
        .status(403)
        .type('text')
        .send(`${name} refused the response: ${(error as Error).message}`);
    }
  });
  app.get('/login', async (_req, res) => {
    res.redirect((await (library as SpLibrary).loginUrl?.call(library)) ?? '/no-authn-request');
  });
  const listening: Listening = await listen(app);
  return {
    url: listening.url,
    acsUrl: `${listening.url}/acs`,
    entityId: `${listening.url}/${name}/metadata`,
    use: (lib) => {
      library = lib;
    },
    close: () => listening.close(),
  };
}

const SARAH = WORLD_DEFAULTS.org1Users[0];

/**
 * A world on real time (the libraries read the system clock) whose Dropbox Business app points at
 * the SP: Sarah provisioned into org2 by Org2Org and assigned to the app.
 */
export async function worldFor(sp: SpUnderTest, dropbox: NonNullable<WorldConfig['org2']>['dropbox'] = {}) {
  const world = await createWorld(
    {
      org2: {
        dropbox: { acsUrl: sp.acsUrl, audience: sp.entityId, provisioning: { enabled: false }, ...dropbox },
      },
    },
    { clock: new SystemClock() },
  );
  await world.org1.assign(SARAH.login);
  await world.settle();
  await world.org2.assignDropbox(SARAH.login);
  return world;
}

/** org2's IdP metadata for the app, fetched over HTTP as an SP admin downloads it. */
export async function appIdpMetadata(world: World): Promise<string> {
  const res = await world.fetch(`${world.org2.url}/app/${world.org2.options.dropbox.key}/sso/saml/metadata`);
  return res.text();
}

/** IdP-initiated: Sarah signs in at org1, clicks Org2Org, then the app's tile at org2; the SP's answer. */
export async function idpInitiated(world: World, agent: Agent): Promise<Page> {
  return signInAndClick(world, agent, {
    login: SARAH.login,
    password: SARAH.password,
    tiles: ['Org2Org', WORLD_DEFAULTS.dropboxApp.label],
    confirm: true,
    start: 'org1',
  });
}

/** SP-initiated from a fresh browser: the SP's AuthnRequest, org2 routes her to org1, back with the response. */
export async function spInitiated(agent: Agent, sp: SpUnderTest): Promise<Page> {
  const signIn = await agent.goto(`${sp.url}/login`);
  const fields = { username: SARAH.login, password: SARAH.password };
  return confirmPrompts(agent, await agent.submit(signIn, fields, { formId: 'sign-in' }), true);
}

/** What Sarah's response carries with the app's default settings (Dropbox's attribute statements). */
export const SARAH_AT_THE_SP = {
  nameId: SARAH.login,
  attributes: { givenName: SARAH.firstName, surname: SARAH.lastName, email: SARAH.email },
} as const;

/**
 * The two sign-ins every SP library must accept: IdP-initiated (no InResponseTo), and from its own
 * AuthnRequest, answered with InResponseTo matching `inResponseTo` (the library's request id).
 */
export function acceptsSarah(
  setup: () => { world: World; sp: SpUnderTest },
  inResponseTo: () => string | RegExp = () => /^_/,
): void {
  it('accepts Sarah signing in from org1 through org2 (IdP-initiated)', async () => {
    const { world, sp } = setup();
    const agent = browser(world);
    const page = await idpInitiated(world, agent);
    expect(page.url).toBe(sp.acsUrl);
    expect(JSON.parse(page.html)).toEqual(SARAH_AT_THE_SP);
    expect(lastInResponseTo(agent, sp.acsUrl)).toBe('');
  });

  it('accepts her from its own AuthnRequest (SP-initiated), answered with InResponseTo', async () => {
    const { world, sp } = setup();
    const agent = browser(world);
    const page = await spInitiated(agent, sp);
    expect(JSON.parse(page.html)).toEqual(SARAH_AT_THE_SP);
    const expected = inResponseTo();
    expect(lastInResponseTo(agent, sp.acsUrl)).toEqual(
      typeof expected === 'string' ? expected : expect.stringMatching(expected),
    );
  });
}
