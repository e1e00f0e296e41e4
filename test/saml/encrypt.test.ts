import { describe, expect, it } from 'vitest';
import { loadCredential } from '../../harness/crypto/store.js';
import { consumeResponse } from '../../harness/saml/consume.js';
import type { EncryptionAlgorithm } from '../../harness/saml/encrypt.js';
import { EMPTY_SP_STATE } from '../../harness/saml/profile.js';
import { issue, NOW, profile } from './helpers.js';

const sp = loadCredential('org2-sp');
const encrypted = (algorithm: EncryptionAlgorithm, settings = {}) =>
  issue({}, { encryption: { algorithm, certPem: sp.cert.pem }, ...settings });
const failing = (r: ReturnType<typeof consumeResponse>) => r.checks.filter((c) => !c.ok).map((c) => c.code);

describe.each(['aes256-gcm', 'aes256-cbc'] as const)('assertion encryption with %s', (algorithm) => {
  it('hides the assertion and decrypts it with the SP key', () => {
    const issued = encrypted(algorithm);
    expect(issued.xml).toContain('<saml2:EncryptedAssertion');
    expect(issued.xml).not.toContain('sarah@org1.example');
    const r = consumeResponse(
      issued.base64,
      profile({ decryptionKey: sp.privateKey, requireEncryption: true }),
      EMPTY_SP_STATE,
      NOW,
    );
    expect(failing(r)).toEqual([]);
    expect(r.message.encrypted).toBe(true);
    expect(r.message.assertion?.nameId).toBe('sarah@org1.example');
    expect(r.message.signatures.assertion.valid).toBe(true);
  });

  it('reads the decrypted assertion as signed when only the assertion is signed', () => {
    const r = consumeResponse(
      encrypted(algorithm, { signResponse: false }).base64,
      profile({ decryptionKey: sp.privateKey }),
      EMPTY_SP_STATE,
      NOW,
    );
    expect(r.message.assertionSource).toBe('signed-assertion');
    expect(failing(r)).toEqual([]);
  });

  it('fails with SAML_DECRYPTION_FAILED without the key or with another key', () => {
    const issued = encrypted(algorithm);
    expect(() => consumeResponse(issued.base64, profile(), EMPTY_SP_STATE, NOW)).toThrow(
      expect.objectContaining({ code: 'SAML_DECRYPTION_FAILED' }),
    );
    const other = loadCredential('dropbox-sp').privateKey;
    expect(() =>
      consumeResponse(issued.base64, profile({ decryptionKey: other }), EMPTY_SP_STATE, NOW),
    ).toThrow(expect.objectContaining({ code: 'SAML_DECRYPTION_FAILED' }));
  });
});

it('refuses a plaintext assertion when encryption is required', () => {
  const r = consumeResponse(issue().base64, profile({ requireEncryption: true }), EMPTY_SP_STATE, NOW);
  expect(failing(r)).toEqual(['SAML_ASSERTION_NOT_ENCRYPTED']);
});

it('detects tampered GCM ciphertext', () => {
  const xml = encrypted('aes256-gcm', { signResponse: false }).xml;
  const values = [...xml.matchAll(/<xenc:CipherValue>([^<]+)<\/xenc:CipherValue>/g)];
  const data = values[1]?.[1] ?? '';
  const flipped = Buffer.from(data, 'base64');
  flipped[20] = (flipped[20] ?? 0) ^ 1;
  const tampered = xml.replace(data, flipped.toString('base64'));
  expect(() =>
    consumeResponse(
      Buffer.from(tampered).toString('base64'),
      profile({ decryptionKey: sp.privateKey }),
      EMPTY_SP_STATE,
      NOW,
    ),
  ).toThrow(expect.objectContaining({ code: 'SAML_DECRYPTION_FAILED' }));
});
