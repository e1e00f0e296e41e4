import { readFileSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOktaIdp } from '../../harness/okta/org2/idp-json.js';
import { audienceOf } from '../../harness/okta/org2/inbound-idp.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { codeOf } from '../codes.js';

const FILE = 'fixtures/okta/org1-idp-exported.json';
const exported = JSON.parse(readFileSync(FILE, 'utf8'));

describe('Okta IdP JSON', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld({ org2: { idp: { oktaJson: FILE } } });
  });
  afterAll(() => world.close());

  it('simulates the exported ids: IdP id, audience, and org1 app key from the issuer', () => {
    expect(world.org2.idp.id).toBe('0oa4x7kqv9ZcT2mWd1d7');
    expect(audienceOf(world.org2.idp)).toBe(
      'https://www.okta.com/saml2/service-provider/spgv32vOnpdyeGSaiUpL',
    );
    expect(world.org1.app.key).toBe('exk9q2wlr1Gv8NbXj1d7');
    expect(world.org2.acsUrl).toBe(`${world.org2.url}/sso/saml2/0oa4x7kqv9ZcT2mWd1d7`);
  });

  it('serves it back at GET /api/v1/idps/{id} with the same trust and policy', async () => {
    const res = await request(world.org2.url)
      .get('/api/v1/idps/0oa4x7kqv9ZcT2mWd1d7')
      .set('Authorization', `SSWS ${world.tokens.superAdmin}`)
      .expect(200);
    expect(res.body.protocol.credentials.trust.issuer).toBe(exported.protocol.credentials.trust.issuer);
    expect(res.body.protocol.credentials.trust.audience).toBe(exported.protocol.credentials.trust.audience);
    expect(res.body.policy.subject).toEqual(exported.policy.subject);
    expect(res.body.policy.maxClockSkew).toBe(120000);
  });

  it('keeps the exported key ids: trust.kid still names the trusted certificate in the key store', async () => {
    const kid = exported.protocol.credentials.trust.kid;
    const ssws = `SSWS ${world.tokens.superAdmin}`;
    const served = await request(world.org2.url)
      .get('/api/v1/idps/0oa4x7kqv9ZcT2mWd1d7')
      .set('Authorization', ssws);
    expect(served.body.protocol.credentials.trust.kid).toBe(kid);
    expect(served.body.created).toBe(exported.created);
    expect(served.body.issuerMode).toBe(exported.issuerMode);
    const key = await request(world.org2.url)
      .get(`/api/v1/idps/credentials/keys/${kid}`)
      .set('Authorization', ssws);
    expect(key.body.x5c).toEqual([world.org2.idp.trustedCerts[0]?.base64]);
  });

  it('round-trips: what fedsim serves loads back to the same settings', () => {
    const served = world.org2.idpJson();
    const loaded = readOktaIdp(served, 'served').settings;
    for (const key of [
      'id',
      'issuer',
      'spId',
      'signatureScope',
      'matchType',
      'accountLink',
      'provisioning',
      'userNameTemplate',
      'maxClockSkewMs',
    ] as const) {
      expect(loaded[key]).toEqual(world.org2.idp[key]);
    }
  });

  it('refuses JSON that is not a SAML2 IdP with CONFIG_INVALID', () => {
    expect(codeOf(() => readOktaIdp({ type: 'OIDC', protocol: { type: 'OIDC' } }, 'x.json'))).toBe(
      'CONFIG_INVALID',
    );
    expect(codeOf(() => readOktaIdp({ ...exported, policy: { maxClockSkew: -1 } }, 'x.json'))).toBe(
      'CONFIG_INVALID',
    );
  });
});
