import { describe, expect, it } from 'vitest';
import { cli, fixture, jsonCodes } from './helpers.js';

// A response captured from a real Okta org (provenance: fixtures/responses/okta-captured/README.md):
// explain decodes it and verifies Okta's own signatures (exclusive C14N, PrefixList="xs").
const RESPONSE = fixture('okta-captured/goxmldsig-2016-sp-initiated.xml');
const CERT = fixture('okta-captured/dev-116807.cert.pem');
const EXPECT = [
  ['--cert', CERT],
  ['--issuer', 'http://www.okta.com/exk5zt0r12Edi4rD20h7'],
  ['--audience', '123'],
  ['--acs', 'http://localhost:8080/v1/_saml_callback'],
  ['--request-id', '_213843b4-0693-47b8-b2f6-c41e316015cc'],
].flat();

describe('explain reads a real Okta response', () => {
  it('decodes it and verifies both signatures with the org certificate: every check passes', async () => {
    const run = await cli([RESPONSE, ...EXPECT, '--json']);
    expect(run.code).toBe(0);
    expect(jsonCodes(run.json)).toEqual([]);
    const summary = run.json.summary;
    expect(summary?.assertion?.sessionIndex).toBe(summary?.inResponseTo);
    expect(summary?.signatures.map((s) => [s.element, s.valid, s.keyInfoCert?.trusted])).toEqual([
      ['Response', true, true],
      ['Assertion', true, true],
    ]);
  });

  it('shows the certificate validity (it expired in 2026); judged today, the assertion has expired', async () => {
    const run = await cli([RESPONSE, ...EXPECT, '--now', '2026-11-29T00:00:00Z', '--json']);
    expect(run.code).toBe(1);
    expect(jsonCodes(run.json)).toEqual(['SAML_EXPIRED', 'SAML_SUBJECT_EXPIRED']);
    expect(run.json.summary?.signatures[0]?.keyInfoCert?.notAfter).toBe('2026-02-09T21:53:06.000Z');
  });
});
