import { createSign, createVerify, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CERT_DEFAULTS, generateCertificate, type KeyPairPem } from '../../harness/crypto/certs.js';
import { parseCertificate, toCredential } from '../../harness/crypto/credential.js';
import { CREDENTIAL_NAMES, CREDENTIALS, loadCredential, readPair } from '../../harness/crypto/store.js';
import { codeOf } from '../codes.js';

const FINGERPRINT_SHA256 = /^(?:[0-9A-F]{2}:){31}[0-9A-F]{2}$/;
const FINGERPRINT_SHA1 = /^(?:[0-9A-F]{2}:){19}[0-9A-F]{2}$/;

describe('generateCertificate', () => {
  let pair: KeyPairPem;
  let x509: X509Certificate;
  const notBefore = new Date('2030-03-04T05:06:07Z');
  const notAfter = new Date('2031-03-04T05:06:07Z');

  beforeAll(() => {
    pair = generateCertificate({
      commonName: 'rollover test',
      organization: 'fedsim unit',
      notBefore,
      notAfter,
      serial: '2a3b',
      modulusLength: 1024,
    });
    x509 = new X509Certificate(pair.certPem);
  });

  it('writes the commonName and organization into subject and issuer (self-signed)', () => {
    expect(x509.subject.split('\n')).toEqual(['CN=rollover test', 'O=fedsim unit']);
    expect(x509.issuer).toBe(x509.subject);
    expect(x509.verify(x509.publicKey)).toBe(true);
  });

  it('honours the validity window and serial', () => {
    expect(new Date(x509.validFrom).toISOString()).toBe(notBefore.toISOString());
    expect(new Date(x509.validTo).toISOString()).toBe(notAfter.toISOString());
    expect(x509.serialNumber.toUpperCase()).toBe('2A3B');
    expect(x509.publicKey.asymmetricKeyDetails?.modulusLength).toBe(1024);
    expect(x509.ca).toBe(false);
  });

  it('returns a PKCS#8 private key matching the certificate', () => {
    expect(pair.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const cred = toCredential(pair);
    const signature = createSign('sha256').update('hello').sign(cred.privateKey);
    expect(createVerify('sha256').update('hello').verify(x509.publicKey, signature)).toBe(true);
    expect(x509.checkPrivateKey(cred.privateKey)).toBe(true);
    expect(cred.cert.sha256).toBe(x509.fingerprint256);
  });

  it('defaults: serial 01, 2025 → 2125, RSA-2048', () => {
    const x = new X509Certificate(generateCertificate({ commonName: 'defaults' }).certPem);
    expect(x.serialNumber).toBe('01');
    expect(new Date(x.validFrom).toISOString()).toBe(CERT_DEFAULTS.notBefore.toISOString());
    expect(new Date(x.validTo).toISOString()).toBe(CERT_DEFAULTS.notAfter.toISOString());
    expect(x.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(x.subject).toContain('O=fedsim test only');
  });
});

describe('parseCertificate', () => {
  const pem = readPair('org1-org2org').certPem;
  const x509 = new X509Certificate(pem);

  it('reads PEM: subject, window and colon-separated upper-case fingerprints', () => {
    const info = parseCertificate(pem);
    expect(info.subject).toBe('CN=fedsim org1-org2org, O=fedsim test only');
    expect(info.notBefore.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(info.sha256).toMatch(FINGERPRINT_SHA256);
    expect(info.sha1).toMatch(FINGERPRINT_SHA1);
    expect(info.sha256).toBe(x509.fingerprint256);
    expect(info.sha1).toBe(x509.fingerprint);
    expect(info.base64).toBe(x509.raw.toString('base64'));
  });

  it('reads bare base64 DER (with line breaks) to the same certificate', () => {
    const bare = x509.raw.toString('base64');
    const wrapped = bare.match(/.{1,76}/g)?.join('\r\n') ?? bare;
    expect(parseCertificate(bare).sha256).toBe(x509.fingerprint256);
    expect(parseCertificate(wrapped).sha256).toBe(x509.fingerprint256);
  });

  it('round-trips through its own pem output', () => {
    const info = parseCertificate(x509.raw.toString('base64'));
    expect(info.pem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(info.pem.split('\n').every((line) => line.length <= 64)).toBe(true);
    expect(parseCertificate(info.pem).sha1).toBe(info.sha1);
  });

  it.each([
    ['garbage', 'not a certificate'],
    ['empty', ''],
    ['a truncated certificate', x509.raw.subarray(0, 200).toString('base64')],
    [
      'a key in certificate armour',
      '-----BEGIN CERTIFICATE-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n-----END CERTIFICATE-----',
    ],
  ])('refuses %s with CERT_INVALID', (_what, input) => {
    expect(codeOf(() => parseCertificate(input))).toBe('CERT_INVALID');
  });
});

describe('committed credentials', () => {
  it.each(CREDENTIAL_NAMES)('%s loads once, matches its key, and has its declared window', (name) => {
    const cred = loadCredential(name);
    expect(loadCredential(name)).toBe(cred);
    expect(cred.cert.subject).toContain(`CN=fedsim ${name}`);
    expect(cred.privateKey.asymmetricKeyType).toBe('rsa');
    expect(new X509Certificate(cred.cert.pem).checkPrivateKey(cred.privateKey)).toBe(true);
    const window: { notBefore?: Date; notAfter?: Date } = CREDENTIALS[name];
    expect(cred.cert.notBefore.toISOString()).toBe(
      (window.notBefore ?? CERT_DEFAULTS.notBefore).toISOString(),
    );
    expect(cred.cert.notAfter.toISOString()).toBe((window.notAfter ?? CERT_DEFAULTS.notAfter).toISOString());
  });

  it('every credential without a deliberate window expires after 2100', () => {
    const regular = CREDENTIAL_NAMES.filter((n) => !('notAfter' in CREDENTIALS[n]));
    expect(regular).toEqual(
      expect.arrayContaining(['org1-org2org', 'org2-dropbox', 'dropbox-sp', 'org2-sp']),
    );
    for (const name of regular) {
      expect(loadCredential(name).cert.notAfter.getTime()).toBeGreaterThan(
        Date.parse('2100-01-01T00:00:00Z'),
      );
    }
  });

  it('org1-expired is expired at the scenario clock', () => {
    expect(loadCredential('org1-expired').cert.notAfter.getTime()).toBeLessThan(
      Date.parse('2026-01-15T09:00:00Z'),
    );
  });

  it('each committed credential has its own key', () => {
    const fingerprints = new Set(CREDENTIAL_NAMES.map((n) => loadCredential(n).cert.sha256));
    expect(fingerprints.size).toBe(CREDENTIAL_NAMES.length);
  });
});
