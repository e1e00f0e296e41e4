import type { Request } from 'express';
import * as samlify from 'samlify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Listening } from '../../harness/core/listen.js';
import { postFormHtml } from '../../harness/saml/issue.js';
import type { World } from '../../harness/world/world.js';
import { browser, lastInResponseTo } from './browser.js';
import {
  fromOrg2,
  idpKeyPair,
  lastAuthViaIdp,
  openAndConfirm,
  org2SpMetadata,
  startIdp,
  worldTrusting,
} from './idp-world.js';
import { samlifySchemaValidator } from './samlify-schema.js';

/**
 * samlify as the IdP in org1's place, configured from org2's SP metadata (which asks for signed
 * AuthnRequests and, with signature scope ANY, does not require signed assertions: samlify then
 * signs the whole Response). Sarah, provisioned into org2 by Org2Org, is linked by username. Only
 * SP-initiated works: samlify writes every response's InResponseTo from the request, "" without one.
 */
const SARAH = 'sarah@org1.example';
let idpServer: Listening & { ssoUrl: string };
let world: World;

/** The signed part of a Redirect-binding query, as samlify verifies it: everything but Signature. */
const octetStringOf = (req: Request) =>
  (req.originalUrl.split('?')[1] ?? '')
    .split('&')
    .filter((p) => !p.startsWith('Signature='))
    .join('&');

beforeAll(async () => {
  samlify.setSchemaValidator(samlifySchemaValidator);
  let respond: (req: Request) => Promise<string> = async () => '';
  idpServer = await startIdp((app) =>
    app.get('/sso', async (req, res) => res.type('html').send(await respond(req))),
  );
  const issuer = `${idpServer.url}/samlify/metadata`;
  world = await worldTrusting(issuer, idpServer.ssoUrl);
  await world.org1.assign(SARAH);
  await world.settle();
  const { key, cert } = idpKeyPair();
  const idp = samlify.IdentityProvider({
    entityID: issuer,
    privateKey: key,
    signingCert: cert,
    singleSignOnService: [
      { Binding: samlify.Constants.namespace.binding.redirect, Location: idpServer.ssoUrl },
    ],
  });
  const sp = samlify.ServiceProvider({ metadata: await org2SpMetadata(world) });
  respond = async (req) => {
    const request =
      req.query.SAMLRequest === undefined
        ? undefined
        : await idp.parseLoginRequest(sp, 'redirect', { query: req.query, octetString: octetStringOf(req) });
    // Unsolicited: no request to answer (samlify still writes its empty InResponseTo).
    const info = (request ?? {}) as Parameters<typeof idp.createLoginResponse>[1];
    const { context, entityEndpoint } = (await idp.createLoginResponse(sp, info, 'post', {
      email: SARAH,
    })) as { context: string; entityEndpoint: string };
    return postFormHtml(entityEndpoint, context, req.query.RelayState as string | undefined);
  };
});

afterAll(async () => {
  await world?.close();
  await idpServer?.close();
});

describe('samlify as an IdP signing users into org2', () => {
  it("answers org2's signed AuthnRequest (SP-initiated): org2 links Sarah's provisioned account by username", async () => {
    const agent = browser(world);
    const page = await fromOrg2(world, agent);
    expect(page.url).toBe(`${world.org2.url}/app/UserHome`);
    expect(lastInResponseTo(agent, world.org2.acsUrl)).not.toBe('');
    expect(page.text).toContain(SARAH);
    expect(world.org2.directory.get(SARAH).status).toBe('ACTIVE');
    expect(world.org2.signIns.at(-1)).toMatchObject({ ok: true, outcome: 'linked-existing', login: SARAH });
    expect(lastAuthViaIdp(world)?.outcome).toEqual({
      result: 'SUCCESS',
      reason: 'User linked to an existing Okta account',
    });
  });

  it('cannot sign in IdP-initiated: its unsolicited response carries InResponseTo="", which the SAML schema forbids', async () => {
    await expect(openAndConfirm(browser(world), idpServer.ssoUrl)).rejects.toMatchObject({
      code: 'SAML_SCHEMA_INVALID',
      message: expect.stringContaining('/Response/@InResponseTo'),
    });
    expect(lastAuthViaIdp(world)?.outcome).toEqual({
      result: 'FAILURE',
      reason: 'Unable to validate incoming SAML Assertion',
    });
  });
});
