import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateFixtures } from '../../fixtures/responses/generate.js';
import { loadCredential } from '../../harness/crypto/store.js';
import { readInput } from '../../harness/saml/explain/input.js';
import { cli, fixture, PROFILE } from './helpers.js';

const explain = async (file: string, ...extra: string[]) =>
  (await cli([fixture(file), '--profile', PROFILE, '--json', ...extra])).json;
const row = (json: Awaited<ReturnType<typeof explain>>, check: string) =>
  json.checks?.find((c) => c.check === check);

describe('what explain says about particular fixtures', () => {
  it('reads a NameID split by a comment whole: the signed value, not the first text node', async () => {
    const json = await explain('invalid/comment-in-nameid.b64');
    expect(json.ok).toBe(true);
    expect(json.summary?.assertion?.nameId).toBe('sarah@org1.example.evil.test');
    expect(row(json, 'name-id')?.actual).toBe('sarah@org1.example.evil.test');
  });

  it('pinpoints a digest mismatch to the Reference URI of each altered element', async () => {
    const json = await explain('invalid/tampered-nameid.b64');
    const [response, assertion] = json.summary?.signatures ?? [];
    expect(response?.problem).toMatch(
      new RegExp(`^digest mismatch: for uri #${json.summary?.id} calculated digest is `),
    );
    expect(assertion?.problem).toMatch(
      new RegExp(`^digest mismatch: for uri #${json.summary?.assertion?.id} `),
    );
    expect(row(json, 'signature')?.detail).toContain(`for uri #${json.summary?.assertion?.id}`);
    expect(json.summary?.assertion?.nameId).toBe('admin@org1.example');
    expect(json.summary?.assertionReadFrom).toBe('unsigned');
  });

  it('compares the KeyInfo certificate with the trusted one, with both fingerprints', async () => {
    const json = await explain('invalid/untrusted-cert.b64');
    const cert = json.summary?.signatures[0]?.keyInfoCert;
    const dropbox = loadCredential('org2-dropbox').cert;
    expect(cert).toMatchObject({ trusted: false, sha1: dropbox.sha1, sha256: dropbox.sha256 });
    expect(cert?.subject).toContain('CN=fedsim org2-dropbox');
    expect(json.summary?.trustedCerts.map((c) => c.sha256)).toEqual([
      loadCredential('org1-org2org').cert.sha256,
    ]);
    expect(json.summary?.signatures[0]?.problem).toMatch(
      /^signed by the KeyInfo certificate .* not a trusted certificate/,
    );
    const ok = await explain('valid/okta-org2org-signed-both.b64');
    expect(ok.summary?.signatures.map((s) => [s.element, s.valid, s.keyInfoCert?.trusted])).toEqual([
      ['Response', true, true],
      ['Assertion', true, true],
    ]);
  });

  it('reads the XSW3 copy as unsigned and never trusts it', async () => {
    const json = await explain('invalid/xsw3-assertion-before-signed.xml');
    expect(json.summary?.assertionCount).toBe(2);
    expect(json.summary?.assertionReadFrom).toBe('unsigned');
    expect(row(json, 'signed-element')?.ok).toBe(false);
  });

  it('summarises the other-library shapes: attribute formats, prefixes, algorithms', async () => {
    const adfs = await explain('valid/xmlcrypto-adfs-style.xml');
    expect(adfs.summary?.assertion?.attributes).toMatchObject({
      'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups': ['Staff', 'Dropbox Users'],
    });
    expect(adfs.summary?.signatures.map((s) => s.present)).toEqual([false, true]);
    const sha1 = await explain('invalid/sha1-signed-response.xml');
    expect(sha1.summary?.signatures[0]).toMatchObject({
      valid: true,
      algorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
      digestAlgorithm: 'http://www.w3.org/2000/09/xmldsig#sha1',
    });
    expect((await explain('invalid/sha1-signed-response.xml')).ok).toBe(false);
  });

  it('leaves InResponseTo unchecked without the request id, and checks it with --request-id', async () => {
    const file = 'valid/samlify-idp-sp-initiated.b64';
    expect(row(await explain(file), 'in-response-to')?.ok).toBe(null);
    const matched = await explain(file, '--request-id', '_samlify-fixture-authnrequest-0001');
    expect(row(matched, 'in-response-to')?.ok).toBe(true);
    const other = await explain(file, '--request-id', '_another-request');
    expect(row(other, 'in-response-to')).toMatchObject({ ok: false, code: 'SAML_IN_RESPONSE_TO_MISMATCH' });
  });

  it('follows an SP-initiated HAR: the AuthnRequest makes its ID outstanding for the Response', async () => {
    const json = await explain('valid/har-sp-initiated-two-messages.har');
    expect(json.messages.map((m) => [m.kind, m.binding])).toEqual([
      ['Request', 'redirect'],
      ['Response', 'post'],
    ]);
    expect(row(json, 'in-response-to')).toMatchObject({ ok: true });
  });

  it('shows the replay on the second POST of the same response', async () => {
    const json = await explain('invalid/har-replayed-response.har');
    expect(json.messages.map((m) => m.ok)).toEqual([true, false]);
  });
});

describe('fixtures are reproducible', () => {
  it('generate.ts produces exactly the committed files', async () => {
    const files = await generateFixtures();
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(30);
    for (const [name, content] of Object.entries(files)) {
      const committed = readFileSync(fixture(name), 'utf8');
      if (/SAMLRequest=|redirect-binding/.test(name + content)) {
        // deflate output may differ between zlib builds: compare the messages it carries
        const xml = (text: string) => readInput(text).messages.map((m) => m.xml);
        expect(xml(committed), name).toEqual(xml(content));
      } else {
        expect(committed, name).toBe(content);
      }
    }
  });
});
