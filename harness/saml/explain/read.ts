import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FedsimError } from '../../core/errors.js';
import { type CertInfo, parseCertificate } from '../../crypto/credential.js';
import { CREDENTIAL_NAMES, type CredentialName, loadCredential } from '../../crypto/store.js';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Every certificate in PEM text (a rollover bundle holds two), or one bare base64 DER. */
export function parseCertificates(text: string): CertInfo[] {
  const blocks = text.match(PEM_BLOCK);
  return blocks ? blocks.map((b) => parseCertificate(b)) : [parseCertificate(text.trim())];
}

/**
 * Trusted certificates from a reference: a PEM file (relative to `baseDir`), inline PEM, or the
 * name of a committed credential in certs/ (e.g. `org1-org2org`).
 */
export function readCerts(ref: string, baseDir = process.cwd()): CertInfo[] {
  if (ref.includes('-----BEGIN CERTIFICATE-----')) return parseCertificates(ref);
  const file = resolve(baseDir, ref);
  if (existsSync(file)) return parseCertificates(readFileSync(file, 'utf8'));
  if ((CREDENTIAL_NAMES as readonly string[]).includes(ref))
    return [loadCredential(ref as CredentialName).cert];
  throw new FedsimError('CONFIG_INVALID', `Certificate ${ref} not found`, {
    expected: `a PEM file, or one of ${CREDENTIAL_NAMES.join(', ')}`,
    actual: file,
  });
}

export function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new FedsimError(
      'CONFIG_INVALID',
      `${what} ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      { cause: err },
    );
  }
}

export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new FedsimError('CONFIG_INVALID', `${file}: not JSON (${String(err)})`);
  }
}
