import { inflateRawSync } from 'node:zlib';
import { FedsimError, isFedsimError, toFedsimError } from '../../core/errors.js';
import { decodeBase64Message, MAX_MESSAGE_BYTES } from '../xml.js';
import type { RecordedProfile } from './profile.js';

/** A SAML message value decoded to XML: POST binding (base64) or Redirect binding (deflate + base64). */
export interface DecodedValue {
  xml: string;
  deflated: boolean;
}

/** Percent-decoding that keeps `+` (base64 never holds a space, but often an unescaped `+`). */
export function percentDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new FedsimError('SAML_BASE64_INVALID', 'The value is URL-encoded but the encoding is broken', {
      actual: `${value.slice(0, 40)}${value.length > 40 ? '…' : ''}`,
    });
  }
}

/** `a=1&b=2` pairs, percent-decoded, in order (a form body or a query string). */
export function formPairs(text: string): Array<[string, string]> {
  return text
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const i = p.indexOf('=');
      return i < 0 ? [percentDecode(p), ''] : [percentDecode(p.slice(0, i)), percentDecode(p.slice(i + 1))];
    });
}

function looksLikeXml(text: string): boolean {
  return text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('<');
}

/** Inflates a Redirect-binding payload with an output cap, so a deflate bomb stops early. */
function inflate(bytes: Buffer): string | undefined {
  let out: Buffer;
  try {
    out = inflateRawSync(bytes, { maxOutputLength: MAX_MESSAGE_BYTES });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new FedsimError(
        'SAML_XML_TOO_LARGE',
        `Redirect-binding message inflates to more than ${MAX_MESSAGE_BYTES} bytes (deflate bomb?)`,
        { expected: `≤ ${MAX_MESSAGE_BYTES} bytes after inflating` },
      );
    }
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(out);
  } catch {
    throw new FedsimError(
      'SAML_XML_INVALID',
      'Redirect-binding message inflates to bytes that are not UTF-8',
    );
  }
}

/**
 * Decodes a SAMLResponse / SAMLRequest value: base64 (raw or URL-encoded) of XML, or of
 * raw-deflated XML (Redirect binding). Errors carry the stable SAML_* input codes.
 */
export function decodeSamlValue(value: string): DecodedValue {
  let text: string | undefined;
  let firstError: FedsimError | undefined;
  try {
    text = decodeBase64Message(value);
    if (looksLikeXml(text)) return { xml: text, deflated: false };
  } catch (err) {
    if (!isFedsimError(err) || err.code !== 'SAML_XML_INVALID') throw err;
    firstError = err;
  }
  const base64 = (value.includes('%') ? percentDecode(value) : value).replace(/\s+/g, '');
  const inflated = inflate(Buffer.from(base64, 'base64'));
  if (inflated !== undefined) {
    if (!looksLikeXml(inflated)) {
      throw new FedsimError('SAML_XML_INVALID', 'Redirect-binding message inflates to text that is not XML', {
        actual: inflated.slice(0, 40),
      });
    }
    return { xml: inflated, deflated: true };
  }
  throw (
    firstError ??
    new FedsimError('SAML_XML_INVALID', 'base64 decodes to text that is not XML', {
      expected: 'base64 of a SAML XML message',
      actual: `${(text ?? '').slice(0, 40)}…`,
    })
  );
}

export const SAML_PARAMS = ['SAMLResponse', 'SAMLRequest'] as const;
export type SamlParam = (typeof SAML_PARAMS)[number];

/** One SAML message found in the input: its XML, or why it could not be decoded. */
export interface InputMessage {
  /** Where it was found, e.g. `input`, `SAMLResponse`, `HAR entry 3: POST https://… (SAMLResponse)`. */
  source: string;
  param?: SamlParam;
  binding: 'post' | 'redirect' | 'xml';
  relayState?: string;
  xml?: string;
  error?: FedsimError;
  /** The receiving SP's profile, when the input recorded it (a trace document). */
  recorded?: RecordedProfile;
}

const isSamlParam = (name: string): name is SamlParam => (SAML_PARAMS as readonly string[]).includes(name);

/** Decodes one parameter value into a message; never throws (a broken message is reported as such). */
export function messageFrom(source: string, param: SamlParam | undefined, value: string): InputMessage {
  try {
    const { xml, deflated } = decodeSamlValue(value);
    return { source, param, binding: deflated ? 'redirect' : 'post', xml };
  } catch (err) {
    return { source, param, binding: 'post', error: toFedsimError(err) };
  }
}

/** The SAML messages among form or query pairs, each with the RelayState that travelled with it. */
export function messagesFromPairs(pairs: Array<[string, string]>, where: string): InputMessage[] {
  const relayState = pairs.find(([k]) => k === 'RelayState')?.[1]?.replace(/\+/g, ' ');
  return pairs
    .filter(([k]) => isSamlParam(k))
    .map(([k, v]) => {
      const m = messageFrom(where ? `${where} (${k})` : k, k as SamlParam, v);
      return relayState === undefined ? m : { ...m, relayState };
    });
}
