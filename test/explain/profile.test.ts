import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../../fixtures/responses/generate.js';

import { FixedClock } from '../../harness/core/clock.js';
import { SeededIds } from '../../harness/core/ids.js';
import { loadCredential } from '../../harness/crypto/store.js';
import { audienceOf } from '../../harness/okta/org2/inbound-idp.js';
import { completeProfile } from '../../harness/saml/explain/profile.js';
import { ISSUER_DEFAULTS, issueResponse } from '../../harness/saml/issue.js';
import { loadScenarioFile, scenarioSeed } from '../../harness/scenario/load.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { explainText, fixture, loadProfile, readFixture } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'fedsim-explain-'));
const write = (name: string, content: string) => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};
const pem = (name: Parameters<typeof loadCredential>[0]) => loadCredential(name).cert.pem;

/** A response from org1's Org2Org app of a running world, to org2's ACS (or elsewhere). */
function issueFor(world: World, acsUrl = world.org2.acsUrl) {
  return issueResponse(
    { ...ISSUER_DEFAULTS, issuer: world.org2.idp.issuer, credential: loadCredential('org1-org2org') },
    { acsUrl, audience: audienceOf(world.org2.idp), nameId: 'sarah@org1.example', attributes: {} },
    { clock: new FixedClock(FIXTURE.now), ids: new SeededIds('profile-test') },
  ).base64;
}

describe('Okta IdP JSON (GET /api/v1/idps/{id}) as a profile', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld({
      org2: { idp: { signatureScope: 'TOKEN', signatureAlgorithm: 'SHA-1', maxClockSkewSeconds: 300 } },
    });
  });
  afterAll(() => world.close());

  it('round-trips toOktaIdpJson into the same SP profile org2 checks with', async () => {
    const file = write('idp.json', JSON.stringify(world.org2.idpJson()));
    const loaded = await loadProfile({ oktaIdp: [file], certs: [write('org1.pem', pem('org1-org2org'))] });
    const { profile, missing } = completeProfile(loaded.spec);
    const expected = world.org2.spProfile();
    expect(missing.size).toBe(0);
    expect(profile).toMatchObject({
      idpIssuer: expected.idpIssuer,
      audience: expected.audience,
      acsUrl: expected.acsUrl,
      signatureScope: 'TOKEN',
      minSignatureAlgorithm: 'SHA-1',
      maxClockSkewMs: 300_000,
    });
    expect(profile.trustedCerts.map((c) => c.sha256)).toEqual(expected.trustedCerts.map((c) => c.sha256));
    // The object names the key by its key credential id, which the key store maps to the certificate.
    const [trusted] = expected.trustedCerts;
    expect(trusted && loaded.notes.join(' ')).toContain(trusted && world.org2.idpKeys.kidOf(trusted));
    expect(explainText(issueFor(world), loaded).codes).toEqual([]);
  });

  it('without --cert reports the signature rows as not checked, and points at the kid', async () => {
    const loaded = await loadProfile({ oktaIdp: [fixture('okta-idp.json')] });
    const { result, codes } = explainText(readFixture('valid/okta-org2org-signed-both.b64'), loaded);
    expect(codes).toEqual([]);
    const m = result.messages[0];
    expect(m?.kind === 'Response' && m.checks.filter((c) => c.ok === null).map((c) => c.check)).toEqual([
      'signature',
      'signed-element',
    ]);
    expect(loaded.notes[0]).toMatch(/--cert .*\/api\/v1\/idps\/credentials\/keys/);
  });

  it('refuses an object that is not a SAML IdP', async () => {
    const file = write('oidc.json', JSON.stringify({ id: '0oa1', type: 'OIDC', protocol: { type: 'OIDC' } }));
    await expect(loadProfile({ oktaIdp: [file] })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});

describe('SAML metadata as a profile', () => {
  it('takes Audience and the POST ACS from SP metadata, Issuer and cert from IdP metadata', async () => {
    const loaded = await loadProfile({
      spMetadata: [fixture('metadata/sp.xml')],
      idpMetadata: fixture('metadata/idp.xml'),
    });
    const { profile, missing } = completeProfile(loaded.spec);
    expect(missing.size).toBe(0);
    expect(profile).toMatchObject({
      audience: FIXTURE.audience,
      acsUrl: FIXTURE.acs,
      idpIssuer: FIXTURE.issuer,
    });
    expect(profile.trustedCerts.map((c) => c.sha256)).toEqual([loadCredential('org1-org2org').cert.sha256]);
    expect(explainText(readFixture('invalid/untrusted-cert.b64'), loaded).codes).toContain(
      'SAML_SIGNATURE_INVALID',
    );
  });

  it('reads WantAssertionsSigned as signature scope TOKEN; --cert can stand in for IdP metadata', async () => {
    const sp = readFileSync(fixture('metadata/sp.xml'), 'utf8').replace(
      'WantAssertionsSigned="false"',
      'WantAssertionsSigned="true"',
    );
    const loaded = await loadProfile({
      spMetadata: [write('sp.xml', sp)],
      certs: ['org1-org2org'],
      issuer: FIXTURE.issuer,
    });
    expect(loaded.spec.signatureScope).toBe('TOKEN');
    expect(explainText(readFixture('valid/response-only-signed.b64'), loaded).codes).toEqual([
      'SAML_SIGNATURE_MISSING',
    ]);
  });

  it('refuses metadata without the right role, or with a DOCTYPE', async () => {
    await expect(loadProfile({ spMetadata: [fixture('metadata/idp.xml')] })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
    const doctype = write('bad.xml', '<!DOCTYPE x [<!ENTITY e "e">]><x/>');
    await expect(loadProfile({ idpMetadata: doctype })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});

describe('a scenario as a profile: its world, started on ephemeral ports and closed', () => {
  const scenario = 'scenarios/sarah-end-to-end.yaml';

  it("checks a response of that scenario's world, whatever port org2 had", async () => {
    const loaded = await loadProfile({ profile: [scenario] });
    expect(loaded.loopbackAcsPath).toMatch(/^\/sso\/saml2\/0oa/);
    // The same seed `fedsim run` gives this scenario: its name, not the path as typed.
    const world = await createWorld({ seed: scenarioSeed(loadScenarioFile(`./${scenario}`)) });
    try {
      expect(world.org2.acsUrl.endsWith(loaded.loopbackAcsPath ?? '-')).toBe(true);
      const { result, codes } = explainText(issueFor(world), loaded);
      expect(codes).toEqual([]);
      const m = result.messages[0];
      expect(m?.kind === 'Response' && m.notes[0]).toContain(`ACS origin ${world.org2.url}`);
      const elsewhere = issueFor(world, `https://org2.example.com${loaded.loopbackAcsPath}`);
      expect(explainText(elsewhere, loaded).codes).toEqual([
        'SAML_DESTINATION_MISMATCH',
        'SAML_RECIPIENT_MISMATCH',
      ]);
    } finally {
      await world.close();
    }
  });
});

describe('flags and fedsim profile files', () => {
  it('flags override a profile; missing expectations become "not checked" rows, not crashes', async () => {
    const loaded = await loadProfile({ audience: 'https://sp.example/other' });
    const { result, codes } = explainText(readFixture('valid/okta-org2org-signed-both.b64'), loaded);
    expect(codes).toEqual(['SAML_AUDIENCE_MISMATCH']);
    const m = result.messages[0];
    const skipped = m?.kind === 'Response' ? m.checks.filter((c) => c.ok === null) : [];
    expect(skipped.map((c) => c.check)).toEqual([
      'signature',
      'signed-element',
      'issuer',
      'destination',
      'recipient',
    ]);
    expect(skipped.every((c) => c.expected === 'not checked (no expected value)')).toBe(true);
    expect(result.exitCode).toBe(1);
  });

  it('trusts every certificate of a PEM bundle (rollover)', async () => {
    const bundle = write('bundle.pem', pem('org1-org2org') + pem('org2-dropbox'));
    const loaded = await loadProfile({ profile: [fixture('profile.json')], certs: [bundle] });
    expect(loaded.spec.trustedCerts).toHaveLength(2);
    expect(explainText(readFixture('invalid/untrusted-cert.b64'), loaded).codes).toEqual([]);
  });

  it('validates profile.json and names the bad key', async () => {
    const file = write('p.json', JSON.stringify({ issuer: 'x', scope: 'SOME' }));
    await expect(loadProfile({ profile: [file] })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: /scope/,
    });
    await expect(loadProfile({ certs: ['no-such-cert.pem'] })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
  });
});
