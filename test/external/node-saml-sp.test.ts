import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../harness/agent/index.js';
import { FixedClock } from '../../harness/core/clock.js';
import { loopbackFetch } from '../../harness/core/http.js';
import { signInAndClick } from '../../harness/scenario/browse.js';
import { WORLD_DEFAULTS } from '../../harness/world/defaults.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { type NodeSamlSp, SP_ENTITY_ID, startNodeSamlSp } from './node-saml-sp.js';

// Issue #15's first "done when": an SP that is not fedsim's (node-saml, on its own loopback port)
// is added to org2 from its metadata URL, as Okta's App Integration Wizard "SAML 2.0" app
// (https://help.okta.com/en-us/content/topics/apps/oiw/sso-settings.htm), is configured only
// from the app's IdP metadata fedsim serves, and signs Sarah in from org1 through org2.

const [SARAH] = WORLD_DEFAULTS.org1Users;
const APP = 'Acme Notes';

let sp: NodeSamlSp;
let world: World;

beforeAll(async () => {
  sp = await startNodeSamlSp();
  // node-saml checks times against the real clock: the world's fixed clock starts now.
  world = await createWorld(
    {
      org2: {
        apps: [
          {
            name: APP,
            saml: {
              metadata: sp.metadataUrl,
              nameIdFormat: 'emailAddress',
              attributeStatements: {
                email: 'user.email',
                displayName: 'user.firstName + " " + user.lastName',
              },
              encryption: {},
            },
          },
        ],
      },
    },
    { clock: new FixedClock(new Date()) },
  );
  const [, facts] = world.org2.apps.facts();
  await sp.trust(facts?.idpMetadataUrl ?? '');
  await world.org1.assign(SARAH.login);
  await world.org2.apps.assign(world.org2.apps.get(APP), SARAH.login);
  await world.settle();
});

afterAll(async () => {
  await world?.close();
  await sp?.close();
});

const text = (html: string, id: string) => parse(html).querySelector(`#${id}`)?.text;

function browser(): Agent {
  return new Agent({ fetch: loopbackFetch, parties: { ...world.parties(), [sp.url]: 'sp' } });
}

describe('an external node-saml SP behind org2', () => {
  it('lists the app with its SSO URL, IdP metadata URL and certificate, as serve --json prints them', () => {
    const app = world.org2.apps.get(APP);
    expect(world.org2.apps.facts()[1]).toEqual({
      name: APP,
      id: app.id,
      ssoUrl: `${world.org2.url}/app/org2_acmenotes_1/${app.key}/sso/saml`,
      idpMetadataUrl: `${world.org2.url}/app/${app.key}/sso/saml/metadata`,
      issuer: `http://www.okta.com/${app.key}`,
      certificatePem: app.credential.cert.pem,
    });
    expect(app.sp()).toMatchObject({ acsUrl: sp.acsUrl, audience: SP_ENTITY_ID });
  });

  it('IdP-initiated: Sarah signs in at org1, clicks Org2Org, then the app tile; node-saml accepts her', async () => {
    const page = await signInAndClick(world, browser(), {
      login: SARAH.login,
      password: SARAH.password,
      tiles: ['Org2Org', APP],
      confirm: true,
      start: 'org1',
    });
    expect(page.url).toBe(sp.acsUrl);
    expect(page.status).toBe(200);
    expect(text(page.html, 'nameid')).toBe(SARAH.login);
    expect(text(page.html, 'encrypted')).toBe('true');
    expect(text(page.html, 'format')).toBe('urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress');
    expect(JSON.parse(text(page.html, 'attributes') ?? '{}')).toMatchObject({
      email: SARAH.email,
      displayName: 'Sarah Miller',
    });
  });

  it('SP-initiated over the Redirect binding (signed AuthnRequest): org2 sends her to org1, then back to the SP', async () => {
    const agent = browser();
    const signIn = await agent.goto(`${sp.url}/login?RelayState=%2Fnotes%2F42`);
    expect(new URL(signIn.url).origin).toBe(world.org1.url);
    let page = await agent.submit(
      signIn,
      { username: SARAH.login, password: SARAH.password },
      { formId: 'sign-in' },
    );
    if (page.forms.some((f) => f.id === 'enroll')) page = await agent.submit(page, {}, { formId: 'enroll' });
    expect(page.url).toBe(sp.acsUrl);
    expect(text(page.html, 'nameid')).toBe(SARAH.login);
    expect(text(page.html, 'relay')).toBe('/notes/42');
  });

  it('SP-initiated over the POST binding (XML-signed AuthnRequest), with a session at org2 already', async () => {
    const agent = browser();
    await signInAndClick(world, agent, {
      login: SARAH.login,
      password: SARAH.password,
      tiles: ['Org2Org'],
      confirm: true,
      start: 'org1',
    });
    const page = await agent.goto(`${sp.url}/login-post`);
    expect(page.url).toBe(sp.acsUrl);
    expect(text(page.html, 'nameid')).toBe(SARAH.login);
  });

  it('an unassigned user has no tile, and the app’s SSO URL answers Okta’s App Not Assigned', async () => {
    const [, david] = WORLD_DEFAULTS.org1Users;
    await world.org1.assign(david.login);
    await world.settle();
    const agent = browser();
    const dashboard = await signInAndClick(world, agent, {
      login: david.login,
      password: david.password,
      tiles: ['Org2Org'],
      confirm: true,
      start: 'org1',
    });
    expect(dashboard.links.map((l) => l.text)).not.toContain(APP);
    const page = await agent.goto(world.org2.apps.facts()[1]?.ssoUrl ?? '');
    expect(page.status).toBe(403);
    expect(page.html).toContain('APP_NOT_ASSIGNED');
  });
});
