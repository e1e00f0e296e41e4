import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_META } from '../../harness/core/html.js';
import { appSsoPathOf } from '../../harness/okta/org2/saml-app.js';
import { authnRequestXml, redirectUrl } from '../../harness/saml/authn-request.js';
import { createWorld, type World } from '../../harness/world/world.js';

/**
 * Who may send org2's Dropbox app an AuthnRequest: Dropbox, signed with its key; or, once an admin
 * points the app at another SP (its Audience URI), that SP, unsigned ("Signed requests" is an
 * optional setting of a SAML app: help.okta.com, "Application Integration Wizard SAML field reference").
 */
const OTHER_SP = 'http://127.0.0.1:9/sp/metadata';
let dropboxWorld: World;
let otherSpWorld: World;

beforeAll(async () => {
  dropboxWorld = await createWorld();
  otherSpWorld = await createWorld({
    org2: { dropbox: { acsUrl: 'http://127.0.0.1:9/sp/acs', audience: OTHER_SP } },
  });
});

afterAll(async () => {
  await dropboxWorld?.close();
  await otherSpWorld?.close();
});

/** An unsigned AuthnRequest from `issuer` to the app's SSO URL: the status, Location and refusal code. */
async function sendUnsigned(world: World, issuer: string) {
  const sso = `${world.org2.url}${appSsoPathOf(world.org2.options.dropbox)}`;
  const xml = authnRequestXml({
    id: '_req1',
    issueInstant: world.clock.now(),
    issuer,
    destination: sso,
    acsUrl: '',
  });
  const res = await world.fetch(redirectUrl(sso, xml, undefined), { redirect: 'manual' });
  const html = await res.text();
  const code = new RegExp(`<meta name="${ERROR_META}" content="([^"]*)"`).exec(html)?.[1];
  return { status: res.status, location: res.headers.get('location'), code };
}

describe("org2's Dropbox app and the SP's AuthnRequests", () => {
  it("requires Dropbox's requests to be signed", async () => {
    expect(await sendUnsigned(dropboxWorld, 'Dropbox')).toMatchObject({
      code: 'SAML_REQUEST_SIGNATURE_MISSING',
    });
  });

  it('pointed at another SP, takes that SP’s unsigned request (then asks the user to sign in)', async () => {
    const res = await sendUnsigned(otherSpWorld, OTHER_SP);
    expect(res).toMatchObject({ status: 302, code: undefined });
    expect(res.location).toMatch(/^\/login\?fromURI=/);
  });

  it('pointed at another SP, refuses a request from Dropbox', async () => {
    expect(await sendUnsigned(otherSpWorld, 'Dropbox')).toMatchObject({ code: 'SAML_REQUEST_INVALID' });
  });
});
