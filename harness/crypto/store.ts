import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageFolder } from '../core/package-folder.js';
import type { KeyPairPem } from './certs.js';
import { type SigningCredential, toCredential } from './credential.js';

/**
 * The committed test-only credentials in certs/: one per signing party, plus the ones scenarios
 * need to show rollover (org1-next), an expired IdP cert (org1-expired) and a forger (attacker).
 */
export const CREDENTIALS = {
  'org1-org2org': {},
  'org2-dropbox': {},
  'dropbox-sp': {},
  'org2-sp': {},
  'org1-next': {},
  'org1-expired': { notBefore: new Date('2023-01-01T00:00:00Z'), notAfter: new Date('2024-01-01T00:00:00Z') },
  attacker: {},
  /** The IdP signing key of org2's App Integration Wizard SAML apps (world.org2.apps). */
  'org2-apps': {},
} as const satisfies Record<string, { notBefore?: Date; notAfter?: Date }>;
export type CredentialName = keyof typeof CREDENTIALS;
export const CREDENTIAL_NAMES = Object.keys(CREDENTIALS) as [CredentialName, ...CredentialName[]];

/** certs/ at the package root, from the sources, dist/ and a worker bundle alike. */
export function certsDir(): string {
  return packageFolder('certs', dirname(fileURLToPath(import.meta.url)));
}

export function readPair(name: string, dir = certsDir()): KeyPairPem {
  return {
    privateKeyPem: readFileSync(join(dir, `${name}.key.pem`), 'utf8'),
    certPem: readFileSync(join(dir, `${name}.cert.pem`), 'utf8'),
  };
}

const cache = new Map<string, SigningCredential>();

/** Loads and parses a committed credential once per process. */
export function loadCredential(name: CredentialName): SigningCredential {
  let cred = cache.get(name);
  if (!cred) {
    cred = toCredential(readPair(name));
    cache.set(name, cred);
  }
  return cred;
}
