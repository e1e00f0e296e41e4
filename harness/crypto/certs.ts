import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import type Forge from 'node-forge';

/**
 * node-forge is loaded when a certificate is first made, not with this module: loading it costs
 * ~50 ms of CPU (42 files), and most processes and threads (every scenario run, serve) never make one.
 */
let loaded: typeof Forge | undefined;
const forgeLib = () => {
  loaded ??= createRequire(import.meta.url)('node-forge') as typeof Forge;
  return loaded;
};

/** Options for a self-signed test certificate; every field has a test-friendly default. */
export interface CertOptions {
  commonName: string;
  organization?: string;
  notBefore?: Date;
  notAfter?: Date;
  /** Hex serial number; positive (leading nibble < 8). */
  serial?: string;
  /** RSA modulus length in bits. */
  modulusLength?: number;
}

export interface KeyPairPem {
  privateKeyPem: string;
  certPem: string;
}

export const CERT_DEFAULTS = {
  organization: 'fedsim test only',
  notBefore: new Date('2025-01-01T00:00:00Z'),
  notAfter: new Date('2125-01-01T00:00:00Z'),
  serial: '01',
  modulusLength: 2048,
} as const;

/**
 * Generates an RSA key pair and a self-signed X.509 certificate. The key comes from node:crypto
 * (native, ~10x faster than forge's JS prime search); forge builds and signs the certificate.
 */
export function generateCertificate(options: CertOptions): KeyPairPem {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: options.modulusLength ?? CERT_DEFAULTS.modulusLength,
  });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

  const forge = forgeLib();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  cert.serialNumber = options.serial ?? CERT_DEFAULTS.serial;
  cert.validity.notBefore = options.notBefore ?? CERT_DEFAULTS.notBefore;
  cert.validity.notAfter = options.notAfter ?? CERT_DEFAULTS.notAfter;
  const attrs = [
    { name: 'commonName', value: options.commonName },
    { name: 'organizationName', value: options.organization ?? CERT_DEFAULTS.organization },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privateKeyPem), forge.md.sha256.create());
  return { privateKeyPem, certPem: forge.pki.certificateToPem(cert) };
}
