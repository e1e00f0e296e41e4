import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { FedsimError } from '../../core/errors.js';
import type { CertInfo } from '../../crypto/credential.js';
import { NS } from '../constants.js';
import { encryptionOf, unwrapKey } from '../encrypt.js';
import { children, descendants, textOf } from '../xml.js';
import { parseCertificates, readText } from './read.js';

/** A private key an SP decrypts with, and the certificate the IdP encrypts to. */
export interface SpKey {
  key: KeyObject;
  /** How the report names it: the file, or the SP whose key it is. */
  name: string;
  cert?: CertInfo;
}

const spki = (k: KeyObject) => k.export({ type: 'spki', format: 'der' }).toString('base64');

/** `--sp-key` files paired in order with `--sp-cert` files; a key that is not its cert's is refused. */
export function readSpKeys(keyFiles: readonly string[], certFiles: readonly string[]): SpKey[] {
  if (keyFiles.length !== certFiles.length) {
    throw new FedsimError(
      'CLI_USAGE',
      `--sp-key and --sp-cert come in pairs: ${keyFiles.length} key(s), ${certFiles.length} certificate(s)`,
    );
  }
  return keyFiles.map((file, i) => {
    const certFile = certFiles[i] as string;
    let key: KeyObject;
    try {
      key = createPrivateKey(readText(file, '--sp-key'));
    } catch (err) {
      if (err instanceof FedsimError) throw err;
      throw new FedsimError('CONFIG_INVALID', `--sp-key ${file}: not a PEM private key`, { cause: err });
    }
    const cert = parseCertificates(readText(certFile, '--sp-cert'))[0] as CertInfo;
    if (spki(createPublicKey(key)) !== spki(cert.publicKey)) {
      throw new FedsimError('CONFIG_INVALID', `--sp-key ${file} is not the key of --sp-cert ${certFile}`, {
        hint: 'Pair each --sp-key with the certificate of the same key pair, in the same order.',
      });
    }
    return { key, name: `--sp-key ${file} (${cert.subject}, SHA-256 ${cert.sha256})`, cert };
  });
}

/** The certificate the IdP says it encrypted to (EncryptedKey's KeyInfo), when it names one. */
function recipientCert(encrypted: Element): string | undefined {
  const der = textOf(descendants(encrypted, NS.dsig, 'X509Certificate')[0]);
  return der ? parseCertificates(der)[0]?.sha256 : undefined;
}

/**
 * The key that opens a Response's EncryptedAssertion, tried in order as an SP holding several
 * (a rollover) would; undefined for a plaintext assertion. Why none does is a stable code:
 * an algorithm the SP does not decrypt, no key, or a key wrapped for another certificate.
 */
export function openingKey(root: Element, keys: readonly SpKey[]): SpKey | undefined {
  const encrypted = children(root, NS.assertion, 'EncryptedAssertion')[0];
  if (!encrypted) return undefined;
  const algorithms = encryptionOf(encrypted);
  if (!algorithms.supported) {
    throw new FedsimError(
      'SAML_DECRYPTION_ALGORITHM_UNSUPPORTED',
      `The EncryptedAssertion uses ${algorithms.data ?? 'no data algorithm'} with key transport ${algorithms.keyTransport ?? 'none'}`,
      { expected: 'aes256-gcm or aes256-cbc, key wrapped with rsa-oaep-mgf1p', actual: algorithms },
    );
  }
  if (keys.length === 0) {
    throw new FedsimError('SAML_DECRYPTION_FAILED', 'The assertion is encrypted and no SP key was given', {
      hint: "Pass the SP's private key with --sp-key and its certificate with --sp-cert.",
    });
  }
  const opens = keys.find((k) => {
    try {
      unwrapKey(encrypted, k.key);
      return true;
    } catch {
      return false;
    }
  });
  if (opens) return opens;
  const recipient = recipientCert(encrypted);
  throw new FedsimError(
    'SAML_DECRYPTION_KEY_MISMATCH',
    `None of the ${keys.length} SP key(s) opens the EncryptedAssertion: it was encrypted for another certificate${recipient ? ` (SHA-256 ${recipient})` : ''}`,
    { expected: recipient, actual: keys.map((k) => k.name) },
  );
}
