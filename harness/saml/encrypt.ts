import {
  constants,
  createCipheriv,
  createDecipheriv,
  type KeyObject,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
} from 'node:crypto';
import { FedsimError } from '../core/errors.js';
import { NS } from './constants.js';
import { attr, child, descendants, textOf } from './xml.js';

/**
 * XML Encryption of the Assertion (EncryptedAssertion): a fresh AES-256 key encrypts the signed
 * Assertion, RSA-OAEP (MGF1, SHA-1 digest: what SAML stacks interoperate on) wraps the key for the SP.
 */
export type EncryptionAlgorithm = 'aes256-gcm' | 'aes256-cbc';

const XENC = 'http://www.w3.org/2001/04/xmlenc#';
const ALG_URI: Record<EncryptionAlgorithm, string> = {
  'aes256-gcm': 'http://www.w3.org/2009/xmlenc11#aes256-gcm',
  'aes256-cbc': 'http://www.w3.org/2001/04/xmlenc#aes256-cbc',
};
const RSA_OAEP = 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p';
const GCM_IV = 12;
const GCM_TAG = 16;
const CBC_IV = 16;

function oaep(key: KeyObject | string) {
  return { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' };
}

/** Encrypts an Assertion's XML (already signed, self-contained namespaces) for the SP's certificate. */
export function encryptAssertion(
  assertionXml: string,
  spCertPem: string,
  algorithm: EncryptionAlgorithm,
): string {
  const key = randomBytes(32);
  let payload: Buffer;
  if (algorithm === 'aes256-gcm') {
    const iv = randomBytes(GCM_IV);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(assertionXml, 'utf8'), cipher.final()]);
    payload = Buffer.concat([iv, body, cipher.getAuthTag()]);
  } else {
    const iv = randomBytes(CBC_IV);
    const cipher = createCipheriv('aes-256-cbc', key, iv);
    payload = Buffer.concat([iv, cipher.update(assertionXml, 'utf8'), cipher.final()]);
  }
  const wrapped = publicEncrypt(oaep(spCertPem), key).toString('base64');
  return (
    `<saml2:EncryptedAssertion xmlns:saml2="${NS.assertion}"><xenc:EncryptedData xmlns:xenc="${XENC}" Type="${XENC}Element">` +
    `<xenc:EncryptionMethod Algorithm="${ALG_URI[algorithm]}"/>` +
    `<ds:KeyInfo xmlns:ds="${NS.dsig}"><xenc:EncryptedKey><xenc:EncryptionMethod Algorithm="${RSA_OAEP}">` +
    `<ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/></xenc:EncryptionMethod>` +
    `<xenc:CipherData><xenc:CipherValue>${wrapped}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo>` +
    `<xenc:CipherData><xenc:CipherValue>${payload.toString('base64')}</xenc:CipherValue></xenc:CipherData>` +
    '</xenc:EncryptedData></saml2:EncryptedAssertion>'
  );
}

function failed(why: string, cause?: unknown): FedsimError {
  return new FedsimError('SAML_DECRYPTION_FAILED', `The encrypted assertion could not be decrypted: ${why}`, {
    cause,
    hint: "Give the IdP app the SP's current encryption certificate, or turn assertion encryption off on both sides.",
  });
}

/** The algorithms an EncryptedAssertion names, and whether fedsim's SPs can decrypt them. */
export function encryptionOf(encrypted: Element): {
  data?: string;
  keyTransport?: string;
  supported: boolean;
} {
  const data = attr(child(child(encrypted, XENC, 'EncryptedData'), XENC, 'EncryptionMethod'), 'Algorithm');
  const encryptedKey = descendants(encrypted, XENC, 'EncryptedKey')[0];
  const keyTransport = attr(child(encryptedKey, XENC, 'EncryptionMethod'), 'Algorithm');
  const supported = Object.values(ALG_URI).includes(data ?? '') && keyTransport === RSA_OAEP;
  return { data, keyTransport, supported };
}

/** Unwraps the AES key with the SP's private key; throws when the key was wrapped for another one. */
export function unwrapKey(encrypted: Element, privateKey: KeyObject): Buffer {
  const encryptedKey = descendants(encrypted, XENC, 'EncryptedKey')[0];
  const wrapped = textOf(child(child(encryptedKey, XENC, 'CipherData'), XENC, 'CipherValue')) ?? '';
  return privateDecrypt(oaep(privateKey), Buffer.from(wrapped, 'base64'));
}

/** Decrypts an EncryptedAssertion element with the SP's private key; returns the Assertion XML. */
export function decryptAssertion(encrypted: Element, privateKey: KeyObject): string {
  const data = child(encrypted, XENC, 'EncryptedData');
  const { data: algorithm, supported } = encryptionOf(encrypted);
  const alg = (Object.keys(ALG_URI) as EncryptionAlgorithm[]).find((a) => ALG_URI[a] === algorithm);
  if (!alg) throw failed(`unsupported data algorithm ${algorithm ?? 'none'}`);
  if (!supported) throw failed('the key is not wrapped with RSA-OAEP');
  const payload = Buffer.from(
    textOf(child(child(data, XENC, 'CipherData'), XENC, 'CipherValue')) ?? '',
    'base64',
  );
  try {
    const key = unwrapKey(encrypted, privateKey);
    if (alg === 'aes256-gcm') {
      const decipher = createDecipheriv('aes-256-gcm', key, payload.subarray(0, GCM_IV));
      decipher.setAuthTag(payload.subarray(payload.length - GCM_TAG));
      return Buffer.concat([
        decipher.update(payload.subarray(GCM_IV, payload.length - GCM_TAG)),
        decipher.final(),
      ]).toString('utf8');
    }
    // XML Encryption pads with ISO 10126 (random bytes, last one the length): strip by hand.
    const decipher = createDecipheriv('aes-256-cbc', key, payload.subarray(0, CBC_IV)).setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(payload.subarray(CBC_IV)), decipher.final()]);
    return plain.subarray(0, plain.length - (plain.at(-1) ?? 0)).toString('utf8');
  } catch (err) {
    throw failed(err instanceof Error ? err.message : String(err), err);
  }
}
