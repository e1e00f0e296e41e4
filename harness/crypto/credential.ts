import { createHash, createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { FedsimError } from '../core/errors.js';
import type { KeyPairPem } from './certs.js';

/** A certificate parsed once: what the checks, metadata and reports need about it. */
export interface CertInfo {
  pem: string;
  /** Base64 DER, as it appears in ds:X509Certificate. */
  base64: string;
  subject: string;
  notBefore: Date;
  notAfter: Date;
  sha1: string;
  sha256: string;
  /** The public key, created once: verifying with it skips a PEM parse per signature. */
  publicKey: KeyObject;
}

/** A signing credential: private key object created once, certificate parsed once. */
export interface SigningCredential {
  privateKey: KeyObject;
  privateKeyPem: string;
  cert: CertInfo;
}

function fingerprint(der: Buffer, alg: 'sha1' | 'sha256'): string {
  const hex = createHash(alg).update(der).digest('hex').toUpperCase();
  return hex.match(/../g)?.join(':') ?? hex;
}

/** Accepts PEM or bare base64 DER (as in metadata and Okta's JSON). */
export function parseCertificate(input: string): CertInfo {
  const base64 = input.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(Buffer.from(base64, 'base64'));
  } catch (err) {
    throw new FedsimError(
      'CERT_INVALID',
      'Certificate could not be parsed as X.509 (PEM or base64 DER expected)',
      {
        actual: `${base64.slice(0, 40)}…`,
        cause: err,
      },
    );
  }
  const der = x509.raw;
  return {
    pem: `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`,
    base64,
    subject: x509.subject.replace(/\n/g, ', '),
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
    sha1: fingerprint(der, 'sha1'),
    sha256: fingerprint(der, 'sha256'),
    publicKey: x509.publicKey,
  };
}

export function toCredential(pair: KeyPairPem): SigningCredential {
  return {
    privateKey: createPrivateKey(pair.privateKeyPem),
    privateKeyPem: pair.privateKeyPem,
    cert: parseCertificate(pair.certPem),
  };
}
