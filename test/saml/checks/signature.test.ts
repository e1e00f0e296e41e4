import { describe, expect, it } from 'vitest';
import { loadCredential } from '../../../harness/crypto/store.js';
import { ALGORITHMS } from '../../../harness/saml/constants.js';
import { ACS, issue } from '../helpers.js';
import { build, read, row } from './helpers.js';

const ORG1 = loadCredential('org1-org2org');
const NEXT = loadCredential('org1-next');
const ATTACKER = loadCredential('attacker');
const RSA_SHA256 = ALGORITHMS['SHA-256'].signature;
const RSA_SHA1 = ALGORITHMS['SHA-1'].signature;
const SHA256 = ALGORITHMS['SHA-256'].digest;
const SHA1 = ALGORITHMS['SHA-1'].digest;

describe('signature: scope RESPONSE | TOKEN | ANY, trusted certs only', () => {
  it('passes when both signatures verify (scope ANY)', () => {
    const r = row('signature', issue().xml);
    expect(r).toMatchObject({ check: 'signature', ok: true, code: 'SAML_SIGNATURE_MISSING' });
    expect(r.expected).toBe('a signed Response or Assertion');
    expect(r.actual).toBe('Response signature valid; Assertion signature valid');
  });

  it.each([
    ['RESPONSE', { signAssertion: false }],
    ['TOKEN', { signResponse: false }],
    ['ANY', { signResponse: false }],
    ['ANY', { signAssertion: false }],
  ] as const)('passes scope %s with %o', (scope, settings) => {
    expect(row('signature', issue({}, settings).xml, { profile: { signatureScope: scope } }).ok).toBe(true);
  });

  it('fails scope TOKEN when only the Response is signed, naming the setting to turn on', () => {
    const r = row('signature', issue({}, { signAssertion: false }).xml, {
      profile: { signatureScope: 'TOKEN' },
    });
    expect(r).toMatchObject({ ok: false, code: 'SAML_SIGNATURE_MISSING', expected: 'a signed Assertion' });
    expect(r.actual).toBe('Response signature valid; Assertion unsigned');
    expect(r.hint).toContain('signing of the assertion');
    expect(r.hint).toContain('TOKEN');
  });

  it('fails scope RESPONSE when only the Assertion is signed', () => {
    const r = row('signature', issue({}, { signResponse: false }).xml, {
      profile: { signatureScope: 'RESPONSE' },
    });
    expect(r).toMatchObject({ ok: false, code: 'SAML_SIGNATURE_MISSING', expected: 'a signed Response' });
    expect(r.actual).toBe('Response unsigned; Assertion signature valid');
    expect(r.hint).toContain('signing of the response');
  });

  it('fails an entirely unsigned message under scope ANY', () => {
    const r = row('signature', issue({}, { signResponse: false, signAssertion: false }).xml);
    expect(r).toMatchObject({ ok: false, code: 'SAML_SIGNATURE_MISSING' });
    expect(r.actual).toBe('Response unsigned; Assertion unsigned');
  });

  it('fails a tampered signed assertion as invalid, in Okta wording, with the trusted fingerprint', () => {
    const xml = issue({}, { signResponse: false }).xml.replace('>Sarah<', '>Mallory<');
    const r = row('signature', xml);
    expect(r).toMatchObject({ ok: false, code: 'SAML_SIGNATURE_INVALID' });
    expect(r.expected).toContain(ORG1.cert.sha256.slice(0, 23));
    expect(r.actual).toMatch(/^Response unsigned; Assertion signature invalid \(/);
    expect(r.hint).toContain('did not validate');
    expect(r.hint).toContain("org1's Org2Org app");
  });

  it('an invalid signature fails even when the other one is valid and the scope is satisfied', () => {
    const xml = issue().xml.replace(`Destination="${ACS}"`, 'Destination="https://evil.test/acs"');
    const r = row('signature', xml, { profile: { signatureScope: 'ANY' } });
    expect(r).toMatchObject({ ok: false, code: 'SAML_SIGNATURE_INVALID' });
    expect(r.actual).toContain('Response signature invalid');
    expect(r.actual).toContain('Assertion signature valid');
  });

  it('never trusts the certificate in KeyInfo', () => {
    const xml = issue({}, { credential: ATTACKER }).xml;
    const r = row('signature', xml);
    expect(r).toMatchObject({ ok: false, code: 'SAML_SIGNATURE_INVALID' });
    const m = read(xml);
    expect(m.signatures.response.keyInfoCert?.sha256).toBe(ATTACKER.cert.sha256);
    expect(m.signatures.response.verifiedBy).toBeUndefined();
  });

  it('fails with no trusted certificate configured', () => {
    const r = row('signature', issue().xml, { profile: { trustedCerts: [] } });
    expect(r).toMatchObject({ ok: false, code: 'SAML_SIGNATURE_INVALID' });
    expect(r.actual).toContain('no trusted certificate is configured');
  });

  describe('rollover: a primary and one additional cert, either verifies', () => {
    const both = { trustedCerts: [ORG1.cert, NEXT.cert] };
    it('accepts the old cert while both are trusted', () => {
      const xml = issue().xml;
      expect(row('signature', xml, { profile: both }).ok).toBe(true);
      expect(read(xml, both).signatures.assertion.verifiedBy).toBe(ORG1.cert.sha256);
    });
    it('accepts the new cert while both are trusted', () => {
      const xml = issue({}, { credential: NEXT }).xml;
      expect(row('signature', xml, { profile: both }).ok).toBe(true);
      expect(read(xml, both).signatures.response.verifiedBy).toBe(NEXT.cert.sha256);
    });
    it('refuses the old cert once it is removed', () => {
      const r = row('signature', issue().xml, { profile: { trustedCerts: [NEXT.cert] } });
      expect(r).toMatchObject({ ok: false, code: 'SAML_SIGNATURE_INVALID' });
      expect(r.expected).toContain(NEXT.cert.sha256.slice(0, 23));
    });
  });
});

describe('signature-algorithm: SHA-1 only when asked for, in the SignatureMethod and the digest', () => {
  it('passes RSA-SHA256 over a SHA-256 digest', () => {
    const r = row('signature-algorithm', issue().xml);
    expect(r).toMatchObject({ ok: true, code: 'SAML_SIGNATURE_ALGORITHM_WEAK' });
    expect(r.expected).toContain(RSA_SHA256);
    expect(r.expected).not.toContain(RSA_SHA1);
    expect(r.actual).toBe([RSA_SHA256, SHA256].join(', '));
  });

  it('fails RSA-SHA1 when the minimum is SHA-256, naming the fix', () => {
    const r = row('signature-algorithm', issue({}, { signatureAlgorithm: 'SHA-1' }).xml);
    expect(r).toMatchObject({ ok: false, code: 'SAML_SIGNATURE_ALGORITHM_WEAK' });
    expect(r.expected).toContain(RSA_SHA256);
    expect(r.actual).toBe([RSA_SHA1, SHA1].join(', '));
    expect(r.hint).toContain('RSA-SHA256');
  });

  it('fails RSA-SHA256 over a SHA-1 digest: that is SHA-1', () => {
    const xml = build({ settings: { signResponse: false }, digest: 'SHA-1' }).xml;
    expect(row('signature', xml).ok).toBe(true);
    const r = row('signature-algorithm', xml);
    expect(r).toMatchObject({ ok: false, actual: `${RSA_SHA256}, ${SHA1}` });
  });

  it('passes RSA-SHA1 when the minimum is SHA-1 (and the signature itself verifies)', () => {
    const xml = issue({}, { signatureAlgorithm: 'SHA-1' }).xml;
    const r = row('signature-algorithm', xml, { profile: { minSignatureAlgorithm: 'SHA-1' } });
    expect(r.ok).toBe(true);
    expect(r.expected).toContain(RSA_SHA1);
    expect(row('signature', xml, { profile: { minSignatureAlgorithm: 'SHA-1' } }).ok).toBe(true);
  });

  it('fails an unknown SignatureMethod', () => {
    const xml = issue({}, { signResponse: false }).xml.replace(RSA_SHA256, 'urn:example:none');
    const r = row('signature-algorithm', xml);
    expect(r.ok).toBe(false);
    expect(r.actual).toContain('urn:example:none');
  });
});
