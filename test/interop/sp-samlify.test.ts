import * as samlify from 'samlify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../../harness/world/world.js';
import { browser } from './browser.js';
import { samlifySchemaValidator } from './samlify-schema.js';
import {
  acceptsSarah,
  appIdpMetadata,
  idpInitiated,
  SARAH_AT_THE_SP,
  type SpUnderTest,
  startSp,
  worldFor,
} from './sp-world.js';

/** samlify as the SP, trusting org2's app by its metadata alone, no setting changed. */
let sp: SpUnderTest;
let world: World;

beforeAll(async () => {
  samlify.setSchemaValidator(samlifySchemaValidator);
  sp = await startSp('samlify');
  world = await worldFor(sp);
  const idp = samlify.IdentityProvider({ metadata: await appIdpMetadata(world) });
  const lib = samlify.ServiceProvider({
    entityID: sp.entityId,
    assertionConsumerService: [{ Binding: samlify.Constants.namespace.binding.post, Location: sp.acsUrl }],
  });
  sp.use({
    accept: async (body) => {
      const { extract } = await lib.parseLoginResponse(idp, 'post', { body });
      return { nameId: extract.nameID, attributes: extract.attributes };
    },
    loginUrl: async () => lib.createLoginRequest(idp, 'redirect').context,
  });
});

afterAll(async () => {
  await world?.close();
  await sp?.close();
});

describe('samlify as the SP behind org2', () => {
  acceptsSarah(() => ({ world, sp }));

  it('accepts an assertion-only signature with SHA-1, and refuses a key other than the metadata’s', async () => {
    world.configure({ org2: { dropbox: { signResponse: false, signatureAlgorithm: 'SHA-1' } } });
    expect(JSON.parse((await idpInitiated(world, browser(world))).html)).toEqual(SARAH_AT_THE_SP);
    world.configure({ org2: { dropbox: { certificate: 'attacker' } } });
    try {
      await expect(idpInitiated(world, browser(world))).rejects.toThrow(/samlify refused the response/);
    } finally {
      world.configure({
        org2: { dropbox: { certificate: 'org2-dropbox', signResponse: true, signatureAlgorithm: 'SHA-256' } },
      });
    }
  });
});
