import { describe, expect, it } from 'vitest';
import { loadCredential } from '../../../harness/crypto/store.js';
import { issue } from '../helpers.js';
import { read, row } from './helpers.js';

const SP = loadCredential('org2-sp');

describe('encryption: an SP that requires encrypted assertions refuses plaintext', () => {
  it.each(['aes256-gcm', 'aes256-cbc'] as const)(
    'passes an %s EncryptedAssertion when required',
    (algorithm) => {
      const xml = issue({}, { encryption: { algorithm, certPem: SP.cert.pem } }).xml;
      const p = { requireEncryption: true, decryptionKey: SP.privateKey };
      const r = row('encryption', xml, { profile: p });
      expect(r).toMatchObject({
        check: 'encryption',
        ok: true,
        code: 'SAML_ASSERTION_NOT_ENCRYPTED',
        expected: 'an EncryptedAssertion',
        actual: 'EncryptedAssertion',
      });
      expect(read(xml, p).assertion?.nameId).toBe('sarah@org1.example');
    },
  );

  it('passes plaintext when encryption is not required', () => {
    expect(row('encryption', issue().xml)).toMatchObject({
      ok: true,
      expected: 'plaintext or encrypted',
      actual: 'plaintext Assertion',
    });
  });

  it('fails plaintext when encryption is required, telling where to turn it on', () => {
    const r = row('encryption', issue().xml, { profile: { requireEncryption: true } });
    expect(r).toMatchObject({
      ok: false,
      code: 'SAML_ASSERTION_NOT_ENCRYPTED',
      expected: 'an EncryptedAssertion',
      actual: 'plaintext Assertion',
    });
    expect(r.hint).toContain('turn on assertion encryption');
  });

  it('refuses to read an EncryptedAssertion without the SP key', () => {
    const xml = issue({}, { encryption: { algorithm: 'aes256-gcm', certPem: SP.cert.pem } }).xml;
    expect(() => read(xml)).toThrow(expect.objectContaining({ code: 'SAML_DECRYPTION_FAILED' }));
    expect(() => read(xml, { decryptionKey: loadCredential('dropbox-sp').privateKey })).toThrow(
      expect.objectContaining({ code: 'SAML_DECRYPTION_FAILED' }),
    );
  });
});
