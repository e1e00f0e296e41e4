import { SAML, type SamlConfig } from '@node-saml/node-saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_META } from '../../harness/core/html.js';
import { parseIdpMetadata } from '../../harness/saml/metadata.js';
import type { World } from '../../harness/world/world.js';
import { browser } from './browser.js';
import {
  acceptsSarah,
  appIdpMetadata,
  idpInitiated,
  type SpUnderTest,
  startSp,
  worldFor,
} from './sp-world.js';

/**
 * @node-saml/node-saml (passport-saml's core) as Dropbox's replacement, in its default secure
 * configuration: response and assertion signatures both required, audience checked, no clock skew.
 * It has no metadata reader, so its IdP settings are the metadata's entity id, SSO URL and certificate.
 */
let sp: SpUnderTest;
let world: World;
let options: SamlConfig;

beforeAll(async () => {
  sp = await startSp('node-saml');
  world = await worldFor(sp);
  const idp = parseIdpMetadata(await appIdpMetadata(world));
  options = {
    issuer: sp.entityId,
    callbackUrl: sp.acsUrl,
    entryPoint: idp.ssoUrl,
    idpIssuer: idp.entityId,
    idpCert: idp.signingCerts.map((c) => c.pem),
  };
  const saml = new SAML(options);
  sp.use({
    accept: async (body) => {
      const { profile } = await saml.validatePostResponseAsync(body);
      if (!profile) throw new Error('no profile');
      const { nameID, givenName, surname, email } = profile;
      return { nameId: nameID, attributes: { givenName, surname, email } };
    },
    loginUrl: () => saml.getAuthorizeUrlAsync('', undefined, {}),
  });
});

afterAll(async () => {
  await world?.close();
  await sp?.close();
});

describe('@node-saml/node-saml as the SP behind org2', () => {
  acceptsSarah(() => ({ world, sp }));

  it("refuses a response signed by a key other than the metadata's", async () => {
    world.configure({ org2: { dropbox: { certificate: 'attacker' } } });
    try {
      await expect(idpInitiated(world, browser(world))).rejects.toThrow(
        /node-saml refused the response: Invalid document signature/,
      );
    } finally {
      world.configure({ org2: { dropbox: { certificate: 'org2-dropbox' } } });
    }
  });

  // node-saml deflates a POST-binding AuthnRequest unless skipRequestCompression is set; the
  // binding is plain base64 (SAML bindings §3.5.4): docs/decisions/deflated-post-authn-request.md.
  it('refuses its default POST AuthnRequest, deflated, by name; with skipRequestCompression it is taken', async () => {
    const post = async (extra: Partial<SamlConfig>) => {
      const form = await new SAML({ ...options, ...extra }).getAuthorizeFormAsync('', undefined, {});
      const SAMLRequest = /name="SAMLRequest" value="([^"]+)"/.exec(form)?.[1] ?? '';
      const res = await world.fetch(options.entryPoint ?? '', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ SAMLRequest }).toString(),
      });
      const code = new RegExp(`<meta name="${ERROR_META}" content="([^"]*)"`).exec(await res.text())?.[1];
      return { status: res.status, code };
    };
    expect(await post({})).toEqual({ status: 400, code: 'SAML_POST_REQUEST_DEFLATED' });
    expect(await post({ skipRequestCompression: true })).toEqual({ status: 302, code: undefined });
  });
});
