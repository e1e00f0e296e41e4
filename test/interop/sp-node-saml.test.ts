import { SAML } from '@node-saml/node-saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

beforeAll(async () => {
  sp = await startSp('node-saml');
  world = await worldFor(sp);
  const idp = parseIdpMetadata(await appIdpMetadata(world));
  const saml = new SAML({
    issuer: sp.entityId,
    callbackUrl: sp.acsUrl,
    entryPoint: idp.ssoUrl,
    idpIssuer: idp.entityId,
    idpCert: idp.signingCerts.map((c) => c.pem),
  });
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
});
