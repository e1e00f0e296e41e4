import { promisify } from 'node:util';
import saml2 from 'saml2-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCredential } from '../../harness/crypto/store.js';
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
 * saml2-js as the SP, defaults kept: it refuses unencrypted assertions, so the app encrypts them
 * for the SP's certificate (the app's encryption certificate is the committed dropbox-sp one, whose
 * key the SP holds); it also requires a SessionIndex. No metadata reader: the test reads entity id,
 * SSO URL and certificate out of org2's metadata.
 */
let sp: SpUnderTest;
let world: World;

/** saml2-js gives each attribute as an array of values; the matrix compares single values. */
const single = (attributes: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));

beforeAll(async () => {
  sp = await startSp('saml2-js');
  world = await worldFor(sp, { encryptAssertion: 'aes256-cbc' });
  const md = parseIdpMetadata(await appIdpMetadata(world));
  const key = loadCredential('dropbox-sp');
  const lib = new saml2.ServiceProvider({
    entity_id: sp.entityId,
    private_key: key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificate: key.cert.pem,
    assert_endpoint: sp.acsUrl,
  });
  const idp = new saml2.IdentityProvider({
    sso_login_url: md.ssoUrl,
    sso_logout_url: md.ssoUrl,
    certificates: md.signingCerts.map((c) => c.pem),
  });
  const assert = promisify(lib.post_assert.bind(lib));
  sp.use({
    accept: async (body) => {
      const { user } = (await assert(idp, { request_body: body })) as {
        user: { name_id: string; attributes: Record<string, string[]> };
      };
      return { nameId: user.name_id, attributes: single(user.attributes) };
    },
    loginUrl: () =>
      new Promise((resolve, reject) =>
        lib.create_login_request_url(idp, {}, (err, url) => (err ? reject(err) : resolve(url))),
      ),
  });
});

afterAll(async () => {
  await world?.close();
  await sp?.close();
});

describe('saml2-js as the SP behind org2 (encrypted assertions, its default)', () => {
  acceptsSarah(() => ({ world, sp }));

  it('refuses the assertion when the app stops encrypting it', async () => {
    // A config patch cannot unset a setting: the admin's untick, on the app itself.
    const app = world.org2.options.dropbox;
    app.encryptAssertion = undefined;
    try {
      await expect(idpInitiated(world, browser(world))).rejects.toThrow(/Expected 1 EncryptedAssertion/);
    } finally {
      app.encryptAssertion = 'aes256-cbc';
    }
  });
});
