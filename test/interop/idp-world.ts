import express, { type Express } from 'express';
import type { Agent, Page } from '../../harness/agent/index.js';
import { SystemClock } from '../../harness/core/clock.js';
import { type Listening, listen } from '../../harness/core/listen.js';
import { type CredentialName, loadCredential } from '../../harness/crypto/store.js';
import { confirmPrompts } from '../../harness/scenario/browse.js';
import type { WorldConfig } from '../../harness/world/config.js';
import { createWorld, type World } from '../../harness/world/world.js';

/** The committed credential every library IdP signs with; org2's "Org1 IDP" trusts it instead of org1's. */
export const IDP_CREDENTIAL: CredentialName = 'org1-next';

/** The signing key and certificate as PEM, the way the libraries take them. */
export function idpKeyPair(): { key: string; cert: string } {
  const credential = loadCredential(IDP_CREDENTIAL);
  const key = credential.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { key, cert: credential.cert.pem };
}

/** A library IdP on its own loopback port: its routes, the `/sso` endpoint a browser is sent to. */
export async function startIdp(routes: (app: Express) => void): Promise<Listening & { ssoUrl: string }> {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  routes(app);
  const listening = await listen(app);
  return { ...listening, ssoUrl: `${listening.url}/sso` };
}

/**
 * A world on real time whose inbound IdP trusts the library IdP (its issuer, the committed
 * credential) instead of org1; SP-initiated sign-in goes to the library's SSO URL.
 */
export async function worldTrusting(
  issuer: string,
  ssoUrl: string,
  org2: NonNullable<WorldConfig['org2']> = {},
): Promise<World> {
  const world = await createWorld(
    { org2: { ...org2, idp: { issuer, trust: [IDP_CREDENTIAL], ...org2.idp } } },
    { clock: new SystemClock() },
  );
  // The admin's "IdP Single Sign-On URL": the library IdP, not org1 (set by start()).
  world.org2.idp.ssoUrl = ssoUrl;
  return world;
}

/** org2's SP metadata for its inbound IdP, fetched over HTTP as the IdP's admin downloads it. */
export async function org2SpMetadata(world: World): Promise<string> {
  return (await world.fetch(`${world.org2.url}/api/v1/idps/${world.org2.idp.id}/metadata.xml`)).text();
}

/** Opens a page and confirms org2's prompts (authenticator enrollment) up to its dashboard. */
export async function openAndConfirm(agent: Agent, url: string): Promise<Page> {
  return confirmPrompts(agent, await agent.goto(url), true);
}

/** SP-initiated: org2's dashboard sends the browser to sign in at the library IdP and back. */
export const fromOrg2 = (world: World, agent: Agent) =>
  openAndConfirm(agent, `${world.org2.url}/app/UserHome`);

/** The org2 System Log's last inbound sign-in event (`user.authentication.auth_via_IDP`). */
export function lastAuthViaIdp(world: World) {
  return world.org2.log.events.findLast((e) => e.eventType === 'user.authentication.auth_via_IDP');
}
