import { createRequire } from 'node:module';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * @boxyhq/saml20 (the parser behind BoxyHQ's SAML Jackson and mock-saml) as the SP: IdP settings from
 * its own metadata parser, responses checked as Jackson calls it (the IdP's certificate, the SP's
 * audience, the request's id). It writes the AuthnRequest; the Redirect-binding encoding is the
 * caller's, as in Jackson.
 */
// A CommonJS module whose API is its `default` export: required, so Node and vitest read it alike.
const saml20: typeof import('@boxyhq/saml20').default = createRequire(import.meta.url)(
  '@boxyhq/saml20',
).default;
const CLAIMS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/';
/** Claims it derives itself (NameID, and email from an emailAddress NameID) beside the assertion's attributes. */
const attributesOf = (claims: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(claims).filter(([name]) => !name.startsWith(CLAIMS)));
let sp: SpUnderTest;
let world: World;
let requestId: string | undefined;

beforeAll(async () => {
  sp = await startSp('boxyhq');
  world = await worldFor(sp);
  const idp = await saml20.parseMetadata(await appIdpMetadata(world), {});
  sp.use({
    accept: async ({ SAMLResponse = '' }) => {
      const xml = Buffer.from(SAMLResponse, 'base64').toString('utf8');
      const options = { publicKey: idp.publicKey, audience: sp.entityId, inResponseTo: requestId };
      const { claims } = await saml20.validate(xml, options);
      return { nameId: claims[`${CLAIMS}nameidentifier`], attributes: attributesOf(claims) };
    },
    loginUrl: async () => {
      const { id, request } = saml20.request({
        ssoUrl: idp.sso.redirectUrl,
        entityID: sp.entityId,
        callbackUrl: sp.acsUrl,
      } as Parameters<typeof saml20.request>[0]);
      requestId = id;
      const query = new URLSearchParams({ SAMLRequest: deflateRawSync(request).toString('base64') });
      return `${idp.sso.redirectUrl}?${query}`;
    },
  });
});

afterAll(async () => {
  await world?.close();
  await sp?.close();
});

describe('@boxyhq/saml20 as the SP behind org2', () => {
  acceptsSarah(
    () => ({ world, sp }),
    () => requestId as string,
  );

  it('refuses a response for another audience', async () => {
    world.configure({ org2: { dropbox: { audience: 'https://other-sp.example' } } });
    try {
      await expect(idpInitiated(world, browser(world))).rejects.toThrow(/Invalid audience/);
    } finally {
      world.configure({ org2: { dropbox: { audience: sp.entityId } } });
    }
  });
});
