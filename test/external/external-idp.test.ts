import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../harness/core/clock.js';
import { SeededIds } from '../../harness/core/ids.js';
import { type Listening, listen } from '../../harness/core/listen.js';
import { loadCredential } from '../../harness/crypto/store.js';
import { audienceOf } from '../../harness/okta/org2/inbound-idp.js';
import { ISSUER_DEFAULTS, issueResponse } from '../../harness/saml/issue.js';
import { idpMetadataXml } from '../../harness/saml/metadata.js';
import type { WorldConfig } from '../../harness/world/config.js';
import { WORLD_DEFAULTS } from '../../harness/world/defaults.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { errorCodeOf } from '../routes-helpers.js';

// Issue #15 §1: org2's inbound IdP trusts an IdP other than org1, from its metadata (a file or a
// URL) or from fields (issuer, SSO URL, certificate), as an admin sets up a SAML 2.0 IdP in Okta.

const ISSUER = 'https://idp.example.test/saml';
const SSO = 'http://127.0.0.1:9/sso';
const foreign = loadCredential('attacker');
const metadata = idpMetadataXml({ entityId: ISSUER, ssoUrl: SSO, signingCerts: [foreign.cert] });
const worlds: World[] = [];
const servers: Listening[] = [];

afterAll(async () => {
  await Promise.all([...worlds.map((w) => w.close()), ...servers.map((s) => s.close())]);
});

async function worldWith(idp: NonNullable<WorldConfig['org2']>['idp'], baseDir?: string) {
  const world = await createWorld({ org2: { idp } }, baseDir ? { baseDir } : {});
  worlds.push(world);
  return world;
}

/** A response for org2's ACS signed by `credential` as `issuer`. */
function post(world: World, issuer: string, credential = foreign) {
  const { base64 } = issueResponse(
    { ...ISSUER_DEFAULTS, issuer, credential },
    {
      acsUrl: world.org2.acsUrl,
      audience: audienceOf(world.org2.idp),
      nameId: 'erin@idp.example.test',
      attributes: { firstName: 'Erin', lastName: 'Ng', email: 'erin@idp.example.test' },
    },
    { clock: new FixedClock(WORLD_DEFAULTS.clock), ids: new SeededIds('external-idp') },
  );
  return request(world.org2.url)
    .post(new URL(world.org2.acsUrl).pathname)
    .type('form')
    .send({ SAMLResponse: base64 });
}

describe("org2's inbound IdP trusting an external IdP", () => {
  it('from fields: signs in (JIT) a user the other IdP asserts', async () => {
    const world = await worldWith({ issuer: ISSUER, ssoUrl: SSO, certificatePem: foreign.cert.pem });
    expect(world.org2.idp).toMatchObject({ issuer: ISSUER, ssoUrl: SSO });
    const res = await post(world, ISSUER);
    expect(errorCodeOf(res)).toBeUndefined();
    expect(world.org2.directory.get('erin@idp.example.test')).toMatchObject({ status: 'ACTIVE' });
  });

  it('from a metadata file: org1 is no longer trusted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fedsim-idp-'));
    writeFileSync(join(dir, 'idp.xml'), metadata);
    const world = await worldWith({ metadata: './idp.xml' }, dir);
    expect(world.org2.idp).toMatchObject({ issuer: ISSUER, ssoUrl: SSO });
    expect((await post(world, ISSUER)).status).toBeLessThan(400);
    // org1's Org2Org app, its key and issuer: refused for its signature before anything else.
    const org1 = await post(
      world,
      `http://www.okta.com/${world.org1.app.key}`,
      loadCredential('org1-org2org'),
    );
    expect(errorCodeOf(org1)).toBe('SAML_SIGNATURE_INVALID');
  });

  it('from a metadata URL on loopback, read when the world starts', async () => {
    const app = express();
    app.get('/idp/metadata', (_req, res) => res.type('application/xml').send(metadata));
    const server = await listen(app);
    servers.push(server);
    const world = await worldWith({ metadata: `${server.url}/idp/metadata` });
    expect(world.org2.idp.issuer).toBe(ISSUER);
    expect(world.org2.idp.trustedCerts.map((c) => c.sha256)).toEqual([foreign.cert.sha256]);
  });

  it('fields without a certificate are a config error naming what is missing', async () => {
    await expect(worldWith({ issuer: ISSUER, ssoUrl: SSO })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
  });
});
